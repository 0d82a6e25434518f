/* devsim.c: a router that speaks SSH, for the tests.
 *
 * It serves an interactive shell that behaves like an IOS, NX-OS, EOS or Junos CLI: login
 * banner, prompt, echo, paging (a --More-- every 24 lines until paging is turned off), CRLF
 * line ends, "% Invalid input" for unknown commands.  Answers come from a scenario directory in
 * the replay layout (probe files), so the same captures serve replay and live tests.
 * Misbehaviours on demand: --behaviour slow | stall | disconnect | sticky-pager | hostile-banner
 * (a banner full of terminal escapes, then the session closes without a prompt) | long-line[-MB]
 * (every show command answers one line of MB megabytes, default 80, without a newline before
 * the prompt's CRLF: a hostile or broken device).  --stall-after N --stall-seconds S: a device
 * that logs in and answers its first N commands, then takes S seconds over the next one and
 * answers it, and every later one, normally (N counts the commands asked over all connections,
 * not terminal settings, empty lines or a telnet's hang-up: the one stall happens once).
 *
 * usage: devsim --port N --vendor V --hostname H --dir DIR --hostkey FILE
 *               [--user U --password P] [--banner] [--behaviour B] [--pidfile F]
 *               [--stall-after N --stall-seconds S]
 */
#include <errno.h>
#include <getopt.h>
#include <libssh/libssh.h>
#include <libssh/server.h>
#include <signal.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/prctl.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "probes/transport.h"

#define PAGE_LINES 24

typedef struct {
    int port;
    const char *vendor, *hostname, *dir, *hostkey, *user, *password, *behaviour, *pidfile;
    bool banner;
    int stall_after;    /* -1: never; else the commands answered before the one that stalls */
    int stall_seconds;
    unsigned *answered; /* commands asked so far, shared by every connection's process */
} sim_opts_t;

typedef struct {
    const sim_opts_t *o;
    ssh_channel ch;
    bool paging;
    bool junos;
} shell_t;

static void put(shell_t *s, const char *text, size_t len)
{
    if (len)
        ssh_channel_write(s->ch, text, (uint32_t)len);
}

static void puts_crlf(shell_t *s, const char *text)
{
    put(s, text, strlen(text));
    put(s, "\r\n", 2);
}

static void prompt(shell_t *s)
{
    char p[128];
    snprintf(p, sizeof(p), s->junos ? "\r\n%s@%s> " : "%s#", s->o->user, s->o->hostname);
    if (!s->junos)
        snprintf(p, sizeof(p), "%s#", s->o->hostname);
    put(s, p, strlen(p));
}

/* Waits for any key after a pager prompt; false when the client went away. */
static bool wait_key(shell_t *s)
{
    char c;
    return ssh_channel_read(s->ch, &c, 1, 0) == 1;
}

/* Writes an answer line by line: CRLF ends, a pager every PAGE_LINES lines while paging is on. */
static bool write_answer(shell_t *s, const char *text, size_t len)
{
    bool slow = strcmp(s->o->behaviour, "slow") == 0;
    bool cut = strcmp(s->o->behaviour, "disconnect") == 0;
    int lines = 0;
    for (size_t i = 0; i < len;) {
        const char *nl = memchr(text + i, '\n', len - i);
        size_t n = nl ? (size_t)(nl - (text + i)) : len - i;
        if (n && text[i + n - 1] == '\r')
            n--;
        put(s, text + i, n);
        put(s, "\r\n", 2);
        i += (nl ? (size_t)(nl - (text + i)) + 1 : n);
        lines++;
        if (cut && i > len / 2)
            return false; /* drop the connection mid-answer */
        if (slow)
            usleep(20000);
        if (s->paging && lines % PAGE_LINES == 0 && i < len) {
            const char *more = s->junos ? "---(more)---" : " --More-- ";
            put(s, more, strlen(more));
            if (!wait_key(s))
                return false;
            put(s, "\r          \r", 12);
        }
    }
    return true;
}

static bool paging_off(const shell_t *s, const char *line)
{
    return strcmp(line, "terminal length 0") == 0 || strcmp(line, "set cli screen-length 0") == 0;
}

static bool harmless_setting(const char *line)
{
    return strncmp(line, "terminal ", 9) == 0 || strncmp(line, "set cli ", 8) == 0;
}

/* A telnet that connected stays connected until the client types the escape: IOS Ctrl-^ x
 * (back to the prompt, session suspended), Junos Ctrl-] (a telnet> prompt that takes quit). */
