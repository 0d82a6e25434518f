/* tcp179_ce.h: what the CE itself shows about its path to the peer, for the TCP 179 step.
 *
 * The console host's own connect test crosses the console's path (in a NOC, a management
 * network), not the CE-to-Microsoft link, so it can corroborate but never decide.  What decides
 * comes from the CE: its own connect test (telnet X 179 from the session's source), or, where the
 * platform has none (FRR's vtysh, EOS), everything around it: the link, the address in the
 * subnet, a connected route to the peer (FRR's next-hop tracking), the CE's own ping to the peer,
 * the session's state, NOTIFICATION history and connection counters, and MD5 on either side.
 * Everything here is borrowed from the evidence. */
#ifndef ERDIAG_TCP179_CE_H
#define ERDIAG_TCP179_CE_H

#include "framework/steps.h"

typedef struct {
    char peer[ADDR_LEN];
    /* the router's own connect test to peer:179 (NULL: none; why says why) */
    const tcp_test_t *test;
    char test_why[300];
    /* the router's own ping to the peer (NULL: none; why says why) */
    const ping_result_t *ping;
    char ping_why[300];
    /* the session: neighbor detail first, else the summary row */
    const bgp_neighbor_t *nb;
    const fact_t *state_fact;
    bgp_state_t state;
    bool admin_down;
    char state_text[SHORT_LEN * 2];
    /* the link and the addressing */
    tristate_t link_up;     /* the interface holding the subnet is up */
    const char *link_why;   /* why it is down, or why unknown */
    const iface_t *iface;
    tristate_t in_subnet;   /* that interface has an address in the assigned subnet */
    tristate_t route;       /* a connected network holds the peer */
    bool nht_wait;          /* FRR: "Waiting for NHT" */
    /* what else could silence TCP 179 */
    bool notification;      /* a NOTIFICATION in the session's last reset */
    char notification_text[DESC_LEN + SHORT_LEN + 8];
    tristate_t md5_ours, md5_theirs;
    bool auth_logged;       /* the log names the peer with an MD5/authentication failure */
} ce_path_t;

/* Reads everything above from the evidence (no step verdicts: the facts themselves). */
void ce_path_read(const evidence_t *ev, ce_path_t *p);
/* The peer answered the CE's ping (at least one reply). */
bool ce_ping_ok(const ce_path_t *p);

#endif
