/* vendor_eos.c: Arista EOS. */
#include "probes/vendor.h"

static const char *const eos_paging_off[] = {"terminal length 0", "terminal width 32767", NULL};
static const char *const eos_errors[] = {
    "^\\s*% ?Invalid input", "^\\s*% ?Incomplete command", "^\\s*% ?Ambiguous command",
    "^\\s*% ?Unavailable command", "^\\s*% ?Authorization denied", NULL,
};
static const char *const eos_allow[] = {
    "^show [A-Za-z0-9][A-Za-z0-9 ./:_,*+^-]*$",
    "^terminal (length|width) [0-9]{1,5}$",
    "^traceroute( vrf [A-Za-z0-9_.-]+)?( ipv6)? [0-9a-fA-F.:]+( source [0-9a-fA-F.:]+)?$",
    "^ping( vrf [A-Za-z0-9_.-]+)?( ipv6)? [0-9a-fA-F.:]+( source [A-Za-z0-9/._:-]+| repeat [0-9]{1,3}| size [0-9]{1,5}| df-bit){0,4}$",
    NULL,
};

/* Output filters after a '|' (EOS also takes "redirect", "tee", "append": refused). */
static const char *const eos_pipes[] = {
    "^(?:include|inc|in|i|exclude|exc|ex|begin|beg|be|section|sec) (?<arg>.+)$",
    "^(?:json|no-more)$",
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
    {PROBE_BGP_ADVERTISED, "show ip bgp neighbors {peer} advertised-routes", "show ip bgp neighbors {peer} advertised-routes vrf {vrf}", NULL},
    {PROBE_ARP, "show ip arp {peer}", "show ip arp vrf {vrf} {peer}", "show ip arp {peer} | json"},
    {PROBE_TRACEROUTE, "traceroute {target}[ source {source}]", "traceroute vrf {vrf} {target}[ source {source}]", NULL},
    /* EOS has no exec telnet: the ping, the neighbor's counters and history stand in for it. */
    {PROBE_PING, "ping {peer}[ source {source}] repeat 5", "ping vrf {vrf} {peer}[ source {source}] repeat 5", NULL},
    {PROBE_BFD, "show bfd peers", NULL, "show bfd peers | json"},
    {PROBE_LOG_AUTH, "show logging | include MD5|BADAUTH", NULL, NULL},
    {PROBE_VERSION, "show version", NULL, "show version | json"},
};

/* IPv6 (vendor.h probes6): EOS names the family first ("show ipv6 bgp"). */
static const vendor_probe_t eos_probes6[] = {
    {PROBE_IP_BRIEF, "show ipv6 interface brief", NULL, "show ipv6 interface brief | json"},
    {PROBE_BGP_SUMMARY, "show ipv6 bgp summary", "show ipv6 bgp summary vrf {vrf}", "show ipv6 bgp summary | json"},
    {PROBE_BGP_NEIGHBOR, "show ipv6 bgp peers {peer}", "show ipv6 bgp peers {peer} vrf {vrf}", "show ipv6 bgp peers {peer} | json"},
    {PROBE_PREFIX_LISTS, "show ipv6 prefix-list", NULL, NULL},
    {PROBE_ROUTE_LOOKUP, "show ipv6 route {prefix}", "show ipv6 route vrf {vrf} {prefix}", "show ipv6 route {prefix} | json"},
    {PROBE_BGP_PREFIX, "show ipv6 bgp {prefix}", "show ipv6 bgp {prefix} vrf {vrf}", "show ipv6 bgp {prefix} | json"},
    {PROBE_BGP_RECEIVED, "show ipv6 bgp peers {peer} received-routes", "show ipv6 bgp peers {peer} received-routes vrf {vrf}", NULL},
    {PROBE_BGP_ADVERTISED, "show ipv6 bgp peers {peer} advertised-routes", "show ipv6 bgp peers {peer} advertised-routes vrf {vrf}", NULL},
    {PROBE_ARP, "show ipv6 neighbors {peer}", "show ipv6 neighbors vrf {vrf} {peer}", "show ipv6 neighbors {peer} | json"},
    {PROBE_TRACEROUTE, "traceroute ipv6 {target}", "traceroute vrf {vrf} ipv6 {target}", NULL},
    {PROBE_PING, "ping ipv6 {peer} repeat 5", "ping vrf {vrf} ipv6 {peer} repeat 5", NULL},
};

