/* step_filters.c: step 5, route filters.
 *
 * Evaluates the neighbor's inbound policy (framework/policy_eval.c) against the prefixes
 * Microsoft is expected to send (device->expect_prefixes), then received vs accepted counts and
 * the route limits (max-prefix, Microsoft's limits: framework/prefix_limit.c). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "framework/peering_rules.h"
#include "framework/policy_eval.h"
#include "framework/prefix_limit.h"
#include "framework/steps.h"

/* ---------------------------------------------------------------- the neighbor */

typedef struct {
    const bgp_neighbor_t *nb;
    const bgp_config_neighbor_t *cfg;
    const bgp_peer_t *sum;
    char plist[NAME_LEN], policy[NAME_LEN];
    int64_t received, accepted;
} peer_view_t;

static bool is_peer(const evidence_t *ev, const char *text)
{
    ip_addr_t a;
    return ip_parse(text, &a) && ip_equal(&a, &ev->device->peer_ip);
}

static const record_t *find_peer(const evidence_t *ev, probe_id_t probe, kind_t kind)
{
    const fact_t *f = &ev->facts[probe];
    if (!fact_usable(f))
        return NULL;
    for (size_t i = 0; i < f->n_records; i++) {
        const record_t *r = &f->records[i];
        const char *peer = kind == KIND_BGP_NEIGHBORS ? r->u.neighbor.peer
                         : kind == KIND_BGP_CONFIG    ? r->u.bgp_config.peer
                                                      : r->u.peer.peer;
        if (r->kind == kind && is_peer(ev, peer))
            return r;
    }
    return NULL;
}

static int64_t first_set(int64_t a, int64_t b)
{
    return a != MODEL_ABSENT ? a : b;
}

static void peer_view(const evidence_t *ev, peer_view_t *pv)
{
    const record_t *r;
    memset(pv, 0, sizeof(*pv));
    pv->received = pv->accepted = MODEL_ABSENT;
    if ((r = find_peer(ev, PROBE_BGP_NEIGHBOR, KIND_BGP_NEIGHBORS)))
        pv->nb = &r->u.neighbor;
    if ((r = find_peer(ev, PROBE_BGP_CONFIG, KIND_BGP_CONFIG)))
        pv->cfg = &r->u.bgp_config;
    if ((r = find_peer(ev, PROBE_BGP_SUMMARY, KIND_BGP_SUMMARY)))
        pv->sum = &r->u.peer;
    /* The running state names what is applied; the configuration fills what it omits. */
    const char *pl = pv->nb && pv->nb->inbound_prefix_list[0] ? pv->nb->inbound_prefix_list
                   : pv->cfg ? pv->cfg->inbound_prefix_list : "";
    const char *po = pv->nb && pv->nb->inbound_policy[0] ? pv->nb->inbound_policy
                   : pv->cfg ? pv->cfg->inbound_policy : "";
    /* FRR marks a policy that exists with '*': not part of the name. */
    snprintf(pv->plist, sizeof(pv->plist), "%s", pl + (pl[0] == '*'));
    snprintf(pv->policy, sizeof(pv->policy), "%s", po + (po[0] == '*'));
    if (pv->nb) {
        pv->received = pv->nb->prefixes_received;
        pv->accepted = pv->nb->prefixes_accepted;
    }
    if (pv->sum) {
        pv->received = first_set(pv->received, pv->sum->prefixes_received);
        pv->accepted = first_set(pv->accepted, pv->sum->prefixes_accepted);
    }
}

static bool has_ci(const char *hay, const char *needle)
{
    size_t n = strlen(needle);
    for (; *hay; hay++)
        if (strncasecmp(hay, needle, n) == 0)
            return true;
    return false;
}

/* ---------------------------------------------------------------- evidence */

/* The entries of the prefix-list or route-map name in f (NULL: of every one) may be
 * incomplete: f was cut, or one of them held a line the parser could not read.  Lines
 * elsewhere (another list, a header) do not matter. */
