/* runbook_tables.c: the steps of each runbook, in the order an engineer works through them. */
#include "framework/steps.h"

const step_def_t bgp_steps[] = {
    {"physical", "Physical layer", step_physical, NEED(PROBE_INTERFACES) | NEED(PROBE_ARP)},
    {"arp", "ARP / neighbor discovery", step_arp, NEED(PROBE_ARP) | NEED(PROBE_INTERFACES)},
    {"bgp_config", "BGP configuration", step_bgp_config,
     NEED(PROBE_BGP_CONFIG) | NEED(PROBE_BGP_NEIGHBOR) | NEED(PROBE_BGP_SUMMARY) | NEED(PROBE_BFD) | NEED(PROBE_LOG_AUTH)},
    {"addressing", "IP addressing", step_addressing, NEED(PROBE_INTERFACES) | NEED(PROBE_BGP_CONFIG) | NEED(PROBE_BGP_NEIGHBOR)},
    {"route_filters", "Route filters", step_route_filters,
     NEED(PROBE_BGP_CONFIG) | NEED(PROBE_BGP_NEIGHBOR) | NEED(PROBE_BGP_SUMMARY) | NEED(PROBE_PREFIX_LISTS) |
         NEED(PROBE_ROUTE_MAPS)},
    {"tcp179", "TCP 179", step_tcp179,
     NEED(PROBE_TCP_179) | NEED(PROBE_PING) | NEED_CONSOLE_TCP | NEED(PROBE_BGP_NEIGHBOR) | NEED(PROBE_BGP_SUMMARY) |
         NEED(PROBE_BGP_CONFIG) | NEED(PROBE_INTERFACES) | NEED(PROBE_LOG_AUTH)},
    {"session", "Session state and last error", step_session,
     NEED(PROBE_BGP_NEIGHBOR) | NEED(PROBE_BGP_SUMMARY) | NEED(PROBE_BGP_CONFIG) | NEED(PROBE_LOG_AUTH)},
};
const size_t bgp_n_steps = sizeof(bgp_steps) / sizeof(bgp_steps[0]);

const step_def_t asym_steps[] = {
    {"forward_trace", "Forward trace (on-prem to Azure)", step_forward_trace, NEED_FORWARD_TRACE},
    {"reverse_trace", "Reverse trace (Azure to on-prem)", step_reverse_trace, NEED_REVERSE_TRACE},
    {"path_compare", "Path comparison", step_path_compare, NEED_FORWARD_TRACE | NEED_REVERSE_TRACE},
    {"edge_routes", "Edge route lookups", step_edge_routes, NEED(PROBE_ROUTE_LOOKUP) | NEED_ONPREM_ROUTE | NEED(PROBE_BGP_PREFIX)},
    {"azure_routes", "Azure effective routes", step_azure_routes, NEED_AZURE_ROUTES},
};
const size_t asym_n_steps = sizeof(asym_steps) / sizeof(asym_steps[0]);

const step_def_t *runbook_steps(runbook_id_t rb, size_t *n)
{
    *n = rb == RUNBOOK_ASYM ? asym_n_steps : bgp_n_steps;
    return rb == RUNBOOK_ASYM ? asym_steps : bgp_steps;
}

uint32_t runbook_need_bit(const probe_request_t *req, bool reverse)
{
    if (reverse)
        return NEED_REVERSE_TRACE;
    if (req->slot == SLOT_FORWARD_TRACE)
        return NEED_FORWARD_TRACE;
    if (req->slot == SLOT_ONPREM_ROUTE)
        return NEED_ONPREM_ROUTE;
    return NEED(req->probe);
}
