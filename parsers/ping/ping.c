/* ping.c: the router's own ping to the peer, as every platform prints it (see ping.h). */
#include "parsers/ping/ping.h"

#include <string.h>

#include "parsers/rx.h"
#include "parsers/textutil.h"

static rx_t cisco_rx = RXI("^Success rate is (?<pct>\\d+) percent \\((?<rcvd>\\d+)/(?<sent>\\d+)\\)"
                           "(?:, round-trip min/avg/max = (?<min>[0-9.]+)/(?<avg>[0-9.]+)/(?<max>[0-9.]+) ms)?");
static rx_t counts_rx = RXI("^(?<sent>\\d+) packets transmitted, (?<rcvd>\\d+) (?:packets )?received");
static rx_t rtt_rx = RXI("^(?:rtt|round-trip) min/avg/max(?:/(?:mdev|stddev))? = (?<min>[0-9.]+)/(?<avg>[0-9.]+)/"
                         "(?<max>[0-9.]+)");
static rx_t reply_rx = RXI("^\\d+ bytes from (?<a>[0-9a-fA-F.:]+?):? .*time[=<]");
static rx_t lost_rx = RXI("^(?:From \\S+ (?:icmp_seq=\\d+ )?.*(?:[Uu]nreachable|[Ee]xceeded|[Pp]rohibited)|"
                          "Request timeout for icmp_seq|Request \\d+ timed out|no answer yet for icmp_seq)");
static rx_t cisco_marks_rx = RX("^[!.UQM&?]+$");
/* What every ping prints around its results: headers, the statistics title, interrupts. */
static rx_t noise_rx = RXI("^(?:PING |Type escape sequence|Sending \\d+|Packet sent with|--- .* ping statistics ---|"
                           "\\^C|Info:|Tracking|Pinging |\\d+ packets? (?:transmitted|sent)|Reply to request|"
                           "Echo reply|Press Ctrl|pipe \\d+$)");
/* The system ping gives up before sending anything: nothing was answered. */
static rx_t no_route_rx = RXI("^(?:ping: )?(?:connect|sendmsg|sendto): (?:Network is unreachable|No route to host)");
static rx_t cmd_target_rx = RXI("^ping(?: ip| ipv6)?(?: vrf \\S+)? (?<t>[0-9a-fA-F.:]+)");

static void start(parse_run_t *run, ping_state_t *st)
{
    record_init(&st->rec, KIND_PING);
    const char *cmd = parse_command(run);
    rx_caps_t c;
    if (rx_match(&cmd_target_rx, cmd, strlen(cmd), &c))
        rx_copy(&c, "t", st->rec.u.ping.target, sizeof(st->rec.u.ping.target));
    st->started = true;
}

static double ms(const rx_caps_t *c, const char *name)
{
    const char *s;
    size_t n;
    double v;
    return rx_named(c, name, &s, &n) && tu_real(s, n, 1e9, &v) ? v : -1.0;
}

static void rtts(ping_result_t *p, const rx_caps_t *c)
{
    p->rtt_min_ms = ms(c, "min");
    p->rtt_avg_ms = ms(c, "avg");
    p->rtt_max_ms = ms(c, "max");
}

static void keep_raw(ping_result_t *p, const char *line, size_t len)
{
    const char *s = line;
    size_t n = len;
    tu_trim(&s, &n);
    FIELD_SET(p->raw, s, (long)n);
}

/* A summary: sent and received, and the round trips where the same line gives them. */
static bool summary_line(ping_state_t *st, const char *line, size_t len)
{
    ping_result_t *p = &st->rec.u.ping;
    rx_caps_t c;
    bool cisco = rx_match(&cisco_rx, line, len, &c);
    if (!st->summary && rx_match(&no_route_rx, line, len, NULL)) {
        p->sent = p->received = 0;
    } else if (cisco || rx_match(&counts_rx, line, len, &c)) {
        p->sent = rx_int(&c, "sent");
        p->received = rx_int(&c, "rcvd");
    } else {
        return false;
    }
    if (cisco && p->sent)
        rtts(p, &c);
    keep_raw(p, line, len);
    st->summary = true;
    return true;
}

/* One probe printed on its own line (or Cisco's row of marks): counted for a ping cut short. */
static bool probe_line(ping_state_t *st, const char *line, size_t len)
{
    rx_caps_t c;
    if (rx_match(&reply_rx, line, len, &c)) {
        st->seen++;
        st->replies++;
        if (!st->rec.u.ping.target[0])
            rx_copy(&c, "a", st->rec.u.ping.target, sizeof(st->rec.u.ping.target));
    } else if (rx_match(&lost_rx, line, len, NULL)) {
        st->seen++;
    } else if (rx_match(&cisco_marks_rx, line, len, NULL)) {
        for (size_t i = 0; i < len; i++) {
            st->seen++;
            st->replies += line[i] == '!';
        }
    } else {
        return false;
    }
    if (!st->summary)
        keep_raw(&st->rec.u.ping, line, len);
    return true;
}

int ping_line(parse_run_t *run, void *state, const char *line, size_t len)
{
    ping_state_t *st = state;
    if (!st->started)
        start(run, st);
    const char *s = line;
    size_t n = len;
    tu_trim(&s, &n);
    rx_caps_t c;
    if (n == 0 || summary_line(st, s, n) || probe_line(st, s, n))
        return 0;
    if (rx_match(&rtt_rx, s, n, &c)) {
        rtts(&st->rec.u.ping, &c);
        return 0;
    }
    if (!rx_match(&noise_rx, s, n, NULL))
        parse_skip(run);
    return 0;
}

int ping_finish(parse_run_t *run, void *state)
{
    ping_state_t *st = state;
    if (!st->started)
        start(run, st);
    ping_result_t *p = &st->rec.u.ping;
    if (!st->summary && st->seen > 0) { /* cut short: what was printed is all we know */
        p->sent = st->seen;
        p->received = st->replies;
        parse_partial(run, "no ping summary: counted the replies printed");
    } else if (!st->summary) {
        parse_partial(run, "no ping result in the output");
    }
    return parse_emit(run, &st->rec);
}
