/* ssh.c: the libssh transport: connect, host key, auth, shell, prompt, paging, commands. */
#include "probes/ssh.h"

#include <errno.h>
#include <libssh/libssh.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/clock.h"
#include "core/sanitize.h"
#include "core/inventory_values.h"
#include "parsers/clean.h"
#include "parsers/rx.h"
#include "probes/command.h"
#include "probes/helpers.h"

#define PROMPT_MAX 128
#define LOGIN_TIMEOUT_S 20

typedef struct {
    transport_t base;
    ssh_opts_t opts;
    device_t device;
    ssh_session session;
    ssh_channel channel;
    char prompt[PROMPT_MAX]; /* learned at login: "ce1-nyc#" */
    char *buf;               /* bytes read since the last command was sent */
    size_t len, cap;
    bool reconnected;
    char auth_note[320];     /* why the password_command gave no password ("" when it did) */
} ssh_transport_t;

static void set_error(probe_error_t *err, char *msg, size_t msglen, probe_error_t e, const char *fmt, const char *a)
{
    *err = e;
    snprintf(msg, msglen, fmt, a);
}

static void expand_home(const char *path, char *out, size_t size)
{
    const char *home = getenv("HOME");
    if (path[0] == '~' && path[1] == '/' && home)
        snprintf(out, size, "%s%s", home, path + 1);
    else
        snprintf(out, size, "%s", path);
}

static int verify_host_key(ssh_transport_t *t, probe_error_t *err, char *msg, size_t msglen)
{
    ssh_key key = NULL;
    unsigned char *hash = NULL;
    size_t hlen = 0;
    char *fp = NULL;
    if (ssh_get_server_publickey(t->session, &key) != SSH_OK ||
        ssh_get_publickey_hash(key, SSH_PUBLICKEY_HASH_SHA256, &hash, &hlen) != 0) {
        ssh_key_free(key);
        set_error(err, msg, msglen, PERR_CONNECT, "%s: no host key from the server", t->device.host);
        return -1;
    }
    fp = ssh_get_fingerprint_hash(SSH_PUBLICKEY_HASH_SHA256, hash, hlen);
    ssh_clean_pubkey_hash(&hash);
    ssh_key_free(key);
    int rc = 0;
    char where[1200], kh[1024];
    expand_home(t->device.known_hosts, kh, sizeof(kh));
    switch (ssh_session_is_known_server(t->session)) {
    case SSH_KNOWN_HOSTS_OK:
        break;
    case SSH_KNOWN_HOSTS_CHANGED:
    case SSH_KNOWN_HOSTS_OTHER:
        helper_known_host(kh, t->device.host, t->device.port, where, sizeof(where));
        *err = PERR_HOSTKEY_CHANGED;
        snprintf(msg, msglen, "host key for %s has CHANGED (now %s); the old key is at %s. Refusing to connect: "
                 "verify the device, then remove that line yourself", t->device.host, fp ? fp : "?", where);
        rc = -1;
        break;
    case SSH_KNOWN_HOSTS_UNKNOWN:
    case SSH_KNOWN_HOSTS_NOT_FOUND: {
        hostkey_answer_t a = t->opts.accept_new ? HOSTKEY_ACCEPT_SAVE
                             : t->opts.confirm_hostkey ? t->opts.confirm_hostkey(t->opts.ud, t->device.host, fp ? fp : "?")
                                                       : HOSTKEY_REFUSE;
        if (a == HOSTKEY_REFUSE) {
            *err = PERR_HOSTKEY_UNKNOWN;
            snprintf(msg, msglen, "host key for %s is unknown (%s); accept it explicitly (--accept-new) or add it to %s",
                     t->device.host, fp ? fp : "?", kh);
            rc = -1;
        } else if (a == HOSTKEY_ACCEPT_SAVE && ssh_session_update_known_hosts(t->session) != SSH_OK) {
            *err = PERR_INTERNAL;
            snprintf(msg, msglen, "cannot save the host key to %s: %s", kh, ssh_get_error(t->session));
            rc = -1;
        }
        break;
    }
    default:
        *err = PERR_INTERNAL;
        snprintf(msg, msglen, "cannot read %s: %s", kh, ssh_get_error(t->session));
        rc = -1;
    }
    ssh_string_free_char(fp);
    return rc;
}

/* The inventory's password_command (its first line of stdout), else the user at the prompt.  Why
 * a password_command failed is kept for the authentication error. */
