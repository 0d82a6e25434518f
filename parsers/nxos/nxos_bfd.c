/* nxos_bfd.c: NX-OS "show bfd neighbors [details] [vrf X]".
 *
 *   OurAddr         NeighAddr       LD/RD                 RH/RS  Holdown(mult)  State  Int     Vrf      [Type]
 *   192.168.100.129 192.168.100.130 1090519041/1090519042 Up     5482(3)        Up     Eth1/1  default  SH
 *   *192.168.200.129 192.168.200.130 1090519045/1090519046 Up    N/A(3)         Up     Po10    ER-PRIV  SH
 *
 * Some rows start with a '*' glued to the address (the row keeps its columns, shifted by one);
 * the mark is dropped and the row read as any other.
 *
 * "details" follows each row with its timers:
 *     MinTxInt: 300000 us, MinRxInt: 300000 us, Multiplier: 3
 *     Uptime: 1 days 2 hrs 3 mins 4 secs */
#include <stdio.h>
#include <string.h>

#include "parsers/nxos/nxos.h"
#include "parsers/textutil.h"

typedef struct {
    record_t rec;
    bool open;
} nxos_bfd_state_t;

_Static_assert(sizeof(nxos_bfd_state_t) <= NXOS_STATE_SIZE, "state too large");

static rx_t head_rx = RX("^OurAddr\\s+NeighAddr\\s+LD/RD");
static rx_t row_rx = RX("^\\s*\\*?\\s*(?<local>[0-9A-Fa-f.:]+)\\s+(?<peer>[0-9A-Fa-f.:]+)\\s+\\d+/\\d+\\s+(?<rh>\\S+)\\s+"
                        "(?<hold>[\\d/NA]+)\\((?<mult>\\d+)\\)\\s+(?<state>\\S+)\\s+(?<if>\\S+)(?:\\s+(?<vrf>\\S+))?(?:\\s+\\S+)?\\s*$");
static rx_t timers_rx = RX("MinTxInt: (?<tx>\\d+) us, MinRxInt: (?<rx>\\d+) us, Multiplier: (?<m>\\d+)");
static rx_t uptime_rx = RX("^\\s*Uptime: ?(?<d>\\d+) days? (?<h>\\d+) hrs? (?<m>\\d+) mins? (?<s>\\d+) secs?");

/* The rest of a "details" block: state words, counters, the last packet's bits. */
static rx_t detail_rx = RX("^(?:\\s|Session state is|Local Diag:|Received MinRxInt|Holdown \\(hits\\)|Rx Count|Tx Count|"
                           "Registered protocols|Last packet:|Hosting LC|Session type|Echo|Min (?:tx|rx)|"
                           "Last (?:sent|received)|Trans(?:mit|ition)|Local Session|Uptime)");

static int nxos_bfd_flush(parse_run_t *run, nxos_bfd_state_t *st)
{
    if (!st->open)
        return 0;
    st->open = false;
    return parse_emit(run, &st->rec);
}

int nxos_bfd_line(parse_run_t *run, void *state, const char *line, size_t len)
{
    nxos_bfd_state_t *st = state;
    bfd_session_t *b = &st->rec.u.bfd;
    rx_caps_t c;
    const char *s;
    size_t n;
    if (nxos_is_rule(line, len) || rx_match(&head_rx, line, len, NULL))
        return 0;
    if (rx_match(&row_rx, line, len, &c)) {
        int rc = nxos_bfd_flush(run, st);
        parse_begin_record(run, &st->rec, KIND_BFD);
        st->open = true;
        rx_copy(&c, "local", b->local, sizeof(b->local));
        rx_copy(&c, "peer", b->peer, sizeof(b->peer));
        rx_copy(&c, "if", b->interface, sizeof(b->interface));
        rx_copy(&c, "vrf", b->vrf, sizeof(b->vrf));
        rx_named(&c, "state", &s, &n);
        FIELD_SET(b->raw_state, s, (long)n);
        b->state = tu_updown(s, n);
        b->multiplier = rx_int(&c, "mult");
        return rc;
    }
    if (st->open && rx_match(&timers_rx, line, len, &c)) {
        b->tx_interval_ms = tu_scale(rx_int(&c, "tx"), 1, 1000); /* usec */
        b->rx_interval_ms = tu_scale(rx_int(&c, "rx"), 1, 1000);
        b->multiplier = rx_int(&c, "m");
        return 0;
    }
    if (st->open && rx_match(&uptime_rx, line, len, &c)) {
        static const char *const part[] = {"d", "h", "m", "s"};
        static const int64_t secs[] = {86400, 3600, 60, 1};
        int64_t t = 0;
        for (int i = 0; i < 4 && t != MODEL_ABSENT; i++) {
            int64_t v = rx_int(&c, part[i]);
            if (v == MODEL_ABSENT || !tu_add_product(&t, v, secs[i]))
                t = MODEL_ABSENT;
        }
        b->up_time = t;
        return 0;
    }
    if (st->open && rx_match(&detail_rx, line, len, NULL))
        return 0;
    parse_skip(run);
    return 0;
}

int nxos_bfd_finish(parse_run_t *run, void *state)
{
    return nxos_bfd_flush(run, state);
}
