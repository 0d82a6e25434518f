/* test_record.c: recordings are private and only where asked: modes whatever the umask, planted
 * symbolic links refused and never followed, the directory itself a link or another user's,
 * index.tsv rewritten, numbered files never replacing an earlier run's, answers redacted,
 * device.ini without login details, and the recorder reporting what it could not save. */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "core/inventory.h"
#include "probes/record_dir.h"
#include "probes/transport.h"
#include "probes/vendor.h"
#include "tests/testhelp.h"

static char top[64];

static int make_top(void **state)
{
    (void)state;
    return th_tmpdir(top, sizeof(top), "rec");
}

static int remove_top(void **state)
{
    (void)state;
    return th_rmtree(top);
}

static void path_of(char *buf, size_t size, const char *rel)
{
    snprintf(buf, size, "%s/%s", top, rel);
}

static char *slurp(const char *path)
{
    static char buf[8192];
    FILE *f = fopen(path, "r");
    if (!f)
        return NULL;
    size_t n = fread(buf, 1, sizeof(buf) - 1, f);
    fclose(f);
    buf[n] = '\0';
    return buf;
}

static void put(const char *path, const char *text)
{
    FILE *f = fopen(path, "w");
    assert_non_null(f);
    fputs(text, f);
    assert_int_equal(fclose(f), 0);
}

static unsigned mode_of(const char *path)
{
    struct stat st;
    assert_int_equal(lstat(path, &st), 0);
    return (unsigned)(st.st_mode & 07777);
}

/* A recording directory under top, freshly opened; fails the test when it cannot be. */
static record_dir_t *fresh(const char *rel, char *path, size_t size)
{
    char err[600];
    path_of(path, size, rel);
    record_dir_t *d = record_dir_open(path, err, sizeof(err));
    if (!d)
        fail_msg("%s", err);
    return d;
}

static void modes_whatever_the_umask(void **state)
{
    (void)state;
    char dir[256], p[300], err[600], name[64];
    mode_t old = umask(022);
    record_dir_t *d = fresh("modes", dir, sizeof(dir));
    assert_int_equal(record_dir_capture(d, "bgp_summary.txt", "x\n", 2, err, sizeof(err)), 0);
    assert_int_equal(record_dir_capture_new(d, "cmd", name, sizeof(name), "y\n", 2, err, sizeof(err)), 0);
    assert_int_equal(record_dir_index(d, "show users", name, err, sizeof(err)), 0);
    umask(0277); /* what the system makes of 0700 and 0600 under this umask does not matter */
    record_dir_t *sub = record_dir_sub(d, "vm1", err, sizeof(err));
    assert_non_null(sub);
    assert_int_equal(record_dir_write(sub, "tcp_console.txt", "open\n", 5, err, sizeof(err)), 0);
    umask(old);
    assert_int_equal(mode_of(dir), 0700);
    path_of(p, sizeof(p), "modes/vm1");
    assert_int_equal(mode_of(p), 0700);
    const char *files[] = {"modes/bgp_summary.txt", "modes/cmd-1.txt", "modes/index.tsv", "modes/vm1/tcp_console.txt"};
    for (size_t i = 0; i < sizeof(files) / sizeof(files[0]); i++) {
        path_of(p, sizeof(p), files[i]);
        if (mode_of(p) != 0600)
            fail_msg("%s has mode %o", files[i], mode_of(p));
    }
    record_dir_close(sub);
    record_dir_close(d);
}

/* A link planted under name pointing at a victim file: refused, victim untouched. */
static void planted_link_is_refused(record_dir_t *d, const char *dir, const char *name)
{
    char link[300], victim[300], err[600];
    path_of(victim, sizeof(victim), "victim");
    put(victim, "precious\n");
    snprintf(link, sizeof(link), "%s/%s", dir, name);
    assert_int_equal(symlink(victim, link), 0);
    int rc;
    if (strcmp(name, "index.tsv") == 0) {
        rc = record_dir_index(d, "show users", "cmd-1.txt", err, sizeof(err));
    } else if (strcmp(name, "device.ini") == 0) {
        inventory_t inv;
        assert_int_equal(inventory_load_string(&inv, "i", "[device a]\nhost = h\nvendor = ios\n", err, sizeof(err)), 0);
        const device_t *devs[] = {&inv.devices[0]};
        rc = record_dir_devices(d, devs, 1, err, sizeof(err));
        inventory_free(&inv);
    } else {
        rc = record_dir_capture(d, name, "overwritten\n", 12, err, sizeof(err));
    }
    assert_int_equal(rc, -1);
    char want[400];
    snprintf(want, sizeof(want), "%s/%s: is a symbolic link", dir, name);
    if (strncmp(err, want, strlen(want)) != 0)
        fail_msg("got '%s', want '%s...'", err, want);
    assert_string_equal(slurp(victim), "precious\n");
    assert_int_equal(unlink(link), 0);
}

