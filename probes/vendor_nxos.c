/* vendor_nxos.c: Cisco NX-OS. */
#include "probes/vendor.h"

static const char *const nxos_paging_off[] = {"terminal length 0", "terminal width 511", NULL};
static const char *const nxos_errors[] = {
    "^\\s*% ?Invalid command", "^\\s*% ?Invalid input", "^\\s*% ?Incomplete command",
    "^\\s*% ?Ambiguous command", "^\\s*% ?Invalid ip address", "^\\s*% ?Permission denied", NULL,
};
static const char *const nxos_allow[] = {
    "^show [A-Za-z0-9][A-Za-z0-9 ./:_,*+^-]*$",
    "^terminal (length|width) [0-9]{1,3}$",
    "^traceroute6? [0-9a-fA-F.:]+( vrf [A-Za-z0-9_.-]+)?( source [0-9a-fA-F.:]+)?$",
    "^ping6? [0-9a-fA-F.:]+( vrf [A-Za-z0-9_.-]+| source [0-9a-fA-F.:]+| count [0-9]{1,3}| packet-size [0-9]{1,5}| df-bit){0,5}$",
    "^telnet [0-9a-fA-F.:]+ 179( vrf [A-Za-z0-9_.-]+)?$",
    NULL,
};

/* Output filters after a '|' (NX-OS also takes "redirect", "tee", "email", "vsh", "sed", ...:
 * refused).  grep takes no option: some of NX-OS's read files. */
static const char *const nxos_pipes[] = {
    "^(?:include|inc|in|i|exclude|exc|ex|begin|beg|be|section|sec) (?<arg>.+)$",
    "^(?:grep|egrep) (?<arg>[^-].*)$",
    "^(?:count|json|json-pretty|xml|no-more)$",
    "^last( [0-9]{1,4})?$",
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
    {PROBE_BGP_ADVERTISED, "show ip bgp neighbors {peer} advertised-routes", "show ip bgp neighbors {peer} advertised-routes vrf {vrf}", NULL},
    {PROBE_ARP, "show ip arp {peer}", "show ip arp {peer} vrf {vrf}", "show ip arp {peer} | json"},
    {PROBE_TRACEROUTE, "traceroute {target}[ source {source}]", "traceroute {target} vrf {vrf}[ source {source}]", NULL},
    /* NX-OS's exec telnet takes no source: it leaves by the egress interface, which for the
     * connected /30 peer carries the session's own address. */
    {PROBE_TCP_179, "telnet {peer} 179", "telnet {peer} 179 vrf {vrf}", NULL},
    {PROBE_PING, "ping {peer}[ source {source}] count 5", "ping {peer} vrf {vrf}[ source {source}] count 5", NULL},
    {PROBE_BFD, "show bfd neighbors", NULL, NULL},
    {PROBE_LOG_AUTH, "show logging logfile | include MD5|BADAUTH", NULL, NULL},
    {PROBE_VERSION, "show version", NULL, NULL},
};

/* IPv6 (vendor.h probes6). */
static const vendor_probe_t nxos_probes6[] = {
    {PROBE_IP_BRIEF, "show ipv6 interface brief", "show ipv6 interface brief vrf {vrf}", "show ipv6 interface brief | json"},
    {PROBE_BGP_SUMMARY, "show bgp ipv6 unicast summary", "show bgp ipv6 unicast summary vrf {vrf}", "show bgp ipv6 unicast summary | json"},
    {PROBE_BGP_NEIGHBOR, "show bgp ipv6 unicast neighbors {peer}", "show bgp ipv6 unicast neighbors {peer} vrf {vrf}", "show bgp ipv6 unicast neighbors {peer} | json"},
    {PROBE_PREFIX_LISTS, "show ipv6 prefix-list", NULL, NULL},
    {PROBE_ROUTE_LOOKUP, "show ipv6 route {prefix}", "show ipv6 route {prefix} vrf {vrf}", "show ipv6 route {prefix} | json"},
    {PROBE_BGP_PREFIX, "show bgp ipv6 unicast {prefix}", "show bgp ipv6 unicast {prefix} vrf {vrf}", NULL},
    {PROBE_BGP_RECEIVED, "show bgp ipv6 unicast neighbors {peer} routes", "show bgp ipv6 unicast neighbors {peer} routes vrf {vrf}", NULL},
    {PROBE_BGP_ADVERTISED, "show bgp ipv6 unicast neighbors {peer} advertised-routes", "show bgp ipv6 unicast neighbors {peer} advertised-routes vrf {vrf}", NULL},
    {PROBE_ARP, "show ipv6 neighbor {peer}", "show ipv6 neighbor {peer} vrf {vrf}", "show ipv6 neighbor {peer} | json"},
    {PROBE_TRACEROUTE, "traceroute6 {target}[ source {source}]", "traceroute6 {target} vrf {vrf}[ source {source}]", NULL},
    {PROBE_TCP_179, "telnet {peer} 179", "telnet {peer} 179 vrf {vrf}", NULL},
    {PROBE_PING, "ping6 {peer}[ source {source}] count 5", "ping6 {peer} vrf {vrf}[ source {source}] count 5", NULL},
};

