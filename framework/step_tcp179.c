/* step_tcp179.c: step 6, can TCP 179 reach the peer on the session's own path?
 *
 * Deciding evidence comes from the CE (framework/tcp179_ce.c).  First the router's own connect
 * test (IOS "telnet X 179 /source-interface I", Junos "telnet X port 179 source A", IOS-XR,
 * NX-OS): refused means something answered with a RST (nothing listens, or the peer rejects
 * this source); timed out means something drops the SYN, unless MD5 is configured, when the
 * peer drops the telnet's unsigned SYNs anyway; unreachable means no route, an addressing fault.
 * Where the platform has no such test (FRR's vtysh, EOS) the CE's other evidence stands in:
 * with the link up, the CE's address in the subnet, the peer answering the CE's ping, no
 * NOTIFICATION and nothing in the log about MD5, a session stuck in Connect/Active ranks
 * tcp179_blocked, and the finding names what else looks the same.  An Established session
 * proves 179 works on its own path.
 *
 * The console host's own connect test crosses the console's path (a management network), not
 * the CE-to-Microsoft link: it may corroborate, never decide, and where it disagrees the
 * finding says so.  Without deciding evidence the step SKIPs and says which CE-side test was
 * missing and why. */
#include <stdio.h>
#include <string.h>

#include "framework/steps.h"
#include "framework/tcp179_ce.h"

typedef enum { T179_NONE, T179_OPEN, T179_REFUSED, T179_TIMEOUT, T179_UNREACHABLE, T179_ERROR } t179_t;

static t179_t from_console(tcp_result_t r)
{
    switch (r) {
    case TCP_OPEN: return T179_OPEN;
    case TCP_REFUSED: return T179_REFUSED;
    case TCP_TIMEOUT: return T179_TIMEOUT;
    case TCP_UNREACHABLE: return T179_UNREACHABLE;
    default: return T179_ERROR;
    }
}

static t179_t from_word(const char *w)
{
    static const struct {
        const char *word;
        t179_t v;
    } words[] = {{"open", T179_OPEN}, {"refused", T179_REFUSED}, {"timeout", T179_TIMEOUT},
                 {"unreachable", T179_UNREACHABLE}};
    for (size_t i = 0; w && i < sizeof(words) / sizeof(words[0]); i++)
        if (strcmp(w, words[i].word) == 0)
            return words[i].v;
    return T179_NONE;
}

static const char *t179_words(t179_t v)
{
    static const char *const w[] = {"not run", "open", "refused", "timed out", "unreachable (no route)", "failed"};
    return w[v];
}

static bool md5_anywhere(const ce_path_t *p)
{
    return p->md5_ours == TRI_TRUE || p->md5_theirs == TRI_TRUE;
}

/* ---- what the step quotes ---- */

static void quote_router(step_result_t *s, const evidence_t *ev, const tcp_test_t *t)
{
    const char *const raw[] = {t->raw, NULL};
    const char *const target[] = {t->target, NULL};
    const fact_t *f = &ev->facts[PROBE_TCP_179];
    if (!(t->raw[0] && step_evidence(s, f, raw)) && !(t->target[0] && step_evidence(s, f, target)))
        step_evidence_text(s, f->command, t->raw);
}

static void quote_console(step_result_t *s, const evidence_t *ev, const char *peer)
{
    char cmd[128], line[320];
    snprintf(cmd, sizeof(cmd), "console connect test to %s port 179", peer);
    snprintf(line, sizeof(line), "%s:179 %s after %.1f s%s%s", peer, tcp_result_name(ev->console_tcp.result),
             ev->console_tcp.seconds, ev->console_tcp.message[0] ? ": " : "", ev->console_tcp.message);
    step_evidence_text(s, cmd, line);
}

/* The session's state line, its connection counters and the CE's ping summary. */
static void quote_path(step_result_t *s, const evidence_t *ev, const ce_path_t *p)
{
    if (p->state_fact) {
        const char *const state[] = {"state", p->state_text, NULL}, *const row[] = {p->peer, p->state_text, NULL};
        if (!step_evidence(s, p->state_fact, state))
            step_evidence(s, p->state_fact, row);
        step_evidence(s, p->state_fact, (const char *const[]){"Connections established", NULL});
    }
    if (p->ping && p->ping->raw[0])
        step_evidence(s, &ev->facts[PROBE_PING], (const char *const[]){p->ping->raw, NULL});
}

/* ---- the console's test: corroboration only ---- */

typedef enum { CE_UNDECIDED = -1, CE_OPEN = 0, CE_BLOCKED = 1 } ce_view_t;

