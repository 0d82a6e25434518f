/* circuit_link.c: reading one link of a circuit from its evidence (framework/circuit_link.h). */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "framework/circuit_link.h"
#include "framework/peer_record.h"
#include "framework/policy_eval.h"

/* ---------------------------------------------------------------- the session */

static void read_state(link_view_t *l)
{
    static const probe_id_t from[] = {PROBE_BGP_NEIGHBOR, PROBE_BGP_SUMMARY};
    for (size_t i = 0; i < 2 && !l->state_known; i++) {
        const fact_t *f = &l->ev->facts[from[i]];
        const record_t *r = peer_record(f, l->ev->device);
        if (!r)
            continue;
        bgp_state_t st = r->kind == KIND_BGP_NEIGHBORS ? r->u.neighbor.state : r->u.peer.state;
        const char *raw = r->kind == KIND_BGP_NEIGHBORS ? r->u.neighbor.raw_state : r->u.peer.raw_state;
        if (st == BGP_STATE_ABSENT)
            continue;
        l->state_known = true;
        l->established = st == BGP_STATE_ESTABLISHED;
        snprintf(l->state, sizeof(l->state), "%s", bgp_state_name(st) ? bgp_state_name(st) : raw);
        l->state_fact = f;
    }
}

/* ---------------------------------------------------------------- prefix sets */

static int by_text(const void *a, const void *b)
{
    return strcmp((const char *)a, (const char *)b);
}

static void read_set(prefix_set_t *s, const fact_t *f)
{
    memset(s, 0, sizeof(*s));
    s->fact = f;
    if (!fact_usable(f)) {
        fact_problem(f, s->why, sizeof(s->why));
        return;
    }
    s->read = true;
    s->cut = fact_absence_unproven(f);
    s->p = f->n_records ? calloc(f->n_records, sizeof(*s->p)) : NULL;
    for (size_t i = 0; s->p && i < f->n_records; i++)
        if (f->records[i].kind == KIND_BGP_TABLE &&
            prefix_normalise(f->records[i].u.path.prefix, s->p[s->n], sizeof(s->p[0])))
            s->n++;
    if (s->n > 1)
        qsort(s->p, s->n, sizeof(s->p[0]), by_text);
    size_t w = 0; /* several paths of one prefix are one prefix */
    for (size_t i = 0; i < s->n; i++)
        if (w == 0 || strcmp(s->p[w - 1], s->p[i]))
            memmove(s->p[w++], s->p[i], sizeof(s->p[0]));
    s->n = w;
}

bool prefix_set_has(const prefix_set_t *s, const char *prefix)
{
    return s->n && bsearch(prefix, s->p, s->n, sizeof(s->p[0]), by_text) != NULL;
}

static int64_t local_as_of(const evidence_t *ev)
{
    if (ev->device->local_as > 0)
        return ev->device->local_as;
    static const probe_id_t from[] = {PROBE_BGP_ADVERTISED, PROBE_BGP_RECEIVED, PROBE_BGP_SUMMARY};
    for (size_t i = 0; i < 3; i++)
        if (fact_usable(&ev->facts[from[i]]) && ev->facts[from[i]].meta.local_as > 0)
            return ev->facts[from[i]].meta.local_as;
    return MODEL_ABSENT;
}

void link_read(link_view_t *l, const evidence_t *ev, circuit_link_id_t id)
{
    memset(l, 0, sizeof(*l));
    l->ev = ev;
    l->id = id;
    l->role = id == CIRCUIT_PRIMARY ? "primary" : "secondary";
    l->name = ev->device->name;
    if (ev->device->has_peer_ip)
        ip_to_string(&ev->device->peer_ip, l->peer, sizeof(l->peer));
    l->local_as = local_as_of(ev);
    read_state(l);
    read_set(&l->adv, &ev->facts[PROBE_BGP_ADVERTISED]);
    read_set(&l->rcv, &ev->facts[PROBE_BGP_RECEIVED]);
}

void link_free(link_view_t *l)
{
    free(l->adv.p);
    free(l->rcv.p);
    l->adv.p = l->rcv.p = NULL;
}

/* ---------------------------------------------------------------- routes of one prefix */

int aspath_len(const char *path)
{
    int n = 0;
    for (const char *p = path; *p;) {
        p += strspn(p, " []");
        if (!*p)
            break;
        if (*p == '{' || *p == '(') { /* an AS_SET or confederation segment counts once */
            const char *end = strchr(p, *p == '{' ? '}' : ')');
            p = end ? end + 1 : p + strlen(p);
            n++;
            continue;
        }
        size_t w = strcspn(p, " []{}()");
        n += isdigit((unsigned char)p[0]) ? 1 : 0; /* origin codes and markers are no AS */
        p += w;
    }
    return n;
}

