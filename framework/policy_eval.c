/* policy_eval.c: inbound routing policy, evaluated as the router would, on one prefix.
 *
 * Prefix-lists (entries in seq order, first match wins, ge/le ranges, implicit deny),
 * route-maps (first matching entry wins, an entry without match clauses matches everything,
 * implicit deny), Junos policy-statement terms (only accept/reject end the evaluation; a chain
 * that ends undecided takes BGP's default import policy: accept) and, approximately, IOS-XR
 * route-policies (the records keep their conditions and actions but not the if/else shape). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "framework/policy_eval.h"

typedef enum { DIALECT_ROUTE_MAP, DIALECT_TERMS, DIALECT_RPL } dialect_t;

static bool word_eq(const char *a, const char *b)
{
    return strcasecmp(a, b) == 0;
}

/* The records of one list or policy, in evaluation order (seq, then position). */
typedef struct {
    const record_t **v;
    size_t n;
} entries_t;

static int64_t rec_seq(const record_t *r)
{
    int64_t s = r->kind == KIND_PREFIX_LISTS ? r->u.prefix_list.seq : r->u.route_map.seq;
    return s == MODEL_ABSENT ? 0 : s;
}

static int by_seq(const void *a, const void *b)
{
    const record_t *ra = *(const record_t *const *)a, *rb = *(const record_t *const *)b;
    int64_t sa = rec_seq(ra), sb = rec_seq(rb);
    if (sa != sb)
        return sa < sb ? -1 : 1;
    return ra < rb ? -1 : ra > rb; /* records are in output order: keep it */
}

static entries_t entries_of(const fact_t *f, kind_t kind, const char *name)
{
    entries_t e = {NULL, 0};
    if (!fact_usable(f) || f->kind != kind || !f->n_records)
        return e;
    e.v = calloc(f->n_records, sizeof(*e.v));
    for (size_t i = 0; e.v && i < f->n_records; i++) {
        const record_t *r = &f->records[i];
        const char *n = kind == KIND_PREFIX_LISTS ? r->u.prefix_list.name : r->u.route_map.name;
        if (r->kind == kind && strcmp(n, name) == 0)
            e.v[e.n++] = r;
    }
    if (e.n > 1)
        qsort(e.v, e.n, sizeof(*e.v), by_seq);
    return e;
}

static int max_len(const ip_prefix_t *p)
{
    return p->addr.family == 4 ? 32 : 128;
}

/* P lies inside base, same family. */
static bool inside(const char *base_text, const ip_prefix_t *p, int *base_len)
{
    ip_prefix_t base;
    if (!prefix_parse(base_text, &base) || base.addr.family != p->addr.family)
        return false;
    *base_len = base.len;
    return prefix_covers(&base, p);
}

/* A Junos route-filter / prefix-list-filter modifier applied to a base length; -1 unknown. */
static int modifier_matches(const char *const *mod, int n, int base_len, const ip_prefix_t *p)
{
    if (n == 0 || word_eq(mod[0], "exact"))
        return p->len == base_len;
    if (word_eq(mod[0], "orlonger"))
        return p->len >= base_len;
    if (word_eq(mod[0], "longer"))
        return p->len > base_len;
    if (word_eq(mod[0], "upto") && n > 1)
        return p->len >= base_len && p->len <= atoi(mod[1] + (mod[1][0] == '/'));
    if (word_eq(mod[0], "prefix-length-range") && n > 1) {
        int lo = 0, hi = 0;
        if (sscanf(mod[1], "/%d-/%d", &lo, &hi) == 2)
            return p->len >= lo && p->len <= hi;
    }
    return -1; /* "through": a range of prefixes we do not model */
}

static bool plist_entry_matches(const prefix_list_entry_t *e, const ip_prefix_t *p)
{
    int base_len;
    if (!inside(e->prefix, p, &base_len))
        return false;
    int lo = e->ge != MODEL_ABSENT ? (int)e->ge : base_len;
    int hi = e->le != MODEL_ABSENT ? (int)e->le : e->ge != MODEL_ABSENT ? max_len(p) : base_len;
    return p->len >= lo && p->len <= hi;
}

static void plist_entry_words(const prefix_list_entry_t *e, char *buf, size_t size)
{
    char ge[32] = "", le[32] = "";
    if (e->ge != MODEL_ABSENT)
        snprintf(ge, sizeof(ge), " ge %lld", (long long)e->ge);
    if (e->le != MODEL_ABSENT)
        snprintf(le, sizeof(le), " le %lld", (long long)e->le);
    snprintf(buf, size, "seq %lld %s %s%s%s", (long long)e->seq, e->permit ? "permit" : "deny", e->prefix, ge, le);
}

