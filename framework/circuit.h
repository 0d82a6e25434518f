/* circuit.h: both links of an ExpressRoute circuit judged together (issue 11).
 *
 * Microsoft's redundancy model needs both BGP sessions of a circuit up, the same prefixes on
 * both, and, for an active/passive design, the same link carrying traffic in both directions
 * (AS-path prepending on the passive link's advertisement, local preference on the active link's
 * received routes).  circuit_judge() reads the evidence of each link (one device per link, or
 * the same device twice with two peers) and states one step, "circuit", with the causes:
 *
 *   link_redundancy_lost    one session (or both) not Established                    FAIL
 *   advertisement_mismatch  the prefixes advertised (or received) differ between links FAIL
 *   preference_asymmetry    traffic leaves on one link and returns on the other       FAIL
 *                           (one direction pinned, the other balanced over both: WARN)
 *   bfd_session_down        BFD expected but not up on one link while BGP is          WARN
 *
 * Pure, like all of framework/: no I/O.  Nothing is kept from the evidence after the call
 * (every line and name is copied into the result). */
#ifndef ERDIAG_CIRCUIT_H
#define ERDIAG_CIRCUIT_H

#include "framework/runbook.h"

/* A difference between the two links lists at most this many prefixes, then "and K more". */
#define CIRCUIT_LIST_MAX 5
#define CIRCUIT_MAX_CAUSES 4

typedef enum { CIRCUIT_PRIMARY = 0, CIRCUIT_SECONDARY = 1, CIRCUIT_LINKS = 2 } circuit_link_id_t;

/* Which link carries a direction's traffic. */
typedef enum {
    CARRIER_UNKNOWN = 0, /* not judged: a session down, or no prefix seen on both links */
    CARRIER_PRIMARY,
    CARRIER_SECONDARY,
    CARRIER_BOTH,        /* equal preference: active/active (ECMP, or a tie broken per router) */
} carrier_t;

/* What the step read about one link, for views (the console's two columns, fleet lines). */
typedef struct {
    char device[64];        /* the inventory's device name */
    char peer[ADDR_LEN];    /* the MSEE's address on this link */
    bool state_known;
    bool established;
    char state[32];         /* "Established", "Idle", ... as normalised */
    long n_advertised;      /* distinct prefixes; -1 when not read */
    long n_received;        /* distinct prefixes; -1 when not read */
    int64_t local_pref;     /* of the received routes compared (100 when none is shown); MODEL_ABSENT: none */
    int out_path_len;       /* AS-path length of the received route compared; -1: none */
    int in_path_len;        /* AS-path length Microsoft sees on our advertisement; -1: none */
    int prepends;           /* copies of our AS added beyond the one eBGP adds; -1: unknown */
    int bfd;                /* 1 up, 0 not up, -1 not judged */
} circuit_link_t;

typedef struct {
    /* The circuit step: id "circuit", title "Circuit redundancy".  Its cause is the worst of
     * causes[] (FAIL before WARN, then the order in the table above); the finding states it
     * first and the others after it.  Evidence lines come from both links' answers;
     * evidence_link[i] says whose answer step.evidence[i] quotes.  next/note: the remedy of the
     * link the cause concerns (its platform's lines), then the notes for Azure's side of both
     * paths. */
    step_result_t step;
    circuit_link_id_t evidence_link[STEP_MAX_EVIDENCE];
    char causes[CIRCUIT_MAX_CAUSES][32];
    verdict_t cause_verdicts[CIRCUIT_MAX_CAUSES];
    circuit_link_id_t cause_links[CIRCUIT_MAX_CAUSES]; /* the link whose remedy a cause takes */
    int n_causes;
    circuit_link_t links[CIRCUIT_LINKS];
    carrier_t outbound;     /* on-prem to Azure: the link whose received routes win locally */
    carrier_t inbound;      /* Azure to on-prem: the link with the shorter AS path as Microsoft sees it */
    /* The status of the circuit step alone (OK | WARNING | CRITICAL | UNKNOWN, exit 0-3);
     * circuit_combine() makes it the whole circuit's. */
    const char *status;
    int exit_code;
} circuit_result_t;

/* Judges the circuit from the evidence of each link (the same evidence_t a link's runbook is
 * evaluated on).  Each needs, for its device's peer: the bgp runbook's answers
 * (PROBE_BGP_SUMMARY, PROBE_BGP_NEIGHBOR, PROBE_BGP_CONFIG, PROBE_ROUTE_MAPS, PROBE_BFD) and
 * PROBE_BGP_ADVERTISED and PROBE_BGP_RECEIVED; PROBE_BGP_PREFIX (the BGP table lookup of the
 * first expected prefix) is optional and gives the local preference after the inbound policy
 * where the received-routes form shows none.  Borrowed for the call only. */
void circuit_judge(const evidence_t *primary, const evidence_t *secondary, circuit_result_t *out);

/* The circuit's status: the worst of the two links' runbooks and the circuit step (CRITICAL >
 * WARNING > UNKNOWN > OK, as runbooks rank).  Either runbook may be NULL (not run). */
void circuit_combine(circuit_result_t *c, const runbook_result_t *primary, const runbook_result_t *secondary);

const char *carrier_name(carrier_t c); /* "unknown" | "primary" | "secondary" | "both" */

#endif