/* Appends what the console host's test said, and why it cannot decide, to the finding. */
static void console_note(step_result_t *s, const evidence_t *ev, const ce_path_t *p, ce_view_t ce)
{
    if (!ev->has_console_tcp)
        return;
    t179_t c = from_console(ev->console_tcp.result);
    bool c_blocked = c == T179_TIMEOUT || c == T179_REFUSED || c == T179_UNREACHABLE;
    size_t w = strlen(s->finding);
    if (c == T179_ERROR)
        snprintf(s->finding + w, sizeof(s->finding) - w, "; the console host's test failed to run");
    else if (ce == CE_UNDECIDED)
        snprintf(s->finding + w, sizeof(s->finding) - w, "; the console host's test was %s, but its path (a "
                 "management network) does not cross the CE-to-Microsoft link: it cannot decide", t179_words(c));
    else if (c_blocked == (ce == CE_BLOCKED))
        snprintf(s->finding + w, sizeof(s->finding) - w, "; the console host's test agrees (%s), corroboration only: "
                 "its path is not the session's", t179_words(c));
    else
        snprintf(s->finding + w, sizeof(s->finding) - w, "; the console host's test was %s, but its path (a "
                 "management network) does not cross the CE-to-Microsoft link: it does not decide", t179_words(c));
    quote_console(s, ev, p->peer);
}

/* ---- verdicts ---- */

static void blocked_remedy(step_result_t *s, const evidence_t *ev, const ce_path_t *p, const char *cause)
{
    step_remedy(s, ev, cause, p->iface ? p->iface->name : NULL, NULL);
}

/* The session is up: TCP 179 works on its own path, whatever any test says. */
static void judge_established(step_result_t *s, const evidence_t *ev, const ce_path_t *p)
{
    t179_t r = p->test ? from_word(p->test->result) : T179_NONE;
    bool expected = r == T179_TIMEOUT && md5_anywhere(p); /* the peer drops a telnet's unsigned SYNs */
    if ((r == T179_TIMEOUT || r == T179_REFUSED) && !expected) {
        step_warn(s, r == T179_REFUSED ? "tcp179_refused" : "tcp179_blocked",
                  "TCP 179 from the router to %s: %s, but the router's session is up: a filter that spares the "
                  "session's own flow, or a test from another source", p->peer, t179_words(r));
        quote_router(s, ev, p->test);
    } else {
        step_pass(s, "the session with %s is %s: TCP 179 works on the session's own path%s", p->peer, p->state_text,
                  expected ? " (the router's own telnet timed out as expected: with MD5 the peer drops its unsigned SYNs)" : "");
        if (p->test)
            quote_router(s, ev, p->test);
    }
    quote_path(s, ev, p);
    console_note(s, ev, p, s->verdict != VERDICT_PASS ? CE_BLOCKED : CE_OPEN);
}

/* The router's own test decides when it says something MD5 cannot explain; true when it did. */
static bool judge_router_test(step_result_t *s, const evidence_t *ev, const ce_path_t *p)
{
    t179_t r = p->test ? from_word(p->test->result) : T179_NONE;
    if (r == T179_NONE || r == T179_UNREACHABLE || (r == T179_TIMEOUT && md5_anywhere(p)))
        return false;
    if (r == T179_OPEN)
        step_pass(s, "TCP 179 to %s is open from the CE (the router's own test)", p->peer);
    else if (r == T179_REFUSED)
        step_fail(s, "tcp179_refused", "TCP 179 to %s refused (the router's own test): nothing listens on 179 at the "
                  "peer, or the peer rejects this source (the MSEE side not configured for this peering or address)",
                  p->peer);
    else
        step_fail(s, "tcp179_blocked", "TCP 179 to %s timed out (the router's own test): a firewall or ACL on the "
                  "path drops TCP 179", p->peer);
    quote_router(s, ev, p->test);
    console_note(s, ev, p, r != T179_OPEN ? CE_BLOCKED : CE_OPEN);
    if (r != T179_OPEN)
        blocked_remedy(s, ev, p, s->cause);
    return true;
}

/* No route from the CE to the peer: an addressing fault, never a filter. */
static bool judge_no_route(step_result_t *s, const evidence_t *ev, const ce_path_t *p)
{
    bool unreachable = p->test && from_word(p->test->result) == T179_UNREACHABLE;
    if (p->link_up == TRI_FALSE || (!p->nht_wait && p->route != TRI_FALSE && !unreachable))
        return false; /* a link that is down explains the missing route: not_a_filter() says so */
    step_skip(s, "TCP 179 not judged: the CE has no route to %s (%s): an addressing fault, not a filter (see the "
              "addressing step)", p->peer,
              p->nht_wait ? "the session is waiting for next-hop tracking (NHT)"
              : unreachable ? "the router's own test found no route"
                            : "no connected network holds the peer");
    step_not_applicable(s); /* the addressing step judges it */
    if (p->nht_wait && p->state_fact)
        step_evidence(s, p->state_fact, (const char *const[]){"NHT", NULL});
    if (unreachable)
        quote_router(s, ev, p->test);
    console_note(s, ev, p, CE_UNDECIDED);
    return true;
}

