/* ios_bfd.c: IOS "show bfd neighbors [details]".
 *
 *   IPv4 Sessions
 *   NeighAddr                              LD/RD         RH/RS     State     Int
 *   192.168.100.130                         1/4          Up        Up        Gi0/0/0
 *   OurAddr: 192.168.100.129                                  (details only)
 *   MinTxInt: 300000, MinRxInt: 300000, Multiplier: 3         (microseconds)
 *   Uptime: 2d03h
 *
 * Older releases print "OurAddr NeighAddr LD/RD RH/RS Holdown(mult) State Int" rows. */
#include <string.h>

#include "parsers/ios/ios_core.h"
#include "parsers/textutil.h"

static rx_t new_rx = RX("^(?<peer>[0-9A-Fa-f:.]+)\\s+\\d+/\\d+\\s+(?<rh>\\S+)\\s+(?<st>Up|Down|Init|AdminDown|Fail)\\s+"
                        "(?<if>\\S+)\\s*$");
static rx_t old_rx = RX("^(?<our>[0-9A-Fa-f:.]+)\\s+(?<peer>[0-9A-Fa-f:.]+)\\s+\\d+/\\d+\\s+\\S+\\s+\\d+\\s*\\(\\s*\\d+\\s*\\)"
                        "\\s+(?<st>\\S+)\\s+(?<if>\\S+)\\s*$");
static rx_t head_rx = RX("^(?:IPv[46] Sessions|(?:OurAddr\\s+)?NeighAddr\\s+LD/RD)");
static rx_t our_rx = RX("^OurAddr: (?<a>\\S+)");
static rx_t int_rx = RX("^MinTxInt: (?<tx>\\d+), MinRxInt: (?<rx>\\d+), Multiplier: (?<m>\\d+)");
static rx_t up_rx = RX("^Uptime: (?<t>.+?)\\s*$");

static int flush(parse_run_t *run, ios_bfd_state_t *st)
{
    if (!st->open)
        return 0;
    st->open = false;
    return parse_emit(run, &st->rec);
}

static int start(parse_run_t *run, ios_bfd_state_t *st, const rx_caps_t *c)
{
    int rc = flush(run, st);
    parse_begin_record(run, &st->rec, KIND_BFD);
    bfd_session_t *b = &st->rec.u.bfd;
    const char *s;
    size_t n;
    rx_copy(c, "peer", b->peer, sizeof(b->peer));
    rx_copy(c, "our", b->local, sizeof(b->local));
    rx_copy(c, "if", b->interface, sizeof(b->interface));
    rx_named(c, "st", &s, &n);
    FIELD_SET(b->raw_state, s, (long)n);
    b->state = tu_eq(s, n, "Up") ? UPDOWN_UP : UPDOWN_DOWN;
    ios_command_vrf(run, b->vrf, sizeof(b->vrf));
    st->open = true;
    return rc;
}

int ios_bfd_line(parse_run_t *run, void *state, const char *line, size_t len)
{
    ios_bfd_state_t *st = state;
    rx_caps_t c;
    if (ios_blank(line, len) || rx_match(&head_rx, line, len, NULL))
        return 0;
    if (rx_match(&new_rx, line, len, &c) || rx_match(&old_rx, line, len, &c))
        return start(run, st, &c);
    if (!st->open) {
        parse_skip(run);
        return 0;
    }
    bfd_session_t *b = &st->rec.u.bfd;
    if (rx_match(&our_rx, line, len, &c)) {
        rx_copy(&c, "a", b->local, sizeof(b->local));
    } else if (rx_match(&int_rx, line, len, &c)) {
        b->tx_interval_ms = tu_scale(rx_int(&c, "tx"), 1, 1000); /* usec */
        b->rx_interval_ms = tu_scale(rx_int(&c, "rx"), 1, 1000);
        b->multiplier = rx_int(&c, "m");
    } else if (rx_match(&up_rx, line, len, &c)) {
        b->up_time = ios_rx_duration(&c, "t");
    }
    /* The rest of a details block (counters, last packet) has no field. */
    return 0;
}

int ios_bfd_finish(parse_run_t *run, void *state)
{
    return flush(run, state);
}