static int get_password(ssh_transport_t *t, const char *prompt, bool echo, char *buf, size_t size)
{
    if (t->device.password_command[0])
        return helper_password(t->device.password_command, buf, size, t->auth_note, sizeof(t->auth_note));
    if (t->opts.ask_secret)
        return t->opts.ask_secret(t->opts.ud, prompt, echo, buf, size);
    return -1;
}

static int auth_kbdint(ssh_transport_t *t)
{
    int rc = ssh_userauth_kbdint(t->session, NULL, NULL);
    for (int rounds = 0; rc == SSH_AUTH_INFO && rounds < 5; rounds++) {
        int n = ssh_userauth_kbdint_getnprompts(t->session);
        for (int i = 0; i < n; i++) {
            char echo = 0, answer[256];
            const char *prompt = ssh_userauth_kbdint_getprompt(t->session, (unsigned)i, &echo);
            if (get_password(t, prompt, echo != 0, answer, sizeof(answer)) != 0)
                return SSH_AUTH_DENIED;
            rc = ssh_userauth_kbdint_setanswer(t->session, (unsigned)i, answer);
            memset(answer, 0, sizeof(answer));
            if (rc < 0)
                return SSH_AUTH_ERROR;
        }
        rc = ssh_userauth_kbdint(t->session, NULL, NULL);
    }
    return rc;
}

/* Agent and default keys first, then the inventory's identity, then password and
 * keyboard-interactive: the order an engineer's own ssh would try. */
static int authenticate(ssh_transport_t *t, probe_error_t *err, char *msg, size_t msglen)
{
    if (ssh_userauth_none(t->session, NULL) == SSH_AUTH_SUCCESS)
        return 0;
    int methods = ssh_userauth_list(t->session, NULL);
    if ((methods & SSH_AUTH_METHOD_PUBLICKEY)) {
        if (t->device.identity[0]) {
            char path[1024];
            ssh_key key = NULL;
            expand_home(t->device.identity, path, sizeof(path));
            if (ssh_pki_import_privkey_file(path, NULL, NULL, NULL, &key) == SSH_OK) {
                int rc = ssh_userauth_publickey(t->session, NULL, key);
                ssh_key_free(key);
                if (rc == SSH_AUTH_SUCCESS)
                    return 0;
            }
        }
        if (ssh_userauth_publickey_auto(t->session, NULL, NULL) == SSH_AUTH_SUCCESS)
            return 0;
    }
    char password[256];
    if ((methods & SSH_AUTH_METHOD_PASSWORD) && get_password(t, "Password: ", false, password, sizeof(password)) == 0) {
        int rc = ssh_userauth_password(t->session, NULL, password);
        memset(password, 0, sizeof(password));
        if (rc == SSH_AUTH_SUCCESS)
            return 0;
    }
    if ((methods & SSH_AUTH_METHOD_INTERACTIVE) && auth_kbdint(t) == SSH_AUTH_SUCCESS)
        return 0;
    *err = PERR_AUTH;
    snprintf(msg, msglen, "authentication to %s failed (tried agent/keys, password, keyboard-interactive)%s%.300s",
             t->device.host, t->auth_note[0] ? ": " : "", t->auth_note);
    return -1;
}

static int append(ssh_transport_t *t, const char *data, size_t n)
{
    if (t->len + n + 1 > t->cap) {
        size_t want = t->cap ? t->cap : 65536;
        while (want < t->len + n + 1)
            want *= 2;
        char *p = realloc(t->buf, want);
        if (!p)
            return -1;
        t->buf = p;
        t->cap = want;
    }
    memcpy(t->buf + t->len, data, n);
    t->len += n;
    t->buf[t->len] = '\0';
    return 0;
}

/* The last line of the buffer as a terminal shows it (CRs, escapes and pager noise removed). */
static size_t last_line(const ssh_transport_t *t, char *out, size_t size, bool *pager)
{
    const char *start = t->buf;
    for (size_t i = t->len; i > 0; i--)
        if (t->buf[i - 1] == '\n') {
            start = t->buf + i;
            break;
        }
    size_t n = (size_t)(t->buf + t->len - start);
    if (n >= size)
        n = size - 1;
    if (n)
        memcpy(out, start, n); /* t->buf is NULL before the first byte arrives */
    bool had_pager;
    n = clean_line(out, n, &had_pager);
    if (pager)
        *pager = had_pager;
    while (n && out[n - 1] == ' ')
        n--;
    out[n] = '\0';
    return n;
}

