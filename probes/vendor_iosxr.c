/* vendor_iosxr.c: Cisco IOS-XR. */
#include "probes/vendor.h"

static const char *const iosxr_paging_off[] = {"terminal length 0", "terminal width 511", NULL};
static const char *const iosxr_errors[] = {
    "^\\s*% ?Invalid input", "^\\s*% ?Incomplete command", "^\\s*% ?Ambiguous command",
    "^\\s*% ?This command is not authorized", NULL,
};
static const char *const iosxr_allow[] = {
    "^show [A-Za-z0-9][A-Za-z0-9 ./:_,*+^-]*$",
    "^terminal (length|width) [0-9]{1,3}$",
    "^traceroute( vrf [A-Za-z0-9_.-]+)?( ipv6)? [0-9a-fA-F.:]+( source [A-Za-z0-9/._:-]+)?( numeric)?$",
    "^ping( vrf [A-Za-z0-9_.-]+)?( ipv6)? [0-9a-fA-F.:]+( source [A-Za-z0-9/._:-]+| count [0-9]{1,3}| size [0-9]{1,5}| donotfrag| timeout [0-9]{1,2}){0,5}$",
    "^telnet( vrf [A-Za-z0-9_.-]+)? [0-9a-fA-F.:]+ 179( source-interface [A-Za-z0-9/._:-]+)?$",
    NULL,
};

/* Output filters after a '|' (IOS-XR also takes "file" and "utility": refused). */
static const char *const iosxr_pipes[] = {
    "^(?:include|inc|in|i|exclude|exc|ex|begin|beg|be|section|sec|count) (?<arg>.+)$",
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
    {PROBE_BGP_ADVERTISED, "show bgp neighbors {peer} advertised-routes", "show bgp vrf {vrf} neighbors {peer} advertised-routes", NULL},
    {PROBE_ARP, "show arp {peer}", "show arp vrf {vrf} {peer}", NULL},
    {PROBE_TRACEROUTE, "traceroute {target}[ source {source}] numeric", "traceroute vrf {vrf} {target}[ source {source}] numeric", NULL},
    {PROBE_TCP_179, "telnet {peer} 179[ source-interface {iface}]", "telnet vrf {vrf} {peer} 179[ source-interface {iface}]", NULL},
    {PROBE_PING, "ping {peer}[ source {source}] count 5", "ping vrf {vrf} {peer}[ source {source}] count 5", NULL},
    {PROBE_BFD, "show bfd session", NULL, NULL},
    {PROBE_LOG_AUTH, "show logging | include MD5|BADAUTH", NULL, NULL},
    {PROBE_VERSION, "show version", NULL, NULL},
};

/* IPv6 (vendor.h probes6): the neighbor detail is family-neutral on IOS-XR. */
static const vendor_probe_t iosxr_probes6[] = {
    {PROBE_IP_BRIEF, "show ipv6 interface brief", "show ipv6 vrf {vrf} interface brief", NULL},
    {PROBE_BGP_SUMMARY, "show bgp ipv6 unicast summary", "show bgp vrf {vrf} ipv6 unicast summary", NULL},
    {PROBE_BGP_NEIGHBOR, "show bgp neighbors {peer}", "show bgp vrf {vrf} neighbors {peer}", NULL},
    {PROBE_PREFIX_LISTS, "show rpl prefix-set", NULL, NULL},
    {PROBE_ROUTE_LOOKUP, "show route ipv6 {prefix}", "show route vrf {vrf} ipv6 {prefix}", NULL},
    {PROBE_BGP_PREFIX, "show bgp ipv6 unicast {prefix}", "show bgp vrf {vrf} ipv6 unicast {prefix}", NULL},
    {PROBE_BGP_RECEIVED, "show bgp ipv6 unicast neighbors {peer} routes", "show bgp vrf {vrf} ipv6 unicast neighbors {peer} routes", NULL},
    {PROBE_BGP_ADVERTISED, "show bgp ipv6 unicast neighbors {peer} advertised-routes", "show bgp vrf {vrf} ipv6 unicast neighbors {peer} advertised-routes", NULL},
    {PROBE_ARP, "show ipv6 neighbors", "show ipv6 neighbors vrf {vrf}", NULL},
    {PROBE_TRACEROUTE, "traceroute ipv6 {target}[ source {source}] numeric", "traceroute vrf {vrf} ipv6 {target}[ source {source}] numeric", NULL},
    {PROBE_TCP_179, "telnet {peer} 179[ source-interface {iface}]", "telnet vrf {vrf} {peer} 179[ source-interface {iface}]", NULL},
    {PROBE_PING, "ping ipv6 {peer}[ source {source}] count 5", "ping vrf {vrf} ipv6 {peer}[ source {source}] count 5", NULL},
};