static void planted_links_are_never_followed(void **state)
{
    (void)state;
    char dir[256];
    record_dir_t *d = fresh("links", dir, sizeof(dir));
    planted_link_is_refused(d, dir, "device.ini");
    planted_link_is_refused(d, dir, "interfaces.txt");
    planted_link_is_refused(d, dir, "index.tsv");
    /* A link where a numbered file would go is a taken name: the next number is used. */
    char link[300], victim[300], name[64], err[600];
    snprintf(link, sizeof(link), "%s/cmd-1.txt", dir);
    path_of(victim, sizeof(victim), "victim");
    assert_int_equal(symlink(victim, link), 0);
    assert_int_equal(record_dir_capture_new(d, "cmd", name, sizeof(name), "answer\n", 7, err, sizeof(err)), 0);
    assert_string_equal(name, "cmd-2.txt");
    assert_string_equal(slurp(victim), "precious\n");
    /* A link as a subdirectory. */
    snprintf(link, sizeof(link), "%s/vm1", dir);
    assert_int_equal(symlink(top, link), 0);
    assert_null(record_dir_sub(d, "vm1", err, sizeof(err)));
    assert_non_null(strstr(err, "links/vm1: is a symbolic link: refusing to record into it"));
    assert_null(record_dir_sub(d, "../up", err, sizeof(err)));
    record_dir_close(d);
}

static void the_directory_must_be_ours(void **state)
{
    (void)state;
    char link[300], err[600], with_slash[320], file[300];
    path_of(link, sizeof(link), "dirlink");
    assert_int_equal(symlink(top, link), 0);
    assert_null(record_dir_open(link, err, sizeof(err)));
    assert_non_null(strstr(err, "dirlink: is a symbolic link: refusing to record into it"));
    snprintf(with_slash, sizeof(with_slash), "%s//", link); /* "DIR/" would follow the link */
    assert_null(record_dir_open(with_slash, err, sizeof(err)));
    assert_non_null(strstr(err, "dirlink: is a symbolic link"));
    path_of(file, sizeof(file), "afile");
    put(file, "x");
    snprintf(with_slash, sizeof(with_slash), "%s/rec", file);
    assert_null(record_dir_open(with_slash, err, sizeof(err)));
    assert_non_null(strstr(err, "afile/rec: Not a directory"));
    if (geteuid() == 0) { /* as root: a directory of another user is refused */
        char other[300];
        path_of(other, sizeof(other), "others");
        assert_int_equal(mkdir(other, 0777), 0);
        assert_int_equal(chown(other, 65534, 65534), 0);
        assert_null(record_dir_open(other, err, sizeof(err)));
        assert_non_null(strstr(err, "others: belongs to another user"));
    }
}

static void files_are_replaced_not_reopened(void **state)
{
    (void)state;
    char dir[256], p[300], err[600], name[64];
    record_dir_t *d = fresh("replace", dir, sizeof(dir));
    path_of(p, sizeof(p), "replace/interfaces.txt");
    put(p, "first poll\n");
    assert_int_equal(chmod(p, 0644), 0);
    char hard[300];
    path_of(hard, sizeof(hard), "hardlink-victim");
    assert_int_equal(link(p, hard), 0); /* the old inode is shared: it must stay as it was */
    assert_int_equal(record_dir_capture(d, "interfaces.txt", "second poll\n", 12, err, sizeof(err)), 0);
    assert_string_equal(slurp(p), "second poll\n");
    assert_string_equal(slurp(hard), "first poll\n");
    assert_int_equal(mode_of(p), 0600);
    /* An earlier run's cmd-1.txt stays; ours is cmd-2.txt. */
    path_of(p, sizeof(p), "replace/cmd-1.txt");
    put(p, "earlier run\n");
    assert_int_equal(record_dir_capture_new(d, "cmd", name, sizeof(name), "this run\n", 9, err, sizeof(err)), 0);
    assert_string_equal(name, "cmd-2.txt");
    assert_string_equal(slurp(p), "earlier run\n");
    /* Not a plain name: refused. */
    assert_int_equal(record_dir_capture(d, "../escape.txt", "x", 1, err, sizeof(err)), -1);
    assert_non_null(strstr(err, "not a plain file name"));
    assert_int_equal(record_dir_capture(d, ".hidden", "x", 1, err, sizeof(err)), -1);
    record_dir_close(d);
}

static void index_puts_the_newest_first(void **state)
{
    (void)state;
    char dir[256], p[300], err[600];
    record_dir_t *d = fresh("index", dir, sizeof(dir));
    path_of(p, sizeof(p), "index/index.tsv");
    put(p, "show users\tcmd-1.txt\nshow clock\tcmd-2.txt\nshow users extra\tcmd-3.txt");
    assert_int_equal(record_dir_index(d, "show users", "cmd-4.txt", err, sizeof(err)), 0);
    assert_string_equal(slurp(p), "show users\tcmd-4.txt\nshow clock\tcmd-2.txt\nshow users extra\tcmd-3.txt");
    assert_int_equal(record_dir_index(d, "show\tusers", "cmd-5.txt", err, sizeof(err)), -1);
    assert_int_equal(record_dir_index(d, "show users", "../x", err, sizeof(err)), -1);
    record_dir_close(d);
}

