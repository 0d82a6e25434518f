/* ios_table.c: what erdiag parses from Cisco IOS / IOS-XE, command by command. */
#include "parsers/ios/ios.h"
#include "parsers/ios/ios_rib.h"
#include "parsers/vendors.h"

static const parser_def_t ios_parsers[] = {
    {.command = "show ip interface brief", .pattern = "^sh(o(w)?)? ip int(e(r(f(a(c(e)?)?)?)?)?)? br(i(e(f)?)?)?( .*)?$",
     .kind = KIND_INTERFACES, .line = ios_ip_int_brief_line},
    /* routing tables (ios_route*.c, ios_bgp_table*.c): one line function per family reads both
     * the table and the single-prefix detail form, told apart by the output itself */
    {.command = "show ip route [vrf V] A.B.C.D",
     .pattern = "^sh(o(w)?)? ip ro(u(t(e)?)?)?( vrf \\S+)? \\d+\\.\\d+\\.\\d+\\.\\d+( \\d+\\.\\d+\\.\\d+\\.\\d+)?$",
     .kind = KIND_ROUTES, .state_size = sizeof(ios_route_state_t), .line = ios_route_line,
     .finish = ios_route_finish},
    {.command = "show ip route [vrf V]",
     .pattern = "^sh(o(w)?)? ip ro(u(t(e)?)?)?(?!.*\\bsumm)( .*)?$",
     .kind = KIND_ROUTES, .state_size = sizeof(ios_route_state_t), .line = ios_route_line,
     .finish = ios_route_finish},
    {.command = "show ip bgp neighbors N advertised-routes | received-routes",
     .pattern = "^sh(o(w)?)? (ip bgp|bgp)( \\S+)*? nei(g(h(b(o(r(s)?)?)?)?)?)?( \\S+)? (adv|rec)\\S*$",
     .kind = KIND_BGP_TABLE, .state_size = sizeof(ios_bgp_state_t), .line = ios_bgp_table_line,
     .finish = ios_bgp_table_finish},
    {.command = "show ip bgp [vrf V] A.B.C.D",
     .pattern = "^sh(o(w)?)? (ip bgp|bgp)( (ipv4|vpnv4)( (unicast|multicast|all))?)?( vrf \\S+| all| rd \\S+)* "
                "\\d+\\.\\d+\\.\\d+\\.\\d+(/\\d+)?( \\d+\\.\\d+\\.\\d+\\.\\d+)?$",
     .kind = KIND_BGP_TABLE, .state_size = sizeof(ios_bgp_state_t), .line = ios_bgp_table_line,
     .finish = ios_bgp_table_finish},
    {.command = "show ip bgp [vpnv4 all | vrf V] | show bgp ipv4 unicast",
     .pattern = "^sh(o(w)?)? (ip bgp|bgp)( (ipv4|vpnv4)( (unicast|multicast|all))?)?( vrf \\S+| all| rd \\S+)*"
                "( \\d+\\.\\d+\\.\\d+\\.\\d+(/\\d+)?( \\d+\\.\\d+\\.\\d+\\.\\d+)?)?"
                "( (longer-prefixes|cidr-only|regexp .*|community .*|filter-list .*|route-map .*|prefix-list .*))?$",
     .kind = KIND_BGP_TABLE, .state_size = sizeof(ios_bgp_state_t), .line = ios_bgp_table_line,
     .finish = ios_bgp_table_finish},
};

const parser_vendor_t parser_vendor_ios = {"ios", "Cisco IOS / IOS-XE", ios_parsers, ARRAY_LEN(ios_parsers)};