static bool list_unread(const fact_t *f, const char *name)
{
    if (f->truncated)
        return true;
    for (size_t i = 0; i < f->n_records; i++) {
        const record_t *r = &f->records[i];
        const char *rn = r->kind == KIND_PREFIX_LISTS ? r->u.prefix_list.name
                       : r->kind == KIND_ROUTE_MAPS   ? r->u.route_map.name
                                                      : NULL;
        if (rn && r->partial && (!name || !strcmp(rn, name)))
            return true;
    }
    return false;
}

static bool try_quote(step_result_t *s, const fact_t *f, const char *a, const char *b)
{
    const char *const needles[] = {a, b, NULL};
    return f && fact_usable(f) && step_evidence(s, f, needles);
}

/* The neighbor's line naming its inbound policy (state first, then the configuration). */
static void quote_attachment(step_result_t *s, const evidence_t *ev, const char *name)
{
    static const char *const dirs[] = {"incoming", "Incoming", "Import", "import", " in", NULL};
    const fact_t *fs[] = {&ev->facts[PROBE_BGP_NEIGHBOR], &ev->facts[PROBE_BGP_CONFIG]};
    for (size_t f = 0; f < 2; f++)
        for (size_t i = 0; dirs[i]; i++)
            if (try_quote(s, fs[f], name, dirs[i]))
                return;
}

static void quote_plist_entry(step_result_t *s, const fact_t *f, const record_t *r, const char *name)
{
    if (!r) {
        try_quote(s, f, name, NULL); /* the list's header: where its implicit deny lives */
        return;
    }
    const prefix_list_entry_t *e = &r->u.prefix_list;
    char seq[48];
    snprintf(seq, sizeof(seq), "seq %lld %s", (long long)e->seq, e->permit ? "permit" : "deny");
    if (!try_quote(s, f, seq, e->prefix))
        try_quote(s, f, e->prefix, NULL);
}

/* The entry's own line, whichever way the platform prints it: "route-map X, deny, sequence 20",
 * "route-map X deny 20", " deny, sequence 20 Invoked 0", "term REJECT {", "then reject;". */
static void quote_policy_entry(step_result_t *s, const fact_t *f, const record_t *r, const char *name)
{
    char a[96], b[96];
    if (!r) {
        try_quote(s, f, name, NULL);
        return;
    }
    const route_map_entry_t *e = &r->u.route_map;
    const char *act = e->permit ? "permit" : "deny";
    if (e->term[0]) {
        snprintf(a, sizeof(a), "term %s", e->term);
        if (try_quote(s, f, a, NULL))
            return;
    }
    snprintf(a, sizeof(a), "sequence %lld", (long long)e->seq);
    snprintf(b, sizeof(b), "%s %lld", act, (long long)e->seq);
    if (!e->term[0] && (try_quote(s, f, name, a) || try_quote(s, f, name, b)))
        return;
    snprintf(a, sizeof(a), "%s, sequence %lld", act, (long long)e->seq);
    if (!e->term[0] && try_quote(s, f, a, NULL))
        return;
    if (e->n_set) {
        snprintf(a, sizeof(a), "then %s", e->set[e->n_set - 1]);
        if (try_quote(s, f, a, NULL) || try_quote(s, f, e->set[e->n_set - 1], NULL))
            return;
    }
    try_quote(s, f, name, NULL);
}

static void quote_decision(step_result_t *s, const pe_t *r)
{
    if (!strcmp(r->what, "prefix-list"))
        quote_plist_entry(s, r->fact, r->rec, r->name);
    else
        quote_policy_entry(s, r->fact, r->rec, r->name);
    if (r->why[0] && r->why_fact)
        quote_plist_entry(s, r->why_fact, r->why_rec, r->why_name);
}

/* The line holding a count: " N" (space first, so 3 does not hit 173) beside a label that
 * names counts, in the neighbor detail, the configuration, or the summary's row. */
static void quote_count(step_result_t *s, const evidence_t *ev, const char *peer, int64_t n, const char *label)
{
    const char *const labels[] = {label, "refix", "ccepted", "eceived", "aximum", "Saved", NULL};
    const fact_t *fs[] = {&ev->facts[PROBE_BGP_NEIGHBOR], &ev->facts[PROBE_BGP_CONFIG]};
    char v[32];
    snprintf(v, sizeof(v), " %lld", (long long)n);
    for (size_t f = 0; f < 2; f++)
        for (size_t i = 0; labels[i]; i++)
            if (try_quote(s, fs[f], v, labels[i]))
                return;
    if (!try_quote(s, &ev->facts[PROBE_BGP_SUMMARY], peer, v))
        try_quote(s, &ev->facts[PROBE_BGP_NEIGHBOR], peer, NULL);
}

