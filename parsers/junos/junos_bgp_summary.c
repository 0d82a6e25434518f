/* junos_bgp_summary.c: Junos "show bgp summary [instance X]".
 *
 *   Peer                     AS      InPkt     OutPkt    OutQ   Flaps Last Up/Dwn State|#Active/Received/Accepted/Damped...
 *   192.168.100.130       12076      12345      12000       0       1 1w2d 3:04:05 Establ
 *     inet.0: 5/6/6/0
 *   192.168.100.134       12076          0          0       0       0        3:21 Active
 *   10.0.0.1              65001       1184       1186       0       0     8:53:27 2/2/2/0  0/0/0/0
 *
 * The table lines under an Established peer (or the inline counts of older releases) give
 * Active/Received/Accepted/Damped; the counts and the routing instance come from the first
 * table listed (later ones are the peer's other address families). */
#include <string.h>

#include "parsers/junos/junos.h"
#include "parsers/rx.h"
#include "parsers/textutil.h"

static rx_t row_rx = RX("^(?<peer>[0-9a-fA-F]*[.:][0-9a-fA-F.:]+)(?:\\+\\d+)?\\s+(?<as>\\d+(?:\\.\\d+)?)\\s+"
                        "(?<in>\\d+)\\s+(?<out>\\d+)\\s+\\d+\\s+\\d+\\s+(?<updn>(?:[\\dywd]+ )?[\\d:]+|[\\dywdhms]+)\\s+"
                        "(?<state>(?:\\d+/\\d+/\\d+/\\d+\\s*)+|[A-Za-z][\\w ()-]*?)\\s*$");
static rx_t table_rx = RX("^\\s+(?<table>\\S+): (?<a>\\d+)/(?<r>\\d+)/(?<acc>\\d+)/(?<d>\\d+)\\s*$");
static rx_t counts_rx = RX("(?<a>\\d+)/(?<r>\\d+)/(?<acc>\\d+)/(?<d>\\d+)");
/* Headers and the per-table totals above the peer list. */
static rx_t noise_rx = RX("^(?:Threading mode:|Default eBGP mode:|Unconfigured peers:|Groups: |[\\w.-]+\\.\\d+(?:\\s+\\d+){6}\\s*$|Table\\s+Tot Paths|Peer\\s+AS\\s+InPkt|"
                          "[\\w.-]+\\.\\d+\\s*$|\\s+\\d+\\s+\\d+\\s+\\d+\\s+\\d+\\s+\\d+\\s+\\d+\\s*$|"
                          "BGP is not running|Unrecognized|error:)");

static void add_counts(bgp_peer_t *p, int64_t rcvd, int64_t acc)
{
    p->prefixes_received = (p->prefixes_received == MODEL_ABSENT ? 0 : p->prefixes_received) + rcvd;
    p->prefixes_accepted = (p->prefixes_accepted == MODEL_ABSENT ? 0 : p->prefixes_accepted) + acc;
}

static void inline_counts(bgp_peer_t *p, const char *s, size_t n)
{
    rx_caps_t c;
    /* One group per table, in the order of the table list: the first is the main one. */
    if (rx_match(&counts_rx, s, n, &c))
        add_counts(p, rx_int(&c, "r"), rx_int(&c, "acc"));
}

static void peer_row(parse_run_t *run, junos_bgp_summary_state_t *st, const rx_caps_t *c)
{
    bgp_peer_t *p = &st->rec.u.peer;
    const char *s;
    size_t n;
    parse_begin_record(run, &st->rec, KIND_BGP_SUMMARY); /* the row and its table lines */
    st->open = true;
    st->tables = false;
    rx_copy(c, "peer", p->peer, sizeof(p->peer));
    rx_named(c, "as", &s, &n);
    p->remote_as = tu_asn(s, n);
    p->msg_rcvd = rx_int(c, "in");
    p->msg_sent = rx_int(c, "out");
    rx_named(c, "updn", &s, &n);
    p->up_down = junos_duration(s, n);
    rx_named(c, "state", &s, &n);
    parse_meta_t *m = parse_meta(run);
    if (!m->vrf[0])
        junos_command_arg(run, "instance", m->vrf, sizeof(m->vrf));
    if (m->vrf[0])
        FIELD_SET(p->vrf, m->vrf, -1);
    if (s[0] >= '0' && s[0] <= '9') {
        /* Inline per-table counts: only an Established session prints them. */
        p->state = BGP_STATE_ESTABLISHED;
        FIELD_SET(p->raw_state, "Establ", -1);
        inline_counts(p, s, n);
        st->tables = true;
        return;
    }
    FIELD_SET(p->raw_state, s, (long)n);
    p->state = tu_bgp_state(s, n, &p->admin_down);
}

static int flush(parse_run_t *run, junos_bgp_summary_state_t *st)
{
    if (!st->open)
        return 0;
    st->open = false;
    return parse_emit(run, &st->rec);
}

int junos_bgp_summary_line(parse_run_t *run, void *state, const char *line, size_t len)
{
    junos_bgp_summary_state_t *st = state;
    rx_caps_t c;
    if (junos_blank(line, len))
        return 0;
    if (rx_match(&table_rx, line, len, &c)) {
        bgp_peer_t *p = &st->rec.u.peer;
        if (!st->open) {
            parse_skip(run);
            return 0;
        }
        const char *s;
        size_t n;
        rx_named(&c, "table", &s, &n);
        if (!st->tables && !p->vrf[0])
            junos_table_vrf(s, n, p->vrf, sizeof(p->vrf));
        if (!st->tables && !p->address_family[0])
            junos_table_family(s, n, p->address_family, sizeof(p->address_family));
        /* The first table is the session's own (inet.0, BLUE.inet.0); a multiprotocol peer's
         * further tables (inet6.0, ...) are listed under it but counted there. */
        if (!st->tables && p->state == BGP_STATE_ESTABLISHED)
            add_counts(p, rx_int(&c, "r"), rx_int(&c, "acc"));
        st->tables = true;
        return 0;
    }
    if (rx_match(&row_rx, line, len, &c)) {
        if (flush(run, st))
            return -1;
        peer_row(run, st, &c);
        return 0;
    }
    if (rx_match(&noise_rx, line, len, NULL))
        return 0;
    if (junos_indent(line, len) > 0)
        parse_skip(run); /* indented: a line under the open peer's row */
    else
        parse_skip_outside(run);
    return 0;
}

int junos_bgp_summary_finish(parse_run_t *run, void *state)
{
    junos_bgp_summary_state_t *st = state;
    if (st->open && st->rec.u.peer.state == BGP_STATE_ESTABLISHED && !st->tables)
        parse_truncated(run, "the last Established peer has no table line (output cut)");
    return flush(run, st);
}
