/* test_inventory.c: inventory values are data, never shell: the password_command splitter,
 * helpers run without a shell in a minimal environment, the shapes of host, user, jump, paths
 * and names, lines too long for inih, files that are not inventories, devices defined twice,
 * the permissions warning, and what a recording's device.ini leaves out.  At NOC scale: groups
 * and their precedence, includes (globs, order, nesting, cycles), errors naming the first bad
 * line of whichever file holds it, and the vendor aliases. */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "core/clock.h"
#include "core/cmdline.h"
#include "core/inventory.h"
#include "core/inventory_values.h"
#include "core/vendor_names.h"
#include "parsers/parser.h"
#include "probes/helpers.h"
#include "probes/spawn.h"
#include "tests/testhelp.h"

static char tmpdir[64];

static int make_tmpdir(void **state)
{
    (void)state;
    return th_tmpdir(tmpdir, sizeof(tmpdir), "inv");
}

static int remove_tmpdir(void **state)
{
    (void)state;
    return th_rmtree(tmpdir);
}

static void tmp_path(char *buf, size_t size, const char *name)
{
    snprintf(buf, size, "%s/%s", tmpdir, name);
}

/* Writes text to tmpdir/rel (0600), making its directories. */
static void put(const char *rel, const char *text)
{
    char path[512];
    tmp_path(path, sizeof(path), rel);
    for (char *p = strchr(path + strlen(tmpdir) + 1, '/'); p; p = strchr(p + 1, '/')) {
        *p = '\0';
        if (mkdir(path, 0700) != 0 && errno != EEXIST)
            fail_msg("mkdir %s: %s", path, strerror(errno));
        *p = '/';
    }
    FILE *f = fopen(path, "w");
    assert_non_null(f);
    fputs(text, f);
    assert_int_equal(fclose(f), 0);
}

/* Loads tmpdir/rel: must fail with err equal to want, where "@/" stands for tmpdir's path. */
static void file_refused(const char *rel, const char *want)
{
    inventory_t inv;
    char path[512], err[700], expect[700];
    tmp_path(path, sizeof(path), rel);
    size_t w = 0;
    for (const char *p = want; *p && w + 1 < sizeof(expect); p++) {
        if (p[0] == '@' && p[1] == '/')
            w += (size_t)snprintf(expect + w, sizeof(expect) - w, "%s", tmpdir);
        else
            expect[w++] = *p;
    }
    expect[w] = '\0';
    if (inventory_load(&inv, path, err, sizeof(err)) == 0) {
        inventory_free(&inv);
        fail_msg("accepted: %s", rel);
    }
    if (strncmp(err, expect, strlen(expect)) != 0)
        fail_msg("got '%s', want '%s...'", err, expect);
}

static bool exists(const char *path)
{
    struct stat st;
    return lstat(path, &st) == 0;
}

static void write_text(const char *path, const char *text, mode_t mode)
{
    FILE *f = fopen(path, "w");
    assert_non_null(f);
    fputs(text, f);
    assert_int_equal(fclose(f), 0);
    assert_int_equal(chmod(path, mode), 0);
}

/* Loading text must fail with a message starting with want. */
static void refused(const char *text, const char *want)
{
    inventory_t inv;
    char err[600];
    if (inventory_load_string(&inv, "bad.ini", text, err, sizeof(err)) == 0) {
        inventory_free(&inv);
        fail_msg("accepted: %s", text);
    }
    if (strncmp(err, want, strlen(want)) != 0)
        fail_msg("got '%s', want '%s...'", err, want);
}

static void accepted(const char *text)
{
    inventory_t inv;
    char err[600] = "";
    if (inventory_load_string(&inv, "good.ini", text, err, sizeof(err)) != 0)
        fail_msg("refused: %s", err);
    inventory_free(&inv);
}

#define DEV "[device a]\nhost = h\nvendor = ios\n"

/* ---- the splitter ---- */

static void splitter_quotes_like_a_shell(void **state)
{
    (void)state;
    struct {
        const char *line;
        int argc;
        const char *words[4];
    } cases[] = {
        {"pass show noc/ce1", 3, {"pass", "show", "noc/ce1"}},
        {"  printf  '%s\\n'   \"a b\"  ", 3, {"printf", "%s\\n", "a b"}},
        {"echo 'it''s' x\\ y \"q\\\"uote\" \"\\$HOME\"", 5, {"echo", "its", "x y", "q\"uote"}},
        {"op read 'op://vault/a b/password' ''", 4, {"op", "read", "op://vault/a b/password", ""}},
        {"cat ~/pw ~ x~/", 4, {"cat", "/home/u/pw", "/home/u", "x~/"}},
        {"echo '$(touch f);|&<>' \"a;b|c\"", 3, {"echo", "$(touch f);|&<>", "a;b|c"}},
    };
    for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
        cmdline_t cl;
        char err[200];
        if (cmdline_split(cases[i].line, "/home/u", &cl, err, sizeof(err)) != 0)
            fail_msg("case %zu refused: %s", i, err);
        assert_int_equal(cl.argc, cases[i].argc);
        for (int k = 0; k < cl.argc && k < 4 && cases[i].words[k]; k++)
            assert_string_equal(cl.argv[k], cases[i].words[k]);
        assert_null(cl.argv[cl.argc]);
    }
    cmdline_t cl;
    char err[200];
    assert_int_equal(cmdline_split("echo \"\\$HOME\" x", "/h", &cl, err, sizeof(err)), 0);
    assert_string_equal(cl.argv[1], "$HOME");
    assert_int_equal(cmdline_split("cat ~/pw", NULL, &cl, err, sizeof(err)), 0);
    assert_string_equal(cl.argv[1], "~/pw"); /* no home: left as written */
}

