/* step_bgp_config.c: step 3 (BGP configuration) and step 7 (session state and last error).
 *
 * bgp_config judges what the router is told to do against the circuit's expectations: the
 * peer AS (Microsoft: 12076), the registered local AS, the timers against the profile
 * (Microsoft fixes 60/180 and the lower hold time wins), MD5 and BFD.  The configuration is
 * read first; what it does not show comes from the neighbor's detail.
 *
 * session reads what happened: Established, or the last NOTIFICATION decoded (RFC 4271 §4.5,
 * RFC 4486 for Cease).  An MD5 mismatch sends no NOTIFICATION at all (TCP drops the segments),
 * so "Active with no NOTIFICATION" plus BADAUTH-style log lines, or a key on our side, is its
 * signature. */
#include <stdarg.h>
#include <stdio.h>
#include <string.h>
#include <strings.h>

#include "framework/md5_judge.h"
#include "framework/peer_record.h"
#include "framework/prefix_limit.h"
#include "core/redact.h"
#include "framework/steps.h"

#define MS_HOLD_TIME 180 /* Microsoft's fixed hold time on every MSEE (ER-FAQ) */
#define MS_AS 12076
#define MAX_ISSUES 12

/* ---------------------------------------------------------------- shared helpers */

/* Output lines can carry a secret (FRR keeps passwords in clear): the one redactor of
 * core/redact.h masks it, as it masks every other output path. */
static void redact(char *line, size_t size)
{
    redact_inplace(line, size);
}

/* Quotes the first line of f matching one of the needle sets (tried in order). */
static bool quote_into(evidence_ref_t *out, const fact_t *f, const char *const *const *sets)
{
    step_result_t scratch;
    if (!f || !fact_usable(f))
        return false;
    for (int i = 0; sets[i]; i++) {
        scratch.n_evidence = 0;
        if (step_evidence(&scratch, f, sets[i])) {
            *out = scratch.evidence[0];
            redact(out->line, sizeof(out->line));
            return true;
        }
    }
    return false;
}

static void fmt_duration(int64_t secs, char *buf, size_t size)
{
    if (secs == MODEL_ABSENT || secs < 0)
        snprintf(buf, size, "an unknown time");
    else if (secs >= 7 * 86400)
        snprintf(buf, size, "%lldw%lldd", (long long)(secs / 604800), (long long)(secs % 604800 / 86400));
    else if (secs >= 86400)
        snprintf(buf, size, "%lldd%02lldh", (long long)(secs / 86400), (long long)(secs % 86400 / 3600));
    else
        snprintf(buf, size, "%02lld:%02lld:%02lld", (long long)(secs / 3600), (long long)(secs % 3600 / 60),
                 (long long)(secs % 60));
}

static const char *peer_name(const device_t *d)
{
    return d->peer_as == MS_AS ? "Microsoft" : "the peer";
}

/* The vendor's next steps for cause, with Azure's side of it (what Microsoft has registered for
 * the peering, or counts): framework/remedy.c. */
static void remedy(step_result_t *s, const evidence_t *ev, const char *cause)
{
    step_remedy(s, ev, cause, NULL, NULL);
}

/* ---------------------------------------------------------------- findings of one step */

/* One thing a step noticed: a FAIL or WARN with its cause, or a note (PASS). */
typedef struct {
    verdict_t verdict;
    const char *cause;
    char text[300];
    evidence_ref_t ev;
    bool has_ev;
} issue_t;

typedef struct {
    issue_t items[MAX_ISSUES];
    int n;
    char unchecked[200]; /* what could not be judged, in words */
} issues_t;

static issue_t *issue(issues_t *is, verdict_t v, const char *cause, const char *fmt, ...)
    __attribute__((format(printf, 4, 5)));

static issue_t *issue(issues_t *is, verdict_t v, const char *cause, const char *fmt, ...)
{
    static issue_t sink;
    if (is->n == MAX_ISSUES)
        return &sink;
    issue_t *it = &is->items[is->n++];
    memset(it, 0, sizeof(*it));
    it->verdict = v;
    it->cause = cause;
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(it->text, sizeof(it->text), fmt, ap);
    va_end(ap);
    return it;
}

static void unchecked(issues_t *is, const char *what)
{
    size_t w = strlen(is->unchecked);
    snprintf(is->unchecked + w, sizeof(is->unchecked) - w, "%s%s", w ? ", " : "", what);
}

static void append(char *buf, size_t size, const char *sep, const char *text)
{
    size_t w = strlen(buf);
    if (w < size)
        snprintf(buf + w, size - w, "%s%s", w ? sep : "", text);
}

/* The most severe issue first (FAIL, then WARN, in the order the checks ran), then the rest;
 * notes last.  The verdict and cause are the first one's. */