typedef enum { WAIT_MORE, WAIT_PROMPT, WAIT_TIMEOUT, WAIT_EOF, WAIT_CAP, WAIT_CONNECTED } wait_result_t;

#define TAIL_MAX 512 /* a prompt, or a pager prompt, is shorter than this */

/* The reader's view of the line being received, kept apart from the answer so that a read
 * costs only its own bytes (an 80 MB line without a newline once cost a minute of CPU, the
 * whole line being searched again after every 16 KiB): the line's text while it is short
 * enough to be a prompt, else only that it is long. */
typedef struct {
    char text[TAIL_MAX];
    size_t len;
    bool long_line;
    rx_t prompt_rx;   /* the vendor's prompt, until the session learned its own */
    rx_t *connected;  /* a telnet of ours reports the port open */
    bool draining;    /* past the output cap: read on to the prompt, keep nothing */
} reader_t;

static void tail_feed(reader_t *r, const char *data, size_t n)
{
    size_t i = n;
    while (i > 0 && data[i - 1] != '\n')
        i--;
    if (i > 0) { /* a new line starts after the last '\n' of data */
        r->len = 0;
        r->long_line = false;
        data += i;
        n -= i;
    }
    if (r->long_line || r->len + n >= TAIL_MAX) {
        r->long_line = true;
        return;
    }
    memcpy(r->text + r->len, data, n);
    r->len += n;
}

/* Starts the tail from what the buffer already holds, looking back at most TAIL_MAX bytes. */
static void tail_start(reader_t *r, const ssh_transport_t *t)
{
    r->len = 0;
    r->long_line = false;
    if (t->len == 0)
        return; /* t->buf may not exist yet */
    size_t from = t->len > TAIL_MAX ? t->len - TAIL_MAX : 0, i = t->len;
    while (i > from && t->buf[i - 1] != '\n')
        i--;
    if (i == from && from > 0)
        r->long_line = true;
    else
        tail_feed(r, t->buf + i, t->len - i);
}

/* Whether the line being received is the prompt (learned, or the vendor pattern before we
 * know it).  A pager prompt is answered on the way, and forgotten so it is not answered
 * twice. */
static bool at_prompt(ssh_transport_t *t, reader_t *r)
{
    if (r->long_line)
        return false;
    char line[TAIL_MAX];
    bool pager = false;
    memcpy(line, r->text, r->len);
    size_t n = clean_line(line, r->len, &pager);
    while (n && line[n - 1] == ' ')
        n--;
    line[n] = '\0';
    if (t->prompt[0] ? strcmp(line, t->prompt) == 0 : n > 0 && rx_match(&r->prompt_rx, line, n, NULL))
        return true;
    if (pager) {
        ssh_channel_write(t->channel, " ", 1);
        tail_feed(r, "\n", 1);
        if (!r->draining)
            append(t, "\n", 1); /* ends the pager line, which keep_cleaned() drops */
    }
    return false;
}

/* One chunk read: seen by the tail, kept up to the output cap.  The telnet check looks at the
 * new bytes and the start of their line only (at most TAIL_MAX back). */
static wait_result_t take_chunk(ssh_transport_t *t, reader_t *r, const char *chunk, size_t got, bool *truncated)
{
    size_t back = r->long_line ? TAIL_MAX : r->len, from = t->len > back ? t->len - back : 0;
    tail_feed(r, chunk, got);
    if (r->draining)
        return WAIT_MORE;
    if (t->len + got > TRANSPORT_MAX_OUTPUT) {
        *truncated = r->draining = true;
        return WAIT_MORE;
    }
    if (append(t, chunk, got) != 0)
        return WAIT_TIMEOUT;
    if (r->connected && rx_match(r->connected, t->buf + from, t->len - from, NULL))
        return WAIT_CONNECTED;
    return WAIT_MORE;
}

/* Reads until the prompt, answering pager prompts on the way.  Past the output cap it reads on
 * to the prompt without keeping anything (WAIT_CAP), so the session stays in step.  With
 * connected set, also stops (WAIT_CONNECTED) when a telnet of ours reports the port open:
 * that session will not end by itself. */
