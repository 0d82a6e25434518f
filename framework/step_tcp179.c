/* step_tcp179.c: step 6, can TCP 179 reach the peer?
 *
 * Two tests: the router's own (facts[PROBE_TCP_179]: IOS "telnet X 179", Junos "telnet X port
 * 179"), which crosses the session's real path, and the console host's connect test, which
 * crosses whatever path the console has.  The router's test is preferred; when the two
 * disagree the finding says so.  Refused means something answered with a RST (nothing listens,
 * or the peer rejects this source); timed out means something drops the SYN; unreachable
 * means there is no route.  A session that is Established proves 179 works on its own path, so
 * a failed console test is then only a warning. */
#include <stdio.h>
#include <string.h>

#include "framework/steps.h"

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
    for (size_t i = 0; i < sizeof(words) / sizeof(words[0]); i++)
        if (strcmp(w, words[i].word) == 0)
            return words[i].v;
    return T179_ERROR;
}

static const char *t179_words(t179_t v)
{
    static const char *const w[] = {"not run", "open", "refused", "timed out", "unreachable (no route)", "failed"};
    return w[v];
}

static bool t179_failed(t179_t v)
{
    return v == T179_REFUSED || v == T179_TIMEOUT || v == T179_UNREACHABLE;
}

/* The router's own test, when it ran and says something. */
static const tcp_test_t *router_test(const evidence_t *ev, char *why, size_t size)
{
    const fact_t *f = &ev->facts[PROBE_TCP_179];
    why[0] = '\0';
    if (!fact_usable(f)) {
        if (f->present)
            fact_problem(f, why, size);
        return NULL;
    }
    for (size_t i = 0; i < f->n_records; i++) {
        const tcp_test_t *t = &f->records[i].u.tcp_test;
        ip_addr_t a;
        if (f->records[i].kind != KIND_TCP_TEST || !t->result[0])
            continue;
        /* A test of another address (the secondary link's peer) says nothing about this one. */
        if (ev->device->has_peer_ip && ip_parse(t->target, &a) && !ip_equal(&a, &ev->device->peer_ip))
            continue;
        return t;
    }
    snprintf(why, size, "'%.200s' gave no result for this peer", f->command);
    return NULL;
}

/* The session is up on its own path (summary or neighbor detail). */
static bool session_up(const evidence_t *ev, const fact_t **where)
{
    static const probe_id_t probes[] = {PROBE_BGP_NEIGHBOR, PROBE_BGP_SUMMARY};
    for (size_t k = 0; k < 2; k++) {
        const fact_t *f = &ev->facts[probes[k]];
        if (!fact_usable(f))
            continue;
        for (size_t i = 0; i < f->n_records; i++) {
            const record_t *r = &f->records[i];
            const char *p = r->kind == KIND_BGP_NEIGHBORS ? r->u.neighbor.peer
                          : r->kind == KIND_BGP_SUMMARY   ? r->u.peer.peer
                                                          : NULL;
            bgp_state_t st = r->kind == KIND_BGP_NEIGHBORS ? r->u.neighbor.state : r->u.peer.state;
            ip_addr_t a;
            if (p && ip_parse(p, &a) && ip_equal(&a, &ev->device->peer_ip) && st == BGP_STATE_ESTABLISHED) {
                *where = f;
                return true;
            }
        }
    }
    return false;
}

static const char *cause_of(t179_t v)
{
    return v == T179_REFUSED ? "tcp179_refused" : "tcp179_blocked";
}

static const char *meaning(t179_t v)
{
    switch (v) {
    case T179_REFUSED: return "nothing listens on 179 at the peer, or the peer rejects this source";
    case T179_TIMEOUT: return "a firewall or ACL drops TCP 179";
    case T179_UNREACHABLE: return "no route to the peer";
    default: return "";
    }
}

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

static void quote_session(step_result_t *s, const fact_t *f, const char *peer)
{
    const char *const needles[] = {peer, "Established", NULL};
    const char *const loose[] = {peer, NULL};
    if (!step_evidence(s, f, needles))
        step_evidence(s, f, loose);
}

void step_tcp179(const evidence_t *ev, step_result_t *s)
{
    char peer[ADDR_LEN] = "the peer", why[400], disagree[200] = "";
    if (ev->device->has_peer_ip)
        ip_to_string(&ev->device->peer_ip, peer, sizeof(peer));
    const tcp_test_t *rt = router_test(ev, why, sizeof(why));
    t179_t router = rt ? from_word(rt->result) : T179_NONE;
    t179_t console = ev->has_console_tcp ? from_console(ev->console_tcp.result) : T179_NONE;
    if (router == T179_ERROR)
        router = T179_NONE;
    if (router == T179_NONE && (console == T179_NONE || console == T179_ERROR)) {
        step_skip(s, "no TCP 179 test result: the router's own test %s; the console test %s", why[0] ? why : "was not run",
                  console == T179_ERROR ? "failed to run" : "was not run");
        return;
    }
    /* The router's test crosses the session's own path: it decides when it ran. */
    t179_t v = router != T179_NONE ? router : console;
    const char *who = router != T179_NONE ? "the router's own test" : "the console host's test";
    if (router != T179_NONE && console != T179_NONE && console != T179_ERROR && console != router)
        snprintf(disagree, sizeof(disagree), "; the console host's test was %s, but it crosses a different path than "
                 "the router's session: the router's own test is preferred", t179_words(console));
    const fact_t *up = NULL;
    bool is_up = ev->device->has_peer_ip && session_up(ev, &up);
    if (!t179_failed(v)) {
        step_pass(s, "TCP 179 to %s is open (%s)%s", peer, who, disagree);
    } else if (is_up) {
        step_warn(s, cause_of(v), "TCP 179 from %s to %s: %s (%s), but the router's session is up%s",
                  router != T179_NONE ? "the router" : "the console", peer, t179_words(v), meaning(v), disagree);
        if (router == T179_NONE)
            snprintf(s->finding, sizeof(s->finding), "TCP 179 from the console is filtered (%s: %s), but the router's "
                     "session is up: the console's path is not the session's", t179_words(v), meaning(v));
    } else {
        step_fail(s, cause_of(v), "TCP 179 to %s %s (%s): %s%s", peer, t179_words(v), who, meaning(v), disagree);
    }
    if (router != T179_NONE)
        quote_router(s, ev, rt);
    if (console != T179_NONE)
        quote_console(s, ev, peer);
    if (is_up)
        quote_session(s, up, peer);
    if (t179_failed(v))
        step_remedy(s, ev, cause_of(v), NULL, NULL);
}