static void conclude(step_result_t *s, const evidence_t *ev, issues_t *is, const char *pass_text)
{
    int order[MAX_ISSUES], n = 0;
    static const verdict_t rank[] = {VERDICT_FAIL, VERDICT_WARN, VERDICT_PASS};
    for (int r = 0; r < 3; r++)
        for (int i = 0; i < is->n; i++)
            if (is->items[i].verdict == rank[r])
                order[n++] = i;
    char finding[sizeof(s->finding)] = "";
    const issue_t *top = n ? &is->items[order[0]] : NULL;
    if (!top || top->verdict == VERDICT_PASS)
        append(finding, sizeof(finding), "", pass_text);
    for (int k = 0; k < n; k++)
        append(finding, sizeof(finding), "; ", is->items[order[k]].text);
    if (is->unchecked[0]) {
        char tmp[260];
        snprintf(tmp, sizeof(tmp), "not checked (evidence missing): %s", is->unchecked);
        append(finding, sizeof(finding), "; ", tmp);
    }
    if (top && top->verdict == VERDICT_FAIL)
        step_fail(s, top->cause, "%s", finding);
    else if (top && top->verdict == VERDICT_WARN)
        step_warn(s, top->cause, "%s", finding);
    else if (is->unchecked[0]) /* partial evidence never gives PASS */
        step_warn(s, "evidence_missing", "%s", finding);
    else
        step_pass(s, "%s", finding);
    for (int k = 0; k < n && s->n_evidence < STEP_MAX_EVIDENCE; k++)
        if (is->items[order[k]].has_ev)
            s->evidence[s->n_evidence++] = is->items[order[k]].ev;
    /* The vendor's next steps for every distinct cause, the root cause's first. */
    for (int k = 0; k < n; k++) {
        const issue_t *it = &is->items[order[k]];
        bool seen = it->verdict == VERDICT_PASS;
        for (int j = 0; j < k && !seen; j++)
            seen = !strcmp(is->items[order[j]].cause, it->cause);
        if (!seen)
            remedy(s, ev, it->cause);
    }
}

/* ---------------------------------------------------------------- step 3: bgp_config */

/* What the router is configured to do for this neighbor, from the configuration or (where it
 * says nothing) the neighbor's detail, and which fact each value came from. */
typedef struct {
    const bgp_config_neighbor_t *cfg;
    const bgp_neighbor_t *nb;
    const fact_t *cfg_fact, *nb_fact;
    bool cfg_whole; /* the configuration answer is complete: what it does not say is off */
    int64_t remote_as, local_as, hold, keepalive;
    const fact_t *as_src, *las_src, *timer_src, *md5_src, *bfd_src;
    tristate_t md5, bfd;
    md5_view_t md5j; /* the keys on both sides, judged once for both steps */
    bool established;
} bgp_view_t;

/* The router's own AS: the configuration, the neighbor's header, else the summary's header. */
static void view_local_as(const evidence_t *ev, bgp_view_t *v)
{
    const fact_t *sf = &ev->facts[PROBE_BGP_SUMMARY];
    const record_t *p = peer_record(sf, ev->device);
    if (v->local_as != MODEL_ABSENT)
        return;
    if (fact_usable(v->cfg_fact) && v->cfg_fact->meta.local_as != MODEL_ABSENT && v->cfg_fact->meta.local_as) {
        v->local_as = v->cfg_fact->meta.local_as;
        v->las_src = v->cfg_fact;
    } else if (p && p->u.peer.local_as != MODEL_ABSENT) {
        v->local_as = p->u.peer.local_as;
        v->las_src = sf;
    } else if (fact_usable(sf) && sf->meta.local_as != MODEL_ABSENT && sf->meta.local_as) {
        v->local_as = sf->meta.local_as;
        v->las_src = sf;
    }
}

/* MD5 and BFD: a complete configuration that does not mention a key or BFD has none; else
 * what the neighbor's detail shows (maybe nothing). */
static void view_flag(const bgp_view_t *v, tristate_t cfg, tristate_t nb, tristate_t *out, const fact_t **src)
{
    if (v->cfg && (cfg == TRI_TRUE || v->cfg_whole)) {
        *out = cfg == TRI_TRUE ? TRI_TRUE : TRI_FALSE;
        *src = v->cfg_fact;
    } else if (v->nb) {
        *out = nb;
        *src = v->nb_fact;
    }
}

static void view_build(const evidence_t *ev, bgp_view_t *v)
{
    memset(v, 0, sizeof(*v));
    v->cfg_fact = &ev->facts[PROBE_BGP_CONFIG];
    v->nb_fact = &ev->facts[PROBE_BGP_NEIGHBOR];
    const record_t *c = peer_record(v->cfg_fact, ev->device), *n = peer_record(v->nb_fact, ev->device);
    v->cfg = c ? &c->u.bgp_config : NULL;
    v->nb = n ? &n->u.neighbor : NULL;
    /* Only a whole configuration says that what it does not state is off. */
    v->cfg_whole = v->cfg && !c->partial && !v->cfg_fact->truncated;
    v->remote_as = v->local_as = v->hold = v->keepalive = MODEL_ABSENT;
    /* The configuration first; the neighbor's detail for what it leaves unsaid. */
#define PICK(dst, src, cval, nval)                                                                   \
    do {                                                                                             \
        if (v->cfg && (cval) != MODEL_ABSENT) { v->dst = (cval); v->src = v->cfg_fact; }             \
        else if (v->nb && (nval) != MODEL_ABSENT) { v->dst = (nval); v->src = v->nb_fact; }          \
    } while (0)
    PICK(remote_as, as_src, v->cfg->remote_as, v->nb->remote_as);
    PICK(local_as, las_src, v->cfg->local_as, v->nb->local_as);
    PICK(hold, timer_src, v->cfg->hold_time, v->nb->cfg_hold_time);
#undef PICK
    view_local_as(ev, v);
    if (v->timer_src == v->cfg_fact && v->cfg->keepalive != MODEL_ABSENT)
        v->keepalive = v->cfg->keepalive;
    else if (v->timer_src == v->nb_fact && v->nb->cfg_keepalive != MODEL_ABSENT)
        v->keepalive = v->nb->cfg_keepalive;
    md5_judge(ev, &v->md5j);
    v->md5 = v->md5j.ours;
    v->md5_src = v->md5j.ours_src;
    view_flag(v, v->cfg ? v->cfg->bfd : TRI_ABSENT, v->nb ? v->nb->bfd : TRI_ABSENT, &v->bfd, &v->bfd_src);
    v->established = v->nb && v->nb->state == BGP_STATE_ESTABLISHED;
}