static wait_result_t wait_until(ssh_transport_t *t, double deadline, bool *truncated, rx_t *connected)
{
    reader_t r = {.prompt_rx = RX(t->base.vendor->prompt), .connected = connected};
    tail_start(&r, t);
    char chunk[16384];
    wait_result_t result = WAIT_MORE;
    while (result == WAIT_MORE) {
        if (at_prompt(t, &r)) {
            result = r.draining ? WAIT_CAP : WAIT_PROMPT;
            break;
        }
        double left = deadline - clock_now_s();
        if (left <= 0) {
            result = WAIT_TIMEOUT;
            break;
        }
        int got = ssh_channel_read_timeout(t->channel, chunk, sizeof(chunk), 0, left > 0.5 ? 500 : (int)(left * 1000) + 1);
        if (got == SSH_ERROR || (got == 0 && ssh_channel_is_eof(t->channel)))
            result = WAIT_EOF;
        else if (got > 0)
            result = take_chunk(t, &r, chunk, (size_t)got, truncated);
    }
    rx_free(&r.prompt_rx);
    return result;
}

static wait_result_t wait_prompt(ssh_transport_t *t, double deadline, bool *truncated)
{
    return wait_until(t, deadline, truncated, NULL);
}

/* After a hang-up, the CLI prints more than one prompt (IOS: after the escape, then after
 * "disconnect"): wait for the prompt and then for quiet, so nothing late spills into the next
 * command's answer. */
static wait_result_t settle(ssh_transport_t *t, double deadline)
{
    bool truncated = false;
    wait_result_t w;
    do {
        t->len = 0;
        w = wait_prompt(t, deadline, &truncated);
        char probe;
        int more = w == WAIT_PROMPT ? ssh_channel_read_timeout(t->channel, &probe, 1, 0, 400) : 0;
        if (more > 0 && append(t, &probe, 1) == 0)
            continue; /* still talking: wait for its next prompt */
        break;
    } while (clock_now_s() < deadline);
    return w;
}

static int send_line(ssh_transport_t *t, const char *line)
{
    t->len = 0;
    if (t->buf)
        t->buf[0] = '\0';
    size_t n = strlen(line);
    if (ssh_channel_write(t->channel, line, (uint32_t)n) != (int)n || ssh_channel_write(t->channel, "\n", 1) != 1)
        return -1;
    return 0;
}

/* The last bytes received (at most 200), as many as fit in size once sanitized: the end is
 * what tells why no prompt came.  A banner's escapes are quoted, never replayed to the
 * user's terminal; a character cut by the 200-byte window is left out rather than shown as
 * stray \xNN bytes. */
static void quote_tail(const char *buf, size_t len, char *out, size_t size)
{
    size_t n = len < 200 ? len : 200;
    while (n && sanitize_len(buf + len - n, n) >= size)
        n--;
    const char *start = buf + len - n;
    for (int k = 0; k < 3 && n && ((unsigned char)*start & 0xc0) == 0x80; k++) {
        start++;
        n--;
    }
    sanitize_buf(start, n, out, size);
}

/* The message embeds device bytes, and the front end prints messages as they are: the bytes
 * go in sanitized (core/sanitize.h), and whole, not cut short by msg's end. */
#define NO_PROMPT_FMT "no %s prompt after login; last bytes received: \"%s\""
static void no_prompt_error(const ssh_transport_t *t, char *msg, size_t msglen)
{
    char tail[SANITIZE_MAX(200)];
    size_t fixed = (size_t)snprintf(NULL, 0, NO_PROMPT_FMT, t->base.vendor->name, "");
    size_t room = msglen > fixed + 1 ? msglen - fixed : 1;
    quote_tail(t->buf ? t->buf : "", t->len, tail, room < sizeof(tail) ? room : sizeof(tail));
    snprintf(msg, msglen, NO_PROMPT_FMT, t->base.vendor->name, tail);
}

