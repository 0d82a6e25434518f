/* remedy_context.h: the values a remedy's {placeholders} take for one device, read from the
 * evidence (the interface holding the peering subnet, the neighbor's BGP group, policies and
 * AS, the prefix-list entries) and the inventory (addresses, ASNs, the circuit).  Pure: it
 * reads records, never a device. */
#ifndef ERDIAG_REMEDY_CONTEXT_H
#define ERDIAG_REMEDY_CONTEXT_H

#include <stdbool.h>
#include <stddef.h>

#include "framework/runbook.h"

#define REMEDY_MAX_VALUES 40

/* Everything the evidence told us; an empty string (or MODEL_ABSENT) is "not known".  values[]
 * holds each placeholder's text, "" when unknown (remedy_value). */
typedef struct {
    const evidence_t *ev;
    char iface[NAME_LEN];      /* the interface that holds the peering subnet */
    char iface_addr[PREFIX_LEN]; /* the address it holds now, "a.b.c.d/len" */
    char group[NAME_LEN];      /* Junos BGP group (peer group elsewhere) */
    char route_map[NAME_LEN];  /* inbound route-map / import policy */
    char prefix_list[NAME_LEN]; /* inbound prefix-list (direct, or matched by the route-map) */
    char export_policy[NAME_LEN];
    char prefix[PREFIX_LEN];   /* an Azure prefix that must be accepted */
    int64_t router_as;         /* the AS the router runs */
    int64_t rm_seq;            /* first permit entry of route_map */
    int64_t pl_seq;            /* a free sequence number for a new prefix-list entry */
    char first_term[NAME_LEN], export_term[NAME_LEN]; /* first term of the Junos policies */
    char values[REMEDY_MAX_VALUES][160];
} remedy_ctx_t;

/* Fills c from ev; hint's non-empty fields (the step knows better) win.  hint may be NULL. */
void remedy_context(const evidence_t *ev, const remedy_hint_t *hint, remedy_ctx_t *c);

/* The value of the placeholder name[0..n) into out: true when known, else out holds the
 * placeholder written <like-this> and false is returned. */
bool remedy_value(const remedy_ctx_t *c, const char *name, size_t n, char *out, size_t size);

/* Whether name[0..n) is a placeholder remedy_value() knows (for the table tests). */
bool remedy_placeholder_known(const char *name, size_t n);

/* Whether the peer's session is Established (neighbor detail or summary). */
bool remedy_session_established(const evidence_t *ev);

#endif