/* A prefix-list: first matching entry in seq order wins; no match is the implicit deny.
 * mod (Junos prefix-list-filter) replaces each entry's own length rule when given. */
static pv_t plist_eval(const evidence_t *ev, const char *name, const char *const *mod, int nmod,
                       const ip_prefix_t *p, pe_t *out)
{
    const fact_t *f = &ev->facts[PROBE_PREFIX_LISTS];
    entries_t es = entries_of(f, KIND_PREFIX_LISTS, name);
    snprintf(out->what, sizeof(out->what), "prefix-list");
    snprintf(out->name, sizeof(out->name), "%s", name);
    out->fact = f;
    out->rec = NULL;
    out->v = PV_DENY;
    if (!es.n) {
        out->v = PV_UNKNOWN;
        out->undefined = fact_usable(f);
        snprintf(out->entry, sizeof(out->entry), "%s", out->undefined ? "not defined in the prefix-list output"
                                                                        : "the prefix-lists were not read");
    }
    for (size_t i = 0; i < es.n; i++) {
        const prefix_list_entry_t *e = &es.v[i]->u.prefix_list;
        int base_len, hit;
        if (nmod)
            hit = inside(e->prefix, p, &base_len) ? modifier_matches(mod, nmod, base_len, p) : 0;
        else
            hit = plist_entry_matches(e, p);
        if (hit == 0)
            continue;
        out->rec = es.v[i];
        out->v = hit < 0 ? PV_UNKNOWN : e->permit ? PV_PERMIT : PV_DENY;
        plist_entry_words(e, out->entry, sizeof(out->entry));
        break;
    }
    if (es.n && !out->rec)
        snprintf(out->entry, sizeof(out->entry), "the implicit deny at the end (no entry matches)");
    free(es.v);
    return out->v;
}

/* ---- match clauses */

#define CL_MAX_TOK 12
typedef struct {
    char buf[DESC_LEN / 2];
    const char *t[CL_MAX_TOK];
    int n;
} toks_t;

static void tokenize(const char *clause, toks_t *k)
{
    snprintf(k->buf, sizeof(k->buf), "%s", clause);
    k->n = 0;
    for (char *save = NULL, *w = strtok_r(k->buf, " \t", &save); w && k->n < CL_MAX_TOK;
         w = strtok_r(NULL, " \t", &save)) {
        size_t len = strlen(w);
        while (len && strchr(",;:", w[len - 1]))
            w[--len] = '\0';
        if (len && strcmp(w, "[") && strcmp(w, "]"))
            k->t[k->n++] = w;
    }
}

typedef enum { CM_MATCH, CM_NOMATCH, CM_UNKNOWN } cm_t;

/* One "prefix-list A B" style clause: any list that permits P matches. */
static cm_t clause_lists(const evidence_t *ev, const toks_t *k, int from, const char *const *mod, int nmod,
                         const ip_prefix_t *p, pe_t *out)
{
    cm_t r = CM_NOMATCH;
    for (int i = from; i < k->n && r != CM_MATCH; i++) {
        pe_t sub;
        memset(&sub, 0, sizeof(sub));
        pv_t v = plist_eval(ev, k->t[i], mod, nmod, p, &sub);
        if (v == PV_PERMIT)
            r = CM_MATCH;
        else if (v == PV_UNKNOWN)
            r = CM_UNKNOWN;
        if (v != PV_PERMIT || !out->why[0]) {
            snprintf(out->why, sizeof(out->why), "prefix-list %s %s: %s", sub.name,
                     v == PV_PERMIT ? "permits it" : v == PV_DENY ? "does not permit it" : "cannot be read",
                     sub.entry);
            snprintf(out->why_name, sizeof(out->why_name), "%s", sub.name);
            out->why_fact = sub.fact;
            out->why_rec = sub.rec;
            if (sub.undefined)
                snprintf(out->note, sizeof(out->note), "prefix-list %s %s", sub.name, sub.entry);
        }
        if (nmod)
            break; /* prefix-list-filter NAME MODIFIER: the rest are the modifier */
    }
    return r;
}

