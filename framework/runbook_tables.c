/* runbook_tables.c: the steps of each runbook, in the order an engineer works through them. */
#include "framework/steps.h"

const step_def_t bgp_steps[] = {
    {"physical", "Physical layer", step_physical},
    {"arp", "ARP / neighbor discovery", step_arp},
    {"bgp_config", "BGP configuration", step_bgp_config},
    {"addressing", "IP addressing", step_addressing},
    {"route_filters", "Route filters", step_route_filters},
    {"tcp179", "TCP 179", step_tcp179},
    {"session", "Session state and last error", step_session},
};
const size_t bgp_n_steps = sizeof(bgp_steps) / sizeof(bgp_steps[0]);

const step_def_t asym_steps[] = {
    {"forward_trace", "Forward trace (on-prem to Azure)", step_forward_trace},
    {"reverse_trace", "Reverse trace (Azure to on-prem)", step_reverse_trace},
    {"path_compare", "Path comparison", step_path_compare},
    {"edge_routes", "Edge route lookups", step_edge_routes},
    {"azure_routes", "Azure effective routes", step_azure_routes},
};
const size_t asym_n_steps = sizeof(asym_steps) / sizeof(asym_steps[0]);
