/* policy_eval.h: does the neighbor's inbound policy let a prefix in?  (Used by the route
 * filters step; pure, like all of framework/.) */
#ifndef ERDIAG_POLICY_EVAL_H
#define ERDIAG_POLICY_EVAL_H

#include <stdbool.h>

#include "core/prefix.h"
#include "framework/evidence.h"

typedef enum { PV_PERMIT, PV_DENY, PV_NOMATCH, PV_UNKNOWN } pv_t;

/* How a prefix fared, and which entry decided it (for the finding and the evidence). */
typedef struct {
    pv_t v;
    const fact_t *fact;      /* where the deciding entry was read */
    const record_t *rec;     /* the deciding entry; NULL for an implicit deny / default */
    char what[24];           /* "prefix-list" | "route-map" | "policy-statement" | "route-policy" */
    char name[NAME_LEN];
    char entry[200];         /* the deciding entry in words */
    char why[360];           /* under a route-map entry: what its prefix-list said */
    const fact_t *why_fact;
    const record_t *why_rec; /* the prefix-list entry behind "why" (NULL: implicit) */
    char why_name[NAME_LEN];
    char note[280];          /* assumptions the verdict rests on */
    bool undefined;          /* the policy or list named is not in the output */
} pe_t;

/* The neighbor's whole inbound filtering for one prefix: its prefix-list plist (may be ""),
 * then its policy chain ("A B": Junos evaluates them in order until one accepts or rejects),
 * read from the prefix-list and route-map facts of ev.  out says which entry decided. */
pv_t policy_inbound_eval(const evidence_t *ev, const char *plist, const char *chain, const ip_prefix_t *p, pe_t *out);

#endif