static void splitter_refuses_what_needs_a_shell(void **state)
{
    (void)state;
    struct {
        const char *line, *why;
    } cases[] = {
        {"pass show x; touch f", "';' outside quotes"},
        {"pass show x|tee f", "'|' outside quotes"},
        {"pass show x && y", "'&' outside quotes"},
        {"pass show x >f", "'>' outside quotes"},
        {"pass show x <f", "'<' outside quotes"},
        {"echo $(touch f)", "'$' outside quotes"},
        {"echo `touch f`", "'`' outside quotes"},
        {"echo $HOME", "'$' outside quotes"},
        {"echo \"$(touch f)\"", "'$' inside double quotes"},
        {"echo \"`id`\"", "'`' inside double quotes"},
        {"ls *.gpg", "'*' outside quotes"},
        {"echo # comment", "a word starting with '#'"},
        {"echo 'open", "a ' is not closed"},
        {"echo \"open", "a \" is not closed"},
        {"echo x\\", "a backslash at the end"},
        {"echo a\nb", "a control character (0x0a)"},
        {"   ", "no command"},
        {"", "no command"},
    };
    for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
        cmdline_t cl;
        char err[200] = "";
        if (cmdline_split(cases[i].line, "/h", &cl, err, sizeof(err)) == 0)
            fail_msg("case %zu accepted: %s", i, cases[i].line);
        if (strncmp(err, cases[i].why, strlen(cases[i].why)) != 0)
            fail_msg("case %zu: got '%s', want '%s...'", i, err, cases[i].why);
    }
    char many[200] = "x";
    for (int i = 0; i < CMDLINE_MAX_ARGS; i++)
        strcat(many, " y");
    cmdline_t cl;
    char err[200];
    assert_int_equal(cmdline_split(many, NULL, &cl, err, sizeof(err)), -1);
    assert_string_equal(err, "more than 32 words");
}

/* ---- helpers without a shell ---- */

static void password_command_runs_without_a_shell(void **state)
{
    (void)state;
    char pw[256], err[400], marker[128], cmd[400];
    assert_int_equal(helper_password("printf '%s\\n' 'pw with spaces' second", pw, sizeof(pw), err, sizeof(err)), 0);
    assert_string_equal(pw, "pw with spaces");
    /* A quoted $(...) is an argument, never run. */
    tmp_path(marker, sizeof(marker), "pw-ran");
    snprintf(cmd, sizeof(cmd), "echo '$(touch %s)'", marker);
    assert_int_equal(helper_password(cmd, pw, sizeof(pw), err, sizeof(err)), 0);
    assert_true(strncmp(pw, "$(touch ", 8) == 0);
    assert_false(exists(marker));
    /* Refused at run time too, whatever the inventory said. */
    snprintf(cmd, sizeof(cmd), "echo x; touch %s", marker);
    assert_int_equal(helper_password(cmd, pw, sizeof(pw), err, sizeof(err)), -1);
    assert_non_null(strstr(err, "password_command is run without a shell: ';' outside quotes"));
    assert_false(exists(marker));
    assert_int_equal(helper_password("true", pw, sizeof(pw), err, sizeof(err)), -1);
    assert_string_equal(err, "password_command: true printed no password");
    assert_int_equal(helper_password("false", pw, sizeof(pw), err, sizeof(err)), -1);
    assert_string_equal(err, "password_command: false exited with status 1");
    assert_int_equal(helper_password("/nonexistent/pw-tool", pw, sizeof(pw), err, sizeof(err)), -1);
    assert_non_null(strstr(err, "/nonexistent/pw-tool: No such file"));
}

static void helpers_see_a_minimal_environment(void **state)
{
    (void)state;
    char out[65536], err[200];
    size_t len;
    cmdline_t cl;
    setenv("ERDIAG_SECRET_TEST", "hunter2", 1);
    setenv("GNUPGHOME", "/tmp/gnupg-test", 1);
    assert_int_equal(cmdline_split("env", NULL, &cl, err, sizeof(err)), 0);
    spawn_opts_t o = {.timeout_s = 10, .quiet_stderr = true};
    assert_int_equal(spawn_capture(cl.argv, &o, out, sizeof(out), &len, err, sizeof(err)), 0);
    assert_null(strstr(out, "ERDIAG_SECRET_TEST"));
    assert_null(strstr(out, "hunter2"));
    assert_non_null(strstr(out, "GNUPGHOME=/tmp/gnupg-test\n"));
    assert_non_null(strstr(out, "PATH="));
    unsetenv("ERDIAG_SECRET_TEST");
    /* stdin is /dev/null: cat ends at once instead of waiting for a terminal. */
    char *cat[] = {"cat", NULL};
    assert_int_equal(spawn_capture(cat, &o, out, sizeof(out), &len, err, sizeof(err)), 0);
    assert_int_equal(len, 0);
}

static void helpers_are_capped_and_timed(void **state)
{
    (void)state;
    char out[64], err[200];
    size_t len;
    spawn_opts_t o = {.timeout_s = 0.3, .quiet_stderr = true};
    char *slow[] = {"sleep", "5", NULL};
    double start = clock_now_s();
    assert_int_equal(spawn_capture(slow, &o, out, sizeof(out), &len, err, sizeof(err)), -1);
    assert_true(clock_now_s() - start < 2);
    assert_string_equal(err, "sleep: no answer in time");
    char *loud[] = {"seq", "100000", NULL};
    o.timeout_s = 10;
    assert_int_equal(spawn_capture(loud, &o, out, sizeof(out), &len, err, sizeof(err)), -1);
    assert_string_equal(err, "seq: printed more than 63 bytes");
}