static bool hold_telnet(shell_t *s)
{
    char c, prev = 0;
    char want = s->junos ? 0x1d : 'x';
    while (ssh_channel_read(s->ch, &c, 1, 0) == 1) {
        if ((s->junos && c == want) || (!s->junos && prev == 0x1e && c == want)) {
            if (!s->junos)
                return true;
            put(s, "\r\ntelnet> ", 11);
            char cmd[32];
            size_t n = 0;
            while (ssh_channel_read(s->ch, &c, 1, 0) == 1 && c != '\n' && c != '\r' && n + 1 < sizeof(cmd))
                cmd[n++] = c;
            cmd[n] = '\0';
            puts_crlf(s, strcmp(cmd, "quit") == 0 ? "Connection closed." : "?Invalid command");
            return true;
        }
        prev = c;
    }
    return false;
}

/* IOS "disconnect" of the suspended telnet asks to confirm. */
/* "long-line-20" -> 20 (MB); plain "long-line" -> 80; anything else -> 0. */
static size_t long_line_mb(const sim_opts_t *o)
{
    if (strncmp(o->behaviour, "long-line", 9) != 0)
        return 0;
    return o->behaviour[9] == '-' ? (size_t)atoi(o->behaviour + 10) : 80;
}

/* One line of mb megabytes ('x' with a digit every 64 bytes), then the line end. */
static bool write_long_line(shell_t *s, size_t mb)
{
    static char block[1 << 20];
    for (size_t i = 0; i < sizeof(block); i++)
        block[i] = i % 64 == 63 ? (char)('0' + i / 64 % 10) : 'x';
    for (size_t i = 0; i < mb; i++)
        if (ssh_channel_write(s->ch, block, sizeof(block)) != (int)sizeof(block))
            return false;
    put(s, "\r\n", 2);
    return true;
}

static bool disconnect_session(shell_t *s)
{
    char c;
    put(s, "Closing connection to 192.168.100.130 [confirm]", 47);
    if (ssh_channel_read(s->ch, &c, 1, 0) != 1)
        return false;
    put(s, "\r\n", 2);
    return true;
}

/* --stall-after: counts this command; the one after the first N waits --stall-seconds. */
static void count_and_stall(const sim_opts_t *o)
{
    if (o->stall_after < 0 || !o->answered)
        return;
    if (__atomic_fetch_add(o->answered, 1, __ATOMIC_SEQ_CST) != (unsigned)o->stall_after)
        return;
    struct timespec left = {.tv_sec = o->stall_seconds};
    while (nanosleep(&left, &left) != 0 && errno == EINTR)
        ;
}

static bool answer(shell_t *s, transport_t *replay, const char *line)
{
    if (!*line)
        return true;
    if (strcmp(line, "exit") == 0 || strcmp(line, "quit") == 0)
        return false;
    bool sticky = strcmp(s->o->behaviour, "sticky-pager") == 0;
    if (paging_off(s, line) && !sticky) {
        s->paging = false;
        if (s->junos)
            puts_crlf(s, "Screen length set to 0");
        return true;
    }
    if (harmless_setting(line) && !sticky)
        return true;
    if (strcmp(s->o->behaviour, "stall") == 0) {
        sleep(120); /* a device that never answers (bounded: a test must end) */
        return false;
    }
    if (!s->junos && strcmp(line, "disconnect") == 0)
        return disconnect_session(s);
    if (long_line_mb(s->o) && strncmp(line, "show ", 5) == 0)
        return write_long_line(s, long_line_mb(s->o));
    count_and_stall(s->o);
    cmd_result_t res;
    if (transport_run(replay, PROBE_COUNT, line, &res) != 0) {
        puts_crlf(s, s->junos ? "                                      ^" : "                 ^");
        puts_crlf(s, s->junos ? "syntax error, expecting <command>." : "% Invalid input detected at '^' marker.");
        return true;
    }
    bool ok = write_answer(s, res.output, res.len);
    bool connected = strncmp(line, "telnet ", 7) == 0 && res.output &&
                     (strstr(res.output, "Open") || strstr(res.output, "Connected to"));
    cmd_result_free(&res);
    return ok && (!connected || hold_telnet(s));
}

/* What a hostile or broken device may send before any prompt: a window title (OSC), a full
 * reset (ESC c), a C1 CSI raw and an OSC in UTF-8, among readable UTF-8; then it hangs up. */
static void hostile_banner(shell_t *s)
{
    puts_crlf(s, "Welcome to caf\xc3\xa9-edge \x1b]0;pwned\x07\x1b" "c\x9b" "2J\xc2\x9d" "0;x\x07");
    puts_crlf(s, "login refused \x1b[31mhere\x1b[0m");
}