/* What to type next per runbook cause: confirm first, then the fix (configuration lines indented
 * as the running-config shows them; IOS-XR applies nothing until commit), then what confirms
 * it.  Format and placeholders: probes/vendor.h and framework/remedy_context.c. */
#define BGP "router bgp {router_as}"
#define NEIGHBOR " neighbor {peer}"
static const vendor_remedy_t iosxr_remedies[] = {
    {"link_down", {"show interfaces {iface} | include \"line protocol|Last link flapped\"", "show logging | include {iface}",
                   "configure", "interface {iface}", DISRUPTIVE(" no shutdown"), "commit", "end"},
     {NULL}},
    {"interface_errors", {"show interfaces {iface} | include \"errors|CRC|carrier\"", "show controllers {parent} stats",
                          "clear counters {iface}"},
     {NULL}},
    {"arp_incomplete", {"show arp {peer}", "show running-config interface {iface}", "configure", "interface {iface}",
                        DISRUPTIVE(" encapsulation dot1q <s-tag> second-dot1q <c-tag>"), "commit", "end"},
     {"With a provider that delivers one tag: encapsulation dot1q <c-tag> (the VlanId of the Azure peering)"}},
    {"peer_as_mismatch", {"show bgp neighbors {peer} | include \"Remote AS|BGP state|Last reset\"", "configure", BGP, NEIGHBOR,
                          DISRUPTIVE("  remote-as {peer_as}"), "commit", "end"}, {NULL}},
    {"local_as_mismatch", {"show running-config router bgp | include \"router bgp|local-as\"", "configure", BGP, NEIGHBOR,
                           DISRUPTIVE("  local-as {local_as} no-prepend replace-as"), "commit", "end"}, {NULL}},
    {"timer_mismatch", {"show bgp neighbors {peer} | include \"Hold time|keepalive\"", "configure", BGP, NEIGHBOR,
                        "  timers {keepalive} {hold_time}", "commit", "end", DISRUPTIVE("clear bgp ipv4 unicast {peer}")},
     {NULL}},
    {"md5_missing", {"show running-config router bgp {router_as} neighbor {peer}", "configure", BGP, NEIGHBOR,
                     DISRUPTIVE("  password clear <shared-key>"), "commit", "end"}, {NULL}},
    {"md5_mismatch", {"show logging | include \"MD5|BADAUTH\"", "configure", BGP, NEIGHBOR,
                      DISRUPTIVE("  password clear <shared-key>"), "commit", "end"}, {NULL}},
    {"subnet_mismatch", {"show running-config interface {iface}", "configure", "interface {iface}",
                         DISRUPTIVE(" ipv4 address {local_ip} {mask}"), BGP, NEIGHBOR, DISRUPTIVE("  remote-as {peer_as}"), "commit", "end"},
     {"A new eBGP neighbor on IOS-XR needs address-family ipv4 unicast with route-policy in and out"}},
    {"address_swapped", {"show ipv4 interface brief", "configure", "interface {iface}", DISRUPTIVE(" ipv4 address {local_ip} {mask}"),
                         BGP, NEIGHBOR, DISRUPTIVE("  remote-as {peer_as}"), DISRUPTIVE(" no neighbor {local_ip}"), "commit", "end"},
     {"Before removing neighbor {local_ip}, move its settings (address-family, route-policy in and out) under {peer}"}},
    {"inbound_filter", {"show bgp neighbors {peer} | include \"Policy for incoming|accepted|denied\"",
                        "show rpl route-policy {route_map?}", "show rpl prefix-set {prefix_list?}",
                        "clear bgp ipv4 unicast {peer} soft in"},
     {"IOS-XR replaces a prefix-set as a whole: configure, then prefix-set {prefix_list} with its current entries "
      "(shown above) and {prefix} added, end-set, commit; then the soft clear",
      "eBGP on IOS-XR accepts nothing without an inbound route-policy (route-policy {route_map} in under the "
      "neighbor's address-family ipv4 unicast)"}},
    {"route_limit", {"show bgp neighbors {peer} advertised-count", "configure", BGP, " address-family ipv4 unicast",
                     "  aggregate-address <summary-prefix> summary-only", "commit", "end"},
     {NULL}},
    {"local_prefix_limit", {"show bgp neighbors {peer} | include \"Maximum prefixes|accepted prefixes|Last reset\"", "configure",
                            BGP, NEIGHBOR, "  address-family ipv4 unicast", "   maximum-prefix <limit> 90", "commit", "end",
                            DISRUPTIVE("clear bgp ipv4 unicast {peer}")},
     {NULL}},
    {"tcp179_blocked", {"telnet {peer} 179 source-interface {iface}", "show lpts bindings brief | include 179", "configure",
                        "ipv4 access-list <acl>", " <seq> permit tcp host {peer} host {local_ip} eq bgp",
                        " <seq> permit tcp host {peer} eq bgp host {local_ip}", "commit", "end"},
     {"<acl>: the ACL applied to {iface} (erdiag does not read the applied ACL); <seq> below its first deny"}},
    {"tcp179_refused", {"show bgp neighbors {peer} | include \"BGP state|Local host|Foreign host\"", "configure", BGP, NEIGHBOR,
                        DISRUPTIVE("  update-source {iface}"), "commit", "end"}, {NULL}},
    {"hold_timer_expired", {"show bgp neighbors {peer} | include \"Last reset|Hold time\"",
                            "show interfaces {iface} | include \"MTU|errors|CRC\"", "ping {peer} size 1500 donotfrag count 100",
                            "configure", BGP, NEIGHBOR, "  bfd fast-detect", "  bfd minimum-interval 300", "commit", "end"},
     {"If large DF pings fail: fix the MTU with the provider; meanwhile tcp mss 1360 under the neighbor"}},
    {"asymmetric_path", {"show bgp neighbors {peer} routes", "show rpl route-policy {route_map?}"},
     {"IOS-XR replaces a route-policy as a whole: re-enter route-policy {route_map} with, before its first pass, "
      "if as-path neighbor-is '12076' then set local-preference 200 endif; end-policy, commit",
      "IOS-XR prepends with prepend as-path {local_as} 2 in the route-policy out"}},
    {"return_via_internet", {"show bgp neighbors {peer} advertised-routes", "configure", BGP, " address-family ipv4 unicast",
                             "  network <on-prem-prefix>", "commit", "end"},
     {NULL}},
    {"forced_tunneling", {"show bgp neighbors {peer} advertised-routes | include 0.0.0.0"}, {NULL}},
    {"bfd_session_down", {"show bfd session", "configure", BGP, NEIGHBOR, "  bfd fast-detect", "  bfd minimum-interval 300",
                          "  bfd multiplier 3", "commit", "end"}, {NULL}},
    {"peer_shutdown", {"show bgp neighbors {peer} | include \"BGP state|Last reset|shut\"", "configure", BGP, NEIGHBOR,
                       DISRUPTIVE("  no shutdown"), "commit", "end"}, {NULL}},
    /* The circuit step (framework/circuit.c): the lines are for the link its finding names. */
    {"link_redundancy_lost", {"show bgp summary", "show bgp neighbors {peer} | include \"BGP state|Last reset|otification\"",
                              "show interfaces {iface} | include \"line protocol\""},
     {"erdiag check on this link's device alone names why its session is down"}},
    {"advertisement_mismatch", {"show bgp neighbors {peer} advertised-routes", "show bgp neighbors {peer} routes",
                                "show bgp {prefix}", "show bgp neighbors {peer} | include Policy",
                                "show rpl route-policy {export_policy?}"},
     {"This link's outbound policy toward {peer} must let out the same prefixes as the other link's, and its "
      "inbound policy accept the same: a soft clear out (or in) resends the updates after the change"}},
    {"preference_asymmetry", {"show bgp neighbors {peer} advertised-routes", "show rpl route-policy {export_policy?}",
                              "show rpl route-policy {route_map?}"},
     {"IOS-XR replaces a route-policy as a whole: re-enter route-policy {export_policy} with prepend as-path {router_as} 3 "
      "before its pass, and route-policy {route_map} with set local-preference 50; end-policy, commit"}},
    {"session_down", {"show bgp summary", "show bgp neighbors {peer} | include \"BGP state|Last reset|otification\"",
                      "show logging | include BGP"}, {NULL}},
};