/* Quotes the line that states value for the peer: "neighbor P remote-as V", Junos "peer-as V;",
 * a neighbor header "remote AS V"... */
static void quote_value(issue_t *it, const fact_t *f, const char *peer, const char *const *keywords, const char *value)
{
    for (int i = 0; keywords[i] && !it->has_ev; i++) {
        const char *with_peer[] = {peer, keywords[i], value, NULL};
        const char *plain[] = {keywords[i], value, NULL};
        const char *const *sets[] = {with_peer, plain, NULL};
        it->has_ev = quote_into(&it->ev, f, sets);
    }
}

static void quote_neighbor(issue_t *it, const fact_t *f, const char *peer)
{
    const char *a[] = {peer, "remote-as", NULL}, *b[] = {peer, "remote AS", NULL}, *c[] = {"Peer:", peer, NULL};
    const char *d[] = {"neighbor", peer, NULL}, *e[] = {peer, NULL};
    const char *const *sets[] = {a, b, c, d, e, NULL};
    it->has_ev = quote_into(&it->ev, f, sets);
}

static void check_peer_as(const device_t *d, const bgp_view_t *v, const char *peer, issues_t *is)
{
    if (v->remote_as == MODEL_ABSENT) {
        unchecked(is, "remote AS");
        return;
    }
    if (v->remote_as == d->peer_as)
        return;
    char val[24];
    snprintf(val, sizeof(val), "%lld", (long long)v->remote_as);
    issue_t *it;
    if (d->peer_as == MS_AS)
        it = issue(is, VERDICT_FAIL, "peer_as_mismatch", "neighbor %s remote-as %s configured; Microsoft is AS %d", peer,
                   val, MS_AS);
    else
        it = issue(is, VERDICT_FAIL, "peer_as_mismatch", "neighbor %s remote-as %s configured; the expected peer AS is %lld",
                   peer, val, (long long)d->peer_as);
    static const char *const kw[] = {"remote-as", "peer-as", "remote AS", "AS", NULL};
    quote_value(it, v->as_src, peer, kw, val);
}

static void check_local_as(const device_t *d, const bgp_view_t *v, const char *peer, issues_t *is)
{
    if (d->local_as <= 0) {
        issue(is, VERDICT_PASS, "none", "no registered local AS in the inventory: local AS not compared");
        return;
    }
    if (v->local_as == MODEL_ABSENT) {
        unchecked(is, "local AS");
        return;
    }
    if (v->local_as == d->local_as)
        return;
    char val[24];
    snprintf(val, sizeof(val), "%lld", (long long)v->local_as);
    issue_t *it = issue(is, VERDICT_FAIL, "local_as_mismatch",
                        "local AS %s used towards %s; the peering is registered with AS %lld (the PeerASN %s expects)",
                        val, peer, (long long)d->local_as, peer_name(d));
    static const char *const kw[] = {"local-as", "router bgp", "local AS", "autonomous-system", "Local:", NULL};
    quote_value(it, v->las_src, peer, kw, val);
}

static void quote_timer(issue_t *it, const bgp_view_t *v, const char *peer, int64_t hold)
{
    char val[24];
    snprintf(val, sizeof(val), "%lld", (long long)hold);
    static const char *const kw[] = {"timers", "hold-time", "onfigured hold time is", "Holdtime:", "hold time", NULL};
    quote_value(it, v->timer_src, peer, kw, val);
}

static void check_timers(const device_t *d, const bgp_view_t *v, const char *peer, issues_t *is)
{
    if (v->hold == MODEL_ABSENT) {
        if (v->cfg_whole)
            issue(is, VERDICT_PASS, "none", "no BGP timers configured for %s: the platform default applies", peer);
        else
            unchecked(is, "timers");
        return;
    }
    int64_t hold = v->hold;
    /* BGP sends keepalives at a third of the hold time unless told otherwise (Junos has no
     * keepalive statement). */
    int64_t keep = v->keepalive != MODEL_ABSENT ? v->keepalive : hold / 3;
    int64_t expect = hold < MS_HOLD_TIME ? hold : MS_HOLD_TIME;
    issue_t *it = NULL;
    if (hold == 0)
        it = issue(is, VERDICT_WARN, "timer_mismatch",
                   "hold time 0 configured towards %s: keepalives and the hold timer are off, a dead peer is never "
                   "noticed; %s uses 60/180", peer, peer_name(d));
    else if (hold < 10)
        it = issue(is, VERDICT_WARN, "timer_mismatch",
                   "timers %lld/%lld towards %s are aggressive (hold under 10 s): the lower hold time wins, so the "
                   "session drops on a few seconds' loss; %s uses 60/180 (use BFD for fast failover)",
                   (long long)keep, (long long)hold, peer, peer_name(d));
    else if (keep == 30 && hold == 90)
        it = issue(is, VERDICT_WARN, "timer_mismatch",
                   "timers 30/90 configured towards %s: 30/90 is AWS Direct Connect's default, not Microsoft's "
                   "(60/180); the session negotiates hold 90", peer);
    else if (hold > MS_HOLD_TIME)
        issue(is, VERDICT_PASS, "none",
              "hold time %lld configured: above 180 it has no effect, the lower hold time wins (180 negotiated)",
              (long long)hold);
    else if (hold != d->hold_time || (v->keepalive != MODEL_ABSENT && v->keepalive != d->keepalive))
        it = issue(is, VERDICT_WARN, "timer_mismatch",
                   "timers %lld/%lld configured towards %s; the profile is %d/%d (negotiated hold = min(%lld, 180) = %lld)",
                   (long long)keep, (long long)hold, peer, d->keepalive, d->hold_time, (long long)hold, (long long)expect);
    if (it)
        quote_timer(it, v, peer, hold);
    if (v->established && v->nb->hold_time != MODEL_ABSENT && hold > 0 && v->nb->hold_time != expect)
        issue(is, VERDICT_PASS, "none",
              "negotiated hold time %lld, not min(%lld, 180) = %lld: configured timers apply from the next session "
              "reset, or the peer is not on 180", (long long)v->nb->hold_time, (long long)hold, (long long)expect);
}

