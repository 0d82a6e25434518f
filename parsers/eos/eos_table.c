/* eos_table.c: what erdiag parses from Arista EOS, command by command.
 * Patterns run over the normalised command; "| json" forms come first, specific before generic. */
#include "parsers/eos/eos.h"
#include "parsers/trace/trace.h"
#include "parsers/vendors.h"
#include "parsers/ping/ping.h"

#define SH "^sh(o(w)?)? "
#define VRF "( vrf \\S+)?"
#define JSON " \\| json$"

static const parser_def_t eos_parsers[] = {
    PING_PARSER_DEF,
    /* ---- | json ---- */
    {.command = "show interfaces | json", .pattern = SH "int(e(r(f(a(c(e(s)?)?)?)?)?)?)?( \\S+)?" JSON,
     .kind = KIND_INTERFACES, .whole = eos_json_interfaces},
    {.command = "show ip interface brief | json", .pattern = SH "ip int\\S* br\\S*( \\S+)?" JSON,
     .kind = KIND_INTERFACES, .whole = eos_json_ip_int_brief},
    {.command = "show ip|ipv6 bgp summary [vrf X] | json", .pattern = SH "(ip|ipv6) bgp sum\\S*" VRF JSON,
     .kind = KIND_BGP_SUMMARY, .whole = eos_json_bgp_summary},
    {.command = "show bgp evpn summary | json",
     .pattern = SH "bgp( (evpn|ipv4 unicast|ipv6 unicast))?" VRF " sum\\S*" VRF JSON,
     .kind = KIND_BGP_SUMMARY, .whole = eos_json_bgp_summary},
    {.command = "show ip|ipv6 bgp neighbors|peers [N] [vrf X] | json", .pattern = SH "(ip |ipv6 )?bgp (nei\\S*|peers?)( [0-9a-f.:]+)?" VRF JSON,
     .kind = KIND_BGP_NEIGHBORS, .whole = eos_json_bgp_neighbors},
    {.command = "show ip|ipv6 bgp [PREFIX] | json", .pattern = SH "(ip|ipv6) bgp( .*)?" JSON,
     .kind = KIND_BGP_TABLE, .whole = eos_json_bgp_table},
    {.command = "show ip|ipv6 route [vrf X] [PREFIX] | json", .pattern = SH "(ip|ipv6) ro\\S*( .*)?" JSON,
     .kind = KIND_ROUTES, .whole = eos_json_routes},
    {.command = "show ipv6 neighbors | json", .pattern = SH "ipv6 nei\\S*( .*)?" JSON,
     .kind = KIND_ARP, .whole = eos_json_arp},
    {.command = "show ipv6 interface brief | json", .pattern = SH "ipv6 int\\S* br\\S*( \\S+)?" JSON,
     .kind = KIND_INTERFACES, .whole = eos_json_ip_int_brief},
    {.command = "show ip arp | json", .pattern = SH "(ip )?arp( .*)?" JSON,
     .kind = KIND_ARP, .whole = eos_json_arp},
    {.command = "show version | json", .pattern = SH "ver\\S*" JSON,
     .kind = KIND_VERSION, .whole = eos_json_version},
    {.command = "show bfd peers | json", .pattern = SH "bfd (peers?|neighbors?)( .*)?" JSON,
     .kind = KIND_BFD, .whole = eos_json_bfd},
    /* ---- text ---- */
    {.command = "show ipv6 interface brief", .pattern = SH "ipv6 int\\S* br\\S*( \\S+)?$",
     .kind = KIND_INTERFACES, .state_size = EOS_STATE_SIZE, .line = eos_ipv6_int_brief_line, .finish = eos_ipv6_int_brief_finish},
    {.command = "show ip interface brief", .pattern = SH "ip int\\S* br\\S*( \\S+)?$",
     .kind = KIND_INTERFACES, .state_size = EOS_STATE_SIZE, .line = eos_ip_int_brief_line},
    {.command = "show interfaces", .pattern = SH "int(e(r(f(a(c(e(s)?)?)?)?)?)?)?( \\S+)?$",
     .kind = KIND_INTERFACES, .state_size = EOS_STATE_SIZE, .line = eos_interfaces_line, .finish = eos_interfaces_finish},
    {.command = "show ip|ipv6 bgp summary [vrf X]", .pattern = SH "(ip|ipv6) bgp sum\\S*" VRF "$",
     .kind = KIND_BGP_SUMMARY, .state_size = EOS_STATE_SIZE, .line = eos_bgp_summary_line},
    {.command = "show bgp evpn summary", .pattern = SH "bgp( (evpn|ipv4 unicast|ipv6 unicast))?" VRF " sum\\S*" VRF "$",
     .kind = KIND_BGP_SUMMARY, .state_size = EOS_STATE_SIZE, .line = eos_bgp_summary_line},
    {.command = "show ip|ipv6 bgp neighbors|peers N advertised-routes|received-routes",
     .pattern = SH "(ip |ipv6 )?bgp (nei\\S*|peers?) \\S+ (advertised-routes|received-routes|routes)" VRF "$",
     .kind = KIND_BGP_TABLE, .state_size = EOS_STATE_SIZE, .line = eos_bgp_table_line, .finish = eos_bgp_table_finish},
    {.command = "show ip|ipv6 bgp neighbors|peers [N] [vrf X]", .pattern = SH "(ip |ipv6 )?bgp (nei\\S*|peers?)( [0-9a-f.:]+)?" VRF "$",
     .kind = KIND_BGP_NEIGHBORS, .state_size = EOS_STATE_SIZE, .line = eos_bgp_neighbors_line, .finish = eos_bgp_neighbors_finish},
    {.command = "show ip|ipv6 bgp [PREFIX] [vrf X]", .pattern = SH "(ip|ipv6) bgp( detail)?( [0-9a-f.:/]+)?" VRF "( detail)?$",
     .kind = KIND_BGP_TABLE, .state_size = EOS_STATE_SIZE, .line = eos_bgp_table_line, .finish = eos_bgp_table_finish},
    {.command = "show bgp ipv4|ipv6 unicast [PREFIX]", .pattern = SH "bgp (ipv4|ipv6) unicast( detail)?( [0-9a-f.:/]+)?" VRF "( detail)?$",
     .kind = KIND_BGP_TABLE, .state_size = EOS_STATE_SIZE, .line = eos_bgp_table_line, .finish = eos_bgp_table_finish},
    {.command = "show ip|ipv6 route [vrf X] [PREFIX]", .pattern = SH "(ip|ipv6) ro\\S*" VRF "( [0-9a-f.:/]+)?( longer-prefixes| detail)?" VRF "$",
     .kind = KIND_ROUTES, .state_size = EOS_STATE_SIZE, .line = eos_routes_line, .finish = eos_routes_finish},
    {.command = "show ipv6 neighbors [vrf X] [A]", .pattern = SH "ipv6 nei\\S*" VRF "( [0-9a-f:.]+)?" VRF "$", .kind = KIND_ARP,
     .state_size = EOS_STATE_SIZE, .line = eos_arp_line},
    {.command = "show ip arp [vrf X] [A.B.C.D]", .pattern = SH "(ip )?arp" VRF "( [0-9a-f.:]+)?$", .kind = KIND_ARP, .state_size = EOS_STATE_SIZE, .line = eos_arp_line},
    {.command = "show version", .pattern = SH "ver\\S*$", .kind = KIND_VERSION,
     .state_size = EOS_STATE_SIZE, .line = eos_version_line, .finish = eos_version_finish},
    {.command = "show bfd peers", .pattern = SH "bfd (peers?|neighbors?)( .*)?$", .kind = KIND_BFD,
     .state_size = EOS_BFD_STATE_SIZE, .line = eos_bfd_line, .finish = eos_bfd_finish},
    {.command = "show ip|ipv6 prefix-list", .pattern = SH "(ip|ipv6) prefix-list( \\S+)?$", .kind = KIND_PREFIX_LISTS,
     .state_size = EOS_STATE_SIZE, .line = eos_prefix_list_line},
    {.command = "show route-map", .pattern = SH "route-map( \\S+)?$", .kind = KIND_ROUTE_MAPS,
     .state_size = EOS_STATE_SIZE, .line = eos_route_map_line, .finish = eos_route_map_finish},
    {.command = "show running-config section router bgp",
     .pattern = SH "run\\S*( config)?( \\|)? (section|sec) (router )?bgp$|" SH "run\\S*( config)? router bgp$",
     .kind = KIND_BGP_CONFIG, .state_size = EOS_CONFIG_STATE_SIZE, .line = eos_bgp_config_line, .finish = eos_bgp_config_finish},
    {.command = "traceroute", .pattern = "^traceroute( .*)?$", .kind = KIND_TRACEROUTE, .state_size = sizeof(trace_state_t), .line = trace_linux_line, .finish = trace_finish},
};

const parser_vendor_t parser_vendor_eos = {"eos", "Arista EOS", eos_parsers, ARRAY_LEN(eos_parsers)};
