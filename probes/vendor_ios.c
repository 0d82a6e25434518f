/* vendor_ios.c: Cisco IOS and IOS-XE. */
#include "probes/vendor.h"

static const char *const ios_paging_off[] = {"terminal length 0", "terminal width 511", NULL};
static const char *const ios_errors[] = {
    "^\\s*% ?Invalid input", "^\\s*% ?Incomplete command", "^\\s*% ?Ambiguous command",
    "^\\s*% ?Unknown command", "^\\s*% ?Bad IP address", "^\\s*% ?Authorization failed", NULL,
};
static const char *const ios_allow[] = {
    "^show [A-Za-z0-9][A-Za-z0-9 ./:_,*+^-]*$",
    "^terminal (length|width) [0-9]{1,3}$",
    "^traceroute( vrf [A-Za-z0-9_.-]+)?( ipv6)? [0-9a-fA-F.:]+( source [A-Za-z0-9/._:-]+)?( numeric)?( timeout [0-9]{1,2})?( ttl [0-9]{1,2} [0-9]{1,2})?$",
    "^ping( vrf [A-Za-z0-9_.-]+)?( ipv6)? [0-9a-fA-F.:]+( source [A-Za-z0-9/._:-]+| repeat [0-9]{1,3}| size [0-9]{1,5}| df-bit| timeout [0-9]{1,2}){0,5}$",
    "^telnet [0-9a-fA-F.:]+ 179( /vrf [A-Za-z0-9_.-]+)?( /source-interface [A-Za-z0-9/._:-]+)?$",
    NULL,
};

/* Output filters after a '|': each only narrows what the head prints (IOS also takes "redirect",
 * "tee", "append" and "format": refused). */
static const char *const ios_pipes[] = {
    "^(?:include|inc|in|i|exclude|exc|ex|begin|beg|be|section|sec|count) (?<arg>.+)$",
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
    {PROBE_BGP_ADVERTISED, "show ip bgp neighbors {peer} advertised-routes", "show ip bgp vpnv4 vrf {vrf} neighbors {peer} advertised-routes", NULL},
    {PROBE_ARP, "show ip arp {peer}", "show ip arp vrf {vrf} {peer}", NULL},
    {PROBE_TRACEROUTE, "traceroute {target}[ source {source}] numeric", "traceroute vrf {vrf} {target}[ source {source}] numeric", NULL},
    /* From the peering interface when the inventory names it; else the router picks its egress
     * interface, which for the connected /30 peer is the session's own address. */
    {PROBE_TCP_179, "telnet {peer} 179[ /source-interface {iface}]", "telnet {peer} 179 /vrf {vrf}[ /source-interface {iface}]", NULL},
    {PROBE_PING, "ping {peer}[ source {source}] repeat 5", "ping vrf {vrf} {peer}[ source {source}] repeat 5", NULL},
    {PROBE_BFD, "show bfd neighbors details", NULL, NULL},
    {PROBE_LOG_AUTH, "show logging | include BADAUTH|MD5|TCP-6", NULL, NULL},
    {PROBE_VERSION, "show version", NULL, NULL},
};

/* IPv6 (vendor.h probes6): the ipv6 unicast family, vpnv6 inside a VRF. */
static const vendor_probe_t ios_probes6[] = {
    {PROBE_IP_BRIEF, "show ipv6 interface brief", NULL, NULL},
    {PROBE_BGP_SUMMARY, "show bgp ipv6 unicast summary", "show bgp vpnv6 unicast vrf {vrf} summary", NULL},
    {PROBE_BGP_NEIGHBOR, "show bgp ipv6 unicast neighbors {peer}", "show bgp vpnv6 unicast vrf {vrf} neighbors {peer}", NULL},
    {PROBE_PREFIX_LISTS, "show ipv6 prefix-list", NULL, NULL},
    {PROBE_ROUTE_LOOKUP, "show ipv6 route {prefix}", "show ipv6 route vrf {vrf} {prefix}", NULL},
    {PROBE_BGP_PREFIX, "show bgp ipv6 unicast {prefix}", "show bgp vpnv6 unicast vrf {vrf} {prefix}", NULL},
    {PROBE_BGP_RECEIVED, "show bgp ipv6 unicast neighbors {peer} routes", "show bgp vpnv6 unicast vrf {vrf} neighbors {peer} routes", NULL},
    {PROBE_BGP_ADVERTISED, "show bgp ipv6 unicast neighbors {peer} advertised-routes", "show bgp vpnv6 unicast vrf {vrf} neighbors {peer} advertised-routes", NULL},
    {PROBE_ARP, "show ipv6 neighbors {peer}", "show ipv6 neighbors vrf {vrf} {peer}", NULL},
    {PROBE_TRACEROUTE, "traceroute ipv6 {target}", "traceroute vrf {vrf} ipv6 {target}", NULL},
    {PROBE_TCP_179, "telnet {peer} 179[ /source-interface {iface}]", "telnet {peer} 179 /vrf {vrf}[ /source-interface {iface}]", NULL},
    {PROBE_PING, "ping ipv6 {peer}[ source {source}] repeat 5", "ping vrf {vrf} ipv6 {peer}[ source {source}] repeat 5", NULL},
};