/* ---------------------------------------------------------------- the step */

typedef struct {
    int n_checked, n_denied, n_unknown, n_other_family;
    pe_t first_denied, first_unknown;
    char denied[300], unknown[300];
    char assumed[280]; /* what a PASS rests on beyond the prefix itself */
} policy_outcome_t;

static void append(char *buf, size_t size, const char *text)
{
    size_t w = strlen(buf);
    if (w < size)
        snprintf(buf + w, size - w, "%s%s", w ? ", " : "", text);
}

static void evaluate_expected(const evidence_t *ev, const peer_view_t *pv, policy_outcome_t *o)
{
    const device_t *d = ev->device;
    memset(o, 0, sizeof(*o));
    for (int i = 0; i < d->n_expect_prefixes; i++) {
        ip_prefix_t p;
        char text[PREFIX_LEN];
        pe_t r;
        prefix_network(&d->expect_prefixes[i], &p);
        if (p.addr.family != d->peer_ip.family) {
            o->n_other_family++; /* an IPv6 prefix comes over the IPv6 session, not this one */
            continue;
        }
        prefix_to_string(&p, true, text, sizeof(text));
        pv_t v = policy_inbound_eval(ev, pv->plist, pv->policy, &p, &r);
        o->n_checked++;
        if (v == PV_PERMIT && r.note[0] && !o->assumed[0])
            snprintf(o->assumed, sizeof(o->assumed), "%s", r.note);
        if (v == PV_DENY) {
            if (!o->n_denied++)
                o->first_denied = r;
            append(o->denied, sizeof(o->denied), text);
        } else if (v == PV_UNKNOWN) {
            if (!o->n_unknown++)
                o->first_unknown = r;
            append(o->unknown, sizeof(o->unknown), text);
        }
    }
}

/* The lines that prove a prefix limit: the NOTIFICATION (or "Idle (PfxCt)") and the counts. */
static void quote_limit(const evidence_t *ev, const limit_view_t *lv, const char *peer, step_result_t *s)
{
    const fact_t *nf = &ev->facts[PROBE_BGP_NEIGHBOR];
    bool local = !strcmp(lv->cause, "local_prefix_limit");
    if (lv->tripped) {
        if (!try_quote(s, nf, "Last reset", "refix") && !try_quote(s, nf, "refix", "xceed") &&
            !try_quote(s, nf, "refix", "reached") && !try_quote(s, nf, "Cease", NULL))
            try_quote(s, nf, "refix", NULL);
        try_quote(s, &ev->facts[PROBE_BGP_SUMMARY], peer, "PfxCt");
    }
    if (local && lv->max_prefixes != MODEL_ABSENT)
        quote_count(s, ev, peer, lv->max_prefixes, "aximum");
    if (local && lv->received != MODEL_ABSENT)
        quote_count(s, ev, peer, lv->received, "eceived");
    if (!local && lv->sent != MODEL_ABSENT)
        quote_count(s, ev, peer, lv->sent, "dvertised");
}

/* Route limits (framework/prefix_limit.c): the CE's maximum-prefix against what Microsoft
 * sends, what the CE sends against Microsoft's limit.  Here only what ended the session or is
 * crossed now (FAIL); a session up again after one is warn_past_limit's. */
static bool judge_limits(const evidence_t *ev, const char *peer, step_result_t *s)
{
    limit_view_t lv;
    limit_judge(ev, &lv);
    if (!lv.cause || lv.verdict != VERDICT_FAIL)
        return false;
    step_fail(s, lv.cause, "neighbor %s: %s", peer, lv.words);
    quote_limit(ev, &lv, peer, s);
    step_remedy(s, ev, lv.cause, NULL, NULL);
    return true;
}

