/* frr_int_brief.c: FRR "show interface brief" (zebra), one interface a row, its addresses
 * in the last column; IPv6 global addresses follow under it marked "+ " (link-local ones are
 * not printed).
 *
 *   Interface       Status  VRF             Addresses
 *   ---------       ------  ---             ---------
 *   eth1            up      default         192.168.100.129/30
 *                                           + 2001:db8:c0de::1/126
 *   lo              up      default
 */
#include <string.h>

#include "parsers/frr/frr.h"
#include "parsers/rx.h"
#include "parsers/textutil.h"

static rx_t header_rx = RX("^(?:Interface\\s+Status\\s+VRF\\s+Addresses|-{3,}\\s+-{3,})");
static rx_t row_rx = RX("^(?<name>\\S+)\\s+(?<status>up|down)\\s+(?<vrf>\\S+)(?:\\s+(?:\\+ )?(?<addr>[0-9a-fA-F.:]+/\\d+))?\\s*$");
static rx_t more_rx = RX("^\\s+(?:\\+ )?(?<addr>[0-9a-fA-F.:]+/\\d+)\\s*$");

static void add_addr(iface_t *f, const rx_caps_t *c)
{
    const char *s;
    size_t n;
    char pfx[PREFIX_LEN];
    if (!rx_named(c, "addr", &s, &n) || !n || !tu_prefix(s, n, true, pfx, sizeof(pfx)))
        return;
    bool v6 = memchr(s, ':', n) != NULL;
    if (v6 && f->n_ipv6 < MAX_ADDRS)
        FIELD_SET(f->ipv6[f->n_ipv6++], pfx, -1);
    else if (!v6 && f->n_ipv4 < MAX_ADDRS)
        FIELD_SET(f->ipv4[f->n_ipv4++], pfx, -1);
}

static int flush(parse_run_t *run, frr_int_brief_state_t *st)
{
    if (!st->open)
        return 0;
    st->open = false;
    return parse_emit(run, &st->rec);
}

int frr_int_brief_line(parse_run_t *run, void *state, const char *line, size_t len)
{
    frr_int_brief_state_t *st = state;
    rx_caps_t c;
    if (frr_blank(line, len) || rx_match(&header_rx, line, len, NULL))
        return 0;
    if (st->open && rx_match(&more_rx, line, len, &c)) {
        add_addr(&st->rec.u.iface, &c);
        return 0;
    }
    if (!rx_match(&row_rx, line, len, &c)) {
        parse_skip(run);
        return 0;
    }
    if (flush(run, st))
        return -1;
    parse_begin_record(run, &st->rec, KIND_INTERFACES);
    st->open = true;
    iface_t *f = &st->rec.u.iface;
    const char *s;
    size_t n;
    rx_copy(&c, "name", f->name, sizeof(f->name));
    rx_named(&c, "status", &s, &n);
    f->oper_status = tu_updown(s, n);
    FIELD_SET(f->raw_status, s, (long)n);
    rx_copy(&c, "vrf", f->vrf, sizeof(f->vrf));
    add_addr(f, &c);
    return 0;
}

int frr_int_brief_finish(parse_run_t *run, void *state)
{
    return flush(run, state);
}
