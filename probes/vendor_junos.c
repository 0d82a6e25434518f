/* vendor_junos.c: Juniper Junos. */
#include "probes/vendor.h"

static const char *const junos_paging_off[] = {
    "set cli screen-length 0", "set cli screen-width 511", "set cli complete-on-space off", NULL,
};
static const char *const junos_errors[] = {
    "^\\s*error: ", "^\\s*syntax error", "^\\s*unknown command", "^\\s*\\^$", NULL,
};
static const char *const junos_allow[] = {
    "^show [A-Za-z0-9][A-Za-z0-9 ./:_,*+-]*$",
    "^set cli (screen-length|screen-width) [0-9]{1,4}$",
    "^set cli complete-on-space off$",
    "^traceroute [0-9a-fA-F.:]+( routing-instance [A-Za-z0-9_.-]+)?( source [0-9a-fA-F.:]+)?( no-resolve)?$",
    "^ping [0-9a-fA-F.:]+( routing-instance [A-Za-z0-9_.-]+)?( source [0-9a-fA-F.:]+)?( count [0-9]{1,3})?( rapid)?$",
    "^telnet [0-9a-fA-F.:]+ port 179( routing-instance [A-Za-z0-9_.-]+)?( source [0-9a-fA-F.:]+)?$",
    NULL,
};

static const vendor_probe_t junos_probes[] = {
    {PROBE_INTERFACES, "show interfaces extensive", NULL, "show interfaces extensive | display json"},
    {PROBE_INTERFACE, "show interfaces {iface} extensive", NULL, "show interfaces {iface} extensive | display json"},
    {PROBE_IP_BRIEF, "show interfaces terse", NULL, "show interfaces terse | display json"},
    {PROBE_BGP_SUMMARY, "show bgp summary", "show bgp summary instance {vrf}", "show bgp summary | display json"},
    {PROBE_BGP_NEIGHBOR, "show bgp neighbor {peer}", "show bgp neighbor {peer} instance {vrf}", "show bgp neighbor {peer} | display json"},
    {PROBE_BGP_CONFIG, "show configuration protocols bgp", "show configuration routing-instances {vrf} protocols bgp", NULL},
    {PROBE_PREFIX_LISTS, "show configuration policy-options prefix-list", NULL, NULL},
    {PROBE_ROUTE_MAPS, "show configuration policy-options", NULL, NULL},
    {PROBE_ROUTE_LOOKUP, "show route {prefix}", "show route {prefix} table {vrf}.inet.0", "show route {prefix} | display json"},
    {PROBE_BGP_PREFIX, "show route {prefix} protocol bgp detail", "show route {prefix} table {vrf}.inet.0 protocol bgp detail", NULL},
    {PROBE_BGP_RECEIVED, "show route receive-protocol bgp {peer}", "show route receive-protocol bgp {peer} table {vrf}.inet.0", NULL},
    {PROBE_ARP, "show arp no-resolve hostname {peer}", NULL, "show arp no-resolve hostname {peer} | display json"},
    {PROBE_TRACEROUTE, "traceroute {target} source {source} no-resolve", "traceroute {target} routing-instance {vrf} source {source} no-resolve", NULL},
    {PROBE_TCP_179, "telnet {peer} port 179", "telnet {peer} port 179 routing-instance {vrf}", NULL},
    {PROBE_BFD, "show bfd session", NULL, "show bfd session | display json"},
    {PROBE_LOG_AUTH, "show log messages | match \"MD5|auth\"", NULL, NULL},
    {PROBE_VERSION, "show version", NULL, "show version | display json"},
};

const vendor_t vendor_junos = {
    .name = "junos", .title = "Juniper Junos", .paging_off = junos_paging_off,
    .prompt = "^[A-Za-z0-9_.-]+@[A-Za-z0-9_.-]+[>#]\\s*$", .errors = junos_errors, .allow = junos_allow,
    .probes = junos_probes, .n_probes = sizeof(junos_probes) / sizeof(junos_probes[0]), .exec_channel = true,
};