static void fail_denied(const evidence_t *ev, const peer_view_t *pv, const policy_outcome_t *o, step_result_t *s)
{
    const pe_t *r = &o->first_denied;
    char first[PREFIX_LEN];
    snprintf(first, sizeof(first), "%.*s", (int)strcspn(o->denied, ","), o->denied);
    step_fail(s, "inbound_filter", "%d of %d prefix%s Microsoft is expected to send %s denied inbound (%s): %s is "
              "denied by %s %s: %s%s%s%s%s", o->n_denied, o->n_checked, o->n_checked == 1 ? "" : "es",
              o->n_denied == 1 ? "is" : "are", o->denied,
              first, r->what, r->name, r->entry, r->why[0] ? "; " : "", r->why, r->note[0] ? "; " : "", r->note);
    if (r->fact && list_unread(r->fact, r->name)) {
        size_t w = strlen(s->finding);
        snprintf(s->finding + w, sizeof(s->finding) - w, " (that output was cut or partly understood: the entry that "
                 "permits it may be missing)");
    }
    quote_decision(s, r);
    quote_attachment(s, ev, r->name);
    /* The fix goes into the list that denied it, for the prefix that was denied. */
    const char *list = !strcmp(r->what, "prefix-list") ? r->name : r->why_name[0] ? r->why_name : pv->plist;
    remedy_hint_t hint = {.route_map = pv->policy, .prefix_list = list, .prefix = first};
    step_remedy_hint(s, ev, "inbound_filter", &hint);
    if (o->n_denied > 1)
        step_note(s, "Permit every denied prefix the same way as %s: %s", first, o->denied);
}

static bool counts_gap(const peer_view_t *pv)
{
    return pv->received != MODEL_ABSENT && pv->accepted != MODEL_ABSENT && pv->accepted < pv->received;
}

static void warn_gap(const evidence_t *ev, const peer_view_t *pv, const char *peer, step_result_t *s, const char *note)
{
    step_warn(s, "inbound_filter", "neighbor %s: %lld prefixes received but %lld accepted: the inbound policy drops "
              "%lld%s", peer, (long long)pv->received, (long long)pv->accepted,
              (long long)(pv->received - pv->accepted), note);
    quote_count(s, ev, peer, pv->received, "eceived");
    quote_count(s, ev, peer, pv->accepted, "ccepted");
    step_remedy(s, ev, "inbound_filter", NULL, pv->policy[0] ? pv->policy : pv->plist);
}

/* No inbound policy at all on the eBGP session. */
static void judge_no_policy(const evidence_t *ev, const peer_view_t *pv, const char *peer, step_result_t *s)
{
    /* FRR prints "(Policy)" instead of a count for an eBGP peer held back by RFC 8212. */
    bool rfc8212 = pv->sum && has_ci(pv->sum->raw_state, "(Policy)");
    if (rfc8212 || (pv->accepted == 0 && pv->received != MODEL_ABSENT && pv->received > 0)) {
        if (rfc8212)
            step_fail(s, "inbound_filter", "no inbound policy: IOS-XR/FRR deny everything (RFC 8212 default): neighbor "
                      "%s shows (Policy) instead of a prefix count", peer);
        else
            step_fail(s, "inbound_filter", "no inbound policy: IOS-XR/FRR deny everything (RFC 8212 default): neighbor "
                      "%s accepted 0 of %lld prefixes received", peer, (long long)pv->received);
        if (!rfc8212 || !try_quote(s, &ev->facts[PROBE_BGP_SUMMARY], peer, "(Policy)"))
            quote_count(s, ev, peer, pv->received, "eceived");
        step_remedy(s, ev, "inbound_filter", NULL, NULL);
    } else if (counts_gap(pv)) {
        warn_gap(ev, pv, peer, s, " although no inbound policy is configured");
    } else if (!pv->nb && !pv->sum) {
        step_skip(s, "no inbound policy is configured for %s, but its prefix counts were not read to confirm "
                  "what it accepts", peer);
    } else {
        step_pass(s, "no inbound policy on eBGP neighbor %s: everything Microsoft sends is accepted (IOS-XR and FRR "
                  "would reject it all without one)%s", peer, pv->accepted != MODEL_ABSENT ? "" : "; no prefix counts yet");
        if (pv->accepted != MODEL_ABSENT)
            quote_count(s, ev, peer, pv->accepted, "ccepted");
        else
            try_quote(s, &ev->facts[PROBE_BGP_NEIGHBOR], peer, NULL);
    }
}

