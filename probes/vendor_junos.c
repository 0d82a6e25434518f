/* vendor_junos.c: Juniper Junos. */
#include "probes/vendor.h"

static const char *const junos_paging_off[] = {
    "set cli screen-length 0", "set cli screen-width 511", "set cli complete-on-space off", NULL,
};
static const char *const junos_errors[] = {
    "^\\s*error: ", "^\\s*syntax error", "^\\s*unknown command", "^\\s*\\^$", NULL,
};
static const char *const junos_allow[] = {
    "^show [A-Za-z0-9][A-Za-z0-9 ./:_,*+^-]*$",
    "^set cli (screen-length|screen-width) [0-9]{1,4}$",
    "^set cli complete-on-space off$",
    "^traceroute [0-9a-fA-F.:]+( routing-instance [A-Za-z0-9_.-]+)?( source [0-9a-fA-F.:]+)?( no-resolve)?$",
    "^ping [0-9a-fA-F.:]+( routing-instance [A-Za-z0-9_.-]+| source [0-9a-fA-F.:]+| count [0-9]{1,3}| size [0-9]{1,5}| do-not-fragment| rapid){0,6}$",
    "^telnet [0-9a-fA-F.:]+ port 179( routing-instance [A-Za-z0-9_.-]+)?( source [0-9a-fA-F.:]+)?$",
    NULL,
};

/* Output filters after a '|' (Junos also takes "save", "tee", "append", "request", "compare",
 * "resolve", "hold", "refresh": refused). */
static const char *const junos_pipes[] = {
    "^(?:match|except|find) (?<arg>.+)$",
    "^(?:count|no-more)$",
    "^display (?:json|xml|set)$",
    "^last( [0-9]{1,4})?$",
    "^trim [0-9]{1,3}$",
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
    {PROBE_BGP_ADVERTISED, "show route advertising-protocol bgp {peer}", "show route advertising-protocol bgp {peer} table {vrf}.inet.0", NULL},
    {PROBE_ARP, "show arp no-resolve hostname {peer}", NULL, "show arp no-resolve hostname {peer} | display json"},
    {PROBE_TRACEROUTE, "traceroute {target}[ source {source}] no-resolve", "traceroute {target} routing-instance {vrf}[ source {source}] no-resolve", NULL},
    {PROBE_TCP_179, "telnet {peer} port 179[ source {source}]", "telnet {peer} port 179 routing-instance {vrf}[ source {source}]", NULL},
    {PROBE_PING, "ping {peer}[ source {source}] count 5 rapid", "ping {peer} routing-instance {vrf}[ source {source}] count 5 rapid", NULL},
    {PROBE_BFD, "show bfd session", NULL, "show bfd session | display json"},
    {PROBE_LOG_AUTH, "show log messages | match \"MD5|auth\"", NULL, NULL},
    {PROBE_VERSION, "show version", NULL, "show version | display json"},
};

/* IPv6 (vendor.h probes6): the BGP commands are family-neutral; routes live in inet6.0. */
static const vendor_probe_t junos_probes6[] = {
    {PROBE_IP_BRIEF, "show interfaces terse", NULL, "show interfaces terse | display json"},
    {PROBE_BGP_SUMMARY, "show bgp summary", "show bgp summary instance {vrf}", "show bgp summary | display json"},
    {PROBE_BGP_NEIGHBOR, "show bgp neighbor {peer}", "show bgp neighbor {peer} instance {vrf}", "show bgp neighbor {peer} | display json"},
    {PROBE_PREFIX_LISTS, "show configuration policy-options prefix-list", NULL, NULL},
    {PROBE_ROUTE_LOOKUP, "show route {prefix} table inet6.0", "show route {prefix} table {vrf}.inet6.0", "show route {prefix} table inet6.0 | display json"},
    {PROBE_BGP_PREFIX, "show route {prefix} table inet6.0 protocol bgp detail", "show route {prefix} table {vrf}.inet6.0 protocol bgp detail", NULL},
    {PROBE_BGP_RECEIVED, "show route receive-protocol bgp {peer} table inet6.0", "show route receive-protocol bgp {peer} table {vrf}.inet6.0", NULL},
    {PROBE_BGP_ADVERTISED, "show route advertising-protocol bgp {peer} table inet6.0", "show route advertising-protocol bgp {peer} table {vrf}.inet6.0", NULL},
    {PROBE_ARP, "show ipv6 neighbors {peer}", NULL, "show ipv6 neighbors {peer} | display json"},
    {PROBE_TRACEROUTE, "traceroute {target}[ source {source}] no-resolve", "traceroute {target} routing-instance {vrf}[ source {source}] no-resolve", NULL},
    {PROBE_TCP_179, "telnet {peer} port 179[ source {source}]", "telnet {peer} port 179 routing-instance {vrf}[ source {source}]", NULL},
    {PROBE_PING, "ping {peer}[ source {source}] count 5 rapid", "ping {peer} routing-instance {vrf}[ source {source}] count 5 rapid", NULL},
};

