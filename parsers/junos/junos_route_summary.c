/* junos_route_summary.c: Junos "show route summary".
 *
 *   Autonomous system number: 65010
 *   Router ID: 10.255.255.2
 *   inet.0: 12 destinations, 13 routes (12 active, 0 holddown, 0 hidden)
 *                 Direct:      2 routes,      2 active
 *                    BGP:      8 routes,      7 active
 *
 * One record per table (protocol absent: the table's totals) and one per protocol line. */
#include <string.h>

#include "parsers/junos/junos.h"
#include "parsers/rx.h"
#include "parsers/textutil.h"

static rx_t asn_rx = RX("^Autonomous system number: (?<v>[\\d.]+)");
static rx_t rid_rx = RX("^Router ID: (?<v>\\S+)");
static rx_t table_rx = RX("^(?<t>\\S+): \\d+ destinations?, (?<r>\\d+) routes? \\((?<a>\\d+) active");
static rx_t proto_rx = RX("^\\s+(?<p>[\\w-]+):\\s+(?<r>\\d+) routes?,\\s+(?<a>\\d+) active");
static rx_t noise_rx = RX("^(?:Highwater Mark|\\s+(?:RIB|FIB|VRF|Total|Prefix|Routes)\\b.*:|Restart Complete)");

static int emit(parse_run_t *run, const char *table, const char *proto, size_t plen, int64_t r, int64_t a)
{
    record_t rec;
    record_init(&rec, KIND_ROUTE_SUMMARY);
    route_summary_t *s = &rec.u.route_summary;
    FIELD_SET(s->table, table, -1);
    if (proto)
        FIELD_SET(s->protocol, proto, (long)plen);
    s->routes = r;
    s->active_routes = a;
    return parse_emit(run, &rec);
}

int junos_route_summary_line(parse_run_t *run, void *state, const char *line, size_t len)
{
    junos_route_summary_state_t *st = state;
    rx_caps_t c;
    const char *s;
    size_t n;
    parse_meta_t *m = parse_meta(run);
    if (junos_blank(line, len) || rx_match(&noise_rx, line, len, NULL))
        return 0;
    if (rx_match(&asn_rx, line, len, &c)) {
        rx_named(&c, "v", &s, &n);
        m->local_as = tu_asn(s, n);
        return 0;
    }
    if (rx_match(&rid_rx, line, len, &c)) {
        rx_copy(&c, "v", m->router_id, sizeof(m->router_id));
        return 0;
    }
    if (rx_match(&table_rx, line, len, &c)) {
        junos_route_summary_finish(run, st);
        rx_copy(&c, "t", st->table, sizeof(st->table));
        st->total = rx_int(&c, "r");
        st->sum = 0;
        return emit(run, st->table, NULL, 0, rx_int(&c, "r"), rx_int(&c, "a"));
    }
    if (st->table[0] && rx_match(&proto_rx, line, len, &c)) {
        rx_named(&c, "p", &s, &n);
        st->sum += rx_int(&c, "r");
        return emit(run, st->table, s, n, rx_int(&c, "r"), rx_int(&c, "a"));
    }
    parse_skip(run);
    return 0;
}

/* The protocol lines of a table add up to its route count; less means the output was cut. */
int junos_route_summary_finish(parse_run_t *run, void *state)
{
    junos_route_summary_state_t *st = state;
    if (st->table[0] && st->sum < st->total)
        parse_truncated(run, "a table's protocol lines do not add up to its routes (output cut)");
    return 0;
}