static void run_shell(shell_t *s)
{
    char err[256];
    if (strcmp(s->o->behaviour, "hostile-banner") == 0) {
        hostile_banner(s);
        return;
    }
    transport_t *replay = replay_open(s->o->dir, vendor_find(s->o->vendor), err, sizeof(err));
    if (!replay)
        return;
    if (s->o->banner) {
        puts_crlf(s, "***************************************************");
        puts_crlf(s, "*  Authorised access only. Activity is logged.    *");
        puts_crlf(s, "*  ce1-nyc: ExpressRoute primary, er-nyc-01       *");
        puts_crlf(s, "***************************************************");
        puts_crlf(s, "");
    }
    prompt(s);
    char line[1024];
    size_t n = 0;
    for (;;) {
        char c;
        int got = ssh_channel_read(s->ch, &c, 1, 0);
        if (got != 1)
            break;
        if (c == '\r' || c == '\n') {
            line[n] = '\0';
            put(s, "\r\n", 2);
            if (!answer(s, replay, line))
                break;
            n = 0;
            prompt(s);
        } else if (n + 1 < sizeof(line)) {
            line[n++] = c;
            put(s, &c, 1); /* a PTY echoes what is typed */
        }
    }
    transport_close(replay);
}

/* Authentication, then channel open, pty and shell (or exec: *exec_cmd gets the command). */
static ssh_channel accept_shell(ssh_session session, const sim_opts_t *o, char *exec_cmd, size_t size)
{
    ssh_channel ch = NULL;
    bool authed = false, shell = false;
    ssh_message m;
    while (!shell && (m = ssh_message_get(session)) != NULL) {
        int type = ssh_message_type(m), sub = ssh_message_subtype(m);
        bool done = false;
        if (type == SSH_REQUEST_AUTH && sub == SSH_AUTH_METHOD_PASSWORD) {
            if (strcmp(ssh_message_auth_user(m), o->user) == 0 &&
                strcmp(ssh_message_auth_password(m), o->password) == 0) {
                authed = true;
                ssh_message_auth_reply_success(m, 0);
                done = true;
            }
        } else if (authed && type == SSH_REQUEST_CHANNEL_OPEN && sub == SSH_CHANNEL_SESSION) {
            ch = ssh_message_channel_request_open_reply_accept(m);
            done = ch != NULL;
        } else if (ch && type == SSH_REQUEST_CHANNEL && sub == SSH_CHANNEL_REQUEST_EXEC) {
            snprintf(exec_cmd, size, "%s", ssh_message_channel_request_command(m));
            ssh_message_channel_request_reply_success(m);
            shell = done = true;
        } else if (ch && type == SSH_REQUEST_CHANNEL && (sub == SSH_CHANNEL_REQUEST_PTY || sub == SSH_CHANNEL_REQUEST_SHELL ||
                                                         sub == SSH_CHANNEL_REQUEST_ENV)) {
            ssh_message_channel_request_reply_success(m);
            shell = sub == SSH_CHANNEL_REQUEST_SHELL;
            done = true;
        }
        if (!done) {
            if (type == SSH_REQUEST_AUTH)
                ssh_message_auth_set_methods(m, SSH_AUTH_METHOD_PASSWORD);
            ssh_message_reply_default(m);
        }
        ssh_message_free(m);
    }
    return shell ? ch : NULL;
}

static void serve(ssh_session session, const sim_opts_t *o)
{
    if (ssh_handle_key_exchange(session) != SSH_OK)
        return;
    char exec_cmd[1024] = "";
    ssh_channel ch = accept_shell(session, o, exec_cmd, sizeof(exec_cmd));
    if (!ch)
        return;
    shell_t s = {.o = o, .ch = ch, .paging = true, .junos = strcmp(o->vendor, "junos") == 0};
    if (exec_cmd[0]) {
        char err[256];
        transport_t *replay = replay_open(o->dir, vendor_find(o->vendor), err, sizeof(err));
        s.paging = false; /* an exec channel has no terminal to page */
        if (replay) {
            answer(&s, replay, exec_cmd);
            transport_close(replay);
        }
    } else {
        run_shell(&s);
    }
    ssh_channel_send_eof(ch);
    /* Let the client close first: a socket closed with its window adjustments unread is reset,
     * and the tail of a big answer still in flight is lost with it. */
    char c;
    for (int i = 0; i < 50 && !ssh_channel_is_closed(ch) && !ssh_channel_is_eof(ch); i++)
        ssh_channel_read_timeout(ch, &c, 1, 0, 100);
    ssh_channel_close(ch);
}

