/* runbook_causes.c: ranking the causes the steps found, once each, causes before symptoms.
 *
 * Three rules, applied after every step has judged (the steps stay independent of each other):
 *   1. order: FAIL before WARN, then cause_order below;
 *   2. a symptom is not a cause: when a higher-ranked step found a cause that produces what a
 *      later step saw (the `explains` table: an MD5 mismatch makes TCP 179 time out, a wrong
 *      subnet means the CE never ARPs for the peer), the later step keeps its verdict (what it
 *      observed is still true) but its cause becomes the explaining one, `follows` names the
 *      explaining step, its finding says how it follows, its own remedies go (they would send
 *      the engineer after a firewall that is not there), and it is not listed as a cause;
 *   3. a cause is listed once: steps that found the same cause on their own form one group
 *      with each step's deciding (first) evidence line. */
#include <stdio.h>
#include <string.h>

#include "framework/runbook.h"

/* Which cause explains a session failure first.  A cause that would stop everything after it
 * (no link, a wrong subnet, no ARP) outranks one that only stops BGP; a wrong subnet comes
 * before ARP because it is why the peer does not answer ARP; a specific, evidence-backed
 * configuration error outranks the symptoms it produces (an MD5 mismatch makes TCP 179 look
 * blocked; a bad peer AS ends in a NOTIFICATION).  Every cause ranks above the symptoms it
 * explains (the table below relies on it).  Unlisted causes rank last. */
static const char *const cause_order[] = {
    "link_down", "subnet_mismatch", "address_swapped", "arp_incomplete", "neighbor_missing", "peer_shutdown",
    "peer_as_mismatch", "local_as_mismatch", "md5_missing", "md5_mismatch", "timer_mismatch", "tcp179_refused",
    "tcp179_blocked", "local_prefix_limit", "route_limit", "route_filter_missing", "private_prefix_advertised",
    "inbound_filter", "hold_timer_expired",
    "forced_tunneling", "return_via_internet", "asymmetric_path", "interface_errors", "session_down",
    "evidence_missing", "bfd_session_down",
};

/* "cause X explains symptom Y": X (any of the words in cause) found by one step makes another
 * step report Y (any of the words in symptoms); why says how, {peer} standing for the peer. */
static const struct {
    const char *causes, *symptoms, *why;
} explains[] = {
    {"link_down", "arp_incomplete tcp179_blocked tcp179_refused session_down hold_timer_expired",
     "the link that holds the peering subnet is down, so nothing reaches {peer}"},
    {"subnet_mismatch", "arp_incomplete",
     "the CE has no address in the subnet of {peer}, so it never sends an ARP request for it"},
    {"subnet_mismatch", "tcp179_blocked tcp179_refused session_down",
     "the CE has no address in the subnet of {peer} and so no route to it: its connection cannot start, "
     "and no filter is involved"},
    {"address_swapped", "arp_incomplete tcp179_blocked tcp179_refused session_down",
     "the two addresses of the peering subnet are swapped, so {peer} is not the MSEE as this CE is numbered"},
    {"address_swapped", "neighbor_missing",
     "the two addresses of the peering subnet are swapped, so the CE's neighbor statement names the wrong one "
     "and none names {peer}"},
    {"arp_incomplete", "tcp179_blocked tcp179_refused session_down",
     "{peer} does not answer ARP, so no TCP segment reaches it"},
    {"neighbor_missing", "session_down", "no neighbor {peer} is configured, so there is no session to bring up"},
    {"peer_shutdown", "tcp179_blocked tcp179_refused session_down",
     "the session is shut down administratively (on this router or by Microsoft), so TCP 179 for it is not "
     "accepted"},
    {"peer_as_mismatch local_as_mismatch", "session_down", "the OPEN is rejected for its AS number"},
    {"md5_mismatch md5_missing", "tcp179_blocked session_down",
     "a segment without the right MD5 digest is dropped without an answer, so a connection to {peer} port 179 "
     "times out as if filtered"},
    {"tcp179_blocked tcp179_refused", "session_down", "TCP 179 to {peer} fails, so no session can start"},
};

/* word is one of the space-separated words of list. */
static bool in_list(const char *list, const char *word)
{
    size_t n = strlen(word);
    for (const char *p = list; n && (p = strstr(p, word)); p += n)
        if ((p == list || p[-1] == ' ') && (p[n] == ' ' || p[n] == '\0'))
            return true;
    return false;
}

