/* frr_bfd.c: FRR "show bfd [vrf NAME] peers" (bfdd).
 *
 *   BFD Peers:
 *           peer 192.168.100.130 local-address 192.168.100.129 vrf default interface veth-ce
 *                   Status: up
 *                   Uptime: 5 second(s)
 *                   Local timers:
 *                           Detect-multiplier: 3
 *                           Receive interval: 300ms
 *                           Transmission interval: 300ms
 *                   Remote timers: ...
 *
 * The session's own (local) timers are reported; the remote ones are the peer's wishes. */
#include <string.h>

#include "parsers/frr/frr.h"
#include "parsers/rx.h"
#include "parsers/textutil.h"

static rx_t peer_rx = RX("^\\s*peer (?<peer>\\S+)(?: (?:multihop|local-address (?<local>\\S+)|vrf (?<vrf>\\S+)|"
                         "interface (?<if>\\S+)))*\\s*$");
static rx_t status_rx = RX("^\\s+Status: (?<s>\\S+)");
static rx_t uptime_rx = RX("^\\s+(?<k>Uptime|Downtime): (?<t>.*?)\\s*$");
static rx_t timers_rx = RX("^\\s+(?<w>Local|Remote) timers:");
static rx_t mult_rx = RX("^\\s+Detect-multiplier: (?<n>\\d+)");
static rx_t rx_rx = RX("^\\s+Receive interval: (?<n>\\d+)ms");
static rx_t tx_rx = RX("^\\s+Transmission interval: (?<n>\\d+)ms");
static rx_t known_rx = RX("^(?:BFD Peers:|\\s+(?:ID:|Remote ID:|Active mode|Passive mode|Diagnostics:|"
                          "Remote diagnostics:|Peer Type:|RTT |Echo |Minimum TTL|Profile:|label:))");

static int flush(parse_run_t *run, frr_bfd_state_t *st)
{
    if (!st->open)
        return 0;
    st->open = false;
    return parse_emit(run, &st->rec);
}

static int peer(parse_run_t *run, frr_bfd_state_t *st, const rx_caps_t *c)
{
    int rc = flush(run, st);
    parse_begin_record(run, &st->rec, KIND_BFD);
    bfd_session_t *b = &st->rec.u.bfd;
    rx_copy(c, "peer", b->peer, sizeof(b->peer));
    rx_copy(c, "local", b->local, sizeof(b->local));
    rx_copy(c, "if", b->interface, sizeof(b->interface));
    if (!rx_copy(c, "vrf", b->vrf, sizeof(b->vrf)))
        FIELD_SET(b->vrf, "default", -1);
    st->open = true;
    st->timers = 0;
    return rc;
}

static bool field(frr_bfd_state_t *st, const char *line, size_t len)
{
    bfd_session_t *b = &st->rec.u.bfd;
    rx_caps_t c;
    const char *s;
    size_t n;
    if (rx_match(&status_rx, line, len, &c)) {
        rx_named(&c, "s", &s, &n);
        FIELD_SET(b->raw_state, s, (long)n);
        b->state = tu_eq(s, n, "up") ? UPDOWN_UP : UPDOWN_DOWN; /* down, init, shutdown */
    } else if (rx_match(&uptime_rx, line, len, &c)) {
        rx_named(&c, "k", &s, &n);
        bool up = s[0] == 'U';
        rx_named(&c, "t", &s, &n);
        if (up)
            b->up_time = tu_duration(s, n);
    } else if (rx_match(&timers_rx, line, len, &c)) {
        rx_named(&c, "w", &s, &n);
        st->timers = s[0] == 'L' ? 1 : 2;
    } else if (rx_match(&mult_rx, line, len, &c)) {
        if (st->timers == 1)
            b->multiplier = rx_int(&c, "n");
    } else if (rx_match(&rx_rx, line, len, &c)) {
        if (st->timers == 1)
            b->rx_interval_ms = rx_int(&c, "n");
    } else if (rx_match(&tx_rx, line, len, &c)) {
        if (st->timers == 1)
            b->tx_interval_ms = rx_int(&c, "n");
    } else {
        return rx_match(&known_rx, line, len, NULL);
    }
    return true;
}

int frr_bfd_line(parse_run_t *run, void *state, const char *line, size_t len)
{
    frr_bfd_state_t *st = state;
    rx_caps_t c;
    if (frr_blank(line, len))
        return 0;
    if (rx_match(&peer_rx, line, len, &c))
        return peer(run, st, &c);
    if (field(st, line, len))
        return 0;
    if (rx_match(&known_rx, line, len, NULL))
        return 0;
    frr_skip(run, line, len);
    return 0;
}

int frr_bfd_finish(parse_run_t *run, void *state)
{
    return flush(run, state);
}
