/* junos_bfd.c: Junos "show bfd session [detail|extensive]".
 *
 *                                                     Detect   Transmit
 *   Address                  State     Interface      Time     Interval  Multiplier
 *   192.168.100.130          Up        ge-0/0/0.0     0.900     0.300        3
 *    Client BGP, TX interval 0.300, RX interval 0.300          (detail)
 *    Session up time 1w2d 03:04
 *   1 sessions, 1 clients
 *
 * Intervals are printed in seconds; the contract wants milliseconds. */
#include <stdlib.h>
#include <string.h>

#include "parsers/junos/junos.h"
#include "parsers/rx.h"
#include "parsers/textutil.h"

static rx_t row_rx = RX("^(?<peer>[0-9a-fA-F.:]+)\\s+(?<state>Up|Down|Init|AdminDown|Failing)\\s+(?<if>\\S*)\\s+"
                        "(?<detect>[\\d.]+)\\s+(?<tx>[\\d.]+)\\s+(?<mult>\\d+)\\s*$");
static rx_t client_rx = RX("^\\s+Client \\S+, TX interval (?<tx>[\\d.]+), RX interval (?<rx>[\\d.]+)");
static rx_t uptime_rx = RX("^\\s+Session up time (?<v>.*?)(?:, .*)?\\s*$");
static rx_t totals_rx = RX("^\\d+ sessions?, \\d+ clients?");
static rx_t noise_rx = RX("^(?:\\s+Detect\\s+Transmit|Address\\s+State\\s+Interface|"
                          "Cumulative transmit rate|\\s+)");

/* "0.300" seconds -> 300 ms. */
static int64_t ms(const char *s, size_t n)
{
    double v;
    return tu_real(s, n, 1e15, &v) ? tu_round(v * 1000.0) : MODEL_ABSENT;
}

static int flush(parse_run_t *run, junos_record_state_t *st)
{
    if (!st->open)
        return 0;
    st->open = false;
    return parse_emit(run, &st->rec);
}

int junos_bfd_line(parse_run_t *run, void *state, const char *line, size_t len)
{
    junos_record_state_t *st = state;
    bfd_session_t *b = &st->rec.u.bfd;
    rx_caps_t c;
    const char *s;
    size_t n;
    if (rx_match(&row_rx, line, len, &c)) {
        if (flush(run, st))
            return -1;
        parse_begin_record(run, &st->rec, KIND_BFD);
        st->open = true;
        rx_copy(&c, "peer", b->peer, sizeof(b->peer));
        rx_copy(&c, "if", b->interface, sizeof(b->interface));
        rx_named(&c, "state", &s, &n);
        FIELD_SET(b->raw_state, s, (long)n);
        b->state = tu_eq(s, n, "Up") ? UPDOWN_UP : UPDOWN_DOWN;
        rx_named(&c, "tx", &s, &n);
        b->tx_interval_ms = ms(s, n);
        b->multiplier = rx_int(&c, "mult");
        junos_command_arg(run, "instance", b->vrf, sizeof(b->vrf));
        return 0;
    }
    if (st->open && rx_match(&client_rx, line, len, &c)) {
        rx_named(&c, "tx", &s, &n);
        b->tx_interval_ms = ms(s, n);
        rx_named(&c, "rx", &s, &n);
        b->rx_interval_ms = ms(s, n);
        return 0;
    }
    if (st->open && rx_match(&uptime_rx, line, len, &c)) {
        rx_named(&c, "v", &s, &n);
        b->up_time = junos_duration(s, n);
        return 0;
    }
    if (rx_match(&totals_rx, line, len, NULL)) {
        st->done = true;
        return 0;
    }
    if (junos_blank(line, len) || rx_match(&noise_rx, line, len, NULL))
        return 0; /* headers, totals, and the other detail lines of a session */
    if (junos_indent(line, len) > 0)
        parse_skip(run); /* indented: a line of the open session's block */
    else
        parse_skip_outside(run);
    return 0;
}

int junos_bfd_finish(parse_run_t *run, void *state)
{
    junos_record_state_t *st = state;
    if (st->open && !st->done)
        parse_truncated(run, "no sessions/clients totals line (output cut)");
    return flush(run, state);
}
