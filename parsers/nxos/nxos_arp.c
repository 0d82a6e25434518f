/* nxos_arp.c: NX-OS "show ip arp [detail] [vrf X|all]".
 *
 *   IP ARP Table for context default
 *   Address         Age       MAC Address     Interface        Physical Interface  Flags  VRF Name
 *   192.168.100.130 00:01:02  00de.fb01.c9bc  Ethernet1/1      Ethernet1/1                default
 *   10.1.1.5        00:00:13  INCOMPLETE      Vlan10           Vlan10
 *
 * "detail" adds the physical interface, "vrf all" the VRF name; the flag column (* + # D CP
 * PS RO) is optional.  Age "-" is a static or local entry. */
#include <string.h>

#include "parsers/nxos/nxos.h"
#include "parsers/textutil.h"

typedef struct {
    char vrf[NAME_LEN];
    bool vrf_col; /* the header has a "VRF Name" column */
} nxos_arp_state_t;

_Static_assert(sizeof(nxos_arp_state_t) <= NXOS_STATE_SIZE, "state too large");

static rx_t ctx_rx = RX("^IP ARP Table(?: for context (?<vrf>\\S+)| for all contexts)?");
static rx_t head_rx = RX("^Address\\s+Age\\s+MAC Address\\s+Interface(?<rest>.*)$");
static rx_t legend_rx = RX("^(?:Flags:|\\s+\\S+ - |Total number of entries)");
static rx_t row_rx = RX("^(?<ip>[0-9A-Fa-f.:]+)\\s+(?<age>\\S+)\\s+(?<mac>[0-9A-Fa-f]{1,4}\\.[0-9A-Fa-f]{1,4}\\.[0-9A-Fa-f]{1,4}|INCOMPLETE)"
                        "\\s+(?<if>\\S+)(?<rest>.*?)\\s*$");

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

int nxos_arp_line(parse_run_t *run, void *state, const char *line, size_t len)
{
    nxos_arp_state_t *st = state;
    rx_caps_t c;
    const char *s;
    size_t n;
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

int nxos_arp_finish(parse_run_t *run, void *state)
{
    (void)run;
    (void)state;
    return 0;
}
