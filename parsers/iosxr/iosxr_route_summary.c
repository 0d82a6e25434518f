/* iosxr_route_summary.c: IOS-XR "show route [vrf X|all] [ipv4|ipv6] summary".
 *
 *   Route Source                     Routes     Backup     Deleted     Memory(bytes)
 *   connected                        3          0          0           720
 *   bgp 65010                        12         0          0           2880
 *   Total                            19         0          0           4560
 *
 * One record per source line (protocol as XR names it, "bgp 65010"), and one for the Total
 * line with no protocol: the table's own count, as Junos's table lines give it.  The table is
 * the VRF ("VRF: X" sections under vrf all, else the command's), "default" when none is named.
 * A table whose Total never came, or whose sources do not add up to it, was cut. */
#include <string.h>

#include "parsers/iosxr/iosxr.h"
#include "parsers/rx.h"
#include "parsers/textutil.h"

static rx_t head_rx = RX("^Route Source\\s+Routes\\s+Backup");
static rx_t row_rx = RX("^(?<src>\\S+(?: \\S+)?)\\s+(?<r>\\d+)\\s+(?<b>\\d+)\\s+(?<d>\\d+)\\s+(?<m>\\d+)\\s*$");

static int emit(parse_run_t *run, iosxr_route_sum_state_t *st, const char *proto, size_t plen, int64_t routes)
{
    record_t rec;
    record_init(&rec, KIND_ROUTE_SUMMARY);
    route_summary_t *s = &rec.u.route_summary;
    FIELD_SET(s->table, st->table[0] ? st->table : "default", -1);
    if (proto)
        FIELD_SET(s->protocol, proto, (long)plen);
    s->routes = routes;
    return parse_emit(run, &rec);
}

/* The end of one table: its Total must have come and must match its sources. */
static void table_end(parse_run_t *run, iosxr_route_sum_state_t *st)
{
    if (st->in_table && !st->total_seen)
        parse_truncated(run, "a route summary ends before its Total line (output cut)");
    st->in_table = st->total_seen = false;
    st->sum = 0;
}

int iosxr_route_summary_line(parse_run_t *run, void *state, const char *line, size_t len)
{
    iosxr_route_sum_state_t *st = state;
    rx_caps_t c;
    const char *s;
    size_t n;
    if (!st->started) {
        st->started = true;
        iosxr_command_vrf(run, st->table, sizeof(st->table));
    }
    if (iosxr_is_timestamp(line, len) || iosxr_is_blank(line, len) || iosxr_is_message(line, len))
        return 0;
    char vrf[64];
    if (iosxr_vrf_header(line, len, vrf, sizeof(vrf))) {
        table_end(run, st);
        memcpy(st->table, vrf, sizeof(st->table));
        return 0;
    }
    if (iosxr_is_noise(line, len))
        return 0;
    if (rx_match(&head_rx, line, len, NULL)) {
        table_end(run, st);
        st->in_table = true;
        parse_begin_block(run);
        return 0;
    }
    if (!st->in_table || !rx_match(&row_rx, line, len, &c)) {
        parse_skip(run);
        return 0;
    }
    rx_named(&c, "src", &s, &n);
    int64_t routes = rx_int(&c, "r");
    if (tu_eq(s, n, "Total")) {
        st->total_seen = true;
        if (routes != MODEL_ABSENT && st->sum != routes)
            parse_partial(run, "the route sources do not add up to the Total line");
        return emit(run, st, NULL, 0, routes);
    }
    if (routes != MODEL_ABSENT)
        st->sum += routes;
    return emit(run, st, s, n, routes);
}

int iosxr_route_summary_finish(parse_run_t *run, void *state)
{
    table_end(run, state);
    return 0;
}
