/* nxos_table.c: what erdiag parses from Cisco NX-OS, command by command.
 *
 * Patterns run over the normalised command (lower case, single spaces, "| no-more" gone).
 * Specific forms come before generic ones: the first match wins, so every "| json" variant is
 * listed ahead of its text form. */
#include "parsers/nxos/nxos.h"
#include "parsers/trace/trace.h"
#include "parsers/vendors.h"
#include "parsers/ping/ping.h"

/* Abbreviation-tolerant words. */
#define SH "^sh(?:o(?:w)?)? "
#define INT "int(?:e(?:r(?:f(?:a(?:c(?:e)?)?)?)?)?)?"
#define BR "br(?:i(?:e(?:f)?)?)?"
#define NEI "nei(?:g(?:h(?:b(?:o(?:r(?:s)?)?)?)?)?)?"
#define SUM "summ?(?:a(?:r(?:y)?)?)?"
#define VRF "(?: vrf(?: \\S+)?)?"
#define JSON " ?\\| ?json(?:-pretty)?$"
#define TEXT(fn) .state_size = NXOS_STATE_SIZE, .line = fn##_line, .finish = fn##_finish

static const parser_def_t nxos_parsers[] = {
    PING_PARSER_DEF,
    {.command = "traceroute A.B.C.D [vrf V]", .pattern = "^traceroute6? \\S+( .*)?$", .kind = KIND_TRACEROUTE,
     .state_size = sizeof(trace_state_t), .line = trace_cisco_line, .finish = trace_finish},
    /* ---- interfaces ---- */
    {.command = "show interface brief", .pattern = SH INT " " BR "$", .kind = KIND_INTERFACES, TEXT(nxos_int_brief)},
    {.command = "show ip interface brief | json", .pattern = SH "ip " INT " " BR VRF ".*" JSON,
     .kind = KIND_INTERFACES, .whole = nxos_json_ip_int_brief},
    {.command = "show ip interface brief [vrf all]", .pattern = SH "ip " INT " " BR "(?: .*)?$",
     .kind = KIND_INTERFACES, TEXT(nxos_ip_int_brief)},
    {.command = "show ipv6 interface brief [vrf X|all] | json", .pattern = SH "ipv6 " INT " " BR VRF JSON,
     .kind = KIND_INTERFACES, .whole = nxos_json_ip_int_brief},
    {.command = "show ipv6 interface brief [vrf X|all]", .pattern = SH "ipv6 " INT " " BR VRF "$",
     .kind = KIND_INTERFACES, TEXT(nxos_ipv6_int_brief)},
    {.command = "show interface [IF] | json", .pattern = SH INT "(?: \\S+)?" JSON, .kind = KIND_INTERFACES,
     .whole = nxos_json_interface},
    {.command = "show interface [IF]", .pattern = SH INT "(?: \\S+)?$", .kind = KIND_INTERFACES, TEXT(nxos_interface)},

    /* ---- bgp_summary ---- */
    {.command = "show ip bgp | bgp ipv4|ipv6 unicast summary [vrf X|all] | json", .pattern = SH "(?:ip bgp|bgp(?: ipv[46] unicast| all| l2vpn evpn)?) " SUM ".*" JSON,
     .kind = KIND_BGP_SUMMARY, .whole = nxos_json_bgp_summary},
    {.command = "show ip bgp summary [vrf X|all]", .pattern = SH "ip bgp " SUM VRF "$", .kind = KIND_BGP_SUMMARY, TEXT(nxos_bgp_summary)},
    {.command = "show ip bgp vrf X summary", .pattern = SH "ip bgp vrf \\S+ " SUM "$", .kind = KIND_BGP_SUMMARY, TEXT(nxos_bgp_summary)},
    {.command = "show bgp ipv4|ipv6 unicast summary [vrf X|all]", .pattern = SH "bgp (?:vrf \\S+ )?(?:ipv[46] unicast|all|l2vpn evpn) " SUM VRF "$",
     .kind = KIND_BGP_SUMMARY, TEXT(nxos_bgp_summary)},
    {.command = "show ip bgp all summary vrf all", .pattern = SH "ip bgp all " SUM VRF "$", .kind = KIND_BGP_SUMMARY, TEXT(nxos_bgp_summary)},

    /* ---- bgp_neighbors (a neighbor's routes are a BGP table, so they come first) ---- */
    {.command = "show bgp vrf all ipv4 unicast neighbors N routes | json",
     .pattern = SH "(?:ip bgp|bgp(?: vrf \\S+)? ipv[46] unicast) " NEI "(?: [0-9a-f.:]+)? (?:routes|received-routes|advertised-routes)" VRF JSON,
     .kind = KIND_BGP_TABLE, .whole = nxos_json_bgp_table},
    {.command = "show ip bgp | bgp ipv4|ipv6 unicast neighbors [N] [vrf X|all] | json", .pattern = SH "(?:ip bgp|bgp(?: vrf \\S+)?(?: ipv[46] unicast)?) " NEI ".*" JSON,
     .kind = KIND_BGP_NEIGHBORS, .whole = nxos_json_bgp_neighbors},
    {.command = "show ip bgp neighbors [N] [vrf X|all]", .pattern = SH "ip bgp " NEI "(?: [0-9a-f.:]+)?" VRF "$",
     .kind = KIND_BGP_NEIGHBORS, TEXT(nxos_bgp_neighbors)},
    {.command = "show bgp [vrf X|all] ipv4|ipv6 unicast|all neighbors [N] [vrf X|all]", .pattern = SH "bgp (?:vrf \\S+ )?(?:ipv[46] unicast|all) " NEI "(?: [0-9a-f.:]+)?" VRF "$",
     .kind = KIND_BGP_NEIGHBORS, TEXT(nxos_bgp_neighbors)},

    /* ---- bgp_table ---- */
    {.command = "show ip bgp | bgp ipv4|ipv6 unicast [vrf X|all] [PREFIX] | json", .pattern = SH "(?:ip bgp|bgp(?: vrf \\S+)? ipv[46] unicast)(?: .*)?" JSON,
     .kind = KIND_BGP_TABLE, .whole = nxos_json_bgp_table},
    {.command = "show bgp vrf all ipv4 unicast detail", .pattern = SH "(?:ip bgp|bgp(?: vrf \\S+)? ipv[46] unicast)(?: vrf \\S+)? detail$",
     .kind = KIND_BGP_TABLE, TEXT(nxos_bgp_detail)},
    {.command = "show ip bgp | bgp ipv4|ipv6 unicast [vrf X|all] PREFIX [vrf X]", .pattern = SH "(?:ip bgp|bgp(?: vrf \\S+)? ipv[46] unicast)(?: vrf \\S+)? [0-9a-f.:]+(?:/\\d+)?" VRF "$",
     .kind = KIND_BGP_TABLE, TEXT(nxos_bgp_detail)},
    {.command = "show bgp [vrf all] ipv4|ipv6 unicast neighbors N routes|advertised-routes",
     .pattern = SH "(?:ip bgp|bgp(?: vrf \\S+)? ipv[46] unicast) " NEI "(?: [0-9a-f.:]+)? (?:routes|received-routes|advertised-routes)" VRF "$",
     .kind = KIND_BGP_TABLE, TEXT(nxos_bgp_table)},
    {.command = "show ip bgp [vrf X|all]", .pattern = SH "(?:ip bgp|bgp(?: vrf \\S+)? ipv[46] unicast)" VRF "$",
     .kind = KIND_BGP_TABLE, TEXT(nxos_bgp_table)},
    {.command = "show bgp [vrf X|all] all", .pattern = SH "bgp(?: vrf \\S+)? all" VRF "$",
     .kind = KIND_BGP_TABLE, TEXT(nxos_bgp_table)},

    /* ---- routes ---- */
    {.command = "show ip[v6] route [vrf X|all] [PREFIX] | json", .pattern = SH "ipv?6? ?route(?: .*)?" JSON,
     .kind = KIND_ROUTES, .whole = nxos_json_route},
    {.command = "show ip[v6] route [vrf X|all] [PREFIX]", .pattern = SH "ip(?:v6)? route(?: [^|]*)?$",
     .kind = KIND_ROUTES, TEXT(nxos_route)},

    /* ---- arp ---- */
    {.command = "show ip arp [detail] [vrf X|all] | json", .pattern = SH "ip arp(?: .*)?" JSON, .kind = KIND_ARP, .whole = nxos_json_arp},
    {.command = "show ip arp [detail] [vrf X|all]", .pattern = SH "ip arp(?: detail)?" VRF "(?: detail)?(?: [0-9.]+)?$",
     .kind = KIND_ARP, TEXT(nxos_arp)},
    {.command = "show ipv6 neighbor [A] [vrf X|all] | json", .pattern = SH "ipv6 " NEI "(?: .*)?" JSON, .kind = KIND_ARP,
     .whole = nxos_json_arp},
    {.command = "show ipv6 neighbor [A] [vrf X|all]", .pattern = SH "ipv6 " NEI "(?: [0-9a-f:.]+)?" VRF "$",
     .kind = KIND_ARP, TEXT(nxos_arp)},

    /* ---- policy and configuration ---- */
    {.command = "show running-config bgp", .pattern = SH "run(?:n(?:i(?:n(?:g(?:-(?:c(?:o(?:n(?:f(?:i(?:g)?)?)?)?)?)?)?)?)?)?)? bgp(?: .*)?$",
     .kind = KIND_BGP_CONFIG, TEXT(nxos_bgp_config)},
    {.command = "show route-map [NAME]", .pattern = SH "route-map(?: \\S+)?$", .kind = KIND_ROUTE_MAPS, TEXT(nxos_route_map)},
    {.command = "show ip[v6] prefix-list [NAME]", .pattern = SH "ip(?:v6)? prefix-list(?: \\S+)?$", .kind = KIND_PREFIX_LISTS,
     TEXT(nxos_prefix_list)},
    {.command = "show ip community-list [NAME]", .pattern = SH "ip community-list(?: \\S+)?$", .kind = KIND_COMMUNITY_LISTS,
     TEXT(nxos_community_list)},
    {.command = "show bfd neighbors [details] [vrf X]", .pattern = SH "bfd " NEI "(?: details?)?" VRF "(?: details?)?$",
     .kind = KIND_BFD, TEXT(nxos_bfd)},
    {.command = "show version", .pattern = SH "ver(?:s(?:i(?:o(?:n)?)?)?)?$", .kind = KIND_VERSION, TEXT(nxos_version)},
};

const parser_vendor_t parser_vendor_nxos = {"nxos", "Cisco NX-OS", nxos_parsers, ARRAY_LEN(nxos_parsers)};
