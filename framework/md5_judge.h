/* md5_judge.h: one judgement of the TCP MD5 keys on the two sides of the session, used by the
 * configuration step and the session step alike, so that they never disagree on which side
 * lacks the key.
 *
 * The CE's side is read from its configuration (a whole configuration that names no key has
 * none), else from the neighbor's detail.  The peer's side is read from the CE's log first
 * (segments from the peer "without an MD5 digest": the peer has no key; "invalid" / "wrong"
 * digests: both have keys and they differ), else from the inventory (md5 = yes: the Azure
 * peering has a shared key). */
#ifndef ERDIAG_MD5_JUDGE_H
#define ERDIAG_MD5_JUDGE_H

#include "framework/runbook.h"

typedef enum {
    MD5_AGREE = 0,      /* no key on either side, or a key on both with nothing against it */
    MD5_OURS_MISSING,   /* the peering has a key, the CE has none */
    MD5_THEIRS_MISSING, /* the CE has a key, the peer has none */
    MD5_DIFFER,         /* both have a key and the log shows they differ */
    MD5_UNKNOWN,        /* the CE's side could not be read */
} md5_state_t;

typedef struct {
    md5_state_t state;
    tristate_t ours;        /* a key is configured on the CE for the peer */
    const fact_t *ours_src; /* where that was read (borrowed from the evidence); NULL if absent */
    bool logged;            /* a log line names the peer and an MD5 / authentication failure */
    bool by_log;            /* state rests on that line (else on the inventory) */
    evidence_ref_t log;     /* the line, when logged */
} md5_view_t;

/* Judges the keys of ev's session into out. */
void md5_judge(const evidence_t *ev, md5_view_t *out);
/* The cause code for a judged state: "md5_missing", "md5_mismatch", or NULL (agree, unknown). */
const char *md5_cause(const md5_view_t *v);
/* Which side lacks the key (or that the keys differ) and how that is known, in words, into buf
 * ("" when they agree or the CE's side is unknown). */
void md5_words(const md5_view_t *v, const char *peer, char *buf, size_t size);

#endif
