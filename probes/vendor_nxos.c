/* vendor_nxos.c: Cisco NX-OS. */
#include "probes/vendor.h"

static const char *const nxos_paging_off[] = {"terminal length 0", "terminal width 511", NULL};
static const char *const nxos_errors[] = {
    "^\\s*% ?Invalid command", "^\\s*% ?Invalid input", "^\\s*% ?Incomplete command",
    "^\\s*% ?Ambiguous command", "^\\s*% ?Invalid ip address", "^\\s*% ?Permission denied", NULL,
};
static const char *const nxos_allow[] = {
    "^show [A-Za-z0-9][A-Za-z0-9 ./:_,*+-]*$",
    "^terminal (length|width) [0-9]{1,3}$",
    "^traceroute [0-9a-fA-F.:]+( vrf [A-Za-z0-9_.-]+)?( source [0-9a-fA-F.:]+)?$",
    "^ping [0-9a-fA-F.:]+( vrf [A-Za-z0-9_.-]+)?( source [0-9a-fA-F.:]+)?( count [0-9]{1,3})?$",
    "^telnet [0-9a-fA-F.:]+ 179( vrf [A-Za-z0-9_.-]+)?$",
    NULL,
};

static const vendor_probe_t nxos_probes[] = {
    {PROBE_INTERFACES, "show interface", NULL, "show interface | json"},
    {PROBE_INTERFACE, "show interface {iface}", NULL, "show interface {iface} | json"},
    {PROBE_IP_BRIEF, "show ip interface brief", "show ip interface brief vrf {vrf}", "show ip interface brief | json"},
    {PROBE_BGP_SUMMARY, "show ip bgp summary", "show ip bgp summary vrf {vrf}", "show ip bgp summary | json"},
    {PROBE_BGP_NEIGHBOR, "show ip bgp neighbors {peer}", "show ip bgp neighbors {peer} vrf {vrf}", "show ip bgp neighbors {peer} | json"},
    {PROBE_BGP_CONFIG, "show running-config bgp", NULL, NULL},
    {PROBE_PREFIX_LISTS, "show ip prefix-list", NULL, NULL},
    {PROBE_ROUTE_MAPS, "show route-map", NULL, NULL},
    {PROBE_ROUTE_LOOKUP, "show ip route {prefix}", "show ip route {prefix} vrf {vrf}", "show ip route {prefix} | json"},
    {PROBE_BGP_PREFIX, "show ip bgp {prefix}", "show ip bgp {prefix} vrf {vrf}", NULL},
    {PROBE_BGP_RECEIVED, "show ip bgp neighbors {peer} routes", "show ip bgp neighbors {peer} routes vrf {vrf}", NULL},
    {PROBE_ARP, "show ip arp {peer}", "show ip arp {peer} vrf {vrf}", "show ip arp {peer} | json"},
    {PROBE_TRACEROUTE, "traceroute {target} source {source}", "traceroute {target} vrf {vrf} source {source}", NULL},
    {PROBE_TCP_179, "telnet {peer} 179", "telnet {peer} 179 vrf {vrf}", NULL},
    {PROBE_BFD, "show bfd neighbors", NULL, NULL},
    {PROBE_LOG_AUTH, "show logging logfile | include MD5|BADAUTH", NULL, NULL},
    {PROBE_VERSION, "show version", NULL, NULL},
};

const vendor_t vendor_nxos = {
    .name = "nxos", .title = "Cisco NX-OS", .paging_off = nxos_paging_off,
    .prompt = "^[A-Za-z0-9_.-]+(\\([a-z0-9-]+\\))?[>#]\\s*$", .errors = nxos_errors, .allow = nxos_allow,
    .probes = nxos_probes, .n_probes = sizeof(nxos_probes) / sizeof(nxos_probes[0]), .exec_channel = true,
};