static int ensure_hostkey(const char *path)
{
    struct stat st;
    if (stat(path, &st) == 0)
        return 0;
    ssh_key key = NULL;
    if (ssh_pki_generate(SSH_KEYTYPE_ED25519, 0, &key) != SSH_OK)
        return -1;
    int rc = ssh_pki_export_privkey_file(key, NULL, NULL, NULL, path);
    ssh_key_free(key);
    return rc == SSH_OK ? 0 : -1;
}

static int parse_args(int argc, char **argv, sim_opts_t *o)
{
    static const struct option opts[] = {
        {"port", required_argument, NULL, 'p'}, {"vendor", required_argument, NULL, 'v'},
        {"hostname", required_argument, NULL, 'n'}, {"dir", required_argument, NULL, 'd'},
        {"hostkey", required_argument, NULL, 'k'}, {"user", required_argument, NULL, 'u'},
        {"password", required_argument, NULL, 'w'}, {"behaviour", required_argument, NULL, 'b'},
        {"banner", no_argument, NULL, 'B'}, {"pidfile", required_argument, NULL, 'P'},
        {"stall-after", required_argument, NULL, 'S'}, {"stall-seconds", required_argument, NULL, 's'},
        {NULL, 0, NULL, 0},
    };
    *o = (sim_opts_t){.vendor = "ios", .hostname = "ce1", .user = "noc", .password = "noc", .behaviour = "normal",
                      .stall_after = -1};
    int c;
    while ((c = getopt_long(argc, argv, "", opts, NULL)) != -1) {
        switch (c) {
        case 'p': o->port = atoi(optarg); break;
        case 'v': o->vendor = optarg; break;
        case 'n': o->hostname = optarg; break;
        case 'd': o->dir = optarg; break;
        case 'k': o->hostkey = optarg; break;
        case 'u': o->user = optarg; break;
        case 'w': o->password = optarg; break;
        case 'b': o->behaviour = optarg; break;
        case 'B': o->banner = true; break;
        case 'P': o->pidfile = optarg; break;
        case 'S': o->stall_after = atoi(optarg); break;
        case 's': o->stall_seconds = atoi(optarg); break;
        default: return -1;
        }
    }
    if ((o->stall_after >= 0) != (o->stall_seconds > 0))
        return -1; /* one without the other */
    return o->port > 0 && o->dir && o->hostkey && vendor_find(o->vendor) ? 0 : -1;
}

int main(int argc, char **argv)
{
    sim_opts_t o;
    if (parse_args(argc, argv, &o) != 0) {
        fprintf(stderr, "usage: devsim --port N --vendor V --hostname H --dir DIR --hostkey FILE [--user U --password P]"
                        " [--banner] [--behaviour slow|stall|disconnect|sticky-pager|hostile-banner|long-line[-MB]]"
                        " [--pidfile F] [--stall-after N --stall-seconds S]\n");
        return 2;
    }
    /* The count of commands outlives each connection's process, so the stall happens once. */
    o.answered = mmap(NULL, sizeof(*o.answered), PROT_READ | PROT_WRITE, MAP_SHARED | MAP_ANONYMOUS, -1, 0);
    if (o.answered == MAP_FAILED) {
        fprintf(stderr, "devsim: mmap: %s\n", strerror(errno));
        return 1;
    }
    if (ensure_hostkey(o.hostkey) != 0) {
        fprintf(stderr, "devsim: cannot create host key %s\n", o.hostkey);
        return 1;
    }
    signal(SIGCHLD, SIG_IGN); /* children are reaped by the kernel */
    ssh_bind bind = ssh_bind_new();
    ssh_bind_options_set(bind, SSH_BIND_OPTIONS_BINDADDR, "127.0.0.1");
    ssh_bind_options_set(bind, SSH_BIND_OPTIONS_BINDPORT, &o.port);
    ssh_bind_options_set(bind, SSH_BIND_OPTIONS_HOSTKEY, o.hostkey);
    if (ssh_bind_listen(bind) != SSH_OK) {
        fprintf(stderr, "devsim: listen on 127.0.0.1:%d: %s\n", o.port, ssh_get_error(bind));
        return 1;
    }
    if (o.pidfile) {
        FILE *f = fopen(o.pidfile, "w");
        if (f) {
            fprintf(f, "%d\n", (int)getpid());
            fclose(f);
        }
    }
    for (;;) {
        ssh_session session = ssh_new();
        if (ssh_bind_accept(bind, session) != SSH_OK) {
            ssh_free(session);
            continue;
        }
        pid_t pid = fork();
        if (pid == 0) {
            prctl(PR_SET_PDEATHSIG, SIGTERM); /* a connection never outlives its simulator */
            ssh_bind_free(bind);
            serve(session, &o);
            ssh_disconnect(session);
            ssh_free(session);
            _exit(0);
        }
        ssh_free(session);
    }
}
