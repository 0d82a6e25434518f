/* runbook_tables.c: the steps of each runbook, in the order an engineer works through them,
 * each with what it reads and, for the console, what it checks and why in a few sentences. */
#include <string.h>

#include "framework/steps.h"

/* ---- what each step checks and why (ExpressRoute facts: ../shared/reference/expressroute.md) ---- */

static const char explain_physical[] =
    "Checks that the interface holding the peering /30 is up (admin and line protocol) and that its "
    "error counters (CRC, input errors, carrier transitions) do not grow between two polls. Nothing "
    "above layer 1 works without it: a down link explains every later failure, and rising CRC errors "
    "drop BGP keepalives until the hold timer (180 s on Microsoft's side) expires.";

static const char explain_arp[] =
    "Checks that the CE has a complete ARP (or IPv6 neighbor) entry for Microsoft's address, the second "
    "usable address of the /30. An incomplete entry means the MSEE does not answer on this VLAN: check "
    "the C-Tag/S-Tag with the provider. If the peer's address belongs to the CE itself, the two "
    "addresses were swapped (the customer takes the first usable address, Microsoft the second).";

static const char explain_bgp_config[] =
    "Reads the CE's BGP configuration and the neighbor's negotiated state: the peer AS must be 12076 "
    "(Microsoft), the local AS the one the peering in Azure names, the timers compatible with Microsoft's "
    "fixed 60/180 s (30/90 is AWS's default, not Azure's), and an MD5 key on both sides or on neither. "
    "BFD, enabled by default on the MSEE, should be up while BGP is.";

static const char explain_addressing[] =
    "Compares the interface address, the session's source and the configured peer with the subnet "
    "assigned to this link. In each /30 (or /126) the customer router uses the first usable address "
    "and Microsoft the second; a primary link takes the first /30 of the /29, the secondary the second. "
    "A wrong or swapped address keeps the session from ever opening.";

static const char explain_route_filters[] =
    "Evaluates the inbound prefix-lists and route-maps against the prefixes Microsoft should send, and "
    "compares prefixes received with those accepted. Also checks the route limits: Microsoft drops the "
    "session when the CE advertises more than 4,000 prefixes (10,000 with Premium, 200 on Microsoft "
    "peering), and the CE's own maximum-prefix may cut the session on what Azure sends.";

static const char explain_tcp179[] =
    "Asks whether BGP's TCP port 179 gets through on the CE-to-Microsoft path, from the CE's own "
    "evidence: its telnet to port 179 from the session's source, its ping to the peer, the session's "
    "state and connection history. A test from this console only corroborates: its path (a "
    "management network) does not cross the peering link. An MD5 mismatch also looks like a filter.";

static const char explain_session[] =
    "Reads the session's state and the last NOTIFICATION, which names why BGP closed: 2/2 bad peer AS, "
    "2/6 unacceptable hold time, 4/0 hold timer expired (often layer 1), 6/x Cease (6/1 a prefix "
    "limit, 6/2 an admin shutdown). An MD5 mismatch sends no NOTIFICATION at all: the session sits in "
    "Active or Connect and the log shows BADAUTH / Invalid MD5 digest.";

static const char explain_forward_trace[] =
    "Traces from the edge (or on-prem host) to the Azure VM and labels each hop: the CE is the first "
    "usable address of the /30, the MSEE the second. The path should cross the ExpressRoute link; a "
    "hop out to the internet means on-prem routing prefers another way to that prefix.";

static const char explain_reverse_trace[] =
    "Reads the trace back from the Azure VM to the on-prem source (run on the VM and imported, or "
    "traced from the reverse_from host) and labels each hop the same way. The return must cross the "
    "same circuit: Azure prefers ExpressRoute for an equally specific prefix, and a UDR can override it.";

static const char explain_path_compare[] =
    "Compares both directions. Traffic that leaves over ExpressRoute and returns over the internet (or "
    "over the other link of the pair) is dropped by stateful firewalls that saw only one half of the "
    "flow. Microsoft's routers do not mind asymmetry; your firewalls do.";

static const char explain_edge_routes[] =
    "Looks up the VM's prefix and the on-prem source on the edge: the VM's prefix should be learned "
    "from AS 12076 with the region community (12076:50xxx on private peering), not from an internet "
    "default. Local preference and AS path decide which circuit wins; a maintenance prepend on one link "
    "must not be ignored.";