static int find_tok(const toks_t *k, const char *a, const char *b)
{
    for (int i = 0; i < k->n; i++)
        if (word_eq(k->t[i], a) || (b && word_eq(k->t[i], b)))
            return i;
    return -1;
}

/* Whether one match clause holds for P.  Clauses on anything but the prefix (as-path,
 * community, next-hop) are assumed to hold for Microsoft's routes, and said so. */
static cm_t clause_eval(const evidence_t *ev, const char *clause, const ip_prefix_t *p, pe_t *out)
{
    toks_t k;
    tokenize(clause, &k);
    int s = k.n && (word_eq(k.t[0], "match") || word_eq(k.t[0], "from")) ? 1 : 0;
    if (s >= k.n)
        return CM_MATCH;
    const char *w = k.t[s];
    if (word_eq(w, "route-filter") && s + 1 < k.n) {
        int base_len;
        if (!inside(k.t[s + 1], p, &base_len))
            return CM_NOMATCH;
        int m = modifier_matches(k.t + s + 2, k.n - s - 2, base_len, p);
        if (m < 0)
            snprintf(out->note, sizeof(out->note), "'%s': this route-filter modifier is not modelled", clause);
        return m < 0 ? CM_UNKNOWN : m ? CM_MATCH : CM_NOMATCH;
    }
    if (word_eq(w, "prefix-list-filter") && s + 1 < k.n)
        return clause_lists(ev, &k, s + 1, k.t + s + 2, k.n - s - 2, p, out);
    if (word_eq(w, "protocol"))
        return find_tok(&k, "bgp", NULL) >= 0 ? CM_MATCH : CM_NOMATCH;
    if (word_eq(w, "destination") && s + 2 < k.n && word_eq(k.t[s + 1], "in"))
        return k.t[s + 2][0] == '(' ? CM_UNKNOWN : clause_lists(ev, &k, s + 2, NULL, 0, p, out);
    int pl = find_tok(&k, "prefix-list", "prefix-lists");
    if (pl >= 0) {
        bool v6 = find_tok(&k, "ipv6", NULL) >= 0, v4 = find_tok(&k, "ip", NULL) >= 0;
        if ((v6 && p->addr.family != 6) || (v4 && !v6 && p->addr.family != 4))
            return CM_NOMATCH; /* an IPv6 clause never matches an IPv4 route, and back */
        return clause_lists(ev, &k, pl + 1, NULL, 0, p, out);
    }
    if (word_eq(w, "neighbor") && s + 1 < k.n) {
        ip_addr_t a;
        if (ip_parse(k.t[s + 1], &a))
            return ip_equal(&a, &ev->device->peer_ip) ? CM_MATCH : CM_NOMATCH;
    }
    if (word_eq(w, "ip") || word_eq(w, "ipv6") || word_eq(w, "address")) {
        snprintf(out->note, sizeof(out->note), "'%s' matches on an access-list, which is not collected", clause);
        return CM_UNKNOWN;
    }
    snprintf(out->note, sizeof(out->note), "assumed '%s' holds for Microsoft's routes", clause);
    return CM_MATCH;
}

/* A clause on the route's prefix: route-filter, prefix-list(-filter), destination in. */
static bool prefix_clause(const char *clause)
{
    toks_t k;
    tokenize(clause, &k);
    int s = k.n && (word_eq(k.t[0], "match") || word_eq(k.t[0], "from")) ? 1 : 0;
    return s < k.n && (word_eq(k.t[s], "route-filter") || word_eq(k.t[s], "prefix-list") ||
                       word_eq(k.t[s], "prefix-list-filter") || word_eq(k.t[s], "destination"));
}

/* An entry matches when all its clauses do (none: it matches everything).  In a Junos term the
 * route lists (route-filter, prefix-list, prefix-list-filter) are one condition, any of which
 * matches; route-map clauses each stand alone (several lists in one clause are already ORed). */
static cm_t entry_matches(const evidence_t *ev, const route_map_entry_t *e, const ip_prefix_t *p, pe_t *out,
                          bool or_route_lists)
{
    cm_t r = CM_MATCH, lists = CM_NOMATCH;
    bool has_lists = false;
    for (int i = 0; i < e->n_match && r != CM_NOMATCH; i++) {
        if (or_route_lists && prefix_clause(e->match[i])) {
            has_lists = true;
            if (lists != CM_MATCH) {
                cm_t c = clause_eval(ev, e->match[i], p, out);
                lists = c == CM_MATCH || lists == CM_NOMATCH ? c : lists;
            }
            continue;
        }
        cm_t c = clause_eval(ev, e->match[i], p, out);
        if (c == CM_NOMATCH || r == CM_MATCH)
            r = c;
    }
    if (has_lists && r != CM_NOMATCH && (lists == CM_NOMATCH || r == CM_MATCH))
        r = lists;
    return r;
}

