/* circuit_link.h: one link of a circuit as the circuit step reads it from that link's evidence:
 * the session's state, the prefixes advertised to and received from the MSEE, and the route
 * attributes that decide which link carries traffic (internal to framework/circuit*.c). */
#ifndef ERDIAG_CIRCUIT_LINK_H
#define ERDIAG_CIRCUIT_LINK_H

#include "framework/circuit.h"

/* Distinct prefixes of one answer, canonical CIDR, sorted.  p is owned (link_free). */
typedef struct {
    char (*p)[PREFIX_LEN];
    size_t n;
    bool read;      /* the answer was usable */
    bool cut;       /* it was cut short: a prefix it lacks may simply not have been seen */
    char why[240];  /* why it was not read */
    const fact_t *fact;
} prefix_set_t;

typedef struct {
    const evidence_t *ev;
    circuit_link_id_t id;
    const char *role;     /* "primary" | "secondary" */
    const char *name;     /* the device's name (borrowed from ev) */
    char peer[ADDR_LEN];
    int64_t local_as;     /* the AS the router runs (inventory, else the answers) */
    bool state_known, established;
    char state[32];
    const fact_t *state_fact; /* the answer the state was read from */
    prefix_set_t adv, rcv;
} link_view_t;

/* Reads ev as link id.  Free with link_free(). */
void link_read(link_view_t *l, const evidence_t *ev, circuit_link_id_t id);
void link_free(link_view_t *l);

/* How one advertised or received route of a prefix looks from this link. */
typedef struct {
    const bgp_path_t *path; /* NULL: no route for the prefix */
    const fact_t *fact;     /* where it was read */
    int64_t local_pref;     /* after the inbound policy; MODEL_ABSENT: nothing says */
    const fact_t *lp_fact;  /* where local_pref was read: the BGP table lookup, the inbound policy or
                             * the received routes */
    char lp_needle[48], lp_alt[48]; /* the line that shows it ("" : the prefix's line of lp_fact) */
    int path_len;           /* AS-path length (received: as received; advertised: as Microsoft sees it) */
    int prepends;           /* advertised: copies of our AS beyond the one eBGP adds; -1 unknown */
    const fact_t *rm_fact;  /* advertised: the outbound policy entry that prepends, when one does */
    char rm_entry[480];     /* "route-map X seq 10 permit (as-path prepend 65010 65010)" */
} link_route_t;

/* The received route of prefix, and its local preference after the inbound policy: the BGP
 * table lookup's path from this link's peer, else what the inbound policy sets for the prefix
 * (some platforms show received routes before their import policy, Junos its lookups without
 * BGP attributes), else the received-routes answer's. */
void link_received_route(const link_view_t *l, const char *prefix, link_route_t *out);
/* The advertised route of prefix, its AS path as Microsoft sees it: our AS, the prepends
 * (shown in the advertised path as the platform prints it, vendor_t.advertised_path, or set by
 * the outbound policy: whichever is more) and the path behind them. */
void link_advertised_route(const link_view_t *l, const char *prefix, link_route_t *out);

/* Whether the BFD session with the peer is up: 1 up, 0 no up session, -1 not readable. */
int link_bfd(const link_view_t *l, char *why, size_t size);

/* The number of ASes in a printed AS path ("[65010] 65010 {1,2}" counts 3); 0 for "". */
int aspath_len(const char *path);
/* Whether prefix (canonical) is in set. */
bool prefix_set_has(const prefix_set_t *s, const char *prefix);

/* Adds to s the first line of f holding the prefix as the platform prints it (CIDR, or the
 * bare network where IOS leaves out a classful mask); false when none does. */
bool link_prefix_evidence(step_result_t *s, const fact_t *f, const char *prefix);

#endif