static int open_shell(ssh_transport_t *t, probe_error_t *err, char *msg, size_t msglen)
{
    t->channel = ssh_channel_new(t->session);
    if (!t->channel || ssh_channel_open_session(t->channel) != SSH_OK ||
        ssh_channel_request_pty_size(t->channel, "vt100", 511, 1000) != SSH_OK ||
        ssh_channel_request_shell(t->channel) != SSH_OK) {
        set_error(err, msg, msglen, PERR_CONNECT, "cannot open a shell: %s", ssh_get_error(t->session));
        return -1;
    }
    bool truncated = false;
    t->prompt[0] = '\0';
    t->len = 0;
    /* Banners and MOTDs come first; the prompt is the first line that looks like one. */
    if (wait_prompt(t, clock_now_s() + LOGIN_TIMEOUT_S, &truncated) != WAIT_PROMPT) {
        no_prompt_error(t, msg, msglen);
        *err = PERR_PROMPT;
        return -1;
    }
    last_line(t, t->prompt, sizeof(t->prompt), NULL);
    for (size_t i = 0; t->base.vendor->paging_off[i]; i++) {
        if (send_line(t, t->base.vendor->paging_off[i]) != 0 ||
            wait_prompt(t, clock_now_s() + t->device.timeout_s, &truncated) != WAIT_PROMPT) {
            set_error(err, msg, msglen, PERR_PAGING, "'%s' got no prompt back", t->base.vendor->paging_off[i]);
            return -1;
        }
    }
    return 0;
}

/* libssh runs a ProxyCommand through /bin/sh -c: it is built only from the validated pieces of
 * the jump value (names, digits), never from the text as written. */
static int proxy_command(const char *jump, char *out, size_t size)
{
    inv_jump_t j;
    if (!inventory_parse_jump(jump, &j))
        return -1;
    char port[16] = "", user[INV_NAME_LEN + 4] = "";
    if (j.port)
        snprintf(port, sizeof(port), " -p %d", j.port);
    if (j.user[0])
        snprintf(user, sizeof(user), " -l %s", j.user);
    int n = snprintf(out, size, "ssh -W '[%%h]:%%p'%s%s %s", port, user, j.host);
    return n >= 0 && (size_t)n < size ? 0 : -1;
}

static int connect_session(ssh_transport_t *t, probe_error_t *err, char *msg, size_t msglen)
{
    long timeout = t->device.timeout_s;
    char kh[1024];
    expand_home(t->device.known_hosts, kh, sizeof(kh));
    t->auth_note[0] = '\0';
    t->session = ssh_new();
    if (!t->session) {
        set_error(err, msg, msglen, PERR_INTERNAL, "%s", "cannot create an SSH session");
        return -1;
    }
    ssh_options_set(t->session, SSH_OPTIONS_HOST, t->device.host);
    /* libssh finds ~ from the password database; $HOME is what the user (and ssh) mean. */
    const char *home = getenv("HOME");
    if (home && *home) {
        char dir[1024];
        snprintf(dir, sizeof(dir), "%s/.ssh", home);
        ssh_options_set(t->session, SSH_OPTIONS_SSH_DIR, dir);
    }
    /* ~/.ssh/config first, so the inventory's explicit values win over it. */
    ssh_options_parse_config(t->session, NULL);
    if (t->device.port)
        ssh_options_set(t->session, SSH_OPTIONS_PORT, &t->device.port);
    if (t->device.user[0])
        ssh_options_set(t->session, SSH_OPTIONS_USER, t->device.user);
    ssh_options_set(t->session, SSH_OPTIONS_TIMEOUT, &timeout);
    ssh_options_set(t->session, SSH_OPTIONS_KNOWNHOSTS, kh);
    if (t->device.jump[0]) {
        char proxy[600];
        if (proxy_command(t->device.jump, proxy, sizeof(proxy)) != 0) {
            set_error(err, msg, msglen, PERR_INTERNAL, "jump '%.200s' is not [user@]host[:port]", t->device.jump);
            return -1;
        }
        ssh_options_set(t->session, SSH_OPTIONS_PROXYCOMMAND, proxy);
    }
    if (ssh_connect(t->session) != SSH_OK) {
        *err = strstr(ssh_get_error(t->session), "imeout") ? PERR_TIMEOUT : PERR_CONNECT;
        snprintf(msg, msglen, "%s: %s", t->device.host, ssh_get_error(t->session));
        return -1;
    }
    if (verify_host_key(t, err, msg, msglen) != 0 || authenticate(t, err, msg, msglen) != 0)
        return -1;
    return t->device.exec_mode ? 0 : open_shell(t, err, msg, msglen);
}

static void disconnect(ssh_transport_t *t)
{
    if (t->channel) {
        ssh_channel_close(t->channel);
        ssh_channel_free(t->channel);
        t->channel = NULL;
    }
    if (t->session) {
        ssh_disconnect(t->session);
        ssh_free(t->session);
        t->session = NULL;
    }
}