/* The IPv6 peering (vendor.h remedies6). */
static const vendor_remedy_t iosxr_remedies6[] = {
    {"arp_incomplete", {"show ipv6 neighbors", "show running-config interface {iface}", "configure", "interface {iface}",
                        DISRUPTIVE(" encapsulation dot1q <s-tag> second-dot1q <c-tag>"), "commit", "end"},
     {"With a provider that delivers one tag: encapsulation dot1q <c-tag> (the VlanId of the Azure peering)"}},
    {"subnet_mismatch", {"show running-config interface {iface}", "configure", "interface {iface}",
                         DISRUPTIVE(" ipv6 address {local_ip}/{plen}"), BGP, NEIGHBOR, DISRUPTIVE("  remote-as {peer_as}"), "commit", "end"},
     {"A new eBGP neighbor on IOS-XR needs address-family ipv6 unicast with route-policy in and out"}},
    {"address_swapped", {"show ipv6 interface brief", "configure", "interface {iface}", DISRUPTIVE(" ipv6 address {local_ip}/{plen}"),
                         BGP, NEIGHBOR, DISRUPTIVE("  remote-as {peer_as}"), DISRUPTIVE(" no neighbor {local_ip}"), "commit", "end"},
     {"Before removing neighbor {local_ip}, move its settings (address-family ipv6 unicast, route-policy in and out) under {peer}"}},
    {"inbound_filter", {"show bgp neighbors {peer} | include \"Policy for incoming|accepted|denied\"",
                        "show rpl route-policy {route_map?}", "show rpl prefix-set {prefix_list?}",
                        "clear bgp ipv6 unicast {peer} soft in"},
     {"IOS-XR replaces a prefix-set as a whole: configure, then prefix-set {prefix_list} with its current entries "
      "(shown above) and {prefix} added, end-set, commit; then the soft clear"}},
};
#undef BGP
#undef NEIGHBOR

const vendor_t vendor_iosxr = {
    .name = "iosxr", .title = "Cisco IOS-XR", .paging_off = iosxr_paging_off,
    .prompt = "^(RP/[0-9A-Z/]+:)?[A-Za-z0-9_.-]+[>#]\\s*$", .errors = iosxr_errors, .allow = iosxr_allow,
    .pipes = iosxr_pipes, .abbreviations = true,
    .probes = iosxr_probes, .n_probes = sizeof(iosxr_probes) / sizeof(iosxr_probes[0]),
    .probes6 = iosxr_probes6, .n_probes6 = sizeof(iosxr_probes6) / sizeof(iosxr_probes6[0]), .exec_channel = true,
    .tcp_connected = "\\bOpen\\s*$|^Connected to ", .tcp_hangup = "\x1dquit\n",
    .remedies = iosxr_remedies, .n_remedies = sizeof(iosxr_remedies) / sizeof(iosxr_remedies[0]),
    .remedies6 = iosxr_remedies6, .n_remedies6 = sizeof(iosxr_remedies6) / sizeof(iosxr_remedies6[0]),
    .advertised_path = ADV_PATH_AS_SENT,
};
