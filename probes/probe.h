/* probe.h: the evidence a runbook step can ask for, named independently of any vendor.
 * probes/vendor_<v>.c maps each probe to that platform's command. */
#ifndef ERDIAG_PROBE_H
#define ERDIAG_PROBE_H

#include <stdbool.h>
#include <stddef.h>

#include "core/prefix.h" /* family_t */

typedef enum {
    PROBE_INTERFACES = 0, /* all interfaces, with counters */
    PROBE_INTERFACE,      /* one interface: {iface} */
    PROBE_IP_BRIEF,       /* interface / address overview */
    PROBE_BGP_SUMMARY,
    PROBE_BGP_NEIGHBOR,   /* {peer} */
    PROBE_BGP_CONFIG,     /* the BGP section of the running configuration */
    PROBE_PREFIX_LISTS,
    PROBE_ROUTE_MAPS,     /* route-maps / route-policies / policy-statements */
    PROBE_ROUTE_LOOKUP,   /* {prefix} */
    PROBE_BGP_PREFIX,     /* BGP paths for {prefix} */
    PROBE_BGP_RECEIVED,   /* what {peer} sent us (received or accepted routes) */
    PROBE_ARP,            /* ARP / ND entry for {peer} */
    PROBE_TRACEROUTE,     /* to {target}, from {source} when given */
    PROBE_TCP_179,        /* the router's own connect test to {peer} port 179, from {source}/{iface} when given */
    PROBE_BFD,
    PROBE_LOG_AUTH,       /* log lines that betray MD5 trouble (BADAUTH) */
    PROBE_VERSION,
    PROBE_PING,           /* the router's own ping to {peer}, from {source} when given */
    PROBE_BGP_ADVERTISED, /* what we send {peer} (advertised routes), for the circuit's two links */
    PROBE_COUNT
} probe_id_t;

/* Whether the probe reads the same thing for both families (interfaces, the BGP configuration,
 * route-maps, BFD, logs, the version): one command and one recording serve both. */
bool probe_family_neutral(probe_id_t id);
/* The file a recording keeps the probe's answer in for that family: "bgp_summary.txt" and, for
 * an IPv6 family-specific probe, "bgp_summary_v6.txt" (written into buf, size bytes). */
void probe_file_name(probe_id_t id, family_t f, char *buf, size_t size);

/* "bgp_summary", ...: stable names used in replay directories and the journal. */
const char *probe_name(probe_id_t id);
/* The probe with that name, or PROBE_COUNT. */
probe_id_t probe_from_name(const char *name);

#endif
