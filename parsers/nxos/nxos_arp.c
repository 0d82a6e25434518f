/* nxos_arp.c: NX-OS "show ip arp [detail] [vrf X|all]" and "show ipv6 neighbor [vrf X]".
 *
 *   IP ARP Table for context default
 *   Address         Age       MAC Address     Interface        Physical Interface  Flags  VRF Name
 *   192.168.100.130 00:01:02  00de.fb01.c9bc  Ethernet1/1      Ethernet1/1                default
 *   10.1.1.5        00:00:13  INCOMPLETE      Vlan10           Vlan10
 *
 * "detail" adds the physical interface, "vrf all" the VRF name; the flag column (* + # D CP
 * PS RO) is optional.  Age "-" is a static or local entry.
 *
 * The IPv6 neighbor (ND) table has the same columns plus Pref and Source, and its address
 * never fits the column: NX-OS prints it alone and the rest of the row on the next line.
 *   IPv6 Adjacency Table for VRF default
 *   Address         Age       MAC Address     Pref Source     Interface
 *   2001:db8:c0de::2
 *                   00:02:11  1234.5678.9abc  50   icmpv6     Ethernet1/1
 * The address is kept until its continuation arrives. */
#include <stdio.h>
#include <string.h>

#include "parsers/nxos/nxos.h"
#include "parsers/textutil.h"

typedef struct {
    char vrf[NAME_LEN];
    bool vrf_col; /* the header has a "VRF Name" column */
    char pend[ADDR_LEN]; /* an IPv6 address printed alone, waiting for its row */
} nxos_arp_state_t;

_Static_assert(sizeof(nxos_arp_state_t) <= NXOS_STATE_SIZE, "state too large");

static rx_t ctx_rx = RX("^(?:IP ARP|IPv6 Adjacency) Table(?: for (?:context|VRF) (?<vrf>\\S+)| for all (?:contexts|VRFs))?");
static rx_t head_rx = RX("^Address\\s+Age\\s+MAC Address\\s+(?:Pref\\s+Source\\s+)?Interface(?<rest>.*)$");
static rx_t legend_rx = RX("^(?:Flags:|\\s+\\S+ - |Total number of entries)");
static rx_t row_rx = RX("^(?<ip>[0-9A-Fa-f.:]+)\\s+(?<age>\\S+)\\s+(?<mac>[0-9A-Fa-f]{1,4}\\.[0-9A-Fa-f]{1,4}\\.[0-9A-Fa-f]{1,4}|INCOMPLETE)"
                        "(?:\\s+\\d+\\s+[a-z]\\S*)?\\s+(?<if>\\S+)(?<rest>.*?)\\s*$");
static rx_t alone_rx = RX("^(?<ip>[0-9A-Fa-f.]*:[0-9A-Fa-f.:]*)\\s*$");
static rx_t cont_rx = RX("^\\s+\\S");

static void nxos_arp_rest(const nxos_arp_state_t *st, arp_entry_t *a, const char *s, size_t n)
{
    /* Physical interface, flags, VRF: the VRF is the last word when the header has the column. */
    tu_trim(&s, &n);
    if (!st->vrf_col || n == 0)
        return;
    size_t i = n;
    while (i > 0 && s[i - 1] != ' ')
        i--;
    /* A lone physical interface with no VRF printed: nothing to take. */
    if (i == 0)
        return;
    FIELD_SET(a->vrf, s + i, (long)(n - i));
}

/* One table row (an IPv6 row already glued to its address) -> one record. */
static int nxos_arp_row(parse_run_t *run, const nxos_arp_state_t *st, const char *line, size_t len)
{
    rx_caps_t c;
    const char *s;
    size_t n;
    if (!rx_match(&row_rx, line, len, &c)) {
        parse_skip(run);
        return 0;
    }
    record_t rec;
    record_init(&rec, KIND_ARP);
    arp_entry_t *a = &rec.u.arp;
    rx_copy(&c, "ip", a->address, sizeof(a->address));
    rx_copy(&c, "if", a->interface, sizeof(a->interface));
    a->age = nxos_rx_duration(&c, "age");
    rx_named(&c, "mac", &s, &n);
    a->incomplete = tu_eq(s, n, "INCOMPLETE");
    if (!a->incomplete)
        tu_mac(s, n, a->mac);
    FIELD_SET(a->state, a->incomplete ? "incomplete" : a->age == MODEL_ABSENT ? "static" : "reachable", -1);
    FIELD_SET(a->vrf, st->vrf, -1);
    rx_named(&c, "rest", &s, &n);
    nxos_arp_rest(st, a, s, n);
    return parse_emit(run, &rec);
}

/* The indented rest of a row whose IPv6 address came alone on the line before. */
static int nxos_arp_glued(parse_run_t *run, nxos_arp_state_t *st, const char *line, size_t len)
{
    char joined[512];
    const char *s = line;
    size_t n = len;
    tu_trim(&s, &n);
    int jn = snprintf(joined, sizeof(joined), "%s %.*s", st->pend, (int)n, s);
    st->pend[0] = '\0';
    return nxos_arp_row(run, st, joined, (size_t)jn < sizeof(joined) ? (size_t)jn : sizeof(joined) - 1);
}

int nxos_arp_line(parse_run_t *run, void *state, const char *line, size_t len)
{
    nxos_arp_state_t *st = state;
    rx_caps_t c;
    const char *s;
    size_t n;
    if (st->pend[0] && rx_match(&cont_rx, line, len, NULL))
        return nxos_arp_glued(run, st, line, len);
    if (st->pend[0]) { /* an address with no row after it */
        st->pend[0] = '\0';
        parse_partial(run, "neighbor address without its row");
    }
    if (nxos_is_rule(line, len) || rx_match(&legend_rx, line, len, NULL))
        return 0;
    if (rx_match(&ctx_rx, line, len, &c)) {
        if (!rx_copy(&c, "vrf", st->vrf, sizeof(st->vrf)))
            st->vrf[0] = '\0';
        return 0;
    }
    if (rx_match(&head_rx, line, len, &c)) {
        rx_named(&c, "rest", &s, &n);
        st->vrf_col = memmem(s, n, "VRF", 3) != NULL;
        return 0;
    }
    if (rx_match(&alone_rx, line, len, &c)) {
        rx_copy(&c, "ip", st->pend, sizeof(st->pend));
        return 0;
    }
    return nxos_arp_row(run, st, line, len);
}

int nxos_arp_finish(parse_run_t *run, void *state)
{
    nxos_arp_state_t *st = state;
    if (st->pend[0]) /* the capture stopped between an address and its row */
        parse_truncated(run, "neighbor row cut off");
    return 0;
}