static int cause_rank(const step_result_t *s)
{
    int n = (int)(sizeof(cause_order) / sizeof(cause_order[0]));
    int base = 0;
    for (; base < n; base++)
        if (strcmp(cause_order[base], s->cause) == 0)
            break;
    /* A FAIL always explains more than a WARN of any cause. */
    return (s->verdict == VERDICT_FAIL ? 0 : 100) + base;
}

/* How cause produces symptom, or NULL when it does not. */
static const char *explanation(const char *cause, const char *symptom)
{
    for (size_t i = 0; i < sizeof(explains) / sizeof(explains[0]); i++)
        if (in_list(explains[i].causes, cause) && in_list(explains[i].symptoms, symptom))
            return explains[i].why;
    return NULL;
}

/* Rewrites s as following from root's cause: the verdict stays, the rest says why. */
static void mark_follower(step_result_t *s, const step_result_t *root, const char *why, const char *peer)
{
    char words[400];
    size_t w = 0;
    for (const char *p = why; *p && w + 1 < sizeof(words);) {
        if (!strncmp(p, "{peer}", 6)) {
            w += (size_t)snprintf(words + w, sizeof(words) - w, "%s", peer);
            w = w < sizeof(words) ? w : sizeof(words) - 1;
            p += 6;
        } else {
            words[w++] = *p++;
        }
    }
    words[w] = '\0';
    char seen[360] = "";
    if (s->n_evidence)
        snprintf(seen, sizeof(seen), "; seen: \"%s\"", s->evidence[0].line);
    snprintf(s->finding, sizeof(s->finding), "%s: this follows from %s (%s), not a separate fault%s", words,
             root->cause, root->title, seen);
    snprintf(s->cause, sizeof(s->cause), "%s", root->cause);
    s->follows = root->id;
    s->n_next = 0; /* the explaining cause's remedy is the one to follow */
    s->n_note = 0;
    memset(s->next_disruptive, 0, sizeof(s->next_disruptive));
}

static bool group_has(const cause_group_t *g, const evidence_ref_t *e)
{
    for (int i = 0; i < g->n_evidence; i++)
        if (!strcmp(g->evidence[i].line, e->line) && !strcmp(g->evidence[i].command, e->command))
            return true;
    return false;
}

/* Adds step index to g with its first evidence line that g does not hold yet (two steps that
 * quote the same log line first each still add a line of their own). */
static void group_add(cause_group_t *g, int index, const step_result_t *s)
{
    g->steps[g->n_steps++] = index;
    for (int i = 0; i < s->n_evidence && g->n_evidence < CAUSE_MAX_EVIDENCE; i++)
        if (!group_has(g, &s->evidence[i])) {
            g->evidence[g->n_evidence++] = s->evidence[i];
            return;
        }
}

/* The FAIL/WARN steps, most likely cause first (insertion sort: a handful, and stable, so step
 * order breaks ties); returns how many. */
static int sorted_findings(const runbook_result_t *r, int *order)
{
    int n = 0;
    for (int i = 0; i < r->n_steps; i++)
        if (r->steps[i].verdict == VERDICT_FAIL || r->steps[i].verdict == VERDICT_WARN)
            order[n++] = i;
    for (int i = 1; i < n; i++) {
        int c = order[i], k = i;
        while (k > 0 && cause_rank(&r->steps[order[k - 1]]) > cause_rank(&r->steps[c])) {
            order[k] = order[k - 1];
            k--;
        }
        order[k] = c;
    }
    return n;
}

void runbook_rank_causes(const evidence_t *ev, runbook_result_t *r)
{
    char peer[ADDR_LEN] = "the peer";
    if (ev && ev->device && ev->device->has_peer_ip)
        ip_to_string(&ev->device->peer_ip, peer, sizeof(peer));
    int order[RUNBOOK_MAX_STEPS];
    int n = sorted_findings(r, order);
    r->n_causes = 0;
    memset(r->groups, 0, sizeof(r->groups));
    /* In rank order, so an explaining cause is always settled before its symptoms. */
    for (int k = 0; k < n; k++) {
        step_result_t *s = &r->steps[order[k]];
        const step_result_t *root = NULL;
        const char *why = NULL;
        int same = -1;
        for (int c = 0; c < r->n_causes && !root; c++) {
            const step_result_t *cs = &r->steps[r->causes[c]];
            if ((why = explanation(cs->cause, s->cause)))
                root = cs;
            else if (same < 0 && !strcmp(cs->cause, s->cause))
                same = c;
        }
        if (root) {
            mark_follower(s, root, why, peer);
        } else if (same >= 0) {
            group_add(&r->groups[same], order[k], s);
        } else {
            r->causes[r->n_causes] = order[k];
            group_add(&r->groups[r->n_causes++], order[k], s);
        }
    }
}