static void quote_md5(issue_t *it, const fact_t *f, const char *peer)
{
    const char *a[] = {peer, "password", NULL}, *b[] = {"authentication-key", NULL}, *c[] = {"AuthKey", NULL};
    const char *e[] = {"Option Flags", "md5", NULL}, *g[] = {"Authentication", NULL}, *h[] = {"password", NULL};
    const char *const *sets[] = {a, b, c, e, g, h, NULL};
    it->has_ev = quote_into(&it->ev, f, sets);
}

/* The keys as md5_judge() sees them.  Up with a key on one side only cannot be: the inventory
 * is then wrong about the peering, which the finding says (WARN, or a note). */
static void check_md5(const bgp_view_t *v, const char *peer, issues_t *is)
{
    const md5_view_t *j = &v->md5j;
    const char *cause = md5_cause(j);
    char words[240];
    if (j->state == MD5_UNKNOWN) {
        unchecked(is, "MD5");
        return;
    }
    if (!cause)
        return;
    md5_words(j, peer, words, sizeof(words));
    if (v->established && j->state == MD5_OURS_MISSING) {
        issue_t *it = issue(is, VERDICT_WARN, "md5_missing", "%s; the session is up, so the peering in Azure has no "
                            "shared key either", words);
        quote_neighbor(it, v->cfg ? v->cfg_fact : v->nb_fact, peer);
        return;
    }
    if (v->established) {
        issue(is, VERDICT_PASS, "none", "an MD5 key is configured and the session is up, so the peering has the same "
              "shared key (%s)", j->by_log ? "the log's MD5 failures are older" : "inventory: md5 = no");
        return;
    }
    issue_t *it = issue(is, VERDICT_FAIL, cause, "%s: %s", words,
                        j->state == MD5_DIFFER ? "every TCP segment is dropped, no NOTIFICATION is sent"
                                               : "a key on one side only drops every TCP segment, no NOTIFICATION is sent");
    /* The configuration's own line: the neighbor without a key, or the key (the session step
     * quotes the log). */
    if (j->state == MD5_OURS_MISSING)
        quote_neighbor(it, v->cfg ? v->cfg_fact : v->nb_fact, peer);
    else
        quote_md5(it, v->md5_src, peer);
}

/* BFD runs only beside a BGP session that is up over a link that is up: with BGP down, BFD is
 * down too and says nothing of its own, so it is not judged then.  Up BGP without an up BFD
 * session is bfd_session_down. */
static void check_bfd_session(const evidence_t *ev, const bgp_view_t *v, const char *peer, issues_t *is)
{
    const fact_t *f = &ev->facts[PROBE_BFD];
    if (!v->established || !fact_usable(f))
        return;
    const record_t *r = peer_record(f, ev->device);
    if ((!r && fact_absence_unproven(f)) || (r && r->partial && r->u.bfd.state == UPDOWN_ABSENT))
        return; /* no session seen in a cut answer, or one whose state was not read */
    if (r && r->u.bfd.state == UPDOWN_UP)
        return;
    issue_t *it = issue(is, VERDICT_WARN, "bfd_session_down",
                        "BFD is configured for %s and BGP is up, but %s: peerings created before August 2018 "
                        "(private) or January 2020 (Microsoft) need a peering reset to get BFD on the MSEE", peer,
                        r ? "its BFD session is down" : "there is no BFD session with it");
    if (r) {
        const char *n[] = {peer, NULL};
        const char *const *sets[] = {n, NULL};
        it->has_ev = quote_into(&it->ev, f, sets);
    }
}

/* Expected (inventory bfd = yes) but not configured is reported under the same code,
 * bfd_session_down, in words: there is no BFD session because none is configured.  It is a
 * configuration fact, so it stands whatever the session's state. */
static void check_bfd(const evidence_t *ev, const bgp_view_t *v, const char *peer, issues_t *is)
{
    if (!ev->device->bfd_expected)
        return;
    if (v->bfd == TRI_ABSENT) {
        unchecked(is, "BFD");
        return;
    }
    if (v->bfd == TRI_TRUE) {
        check_bfd_session(ev, v, peer, is);
        return;
    }
    issue_t *it = issue(is, VERDICT_WARN, "bfd_session_down",
                        "BFD is expected but not configured for %s, so there is no BFD session: without it a dead "
                        "link is noticed only after the 180 s hold time (the MSEE runs BFD at 300 ms)", peer);
    quote_neighbor(it, v->bfd_src, peer);
}

/* The neighbor is in neither answer: missing from a complete configuration is a finding,
 * anything less is missing evidence. */