/* What to type next per runbook cause: confirm first, then the fix in set form (configure mode;
 * nothing applies until commit), then what confirms it.  {group} is the BGP group holding the
 * neighbor in the configuration; inside a routing instance prefix the statements with
 * "routing-instances <name>".  Format and placeholders: probes/vendor.h and
 * framework/remedy_context.c. */
#define NB "protocols bgp group {group} neighbor {peer}"
static const vendor_remedy_t junos_remedies[] = {
    {"link_down", {"show interfaces {iface} extensive | match \"Physical link|Enabled|flapped\"",
                   "show configuration interfaces | display set | match disable", "configure",
                   DISRUPTIVE("delete interfaces {iface_unit} disable"), "commit and-quit"},
     {NULL}},
    {"interface_errors", {"show interfaces {parent} extensive | match \"errors|CRC|Carrier transitions\"",
                          "clear interfaces statistics {parent}"},
     {NULL}},
    {"arp_incomplete", {"show arp no-resolve hostname {peer}", "show configuration interfaces {parent} | display set | match vlan",
                        "configure", DISRUPTIVE("set interfaces {iface_unit} vlan-tags outer <s-tag> inner <c-tag>"),
                        "commit and-quit"},
     {"With a provider that delivers one tag: set interfaces {iface_unit} vlan-id <c-tag> (the VlanId of the Azure peering)"}},
    {"peer_as_mismatch", {"show bgp neighbor {peer} | match \"Peer:|State|Last Error\"", "configure",
                          DISRUPTIVE("set " NB " peer-as {peer_as}"), "commit and-quit"}, {NULL}},
    {"local_as_mismatch", {"show configuration routing-options autonomous-system", "configure",
                           DISRUPTIVE("set " NB " local-as {local_as} private no-prepend-global-as"), "commit and-quit"}, {NULL}},
    {"timer_mismatch", {"show bgp neighbor {peer} | match \"Holdtime|Keepalive\"", "configure", "set " NB " hold-time {hold_time}",
                        "commit and-quit", DISRUPTIVE("clear bgp neighbor {peer}")},
     {"Junos sends keepalives every hold-time/3; the new hold time applies when the session next starts; the hard "
      "clear applies it at once by resetting it"}},
    {"md5_missing", {"show configuration protocols bgp | display set | match authentication", "configure",
                     DISRUPTIVE("set " NB " authentication-key <shared-key>"), "commit and-quit"}, {NULL}},
    {"md5_mismatch", {"show log messages | match \"MD5|auth\"", "configure", DISRUPTIVE("set " NB " authentication-key <shared-key>"),
                      "commit and-quit"}, {NULL}},
    {"subnet_mismatch", {"show configuration interfaces {parent} | display set | match address", "configure",
                         DISRUPTIVE("delete interfaces {iface_unit} family {inet} address {iface_addr}"),
                         DISRUPTIVE("set interfaces {iface_unit} family {inet} address {local_ip}/{plen}"),
                         DISRUPTIVE("set " NB " peer-as {peer_as}"), "commit and-quit", "ping {peer} count 5 rapid"},
     {NULL}},
    {"address_swapped", {"show interfaces {iface} terse", "configure", DISRUPTIVE("delete interfaces {iface_unit} family {inet} address {peer}/{plen}"),
                         DISRUPTIVE("set interfaces {iface_unit} family {inet} address {local_ip}/{plen}"),
                         DISRUPTIVE("rename protocols bgp group {group} neighbor {local_ip} to neighbor {peer}"), "commit and-quit"},
     {NULL}},
    {"inbound_filter", {"show route receive-protocol bgp {peer} hidden", "show configuration policy-options prefix-list {prefix_list?}",
                        "configure", "set policy-options prefix-list {prefix_list?} {prefix}", "commit and-quit",
                        "show route receive-protocol bgp {peer}"},
     {"If no term of {route_map} accepts prefix-list {prefix_list}: add a term AZURE from prefix-list {prefix_list} "
      "then accept, inserted before term {first_term}"}},
    {"route_limit", {"show route advertising-protocol bgp {peer} | count", "configure",
                     "set routing-options aggregate route <summary-prefix>",
                     "set policy-options policy-statement {export_policy} term AGGREGATE from protocol aggregate",
                     "set policy-options policy-statement {export_policy} term AGGREGATE then accept",
                     "insert policy-options policy-statement {export_policy} term AGGREGATE before term {export_term}",
                     "commit and-quit"},
     {"Then stop exporting the specifics the aggregate covers (a reject term for them in {export_policy}); the first "
      "line counts what we advertise again"}},
    {"local_prefix_limit", {"show bgp neighbor {peer} | match \"prefixes|Last Error|Last State\"", "configure",
                            "set " NB " family {inet} unicast prefix-limit maximum <limit>", "commit and-quit",
                            DISRUPTIVE("clear bgp neighbor {peer}")},
     {"accepted-prefix-limit instead counts only what the import policy accepts"}},
    {"tcp179_blocked", {"telnet {peer} port 179 source {local_ip}", "show configuration interfaces lo0 | display set | match filter",
                        "configure", "set firewall family {inet} filter <lo0-filter> term BGP from source-address {peer}/{host_len}",
                        "set firewall family {inet} filter <lo0-filter> term BGP from protocol tcp",
                        "set firewall family {inet} filter <lo0-filter> term BGP from port bgp",
                        "set firewall family {inet} filter <lo0-filter> term BGP then accept",
                        "insert firewall family {inet} filter <lo0-filter> term BGP before term <discard-term>", "commit and-quit"},
     {"<lo0-filter>: the input filter the second line shows on lo0 (erdiag does not read it)"}},
    {"tcp179_refused", {"show bgp neighbor {peer} | match \"State|Local Address\"", "telnet {peer} port 179 source {local_ip}",
                        "configure", DISRUPTIVE("set " NB " local-address {local_ip}"), "commit and-quit"}, {NULL}},
    {"hold_timer_expired", {"show bgp neighbor {peer} | match \"Last Error|Holdtime|Last flap\"",
                            "show interfaces {parent} extensive | match \"MTU|errors|CRC\"",
                            "ping {peer} size 1472 do-not-fragment count 100 rapid", "configure",
                            "set " NB " bfd-liveness-detection minimum-interval 300", "commit and-quit"},
     {"If large DF pings fail: fix the MTU with the provider; meanwhile set " NB " tcp-mss 1360"}},
    {"asymmetric_path", {"show route receive-protocol bgp {peer} detail | match \"Localpref|AS path\"",
                         "show bgp neighbor {peer} | match Import", "configure",
                         "set policy-options as-path FROM-AZURE \"12076 .*\"{?route_map}",
                         "set policy-options policy-statement {route_map?} term LP from as-path FROM-AZURE",
                         "set policy-options policy-statement {route_map?} term LP then local-preference 200",
                         "insert policy-options policy-statement {route_map?} term LP before term {first_term}", "commit and-quit"},
     {"Junos prepends with then as-path-prepend \"{local_as} {local_as}\" in the export policy"}},
    {"return_via_internet", {"show route advertising-protocol bgp {peer}", "show bgp neighbor {peer} | match Export", "configure",
                             "set policy-options policy-statement {export_policy?} term ONPREM from route-filter <on-prem-prefix> exact",
                             "set policy-options policy-statement {export_policy?} term ONPREM then accept",
                             "insert policy-options policy-statement {export_policy?} term ONPREM before term {export_term}",
                             "commit and-quit"},
     {"On an SRX, show security nat source summary lists the NAT pools"}},
    {"forced_tunneling", {"show route advertising-protocol bgp {peer} 0.0.0.0/0 exact"}, {NULL}},
    {"bfd_session_down", {"show bfd session", "configure", "set " NB " bfd-liveness-detection minimum-interval 300",
                          "set " NB " bfd-liveness-detection multiplier 3", "commit and-quit"}, {NULL}},
    {"peer_shutdown", {"show configuration protocols bgp | display set | match \"deactivate|inactive|shut\"", "configure",
                       DISRUPTIVE("activate " NB), DISRUPTIVE("activate protocols bgp group {group}"), "commit and-quit"}, {NULL}},
    /* The circuit step (framework/circuit.c): the lines are for the link its finding names. */
    {"link_redundancy_lost", {"show bgp summary", "show bgp neighbor {peer} | match \"State|Last Error|Last State\"",
                              "show interfaces {iface} terse"},
     {"erdiag check on this link's device alone names why its session is down"}},
    {"advertisement_mismatch", {"show route advertising-protocol bgp {peer}", "show route receive-protocol bgp {peer}",
                                "show route {prefix} protocol bgp", "show bgp neighbor {peer} | match \"Export|Import\"",
                                "show configuration policy-options policy-statement {export_policy?}"},
     {"This link's outbound policy toward {peer} must let out the same prefixes as the other link's, and its "
      "inbound policy accept the same: a soft clear out (or in) resends the updates after the change"}},
    {"preference_asymmetry", {"show route advertising-protocol bgp {peer}", "show bgp neighbor {peer} | match \"Export|Import\"",
                              "configure",
                              "set policy-options policy-statement {export_policy?} term {export_term?} then as-path-prepend \"{router_as} {router_as} {router_as}\"",
                              "set policy-options policy-statement {route_map?} term {first_term?} then local-preference 50",
                              "commit and-quit"},
     {"The prepend goes on the export term that accepts the on-prem prefixes, the local preference on the import "
      "term that accepts Microsoft's"}},
    {"session_down", {"show bgp summary", "show bgp neighbor {peer} | match \"State|Last Error|Last State\"",
                      "show log messages | match \"bgp|BGP\""}, {NULL}},
};

