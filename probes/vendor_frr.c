/* vendor_frr.c: FRRouting through vtysh (as a login shell, or vtysh -c over exec). */
#include "probes/vendor.h"

static const char *const frr_paging_off[] = {"terminal length 0", NULL};
static const char *const frr_errors[] = {
    "^\\s*% ?Unknown command", "^\\s*% ?Command incomplete", "^\\s*% ?Ambiguous command",
    "^\\s*% ?Malformed address", "^\\s*% ?Can't find", NULL,
};
static const char *const frr_allow[] = {
    "^show [A-Za-z0-9][A-Za-z0-9 ./:_,*+^-]*$",
    "^terminal length [0-9]{1,3}$",
    "^traceroute( ipv6)? [0-9a-fA-F.:]+$",
    "^ping( ipv6)? [0-9a-fA-F.:]+$",
    NULL,
};

/* Output filters after a '|': vtysh knows one, "include", and compiles the rest of the line as a
 * POSIX regular expression itself (no shell, no "exclude"). */
static const char *const frr_pipes[] = {
    "^include (?<arg>.+)$",
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
    {PROBE_BGP_ADVERTISED, "show bgp ipv4 unicast neighbors {peer} advertised-routes", "show bgp vrf {vrf} ipv4 unicast neighbors {peer} advertised-routes", NULL},
    {PROBE_TRACEROUTE, "traceroute {target}", NULL, NULL}, /* vtysh runs the system traceroute */
    /* vtysh has no telnet; its ping runs the system ping, which never stops by itself: the SSH
     * transport interrupts it (vendor.interrupt).  In a VRF it would ping from the default
     * table, the wrong path: no command there. */
    {PROBE_PING, "ping {peer}", "", NULL},
    {PROBE_BFD, "show bfd peers", NULL, "show bfd peers json"},
    {PROBE_VERSION, "show version", NULL, NULL},
};

/* IPv6 (vendor.h probes6): the neighbor detail is family-neutral; no ND command. */
static const vendor_probe_t frr_probes6[] = {
    {PROBE_IP_BRIEF, "show interface brief", NULL, NULL},
    {PROBE_BGP_SUMMARY, "show bgp ipv6 unicast summary", "show bgp vrf {vrf} ipv6 unicast summary", "show bgp ipv6 unicast summary json"},
    {PROBE_BGP_NEIGHBOR, "show bgp neighbors {peer}", "show bgp vrf {vrf} neighbors {peer}", "show bgp neighbors {peer} json"},
    {PROBE_PREFIX_LISTS, "show ipv6 prefix-list", NULL, NULL},
    {PROBE_ROUTE_LOOKUP, "show ipv6 route {prefix}", "show ipv6 route vrf {vrf} {prefix}", "show ipv6 route {prefix} json"},
    {PROBE_BGP_PREFIX, "show bgp ipv6 unicast {prefix}", "show bgp vrf {vrf} ipv6 unicast {prefix}", "show bgp ipv6 unicast {prefix} json"},
    {PROBE_BGP_RECEIVED, "show bgp ipv6 unicast neighbors {peer} routes", "show bgp vrf {vrf} ipv6 unicast neighbors {peer} routes", NULL},
    {PROBE_BGP_ADVERTISED, "show bgp ipv6 unicast neighbors {peer} advertised-routes", "show bgp vrf {vrf} ipv6 unicast neighbors {peer} advertised-routes", NULL},
    {PROBE_TRACEROUTE, "traceroute ipv6 {target}", NULL, NULL},
    {PROBE_PING, "ping ipv6 {peer}", "", NULL},
};

/* What to type next per runbook cause, in vtysh: confirm first, then the fix ("configure
 * terminal" ... "end" as the running-config shows it), then what confirms it.  What runs on the
 * Linux host under FRR is a note "shell: ...": vtysh does not take it.  Format and placeholders:
 * probes/vendor.h and framework/remedy_context.c. */