/* What to type next per runbook cause: confirm first, then the fix (configuration lines indented
 * as the running-config shows them), then what confirms it.  Format and placeholders:
 * probes/vendor.h and framework/remedy_context.c. */
#define CONF "configure terminal"
#define BGP "router bgp {router_as}"
#define NEIGHBOR "  neighbor {peer}"
static const vendor_remedy_t nxos_remedies[] = {
    {"link_down", {"show interface {iface} | include \"is down|is up|Last link flapped\"", "show logging logfile | include {iface}",
                   CONF, "interface {iface}", DISRUPTIVE("  no shutdown"), "end"},
     {NULL}},
    {"interface_errors", {"show interface {iface} counters errors", "show interface {iface} | include \"CRC|input error|Last link flapped\"",
                          "clear counters interface {iface}"},
     {NULL}},
    {"arp_incomplete", {"show ip arp {peer} vrf {vrf}", "show running-config interface {iface}", CONF, "interface {iface}",
                        DISRUPTIVE("  encapsulation dot1q <c-tag>"), "end"},
     {"A sub-interface takes one tag: <c-tag> is the VlanId of the Azure peering (the provider handles the S-Tag)"}},
    {"peer_as_mismatch", {"show ip bgp neighbors {peer} vrf {vrf} | include \"remote AS|BGP state|Last reset\"", CONF, BGP,
                          NEIGHBOR, DISRUPTIVE("    remote-as {peer_as}"), "end"}, {NULL}},
    {"local_as_mismatch", {"show running-config bgp | include \"router bgp|local-as\"", CONF, BGP, NEIGHBOR,
                           DISRUPTIVE("    local-as {local_as} no-prepend replace-as"), "end"}, {NULL}},
    {"timer_mismatch", {"show ip bgp neighbors {peer} vrf {vrf} | include \"hold time|keepalive\"", CONF, BGP, NEIGHBOR,
                        "    timers {keepalive} {hold_time}", "end", DISRUPTIVE("clear ip bgp {peer} vrf {vrf}")},
     {NULL}},
    {"md5_missing", {"show running-config bgp | include \"neighbor|password\"", CONF, BGP, NEIGHBOR,
                     DISRUPTIVE("    password 0 <shared-key>"), "end"}, {NULL}},
    {"md5_mismatch", {"show logging logfile | include \"MD5|BADAUTH\"", CONF, BGP, NEIGHBOR,
                      DISRUPTIVE("    password 0 <shared-key>"), "end"}, {NULL}},
    {"subnet_mismatch", {"show running-config interface {iface}", CONF, "interface {iface}",
                         DISRUPTIVE("  ip address {local_ip}/{plen}"), BGP, NEIGHBOR, DISRUPTIVE("    remote-as {peer_as}"), "end",
                         "ping {peer} source {local_ip} vrf {vrf}"},
     {NULL}},
    {"address_swapped", {"show ip interface brief vrf {vrf}", CONF, "interface {iface}", DISRUPTIVE("  ip address {local_ip}/{plen}"),
                         BGP, NEIGHBOR, DISRUPTIVE("    remote-as {peer_as}"), DISRUPTIVE("  no neighbor {local_ip}"), "end"},
     {"Before removing neighbor {local_ip}, move its settings under {peer}"}},
    {"inbound_filter", {"show ip bgp neighbors {peer} vrf {vrf} | include \"prefix-list|route-map|filter\"",
                        "show ip prefix-list {prefix_list?}", "show route-map {route_map?}", CONF,
                        "ip prefix-list {prefix_list?} seq {pl_seq} permit {prefix}", "end", "clear ip bgp {peer} vrf {vrf} soft in"},
     {NULL}},
    {"route_limit", {"show ip bgp neighbors {peer} advertised-routes vrf {vrf}", CONF, BGP, "  address-family ipv4 unicast",
                     "    aggregate-address <summary-prefix> summary-only", "end"},
     {NULL}},
    {"local_prefix_limit", {"show ip bgp neighbors {peer} vrf {vrf} | include \"Maximum|prefixes|Last reset\"", CONF, BGP,
                            NEIGHBOR, "    address-family ipv4 unicast", "      maximum-prefix <limit> 90", "end",
                            DISRUPTIVE("clear ip bgp {peer} vrf {vrf}")},
     {NULL}},
    {"tcp179_blocked", {"telnet {peer} 179 vrf {vrf}", "show ip access-lists summary",
                        "show policy-map interface control-plane | include \"class-map|violated\"", CONF,
                        "ip access-list <acl>", "  <seq> permit tcp {peer}/{host_len} {local_ip}/{host_len} eq bgp",
                        "  <seq> permit tcp {peer}/{host_len} eq bgp {local_ip}/{host_len}", "end"},
     {"<acl>: the ACL applied to {iface} (erdiag does not read the applied ACL); <seq> below its first deny"}},
    {"tcp179_refused", {"show ip bgp neighbors {peer} vrf {vrf} | include \"BGP state|Local host|Foreign host\"", CONF, BGP,
                        NEIGHBOR, DISRUPTIVE("    update-source {iface}"), "end"}, {NULL}},
    {"hold_timer_expired", {"show ip bgp neighbors {peer} vrf {vrf} | include \"Last reset|hold time\"",
                            "show interface {iface} | include \"MTU|CRC|input error\"",
                            "ping {peer} packet-size 1472 df-bit count 100 vrf {vrf}", CONF, "feature bfd", BGP, NEIGHBOR,
                            "    bfd", "end"},
     {"If large DF pings fail, fix the MTU with the provider (the interface mtu must match on both sides)"}},
    {"asymmetric_path", {"show ip bgp neighbors {peer} vrf {vrf} | include route-map", CONF,
                         "route-map {route_map?} permit {rm_seq}", "  set local-preference 200", BGP, NEIGHBOR,
                         "    address-family ipv4 unicast", "      route-map {route_map?} in", "end",
                         "clear ip bgp {peer} vrf {vrf} soft in{?route_map}"},
     {"The set goes on the permit entries of the inbound route-map (the first line names it; with none, create "
      "one and apply it in)"}},
    {"return_via_internet", {"show ip bgp neighbors {peer} advertised-routes vrf {vrf}", "show ip nat translations", CONF, BGP,
                             "  address-family ipv4 unicast", "    network <on-prem-prefix>", "end"},
     {NULL}},
    {"forced_tunneling", {"show ip bgp neighbors {peer} advertised-routes vrf {vrf} | include 0.0.0.0"}, {NULL}},
    {"bfd_session_down", {"show bfd neighbors", CONF, "feature bfd", "interface {iface}",
                          "  bfd interval 300 min_rx 300 multiplier 3", BGP, NEIGHBOR, "    bfd", "end"}, {NULL}},
    {"peer_shutdown", {"show ip bgp neighbors {peer} vrf {vrf} | include \"BGP state|Last reset|shut\"", CONF, BGP, NEIGHBOR,
                       DISRUPTIVE("    no shutdown"), "end"}, {NULL}},
    /* The circuit step (framework/circuit.c): the lines are for the link its finding names. */
    {"link_redundancy_lost", {"show ip bgp summary vrf {vrf}",
                              "show ip bgp neighbors {peer} vrf {vrf} | include \"BGP state|Last reset|otification\"",
                              "show interface {iface} | include \"is down|is up\""},
     {"erdiag check on this link's device alone names why its session is down"}},
    {"advertisement_mismatch", {"show ip bgp neighbors {peer} advertised-routes vrf {vrf}",
                                "show ip bgp neighbors {peer} routes vrf {vrf}", "show ip bgp {prefix} vrf {vrf}",
                                "show ip bgp neighbors {peer} vrf {vrf} | include \"route-map|prefix-list\"",
                                "show route-map {export_policy?}"},
     {"This link's outbound policy toward {peer} must let out the same prefixes as the other link's, and its "
      "inbound policy accept the same: a soft clear out (or in) resends the updates after the change"}},
    {"preference_asymmetry", {"show ip bgp neighbors {peer} advertised-routes vrf {vrf}",
                              "show ip bgp neighbors {peer} vrf {vrf} | include route-map", CONF,
                              "route-map {export_policy?} permit <seq>", "  set as-path prepend {router_as} {router_as} {router_as}",
                              "route-map {route_map?} permit {rm_seq}", "  set local-preference 50", "end",
                              "clear ip bgp {peer} vrf {vrf} soft out{?export_policy}",
                              "clear ip bgp {peer} vrf {vrf} soft in{?route_map}"},
     {"<seq>: the permit entry of the outbound policy that the on-prem prefixes match"}},
    {"session_down", {"show ip bgp summary vrf {vrf}", "show ip bgp neighbors {peer} vrf {vrf} | include \"BGP state|Last reset|otification\"",
                      "show logging logfile | include BGP"}, {NULL}},
};