/* Copies n bytes of answer into res, each line cleaned of what the terminal added (CRs,
 * escapes, the pager prompts we answered): what is kept is what the device meant to print. */
static void keep_cleaned(const char *start, size_t n, cmd_result_t *res)
{
    res->output = malloc(n + 2);
    if (!res->output)
        return;
    size_t w = 0;
    for (size_t i = 0; i < n;) {
        const char *eol = memchr(start + i, '\n', n - i);
        size_t len = eol ? (size_t)(eol - (start + i)) : n - i;
        bool pager;
        memcpy(res->output + w, start + i, len);
        size_t kept = clean_line(res->output + w, len, &pager);
        if (!(pager && kept == 0)) {
            w += kept;
            res->output[w++] = '\n';
        }
        i += len + 1;
    }
    res->output[w] = '\0';
    res->len = w;
}

/* A shell answer without the echoed command (first line) and the closing prompt (last line). */
static void take_output(ssh_transport_t *t, cmd_result_t *res)
{
    char *start = t->buf ? t->buf : "";
    char *nl = strchr(start, '\n');
    start = nl ? nl + 1 : start + strlen(start);
    size_t n = (size_t)(t->buf + t->len - start);
    while (n && start[n - 1] != '\n')
        n--; /* drop the prompt line */
    keep_cleaned(start, n, res);
}

/* A telnet answer cut at "Open": everything after the echoed command, the last line included. */
static void take_output_all(ssh_transport_t *t, cmd_result_t *res)
{
    char *start = t->buf ? t->buf : "";
    char *nl = strchr(start, '\n');
    start = nl ? nl + 1 : start + strlen(start);
    keep_cleaned(start, (size_t)(t->buf + t->len - start), res);
}

/* A line that says the device refused the command, copied into the message. */
static bool device_rejected(const vendor_t *v, const char *out, char *msg, size_t msglen)
{
    for (size_t i = 0; v->errors[i]; i++) {
        rx_t rx = {.pattern = v->errors[i], .options = 0x00000400u /* PCRE2_MULTILINE */, .code = NULL};
        rx_caps_t c;
        bool hit = rx_match(&rx, out, strlen(out), &c);
        if (hit) { /* the device's own words, quoted: sanitized like every device byte in a message */
            const char *line = out + c.ov[0];
            sanitize_buf(line, strcspn(line, "\r\n"), msg, msglen);
        }
        rx_free(&rx);
        if (hit)
            return true;
    }
    return false;
}

/* A command the vendor says never ends by itself (vtysh's ping). */
static bool endless(const vendor_t *v, const char *command)
{
    if (!v->endless)
        return false;
    rx_t rx = {.pattern = v->endless, .options = 0, .code = NULL};
    bool hit = rx_match(&rx, command, strlen(command), NULL);
    rx_free(&rx);
    return hit;
}

/* When to stop reading a command's answer: its timeout, or sooner for an endless command. */
static double answer_deadline(const ssh_transport_t *t, const char *command, double start)
{
    double deadline = start + t->device.timeout_s;
    if (endless(t->base.vendor, command) && start + VENDOR_ENDLESS_SECONDS < deadline)
        deadline = start + VENDOR_ENDLESS_SECONDS;
    return deadline;
}

/* Exec mode: one channel per command, read to EOF.  No prompt, no paging, no echo.  An endless
 * command's channel is closed after VENDOR_ENDLESS_SECONDS: what it printed is the answer. */