#define CONF "configure terminal"
#define BGP "router bgp {router_as}"
static const vendor_remedy_t frr_remedies[] = {
    {"link_down", {"show interface {iface}", CONF, "interface {iface}", DISRUPTIVE(" no shutdown"), "end"},
     {"shell: ip -d link show {iface}", "shell: ip link set dev {iface} up   (and its parent {parent})"}},
    {"interface_errors", {"show interface {iface}"},
     {"shell: ip -s -s link show {iface}", "shell: ethtool -S {parent} | grep -i -e err -e crc"}},
    {"arp_incomplete", {"show interface {iface}"},
     {"shell: ip neigh show {peer}", "shell: ip -d link show {iface}",
      "shell: ip link add link {parent} name {parent}.<s-tag> type vlan protocol 802.1ad id <s-tag>",
      "shell: ip link add link {parent}.<s-tag> name {iface} type vlan protocol 802.1Q id <c-tag>",
      "With a provider that delivers one tag, the VLAN device carries only <c-tag> (the VlanId of the Azure peering)"}},
    {"peer_as_mismatch", {"show bgp neighbors {peer} | include remote AS|BGP state|Last reset", CONF, BGP,
                          DISRUPTIVE(" neighbor {peer} remote-as {peer_as}"), "end"}, {NULL}},
    {"local_as_mismatch", {"show running-config | include router bgp|local-as", CONF, BGP,
                           DISRUPTIVE(" neighbor {peer} local-as {local_as} no-prepend replace-as"), "end"}, {NULL}},
    {"timer_mismatch", {"show bgp neighbors {peer} | include Hold time|keepalive", CONF, BGP,
                        " neighbor {peer} timers {keepalive} {hold_time}", "end", DISRUPTIVE("clear bgp {peer}")},
     {NULL}},
    {"md5_missing", {"show running-config | include neighbor {peer}", CONF, BGP, DISRUPTIVE(" neighbor {peer} password <shared-key>"),
                     "end"}, {NULL}},
    {"md5_mismatch", {"show bgp neighbors {peer} | include BGP state|Last reset", CONF, BGP,
                      DISRUPTIVE(" neighbor {peer} password <shared-key>"), "end"},
     {"shell: nstat -az | grep -i md5   (TcpExtTCPMD5Failure rising: the keys differ)"}},
    {"subnet_mismatch", {"show interface {iface}", CONF, "interface {iface}", DISRUPTIVE(" no ip address {iface_addr}"),
                         DISRUPTIVE(" ip address {local_ip}/{plen}"), BGP, DISRUPTIVE(" neighbor {peer} remote-as {peer_as}"), "end"},
     {"An address set outside FRR (ip addr, netplan, ifupdown) is changed there: shell: ip addr replace {local_ip}/{plen} dev {iface}"}},
    {"address_swapped", {"show interface {iface}", CONF, "interface {iface}", DISRUPTIVE(" no ip address {peer}/{plen}"),
                         DISRUPTIVE(" ip address {local_ip}/{plen}"), BGP, DISRUPTIVE(" no neighbor {local_ip}"),
                         DISRUPTIVE(" neighbor {peer} remote-as {peer_as}"), "end"},
     {"Give {peer} the old neighbor's password, timers and route-maps",
      "An address set outside FRR (ip addr, netplan, ifupdown) is changed there: shell: ip addr del {peer}/{plen} dev "
      "{iface}; ip addr add {local_ip}/{plen} dev {iface}"}},
    {"inbound_filter", {"show bgp ipv4 unicast neighbors {peer} filtered-routes", "show ip prefix-list {prefix_list?}",
                        "show route-map {route_map?}", CONF, "ip prefix-list {prefix_list?} seq {pl_seq} permit {prefix}", "end",
                        "clear bgp ipv4 unicast {peer} soft in"},
     {"FRR 7.4 and later drop every route of an eBGP neighbor without an inbound policy ((Policy) in show bgp "
      "summary): then give {peer} a route-map in under address-family ipv4 unicast"}},
    {"route_limit", {"show bgp ipv4 unicast neighbors {peer} advertised-routes", CONF, BGP, " address-family ipv4 unicast",
                     "  aggregate-address <summary-prefix> summary-only", "end"},
     {NULL}},
    {"local_prefix_limit", {"show bgp neighbors {peer} | include Maximum|prefixes|Last reset", CONF, BGP,
                            " address-family ipv4 unicast", "  neighbor {peer} maximum-prefix <limit> 90", "end",
                            DISRUPTIVE("clear bgp {peer}")},
     {NULL}},
    {"tcp179_blocked", {"show bgp neighbors {peer} | include BGP state|Connections|Last reset"},
     {"shell: nc -zv -w 5 {peer} 179", "shell: nft list ruleset | grep -n -e 179 -e bgp",
      "shell: nft insert rule inet <nft-table> input ip saddr {peer} tcp dport 179 accept",
      "shell: nft insert rule inet <nft-table> input ip saddr {peer} tcp sport 179 accept",
      "The same on the output chain toward {peer}, and on any firewall on the path"}},
    {"tcp179_refused", {"show bgp neighbors {peer} | include BGP state|Local host|Foreign host", CONF, BGP,
                        DISRUPTIVE(" neighbor {peer} update-source {local_ip}"), "end"},
     {"shell: ss -tnp state all '( sport = :179 or dport = :179 )'"}},
    {"hold_timer_expired", {"show bgp neighbors {peer} | include Last reset|Hold time", CONF, BGP, " neighbor {peer} bfd", "end"},
     {"shell: ip -s link show {iface}", "shell: ping -M do -s 1472 -c 100 {peer}",
      "If large DF pings fail, fix the MTU with the provider (the same mtu on both sides)"}},
    {"asymmetric_path", {"show bgp neighbors {peer} | include Route map", CONF, "route-map {route_map?} permit {rm_seq}",
                         " set local-preference 200", BGP, " address-family ipv4 unicast",
                         "  neighbor {peer} route-map {route_map?} in", "end", "clear bgp ipv4 unicast {peer} soft in{?route_map}"},
     {"The set goes on the permit entries of the inbound route-map (the first line names it; with none, create "
      "one and apply it in)"}},
    {"return_via_internet", {"show bgp ipv4 unicast neighbors {peer} advertised-routes", CONF, BGP, " address-family ipv4 unicast",
                             "  network <on-prem-prefix>", "end"},
     {"shell: conntrack -L -s {onprem_source}   (is the source NATed?)"}},
    {"forced_tunneling", {"show bgp ipv4 unicast neighbors {peer} advertised-routes"}, {NULL}},
    {"bfd_session_down", {"show bfd peers", CONF, BGP, " neighbor {peer} bfd", "end"},
     {"bfdd must run (bfdd=yes in /etc/frr/daemons); its default 300 ms x 3 matches the MSEE"}},
    {"peer_shutdown", {"show bgp neighbors {peer} | include BGP state|Last reset|Administratively", CONF, BGP,
                       DISRUPTIVE(" no neighbor {peer} shutdown"), "end"}, {NULL}},
    /* The circuit step (framework/circuit.c): the lines are for the link its finding names. */
    {"link_redundancy_lost", {"show bgp summary", "show bgp neighbors {peer} | include BGP state|Last reset|otification",
                              "show interface {iface}"},
     {"erdiag check on this link's device alone names why its session is down"}},
    {"advertisement_mismatch", {"show bgp ipv4 unicast neighbors {peer} advertised-routes",
                                "show bgp ipv4 unicast neighbors {peer} routes", "show bgp ipv4 unicast {prefix}",
                                "show bgp neighbors {peer} | include Route map|prefix-list", "show route-map {export_policy?}"},
     {"This link's outbound policy toward {peer} must let out the same prefixes as the other link's, and its "
      "inbound policy accept the same: a soft clear out (or in) resends the updates after the change"}},
    {"preference_asymmetry", {"show bgp ipv4 unicast neighbors {peer} advertised-routes",
                              "show bgp neighbors {peer} | include Route map", CONF, "route-map {export_policy?} permit <seq>",
                              " set as-path prepend {router_as} {router_as} {router_as}", "route-map {route_map?} permit {rm_seq}",
                              " set local-preference 50", "end", "clear bgp ipv4 unicast {peer} soft out{?export_policy}",
                              "clear bgp ipv4 unicast {peer} soft in{?route_map}"},
     {"<seq>: the permit entry of the outbound policy that the on-prem prefixes match"}},
    {"session_down", {"show bgp summary", "show bgp neighbors {peer} | include BGP state|Last reset|otification"},
     {"shell: journalctl -u frr --since '1 hour ago' | grep -i bgp"}},
};

