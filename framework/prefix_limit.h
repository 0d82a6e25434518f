/* prefix_limit.h: one judgement of the two prefix limits on an ExpressRoute session, shared by
 * the route-filters step and the session step.
 *
 *   route_limit         Microsoft drops the session when the CE advertises more than 4,000
 *                       (private), 10,000 (Premium) or 200 (Microsoft peering) prefixes (the
 *                       inventory's route_limit when set): the CE RECEIVES the Cease 6/1.
 *   local_prefix_limit  the CE's own maximum-prefix trips on what Microsoft sends: the CE SENDS
 *                       the Cease 6/1 (IOS and FRR show "Idle (PfxCt)").
 *
 * Each is proved by the NOTIFICATION's direction and by the counts: what the CE advertises
 * against Microsoft's limit, what it receives against its own maximum-prefix.  A platform
 * that prints "Cease" without a subcode (Junos) needs the counts or a configured limit to say
 * which Cease it was. */
#ifndef ERDIAG_PREFIX_LIMIT_H
#define ERDIAG_PREFIX_LIMIT_H

#include "framework/runbook.h"

typedef struct {
    const char *cause;   /* "route_limit" | "local_prefix_limit" | NULL: no limit tripped or crossed */
    verdict_t verdict;   /* FAIL (down by it, or over it now) | WARN (up again, but the last reset was it) */
    bool tripped;        /* a Cease for a prefix limit ended the last session */
    bool established;    /* the session is up now */
    int64_t received, max_prefixes; /* what Microsoft sends / the CE's maximum-prefix (MODEL_ABSENT) */
    int64_t sent;        /* what the CE advertises (MODEL_ABSENT) */
    int limit;           /* Microsoft's limit for this peering */
    char words[400];     /* the judgement with its direction and counts */
} limit_view_t;

/* Judges ev's session into out (out->cause NULL when neither limit is involved). */
void limit_judge(const evidence_t *ev, limit_view_t *out);

#endif