/* What to type next per runbook cause: confirm first, then the fix (configuration lines indented
 * as the running-config shows them), then what confirms it.  Format and placeholders:
 * probes/vendor.h and framework/remedy_context.c. */
#define CONF "configure terminal"
#define BGP "router bgp {router_as}"
static const vendor_remedy_t ios_remedies[] = {
    {"link_down", {"show interfaces {iface} | include line protocol|Last input|resets", "show logging | include {iface}",
                   CONF, "interface {iface}", DISRUPTIVE(" no shutdown"), "end", "show interfaces {iface} | include line protocol"},
     {NULL}},
    {"interface_errors", {"show interfaces {iface} | include errors|CRC|carrier|resets", "clear counters {iface}"},
     {"clear counters asks to [confirm] (Enter); erdiag check measures the growth between its two polls without it"}},
    {"arp_incomplete", {"show ip arp {peer}", "show running-config interface {iface}", CONF, "interface {iface}",
                        DISRUPTIVE(" encapsulation dot1Q <s-tag> second-dot1q <c-tag>"), "end", "show ip arp {peer}"},
     {"With a provider that delivers one tag: encapsulation dot1Q <c-tag> (the VlanId of the Azure peering)"}},
    {"peer_as_mismatch", {"show ip bgp neighbors {peer} | include remote AS|BGP state|Last reset", CONF, BGP,
                          DISRUPTIVE(" neighbor {peer} remote-as {peer_as}"), "end"}, {NULL}},
    {"local_as_mismatch", {"show running-config | include ^router bgp|local-as", CONF, BGP,
                           DISRUPTIVE(" neighbor {peer} local-as {local_as} no-prepend replace-as"), "end"}, {NULL}},
    {"timer_mismatch", {"show ip bgp neighbors {peer} | include hold time|keepalive", CONF, BGP,
                        " neighbor {peer} timers {keepalive} {hold_time}", "end", DISRUPTIVE("clear ip bgp {peer}")},
     {NULL}},
    {"md5_missing", {"show logging | include BADAUTH|MD5", CONF, BGP, DISRUPTIVE(" neighbor {peer} password <shared-key>"), "end"}, {NULL}},
    {"md5_mismatch", {"show logging | include BADAUTH|Invalid MD5", CONF, BGP,
                      DISRUPTIVE(" neighbor {peer} password <shared-key>"), "end"}, {NULL}},
    {"subnet_mismatch", {"show running-config interface {iface} | include ip address", CONF, "interface {iface}",
                         DISRUPTIVE(" ip address {local_ip} {mask}"), BGP, DISRUPTIVE(" neighbor {peer} remote-as {peer_as}"), "end",
                         "ping {peer} source {iface}"},
     {NULL}},
    {"address_swapped", {"show ip interface brief | include {iface}", CONF, "interface {iface}",
                         DISRUPTIVE(" ip address {local_ip} {mask}"), BGP, DISRUPTIVE(" neighbor {peer} remote-as {peer_as}"),
                         DISRUPTIVE(" no neighbor {local_ip}"), "end"},
     {"Before removing neighbor {local_ip}, give {peer} its password, timers and route-maps"}},
    {"inbound_filter", {"show ip bgp neighbors {peer} | include filter list|Route map", "show ip prefix-list {prefix_list?}",
                        "show route-map {route_map?}", CONF, "ip prefix-list {prefix_list?} seq {pl_seq} permit {prefix}", "end",
                        "clear ip bgp {peer} soft in", "show ip bgp neighbors {peer} | include Prefixes Current"},
     {"With no inbound policy at all, IOS accepts everything"}},
    {"route_limit", {"show ip bgp neighbors {peer} advertised-routes | include Total", CONF, BGP,
                     " aggregate-address <summary-address> <summary-mask> summary-only", "end"},
     {NULL}},
    {"local_prefix_limit", {"show ip bgp neighbors {peer} | include Maximum prefixes|Prefixes Current|Last reset", CONF, BGP,
                            " neighbor {peer} maximum-prefix <limit> 90", "end", DISRUPTIVE("clear ip bgp {peer}")},
     {"After the limit tripped the session stays down until cleared"}},
    {"tcp179_blocked", {"telnet {peer} 179 /source-interface {iface}", "show ip interface {iface} | include access list", CONF,
                        "ip access-list extended <acl>", " <seq> permit tcp host {peer} host {local_ip} eq bgp",
                        " <seq> permit tcp host {peer} eq bgp host {local_ip}", "end"},
     {"<acl>: the inbound ACL the second line shows on {iface} (erdiag does not read the applied ACL); <seq> below its "
      "first deny"}},
    {"tcp179_refused", {"show ip bgp neighbors {peer} | include BGP state|Local host|Foreign host",
                        "telnet {peer} 179 /source-interface {iface}", CONF, BGP,
                        DISRUPTIVE(" neighbor {peer} update-source {iface}"), "end"}, {NULL}},
    {"hold_timer_expired", {"show ip bgp neighbors {peer} | include Last reset|hold time",
                            "show interfaces {iface} | include MTU|errors|CRC|drops", "ping {peer} size 1500 df-bit repeat 100",
                            CONF, BGP, " neighbor {peer} fall-over bfd", "end"},
     {"If large DF pings fail, the path MTU is below 1500: fix it with the provider, meanwhile ip tcp mss 1360 "
      "(global configuration)", "fall-over bfd needs bfd interval 300 min_rx 300 multiplier 3 on {iface}"}},
    {"asymmetric_path", {"show ip bgp regexp ^12076_", "show ip bgp neighbors {peer} | include Route map", CONF,
                         "route-map {route_map?} permit {rm_seq}", " set local-preference 200", BGP,
                         " neighbor {peer} route-map {route_map?} in", "end", "clear ip bgp {peer} soft in{?route_map}"},
     {"The set goes on the permit entries of the inbound route-map (the second line names it; with none, create "
      "one and apply it in)"}},
    {"return_via_internet", {"show ip bgp neighbors {peer} advertised-routes", "show ip nat translations", CONF, BGP,
                             " network <on-prem-prefix> mask <on-prem-mask>", "end"},
     {NULL}},
    {"forced_tunneling", {"show ip bgp neighbors {peer} advertised-routes | include 0.0.0.0"}, {NULL}},
    {"bfd_session_down", {"show bfd neighbors details", CONF, "interface {iface}", " bfd interval 300 min_rx 300 multiplier 3",
                          BGP, " neighbor {peer} fall-over bfd", "end"}, {NULL}},
    {"peer_shutdown", {"show ip bgp neighbors {peer} | include BGP state|Last reset|Admin", CONF, BGP,
                       DISRUPTIVE(" no neighbor {peer} shutdown"), "end"}, {NULL}},
    /* The circuit step (framework/circuit.c): the lines are for the link its finding names. */
    {"link_redundancy_lost", {"show ip bgp summary | include {peer}",
                              "show ip bgp neighbors {peer} | include BGP state|Last reset|otification",
                              "show interfaces {iface} | include line protocol"},
     {"erdiag check on this link's device alone names why its session is down"}},
    {"advertisement_mismatch", {"show ip bgp neighbors {peer} advertised-routes", "show ip bgp neighbors {peer} routes",
                                "show ip bgp {prefix}", "show ip bgp neighbors {peer} | include Outgoing update|Incoming update|Route map",
                                "show route-map {export_policy?}"},
     {"This link's outbound policy toward {peer} must let out the same prefixes as the other link's, and its "
      "inbound policy accept the same: a soft clear out (or in) resends the updates after the change"}},
    {"preference_asymmetry", {"show ip bgp neighbors {peer} advertised-routes", "show ip bgp neighbors {peer} | include Route map",
                              CONF, "route-map {export_policy?} permit <seq>",
                              " set as-path prepend {router_as} {router_as} {router_as}", "route-map {route_map?} permit {rm_seq}",
                              " set local-preference 50", "end", "clear ip bgp {peer} soft out{?export_policy}",
                              "clear ip bgp {peer} soft in{?route_map}"},
     {"<seq>: the permit entry of the outbound policy that the on-prem prefixes match"}},
    {"session_down", {"show ip bgp summary | include {peer}", "show ip bgp neighbors {peer} | include BGP state|Last reset|otification",
                      "show logging | include BGP|{peer}"}, {NULL}},
};