/* A known_hosts path holding $(...) and quotes is only ever an argument of ssh-keygen. */
static void known_hosts_path_is_never_shell(void **state)
{
    (void)state;
    char dir[256], file[300], marker[128], key[300], line[1024], out[600], hosts[2200];
    tmp_path(marker, sizeof(marker), "kh-ran");
    snprintf(dir, sizeof(dir), "%s/kh'$(touch %s)'", tmpdir, marker);
    char *mk[] = {"mkdir", "-p", dir, NULL};
    char *keygen[] = {"ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-f", key, NULL};
    size_t len;
    char err[200];
    spawn_opts_t o = {.timeout_s = 20, .quiet_stderr = true};
    assert_int_equal(spawn_capture(mk, &o, out, sizeof(out), &len, err, sizeof(err)), 0);
    tmp_path(key, sizeof(key), "hostkey");
    assert_int_equal(spawn_capture(keygen, &o, out, sizeof(out), &len, err, sizeof(err)), 0);
    snprintf(line, sizeof(line), "%s.pub", key);
    FILE *pub = fopen(line, "r");
    assert_non_null(pub);
    assert_non_null(fgets(line, sizeof(line), pub));
    fclose(pub);
    snprintf(file, sizeof(file), "%s/known_hosts", dir);
    snprintf(hosts, sizeof(hosts), "other.example %s[127.0.0.1]:2222 %s", line, line);
    write_text(file, hosts, 0600);
    helper_known_host(file, "127.0.0.1", 2222, out, sizeof(out));
    snprintf(line, sizeof(line), "%s:2", file);
    assert_string_equal(out, line);
    assert_false(exists(marker));
}

/* ---- value shapes ---- */

static void jump_is_checked_and_split(void **state)
{
    (void)state;
    char marker[128], text[400];
    inv_jump_t j;
    assert_true(inventory_parse_jump("noc@bastion-1.example:2222", &j));
    assert_string_equal(j.user, "noc");
    assert_string_equal(j.host, "bastion-1.example");
    assert_int_equal(j.port, 2222);
    assert_true(inventory_parse_jump("[2001:db8::1]:22", &j));
    assert_string_equal(j.host, "2001:db8::1");
    assert_true(inventory_parse_jump("10.0.0.9", &j));
    assert_int_equal(j.port, 0);
    const char *bad[] = {"-oProxyCommand=touch f", "a b", "bastion:0", "bastion:70000", "bastion:22x", "[fe80::1%eth0]:22",
                         "[10.0.0.1]", "@bastion", "no user@h", "h;id", "x$(id)", "", "bastion:", "-l@h"};
    for (size_t i = 0; i < sizeof(bad) / sizeof(bad[0]); i++)
        if (inventory_parse_jump(bad[i], &j))
            fail_msg("jump '%s' accepted", bad[i]);
    tmp_path(marker, sizeof(marker), "jump-ran");
    snprintf(text, sizeof(text), DEV "jump = x$(touch %s)\n", marker);
    refused(text, "bad.ini:4: jump 'x$(touch ");
    assert_false(exists(marker));
    accepted(DEV "jump = noc@bastion:2222\n");
}

static void connection_values_have_strict_shapes(void **state)
{
    (void)state;
    refused("[device a]\nhost = x$(id)\nvendor = ios\n", "bad.ini:2: host 'x$(id)' is not a host name");
    refused("[device a]\nhost = -oProxyCommand=id\nvendor = ios\n", "bad.ini:2: host '-oProxyCommand=id'");
    refused("[device a]\nhost = fe80::1%eth0\nvendor = ios\n", "bad.ini:2: host 'fe80::1%eth0'");
    refused(DEV "user = noc;id\n", "bad.ini:4: user 'noc;id' may hold only");
    refused(DEV "user = -oX\n", "bad.ini:4: user '-oX'");
    refused(DEV "known_hosts = relative/kh\n", "bad.ini:4: known_hosts 'relative/kh' must be an absolute path");
    refused(DEV "identity = id\x1b[31m\n", "bad.ini:4: identity holds a control character");
    refused(DEV "password_command = pass show x;touch f\n",
            "bad.ini:4: password_command is run without a shell: ';' outside quotes");
    refused(DEV "password_command = pass show `id`\n", "bad.ini:4: password_command is run without a shell: '`'");
    refused(DEV "reverse_from = ../vm\n", "bad.ini:4: reverse_from '../vm' may hold only");
    refused("[device ../up]\nhost = h\nvendor = ios\n", "bad.ini:1: device name '../up' may hold only");
    refused("[device .hidden]\nhost = h\nvendor = ios\n", "bad.ini:1: device name '.hidden'");
    accepted("[device ce1_nyc.2-b]\nhost = 2001:db8::1\nvendor = ios\nuser = CORP\\noc@corp.example\n"
             "known_hosts = ~/.ssh/kh '$(x)'\nidentity = /keys/id\npassword_command = pass show 'a b;c'\n");
    accepted("[device a]\nhost = router-1.example.net\nvendor = ios\n");
}

/* ---- what inih reads ---- */

static void long_lines_are_refused_not_split(void **state)
{
    (void)state;
    char text[700], pad[300];
    /* 4th line: "circuit = " + padding, then what would become a key of its own if split. */
    memset(pad, 'x', sizeof(pad));
    snprintf(text, sizeof(text), DEV "circuit = %.*shost = evil\n", 189, pad);
    refused(text, "bad.ini:4: line longer than 199 bytes");
    snprintf(text, sizeof(text), DEV "circuit = %.*s\n", 290, pad);
    refused(text, "bad.ini:4: line longer than 199 bytes");
    /* 199 bytes before the newline still fit (also with CRLF, and without a last newline), and
     * the next line is read as itself. */
    snprintf(text, sizeof(text), DEV "; %.*s\nmd5 = maybe\n", 197, pad);
    refused(text, "bad.ini:5: md5: 'maybe'");
    snprintf(text, sizeof(text), DEV "; %.*s\r\nmd5 = yes\r\n", 197, pad);
    accepted(text);
    snprintf(text, sizeof(text), DEV "; %.*s", 197, pad);
    accepted(text);
    snprintf(text, sizeof(text), DEV "; %.*s\n", 250, pad);
    refused(text, "bad.ini:4: line longer than 199 bytes");
}