/* The IPv6 peering (vendor.h remedies6). */
static const vendor_remedy_t nxos_remedies6[] = {
    {"arp_incomplete", {"show ipv6 neighbor {peer} vrf {vrf}", "show running-config interface {iface}", CONF, "interface {iface}",
                        DISRUPTIVE("  encapsulation dot1q <c-tag>"), "end"},
     {"A sub-interface takes one tag: <c-tag> is the VlanId of the Azure peering (the provider handles the S-Tag)"}},
    {"subnet_mismatch", {"show ipv6 interface {iface}", CONF, "interface {iface}", DISRUPTIVE("  ipv6 address {local_ip}/{plen}"),
                         BGP, NEIGHBOR, DISRUPTIVE("    remote-as {peer_as}"), "    address-family ipv6 unicast", "end",
                         "ping6 {peer} vrf {vrf}"},
     {NULL}},
    {"address_swapped", {"show ipv6 interface brief vrf {vrf}", CONF, "interface {iface}", DISRUPTIVE("  ipv6 address {local_ip}/{plen}"),
                         BGP, NEIGHBOR, DISRUPTIVE("    remote-as {peer_as}"), "    address-family ipv6 unicast",
                         DISRUPTIVE("  no neighbor {local_ip}"), "end"},
     {"Before removing neighbor {local_ip}, move its settings under {peer}"}},
    {"inbound_filter", {"show bgp ipv6 unicast neighbors {peer} vrf {vrf} | include \"prefix-list|route-map|filter\"",
                        "show ipv6 prefix-list {prefix_list?}", "show route-map {route_map?}", CONF,
                        "ipv6 prefix-list {prefix_list?} seq {pl_seq} permit {prefix}", "end",
                        "clear bgp ipv6 unicast {peer} vrf {vrf} soft in"},
     {NULL}},
};
#undef CONF
#undef BGP
#undef NEIGHBOR

const vendor_t vendor_nxos = {
    .name = "nxos", .title = "Cisco NX-OS", .paging_off = nxos_paging_off,
    .prompt = "^[A-Za-z0-9_.-]+(\\([a-z0-9-]+\\))?[>#]\\s*$", .errors = nxos_errors, .allow = nxos_allow,
    .pipes = nxos_pipes, .abbreviations = true,
    .probes = nxos_probes, .n_probes = sizeof(nxos_probes) / sizeof(nxos_probes[0]),
    .probes6 = nxos_probes6, .n_probes6 = sizeof(nxos_probes6) / sizeof(nxos_probes6[0]), .exec_channel = true,
    .tcp_connected = "^Connected to |\\bOpen\\s*$", .tcp_hangup = "\x1dquit\n",
    .remedies = nxos_remedies, .n_remedies = sizeof(nxos_remedies) / sizeof(nxos_remedies[0]),
    .remedies6 = nxos_remedies6, .n_remedies6 = sizeof(nxos_remedies6) / sizeof(nxos_remedies6[0]),
    .advertised_path = ADV_PATH_PRE_POLICY,
};
