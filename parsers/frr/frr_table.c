/* frr_table.c: what erdiag parses from FRRouting (vtysh), command by command.
 *
 * Patterns match the normalised command (lower case, single spaces).  The " json" forms come
 * first (same command + " json"), then the specific forms, then the generic ones: "show bgp
 * ... summary" and "show bgp neighbors" before the bare "show bgp [PREFIX]". */
#include "parsers/frr/frr.h"
#include "parsers/trace/trace.h"
#include "parsers/vendors.h"
#include "parsers/ping/ping.h"

#define SH "^sh(?:o(?:w)?)? "
#define BGP "(?:ip )?bgp(?: vrf \\S+)?(?: (?:ipv4|ipv6|all)(?: (?:unicast|multicast))?)?(?: vrf \\S+)?"
#define NEI "nei(?:g(?:h(?:b(?:o(?:r(?:s)?)?)?)?)?)?"
#define INT "int(?:e(?:r(?:f(?:a(?:c(?:e)?)?)?)?)?)?"
#define ROUTE "(?:ip|ipv6) ro(?:u(?:t(?:e)?)?)?(?: vrf \\S+)?(?! summ)"

#define TEXT(cmd, pat, k, st, fn)                                                                 \
    {.command = cmd, .pattern = pat, .kind = k, .state_size = sizeof(st), .line = frr_##fn##_line, \
     .finish = frr_##fn##_finish}
#define JSON(cmd, pat, k, fn) {.command = cmd, .pattern = pat, .kind = k, .whole = frr_##fn##_json}

static const parser_def_t frr_parsers[] = {
    PING_PARSER_DEF,
    /* vtysh's traceroute is the system's (Linux) traceroute */
    {.command = "traceroute A.B.C.D", .pattern = "^traceroute \\S+$", .kind = KIND_TRACEROUTE,
     .state_size = sizeof(trace_state_t), .line = trace_linux_line, .finish = trace_finish},
    /* ---- json ---- */
    JSON("show interface json", SH INT "(?: vrf \\S+)?(?: \\S+)? json$", KIND_INTERFACES, interface),
    JSON("show bgp summary json", SH BGP " summ(?:a(?:r(?:y)?)?)?(?: established| failed)? json$", KIND_BGP_SUMMARY,
         bgp_summary),
    JSON("show ip bgp neighbors advertised-routes json",
         SH BGP " " NEI "(?: \\S+)? (?:advertised|received)-routes json$", KIND_BGP_TABLE, bgp_table),
    JSON("show bgp neighbors json", SH BGP " " NEI "(?: \\S+)? json$", KIND_BGP_NEIGHBORS, bgp_neighbors),
    JSON("show ip route json", SH ROUTE "(?: \\S+)*? json$", KIND_ROUTES, route),
    JSON("show bfd peers json", SH "bfd(?: vrf \\S+)? peers?(?: \\S+)*? json$", KIND_BFD, bfd),
    JSON("show ip bgp json", SH BGP "(?: \\S+)*? json$", KIND_BGP_TABLE, bgp_table),
    /* ---- text ---- */
    TEXT("show interface", SH INT "(?! brief)(?: vrf \\S+)?(?: \\S+)?$", KIND_INTERFACES, frr_interface_state_t,
         interface),
    TEXT("show interface brief", SH INT "(?: vrf \\S+)? brief$", KIND_INTERFACES, frr_int_brief_state_t, int_brief),
    {.command = "show bgp summary", .pattern = SH BGP " summ(?:a(?:r(?:y)?)?)?(?: established| failed)?$",
     .kind = KIND_BGP_SUMMARY, .state_size = sizeof(frr_bgp_summary_state_t), .line = frr_bgp_summary_line,
     .finish = frr_bgp_summary_finish,
     /* the table header a filtered answer lost (parser_def_t.filter_header) */
     .filter_header = "Neighbor        V         AS   MsgRcvd   MsgSent   TblVer  InQ OutQ  Up/Down State/PfxRcd   PfxSnt Desc"},
    TEXT("show ip bgp neighbors advertised-routes", SH BGP " " NEI "(?: \\S+)? (?:advertised|received)-routes$",
         KIND_BGP_TABLE, frr_bgp_table_state_t, bgp_table),
    TEXT("show ip bgp neighbors routes", SH BGP " " NEI "(?: \\S+)? routes$", KIND_BGP_TABLE, frr_bgp_table_state_t,
         bgp_table),
    TEXT("show bgp neighbors", SH BGP " " NEI "(?: \\S+)?$", KIND_BGP_NEIGHBORS, frr_bgp_neighbors_state_t,
         bgp_neighbors),
    TEXT("show ip route", SH ROUTE "(?: \\S+)*$", KIND_ROUTES, frr_route_state_t, route),
    TEXT("show ip bgp", SH BGP "(?: [0-9a-f:.]+(?:/\\d+)?)?(?: longer-prefixes| bestpath| multipath)?$",
         KIND_BGP_TABLE, frr_bgp_table_state_t, bgp_table),
    TEXT("show running-config", SH "run(?:n(?:i(?:n(?:g(?:-(?:c(?:o(?:n(?:f(?:i(?:g)?)?)?)?)?)?)?)?)?)?)?(?: .*)?$",
         KIND_BGP_CONFIG, frr_bgp_config_state_t, bgp_config),
    {.command = "show ip prefix-list", .pattern = SH "(?:ip|ipv6) prefix-list(?: .*)?$", .kind = KIND_PREFIX_LISTS,
     .state_size = sizeof(frr_prefix_list_state_t), .line = frr_prefix_list_line},
    TEXT("show route-map", SH "route-map(?: \\S+)?$", KIND_ROUTE_MAPS, frr_route_map_state_t, route_map),
    TEXT("show bfd peers", SH "bfd(?: vrf \\S+)? peers?(?! brief)(?: \\S+)*$", KIND_BFD, frr_bfd_state_t, bfd),
    TEXT("show version", SH "ver(?:s(?:i(?:o(?:n)?)?)?)?$", KIND_VERSION, frr_version_state_t, version),
};

const parser_vendor_t parser_vendor_frr = {"frr", "FRRouting (vtysh)", frr_parsers, ARRAY_LEN(frr_parsers)};