static bool has_action(const route_map_entry_t *e, const char *act)
{
    for (int i = 0; i < e->n_set; i++) {
        toks_t k;
        tokenize(e->set[i], &k);
        if (k.n && word_eq(k.t[0], act))
            return true;
    }
    return false;
}

static bool next_policy(const route_map_entry_t *e)
{
    for (int i = 0; i < e->n_set; i++) {
        toks_t k;
        tokenize(e->set[i], &k);
        if (k.n > 1 && word_eq(k.t[0], "next") && word_eq(k.t[1], "policy"))
            return true;
    }
    return false;
}

static dialect_t dialect_of(const entries_t *es)
{
    for (size_t i = 0; i < es->n; i++) {
        const route_map_entry_t *e = &es->v[i]->u.route_map;
        if (has_action(e, "pass") || has_action(e, "drop") || has_action(e, "done"))
            return DIALECT_RPL;
        if (e->term[0] || has_action(e, "accept") || has_action(e, "reject") || has_action(e, "next"))
            return DIALECT_TERMS;
    }
    return DIALECT_ROUTE_MAP;
}

static void rm_entry_words(const route_map_entry_t *e, dialect_t d, char *buf, size_t size)
{
    if (d == DIALECT_TERMS)
        snprintf(buf, size, "%s%s%s (then %s)", e->term[0] ? "term " : "", e->term, e->term[0] ? "" : "final clause",
                 has_action(e, "reject") ? "reject" : has_action(e, "accept") ? "accept" : "next");
    else
        snprintf(buf, size, "seq %lld %s%s", (long long)e->seq, e->permit ? "permit" : "deny",
                 e->n_match ? "" : " (no match clause: matches every route)");
}

/* Route-map: first matching entry decides; the end is an implicit deny. */
static void routemap_eval(const evidence_t *ev, const entries_t *es, const ip_prefix_t *p, pe_t *out)
{
    for (size_t i = 0; i < es->n; i++) {
        const route_map_entry_t *e = &es->v[i]->u.route_map;
        cm_t m = entry_matches(ev, e, p, out, false);
        if (m == CM_NOMATCH)
            continue;
        out->rec = es->v[i];
        out->v = m == CM_UNKNOWN ? PV_UNKNOWN : e->permit ? PV_PERMIT : PV_DENY;
        rm_entry_words(e, DIALECT_ROUTE_MAP, out->entry, sizeof(out->entry));
        return;
    }
    out->v = PV_DENY;
    snprintf(out->entry, sizeof(out->entry), "the implicit deny at the end (no entry matches)");
}

/* Junos terms: a matching term ends the policy only with accept or reject. */
static void terms_eval(const evidence_t *ev, const entries_t *es, const ip_prefix_t *p, pe_t *out)
{
    out->v = PV_NOMATCH;
    for (size_t i = 0; i < es->n; i++) {
        const route_map_entry_t *e = &es->v[i]->u.route_map;
        cm_t m = entry_matches(ev, e, p, out, true);
        if (m == CM_NOMATCH)
            continue;
        bool acc = has_action(e, "accept"), rej = has_action(e, "reject");
        if (!acc && !rej && next_policy(e))
            return; /* "then next policy": the chain's next policy decides */
        if (!acc && !rej)
            continue; /* a term that only modifies: evaluation goes on */
        out->rec = es->v[i];
        out->v = m == CM_UNKNOWN ? PV_UNKNOWN : acc ? PV_PERMIT : PV_DENY;
        rm_entry_words(e, DIALECT_TERMS, out->entry, sizeof(out->entry));
        return;
    }
}

/* IOS-XR route-policy: the records hold the conditions and the actions, not which action
 * belongs to which branch.  A prefix inside a "destination in" set is taken to pass (the usual
 * shape: if destination in SET then pass); one outside every set, with no other condition that
 * could pass it, is dropped (by the policy's drop, or by RPL's default drop). */
