/* nxos_int_brief.c: NX-OS "show interface brief" and "show ip interface brief [vrf all]".
 *
 * "show interface brief" is a run of small tables, one per interface type, each with its own
 * header; the header tells which row shape follows:
 *   Port   VRF          Status IP Address                              Speed    MTU
 *   mgmt0  --           up     10.1.100.220                            1000     1500
 *   Ethernet      VLAN    Type Mode   Status  Reason                   Speed     Port
 *   Eth1/1        --      eth  routed up      none                       10G(D) --
 *   Interface     Status     Description          (loopbacks)
 *   Interface Secondary VLAN(Type)   Status Reason  (SVIs)
 *   Interface  Status  IP Address  Encap type  MTU (tunnels)
 *   Port   Status Reason   MTU  [VRF]            (nve, mti)
 *
 * "show ip interface brief":
 *   IP Interface Status for VRF "default"(1)
 *   Interface            IP Address      Interface Status
 *   Eth1/1               192.168.100.129 protocol-up/link-up/admin-up
 */
#include <stdio.h>
#include <string.h>

#include "parsers/nxos/nxos.h"
#include "parsers/textutil.h"

typedef enum { SEC_NONE = 0, SEC_MGMT, SEC_ETH, SEC_LOOP, SEC_SVI, SEC_TUNNEL, SEC_PORT, SEC_PW } sec_t;

typedef struct {
    sec_t sec;
} nxos_brief_state_t;

typedef struct {
    char vrf[NAME_LEN];
} nxos_ipbrief_state_t;

_Static_assert(sizeof(nxos_ipbrief_state_t) <= NXOS_STATE_SIZE, "state too large");

static struct {
    rx_t head;
    sec_t sec;
} heads[] = {
    {RX("^Port\\s+VRF\\s+Status\\s+IP Address"), SEC_MGMT},
    {RX("^(?:Ethernet|Port-channel)\\s+VLAN\\s+Type\\s+Mode"), SEC_ETH},
    {RX("^Interface\\s+Status\\s+Description"), SEC_LOOP},
    {RX("^Interface\\s+Secondary VLAN"), SEC_SVI},
    {RX("^Interface\\s+Status\\s+IP Address\\s+Encap"), SEC_TUNNEL},
    {RX("^Port\\s+Status\\s+Reason\\s+MTU"), SEC_PORT},
    {RX("^Interface\\s+Status\\s+Peer IP Address"), SEC_PW},
};

static rx_t cont_rx = RX("^(?:Interface\\s*|\\s*Ch #)\\s*$|^Interface\\s+Ch #");
static rx_t mgmt_rx = RX("^(?<name>\\S+)\\s+(?<vrf>\\S+)\\s+(?<status>\\S+)\\s+(?<ip>\\S+)\\s+(?<speed>\\S+)\\s+(?<mtu>\\d+)\\s*$");
static rx_t eth_rx = RX("^(?<name>\\S+)\\s+(?<vlan>\\S+)\\s+(?<type>\\S+)\\s+(?<mode>\\S+)\\s+(?<status>\\S+)\\s+"
                        "(?<reason>.*?)\\s+(?<speed>\\S+)\\s+(?<port>\\S+)\\s*$");
static rx_t loop_rx = RX("^(?<name>\\S+)\\s+(?<status>\\S+)(?:\\s+(?<desc>.*?))?\\s*$");
static rx_t svi_rx = RX("^(?<name>\\S+)\\s+(?<sec>\\S+)\\s+(?<status>up|down)(?:\\s+(?<reason>.*?))?\\s*$");
static rx_t tunnel_rx = RX("^(?<name>\\S+)\\s+(?<status>\\S+)\\s+(?<ip>\\S+)\\s+(?<encap>\\S+)\\s+(?<mtu>\\d+)\\s*$");
static rx_t port_rx = RX("^(?<name>\\S+)\\s+(?<status>up|down|\\S+)\\s+(?<reason>.*?)\\s+(?<mtu>\\d+)(?:\\s+(?<vrf>\\S+))?\\s*$");
static rx_t pw_rx = RX("^(?<name>\\S+)\\s+(?<status>\\S+)\\s+(?<ip>\\S+)\\s+(?<vc>\\d+)\\s*$");

/* "--" and "none" are NX-OS placeholders for "nothing". */
static bool nxos_brief_value(const char *s, size_t n)
{
    return n && !tu_eq(s, n, "--") && !tu_eq(s, n, "none") && !tu_eq(s, n, "-");
}

static void nxos_brief_status(iface_t *f, const rx_caps_t *c)
{
    const char *s, *r = "";
    size_t n, rn = 0;
    rx_named(c, "status", &s, &n);
    bool has_reason = rx_named(c, "reason", &r, &rn) && nxos_brief_value(r, rn);
    char raw[sizeof(f->raw_status)];
    snprintf(raw, sizeof(raw), "%.*s%s%.*s", (int)n, s, has_reason ? " " : "", has_reason ? (int)rn : 0, r);
    FIELD_SET(f->raw_status, raw, -1);
    f->oper_status = tu_starts(s, n, "up") ? UPDOWN_UP : UPDOWN_DOWN;
    /* "down / Administratively down", "down / Admin" or status "disabled" = shut. */
    bool shut = (has_reason && tu_starts(r, rn, "admin")) || tu_starts(s, n, "admin") || tu_eq(s, n, "disabled");
    f->admin_status = shut ? UPDOWN_DOWN : UPDOWN_UP;
}