static void only_regular_text_files_are_read(void **state)
{
    (void)state;
    inventory_t inv;
    char err[600], path[128];
    double start = clock_now_s();
    assert_int_equal(inventory_load(&inv, "/dev/zero", err, sizeof(err)), -1);
    assert_string_equal(err, "/dev/zero: not a regular file");
    tmp_path(path, sizeof(path), "fifo.ini");
    assert_int_equal(mkfifo(path, 0600), 0);
    assert_int_equal(inventory_load(&inv, path, err, sizeof(err)), -1); /* no writer: must not block */
    assert_non_null(strstr(err, "fifo.ini: not a regular file"));
    assert_true(clock_now_s() - start < 2);
    tmp_path(path, sizeof(path), "big.ini");
    write_text(path, "", 0600);
    assert_int_equal(truncate(path, INV_MAX_FILE + 1), 0);
    assert_int_equal(inventory_load(&inv, path, err, sizeof(err)), -1);
    assert_non_null(strstr(err, "big.ini: larger than 1048576 bytes"));
    tmp_path(path, sizeof(path), "nul.ini");
    FILE *f = fopen(path, "w");
    assert_non_null(f);
    static const char with_nul[] = "[device a]\nhost = h\0x\nvendor = ios\n";
    fwrite(with_nul, 1, sizeof(with_nul) - 1, f);
    fclose(f);
    assert_int_equal(inventory_load(&inv, path, err, sizeof(err)), -1);
    assert_non_null(strstr(err, "nul.ini:2: a NUL byte"));
    assert_int_equal(inventory_load(&inv, "/nonexistent.ini", err, sizeof(err)), -1);
    assert_string_equal(err, "/nonexistent.ini: No such file or directory");
}

static void devices_defined_twice_name_both_lines(void **state)
{
    (void)state;
    refused(DEV "\n[device b]\nhost = h\nvendor = ios\n[device a]\nhost = h2\n",
            "bad.ini:8: device 'a' is defined twice (first at bad.ini:1)");
    refused(DEV "[device a]\nhost = h2\n", "bad.ini:4: device 'a' is defined twice (first at bad.ini:1)");
    refused(DEV "[defaults]\nuser = x\n[device a]\nport = 2\n", "bad.ini:6: device 'a' is defined twice");
}

/* ---- the permissions warning ---- */

/* The error names the first bad line of the file, whichever kind of mistake comes first: a
 * line that is no INI at all before a bad value, and a bad value before a later syntax error. */
/* The IPv6 peering has keys of its own; each family's view judges its own values. */
static void dual_stack_views(void **state)
{
    (void)state;
    inventory_t inv;
    char err[600] = "", buf[64];
    const char *text = "[device ce]\nhost = 10.0.0.1\nvendor = ios\nsubnet = 192.168.100.128/30\n"
                       "local_ip = 192.168.100.129\npeer_ip = 192.168.100.130\nsubnet6 = 2001:db8:c0de::/126\n"
                       "local_ip6 = 2001:db8:c0de::1\npeer_ip6 = 2001:db8:c0de::2\n"
                       "expect_prefixes = 10.1.0.0/16, 2001:db8:1::/48, 2001:db8:2::/48\n"
                       "azure_vm = 10.1.0.4\nazure_vm6 = 2001:db8:1::4\n";
    assert_int_equal(inventory_load_string(&inv, "ds.ini", text, err, sizeof(err)), 0);
    const device_t *d = inventory_find(&inv, "ce");
    family_t fam[2];
    assert_int_equal(device_families(d, fam), 2);
    assert_int_equal(fam[0], FAMILY_IPV4);
    assert_int_equal(fam[1], FAMILY_IPV6);
    device_t v;
    device_family_view(d, FAMILY_IPV6, &v);
    assert_int_equal(v.family, FAMILY_IPV6);
    ip_to_string(&v.peer_ip, buf, sizeof(buf));
    assert_string_equal(buf, "2001:db8:c0de::2");
    assert_int_equal(v.subnet.len, 126);
    assert_int_equal(v.n_expect_prefixes, 2);
    ip_to_string(&v.azure_vm, buf, sizeof(buf));
    assert_string_equal(buf, "2001:db8:1::4");
    device_family_view(d, FAMILY_IPV4, &v);
    assert_int_equal(v.n_expect_prefixes, 1);
    ip_to_string(&v.peer_ip, buf, sizeof(buf));
    assert_string_equal(buf, "192.168.100.130");
    /* written back, the IPv6 keys come back too */
    char *out = NULL;
    size_t len = 0;
    FILE *f = open_memstream(&out, &len);
    assert_int_equal(inventory_write_device(f, d), 0);
    fclose(f);
    assert_non_null(strstr(out, "peer_ip6 = 2001:db8:c0de::2\n"));
    assert_non_null(strstr(out, "subnet6 = 2001:db8:c0de::/126\n"));
    free(out);
    inventory_free(&inv);
    /* an IPv6-only device has one family */
    assert_int_equal(inventory_load_string(&inv, "v6.ini", "[device a]\nhost = h\nvendor = frr\npeer_ip6 = 2001:db8:c0de::2\n",
                                           err, sizeof(err)), 0);
    assert_int_equal(device_families(&inv.devices[0], fam), 1);
    assert_int_equal(fam[0], FAMILY_IPV6);
    inventory_free(&inv);
    refused("[device a]\nhost = h\nvendor = ios\nsubnet = 2001:db8:c0de::/126\n",
            "bad.ini:4: subnet '2001:db8:c0de::/126' is IPv6: write it as subnet6");
    refused("[device a]\nhost = h\nvendor = ios\npeer_ip6 = 192.168.100.130\n",
            "bad.ini:4: peer_ip6 '192.168.100.130' is IPv4: write it as peer_ip");
    refused("[device a]\nhost = h\nvendor = ios\nsubnet6 = 2001:db8:c0de::/126\npeer_ip6 = 2001:db8:c0de::6\n",
            "bad.ini:5: peer_ip6 is outside subnet6");
}

static void first_bad_line_is_named(void **state)
{
    (void)state;
    refused("[device a]\nhost = 192.0.2.1\nvendor = ios\nbogus line\npeer_ip = 1.2.3\n", "bad.ini:4: not an INI line");
    refused("[device a]\nhost = 192.0.2.1\nvendor = ios\npeer_ip = 1.2.3\nbogus line\n",
            "bad.ini:4: peer_ip: '1.2.3' is not");
    refused("[device a]\nhost = 192.0.2.1\nvendor = ios\nfoo = 1\npeer_ip = 1.2.3\n", "bad.ini:4: unknown key 'foo'");
}