/* The first path of f for prefix; from peer when peer is given (a BGP table lookup lists the
 * paths from every neighbor). */
static const bgp_path_t *path_for(const fact_t *f, const char *prefix, const char *peer)
{
    char canon[PREFIX_LEN];
    for (size_t i = 0; fact_usable(f) && i < f->n_records; i++) {
        const bgp_path_t *p = &f->records[i].u.path;
        if (f->records[i].kind != KIND_BGP_TABLE || !prefix_normalise(p->prefix, canon, sizeof(canon)) ||
            strcmp(canon, prefix))
            continue;
        if (!peer || !strcmp(p->neighbor, peer) || !strcmp(p->next_hop, peer))
            return p;
    }
    return NULL;
}

/* The neighbor's policies as the neighbor detail (else the configuration) names them. */
static void neighbor_policies(const link_view_t *l, const char **in_list, const char **in_policy, const char **out_policy)
{
    const record_t *nb = peer_record(&l->ev->facts[PROBE_BGP_NEIGHBOR], l->ev->device);
    const record_t *cfg = peer_record(&l->ev->facts[PROBE_BGP_CONFIG], l->ev->device);
    const bgp_neighbor_t *n = nb && nb->kind == KIND_BGP_NEIGHBORS ? &nb->u.neighbor : NULL;
    const bgp_config_neighbor_t *k = cfg && cfg->kind == KIND_BGP_CONFIG ? &cfg->u.bgp_config : NULL;
#define EITHER(field) (n && n->field[0] ? n->field : k ? k->field : "")
    *in_list = EITHER(inbound_prefix_list);
    *in_policy = EITHER(inbound_policy);
    *out_policy = EITHER(outbound_policy);
#undef EITHER
}

/* The route-map entry (policy term) that lets prefix through policy, or NULL. */
static const route_map_entry_t *passing_entry(const link_view_t *l, const char *plist, const char *policy,
                                              const char *prefix, pe_t *pe)
{
    ip_prefix_t p;
    if (!policy[0] || !prefix_parse(prefix, &p) || !fact_usable(&l->ev->facts[PROBE_ROUTE_MAPS]))
        return NULL;
    if (policy_inbound_eval(l->ev, plist, policy, &p, pe) != PV_PERMIT || !pe->rec || pe->rec->kind != KIND_ROUTE_MAPS)
        return NULL;
    return &pe->rec->u.route_map;
}

/* The local preference the inbound policy sets for prefix ("local-preference 200"). */
static int64_t policy_local_pref(const link_view_t *l, const char *prefix, char *clause, size_t size)
{
    const char *plist, *in, *out;
    pe_t pe;
    neighbor_policies(l, &plist, &in, &out);
    const route_map_entry_t *e = passing_entry(l, plist, in, prefix, &pe);
    for (int i = 0; e && i < e->n_set; i++) {
        const char *at = strstr(e->set[i], "local-preference");
        char *end;
        long long v = at ? strtoll(at + strlen("local-preference"), &end, 10) : 0;
        if (at && end != at + strlen("local-preference") && v >= 0) {
            snprintf(clause, size, "local-preference %lld", v);
            return v;
        }
    }
    return MODEL_ABSENT;
}

void link_received_route(const link_view_t *l, const char *prefix, link_route_t *out)
{
    memset(out, 0, sizeof(*out));
    out->fact = &l->ev->facts[PROBE_BGP_RECEIVED];
    out->path = path_for(out->fact, prefix, NULL);
    out->local_pref = MODEL_ABSENT;
    out->prepends = -1;
    const fact_t *lookup = &l->ev->facts[PROBE_BGP_PREFIX];
    const bgp_path_t *t = l->peer[0] ? path_for(lookup, prefix, l->peer) : NULL;
    if (t && t->local_pref != MODEL_ABSENT) {
        out->local_pref = t->local_pref;
        out->lp_fact = lookup;
        snprintf(out->lp_needle, sizeof(out->lp_needle), "localpref %lld", (long long)t->local_pref);
        snprintf(out->lp_alt, sizeof(out->lp_alt), "Localpref: %lld", (long long)t->local_pref);
    } else if ((out->local_pref = policy_local_pref(l, prefix, out->lp_needle, sizeof(out->lp_needle))) != MODEL_ABSENT) {
        out->lp_fact = &l->ev->facts[PROBE_ROUTE_MAPS];
    } else if (out->path && out->path->local_pref != MODEL_ABSENT) {
        out->local_pref = out->path->local_pref;
        out->lp_fact = out->fact;
    }
    const bgp_path_t *p = out->path ? out->path : t;
    out->path_len = p ? aspath_len(p->as_path) : -1;
}

