/* vendor_iosxr.c: Cisco IOS-XR. */
#include "probes/vendor.h"

static const char *const iosxr_paging_off[] = {"terminal length 0", "terminal width 511", NULL};
static const char *const iosxr_errors[] = {
    "^\\s*% ?Invalid input", "^\\s*% ?Incomplete command", "^\\s*% ?Ambiguous command",
    "^\\s*% ?This command is not authorized", NULL,
};
static const char *const iosxr_allow[] = {
    "^show [A-Za-z0-9][A-Za-z0-9 ./:_,*+-]*$",
    "^terminal (length|width) [0-9]{1,3}$",
    "^traceroute( vrf [A-Za-z0-9_.-]+)? [0-9a-fA-F.:]+( source [A-Za-z0-9/._:-]+)?( numeric)?$",
    "^ping( vrf [A-Za-z0-9_.-]+)? [0-9a-fA-F.:]+( source [A-Za-z0-9/._:-]+)?( count [0-9]{1,3})?$",
    "^telnet( vrf [A-Za-z0-9_.-]+)? [0-9a-fA-F.:]+ 179( source-interface [A-Za-z0-9/._:-]+)?$",
    NULL,
};

static const vendor_probe_t iosxr_probes[] = {
    {PROBE_INTERFACES, "show interfaces", NULL, NULL},
    {PROBE_INTERFACE, "show interfaces {iface}", NULL, NULL},
    {PROBE_IP_BRIEF, "show ipv4 interface brief", "show ipv4 vrf {vrf} interface brief", NULL},
    {PROBE_BGP_SUMMARY, "show bgp summary", "show bgp vrf {vrf} summary", NULL},
    {PROBE_BGP_NEIGHBOR, "show bgp neighbors {peer}", "show bgp vrf {vrf} neighbors {peer}", NULL},
    {PROBE_BGP_CONFIG, "show running-config router bgp", NULL, NULL},
    {PROBE_PREFIX_LISTS, "show rpl prefix-set", NULL, NULL},
    {PROBE_ROUTE_MAPS, "show rpl route-policy", NULL, NULL},
    {PROBE_ROUTE_LOOKUP, "show route {prefix}", "show route vrf {vrf} {prefix}", NULL},
    {PROBE_BGP_PREFIX, "show bgp {prefix}", "show bgp vrf {vrf} {prefix}", NULL},
    {PROBE_BGP_RECEIVED, "show bgp neighbors {peer} routes", "show bgp vrf {vrf} neighbors {peer} routes", NULL},
    {PROBE_ARP, "show arp {peer}", "show arp vrf {vrf} {peer}", NULL},
    {PROBE_TRACEROUTE, "traceroute {target} source {source} numeric", "traceroute vrf {vrf} {target} source {source} numeric", NULL},
    {PROBE_TCP_179, "telnet {peer} 179", "telnet vrf {vrf} {peer} 179", NULL},
    {PROBE_BFD, "show bfd session", NULL, NULL},
    {PROBE_LOG_AUTH, "show logging | include MD5|BADAUTH", NULL, NULL},
    {PROBE_VERSION, "show version", NULL, NULL},
};

const vendor_t vendor_iosxr = {
    .name = "iosxr", .title = "Cisco IOS-XR", .paging_off = iosxr_paging_off,
    .prompt = "^(RP/[0-9A-Z/]+:)?[A-Za-z0-9_.-]+[>#]\\s*$", .errors = iosxr_errors, .allow = iosxr_allow,
    .probes = iosxr_probes, .n_probes = sizeof(iosxr_probes) / sizeof(iosxr_probes[0]), .exec_channel = true,
};