static void loose_permissions_are_warned_about(void **state)
{
    (void)state;
    inventory_t inv;
    char err[600], path[128];
    tmp_path(path, sizeof(path), "perm.ini");
    write_text(path, DEV "password_command = pass show a\n", 0644);
    assert_int_equal(inventory_load(&inv, path, err, sizeof(err)), 0);
    assert_non_null(strstr(inv.warning, "holds password_command or identity and is readable by others (mode 644)"));
    inventory_free(&inv);
    assert_int_equal(chmod(path, 0620), 0);
    assert_int_equal(inventory_load(&inv, path, err, sizeof(err)), 0);
    assert_non_null(strstr(inv.warning, "is writable by others (mode 620): chmod 600"));
    inventory_free(&inv);
    assert_int_equal(chmod(path, 0600), 0);
    assert_int_equal(inventory_load(&inv, path, err, sizeof(err)), 0);
    assert_string_equal(inv.warning, "");
    inventory_free(&inv);
    write_text(path, DEV, 0644); /* nothing about logging in: nothing to warn about */
    assert_int_equal(inventory_load(&inv, path, err, sizeof(err)), 0);
    assert_string_equal(inv.warning, "");
    inventory_free(&inv);
}

/* ---- device.ini of a recording ---- */

static void recorded_device_leaves_login_out(void **state)
{
    (void)state;
    static const char *const gone[] = {"password_command", "identity", "jump", "known_hosts", "pass show", "bastion"};
    inventory_t inv, back;
    char err[600], *text = NULL;
    size_t len = 0;
    assert_int_equal(inventory_load_string(&inv, "inv.ini",
                                           DEV "user = noc\nport = 2222\nvrf = ER\nidentity = ~/.ssh/id\n"
                                               "password_command = pass show ce1\njump = noc@bastion\n"
                                               "known_hosts = ~/.ssh/kh\ncircuit = er-1\n",
                                           err, sizeof(err)),
                     0);
    FILE *f = open_memstream(&text, &len);
    assert_non_null(f);
    assert_int_equal(inventory_write_device(f, &inv.devices[0]), 0);
    assert_int_equal(fclose(f), 0);
    for (size_t i = 0; i < sizeof(gone) / sizeof(gone[0]); i++)
        if (strstr(text, gone[i]))
            fail_msg("device.ini holds '%s':\n%s", gone[i], text);
    assert_non_null(strstr(text, "\nuser = noc\n"));
    assert_non_null(strstr(text, "\ncircuit = er-1\n"));
    assert_int_equal(inventory_load_string(&back, "device.ini", text, err, sizeof(err)), 0);
    assert_string_equal(back.devices[0].host, "h");
    assert_int_equal(back.devices[0].port, 2222);
    assert_string_equal(back.devices[0].vrf, "ER");
    assert_string_equal(back.devices[0].password_command, "");
    inventory_free(&back);
    inventory_free(&inv);
    free(text);
}

/* 32 prefixes do not fit one 199-byte line: the list goes on over lines of the same section,
 * the device's first line replaces [defaults]', and device.ini writes it back the same way. */
static void prefix_lists_span_lines(void **state)
{
    (void)state;
    inventory_t inv, back;
    char err[600], text[4096], *out = NULL;
    size_t len = 0;
    int n = snprintf(text, sizeof(text), "[defaults]\nexpect_prefixes = 192.0.2.0/24\n" DEV);
    for (int line = 0; line < 8; line++) {
        n += snprintf(text + n, sizeof(text) - (size_t)n, "expect_prefixes = ");
        for (int k = 0; k < 4; k++)
            n += snprintf(text + n, sizeof(text) - (size_t)n, "%s2001:db8:%x::/48", k ? ", " : "", line * 4 + k);
        n += snprintf(text + n, sizeof(text) - (size_t)n, "\n");
    }
    assert_int_equal(inventory_load_string(&inv, "inv.ini", text, err, sizeof(err)), 0);
    assert_int_equal(inv.devices[0].n_expect_prefixes, 32);
    FILE *f = open_memstream(&out, &len);
    assert_non_null(f);
    assert_int_equal(inventory_write_device(f, &inv.devices[0]), 0);
    assert_int_equal(fclose(f), 0);
    assert_int_equal(inventory_load_string(&back, "device.ini", out, err, sizeof(err)), 0);
    assert_int_equal(back.devices[0].n_expect_prefixes, 32);
    assert_memory_equal(back.devices[0].expect_prefixes, inv.devices[0].expect_prefixes,
                        sizeof(inv.devices[0].expect_prefixes));
    inventory_free(&back);
    inventory_free(&inv);
    free(out);
    refused(DEV "expect_prefixes = 10.0.0.0/8\nexpect_prefixes = 10.0.0.0/8, 10.0.0.0/8, 10.0.0.0/8, 10.0.0.0/8, "
            "10.0.0.0/8, 10.0.0.0/8, 10.0.0.0/8, 10.0.0.0/8, 10.0.0.0/8, 10.0.0.0/8, 10.0.0.0/8, 10.0.0.0/8\n"
            "expect_prefixes = 10.0.0.0/8, 10.0.0.0/8, 10.0.0.0/8, 10.0.0.0/8, 10.0.0.0/8, 10.0.0.0/8, 10.0.0.0/8, "
            "10.0.0.0/8, 10.0.0.0/8, 10.0.0.0/8, 10.0.0.0/8, 10.0.0.0/8, 10.0.0.0/8, 10.0.0.0/8, 10.0.0.0/8\n"
            "expect_prefixes = 10.0.0.0/8, 10.0.0.0/8, 10.0.0.0/8, 10.0.0.0/8, 10.0.0.0/8\n",
            "bad.ini:7: expect_prefixes: more than 32 prefixes");
}

/* ---- groups ---- */

/* Every kind of key (text, address, number, bool, prefix list) through every layer: the device
 * over its later group over its earlier group over [defaults] over the built-in value, with
 * [defaults] and one group written after the devices that use them. */