/* The IPv6 peering (vendor.h remedies6). */
static const vendor_remedy_t frr_remedies6[] = {
    {"arp_incomplete", {"show interface {iface}"},
     {"shell: ip -6 neigh show {peer}", "shell: ip -d link show {iface}",
      "shell: ip link add link {parent} name {parent}.<s-tag> type vlan protocol 802.1ad id <s-tag>",
      "shell: ip link add link {parent}.<s-tag> name {iface} type vlan protocol 802.1Q id <c-tag>",
      "With a provider that delivers one tag, the VLAN device carries only <c-tag> (the VlanId of the Azure peering)"}},
    {"subnet_mismatch", {"show interface {iface}", CONF, "interface {iface}", DISRUPTIVE(" no ipv6 address {iface_addr}"),
                         DISRUPTIVE(" ipv6 address {local_ip}/{plen}"), BGP, DISRUPTIVE(" neighbor {peer} remote-as {peer_as}"),
                         " address-family ipv6 unicast", "  neighbor {peer} activate", "end"},
     {"An address set outside FRR (ip addr, netplan, ifupdown) is changed there: shell: ip -6 addr replace {local_ip}/{plen} dev {iface}"}},
    {"address_swapped", {"show interface {iface}", CONF, "interface {iface}", DISRUPTIVE(" no ipv6 address {peer}/{plen}"),
                         DISRUPTIVE(" ipv6 address {local_ip}/{plen}"), BGP, DISRUPTIVE(" no neighbor {local_ip}"),
                         DISRUPTIVE(" neighbor {peer} remote-as {peer_as}"), "end"},
     {"Give {peer} the old neighbor's password, timers, route-maps and address-family ipv6 unicast activate"}},
    {"inbound_filter", {"show bgp ipv6 unicast neighbors {peer} filtered-routes", "show ipv6 prefix-list {prefix_list?}",
                        "show route-map {route_map?}", CONF, "ipv6 prefix-list {prefix_list?} seq {pl_seq} permit {prefix}", "end",
                        "clear bgp ipv6 unicast {peer} soft in"},
     {"FRR 7.4 and later drop every route of an eBGP neighbor without an inbound policy ((Policy) in show bgp "
      "summary): then give {peer} a route-map in under address-family ipv6 unicast"}},
};
#undef CONF
#undef BGP

const vendor_t vendor_frr = {
    .name = "frr", .title = "FRRouting (vtysh)", .paging_off = frr_paging_off,
    .prompt = "^[A-Za-z0-9_.-]+(\\([a-z0-9-]+\\))?[>#]\\s*$", .errors = frr_errors, .allow = frr_allow,
    .pipes = frr_pipes, .abbreviations = true,
    .probes = frr_probes, .n_probes = sizeof(frr_probes) / sizeof(frr_probes[0]),
    .probes6 = frr_probes6, .n_probes6 = sizeof(frr_probes6) / sizeof(frr_probes6[0]), .exec_channel = false,
    .endless = "^ping ", .interrupt = "\x03",
    .remedies = frr_remedies, .n_remedies = sizeof(frr_remedies) / sizeof(frr_remedies[0]),
    .remedies6 = frr_remedies6, .n_remedies6 = sizeof(frr_remedies6) / sizeof(frr_remedies6[0]),
    .advertised_path = ADV_PATH_POST_POLICY,
};
