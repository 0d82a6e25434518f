/* junos_table.c: what erdiag parses from Juniper Junos, command by command.  Specific
 * patterns come before generic ones (first match wins); "| display json" forms first. */
#include "parsers/junos/junos.h"
#include "parsers/vendors.h"
#include "parsers/ping/ping.h"

#define SH "^sh(?:o|ow)? "
#define JSON " \\| display json$"
#define INTF "int(?:e(?:r(?:f(?:a(?:c(?:es?)?)?)?)?)?)?"
#define CONF "(?:conf(?:i(?:g(?:u(?:r(?:a(?:t(?:i(?:on?)?)?)?)?)?)?)?)? )"
#define DISPLAY_SET "(?: \\| display set(?: \\| except \\S+)?)?$"

static const parser_def_t junos_parsers[] = {
    PING_PARSER_DEF,
    /* ---- JSON ---- */
    {.command = "show interfaces terse | display json", .pattern = SH INTF "(?: \\S+)? terse(?: \\S+)?" JSON,
     .kind = KIND_INTERFACES, .whole = junos_json_interfaces},
    {.command = "show interfaces [IF] [detail|extensive] | display json", .pattern = SH INTF "(?: \\S+)*" JSON,
     .kind = KIND_INTERFACES, .whole = junos_json_interfaces},
    {.command = "show bgp summary [instance X] | display json", .pattern = SH "bgp sum\\w*(?: .*)?" JSON,
     .kind = KIND_BGP_SUMMARY, .whole = junos_json_bgp_summary},
    {.command = "show bgp neighbor [N] | display json", .pattern = SH "bgp nei\\w*(?: .*)?" JSON,
     .kind = KIND_BGP_NEIGHBORS, .whole = junos_json_bgp_neighbor},
    {.command = "show route receive-protocol|advertising-protocol bgp N | display json",
     .pattern = SH "route (?:.* )?(?:receive|advertising)-protocol bgp \\S+(?: .*)?" JSON, .kind = KIND_BGP_TABLE,
     .whole = junos_json_bgp_table},
    {.command = "show route summary | display json", .pattern = SH "route sum\\w*(?: .*)?" JSON,
     .kind = KIND_ROUTE_SUMMARY, .whole = junos_json_route_summary},
    {.command = "show route [A.B.C.D] [table X] [detail] | display json", .pattern = SH "route(?: .*)?" JSON,
     .kind = KIND_ROUTES, .whole = junos_json_route},
    {.command = "show ipv6 neighbors [ADDRESS] | display json", .pattern = SH "ipv6 nei\\w*(?: .*)?" JSON,
     .kind = KIND_ARP, .whole = junos_json_nd},
    {.command = "show arp [no-resolve] | display json", .pattern = SH "arp(?: .*)?" JSON, .kind = KIND_ARP,
     .whole = junos_json_arp},
    /* ---- text ---- */
    {.command = "show interfaces terse", .pattern = SH INTF "(?: \\S+)? terse(?: \\S+)?$", .kind = KIND_INTERFACES,
     .state_size = sizeof(junos_terse_state_t), .line = junos_terse_line, .finish = junos_terse_finish},
    {.command = "show interfaces [IF] [detail|extensive]",
     .pattern = SH INTF "(?: (?!desc)[\\w./:-]+)*$", .kind = KIND_INTERFACES,
     .state_size = sizeof(junos_if_state_t), .line = junos_interfaces_line, .finish = junos_interfaces_finish},
    {.command = "show bgp summary [instance X]", .pattern = SH "bgp sum(?:m(?:a(?:ry?)?)?)?(?: .*)?$",
     .kind = KIND_BGP_SUMMARY, .state_size = sizeof(junos_bgp_summary_state_t), .line = junos_bgp_summary_line,
     .finish = junos_bgp_summary_finish},
    {.command = "show bgp neighbor [N] [instance X]", .pattern = SH "bgp nei(?:g(?:h(?:b(?:o(?:rs?)?)?)?)?)?(?: .*)?$",
     .kind = KIND_BGP_NEIGHBORS, .state_size = sizeof(junos_bgp_neighbor_state_t),
     .line = junos_bgp_neighbor_line, .finish = junos_bgp_neighbor_finish},
    {.command = "show route summary", .pattern = SH "route sum(?:m(?:a(?:ry?)?)?)?(?: .*)?$",
     .kind = KIND_ROUTE_SUMMARY, .state_size = sizeof(junos_route_summary_state_t),
     .line = junos_route_summary_line, .finish = junos_route_summary_finish},
    {.command = "show route receive-protocol|advertising-protocol bgp N",
     .pattern = SH "route (?:.* )?(?:receive|advertising)-protocol bgp \\S+(?: .*)?$", .kind = KIND_BGP_TABLE,
     .state_size = sizeof(junos_bgp_table_state_t), .line = junos_bgp_table_line,
     .finish = junos_bgp_table_finish},
    {.command = "show route [A.B.C.D] [table X] [protocol P] [detail|extensive]", .pattern = SH "route(?: .*)?$",
     .kind = KIND_ROUTES, .state_size = sizeof(junos_route_state_t), .line = junos_route_line,
     .finish = junos_route_finish},
    {.command = "show arp [no-resolve] [interface X]", .pattern = SH "arp(?: .*)?$", .kind = KIND_ARP,
     .state_size = sizeof(junos_arp_state_t), .line = junos_arp_line,
     .finish = junos_arp_finish},
    {.command = "show ipv6 neighbors [ADDRESS]", .pattern = SH "ipv6 nei(?:g(?:h(?:b(?:o(?:rs?)?)?)?)?)?(?: .*)?$",
     .kind = KIND_ARP, .state_size = sizeof(junos_nd_state_t), .line = junos_nd_line, .finish = junos_nd_finish},
    {.command = "show version", .pattern = SH "ver(?:s(?:i(?:on?)?)?)?(?: .*)?$", .kind = KIND_VERSION,
     .state_size = sizeof(junos_record_state_t), .line = junos_version_line, .finish = junos_version_finish},
    {.command = "show bfd session [detail]", .pattern = SH "bfd sess\\w*(?: .*)?$", .kind = KIND_BFD,
     .state_size = sizeof(junos_record_state_t), .line = junos_bfd_line, .finish = junos_bfd_finish},
    /* The whole configuration reads as its BGP neighbors (with routing-options' AS/router-id). */
    {.command = "show configuration [protocols bgp] [| display set]",
     .pattern = SH "(?:conf\\w*" DISPLAY_SET "|" CONF "(?:routing-instances(?: \\S+)?(?: protocols bgp(?: .*?)?)?|protocols bgp(?: [^|]*)?)" DISPLAY_SET ")",
     .kind = KIND_BGP_CONFIG, .state_size = sizeof(junos_bgp_config_state_t), .line = junos_bgp_config_line,
     .finish = junos_bgp_config_finish},
    {.command = "show configuration policy-options prefix-list [NAME] [| display set]",
     .pattern = SH CONF "?policy-options prefix-list(?: [^|]*)?" DISPLAY_SET, .kind = KIND_PREFIX_LISTS,
     .state_size = sizeof(junos_prefix_list_state_t), .line = junos_prefix_list_line,
     .finish = junos_prefix_list_finish},
    {.command = "show configuration policy-options [| display set]",
     .pattern = SH CONF "?policy-options(?: policy-statement(?: [^|]*)?)?" DISPLAY_SET, .kind = KIND_ROUTE_MAPS,
     .state_size = sizeof(junos_policy_state_t), .line = junos_policy_line, .finish = junos_policy_finish},
    {.command = "traceroute X [no-resolve] [source S] [routing-instance V]", .pattern = "^traceroute(?: .*)?$",
     .kind = KIND_TRACEROUTE, .state_size = sizeof(junos_trace_state_t), .line = junos_traceroute_line,
     .finish = junos_traceroute_finish},
    {.command = "telnet X port 179", .pattern = "^telnet \\S+(?: .*)?$", .kind = KIND_TCP_TEST,
     .state_size = sizeof(junos_record_state_t), .line = junos_telnet_line, .finish = junos_telnet_finish},
};

const parser_vendor_t parser_vendor_junos = {"junos", "Juniper Junos", junos_parsers, ARRAY_LEN(junos_parsers)};