static const char *const layered =
    "[group early]\n"                                           /* 1 */
    "user = u-early\ntimeout = 20\nbfd = no\nonprem_source = 10.0.0.2\nexpect_prefixes = 10.2.0.0/16, 10.3.0.0/16\n"
    "[device own]\n"                                            /* 7 */
    "host = h1\ngroup = early, late\n"
    "user = u-own\ntimeout = 50\nbfd = no\nonprem_source = 10.0.0.4\nexpect_prefixes = 10.5.0.0/16\n"
    "[device late-wins]\nhost = h2\ngroup = early, late\n"      /* 15 */
    "[device early-wins]\nhost = h3\ngroup = late\ngroup = early\n" /* 18: two lines add up */
    "[device only-early]\nhost = h4\ngroup = early\n"           /* 22 */
    "[device none]\nhost = h5\n"                                /* 25 */
    "[defaults]\nvendor = ios\nuser = u-def\ntimeout = 10\nbfd = yes\nonprem_source = 10.0.0.1\n"
    "expect_prefixes = 10.0.0.0/8\n"
    "[group late]\n"                                            /* 34 */
    "user = u-late\ntimeout = 40\nbfd = yes\nonprem_source = 10.0.0.3\nexpect_prefixes = 10.4.0.0/16\n";

static void assert_layer(const inventory_t *inv, const char *name, const char *user, int timeout, bool bfd,
                         const char *onprem, const char *first_prefix, int n_prefixes)
{
    const device_t *d = inventory_find(inv, name);
    char buf[64];
    if (!d)
        fail_msg("no device %s", name);
    assert_string_equal(d->user, user);
    assert_int_equal(d->timeout_s, timeout);
    assert_int_equal(d->bfd_expected, bfd);
    ip_to_string(&d->onprem_source, buf, sizeof(buf));
    assert_string_equal(buf, onprem);
    assert_int_equal(d->n_expect_prefixes, n_prefixes);
    prefix_to_string(&d->expect_prefixes[0], false, buf, sizeof(buf));
    assert_string_equal(buf, first_prefix);
    assert_string_equal(d->vendor, "ios");
}

static void groups_layer_in_order(void **state)
{
    (void)state;
    inventory_t inv;
    char err[600] = "";
    if (inventory_load_string(&inv, "layers.ini", layered, err, sizeof(err)) != 0)
        fail_msg("refused: %s", err);
    assert_layer(&inv, "own", "u-own", 50, false, "10.0.0.4", "10.5.0.0/16", 1);
    assert_layer(&inv, "late-wins", "u-late", 40, true, "10.0.0.3", "10.4.0.0/16", 1);
    assert_layer(&inv, "early-wins", "u-early", 20, false, "10.0.0.2", "10.2.0.0/16", 2);
    assert_layer(&inv, "only-early", "u-early", 20, false, "10.0.0.2", "10.2.0.0/16", 2);
    assert_layer(&inv, "none", "u-def", 10, true, "10.0.0.1", "10.0.0.0/8", 1);
    const device_t *d = inventory_find(&inv, "early-wins");
    assert_int_equal(d->n_groups, 2);
    assert_string_equal(d->groups[0], "late");
    assert_string_equal(d->groups[1], "early");
    assert_string_equal(d->file, "layers.ini");
    assert_int_equal(d->line, 18);
    assert_true(device_in_group(d, "early") && !device_in_group(inventory_find(&inv, "none"), "early"));
    assert_int_equal(inv.n_groups, 2);
    assert_string_equal(inv.groups[0].name, "early");
    assert_int_equal(inv.groups[0].line, 1);
    assert_int_equal(inv.groups[0].n_members, 4);
    const inv_group_t *late = inventory_find_group(&inv, "late");
    assert_non_null(late);
    assert_int_equal(late->line, 34);
    assert_int_equal(late->n_members, 3);
    assert_null(inventory_find_group(&inv, "nope"));
    inventory_free(&inv);
}

/* A circuit a group gives its members is one circuit, met once. */
static void circuits_are_met_once(void **state)
{
    (void)state;
    inventory_t inv;
    char err[600] = "";
    assert_int_equal(inventory_load_string(&inv, "c.ini",
                                           "[group er1]\ncircuit = er-1\n[defaults]\nvendor = ios\nhost = h\n"
                                           "[device a]\ngroup = er1\n[device b]\ngroup = er1\nlink = secondary\n"
                                           "[device x]\ncircuit = er-2\n[device y]\nuser = u\n",
                                           err, sizeof(err)),
                     0);
    const bool first[] = {true, false, true, false};
    assert_int_equal(inv.n_devices, 4);
    for (size_t i = 0; i < 4; i++)
        assert_int_equal(inventory_circuit_first(&inv, i), first[i]);
    assert_string_equal(inv.devices[1].circuit, "er-1");
    inventory_free(&inv);
}