/* The IPv6 peering (vendor.h remedies6): the configuration lines take {inet} already. */
static const vendor_remedy_t junos_remedies6[] = {
    {"arp_incomplete", {"show ipv6 neighbors {peer}", "show configuration interfaces {parent} | display set | match vlan",
                        "configure", DISRUPTIVE("set interfaces {iface_unit} vlan-tags outer <s-tag> inner <c-tag>"),
                        "commit and-quit"},
     {"With a provider that delivers one tag: set interfaces {iface_unit} vlan-id <c-tag> (the VlanId of the Azure peering)"}},
};
#undef NB

const vendor_t vendor_junos = {
    .name = "junos", .title = "Juniper Junos", .paging_off = junos_paging_off,
    .prompt = "^[A-Za-z0-9_.-]+@[A-Za-z0-9_.-]+[>#]\\s*$", .errors = junos_errors, .allow = junos_allow,
    .pipes = junos_pipes, .abbreviations = true,
    .probes = junos_probes, .n_probes = sizeof(junos_probes) / sizeof(junos_probes[0]),
    .probes6 = junos_probes6, .n_probes6 = sizeof(junos_probes6) / sizeof(junos_probes6[0]), .exec_channel = true,
    /* BSD telnet: Ctrl-] gives a telnet> prompt, where quit ends the connection */
    .tcp_connected = "^Connected to ", .tcp_hangup = "\x1dquit\n",
    .remedies = junos_remedies, .n_remedies = sizeof(junos_remedies) / sizeof(junos_remedies[0]),
    .remedies6 = junos_remedies6, .n_remedies6 = sizeof(junos_remedies6) / sizeof(junos_remedies6[0]),
    .advertised_path = ADV_PATH_AS_SENT,
};
