/* vendor_ios.c: Cisco IOS and IOS-XE. */
#include "probes/vendor.h"

static const char *const ios_paging_off[] = {"terminal length 0", "terminal width 511", NULL};
static const char *const ios_errors[] = {
    "^\\s*% ?Invalid input", "^\\s*% ?Incomplete command", "^\\s*% ?Ambiguous command",
    "^\\s*% ?Unknown command", "^\\s*% ?Bad IP address", "^\\s*% ?Authorization failed", NULL,
};
static const char *const ios_allow[] = {
    "^show [A-Za-z0-9][A-Za-z0-9 ./:_,*+-]*$",
    "^terminal (length|width) [0-9]{1,3}$",
    "^traceroute( vrf [A-Za-z0-9_.-]+)? [0-9a-fA-F.:]+( source [A-Za-z0-9/._:-]+)?( numeric)?( timeout [0-9]{1,2})?( ttl [0-9]{1,2} [0-9]{1,2})?$",
    "^ping( vrf [A-Za-z0-9_.-]+)? [0-9a-fA-F.:]+( source [A-Za-z0-9/._:-]+)?( repeat [0-9]{1,3})?( size [0-9]{1,4})?( df-bit)?$",
    "^telnet [0-9a-fA-F.:]+ 179( /vrf [A-Za-z0-9_.-]+)?( /source-interface [A-Za-z0-9/._:-]+)?$",
    NULL,
};

static const vendor_probe_t ios_probes[] = {
    {PROBE_INTERFACES, "show interfaces", NULL, NULL},
    {PROBE_INTERFACE, "show interfaces {iface}", NULL, NULL},
    {PROBE_IP_BRIEF, "show ip interface brief", NULL, NULL},
    {PROBE_BGP_SUMMARY, "show ip bgp summary", "show ip bgp vpnv4 vrf {vrf} summary", NULL},
    {PROBE_BGP_NEIGHBOR, "show ip bgp neighbors {peer}", "show ip bgp vpnv4 vrf {vrf} neighbors {peer}", NULL},
    {PROBE_BGP_CONFIG, "show running-config | section router bgp", NULL, NULL},
    {PROBE_PREFIX_LISTS, "show ip prefix-list", NULL, NULL},
    {PROBE_ROUTE_MAPS, "show route-map", NULL, NULL},
    {PROBE_ROUTE_LOOKUP, "show ip route {prefix}", "show ip route vrf {vrf} {prefix}", NULL},
    {PROBE_BGP_PREFIX, "show ip bgp {prefix}", "show ip bgp vpnv4 vrf {vrf} {prefix}", NULL},
    {PROBE_BGP_RECEIVED, "show ip bgp neighbors {peer} routes", "show ip bgp vpnv4 vrf {vrf} neighbors {peer} routes", NULL},
    {PROBE_ARP, "show ip arp {peer}", "show ip arp vrf {vrf} {peer}", NULL},
    {PROBE_TRACEROUTE, "traceroute {target} source {source} numeric", "traceroute vrf {vrf} {target} source {source} numeric", NULL},
    {PROBE_TCP_179, "telnet {peer} 179", "telnet {peer} 179 /vrf {vrf}", NULL},
    {PROBE_BFD, "show bfd neighbors details", NULL, NULL},
    {PROBE_LOG_AUTH, "show logging | include BADAUTH|MD5|TCP-6", NULL, NULL},
    {PROBE_VERSION, "show version", NULL, NULL},
};

const vendor_t vendor_ios = {
    .name = "ios", .title = "Cisco IOS / IOS-XE", .paging_off = ios_paging_off,
    .prompt = "^[A-Za-z0-9_.-]+[>#]\\s*$", .errors = ios_errors, .allow = ios_allow,
    .probes = ios_probes, .n_probes = sizeof(ios_probes) / sizeof(ios_probes[0]), .exec_channel = true,
};