/* A contradiction between layers names the line of the key applied last (the device's). */
static void group_errors_name_their_line(void **state)
{
    (void)state;
    refused(DEV "group = nope\n", "bad.ini:4: device 'a': no group 'nope' (no [group nope] section)");
    refused(DEV "group = g, nope\n[group g]\nuser = x\n", "bad.ini:4: device 'a': no group 'nope'");
    refused("[group g]\ngroup = h\n", "bad.ini:2: a [group] may not name groups: groups do not nest");
    refused("[defaults]\ngroup = h\n", "bad.ini:2: group names a device's groups: not in [defaults]");
    refused("[group g]\nuser = a\n\n[group g]\nuser = b\n", "bad.ini:4: group 'g' is defined twice (first at bad.ini:1)");
    refused(DEV "group = g, g\n", "bad.ini:4: group 'g' is named twice");
    refused(DEV "group = a1, a2, a3, a4, a5, a6, a7, a8, a9\n", "bad.ini:4: group: more than 8 groups");
    refused(DEV "group = ../x\n", "bad.ini:4: group name '../x' may hold only");
    refused("[group ../x]\nuser = a\n", "bad.ini:1: group name '../x' may hold only");
    refused("[group g]\nsubnet = 192.168.1.0/30\n" DEV "group = g\npeer_ip = 192.168.2.2\n",
            "bad.ini:7: peer_ip is outside subnet");
    refused("[group g]\npeer_ip = 192.168.2.2\n" DEV "group = g\nsubnet = 192.168.1.0/30\n",
            "bad.ini:7: peer_ip is outside subnet");
    refused(DEV "group = g\nsubnet = 192.168.1.0/30\n[group g]\npeer_ip = 192.168.2.2\n", /* group read last */
            "bad.ini:5: peer_ip is outside subnet");
    refused("[group g]\nlocal_as = 12076\n" DEV "group = g\n", "bad.ini:2: local_as equals peer_as");
    /* The device overrides both keys of a pair its group set: no contradiction is left. */
    accepted("[group g]\nsubnet = 192.168.1.0/30\npeer_ip = 192.168.1.2\n" DEV
             "group = g\nsubnet = 192.168.2.0/30\npeer_ip = 192.168.2.2\n");
    /* Of two devices' errors, the one on the earlier line, whichever device is resolved first. */
    refused("[device a]\nhost = h\ngroup = g\n[device b]\nvendor = ios\n[group g]\nvendor = ios\nlocal_as = 12076\n",
            "bad.ini:4: device 'b' has no host");
    refused("[device a]\nvendor = ios\n[group g]\nuser = x\n", "bad.ini:1: device 'a' has no host");
}

/* ---- includes ---- */

static void includes_read_in_place_and_order(void **state)
{
    (void)state;
    put("inc/main.ini", "; the site\ninclude = conf.d/*.ini\ninclude = empty.d/*.ini\ninclude = nowhere/*.ini\n"
                        "[defaults]\nvendor = ios\n[device main]\nhost = m\ngroup = core\n");
    put("inc/conf.d/b.ini", "[device b]\nhost = hb\n");
    put("inc/conf.d/a.ini", "include = ../more/*.ini\n[device a]\nhost = ha\ngroup = core\n");
    put("inc/conf.d/B.ini", "[device B]\nhost = hB\n");
    put("inc/conf.d/notes.txt", "not an inventory\n");
    put("inc/more/groups.ini", "[group core]\nuser = core-user\n");
    char path[512], empty[512], err[600] = "", want[512];
    tmp_path(empty, sizeof(empty), "inc/empty.d");
    assert_int_equal(mkdir(empty, 0700), 0);
    tmp_path(path, sizeof(path), "inc/main.ini");
    inventory_t inv;
    if (inventory_load(&inv, path, err, sizeof(err)) != 0)
        fail_msg("refused: %s", err);
    /* Byte order (B before a), each file's devices where its include stands. */
    const char *order[] = {"B", "a", "b", "main"};
    assert_int_equal(inv.n_devices, 4);
    for (size_t i = 0; i < 4; i++)
        assert_string_equal(inv.devices[i].name, order[i]);
    assert_string_equal(inventory_find(&inv, "a")->user, "core-user");
    assert_string_equal(inventory_find(&inv, "main")->user, "core-user");
    assert_string_equal(inventory_find(&inv, "b")->vendor, "ios"); /* [defaults] of the including file */
    snprintf(want, sizeof(want), "%s/inc/conf.d/../more/groups.ini", tmpdir);
    assert_string_equal(inv.groups[0].file, want);
    assert_int_equal(inv.groups[0].n_members, 2);
    snprintf(want, sizeof(want), "%s/inc/conf.d/a.ini", tmpdir);
    assert_string_equal(inventory_find(&inv, "a")->file, want);
    assert_int_equal(inventory_find(&inv, "a")->line, 2);
    inventory_free(&inv);
}

static void include_errors_name_the_file(void **state)
{
    (void)state;
    /* A bad line of an included file is named in that file. */
    put("ie/bad.ini", "include = d/*.ini\n");
    put("ie/d/x.ini", "[device x]\nhost = h\nport = 99999\n");
    file_refused("ie/bad.ini", "@/ie/d/x.ini:3: port: '99999' is not a whole number");
    /* A device defined twice across files names both places. */
    put("dup/top.ini", "include = a.ini\ninclude = b.ini\n");
    put("dup/a.ini", "[defaults]\nvendor = ios\n\n\n\n\n[device ce1]\nhost = h\n");
    put("dup/b.ini", "\n\n[device ce1]\nhost = h\n");
    file_refused("dup/top.ini", "@/dup/b.ini:3: device 'ce1' is defined twice (first at @/dup/a.ini:7)");
    /* The first bad line in reading order: a syntax error before the include beats the included
     * file's bad value (inih reports syntax errors at the end), and one after it does not. */
    put("first/before.ini", "bogus line\ninclude = x.ini\n");
    put("first/after.ini", "include = x.ini\nbogus line\n");
    put("first/x.ini", "[device x]\nhost = h\nvendor = cisco\n");
    file_refused("first/before.ini", "@/first/before.ini:1: not an INI line");
    file_refused("first/after.ini", "@/first/x.ini:3: vendor 'cisco' is not one of");
    put("first/late.ini", "[device y]\nhost = h\nvendor = ios\ngroup = nope\n");
    put("first/both.ini", "include = late.ini\n[device z]\nvendor = ios\n");
    file_refused("first/both.ini", "@/first/late.ini:4: device 'y': no group 'nope'");
    /* Where an include may stand, and what it must name. */
    put("where/sec.ini", "[defaults]\nvendor = ios\ninclude = x.ini\n");
    file_refused("where/sec.ini", "@/where/sec.ini:3: include must stand before the file's first section");
    put("where/missing.ini", "include = not-there.ini\n");
    file_refused("where/missing.ini", "@/where/missing.ini:1: include = not-there.ini: no such file");
    put("where/stray.ini", "user = x\n");
    file_refused("where/stray.ini", "@/where/stray.ini:1: 'user' outside a section (only include =");
    put("where/dir.ini", "include = sub*\n");
    put("where/sub1/x.ini", "");
    file_refused("where/dir.ini", "@/where/dir.ini:1: include = sub*: @/where/sub1: not a regular file");
    refused("include = /etc/passwd\n", "bad.ini:1: include is read only from an inventory file");
}