/* Why the facts the policy needs are not usable; empty when they are. */
static void policy_facts_problem(const evidence_t *ev, const peer_view_t *pv, char *buf, size_t size)
{
    char why[400];
    buf[0] = '\0';
    const fact_t *pl = &ev->facts[PROBE_PREFIX_LISTS], *rm = &ev->facts[PROBE_ROUTE_MAPS];
    if (!fact_usable(pl) && pv->plist[0])
        snprintf(buf, size, "prefix-lists: %s", fact_problem(pl, why, sizeof(why)));
    else if (pv->policy[0] && !fact_usable(rm))
        snprintf(buf, size, "route-maps / policies: %s", fact_problem(rm, why, sizeof(why)));
}

static void policy_words(const peer_view_t *pv, char *buf, size_t size)
{
    snprintf(buf, size, "%s%s%s%s%s", pv->policy[0] ? "policy " : "", pv->policy,
             pv->policy[0] && pv->plist[0] ? " and " : "", pv->plist[0] ? "prefix-list " : "", pv->plist);
}

/* Nothing denied, nothing unknown, no gap: a PASS if the evidence is whole. */
static void pass_policy(const evidence_t *ev, const peer_view_t *pv, const policy_outcome_t *o, const char *words,
                        const char *peer, step_result_t *s)
{
    /* A route-map may match any prefix-list: with one, every list counts. */
    bool partial = pv->policy[0] ? list_unread(&ev->facts[PROBE_ROUTE_MAPS], pv->policy) ||
                                       list_unread(&ev->facts[PROBE_PREFIX_LISTS], NULL)
                                 : list_unread(&ev->facts[PROBE_PREFIX_LISTS], pv->plist);
    if (partial) {
        step_skip(s, "inbound %s on %s: the policy output was cut or partly understood, so a PASS cannot be given",
                  words, peer);
        return;
    }
    if (!o->n_checked && pv->accepted == MODEL_ABSENT) {
        step_skip(s, "inbound %s on %s: no expect_prefixes of this session's address family in the inventory and no "
                  "prefix counts to judge it by", words, peer);
        return;
    }
    if (o->n_checked)
        step_pass(s, "inbound %s on %s permits %s %d prefix%s Microsoft is expected to send%s%s%s", words, peer,
                  o->n_checked == 1 ? "the" : "all", o->n_checked, o->n_checked == 1 ? "" : "es", pv->accepted != MODEL_ABSENT ? "; every received prefix is accepted" : "",
                  o->assumed[0] ? "; " : "", o->assumed);
    else
        step_pass(s, "inbound %s on %s accepts every prefix received (%lld); set expect_prefixes to evaluate the policy",
                  words, peer, (long long)pv->accepted);
    quote_attachment(s, ev, pv->policy[0] ? pv->policy : pv->plist);
    if (pv->accepted != MODEL_ABSENT)
        quote_count(s, ev, peer, pv->accepted, "ccepted");
}

static void warn_unknown(const evidence_t *ev, const peer_view_t *pv, const policy_outcome_t *o, const char *words,
                         const char *peer, step_result_t *s)
{
    const pe_t *r = &o->first_unknown;
    step_warn(s, "inbound_filter", "inbound %s on %s: cannot tell whether %s %s accepted: %s %s: %s%s%s", words, peer,
              o->unknown, o->n_unknown == 1 ? "is" : "are", r->what, r->name, r->entry, r->note[0] ? "; " : "", r->note);
    quote_decision(s, r);
    quote_attachment(s, ev, r->name);
    step_remedy(s, ev, "inbound_filter", NULL, pv->policy[0] ? pv->policy : pv->plist);
}

/* An inbound prefix-list and/or policy: denials first (the most specific finding), then the
 * counts, then what could not be read or decided. */
