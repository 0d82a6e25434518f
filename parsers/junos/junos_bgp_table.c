/* junos_bgp_table.c: Junos "show route receive-protocol bgp N" and
 * "show route advertising-protocol bgp N".
 *
 *   inet.0: 12 destinations, 13 routes (12 active, 0 holddown, 0 hidden)
 *     Prefix                  Nexthop              MED     Lclpref    AS path
 *   * 10.1.0.0/16             192.168.100.130      0                  12076 I
 *     10.2.0.0/16             192.168.100.130                         12076 65020 ?
 *   * 10.100.0.0/16           Self                                    I
 *
 * MED and Lclpref are often blank, so the header's columns tell which number is which. */
#include <stdio.h>
#include <string.h>

#include "parsers/junos/junos.h"
#include "parsers/rx.h"
#include "parsers/textutil.h"

static rx_t table_rx = RX("^(?<table>\\S+): \\d+ destinations?, \\d+ routes?");
static rx_t header_rx = RX("^\\s*Prefix\\s+Nexthop\\s+MED\\s+Lclpref\\s+AS path");
static rx_t row_rx = RX("^(?<flag>[*+-])?\\s*(?<pfx>[0-9a-fA-F.:]+/\\d+)(?:\\s+(?<rest>.*))?$");
static rx_t cont_rx = RX("^\\s+(?<rest>(?:[0-9a-fA-F.:]+|Self)\\s.*|(?:[0-9a-fA-F.:]+|Self))$");

/* The screen column of line[off]: Junos pads this header with tabs (8-column stops). */
static int display_col(const char *line, size_t off)
{
    int col = 0;
    for (size_t i = 0; i < off; i++)
        col = line[i] == '\t' ? (col / 8 + 1) * 8 : col + 1;
    return col;
}

static void header(junos_bgp_table_state_t *st, const char *line, size_t len)
{
    const char *med = strstr(line, "MED"), *lcl = strstr(line, "Lclpref"), *as = strstr(line, "AS path");
    (void)len;
    st->med_col = med ? display_col(line, (size_t)(med - line)) : 0;
    st->lcl_col = lcl ? display_col(line, (size_t)(lcl - line)) : 0;
    st->as_col = as ? display_col(line, (size_t)(as - line)) : 0;
}

static void origin(bgp_path_t *p, const char *t, size_t n)
{
    if (n != 1)
        return;
    FIELD_SET(p->origin, t[0] == 'I' ? "igp" : t[0] == 'E' ? "egp" : "incomplete", -1);
}

/* Splits "Nexthop [MED] [Lclpref] AS-path origin" using the header's columns; line is the row
 * (rest points into it) for screen columns, or NULL when the row is the wrapped second line. */
static void columns(const junos_bgp_table_state_t *st, bgp_path_t *p, const char *line, const char *rest, size_t n)
{
    size_t i = 0;
    int k = 0;
    while (i < n) {
        while (i < n && rest[i] == ' ')
            i++;
        if (i >= n)
            break;
        size_t start = i;
        while (i < n && rest[i] != ' ')
            i++;
        const char *t = rest + start;
        size_t tl = i - start;
        int tcol = line ? display_col(line, (size_t)(t - line)) : 0;
        if (k++ == 0) {
            if (!tu_eq(t, tl, "Self"))
                FIELD_SET(p->next_hop, t, (long)tl);
            continue;
        }
        bool aspath_col = !st->as_col || tcol >= st->as_col - 1 || p->as_path[0];
        if (!aspath_col && st->lcl_col && tcol < st->lcl_col - 1)
            p->metric = tu_int(t, tl);
        else if (!aspath_col)
            p->local_pref = tu_int(t, tl);
        else if (i >= n && (tl == 1 && (t[0] == 'I' || t[0] == 'E' || t[0] == '?')))
            origin(p, t, tl);
        else {
            size_t have = strlen(p->as_path);
            if (have + tl + 2 < sizeof(p->as_path))
                snprintf(p->as_path + have, sizeof(p->as_path) - have, "%s%.*s", have ? " " : "", (int)tl, t);
        }
    }
}

static int row(parse_run_t *run, junos_bgp_table_state_t *st, const char *pfx, bool best, const char *line,
               const char *rest, size_t n)
{
    record_t rec;
    record_init(&rec, KIND_BGP_TABLE);
    bgp_path_t *p = &rec.u.path;
    if (!tu_prefix(pfx, strlen(pfx), false, p->prefix, sizeof(p->prefix)))
        FIELD_SET(p->prefix, pfx, -1);
    p->best = best ? TRI_TRUE : TRI_FALSE;
    if (best)
        p->valid = TRI_TRUE;
    FIELD_SET(p->vrf, st->vrf[0] ? st->vrf : "default", -1);
    FIELD_SET(p->neighbor, st->neighbor, -1);
    columns(st, p, line, rest, n);
    return parse_emit(run, &rec);
}

int junos_bgp_table_line(parse_run_t *run, void *state, const char *line, size_t len)
{
    junos_bgp_table_state_t *st = state;
    rx_caps_t c;
    const char *s;
    size_t n;
    /* Received routes came from the peer; advertised ones go to it (not their source). */
    if (!st->neighbor[0] && strstr(parse_command_norm(run), "receive-protocol"))
        junos_command_arg(run, "bgp", st->neighbor, sizeof(st->neighbor));
    if (junos_blank(line, len))
        return 0;
    if (rx_match(&header_rx, line, len, NULL)) {
        header(st, line, len);
        return 0;
    }
    if (rx_match(&table_rx, line, len, &c)) {
        rx_named(&c, "table", &s, &n);
        junos_table_vrf(s, n, st->vrf, sizeof(st->vrf));
        return 0;
    }
    if (st->pending[0] && rx_match(&cont_rx, line, len, &c)) {
        rx_named(&c, "rest", &s, &n);
        int rc = row(run, st, st->pending, st->pending_best, line, s, n);
        st->pending[0] = '\0';
        return rc;
    }
    if (rx_match(&row_rx, line, len, &c)) {
        char pfx[PREFIX_LEN];
        bool best = rx_named(&c, "flag", &s, &n) && (s[0] == '*' || s[0] == '+');
        rx_copy(&c, "pfx", pfx, sizeof(pfx));
        if (!rx_named(&c, "rest", &s, &n) || n == 0) {
            /* A long prefix: the rest of the row is on the next line. */
            FIELD_SET(st->pending, pfx, -1);
            st->pending_best = best;
            return 0;
        }
        return row(run, st, pfx, best, line, s, n);
    }
    parse_skip(run);
    return 0;
}

int junos_bgp_table_finish(parse_run_t *run, void *state)
{
    junos_bgp_table_state_t *st = state;
    if (st->pending[0]) {
        parse_begin_block(run); /* the pending prefix is a record of its own, cut */
        parse_truncated(run, "the last route has no next hop (output cut)");
        return row(run, st, st->pending, st->pending_best, "", "", 0);
    }
    return 0;
}