/* What to type next per runbook cause: confirm first, then the fix (configuration lines indented
 * as the running-config shows them), then what confirms it.  Format and placeholders:
 * probes/vendor.h and framework/remedy_context.c. */
#define BGP "router bgp {router_as}"
static const vendor_remedy_t eos_remedies[] = {
    {"link_down", {"show interfaces {iface} | include line protocol|link status changes", "show logging | include {iface}",
                   "configure", "interface {iface}", DISRUPTIVE("   no shutdown"), "end"},
     {NULL}},
    {"interface_errors", {"show interfaces {iface} counters errors", "show interfaces {iface} | include errors|CRC|link status changes",
                          "clear counters {iface}"},
     {NULL}},
    {"arp_incomplete", {"show ip arp vrf {vrf} {peer}", "show running-config interfaces {iface}", "configure", "interface {iface}",
                        DISRUPTIVE("   encapsulation dot1q vlan <s-tag> inner <c-tag>"), "end"},
     {"With a provider that delivers one tag: encapsulation dot1q vlan <c-tag> (the VlanId of the Azure peering)"}},
    {"peer_as_mismatch", {"show ip bgp neighbors {peer} vrf {vrf} | include remote AS|BGP state|Last", "configure", BGP,
                          DISRUPTIVE("   neighbor {peer} remote-as {peer_as}"), "end"}, {NULL}},
    {"local_as_mismatch", {"show running-config section router bgp | include router bgp|local-as", "configure", BGP,
                           DISRUPTIVE("   neighbor {peer} local-as {local_as} no-prepend replace-as"), "end"}, {NULL}},
    {"timer_mismatch", {"show ip bgp neighbors {peer} vrf {vrf} | include Hold time|keepalive", "configure", BGP,
                        "   neighbor {peer} timers {keepalive} {hold_time}", "end", DISRUPTIVE("clear ip bgp {peer} vrf {vrf}")},
     {NULL}},
    {"md5_missing", {"show running-config section router bgp | include {peer}", "configure", BGP,
                     DISRUPTIVE("   neighbor {peer} password 0 <shared-key>"), "end"}, {NULL}},
    {"md5_mismatch", {"show logging | include MD5|BADAUTH", "configure", BGP, DISRUPTIVE("   neighbor {peer} password 0 <shared-key>"),
                      "end"}, {NULL}},
    {"subnet_mismatch", {"show running-config interfaces {iface}", "configure", "interface {iface}",
                         DISRUPTIVE("   ip address {local_ip}/{plen}"), BGP, DISRUPTIVE("   neighbor {peer} remote-as {peer_as}"), "end",
                         "ping vrf {vrf} {peer} source {iface}"},
     {NULL}},
    {"address_swapped", {"show ip interface brief", "configure", "interface {iface}", DISRUPTIVE("   ip address {local_ip}/{plen}"),
                         BGP, DISRUPTIVE("   neighbor {peer} remote-as {peer_as}"), DISRUPTIVE("   no neighbor {local_ip}"), "end"},
     {"Before removing neighbor {local_ip}, move its settings to {peer}"}},
    {"inbound_filter", {"show ip bgp neighbors {peer} vrf {vrf} | include prefix-list|route-map|Inbound",
                        "show ip prefix-list {prefix_list?}", "show route-map {route_map?}", "configure",
                        "ip prefix-list {prefix_list?} seq {pl_seq} permit {prefix}", "end", "clear ip bgp {peer} vrf {vrf} soft in"},
     {NULL}},
    {"route_limit", {"show ip bgp neighbors {peer} advertised-routes vrf {vrf}", "configure", BGP,
                     "   aggregate-address <summary-prefix> summary-only", "end"},
     {NULL}},
    {"local_prefix_limit", {"show ip bgp neighbors {peer} vrf {vrf} | include prefixes|Maximum|Last", "configure", BGP,
                            "   neighbor {peer} maximum-routes <limit>", "end", DISRUPTIVE("clear ip bgp {peer} vrf {vrf}")},
     {"maximum-routes 0 removes the limit, warning-only after the number only logs; EOS's own default is 12000, "
      "and a larger table tears the session down"}},
    {"tcp179_blocked", {"show ip bgp neighbors {peer} vrf {vrf} | include BGP state|Connections|Last", "show ip access-lists",
                        "configure", "ip access-list <acl>", "   <seq> permit tcp host {peer} host {local_ip} eq bgp",
                        "   <seq> permit tcp host {peer} eq bgp host {local_ip}", "end"},
     {"<acl>: the ACL applied to {iface} (erdiag does not read the applied ACL); <seq> below its first deny"}},
    {"tcp179_refused", {"show ip bgp neighbors {peer} vrf {vrf} | include BGP state|Local TCP|Remote TCP", "configure", BGP,
                        DISRUPTIVE("   neighbor {peer} update-source {iface}"), "end"}, {NULL}},
    {"hold_timer_expired", {"show ip bgp neighbors {peer} vrf {vrf} | include Last|Hold time",
                            "show interfaces {iface} | include MTU|errors|CRC", "ping vrf {vrf} {peer} size 1472 df-bit repeat 100",
                            "configure", BGP, "   neighbor {peer} bfd", "end"},
     {"If large DF pings fail, fix the MTU with the provider (the interface mtu must match on both sides)"}},
    {"asymmetric_path", {"show ip bgp neighbors {peer} vrf {vrf} | include route-map", "configure",
                         "route-map {route_map?} permit {rm_seq}", "   set local-preference 200", BGP,
                         "   neighbor {peer} route-map {route_map?} in", "end", "clear ip bgp {peer} vrf {vrf} soft in{?route_map}"},
     {"The set goes on the permit entries of the inbound route-map (the first line names it; with none, create "
      "one and apply it in)"}},
    {"return_via_internet", {"show ip bgp neighbors {peer} advertised-routes vrf {vrf}", "show ip nat translation", "configure",
                             BGP, "   network <on-prem-prefix>", "end"},
     {NULL}},
    {"forced_tunneling", {"show ip bgp neighbors {peer} advertised-routes vrf {vrf} | include 0.0.0.0"}, {NULL}},
    {"bfd_session_down", {"show bfd peers", "configure", "interface {iface}", "   bfd interval 300 min-rx 300 multiplier 3", BGP,
                          "   neighbor {peer} bfd", "end"}, {NULL}},
    {"peer_shutdown", {"show ip bgp neighbors {peer} vrf {vrf} | include BGP state|Last|shut", "configure", BGP,
                       DISRUPTIVE("   no neighbor {peer} shutdown"), "end"}, {NULL}},
    /* The circuit step (framework/circuit.c): the lines are for the link its finding names. */
    {"link_redundancy_lost", {"show ip bgp summary vrf {vrf}",
                              "show ip bgp neighbors {peer} vrf {vrf} | include BGP state|Last|otification",
                              "show interfaces {iface} | include line protocol"},
     {"erdiag check on this link's device alone names why its session is down"}},
    {"advertisement_mismatch", {"show ip bgp neighbors {peer} advertised-routes vrf {vrf}",
                                "show ip bgp neighbors {peer} received-routes vrf {vrf}", "show ip bgp {prefix} vrf {vrf}",
                                "show ip bgp neighbors {peer} vrf {vrf} | include route-map|prefix-list",
                                "show route-map {export_policy?}"},
     {"This link's outbound policy toward {peer} must let out the same prefixes as the other link's, and its "
      "inbound policy accept the same: a soft clear out (or in) resends the updates after the change"}},
    {"preference_asymmetry", {"show ip bgp neighbors {peer} advertised-routes vrf {vrf}",
                              "show ip bgp neighbors {peer} vrf {vrf} | include route-map", "configure",
                              "route-map {export_policy?} permit <seq>", "   set as-path prepend {router_as} {router_as} {router_as}",
                              "route-map {route_map?} permit {rm_seq}", "   set local-preference 50", "end",
                              "clear ip bgp {peer} vrf {vrf} soft out{?export_policy}",
                              "clear ip bgp {peer} vrf {vrf} soft in{?route_map}"},
     {"<seq>: the permit entry of the outbound policy that the on-prem prefixes match"}},
    {"session_down", {"show ip bgp summary vrf {vrf}", "show ip bgp neighbors {peer} vrf {vrf} | include BGP state|Last|otification",
                      "show logging | include BGP"}, {NULL}},
};