static void include_depth_and_cycles(void **state)
{
    (void)state;
    put("deep/l0.ini", "include = l1.ini\n");
    put("deep/l1.ini", "include = l2.ini\n");
    put("deep/l2.ini", "include = l3.ini\n");
    put("deep/l3.ini", "include = l4.ini\n");
    put("deep/l4.ini", "[device deep]\nhost = h\nvendor = ios\n");
    char path[512], err[600] = "";
    inventory_t inv;
    tmp_path(path, sizeof(path), "deep/l0.ini");
    if (inventory_load(&inv, path, err, sizeof(err)) != 0) /* four levels of includes are allowed */
        fail_msg("refused: %s", err);
    assert_non_null(inventory_find(&inv, "deep"));
    inventory_free(&inv);
    put("deep/l4.ini", "include = l5.ini\n");
    put("deep/l5.ini", "[device deeper]\nhost = h\nvendor = ios\n");
    file_refused("deep/l0.ini", "@/deep/l4.ini:1: include = l5.ini: files included more than 4 deep");
    put("cyc/self.ini", "include = self.ini\n");
    file_refused("cyc/self.ini", "@/cyc/self.ini:1: include = self.ini: @/cyc/self.ini: it is being read already: a cycle");
    put("cyc/c1.ini", "include = c2.ini\n");
    put("cyc/c2.ini", "include = c1.ini\n");
    file_refused("cyc/c1.ini", "@/cyc/c2.ini:1: include = c1.ini: @/cyc/c1.ini: it is being read already: a cycle");
}

/* The including file's directory is a path, not a pattern; an included file that holds how to
 * log in is warned about when others may read it. */
static void include_directory_is_literal(void **state)
{
    (void)state;
    char path[512], conf[512], err[600] = "";
    put("we[ir]d/main.ini", "include = conf.d/*.ini\n");
    put("we[ir]d/conf.d/a.ini", "[device a]\nhost = h\nvendor = ios\npassword_command = pass show a\n");
    tmp_path(conf, sizeof(conf), "we[ir]d/conf.d/a.ini");
    assert_int_equal(chmod(conf, 0644), 0);
    tmp_path(path, sizeof(path), "we[ir]d/main.ini");
    inventory_t inv;
    if (inventory_load(&inv, path, err, sizeof(err)) != 0)
        fail_msg("refused: %s", err);
    assert_int_equal(inv.n_devices, 1);
    assert_non_null(strstr(inv.warning, "conf.d/a.ini holds password_command or identity and is readable by others"));
    inventory_free(&inv);
}

/* ---- vendor names ---- */

static void vendor_aliases_are_one_table(void **state)
{
    (void)state;
    static const struct {
        const char *alias, *name;
    } cases[] = {
        {"cisco_ios", "ios"},  {"cisco_xe", "ios"},       {"cisco_nxos", "nxos"},  {"cisco_xr", "iosxr"},
        {"juniper_junos", "junos"}, {"arista_eos", "eos"}, {"ios", "ios"},         {"nxos_ssh", "nxos"},
        {"eos", "eos"},        {"junos", "junos"},        {"iosxe", "ios"},        {"Cisco_IOS", "ios"},
        {"frr", "frr"},        {"vtysh", "frr"},          {"linux", "linux"},      {"iosxr", "iosxr"},
    };
    for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
        char text[200], err[600] = "";
        inventory_t inv;
        snprintf(text, sizeof(text), "[device a]\nhost = h\nvendor = %s\n", cases[i].alias);
        if (inventory_load_string(&inv, "v.ini", text, err, sizeof(err)) != 0)
            fail_msg("%s refused: %s", cases[i].alias, err);
        assert_string_equal(inv.devices[0].vendor, cases[i].name);
        inventory_free(&inv);
        /* erdiag parse takes the same names for the same platform */
        const parser_vendor_t *pv = parser_vendor_find(cases[i].alias);
        assert_non_null(pv);
        assert_string_equal(pv->name, cases[i].name);
    }
    assert_string_equal(vendor_canonical("win"), "windows");
    assert_null(vendor_canonical("cisco"));
    refused("[device a]\nhost = h\nvendor = cisco\n", "bad.ini:3: vendor 'cisco' is not one of");
    refused("[device a]\nhost = h\nvendor = windows\n", "bad.ini:3: vendor 'windows' is not one of"); /* no SSH */
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(splitter_quotes_like_a_shell),
        cmocka_unit_test(splitter_refuses_what_needs_a_shell),
        cmocka_unit_test(password_command_runs_without_a_shell),
        cmocka_unit_test(helpers_see_a_minimal_environment),
        cmocka_unit_test(helpers_are_capped_and_timed),
        cmocka_unit_test(known_hosts_path_is_never_shell),
        cmocka_unit_test(jump_is_checked_and_split),
        cmocka_unit_test(connection_values_have_strict_shapes),
        cmocka_unit_test(long_lines_are_refused_not_split),
        cmocka_unit_test(only_regular_text_files_are_read),
        cmocka_unit_test(devices_defined_twice_name_both_lines),
        cmocka_unit_test(first_bad_line_is_named), cmocka_unit_test(dual_stack_views),
        cmocka_unit_test(loose_permissions_are_warned_about),
        cmocka_unit_test(recorded_device_leaves_login_out),
        cmocka_unit_test(prefix_lists_span_lines),
        cmocka_unit_test(groups_layer_in_order),
        cmocka_unit_test(circuits_are_met_once),
        cmocka_unit_test(group_errors_name_their_line),
        cmocka_unit_test(includes_read_in_place_and_order),
        cmocka_unit_test(include_errors_name_the_file),
        cmocka_unit_test(include_depth_and_cycles),
        cmocka_unit_test(include_directory_is_literal),
        cmocka_unit_test(vendor_aliases_are_one_table),
    };
    return cmocka_run_group_tests_name("inventory", tests, make_tmpdir, remove_tmpdir);
}