static void answers_are_redacted_and_device_ini_has_no_login(void **state)
{
    (void)state;
    char dir[256], p[300], err[600];
    record_dir_t *d = fresh("redact", dir, sizeof(dir));
    const char *cfg = " neighbor 192.168.100.130 password 7 0822455D0A16544541\n";
    assert_int_equal(record_dir_capture(d, "bgp_config.txt", cfg, strlen(cfg), err, sizeof(err)), 0);
    path_of(p, sizeof(p), "redact/bgp_config.txt");
    assert_null(strstr(slurp(p), "0822455D0A16544541"));
    assert_non_null(strstr(slurp(p), "password 7 <redacted>"));
    inventory_t inv;
    assert_int_equal(inventory_load_string(&inv, "i",
                                           "[device a]\nhost = h\nvendor = ios\npassword_command = pass show a\n"
                                           "identity = ~/.ssh/id\njump = bastion\n[device vm1]\nhost = v\nvendor = linux\n",
                                           err, sizeof(err)),
                     0);
    const device_t *devs[] = {&inv.devices[0], &inv.devices[1]};
    assert_int_equal(record_dir_devices(d, devs, 2, err, sizeof(err)), 0);
    inventory_free(&inv);
    path_of(p, sizeof(p), "redact/device.ini");
    const char *ini = slurp(p);
    assert_null(strstr(ini, "password_command"));
    assert_null(strstr(ini, "identity"));
    assert_null(strstr(ini, "jump"));
    assert_non_null(strstr(ini, "[device a]\nhost = h\n"));
    assert_non_null(strstr(ini, "\n\n[device vm1]\nhost = v\n"));
    assert_int_equal(inventory_load(&inv, p, err, sizeof(err)), 0);
    assert_int_equal(inv.n_devices, 2);
    inventory_free(&inv);
    record_dir_close(d);
}

/* The recorder over a replayed device: the answer stays good, what could not be saved is said. */
static void recorder_reports_what_it_could_not_save(void **state)
{
    (void)state;
    char src[256], dir[256], p[300], err[600];
    path_of(src, sizeof(src), "source");
    assert_int_equal(mkdir(src, 0700), 0);
    path_of(p, sizeof(p), "source/bgp_summary.txt");
    put(p, "BGP router identifier 10.255.0.1, local AS number 65010\n");
    path_of(p, sizeof(p), "source/index.tsv");
    put(p, "show users\tusers.txt\n");
    path_of(p, sizeof(p), "source/users.txt");
    put(p, "noc vty 0\n");
    transport_t *replay = replay_open(src, &vendor_ios, err, sizeof(err));
    assert_non_null(replay);
    record_dir_t *d = fresh("recorder", dir, sizeof(dir));
    transport_t *t = record_open(replay, d, err, sizeof(err));
    assert_non_null(t);
    cmd_result_t res;
    assert_int_equal(transport_run(t, PROBE_BGP_SUMMARY, "show ip bgp summary", &res), 0);
    assert_string_equal(res.record_error, "");
    cmd_result_free(&res);
    assert_int_equal(transport_run(t, PROBE_COUNT, "show users", &res), 0);
    assert_string_equal(res.record_error, "");
    cmd_result_free(&res);
    path_of(p, sizeof(p), "recorder/cmd-1.txt");
    assert_string_equal(slurp(p), "noc vty 0\n");
    path_of(p, sizeof(p), "recorder/index.tsv");
    assert_string_equal(slurp(p), "show users\tcmd-1.txt\nshow ip bgp summary\tbgp_summary.txt\n");
    char victim[300];
    path_of(victim, sizeof(victim), "victim2");
    put(victim, "precious\n");
    path_of(p, sizeof(p), "recorder/bgp_summary.txt");
    assert_int_equal(unlink(p), 0);
    assert_int_equal(symlink(victim, p), 0);
    assert_int_equal(transport_run(t, PROBE_BGP_SUMMARY, "show ip bgp summary", &res), 0);
    assert_non_null(strstr(res.output, "local AS number 65010"));
    assert_non_null(strstr(res.record_error, "recorder/bgp_summary.txt: is a symbolic link"));
    cmd_result_free(&res);
    assert_string_equal(slurp(victim), "precious\n");
    transport_close(t);
    record_dir_close(d);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(modes_whatever_the_umask),
        cmocka_unit_test(planted_links_are_never_followed),
        cmocka_unit_test(the_directory_must_be_ours),
        cmocka_unit_test(files_are_replaced_not_reopened),
        cmocka_unit_test(index_puts_the_newest_first),
        cmocka_unit_test(answers_are_redacted_and_device_ini_has_no_login),
        cmocka_unit_test(recorder_reports_what_it_could_not_save),
    };
    return cmocka_run_group_tests_name("record", tests, make_top, remove_top);
}