/* Why the CE's evidence does not single out a filter; NULL when it does. */
static const char *not_a_filter(const ce_path_t *p, char *buf, size_t size)
{
    if (p->link_up == TRI_FALSE)
        snprintf(buf, size, "the peering link is down (%s): see the physical step", p->link_why);
    else if (p->admin_down)
        snprintf(buf, size, "the session is shut down on this router: nothing tries TCP 179");
    else if (p->state == BGP_STATE_OPENSENT || p->state == BGP_STATE_OPENCONFIRM)
        snprintf(buf, size, "the session reached %s, so TCP 179 connected: the OPEN exchange fails", p->state_text);
    else if (p->notification)
        snprintf(buf, size, "the last NOTIFICATION (%s) shows TCP 179 carried the session until then: the session step "
                 "judges it", p->notification_text);
    else if (p->auth_logged)
        snprintf(buf, size, "the log shows MD5/authentication failures from %s: the session step names them", p->peer);
    else
        return NULL;
    return buf;
}

/* What is missing before the CE's evidence can decide; NULL when nothing is. */
static const char *missing_evidence(const ce_path_t *p, char *buf, size_t size)
{
    if (!p->ping)
        snprintf(buf, size, "no TCP 179 evidence from the CE: the router's own connect test: %s; its ping to %s: %s",
                 p->test ? "timed out, which MD5 explains as well" : p->test_why, p->peer, p->ping_why);
    else if (!ce_ping_ok(p))
        snprintf(buf, size, "%s does not answer the CE's ping either (%lld/%lld): the path fails below TCP (see the ARP "
                 "step), or ICMP is filtered too", p->peer, (long long)p->ping->received, (long long)p->ping->sent);
    else if (p->link_up != TRI_TRUE)
        snprintf(buf, size, "the peering link's state is not known: %s", p->link_why);
    else if (p->in_subnet != TRI_TRUE)
        snprintf(buf, size, "the CE's address in the assigned subnet is not confirmed%s",
                 p->in_subnet == TRI_FALSE ? ": the addressing step judges it" : " (no subnet in the inventory)");
    else if (p->state != BGP_STATE_CONNECT && p->state != BGP_STATE_ACTIVE && p->state != BGP_STATE_IDLE)
        snprintf(buf, size, "the state of the session with %s is not shown", p->peer);
    else
        return NULL;
    return buf;
}

/* "; connections established 1, dropped 1" from what the platform counts (EOS only the first,
 * Junos only flaps, which are drops). */
static void session_history(const ce_path_t *p, char *out, size_t size)
{
    int64_t est = p->nb ? p->nb->conn_established : MODEL_ABSENT, drop = p->nb ? p->nb->conn_dropped : MODEL_ABSENT;
    size_t w = 0;
    if (est != MODEL_ABSENT)
        w += (size_t)snprintf(out + w, size - w, "; connections established %lld", (long long)est);
    if (drop != MODEL_ABSENT && w < size)
        snprintf(out + w, size - w, "%s dropped %lld", w ? "," : "; connections", (long long)drop);
}

static void fail_blocked(step_result_t *s, const evidence_t *ev, const ce_path_t *p)
{
    char history[96] = "";
    session_history(p, history, sizeof(history));
    step_fail(s, "tcp179_blocked",
              "%s is %s with no NOTIFICATION%s; the link is up, the CE's address in the subnet, and %s answers the "
              "CE's ping (%lld/%lld): TCP 179 does not get through.  Most likely an ACL or firewall on the path "
              "drops it; the same signs come from the MSEE side not configured for this peering (no listener for "
              "this /30 or VLAN)%s",
              p->peer, p->state_text, history, p->peer, (long long)p->ping->received, (long long)p->ping->sent,
              md5_anywhere(p) ? ", or an MD5 key mismatch (MD5 is configured; no log line points to it)" : "");
    quote_path(s, ev, p);
    if (p->test)
        quote_router(s, ev, p->test);
    console_note(s, ev, p, CE_BLOCKED);
    blocked_remedy(s, ev, p, "tcp179_blocked");
}

void step_tcp179(const evidence_t *ev, step_result_t *s)
{
    if (!ev->device->has_peer_ip) {
        step_skip(s, "the inventory names no peer address: nothing to test");
        return;
    }
    ce_path_t p;
    char why[1024];
    ce_path_read(ev, &p);
    if (p.state == BGP_STATE_ESTABLISHED) {
        judge_established(s, ev, &p);
        return;
    }
    if (judge_router_test(s, ev, &p) || judge_no_route(s, ev, &p))
        return;
    const char *reason = not_a_filter(&p, why, sizeof(why));
    bool explained = reason != NULL;
    if (!reason)
        reason = missing_evidence(&p, why, sizeof(why));
    if (!reason) {
        fail_blocked(s, ev, &p);
        return;
    }
    step_skip(s, "TCP 179 not judged: %s", reason);
    /* Another step's cause explains the silence (the link, an admin shutdown, a NOTIFICATION,
     * MD5 failures): nothing is missing here, so this SKIP does not make the status UNKNOWN. */
    if (explained)
        step_not_applicable(s);
    quote_path(s, ev, &p);
    if (p.test)
        quote_router(s, ev, p.test);
    console_note(s, ev, &p, CE_UNDECIDED);
}