static const char explain_azure_routes[] =
    "Reads the VM NIC's effective routes (az network nic show-effective-route-table) and finds the one "
    "Azure uses for the on-prem source: it should point to the virtual network gateway. A UDR to a "
    "virtual appliance (forced tunneling) or to Internet sends the return traffic elsewhere.";

const step_def_t bgp_steps[] = {
    {"physical", "Physical layer", step_physical, NEED(PROBE_INTERFACES) | NEED(PROBE_ARP) | NEED(PROBE_IP_BRIEF),
     explain_physical},
    {"arp", "ARP / neighbor discovery", step_arp, NEED(PROBE_ARP) | NEED(PROBE_INTERFACES) | NEED(PROBE_IP_BRIEF),
     explain_arp},
    {"bgp_config", "BGP configuration", step_bgp_config,
     NEED(PROBE_BGP_CONFIG) | NEED(PROBE_BGP_NEIGHBOR) | NEED(PROBE_BGP_SUMMARY) | NEED(PROBE_BFD) | NEED(PROBE_LOG_AUTH),
     explain_bgp_config},
    {"addressing", "IP addressing", step_addressing,
     NEED(PROBE_INTERFACES) | NEED(PROBE_BGP_CONFIG) | NEED(PROBE_BGP_NEIGHBOR) | NEED(PROBE_IP_BRIEF),
     explain_addressing},
    {"route_filters", "Route filters", step_route_filters,
     NEED(PROBE_BGP_CONFIG) | NEED(PROBE_BGP_NEIGHBOR) | NEED(PROBE_BGP_SUMMARY) | NEED(PROBE_PREFIX_LISTS) |
         NEED(PROBE_ROUTE_MAPS) | NEED(PROBE_BGP_ADVERTISED),
     explain_route_filters},
    {"tcp179", "TCP 179", step_tcp179,
     NEED(PROBE_TCP_179) | NEED(PROBE_PING) | NEED_CONSOLE_TCP | NEED(PROBE_BGP_NEIGHBOR) | NEED(PROBE_BGP_SUMMARY) |
         NEED(PROBE_BGP_CONFIG) | NEED(PROBE_INTERFACES) | NEED(PROBE_LOG_AUTH),
     explain_tcp179},
    {"session", "Session state and last error", step_session,
     NEED(PROBE_BGP_NEIGHBOR) | NEED(PROBE_BGP_SUMMARY) | NEED(PROBE_BGP_CONFIG) | NEED(PROBE_LOG_AUTH), explain_session},
};
const size_t bgp_n_steps = sizeof(bgp_steps) / sizeof(bgp_steps[0]);

const step_def_t asym_steps[] = {
    {"forward_trace", "Forward trace (on-prem to Azure)", step_forward_trace, NEED_FORWARD_TRACE, explain_forward_trace},
    {"reverse_trace", "Reverse trace (Azure to on-prem)", step_reverse_trace, NEED_REVERSE_TRACE, explain_reverse_trace},
    {"path_compare", "Path comparison", step_path_compare, NEED_FORWARD_TRACE | NEED_REVERSE_TRACE, explain_path_compare},
    {"edge_routes", "Edge route lookups", step_edge_routes, NEED(PROBE_ROUTE_LOOKUP) | NEED_ONPREM_ROUTE | NEED(PROBE_BGP_PREFIX),
     explain_edge_routes},
    {"azure_routes", "Azure effective routes", step_azure_routes, NEED_AZURE_ROUTES, explain_azure_routes},
};
const size_t asym_n_steps = sizeof(asym_steps) / sizeof(asym_steps[0]);

const step_def_t *runbook_steps(runbook_id_t rb, size_t *n)
{
    *n = rb == RUNBOOK_ASYM ? asym_n_steps : bgp_n_steps;
    return rb == RUNBOOK_ASYM ? asym_steps : bgp_steps;
}

const char *runbook_step_explain(runbook_id_t rb, const char *step_id)
{
    size_t n;
    const step_def_t *steps = runbook_steps(rb, &n);
    for (size_t i = 0; step_id && i < n; i++)
        if (strcmp(steps[i].id, step_id) == 0)
            return steps[i].explain;
    return NULL;
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