static void no_neighbor(const evidence_t *ev, step_result_t *s, const char *peer)
{
    const fact_t *cf = &ev->facts[PROBE_BGP_CONFIG];
    char why[400];
    if (fact_usable(cf) && !fact_absence_unproven(cf)) {
        step_fail(s, "neighbor_missing", "no BGP neighbor %s in the configuration: the session to %s is not configured",
                  peer, peer_name(ev->device));
        const char *a[] = {"router bgp", NULL}, *b[] = {"bgp", NULL};
        if (!step_evidence(s, cf, a))
            step_evidence(s, cf, b);
        remedy(s, ev, "neighbor_missing");
        return;
    }
    if (fact_usable(cf))
        step_skip(s, "neighbor %s not found in a configuration that was cut short", peer);
    else
        step_skip(s, "neighbor %s not found in the neighbor detail, and the BGP configuration is missing (%s)", peer,
                  fact_problem(cf, why, sizeof(why)));
}

void step_bgp_config(const evidence_t *ev, step_result_t *s)
{
    const device_t *d = ev->device;
    const fact_t *cf = &ev->facts[PROBE_BGP_CONFIG], *nf = &ev->facts[PROBE_BGP_NEIGHBOR];
    char peer[ADDR_LEN] = "", why1[400], why2[400];
    if (!fact_usable(cf) && !fact_usable(nf)) {
        step_skip(s, "BGP configuration: %s; neighbor detail: %s", fact_problem(cf, why1, sizeof(why1)),
                  fact_problem(nf, why2, sizeof(why2)));
        return;
    }
    if (!d->has_peer_ip) {
        step_skip(s, "the inventory names no peer address: nothing to look up");
        return;
    }
    ip_to_string(&d->peer_ip, peer, sizeof(peer));
    bgp_view_t v;
    view_build(ev, &v);
    if (!v.cfg && !v.nb) {
        no_neighbor(ev, s, peer);
        return;
    }
    issues_t is;
    memset(&is, 0, sizeof(is));
    check_peer_as(d, &v, peer, &is);
    check_local_as(d, &v, peer, &is);
    check_md5(&v, peer, &is);
    check_timers(d, &v, peer, &is);
    check_bfd(ev, &v, peer, &is);
    if (!v.cfg)
        issue(&is, VERDICT_PASS, "none", "judged from the neighbor detail: the BGP configuration is %s",
              fact_usable(cf) ? "cut short or does not list this neighbor" : fact_problem(cf, why1, sizeof(why1)));
    else if (!v.cfg_whole)
        unchecked(&is, "settings beyond the cut-off configuration output");
    if (!v.cfg && (fact_record_partial(nf, v.nb) || nf->truncated))
        unchecked(&is, "settings beyond the cut-off neighbor output");
    char pass[320], ras[24] = "not shown", las[24] = "not shown";
    if (v.remote_as != MODEL_ABSENT)
        snprintf(ras, sizeof(ras), "%lld", (long long)v.remote_as);
    if (v.local_as != MODEL_ABSENT)
        snprintf(las, sizeof(las), "%lld", (long long)v.local_as);
    snprintf(pass, sizeof(pass), "neighbor %s: remote-as %s, local AS %s, MD5 %s, BFD %s", peer, ras, las,
             v.md5 == TRI_TRUE ? "on" : v.md5 == TRI_FALSE ? "off" : "not shown",
             v.bfd == TRI_TRUE ? "on" : v.bfd == TRI_FALSE ? "off" : "not shown");
    conclude(s, ev, &is, pass);
    if (v.cfg)
        step_note_unread(s, cf, v.cfg, "the configuration of the neighbor");
    if (v.nb)
        step_note_unread(s, nf, v.nb, "the neighbor");
    /* A PASS shows the neighbor statement it judged. */
    if (s->n_evidence == 0) {
        issue_t it = {0};
        quote_neighbor(&it, v.cfg ? cf : nf, peer);
        if (it.has_ev)
            s->evidence[s->n_evidence++] = it.ev;
    }
}

/* ---------------------------------------------------------------- step 7: session */

/* RFC 4271 §4.5 / §6 and RFC 4486 (Cease), RFC 8538 (hard reset), RFC 9384 (BFD down). */
typedef struct {
    int code, subcode; /* subcode -1: any */
    const char *words;
    const char *cause;
} notif_t;

static const notif_t notifs[] = {
    {1, 1, "Message Header Error / Connection Not Synchronized", "session_down"},
    {1, 2, "Message Header Error / Bad Message Length", "session_down"},
    {1, 3, "Message Header Error / Bad Message Type", "session_down"},
    {1, -1, "Message Header Error", "session_down"},
    {2, 1, "OPEN Message Error / Unsupported Version Number", "session_down"},
    {2, 2, "OPEN Message Error / Bad Peer AS", "peer_as_mismatch"},
    {2, 3, "OPEN Message Error / Bad BGP Identifier", "session_down"},
    {2, 4, "OPEN Message Error / Unsupported Optional Parameter", "session_down"},
    {2, 6, "OPEN Message Error / Unacceptable Hold Time", "timer_mismatch"},
    {2, 7, "OPEN Message Error / Unsupported Capability", "session_down"},
    {2, -1, "OPEN Message Error", "session_down"},
    {3, -1, "UPDATE Message Error", "session_down"},
    {4, -1, "Hold Timer Expired", "hold_timer_expired"},
    {5, -1, "Finite State Machine Error", "session_down"},
    {6, 1, "Cease / Maximum Number of Prefixes Reached", "route_limit"},
    {6, 2, "Cease / Administrative Shutdown", "peer_shutdown"},
    {6, 3, "Cease / Peer De-configured", "peer_shutdown"},
    {6, 4, "Cease / Administrative Reset", "session_down"},
    {6, 5, "Cease / Connection Rejected", "session_down"},
    {6, 6, "Cease / Other Configuration Change", "session_down"},
    {6, 7, "Cease / Connection Collision Resolution", "session_down"},
    {6, 8, "Cease / Out of Resources", "session_down"},
    {6, 9, "Cease / Hard Reset", "session_down"},
    {6, 10, "Cease / BFD Down", "session_down"},
    {6, -1, "Cease", "session_down"},
};