static void judge_policy(const evidence_t *ev, const peer_view_t *pv, const char *peer, step_result_t *s)
{
    char missing[480], words[2 * NAME_LEN + 32];
    policy_outcome_t o;
    policy_words(pv, words, sizeof(words));
    policy_facts_problem(ev, pv, missing, sizeof(missing));
    memset(&o, 0, sizeof(o));
    if (!missing[0])
        evaluate_expected(ev, pv, &o);
    /* A policy that names prefix-lists cannot be judged without them. */
    if (!missing[0] && o.n_unknown && !fact_usable(&ev->facts[PROBE_PREFIX_LISTS])) {
        char why[400];
        snprintf(missing, sizeof(missing), "prefix-lists: %s",
                 fact_problem(&ev->facts[PROBE_PREFIX_LISTS], why, sizeof(why)));
    }
    if (o.n_denied)
        fail_denied(ev, pv, &o, s);
    else if (counts_gap(pv))
        warn_gap(ev, pv, peer, s, o.n_checked ? " (none of the expected prefixes is among them)" : "");
    else if (missing[0])
        step_skip(s, "inbound %s on %s could not be evaluated: %s", words, peer, missing);
    else if (o.n_unknown)
        warn_unknown(ev, pv, &o, words, peer, s);
    else
        pass_policy(ev, pv, &o, words, peer, s);
}

/* Up now, but its last reset was a prefix limit: it can happen again. */
static void warn_past_limit(const evidence_t *ev, const char *peer, step_result_t *s)
{
    limit_view_t lv;
    limit_judge(ev, &lv);
    if (!lv.cause || lv.verdict != VERDICT_WARN)
        return;
    char was[sizeof(s->finding)];
    snprintf(was, sizeof(was), "%s", s->finding);
    step_warn(s, lv.cause, "neighbor %s is up, but its last reset was a prefix limit: %s (%.200s)", peer, lv.words, was);
    s->n_evidence = 0; /* the limit's lines first: they decide */
    s->n_next = 0;
    quote_limit(ev, &lv, peer, s);
    step_remedy(s, ev, lv.cause, NULL, NULL);
}

void step_route_filters(const evidence_t *ev, step_result_t *s)
{
    const device_t *d = ev->device;
    const fact_t *nf = &ev->facts[PROBE_BGP_NEIGHBOR], *cf = &ev->facts[PROBE_BGP_CONFIG];
    char peer[ADDR_LEN], a[400], b[400];
    if (!d->has_peer_ip) {
        step_skip(s, "the inventory gives no peer_ip: the neighbor's inbound policy cannot be found");
        return;
    }
    ip_to_string(&d->peer_ip, peer, sizeof(peer));
    if (!fact_usable(nf) && !fact_usable(cf)) {
        step_skip(s, "neither the neighbor detail (%s) nor the BGP configuration (%s) could be read",
                  fact_problem(nf, a, sizeof(a)), fact_problem(cf, b, sizeof(b)));
        return;
    }
    peer_view_t pv;
    peer_view(ev, &pv);
    if (!pv.nb && !pv.cfg) {
        step_skip(s, "neighbor %s is in neither the neighbor detail nor the BGP configuration", peer);
        return;
    }
    if (judge_limits(ev, peer, s) || peering_rules_judge(ev, peer, s))
        return;
    if (!pv.plist[0] && !pv.policy[0])
        judge_no_policy(ev, &pv, peer, s);
    else
        judge_policy(ev, &pv, peer, s);
    if (s->verdict == VERDICT_PASS)
        warn_past_limit(ev, peer, s);
    const fact_t *used = pv.nb ? nf : cf;
    const void *rec = pv.nb ? (const void *)pv.nb : (const void *)pv.cfg;
    if (s->verdict == VERDICT_PASS && !pv.plist[0] && !pv.policy[0] && fact_record_partial(used, rec)) {
        /* An unread line of the neighbor's block may be the very line naming its inbound policy. */
        s->n_evidence = 0;
        s->n_next = s->n_note = 0;
        char why[240];
        fact_record_unread(used, rec, why, sizeof(why));
        step_skip(s, "no inbound policy shown for %s, but in its block of '%.200s' %s: the inbound policy is not "
                  "certain, so no PASS", peer, used->command, why);
    } else if (s->verdict != VERDICT_SKIP) {
        step_note_unread(s, used, rec, "the neighbor");
    }
}