/* Copies of local_as at the start of path, and where the rest begins. */
static int leading_own(const char *path, int64_t local_as, const char **rest)
{
    int n = 0;
    const char *p = path;
    for (;;) {
        p += strspn(p, " []");
        char *end;
        long long v = strtoll(p, &end, 10);
        if (end == p || v != local_as || (*end && !strchr(" []", *end)))
            break;
        n++;
        p = end;
    }
    *rest = p;
    return n;
}

/* Copies of local_as a set clause prepends: "as-path prepend 65010 65010", Junos
 * "as-path-prepend 65010 65010", IOS-XR "prepend as-path 65010 2". */
static int clause_prepends(const char *clause, int64_t local_as)
{
    const char *p = strstr(clause, "prepend");
    if (!p)
        return 0;
    p += strlen("prepend");
    p += strspn(p, " \"");
    if (!strncmp(p, "as-path", 7))
        p += 7;
    int n = 0;
    long long first = MODEL_ABSENT;
    for (char *end; *(p += strspn(p, " \"")); p = end) {
        long long v = strtoll(p, &end, 10);
        if (end == p)
            break;
        if (first == MODEL_ABSENT)
            first = v;
        n += v == local_as;
        if (n == 1 && first == local_as && v != local_as && v > 0 && v <= 64)
            return (int)v; /* IOS-XR: the AS, then how many times */
    }
    return n;
}

/* The outbound policy's prepends for prefix: the entry that passes it, read from the route-map
 * facts (the policy named by the neighbor detail or the configuration). */
static int policy_prepends(const link_view_t *l, const char *prefix, link_route_t *out)
{
    const char *plist, *in, *policy;
    pe_t pe;
    neighbor_policies(l, &plist, &in, &policy);
    const route_map_entry_t *e = passing_entry(l, "", policy, prefix, &pe);
    for (int i = 0; e && i < e->n_set; i++) {
        int n = clause_prepends(e->set[i], l->local_as);
        if (n > 0) {
            out->rm_fact = pe.fact;
            snprintf(out->rm_entry, sizeof(out->rm_entry), "%s %s %s (%s)", pe.what, e->name, pe.entry, e->set[i]);
            return n;
        }
    }
    return 0;
}

void link_advertised_route(const link_view_t *l, const char *prefix, link_route_t *out)
{
    memset(out, 0, sizeof(*out));
    out->fact = &l->ev->facts[PROBE_BGP_ADVERTISED];
    out->path = path_for(out->fact, prefix, NULL);
    out->local_pref = MODEL_ABSENT;
    out->path_len = out->prepends = -1;
    if (!out->path || l->local_as == MODEL_ABSENT)
        return;
    const char *rest;
    int own = leading_own(out->path->as_path, l->local_as, &rest);
    adv_path_t form = l->ev->vendor ? l->ev->vendor->advertised_path : ADV_PATH_PRE_POLICY;
    int shown = form == ADV_PATH_AS_SENT ? (own > 0 ? own - 1 : 0) : form == ADV_PATH_POST_POLICY ? own : 0;
    int set = policy_prepends(l, prefix, out); /* what the platform does not show, or confirms */
    out->prepends = shown > set ? shown : set;
    if (shown >= set)
        out->rm_fact = NULL, out->rm_entry[0] = '\0';
    out->path_len = 1 + out->prepends + aspath_len(rest);
}

/* ---------------------------------------------------------------- BFD */

int link_bfd(const link_view_t *l, char *why, size_t size)
{
    const fact_t *f = &l->ev->facts[PROBE_BFD];
    why[0] = '\0';
    if (!fact_usable(f)) {
        fact_problem(f, why, size);
        return -1;
    }
    const record_t *r = peer_record(f, l->ev->device);
    return r && r->kind == KIND_BFD && r->u.bfd.state == UPDOWN_UP;
}

/* ---------------------------------------------------------------- evidence */

bool link_prefix_evidence(step_result_t *s, const fact_t *f, const char *prefix)
{
    char net[PREFIX_LEN];
    snprintf(net, sizeof(net), "%s", prefix);
    net[strcspn(net, "/")] = '\0';
    return step_evidence(s, f, (const char *const[]){prefix, NULL}) ||
           step_evidence(s, f, (const char *const[]){net, NULL});
}