/* Some platforms print the reason in words only ("due to Peer over prefix limit"). */
static const struct {
    const char *phrase;
    int code, subcode;
} reason_words[] = {
    {"hold time expired", 4, 0}, {"hold timer expired", 4, 0}, {"maximum number of prefixes", 6, 1},
    {"prefix limit", 6, 1}, {"max. no. of prefixes", 6, 1}, {"peer in wrong as", 2, 2}, {"bad peer as", 2, 2},
    {"unacceptable hold", 2, 6}, {"administrative shutdown", 6, 2}, {"admin. shutdown", 6, 2},
    {"administrative reset", 6, 4}, {"admin. reset", 6, 4},
    /* the family alone, when no subcode is printed: after every specific phrase */
    {"open message error", 2, -1}, {"update message error", 3, -1}, {"cease", 6, -1},
};

static bool has_ci(const char *hay, const char *needle)
{
    size_t n = strlen(needle);
    for (const char *p = hay; *p; p++)
        if (!strncasecmp(p, needle, n))
            return true;
    return false;
}

static const notif_t *find_notif(int64_t code, int64_t sub)
{
    for (size_t i = 0; i < sizeof(notifs) / sizeof(notifs[0]); i++)
        if (notifs[i].code == code && (notifs[i].subcode == -1 || notifs[i].subcode == sub))
            return &notifs[i];
    return NULL;
}

static const notif_t *decode(const bgp_neighbor_t *nb, int64_t *code, int64_t *sub)
{
    *code = nb->notification_code;
    *sub = nb->notification_subcode;
    for (size_t i = 0; *code == MODEL_ABSENT && i < sizeof(reason_words) / sizeof(reason_words[0]); i++)
        if (has_ci(nb->last_error, reason_words[i].phrase) || has_ci(nb->last_reset_reason, reason_words[i].phrase)) {
            *code = reason_words[i].code;
            *sub = reason_words[i].subcode < 0 ? MODEL_ABSENT : reason_words[i].subcode;
        }
    return *code == MODEL_ABSENT ? NULL : find_notif(*code, *sub);
}

typedef struct {
    const evidence_t *ev;
    step_result_t *s;
    const char *peer;
    const bgp_neighbor_t *nb;
    const bgp_peer_t *sum;
    const fact_t *state_fact;
    const char *raw_state;
    bgp_state_t state;
} session_t;

/* Adds e unless the step already quotes that line. */
static void add_ev(step_result_t *s, const evidence_ref_t *e)
{
    for (int i = 0; i < s->n_evidence; i++)
        if (!strcmp(s->evidence[i].line, e->line) && !strcmp(s->evidence[i].command, e->command))
            return;
    if (s->n_evidence < STEP_MAX_EVIDENCE)
        s->evidence[s->n_evidence++] = *e;
}

static void quote_state(session_t *x)
{
    const char *st = x->raw_state[0] ? x->raw_state : bgp_state_name(x->state);
    const char *a[] = {"BGP state", st, NULL}, *b[] = {"State:", st, NULL}, *c[] = {x->peer, st, NULL};
    const char *d[] = {"state", st, NULL}, *e[] = {x->peer, NULL};
    const char *const *sets[] = {a, b, c, d, e, NULL};
    issue_t it = {0};
    if (quote_into(&it.ev, x->state_fact, sets))
        add_ev(x->s, &it.ev);
}

static void quote_notification(session_t *x)
{
    const bgp_neighbor_t *nb = x->nb;
    if (!nb)
        return;
    const char *a[] = {nb->last_error, NULL}, *b[] = {nb->last_reset_reason, NULL}, *c[] = {"Last reset", NULL};
    const char *const *sets[] = {nb->last_error[0] ? a : c, nb->last_reset_reason[0] ? b : c, c, NULL};
    issue_t it = {0};
    if (quote_into(&it.ev, &x->ev->facts[PROBE_BGP_NEIGHBOR], sets))
        add_ev(x->s, &it.ev);
}

static void session_up(session_t *x)
{
    char up[40] = "", pfx[48] = "";
    int64_t secs = x->nb && x->nb->up_down != MODEL_ABSENT ? x->nb->up_down : x->sum ? x->sum->up_down : MODEL_ABSENT;
    if (secs != MODEL_ABSENT) {
        char d[32];
        fmt_duration(secs, d, sizeof(d));
        snprintf(up, sizeof(up), " for %s", d);
    }
    int64_t rcvd = x->nb && x->nb->prefixes_received != MODEL_ABSENT ? x->nb->prefixes_received
                   : x->sum ? x->sum->prefixes_received : MODEL_ABSENT;
    if (rcvd != MODEL_ABSENT)
        snprintf(pfx, sizeof(pfx), ", %lld prefixes received", (long long)rcvd);
    step_pass(x->s, "Established%s%s", up, pfx);
    if (x->nb && (x->nb->last_error[0] || x->nb->notification_code != MODEL_ABSENT)) {
        size_t w = strlen(x->s->finding);
        snprintf(x->s->finding + w, sizeof(x->s->finding) - w, "; last reset: %s",
                 x->nb->last_error[0] ? x->nb->last_error : x->nb->last_reset_reason);
    }
    quote_state(x);
}

