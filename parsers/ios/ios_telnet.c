/* ios_telnet.c: the result of "telnet X 179 [/source-interface I]" typed on an IOS router,
 * the cheapest test of whether TCP port 179 answers.
 *
 *   Trying 192.168.100.130, 179 ... Open
 *   Trying 192.168.100.130, 179 ...
 *   % Connection refused by remote host
 *   % Connection timed out; remote host not responding
 *   % Destination unreachable; gateway or host down
 *
 * After "Open" the BGP speaker may send bytes of its OPEN message: they are not lines we can
 * read and are ignored. */
#include <string.h>

#include "parsers/ios/ios_core.h"
#include "parsers/textutil.h"

static rx_t cmd_rx = RXI("^telnet (?<t>\\S+)(?: (?<p>\\d+))?");
static rx_t trying_rx = RX("^Trying (?<t>[^, ]+)(?:, (?<p>\\d+))? \\.\\.\\.\\s*(?<open>Open)?");
static rx_t open_rx = RX("^\\s*Open\\s*$");
static const struct {
    const char *prefix, *result;
} results[] = {
    {"% Connection refused", "refused"},
    {"% Connection timed out", "timeout"},
    {"% Destination unreachable", "unreachable"},
    {"% Host is unreachable", "unreachable"},
    {"% No route to host", "unreachable"},
    {"% Unknown command or computer name", "unreachable"},
    {"% Bad IP address or host name", "unreachable"},
    {"% Connection reset", "refused"},
};

static void start(parse_run_t *run, ios_telnet_state_t *st)
{
    parse_begin_record(run, &st->rec, KIND_TCP_TEST); /* the whole answer is its one record */
    tcp_test_t *t = &st->rec.u.tcp_test;
    const char *cmd = parse_command(run);
    rx_caps_t c;
    if (rx_match(&cmd_rx, cmd, strlen(cmd), &c)) {
        rx_copy(&c, "t", t->target, sizeof(t->target));
        t->port = rx_int(&c, "p");
        if (t->port == MODEL_ABSENT)
            t->port = 23; /* telnet's own port when none is given */
    }
    st->started = true;
}

static void set_result(tcp_test_t *t, const char *result, const char *line, size_t len)
{
    if (t->result[0] && strcmp(t->result, "open") == 0)
        return; /* "Open" stands even if the peer later closes the connection */
    FIELD_SET(t->result, result, -1);
    const char *s = line;
    size_t n = len;
    tu_trim(&s, &n);
    FIELD_SET(t->raw, s, (long)n);
}

int ios_telnet_line(parse_run_t *run, void *state, const char *line, size_t len)
{
    ios_telnet_state_t *st = state;
    if (!st->started)
        start(run, st);
    tcp_test_t *t = &st->rec.u.tcp_test;
    rx_caps_t c;
    if (rx_match(&trying_rx, line, len, &c)) {
        rx_copy(&c, "t", t->target, sizeof(t->target));
        if (rx_int(&c, "p") != MODEL_ABSENT)
            t->port = rx_int(&c, "p");
        if (rx_named(&c, "open", &(const char *){0}, &(size_t){0}))
            set_result(t, "open", line, len);
        return 0;
    }
    if (rx_match(&open_rx, line, len, NULL)) {
        set_result(t, "open", line, len);
        return 0;
    }
    const char *s = line;
    size_t n = len;
    tu_trim(&s, &n);
    for (size_t i = 0; i < sizeof(results) / sizeof(results[0]); i++)
        if (tu_starts(s, n, results[i].prefix)) {
            set_result(t, results[i].result, line, len);
            return 0;
        }
    /* Banner of the far end, the peer's binary OPEN, "[Connection ... closed]": no field. */
    return 0;
}

int ios_telnet_finish(parse_run_t *run, void *state)
{
    ios_telnet_state_t *st = state;
    if (!st->started)
        start(run, st);
    if (!st->rec.u.tcp_test.result[0])
        parse_partial(run, "no connection result in the telnet output");
    return parse_emit(run, &st->rec);
}
