/* ios_table.c: what erdiag parses from Cisco IOS / IOS-XE, command by command. */
#include "parsers/ios/ios.h"
#include "parsers/ios/ios_core.h"
#include "parsers/ios/ios_rib.h"
#include "parsers/trace/trace.h"
#include "parsers/vendors.h"
#include "parsers/ping/ping.h"

/* An address family, and a network argument (IPv4 with or without a length, or IPv6). */
#define BGP_AF "( (ipv4|ipv6|vpnv4|vpnv6)( (unicast|multicast|all))?)?"
#define IP_ARG "(\\d+\\.\\d+\\.\\d+\\.\\d+|[0-9a-f]*:[0-9a-f:.]*)"
#define BGP_PREFIX IP_ARG "(/\\d+)?( " IP_ARG ")?"

/* The headers a filtered answer lost (parser_def_t.filter_header), as IOS prints them. */
#define IOS_BGP_SUM_HEADER "Neighbor        V           AS MsgRcvd MsgSent   TblVer  InQ OutQ Up/Down  State/PfxRcd"
#define IOS_BGP_TABLE_HEADER "     Network          Next Hop            Metric LocPrf Weight Path"

static const parser_def_t ios_parsers[] = {
    PING_PARSER_DEF,
    {.command = "show ip bgp summary | show bgp ipv6|vpnv6 unicast [vrf V] summary",
     .pattern = "^sh(o(w)?)? (ip )?bgp( \\S+){0,5} sum(m(a(r(y)?)?)?)?$",
     .kind = KIND_BGP_SUMMARY, .state_size = sizeof(ios_bgp_sum_state_t), .line = ios_bgp_sum_line, .finish = ios_bgp_sum_finish,
     .filter_header = IOS_BGP_SUM_HEADER},
    {.command = "show ip bgp neighbors | show bgp ipv6 unicast neighbors [N]",
     .pattern = "^sh(o(w)?)? (ip )?bgp( (?!nei)\\S+){0,5} nei(g(h(b(o(r(s)?)?)?)?)?)?( (?!advertised|received|routes|policy|paths|flap|dampened)\\S+)?$",
     .kind = KIND_BGP_NEIGHBORS, .state_size = sizeof(ios_bgp_nei_state_t), .line = ios_bgp_nei_line, .finish = ios_bgp_nei_finish},
    {.command = "show interfaces",
     .pattern = "^sh(o(w)?)? int(e(r(f(a(c(e(s)?)?)?)?)?)?)?( (?!status|desc|summary|counters|trunk|switchport|stats|capabilities|transceiver|brief)\\S+)*$",
     .kind = KIND_INTERFACES, .state_size = sizeof(ios_interfaces_state_t), .line = ios_interfaces_line, .finish = ios_interfaces_finish},
    {.command = "show ip arp",
     .pattern = "^sh(o(w)?)? (ip )?arp( .*)?$",
     .kind = KIND_ARP, .line = ios_arp_line},
    {.command = "show ip prefix-list [detail]",
     .pattern = "^sh(o(w)?)? (ip|ipv6) prefix-list( .*)?$",
     .kind = KIND_PREFIX_LISTS, .state_size = sizeof(ios_prefix_list_state_t), .line = ios_prefix_list_line},
    {.command = "show running-config | include prefix-list",
     .pattern = "^sh(o(w)?)? run(n(i(n(g(-(c(o(n(f(i(g)?)?)?)?)?)?)?)?)?)?)?( all)? \\| (i|in|inc|incl|include|s|sec|section) (ip |ipv6 )?prefix-list$",
     .kind = KIND_PREFIX_LISTS, .state_size = sizeof(ios_prefix_list_state_t), .line = ios_prefix_list_line},
    {.command = "show route-map",
     .pattern = "^sh(o(w)?)? route-map( \\S+)?$",
     .kind = KIND_ROUTE_MAPS, .state_size = sizeof(ios_route_map_state_t), .line = ios_route_map_line, .finish = ios_route_map_finish},
    {.command = "show running-config partition route-map",
     .pattern = "^sh(o(w)?)? run(n(i(n(g(-(c(o(n(f(i(g)?)?)?)?)?)?)?)?)?)?)?( all)? (partition route-map|\\| (s|sec|section|be|begin) route-map)( .*)?$",
     .kind = KIND_ROUTE_MAPS, .state_size = sizeof(ios_route_map_state_t), .line = ios_route_map_line, .finish = ios_route_map_finish},
    {.command = "show running-config | section router bgp",
     .pattern = "^sh(o(w)?)? run(n(i(n(g(-(c(o(n(f(i(g)?)?)?)?)?)?)?)?)?)?)?( all)? (partition router bgp|\\| (s|sec|section|be|begin) (router )?bgp)( .*)?$",
     .kind = KIND_BGP_CONFIG, .state_size = sizeof(ios_bgp_cfg_state_t), .line = ios_bgp_cfg_line, .finish = ios_bgp_cfg_finish},
    {.command = "show bfd neighbors",
     .pattern = "^sh(o(w)?)? bfd nei(g(h(b(o(r(s)?)?)?)?)?)?( .*)?$",
     .kind = KIND_BFD, .state_size = sizeof(ios_bfd_state_t), .line = ios_bfd_line, .finish = ios_bfd_finish},
    {.command = "show version",
     .pattern = "^sh(o(w)?)? ver(s(i(o(n)?)?)?)?( .*)?$",
     .kind = KIND_VERSION, .state_size = sizeof(ios_version_state_t), .line = ios_version_line, .finish = ios_version_finish},
    {.command = "telnet X 179",
     .pattern = "^telnet \\S+( \\d+)?( .*)?$",
     .kind = KIND_TCP_TEST, .state_size = sizeof(ios_telnet_state_t), .line = ios_telnet_line, .finish = ios_telnet_finish},
    {.command = "traceroute [vrf V] A.B.C.D", .pattern = "^trace(r(o(u(t(e)?)?)?)?)?( ip| ipv6)?( vrf \\S+)?( \\S+( .*)?)?$",
     .kind = KIND_TRACEROUTE, .state_size = sizeof(trace_state_t), .line = trace_cisco_line, .finish = trace_finish},
    {.command = "show ipv6 neighbors [X:X::X] [vrf V]",
     .pattern = "^sh(o(w)?)? ipv6 nei(g(h(b(o(r(s)?)?)?)?)?)?( .*)?$",
     .kind = KIND_ARP, .line = ios_nd_line},
    {.command = "show ipv6 interface [brief | IF]",
     .pattern = "^sh(o(w)?)? ipv6 int(e(r(f(a(c(e)?)?)?)?)?)?( br(i(e(f)?)?)?| \\S+)?$",
     .kind = KIND_INTERFACES, .state_size = sizeof(ios_ipv6_int_state_t), .line = ios_ipv6_int_line,
     .finish = ios_ipv6_int_finish},
    {.command = "show ip interface brief", .pattern = "^sh(o(w)?)? ip int(e(r(f(a(c(e)?)?)?)?)?)? br(i(e(f)?)?)?( .*)?$",
     .kind = KIND_INTERFACES, .line = ios_ip_int_brief_line},
    /* routing tables (ios_route*.c, ios_bgp_table*.c): one line function per family reads both
     * the table and the single-prefix detail form, told apart by the output itself */
    {.command = "show ip|ipv6 route [vrf V] A.B.C.D|X:X::X/N",
     .pattern = "^sh(o(w)?)? (ip|ipv6) ro(u(t(e)?)?)?( vrf \\S+)? " BGP_PREFIX "$",
     .kind = KIND_ROUTES, .state_size = sizeof(ios_route_state_t), .line = ios_route_line,
     .finish = ios_route_finish},
    {.command = "show ip|ipv6 route [vrf V]",
     .pattern = "^sh(o(w)?)? (ip|ipv6) ro(u(t(e)?)?)?(?!.*\\bsumm)( .*)?$",
     .kind = KIND_ROUTES, .state_size = sizeof(ios_route_state_t), .line = ios_route_line,
     .finish = ios_route_finish},
    {.command = "show ip bgp neighbors N advertised-routes | received-routes | routes",
     .pattern = "^sh(o(w)?)? (ip bgp|bgp)( \\S+)*? nei(g(h(b(o(r(s)?)?)?)?)?)?( \\S+)? (adv\\S*|rec\\S*|ro(u(t(e(s)?)?)?)?)$",
     .kind = KIND_BGP_TABLE, .state_size = sizeof(ios_bgp_state_t), .line = ios_bgp_table_line,
     .finish = ios_bgp_table_finish, .filter_header = IOS_BGP_TABLE_HEADER},
    {.command = "show ip bgp [vrf V] A.B.C.D | show bgp ipv6 unicast X:X::X/N",
     .pattern = "^sh(o(w)?)? (ip bgp|bgp)" BGP_AF "( vrf \\S+| all| rd \\S+)* " BGP_PREFIX "$",
     .kind = KIND_BGP_TABLE, .state_size = sizeof(ios_bgp_state_t), .line = ios_bgp_table_line,
     .finish = ios_bgp_table_finish, .filter_header = IOS_BGP_TABLE_HEADER},
    {.command = "show ip bgp [vpnv4 all | vrf V] | show bgp ipv4|ipv6|vpnv6 unicast",
     .pattern = "^sh(o(w)?)? (ip bgp|bgp)" BGP_AF "( vrf \\S+| all| rd \\S+)*"
                "( " BGP_PREFIX ")?"
                "( (longer-prefixes|cidr-only|regexp .*|community .*|filter-list .*|route-map .*|prefix-list .*))?$",
     .kind = KIND_BGP_TABLE, .state_size = sizeof(ios_bgp_state_t), .line = ios_bgp_table_line,
     .finish = ios_bgp_table_finish, .filter_header = IOS_BGP_TABLE_HEADER},
};

const parser_vendor_t parser_vendor_ios = {"ios", "Cisco IOS / IOS-XE", ios_parsers, ARRAY_LEN(ios_parsers)};
