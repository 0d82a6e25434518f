/* nxos_ipv6_brief.c: NX-OS "show ipv6 interface brief [vrf X|all]".
 *
 *   IPv6 Interface Status for VRF "default"(1)
 *   Interface               IPv6 Address/Link-local Address      Interface Status
 *                                                                prot/link/admin
 *   Eth1/1                  2001:db8:c0de::1                     up/up/up
 *                           fe80::5254:ff:fe00:101
 *
 * An interface takes one row and then one indented line per further address (secondary
 * globals, then the link-local), so its record is held until the next row, header or the end.
 * The addresses go to iface_t.ipv6 in the printed order, without a length (none is shown). */
#include <stdio.h>
#include <string.h>

#include "parsers/nxos/nxos.h"
#include "parsers/textutil.h"

typedef struct {
    char vrf[NAME_LEN];
    bool open;   /* rec holds an interface whose address lines may still follow */
    record_t rec;
} nxos_v6brief_state_t;

_Static_assert(sizeof(nxos_v6brief_state_t) <= NXOS_STATE_SIZE, "state too large");

static rx_t vrf_rx = RX("^IPv6 Interface Status for VRF \"(?<vrf>[^\"]+)\"");
static rx_t head_rx = RX("^(?:Interface\\s+IPv6 Address|\\s+prot/link/admin\\s*$)");
static rx_t row_rx = RX("^(?<name>\\S+)\\s+(?<ip>\\S+)\\s+(?<proto>[a-z-]+)/(?<link>[a-z-]+)/(?<admin>[a-z-]+)\\s*$");
static rx_t addr_rx = RX("^\\s+(?<ip>[0-9A-Fa-f]*:[0-9A-Fa-f:.]*)\\s*$");

static void nxos_v6brief_addr(iface_t *f, const rx_caps_t *c)
{
    const char *s;
    size_t n;
    if (!rx_named(c, "ip", &s, &n) || !tu_is_ip(s, n) || f->n_ipv6 >= MAX_ADDRS)
        return;
    FIELD_SET(f->ipv6[f->n_ipv6], s, (long)n);
    f->n_ipv6++;
}

static int nxos_v6brief_flush(parse_run_t *run, nxos_v6brief_state_t *st)
{
    if (!st->open)
        return 0;
    st->open = false;
    return parse_emit(run, &st->rec);
}

static void nxos_v6brief_row(nxos_v6brief_state_t *st, const rx_caps_t *c)
{
    iface_t *f = &st->rec.u.iface;
    const char *p, *l, *a;
    size_t pn, ln, an;
    rx_copy(c, "name", f->name, sizeof(f->name));
    nxos_v6brief_addr(f, c);
    rx_named(c, "proto", &p, &pn);
    rx_named(c, "link", &l, &ln);
    rx_named(c, "admin", &a, &an);
    f->protocol_status = tu_updown(p, pn);
    f->oper_status = tu_updown(l, ln);
    f->admin_status = tu_updown(a, an);
    char raw[sizeof(f->raw_status)];
    snprintf(raw, sizeof(raw), "%.*s/%.*s/%.*s", (int)pn, p, (int)ln, l, (int)an, a);
    FIELD_SET(f->raw_status, raw, -1);
    FIELD_SET(f->vrf, st->vrf, -1);
    st->open = true;
}

int nxos_ipv6_int_brief_line(parse_run_t *run, void *state, const char *line, size_t len)
{
    nxos_v6brief_state_t *st = state;
    rx_caps_t c;
    if (st->open && rx_match(&addr_rx, line, len, &c)) {
        nxos_v6brief_addr(&st->rec.u.iface, &c);
        return 0;
    }
    if (nxos_v6brief_flush(run, st))
        return -1;
    if (nxos_is_rule(line, len) || rx_match(&head_rx, line, len, NULL))
        return 0;
    if (rx_match(&vrf_rx, line, len, &c)) {
        rx_copy(&c, "vrf", st->vrf, sizeof(st->vrf));
        return 0;
    }
    if (!rx_match(&row_rx, line, len, &c)) {
        parse_skip(run);
        return 0;
    }
    parse_begin_record(run, &st->rec, KIND_INTERFACES);
    nxos_v6brief_row(st, &c);
    return 0;
}

int nxos_ipv6_int_brief_finish(parse_run_t *run, void *state)
{
    return nxos_v6brief_flush(run, state);
}