/* No NOTIFICATION explains the state, and the keys (md5_judge, the same judgement as the
 * configuration step's) say a key is missing on one side or differs: the TCP-level failures. */
static bool session_md5(session_t *x, const notif_t *n)
{
    /* OpenSent/OpenConfirm need a working TCP session: not MD5. */
    if (x->state != BGP_STATE_ACTIVE && x->state != BGP_STATE_CONNECT && x->state != BGP_STATE_IDLE)
        return false;
    /* An OPEN or UPDATE error needs a working TCP session too: it is the better explanation. */
    if (n && n->code <= 3)
        return false;
    md5_view_t j;
    md5_judge(x->ev, &j);
    const char *cause = md5_cause(&j);
    /* A key on both sides as far as anything shows: a mismatch still is the one fault that
     * leaves a session down with no NOTIFICATION. */
    bool suspect = !cause && j.ours == TRI_TRUE;
    if (!cause && !suspect)
        return false;
    /* Without a log line, a NOTIFICATION that names a fault (4/0, 6/1, 6/2) explains more
     * than the keys do, and silence with no NOTIFICATION at all looks the same for a filter: the
     * TCP 179 step weighs that from the CE's own evidence (never the console host's, whose path
     * is not the session's).  Our key is the suspect after a reset for a configuration change
     * (6/6, often the key being set) or an admin reset. */
    if (!j.by_log && (!n || strcmp(n->cause, "session_down") != 0))
        return false;
    const char *st = x->raw_state[0] ? x->raw_state : bgp_state_name(x->state);
    char words[240];
    md5_words(&j, x->peer, words, sizeof(words));
    if (cause)
        step_fail(x->s, cause, "%s in %s: %s (an MD5 problem sends no NOTIFICATION, the session sits in %s)%s%s",
                  x->peer, st, words, st, n ? "; last NOTIFICATION before it: " : "", n ? n->words : "");
    else
        step_fail(x->s, "md5_mismatch",
                  "%s in %s with no NOTIFICATION and an MD5 key configured on our side: an MD5 mismatch (or a key the "
                  "peering in Azure does not have) sends no NOTIFICATION, the session sits in %s", x->peer, st, st);
    if (j.by_log) /* a log line that contradicts our configuration proves nothing */
        add_ev(x->s, &j.log);
    quote_state(x);
    remedy(x->s, x->ev, x->s->cause);
    return true;
}

/* 2/x with no subcode printed (some platforms): our own configuration tells which. */
static const char *open_error_cause(const session_t *x, const notif_t *n, int64_t sub, const char **why)
{
    const device_t *d = x->ev->device;
    *why = "";
    if (n->code != 2 || !x->nb)
        return n->cause;
    bool bad_peer = sub == 2 || sub == MODEL_ABSENT;
    if (bad_peer && x->nb->remote_as != MODEL_ABSENT && x->nb->remote_as != d->peer_as) {
        *why = "our remote AS is not the peer's";
        return "peer_as_mismatch";
    }
    if (bad_peer && d->local_as > 0 && x->nb->local_as != MODEL_ABSENT && x->nb->local_as != d->local_as) {
        *why = "our local AS is not the one registered for the peering";
        return "local_as_mismatch";
    }
    if (sub == 2 && !strcmp(x->nb->notification_dir, "received")) {
        *why = "the peer rejects our AS: the peering's PeerASN in Azure differs from our local AS";
        return "local_as_mismatch";
    }
    return n->cause;
}

static void session_notification(session_t *x, const notif_t *n, int64_t code, int64_t sub)
{
    const char *why;
    const char *cause = open_error_cause(x, n, sub, &why);
    /* A Cease for a prefix limit: whose limit, from its direction and the counts. */
    limit_view_t lv;
    limit_judge(x->ev, &lv);
    if (n->code == 6 && lv.cause && lv.tripped) {
        cause = lv.cause;
        why = lv.words;
    }
    const char *st = x->raw_state[0] ? x->raw_state : bgp_state_name(x->state);
    const char *dir = x->nb && x->nb->notification_dir[0] ? x->nb->notification_dir : "sent or received";
    char codes[32];
    if (sub == MODEL_ABSENT)
        snprintf(codes, sizeof(codes), "%lld", (long long)code);
    else
        snprintf(codes, sizeof(codes), "%lld/%lld", (long long)code, (long long)sub);
    static const struct {
        const char *cause, *hint;
    } hints[] = {
        {"peer_as_mismatch", "the remote AS configured is not the peer's (Microsoft is AS 12076)"},
        {"local_as_mismatch", "the AS we announce is not the one registered for the peering"},
        {"timer_mismatch", "one side refuses the other's hold time (it must be 0 or at least 3 s)"},
        {"hold_timer_expired", "keepalives stopped arriving: link loss, congestion, an MTU/fragmentation problem "
                               "or a CPU-starved peer"},
        {"peer_shutdown", "the session was shut down administratively"},
    };
    const char *hint = why[0] ? why : "";
    if (!hint[0] && !strcmp(cause, "peer_shutdown") && x->nb && !strcmp(x->nb->notification_dir, "received"))
        hint = "the peer shut the session down: is the peering disabled in Azure, or under maintenance?";
    for (size_t i = 0; !hint[0] && i < sizeof(hints) / sizeof(hints[0]); i++)
        if (!strcmp(hints[i].cause, cause))
            hint = hints[i].hint;
    step_fail(x->s, cause, "%s is %s; last NOTIFICATION %s: %s (%s)%s%s", x->peer, st, dir, n->words, codes,
              hint[0] ? ": " : "", hint);
    quote_notification(x);
    quote_state(x);
    remedy(x->s, x->ev, cause);
}

