/* iosxr_table.c: what erdiag parses from Cisco IOS-XR, command by command.
 * Patterns run over the normalised command; specific forms come before generic ones. */
#include "parsers/ios/ios_core.h"
#include "parsers/iosxr/iosxr.h"
#include "parsers/trace/trace.h"
#include "parsers/vendors.h"
#include "parsers/ping/ping.h"

#define SH "^sh(o(w)?)? "
#define INT "int(e(r(f(a(c(e(s)?)?)?)?)?)?)?"
#define BR "br(i(e(f)?)?)?"
#define NEI "nei(g(h(b(o(r(s)?)?)?)?)?)?"
#define VRF "( vrf \\S+)?"
#define AF "( (ipv4|ipv6|vpnv4|vpnv6|all)( (unicast|multicast|all|labeled-unicast))?)?"
#define INST "( instance \\S+)?"

static const parser_def_t iosxr_parsers[] = {
    PING_PARSER_DEF,
    {.command = "show interface brief", .pattern = SH INT " " BR "$", .kind = KIND_INTERFACES,
     .line = iosxr_int_brief_line},
    {.command = "show ipv4 [vrf all] interface brief",
     .pattern = SH "(ip|ipv4)" VRF " " INT " " BR "( .*)?$", .kind = KIND_INTERFACES,
     .line = iosxr_ip_int_brief_line},
    {.command = "show ipv4 [vrf X|all] interface [IF]",
     .pattern = SH "ipv4" VRF " " INT "(?! " BR "$)( \\S+)?$", .kind = KIND_INTERFACES,
     .state_size = sizeof(iosxr_ipv4_int_state_t), .line = iosxr_ipv4_int_line, .finish = iosxr_ipv4_int_finish},
    {.command = "show ipv6 [vrf X] interface brief",
     .pattern = SH "ipv6" VRF " " INT " " BR "$", .kind = KIND_INTERFACES,
     .state_size = sizeof(ios_ipv6_int_state_t), .line = iosxr_ipv6_int_brief_line, .finish = ios_ipv6_int_finish},
    {.command = "show ipv6 neighbors [vrf X] [IF]", .pattern = SH "ipv6 " NEI VRF "( \\S+)?$", .kind = KIND_ARP,
     .line = iosxr_nd_line},
    {.command = "show interfaces [IF]", .pattern = SH INT "( \\S+)?$", .kind = KIND_INTERFACES,
     .state_size = sizeof(iosxr_iface_state_t), .line = iosxr_interfaces_line,
     .finish = iosxr_interfaces_finish},
    {.command = "show bgp [instance all] [vrf X|all] [ipv4|ipv6 unicast] summary",
     .pattern = SH "(ip )?bgp" INST VRF AF VRF " summ(a(r(y)?)?)?$", .kind = KIND_BGP_SUMMARY,
     .state_size = sizeof(iosxr_bgp_sum_state_t), .line = iosxr_bgp_summary_line,
     .finish = iosxr_bgp_summary_finish,
     /* the table header a filtered answer lost (parser_def_t.filter_header) */
     .filter_header = "Neighbor        Spk    AS MsgRcvd MsgSent   TblVer  InQ OutQ  Up/Down  St/PfxRcd"},
    {.command = "show bgp [vrf X|all] [ipv4 unicast] neighbors [N] advertised-routes | routes",
     .pattern = SH "(ip )?bgp" INST VRF AF VRF " " NEI "( \\S+)? (advertised(-routes?)?|routes)$", .kind = KIND_BGP_TABLE,
     .state_size = sizeof(iosxr_bgp_table_state_t), .line = iosxr_bgp_table_line,
     .finish = iosxr_bgp_table_finish},
    {.command = "show bgp [vrf X|all] neighbors [N]",
     .pattern = SH "(ip )?bgp" INST VRF AF VRF " " NEI "( \\S+)?$", .kind = KIND_BGP_NEIGHBORS,
     .state_size = sizeof(iosxr_bgp_nbr_state_t), .line = iosxr_bgp_neighbors_line,
     .finish = iosxr_bgp_neighbors_finish},
    {.command = "show bgp [vrf X] [ipv4 unicast] [PREFIX]",
     .pattern = SH "(ip )?bgp" INST VRF AF VRF "( [0-9a-f.:/]+)?$", .kind = KIND_BGP_TABLE,
     .state_size = sizeof(iosxr_bgp_table_state_t), .line = iosxr_bgp_table_line,
     .finish = iosxr_bgp_table_finish},
    {.command = "show route [vrf X|all] [ipv4|ipv6] summary",
     .pattern = SH "route" VRF "( (ipv4|ipv6))?( unicast)?" VRF " summ(a(r(y)?)?)?$", .kind = KIND_ROUTE_SUMMARY,
     .state_size = sizeof(iosxr_route_sum_state_t), .line = iosxr_route_summary_line,
     .finish = iosxr_route_summary_finish},
    /* XR takes the VRF before or after the family, and lists the routes through a next hop
     * in the same table form */
    {.command = "show route [vrf X|all] [ipv4|ipv6] [vrf X|all] [PREFIX | next-hop A.B.C.D]",
     .pattern = SH "(route|ip route)" VRF "( (ipv4|ipv6))?( unicast)?" VRF
                "( [0-9a-f.:/]+| next-hop [0-9a-f.:]+)?( longer-prefixes)?$",
     .kind = KIND_ROUTES, .state_size = sizeof(iosxr_route_state_t), .line = iosxr_route_line,
     .finish = iosxr_route_finish},
    {.command = "show arp [vrf X] [detail]", .pattern = SH "(ip )?arp" VRF "( \\S+)?$", .kind = KIND_ARP,
     .line = iosxr_arp_line},
    {.command = "show bfd session[s]", .pattern = SH "bfd( ipv4| ipv6| all)? sess(i(o(n(s)?)?)?)?( .*)?$",
     .kind = KIND_BFD, .line = iosxr_bfd_line},
    {.command = "show version", .pattern = SH "ver(s(i(o(n)?)?)?)?( brief)?$", .kind = KIND_VERSION,
     .state_size = sizeof(iosxr_open_state_t), .line = iosxr_version_line, .finish = iosxr_version_finish},
    {.command = "show running-config router bgp", .pattern = SH "run(n(i(n(g(-(c(o(n(f(i(g)?)?)?)?)?)?)?)?)?)?)? router bgp( .*)?$",
     .kind = KIND_BGP_CONFIG, .state_size = sizeof(iosxr_bgp_cfg_state_t), .line = iosxr_bgp_config_line,
     .finish = iosxr_bgp_config_finish},
    {.command = "show rpl route-policy [NAME]", .pattern = SH "rpl route-policy( \\S+)?( detail)?$",
     .kind = KIND_ROUTE_MAPS, .state_size = sizeof(iosxr_rpl_state_t), .line = iosxr_route_policy_line,
     .finish = iosxr_route_policy_finish},
    {.command = "show running-config route-policy [NAME]", .pattern = SH "run(n(i(n(g(-(c(o(n(f(i(g)?)?)?)?)?)?)?)?)?)?)? route-policy( \\S+)?$",
     .kind = KIND_ROUTE_MAPS, .state_size = sizeof(iosxr_rpl_state_t), .line = iosxr_route_policy_line,
     .finish = iosxr_route_policy_finish},
    {.command = "show rpl prefix-set [NAME]", .pattern = SH "(rpl|run(n(i(n(g(-(c(o(n(f(i(g)?)?)?)?)?)?)?)?)?)?)?) prefix-set( \\S+)?$",
     .kind = KIND_PREFIX_LISTS, .state_size = sizeof(iosxr_rpl_state_t), .line = iosxr_prefix_set_line,
     .finish = iosxr_prefix_set_finish},
    {.command = "traceroute [vrf X] A.B.C.D", .pattern = "^trace(r(o(u(t(e)?)?)?)?)?( ipv4| ipv6)?( vrf \\S+)? \\S+( .*)?$",
     .kind = KIND_TRACEROUTE, .state_size = sizeof(trace_state_t), .line = trace_cisco_line, .finish = trace_finish},
};

const parser_vendor_t parser_vendor_iosxr = {"iosxr", "Cisco IOS-XR", iosxr_parsers, ARRAY_LEN(iosxr_parsers)};