static void rpl_eval(const evidence_t *ev, const entries_t *es, const ip_prefix_t *p, pe_t *out)
{
    const route_map_entry_t *e = &es->v[0]->u.route_map;
    bool passes = has_action(e, "pass") || has_action(e, "done") || has_action(e, "set");
    out->rec = es->v[0];
    snprintf(out->note, sizeof(out->note), "route-policy judged from its conditions (its if/else shape is not kept)");
    if (e->n_match == 0) {
        out->v = passes ? PV_PERMIT : PV_DENY;
        snprintf(out->entry, sizeof(out->entry), "%s", passes ? "pass" : "drop, no condition");
        return;
    }
    bool other = false;
    for (int i = 0; i < e->n_match; i++) {
        toks_t k;
        tokenize(e->match[i], &k);
        if (!(k.n > 2 && word_eq(k.t[0], "destination") && word_eq(k.t[1], "in"))) {
            other = true;
            continue;
        }
        cm_t m = clause_eval(ev, e->match[i], p, out);
        if (m != CM_NOMATCH) {
            out->v = m == CM_MATCH && passes ? PV_PERMIT : PV_UNKNOWN;
            snprintf(out->entry, sizeof(out->entry), "if %s", e->match[i]);
            return;
        }
    }
    out->v = other && passes ? PV_PERMIT : PV_DENY;
    snprintf(out->entry, sizeof(out->entry), "%s",
             other && passes ? "passed by a condition other than the destination (assumed)"
                             : "no condition passes it: drop");
    if (other && passes)
        snprintf(out->note, sizeof(out->note), "assumed the route-policy's non-prefix conditions pass Microsoft's routes");
}

static const char *dialect_what(dialect_t d)
{
    return d == DIALECT_TERMS ? "policy-statement" : d == DIALECT_RPL ? "route-policy" : "route-map";
}

/* One named policy; PV_NOMATCH when Junos terms leave it undecided. */
static pv_t policy_eval(const evidence_t *ev, const char *name, const ip_prefix_t *p, pe_t *out, dialect_t *d)
{
    const fact_t *f = &ev->facts[PROBE_ROUTE_MAPS];
    entries_t es = entries_of(f, KIND_ROUTE_MAPS, name);
    memset(out, 0, sizeof(*out));
    out->fact = f;
    snprintf(out->name, sizeof(out->name), "%s", name);
    *d = es.n ? dialect_of(&es) : DIALECT_ROUTE_MAP;
    snprintf(out->what, sizeof(out->what), "%s", dialect_what(*d));
    if (!es.n) {
        out->v = PV_UNKNOWN;
        out->undefined = true;
        snprintf(out->entry, sizeof(out->entry), "not defined in the route-map / policy output (most platforms deny every "
                 "route through an undefined policy)");
    } else if (*d == DIALECT_TERMS) {
        terms_eval(ev, &es, p, out);
    } else if (*d == DIALECT_RPL) {
        rpl_eval(ev, &es, p, out);
    } else {
        routemap_eval(ev, &es, p, out);
    }
    free(es.v);
    return out->v;
}

/* The neighbor's whole inbound filtering for one prefix: its prefix-list, then its policy
 * chain ("A B": Junos evaluates them in order until one accepts or rejects). */
pv_t policy_inbound_eval(const evidence_t *ev, const char *plist, const char *chain, const ip_prefix_t *p, pe_t *out)
{
    memset(out, 0, sizeof(*out));
    if (plist[0] && plist_eval(ev, plist, NULL, 0, p, out) != PV_PERMIT)
        return out->v;
    toks_t k;
    tokenize(chain, &k);
    dialect_t d = DIALECT_ROUTE_MAP;
    char carried[sizeof(out->note)] = ""; /* an assumption made in an earlier policy of the chain */
    for (int i = 0; i < k.n; i++) {
        if (policy_eval(ev, k.t[i], p, out, &d) != PV_NOMATCH) {
            if (!out->note[0])
                memcpy(out->note, carried, sizeof(carried));
            return out->v;
        }
        if (out->note[0])
            memcpy(carried, out->note, sizeof(carried));
    }
    if (!out->note[0])
        memcpy(out->note, carried, sizeof(carried));
    if (k.n && d == DIALECT_TERMS) {
        /* No term accepted or rejected: BGP's default import policy accepts. */
        out->v = PV_PERMIT;
        out->rec = NULL;
        snprintf(out->entry, sizeof(out->entry), "no term decides: the BGP default import policy accepts");
    } else if (!k.n) {
        out->v = PV_PERMIT;
    }
    return out->v;
}