/* The IPv6 peering (vendor.h remedies6). */
static const vendor_remedy_t ios_remedies6[] = {
    {"arp_incomplete", {"show ipv6 neighbors {peer}", "show running-config interface {iface}", CONF, "interface {iface}",
                        DISRUPTIVE(" encapsulation dot1Q <s-tag> second-dot1q <c-tag>"), "end", "show ipv6 neighbors {peer}"},
     {"With a provider that delivers one tag: encapsulation dot1Q <c-tag> (the VlanId of the Azure peering)"}},
    {"subnet_mismatch", {"show ipv6 interface {iface}", CONF, "interface {iface}", DISRUPTIVE(" ipv6 address {local_ip}/{plen}"),
                         BGP, DISRUPTIVE(" neighbor {peer} remote-as {peer_as}"), " address-family ipv6",
                         " neighbor {peer} activate", "end", "ping ipv6 {peer}"},
     {NULL}},
    {"address_swapped", {"show ipv6 interface brief {iface}", CONF, "interface {iface}", DISRUPTIVE(" no ipv6 address {peer}/{plen}"),
                         DISRUPTIVE(" ipv6 address {local_ip}/{plen}"), BGP, DISRUPTIVE(" neighbor {peer} remote-as {peer_as}"),
                         DISRUPTIVE(" no neighbor {local_ip}"), "end"},
     {"Before removing neighbor {local_ip}, give {peer} its password, timers, route-maps and address-family ipv6 activate"}},
    {"inbound_filter", {"show bgp ipv6 unicast neighbors {peer} | include filter list|Route map", "show ipv6 prefix-list {prefix_list?}",
                        "show route-map {route_map?}", CONF, "ipv6 prefix-list {prefix_list?} seq {pl_seq} permit {prefix}", "end",
                        "clear bgp ipv6 unicast {peer} soft in", "show bgp ipv6 unicast neighbors {peer} | include Prefixes Current"},
     {"With no inbound policy at all, IOS accepts everything"}},
};
#undef CONF
#undef BGP

const vendor_t vendor_ios = {
    .name = "ios", .title = "Cisco IOS / IOS-XE", .paging_off = ios_paging_off,
    .prompt = "^[A-Za-z0-9_.-]+[>#]\\s*$", .errors = ios_errors, .allow = ios_allow,
    .pipes = ios_pipes, .abbreviations = true,
    .probes = ios_probes, .n_probes = sizeof(ios_probes) / sizeof(ios_probes[0]),
    .probes6 = ios_probes6, .n_probes6 = sizeof(ios_probes6) / sizeof(ios_probes6[0]), .exec_channel = true,
    /* Ctrl-^ x suspends the session (no Enter after it: Enter resumes a suspended session);
     * "disconnect" closes it and asks to [confirm] */
    .tcp_connected = "\\bOpen\\s*$", .tcp_hangup = "\x1exdisconnect\n\n",
    .remedies = ios_remedies, .n_remedies = sizeof(ios_remedies) / sizeof(ios_remedies[0]),
    .remedies6 = ios_remedies6, .n_remedies6 = sizeof(ios_remedies6) / sizeof(ios_remedies6[0]),
    .advertised_path = ADV_PATH_PRE_POLICY,
};