static int run_exec(ssh_transport_t *t, const char *command, cmd_result_t *res)
{
    double start = clock_now_s(), deadline = start + t->device.timeout_s;
    double stop_at = answer_deadline(t, command, start);
    char chunk[16384];
    ssh_channel ch = t->session ? ssh_channel_new(t->session) : NULL;
    if (!ch || ssh_channel_open_session(ch) != SSH_OK || ssh_channel_request_exec(ch, command) != SSH_OK) {
        if (ch)
            ssh_channel_free(ch);
        res->error = PERR_DISCONNECTED;
        snprintf(res->message, sizeof(res->message), "cannot open an exec channel: %s",
                 t->session ? ssh_get_error(t->session) : "no session");
        return -1;
    }
    t->len = 0;
    while (!ssh_channel_is_eof(ch)) {
        if (stop_at < deadline && clock_now_s() >= stop_at)
            break;
        double left = deadline - clock_now_s();
        if (left <= 0) {
            res->error = PERR_TIMEOUT;
            snprintf(res->message, sizeof(res->message), "'%s' did not finish within %d s", command, t->device.timeout_s);
            break;
        }
        int got = ssh_channel_read_timeout(ch, chunk, sizeof(chunk), 0, left > 0.5 ? 500 : (int)(left * 1000) + 1);
        if (got == SSH_ERROR) {
            res->error = PERR_DISCONNECTED;
            snprintf(res->message, sizeof(res->message), "%s closed the session", t->device.host);
            break;
        }
        if (got > 0 && t->len + (size_t)got > TRANSPORT_MAX_OUTPUT) {
            res->truncated = true;
            snprintf(res->message, sizeof(res->message), "output cut at %u MiB", TRANSPORT_MAX_OUTPUT >> 20);
            break;
        }
        if (got > 0 && append(t, chunk, (size_t)got) != 0)
            break;
        /* Unread stderr keeps the channel from ever reading as EOF; what a device says there
         * ("% Unknown command") belongs to the answer anyway. */
        int err_got = ssh_channel_read_nonblocking(ch, chunk, sizeof(chunk), 1);
        if (err_got > 0 && append(t, chunk, (size_t)err_got) != 0)
            break;
    }
    ssh_channel_close(ch);
    ssh_channel_free(ch);
    res->seconds = clock_now_s() - start;
    keep_cleaned(t->buf ? t->buf : "", t->len, res);
    if (res->error != PERR_NONE)
        return -1;
    if (res->output && device_rejected(t->base.vendor, res->output, res->message, sizeof(res->message))) {
        res->error = PERR_REJECTED;
        return -1;
    }
    return 0;
}

/* Our telnet reported the port open: the answer is what we have; then hang up, get the CLI back. */
static int hang_up(ssh_transport_t *t, cmd_result_t *res, double start)
{
    const vendor_t *v = t->base.vendor;
    take_output_all(t, res);
    res->seconds = clock_now_s() - start;
    if (ssh_channel_write(t->channel, v->tcp_hangup, (uint32_t)strlen(v->tcp_hangup)) < 0 ||
        settle(t, clock_now_s() + t->device.timeout_s) != WAIT_PROMPT) {
        res->error = PERR_DISCONNECTED;
        snprintf(res->message, sizeof(res->message), "the telnet to port 179 could not be closed");
        return -1;
    }
    return 0;
}

/* After an interrupt the CLI may print another prompt (vtysh redraws its line): what comes
 * within 400 ms of quiet is read to its prompt and dropped, so it never starts the next answer. */
static void drain(ssh_transport_t *t, double deadline, bool *truncated)
{
    size_t kept = t->len;
    char byte;
    while (clock_now_s() < deadline && ssh_channel_read_timeout(t->channel, &byte, 1, 0, 400) > 0 &&
           append(t, &byte, 1) == 0 && wait_prompt(t, deadline, truncated) == WAIT_PROMPT)
        ;
    t->len = kept;
    if (t->buf)
        t->buf[kept] = '\0';
}

/* Sends command and reads its answer to the prompt; an endless command is interrupted after
 * VENDOR_ENDLESS_SECONDS (what it prints then, a ping's statistics, is part of the answer). */
static wait_result_t shell_answer(ssh_transport_t *t, const char *command, double start, bool *truncated)
{
    const vendor_t *v = t->base.vendor;
    bool telnet = v->tcp_connected && strncmp(command, "telnet ", 7) == 0;
    rx_t connected = {.pattern = telnet ? v->tcp_connected : "$^", .options = 0x00000400u /* MULTILINE */, .code = NULL};
    double deadline = start + t->device.timeout_s, stop_at = answer_deadline(t, command, start);
    wait_result_t w = wait_until(t, stop_at, truncated, telnet ? &connected : NULL);
    rx_free(&connected);
    if (w == WAIT_TIMEOUT && stop_at < deadline) {
        if (ssh_channel_write(t->channel, v->interrupt, (uint32_t)strlen(v->interrupt)) < 0)
            return WAIT_EOF;
        /* A line the CLI printed after its prompt (a log message) hides it: an Enter redraws it. */
        double redraw = clock_now_s() + 2;
        w = wait_prompt(t, redraw < deadline ? redraw : deadline, truncated);
        if (w == WAIT_TIMEOUT && ssh_channel_write(t->channel, "\n", 1) == 1)
            w = wait_prompt(t, deadline, truncated);
        if (w == WAIT_PROMPT)
            drain(t, deadline, truncated);
    }
    return w;
}

