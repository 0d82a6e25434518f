/* vendor_frr.c: FRRouting through vtysh (as a login shell, or vtysh -c over exec). */
#include "probes/vendor.h"

static const char *const frr_paging_off[] = {"terminal length 0", NULL};
static const char *const frr_errors[] = {
    "^\\s*% ?Unknown command", "^\\s*% ?Command incomplete", "^\\s*% ?Ambiguous command",
    "^\\s*% ?Malformed address", "^\\s*% ?Can't find", NULL,
};
static const char *const frr_allow[] = {
    "^show [A-Za-z0-9][A-Za-z0-9 ./:_,*+-]*$",
    "^terminal length [0-9]{1,3}$",
    NULL,
};

static const vendor_probe_t frr_probes[] = {
    {PROBE_INTERFACES, "show interface", NULL, "show interface json"},
    {PROBE_INTERFACE, "show interface {iface}", NULL, "show interface {iface} json"},
    {PROBE_IP_BRIEF, "show interface brief", NULL, NULL},
    {PROBE_BGP_SUMMARY, "show bgp summary", "show bgp vrf {vrf} summary", "show bgp summary json"},
    {PROBE_BGP_NEIGHBOR, "show bgp neighbors {peer}", "show bgp vrf {vrf} neighbors {peer}", "show bgp neighbors {peer} json"},
    {PROBE_BGP_CONFIG, "show running-config", NULL, NULL},
    {PROBE_PREFIX_LISTS, "show ip prefix-list", NULL, NULL},
    {PROBE_ROUTE_MAPS, "show route-map", NULL, NULL},
    {PROBE_ROUTE_LOOKUP, "show ip route {prefix}", "show ip route vrf {vrf} {prefix}", "show ip route {prefix} json"},
    {PROBE_BGP_PREFIX, "show bgp ipv4 unicast {prefix}", "show bgp vrf {vrf} ipv4 unicast {prefix}", "show bgp ipv4 unicast {prefix} json"},
    {PROBE_BGP_RECEIVED, "show bgp ipv4 unicast neighbors {peer} routes", "show bgp vrf {vrf} ipv4 unicast neighbors {peer} routes", NULL},
    {PROBE_BFD, "show bfd peers", NULL, "show bfd peers json"},
    {PROBE_VERSION, "show version", NULL, NULL},
};

const vendor_t vendor_frr = {
    .name = "frr", .title = "FRRouting (vtysh)", .paging_off = frr_paging_off,
    .prompt = "^[A-Za-z0-9_.-]+(\\([a-z0-9-]+\\))?[>#]\\s*$", .errors = frr_errors, .allow = frr_allow,
    .probes = frr_probes, .n_probes = sizeof(frr_probes) / sizeof(frr_probes[0]), .exec_channel = false,
};
