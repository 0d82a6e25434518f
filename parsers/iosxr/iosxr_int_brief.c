/* iosxr_int_brief.c: IOS-XR brief interface tables.
 *
 * "show interface brief":
 *                Intf       Intf        LineP              Encap  MTU        BW
 *                Name       State       State               Type (byte)    (Kbps)
 *   --------------------------------------------------------------------------------
 *             Gi0/0/0/0          up          up               ARPA  1514    1000000
 *             Gi0/0/0/1  admin-down  admin-down               ARPA  1514    1000000
 *
 * "show ip[v4] [vrf all] interface brief":
 *   Interface                      IP-Address      Status          Protocol Vrf-Name
 *   GigabitEthernet0/0/0/0         192.168.100.129 Up              Up       default
 *   GigabitEthernet0/0/0/1         unassigned      Shutdown        Down     default
 */
#include <string.h>

#include "parsers/iosxr/iosxr.h"
#include "parsers/rx.h"
#include "parsers/textutil.h"

static rx_t brief_head_rx = RX("^\\s*(?:Intf\\s+Intf\\s+LineP|Name\\s+State\\s+State|Type\\s+\\(byte\\))");
static rx_t brief_row_rx = RX("^\\s*(?<name>\\S+)\\s+(?<st>up|down|admin-down|not-up|deleted|\\S+)\\s+"
                              "(?<lp>up|down|admin-down|\\S+)\\s+(?<encap>\\S+)\\s+(?<mtu>\\d+)\\s+(?<bw>\\d+)\\s*$");

int iosxr_int_brief_line(parse_run_t *run, void *state, const char *line, size_t len)
{
    (void)state;
    rx_caps_t c;
    if (iosxr_is_noise(line, len) || rx_match(&brief_head_rx, line, len, NULL))
        return 0;
    if (!rx_match(&brief_row_rx, line, len, &c)) {
        parse_skip(run);
        return 0;
    }
    record_t rec;
    record_init(&rec, KIND_INTERFACES);
    iface_t *f = &rec.u.iface;
    const char *s;
    size_t n;
    rx_copy(&c, "name", f->name, sizeof(f->name));
    rx_named(&c, "st", &s, &n);
    FIELD_SET(f->raw_status, s, (long)n);
    f->admin_status = tu_starts(s, n, "admin") ? UPDOWN_DOWN : UPDOWN_UP;
    f->oper_status = tu_updown(s, n);
    rx_named(&c, "lp", &s, &n);
    f->protocol_status = tu_updown(s, n);
    f->mtu = rx_int(&c, "mtu");
    f->bandwidth_kbps = rx_int(&c, "bw");
    return parse_emit(run, &rec);
}

static rx_t ip_head_rx = RX("^\\s*Interface\\s+IP-Address\\s+Status\\s+Protocol");
static rx_t ip_row_rx = RX("^(?<name>\\S+)\\s+(?<ip>\\S+)\\s+(?<st>Up|Down|Shutdown|Admin-down|[A-Za-z-]+)\\s+"
                           "(?<proto>Up|Down|Admin-down|[A-Za-z-]+)(?:\\s+(?<vrf>\\S+))?\\s*$");

int iosxr_ip_int_brief_line(parse_run_t *run, void *state, const char *line, size_t len)
{
    (void)state;
    rx_caps_t c;
    if (iosxr_is_noise(line, len) || rx_match(&ip_head_rx, line, len, NULL))
        return 0;
    if (!rx_match(&ip_row_rx, line, len, &c)) {
        parse_skip(run);
        return 0;
    }
    record_t rec;
    iface_t *f = rx_brief_iface(&rec, &c);
    const char *s;
    size_t n;
    rx_named(&c, "st", &s, &n);
    FIELD_SET(f->raw_status, s, (long)n);
    /* XR says "Shutdown" for an interface shut by configuration. */
    bool admin_down = tu_starts(s, n, "shut") || tu_starts(s, n, "admin");
    f->admin_status = admin_down ? UPDOWN_DOWN : UPDOWN_UP;
    f->oper_status = admin_down ? UPDOWN_DOWN : tu_updown(s, n);
    rx_named(&c, "proto", &s, &n);
    f->protocol_status = tu_updown(s, n);
    rx_copy(&c, "vrf", f->vrf, sizeof(f->vrf));
    return parse_emit(run, &rec);
}