static int run_once(ssh_transport_t *t, const char *command, cmd_result_t *res)
{
    if (t->device.exec_mode)
        return run_exec(t, command, res);
    double start = clock_now_s();
    if (!t->channel || send_line(t, command) != 0) {
        res->error = PERR_DISCONNECTED;
        return -1;
    }
    wait_result_t w = shell_answer(t, command, start, &res->truncated);
    if (w == WAIT_CONNECTED)
        return hang_up(t, res, start);
    res->seconds = clock_now_s() - start;
    if (w == WAIT_EOF) {
        res->error = PERR_DISCONNECTED;
        snprintf(res->message, sizeof(res->message), "%s closed the session", t->device.host);
        return -1;
    }
    if (w == WAIT_CAP)
        take_output_all(t, res); /* the prompt was never kept: the last line is answer */
    else
        take_output(t, res);
    if (w == WAIT_TIMEOUT) {
        res->error = PERR_TIMEOUT;
        snprintf(res->message, sizeof(res->message), "no prompt within %d s after '%s'", t->device.timeout_s, command);
        return -1;
    }
    if (w == WAIT_CAP)
        snprintf(res->message, sizeof(res->message), "output cut at %u MiB", TRANSPORT_MAX_OUTPUT >> 20);
    if (res->output && device_rejected(t->base.vendor, res->output, res->message, sizeof(res->message))) {
        res->error = PERR_REJECTED;
        return -1;
    }
    return 0;
}

static int ssh_run(transport_t *base, probe_id_t probe, const char *command, cmd_result_t *res)
{
    ssh_transport_t *t = (ssh_transport_t *)base;
    (void)probe;
    memset(res, 0, sizeof(*res));
    if (!command_allowed(base->vendor, command, res->message, sizeof(res->message))) {
        res->error = PERR_NOT_ALLOWED;
        return -1;
    }
    int rc = run_once(t, command, res);
    if (rc != 0 && res->error == PERR_DISCONNECTED && !t->reconnected) {
        /* One automatic reconnect: an idle session the device timed out is not an incident. */
        probe_error_t err;
        char msg[512];
        t->reconnected = true;
        disconnect(t);
        cmd_result_free(res);
        memset(res, 0, sizeof(*res));
        if (connect_session(t, &err, msg, sizeof(msg)) != 0) {
            res->error = err;
            snprintf(res->message, sizeof(res->message), "reconnect failed: %.480s", msg);
            return -1;
        }
        rc = run_once(t, command, res);
    }
    return rc;
}

int ssh_keepalive(transport_t *base)
{
    ssh_transport_t *t = (ssh_transport_t *)base;
    bool truncated = false;
    if (t->device.exec_mode)
        return t->session && ssh_send_ignore(t->session, "erdiag") == SSH_OK ? 0 : -1;
    if (!t->channel || send_line(t, "") != 0)
        return -1;
    return wait_prompt(t, clock_now_s() + t->device.timeout_s, &truncated) == WAIT_PROMPT ? 0 : -1;
}

static void ssh_close(transport_t *base)
{
    ssh_transport_t *t = (ssh_transport_t *)base;
    disconnect(t);
    free(t->buf);
    free(t);
}

static const transport_ops_t ssh_ops = {ssh_run, ssh_close, ssh_keepalive};

transport_t *ssh_open(const ssh_opts_t *opts, probe_error_t *err, char *msg, size_t msglen)
{
    const vendor_t *v = vendor_find(opts->device->vendor);
    if (!v) {
        set_error(err, msg, msglen, PERR_INTERNAL, "no vendor table for '%s'", opts->device->vendor);
        return NULL;
    }
    ssh_transport_t *t = calloc(1, sizeof(*t));
    if (!t) {
        set_error(err, msg, msglen, PERR_INTERNAL, "%s", "out of memory");
        return NULL;
    }
    t->base.ops = &ssh_ops;
    t->base.vendor = v;
    t->opts = *opts;
    t->device = *opts->device;
    t->opts.device = &t->device;
    *err = PERR_NONE;
    if (connect_session(t, err, msg, msglen) != 0) {
        ssh_close(&t->base);
        return NULL;
    }
    return &t->base;
}
