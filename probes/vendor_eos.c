/* vendor_eos.c: Arista EOS. */
#include "probes/vendor.h"

static const char *const eos_paging_off[] = {"terminal length 0", "terminal width 32767", NULL};
static const char *const eos_errors[] = {
    "^\\s*% ?Invalid input", "^\\s*% ?Incomplete command", "^\\s*% ?Ambiguous command",
    "^\\s*% ?Unavailable command", "^\\s*% ?Authorization denied", NULL,
};
static const char *const eos_allow[] = {
    "^show [A-Za-z0-9][A-Za-z0-9 ./:_,*+-]*$",
    "^terminal (length|width) [0-9]{1,5}$",
    "^traceroute( vrf [A-Za-z0-9_.-]+)? [0-9a-fA-F.:]+( source [0-9a-fA-F.:]+)?$",
    "^ping( vrf [A-Za-z0-9_.-]+)? [0-9a-fA-F.:]+( source [A-Za-z0-9/._:-]+)?( repeat [0-9]{1,3})?$",
    NULL,
};

static const vendor_probe_t eos_probes[] = {
    {PROBE_INTERFACES, "show interfaces", NULL, "show interfaces | json"},
    {PROBE_INTERFACE, "show interfaces {iface}", NULL, "show interfaces {iface} | json"},
    {PROBE_IP_BRIEF, "show ip interface brief", NULL, "show ip interface brief | json"},
    {PROBE_BGP_SUMMARY, "show ip bgp summary", "show ip bgp summary vrf {vrf}", "show ip bgp summary | json"},
    {PROBE_BGP_NEIGHBOR, "show ip bgp neighbors {peer}", "show ip bgp neighbors {peer} vrf {vrf}", "show ip bgp neighbors {peer} | json"},
    {PROBE_BGP_CONFIG, "show running-config section router bgp", NULL, NULL},
    {PROBE_PREFIX_LISTS, "show ip prefix-list", NULL, NULL},
    {PROBE_ROUTE_MAPS, "show route-map", NULL, NULL},
    {PROBE_ROUTE_LOOKUP, "show ip route {prefix}", "show ip route vrf {vrf} {prefix}", "show ip route {prefix} | json"},
    {PROBE_BGP_PREFIX, "show ip bgp {prefix}", "show ip bgp {prefix} vrf {vrf}", "show ip bgp {prefix} | json"},
    {PROBE_BGP_RECEIVED, "show ip bgp neighbors {peer} received-routes", "show ip bgp neighbors {peer} received-routes vrf {vrf}", NULL},
    {PROBE_ARP, "show ip arp {peer}", "show ip arp vrf {vrf} {peer}", "show ip arp {peer} | json"},
    {PROBE_TRACEROUTE, "traceroute {target} source {source}", "traceroute vrf {vrf} {target} source {source}", NULL},
    {PROBE_BFD, "show bfd peers", NULL, "show bfd peers | json"},
    {PROBE_LOG_AUTH, "show logging | include MD5|BADAUTH", NULL, NULL},
    {PROBE_VERSION, "show version", NULL, "show version | json"},
};

const vendor_t vendor_eos = {
    .name = "eos", .title = "Arista EOS", .paging_off = eos_paging_off,
    .prompt = "^[A-Za-z0-9_.-]+(\\([a-z0-9-]+\\))?[>#]\\s*$", .errors = eos_errors, .allow = eos_allow,
    .probes = eos_probes, .n_probes = sizeof(eos_probes) / sizeof(eos_probes[0]), .exec_channel = true,
};