static void session_other(session_t *x)
{
    const char *st = x->raw_state[0] ? x->raw_state : bgp_state_name(x->state);
    const char *reason = x->nb && x->nb->last_reset_reason[0] ? x->nb->last_reset_reason
                         : x->nb && x->nb->last_error[0]     ? x->nb->last_error
                                                             : "";
    const char *what = x->state == BGP_STATE_OPENSENT || x->state == BGP_STATE_OPENCONFIRM
                           ? "TCP works but the OPEN exchange does not complete"
                           : "no TCP session and no NOTIFICATION: see the ARP, addressing and TCP 179 steps";
    step_fail(x->s, "session_down", "%s is %s: %s%s%s%s", x->peer, st, what, x->nb ? "" : " (neighbor detail missing)",
              reason[0] ? "; last reset: " : "", reason);
    quote_state(x);
    if (reason[0])
        quote_notification(x);
    remedy(x->s, x->ev, "session_down");
}

static void session_admin(session_t *x)
{
    step_fail(x->s, "peer_shutdown", "%s is administratively shut down on this router (%s)", x->peer,
              x->raw_state[0] ? x->raw_state : "Idle (Admin)");
    const char *a[] = {"Administratively shut", NULL}, *b[] = {"Admin", NULL}, *c[] = {"shutdown", NULL};
    const char *const *sets[] = {a, b, c, NULL};
    issue_t it = {0};
    if (quote_into(&it.ev, x->state_fact, sets))
        add_ev(x->s, &it.ev);
    quote_state(x);
    remedy(x->s, x->ev, "peer_shutdown");
}

static void judge_session(const evidence_t *ev, step_result_t *s)
{
    const fact_t *nf = &ev->facts[PROBE_BGP_NEIGHBOR], *sf = &ev->facts[PROBE_BGP_SUMMARY];
    char peer[ADDR_LEN] = "", why1[400], why2[400];
    if (!fact_usable(nf) && !fact_usable(sf)) {
        step_skip(s, "neighbor detail: %s; BGP summary: %s", fact_problem(nf, why1, sizeof(why1)),
                  fact_problem(sf, why2, sizeof(why2)));
        return;
    }
    if (!ev->device->has_peer_ip) {
        step_skip(s, "the inventory names no peer address: nothing to look up");
        return;
    }
    ip_to_string(&ev->device->peer_ip, peer, sizeof(peer));
    const record_t *n = peer_record(nf, ev->device), *p = peer_record(sf, ev->device);
    session_t x = {.ev = ev, .s = s, .peer = peer, .nb = n ? &n->u.neighbor : NULL, .sum = p ? &p->u.peer : NULL};
    if (!x.nb && !x.sum) {
        bool whole = (fact_usable(nf) && !fact_absence_unproven(nf)) || (fact_usable(sf) && !fact_absence_unproven(sf));
        if (whole)
            step_fail(s, "session_down", "no BGP session with %s exists on this router", peer);
        else
            step_skip(s, "%s not found in BGP output that was cut short", peer);
        if (whole)
            remedy(s, ev, "session_down");
        return;
    }
    x.state_fact = x.nb ? nf : sf;
    x.state = x.nb ? x.nb->state : x.sum->state;
    x.raw_state = x.nb ? x.nb->raw_state : x.sum->raw_state;
    bool admin = (x.nb && x.nb->admin_down) || (x.sum && x.sum->admin_down);
    if (x.state == BGP_STATE_ESTABLISHED) {
        session_up(&x);
        return;
    }
    if (step_need_value(s, x.state_fact, x.nb ? (const void *)x.nb : (const void *)x.sum, x.state != BGP_STATE_ABSENT,
                        "the state of the session"))
        return;
    if (x.state == BGP_STATE_ABSENT) {
        step_skip(s, "the state of %s is not shown", peer);
        return;
    }
    if (admin) {
        session_admin(&x);
        return;
    }
    int64_t code = MODEL_ABSENT, sub = MODEL_ABSENT;
    const notif_t *note = x.nb ? decode(x.nb, &code, &sub) : NULL;
    if (!note && has_ci(x.raw_state, "PfxCt")) /* "Idle (PfxCt)": stopped at the prefix limit */
        note = find_notif(code = 6, sub = 1);
    if (session_md5(&x, note))
        return;
    if (note)
        session_notification(&x, note, code, sub);
    else
        session_other(&x);
}

/* The verdict stands on the neighbor's lines that were read; one its block held that the
 * parser could not read is said after it (elsewhere in the answer, it does not matter). */
void step_session(const evidence_t *ev, step_result_t *s)
{
    judge_session(ev, s);
    const fact_t *nf = &ev->facts[PROBE_BGP_NEIGHBOR], *sf = &ev->facts[PROBE_BGP_SUMMARY];
    const record_t *n = peer_record(nf, ev->device), *p = peer_record(sf, ev->device);
    if (s->verdict == VERDICT_SKIP)
        return;
    if (n)
        step_note_unread(s, nf, &n->u.neighbor, "the neighbor");
    else if (p)
        step_note_unread(s, sf, &p->u.peer, "the neighbor's summary row");
}
