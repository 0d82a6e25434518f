/* probe.c: probe names. */
#include "probes/probe.h"

#include <stdio.h>
#include <string.h>

static const char *const probe_names[PROBE_COUNT] = {
    [PROBE_INTERFACES] = "interfaces", [PROBE_INTERFACE] = "interface",
    [PROBE_IP_BRIEF] = "ip_brief", [PROBE_BGP_SUMMARY] = "bgp_summary",
    [PROBE_BGP_NEIGHBOR] = "bgp_neighbor", [PROBE_BGP_CONFIG] = "bgp_config",
    [PROBE_PREFIX_LISTS] = "prefix_lists", [PROBE_ROUTE_MAPS] = "route_maps",
    [PROBE_ROUTE_LOOKUP] = "route_lookup", [PROBE_BGP_PREFIX] = "bgp_prefix",
    [PROBE_BGP_RECEIVED] = "bgp_received", [PROBE_ARP] = "arp",
    [PROBE_TRACEROUTE] = "traceroute", [PROBE_TCP_179] = "tcp_179", [PROBE_BFD] = "bfd",
    [PROBE_LOG_AUTH] = "log_auth", [PROBE_VERSION] = "version", [PROBE_PING] = "ping",
    [PROBE_BGP_ADVERTISED] = "bgp_advertised",
};

const char *probe_name(probe_id_t id)
{
    return id < PROBE_COUNT ? probe_names[id] : "unknown";
}

probe_id_t probe_from_name(const char *name)
{
    for (int i = 0; i < PROBE_COUNT; i++)
        if (strcmp(name, probe_names[i]) == 0)
            return (probe_id_t)i;
    return PROBE_COUNT;
}

bool probe_family_neutral(probe_id_t id)
{
    switch (id) {
    case PROBE_INTERFACES:
    case PROBE_INTERFACE:
    case PROBE_BGP_CONFIG:
    case PROBE_ROUTE_MAPS:
    case PROBE_BFD:
    case PROBE_LOG_AUTH:
    case PROBE_VERSION:
        return true;
    default:
        return false;
    }
}

void probe_file_name(probe_id_t id, family_t f, char *buf, size_t size)
{
    bool v6 = f == FAMILY_IPV6 && !probe_family_neutral(id);
    snprintf(buf, size, "%s%s.txt", probe_name(id), v6 ? "_v6" : "");
}