/* The IPv6 peering (vendor.h remedies6). */
static const vendor_remedy_t eos_remedies6[] = {
    {"arp_incomplete", {"show ipv6 neighbors vrf {vrf} {peer}", "show running-config interfaces {iface}", "configure", "interface {iface}",
                        DISRUPTIVE("   encapsulation dot1q vlan <s-tag> inner <c-tag>"), "end"},
     {"With a provider that delivers one tag: encapsulation dot1q vlan <c-tag> (the VlanId of the Azure peering)"}},
    {"subnet_mismatch", {"show running-config interfaces {iface}", "configure", "interface {iface}",
                         DISRUPTIVE("   ipv6 address {local_ip}/{plen}"), BGP, DISRUPTIVE("   neighbor {peer} remote-as {peer_as}"),
                         "   address-family ipv6", "      neighbor {peer} activate", "end", "ping vrf {vrf} ipv6 {peer}"},
     {NULL}},
    {"address_swapped", {"show ipv6 interface brief", "configure", "interface {iface}", DISRUPTIVE("   ipv6 address {local_ip}/{plen}"),
                         BGP, DISRUPTIVE("   neighbor {peer} remote-as {peer_as}"), DISRUPTIVE("   no neighbor {local_ip}"), "end"},
     {"Before removing neighbor {local_ip}, move its settings (and address-family ipv6 activate) to {peer}"}},
    {"inbound_filter", {"show ipv6 bgp peers {peer} vrf {vrf} | include prefix-list|route-map|Inbound",
                        "show ipv6 prefix-list {prefix_list?}", "show route-map {route_map?}", "configure",
                        "ipv6 prefix-list {prefix_list?}", "   seq {pl_seq} permit {prefix}", "end",
                        "clear ipv6 bgp {peer} vrf {vrf} soft in"},
     {NULL}},
};
#undef BGP

const vendor_t vendor_eos = {
    .name = "eos", .title = "Arista EOS", .paging_off = eos_paging_off,
    .prompt = "^[A-Za-z0-9_.-]+(\\([a-z0-9-]+\\))?[>#]\\s*$", .errors = eos_errors, .allow = eos_allow,
    .pipes = eos_pipes, .abbreviations = true,
    .probes = eos_probes, .n_probes = sizeof(eos_probes) / sizeof(eos_probes[0]),
    .probes6 = eos_probes6, .n_probes6 = sizeof(eos_probes6) / sizeof(eos_probes6[0]), .exec_channel = true,
    .remedies = eos_remedies, .n_remedies = sizeof(eos_remedies) / sizeof(eos_remedies[0]),
    .remedies6 = eos_remedies6, .n_remedies6 = sizeof(eos_remedies6) / sizeof(eos_remedies6[0]),
    .advertised_path = ADV_PATH_AS_SENT,
};