static void nxos_brief_ip(iface_t *f, const rx_caps_t *c)
{
    const char *s;
    size_t n;
    if (rx_named(c, "ip", &s, &n) && nxos_brief_value(s, n) && tu_prefix(s, n, true, f->ipv4[0], sizeof(f->ipv4[0])))
        f->n_ipv4 = 1;
    else
        f->ipv4[0][0] = '\0';
}

static rx_t *nxos_brief_row_rx(sec_t sec)
{
    switch (sec) {
    case SEC_MGMT: return &mgmt_rx;
    case SEC_ETH: return &eth_rx;
    case SEC_LOOP: return &loop_rx;
    case SEC_SVI: return &svi_rx;
    case SEC_TUNNEL: return &tunnel_rx;
    case SEC_PORT: return &port_rx;
    case SEC_PW: return &pw_rx;
    default: return NULL;
    }
}

int nxos_int_brief_line(parse_run_t *run, void *state, const char *line, size_t len)
{
    nxos_brief_state_t *st = state;
    rx_caps_t c;
    if (nxos_is_rule(line, len) || rx_match(&cont_rx, line, len, NULL))
        return 0;
    for (size_t i = 0; i < sizeof(heads) / sizeof(heads[0]); i++)
        if (rx_match(&heads[i].head, line, len, NULL)) {
            st->sec = heads[i].sec;
            return 0;
        }
    rx_t *row = nxos_brief_row_rx(st->sec);
    if (!row || !rx_match(row, line, len, &c)) {
        parse_skip(run);
        return 0;
    }
    record_t rec;
    record_init(&rec, KIND_INTERFACES);
    iface_t *f = &rec.u.iface;
    const char *s;
    size_t n;
    rx_copy(&c, "name", f->name, sizeof(f->name));
    nxos_brief_status(f, &c);
    f->protocol_status = f->oper_status;
    nxos_brief_ip(f, &c);
    f->mtu = rx_int(&c, "mtu");
    if (rx_named(&c, "desc", &s, &n) && nxos_brief_value(s, n))
        FIELD_SET(f->description, s, (long)n);
    if (rx_named(&c, "vrf", &s, &n) && nxos_brief_value(s, n))
        FIELD_SET(f->vrf, s, (long)n);
    return parse_emit(run, &rec);
}

int nxos_int_brief_finish(parse_run_t *run, void *state)
{
    (void)run;
    (void)state;
    return 0;
}

/* ---- show ip interface brief ---- */

static rx_t vrf_rx = RX("^IP Interface Status for VRF \"(?<vrf>[^\"]+)\"");
static rx_t iphead_rx = RX("^Interface\\s+IP Address\\s+Interface Status");
static rx_t iprow_rx = RX("^(?<name>\\S+)\\s+(?<ip>\\S+)\\s+"
                          "(?<raw>protocol-(?<proto>\\w+)/link-(?<link>\\w+)/admin-(?<admin>\\w+))\\s*$");
/* "(loopback0)" under an unnumbered row names the borrowed address; the row is complete. */
static rx_t ipcont_rx = RX("^\\s+\\((?<src>\\S+)\\)\\s*$");

int nxos_ip_int_brief_line(parse_run_t *run, void *state, const char *line, size_t len)
{
    nxos_ipbrief_state_t *st = state;
    rx_caps_t c;
    if (nxos_is_rule(line, len) || rx_match(&iphead_rx, line, len, NULL) || rx_match(&ipcont_rx, line, len, NULL))
        return 0;
    if (rx_match(&vrf_rx, line, len, &c)) {
        rx_copy(&c, "vrf", st->vrf, sizeof(st->vrf));
        return 0;
    }
    if (!rx_match(&iprow_rx, line, len, &c)) {
        parse_skip(run);
        return 0;
    }
    record_t rec;
    record_init(&rec, KIND_INTERFACES);
    iface_t *f = &rec.u.iface;
    const char *s;
    size_t n;
    rx_copy(&c, "name", f->name, sizeof(f->name));
    nxos_brief_ip(f, &c);
    rx_copy(&c, "raw", f->raw_status, sizeof(f->raw_status));
    rx_named(&c, "proto", &s, &n);
    f->protocol_status = tu_updown(s, n);
    rx_named(&c, "link", &s, &n);
    f->oper_status = tu_updown(s, n);
    rx_named(&c, "admin", &s, &n);
    f->admin_status = tu_updown(s, n);
    FIELD_SET(f->vrf, st->vrf, -1);
    return parse_emit(run, &rec);
}

int nxos_ip_int_brief_finish(parse_run_t *run, void *state)
{
    (void)run;
    (void)state;
    return 0;
}
