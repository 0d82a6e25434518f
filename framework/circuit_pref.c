/* circuit_pref.c: which link of a circuit carries traffic each way, and whether the two
 * directions agree (cause preference_asymmetry).
 *
 * To Azure, the CE (or the pair of CEs) sends over the link whose received route wins BGP's
 * decision locally: the higher local preference, else the shorter AS path.  From Azure,
 * Microsoft sends over the link whose advertisement has the shorter AS path as it sees it (our
 * AS, our prepends, the rest of the path); equal paths are used both (ER is active/active by
 * default).  Active/passive means one link wins both: local preference on its received routes,
 * prepending on the other link's advertisement (../shared/reference/expressroute.md, ER-OPT). */
#include <stdio.h>
#include <string.h>

#include "framework/circuit_judge.h"

#define DEFAULT_LOCAL_PREF 100
#define MAX_COMPARED 256 /* prefixes compared beyond the reference one */

static int64_t lp_of(const link_route_t *r)
{
    return r->local_pref == MODEL_ABSENT ? DEFAULT_LOCAL_PREF : r->local_pref;
}

static carrier_t pick(int64_t primary, int64_t secondary, bool higher_wins)
{
    if (primary == secondary)
        return CARRIER_BOTH;
    return (primary > secondary) == higher_wins ? CARRIER_PRIMARY : CARRIER_SECONDARY;
}

static carrier_t outbound_of(const link_route_t r[CIRCUIT_LINKS])
{
    if (!r[0].path || !r[1].path)
        return CARRIER_UNKNOWN;
    if (lp_of(&r[0]) != lp_of(&r[1]))
        return pick(lp_of(&r[0]), lp_of(&r[1]), true);
    return pick(r[0].path_len, r[1].path_len, false);
}

static carrier_t inbound_of(const link_route_t a[CIRCUIT_LINKS])
{
    if (a[0].path_len < 0 || a[1].path_len < 0)
        return CARRIER_UNKNOWN;
    return pick(a[0].path_len, a[1].path_len, false);
}

/* The prefix a direction is judged on: the first expected prefix (the primary's inventory,
 * then the secondary's) in both sets, else the first prefix common to both. */
static bool reference(const judge_t *j, const prefix_set_t *p, const prefix_set_t *s, bool expected, char *out)
{
    for (int i = 0; expected && i < CIRCUIT_LINKS; i++) {
        const device_t *d = j->l[i].ev->device;
        for (int k = 0; k < d->n_expect_prefixes; k++) {
            prefix_to_string(&d->expect_prefixes[k], true, out, PREFIX_LEN);
            if (prefix_set_has(p, out) && prefix_set_has(s, out))
                return true;
        }
    }
    for (size_t i = 0; i < p->n; i++)
        if (prefix_set_has(s, p->p[i])) {
            snprintf(out, PREFIX_LEN, "%s", p->p[i]);
            return true;
        }
    return false;
}

static void routes_of(const judge_t *j, const char *prefix, bool received, link_route_t r[CIRCUIT_LINKS])
{
    for (int i = 0; i < CIRCUIT_LINKS; i++)
        (received ? link_received_route : link_advertised_route)(&j->l[i], prefix, &r[i]);
}

/* How many prefixes common to both links go another way than the reference one. */
static int others_differ(const judge_t *j, bool received, carrier_t ref)
{
    const prefix_set_t *p = received ? &j->l[0].rcv : &j->l[0].adv, *s = received ? &j->l[1].rcv : &j->l[1].adv;
    int differ = 0, seen = 0;
    for (size_t i = 0; i < p->n && seen < MAX_COMPARED; i++) {
        if (!prefix_set_has(s, p->p[i]))
            continue;
        link_route_t r[CIRCUIT_LINKS];
        routes_of(j, p->p[i], received, r);
        carrier_t c = received ? outbound_of(r) : inbound_of(r);
        seen++;
        differ += c != CARRIER_UNKNOWN && c != ref;
    }
    return differ;
}

/* ---------------------------------------------------------------- in words */

static void out_words(const link_route_t r[CIRCUIT_LINKS], carrier_t c, const char *prefix, char *buf, size_t size)
{
    const char *who = c == CARRIER_BOTH ? "over both links" : c == CARRIER_PRIMARY ? "over the primary" : "over the secondary";
    if (lp_of(&r[0]) != lp_of(&r[1]))
        snprintf(buf, size, "to Azure %s (local preference %lld vs %lld on %s)", who, (long long)lp_of(&r[0]),
                 (long long)lp_of(&r[1]), prefix);
    else
        snprintf(buf, size, "to Azure %s (local preference %lld on both, AS path %d vs %d on %s)", who,
                 (long long)lp_of(&r[0]), r[0].path_len, r[1].path_len, prefix);
}

static void in_words(const link_route_t a[CIRCUIT_LINKS], carrier_t c, const char *prefix, char *buf, size_t size)
{
    const char *who = c == CARRIER_BOTH ? "over both links" : c == CARRIER_PRIMARY ? "over the primary" : "over the secondary";
    int w = snprintf(buf, size, "from Azure %s (AS path %d vs %d as Microsoft sees %s", who, a[0].path_len,
                     a[1].path_len, prefix);
    for (int i = 0; i < CIRCUIT_LINKS && w > 0 && (size_t)w < size; i++)
        if (a[i].prepends > 0)
            w += snprintf(buf + w, size - (size_t)w, ", the %s prepending %d", i ? "secondary" : "primary", a[i].prepends);
    if (w > 0 && (size_t)w < size)
        snprintf(buf + w, size - (size_t)w, ")");
}

/* ---------------------------------------------------------------- the verdict */

static void quote_routes(found_t *f, const link_route_t r[CIRCUIT_LINKS], const link_route_t a[CIRCUIT_LINKS],
                         const char *rcv_prefix, const char *adv_prefix)
{
    for (int i = 0; i < CIRCUIT_LINKS; i++) /* the line that shows the local preference */
        if (r[i].lp_needle[0])
            found_quote_alt(f, r[i].lp_fact, r[i].lp_needle, r[i].lp_alt, (circuit_link_id_t)i);
        else
            found_quote(f, r[i].fact, rcv_prefix, true, (circuit_link_id_t)i);
    for (int i = 0; i < CIRCUIT_LINKS; i++) {
        if (!a[i].rm_fact) {
            found_quote(f, a[i].fact, adv_prefix, true, (circuit_link_id_t)i);
            continue;
        }
        /* The prepend is set by the outbound policy, not shown in the advertised path: quote
         * the set clause ("... (as-path prepend 65010 65010)"), else any prepend line. */
        char clause[sizeof(a[i].rm_entry)];
        const char *open = strchr(a[i].rm_entry, '(');
        snprintf(clause, sizeof(clause), "%s", open ? open + 1 : "prepend");
        clause[strcspn(clause, ")")] = '\0';
        found_quote_alt(f, a[i].rm_fact, clause, "prepend", (circuit_link_id_t)i);
    }
}

/* What to change, in words, on the link whose policy pulls traffic its way. */
static void say_fixes(const judge_t *j, found_t *f, const link_route_t r[CIRCUIT_LINKS], const link_route_t a[CIRCUIT_LINKS])
{
    for (int i = 0; i < CIRCUIT_LINKS; i++) {
        char shown[96];
        const char *what = a[i].rm_entry;
        if (a[i].prepends <= a[!i].prepends)
            continue;
        if (!what[0]) { /* the platform shows the prepends in the advertised path itself */
            snprintf(shown, sizeof(shown), "its outbound policy (%d prepends in the advertised path)", a[i].prepends);
            what = shown;
        }
        found_note(f, "On the %s (%s): %s lengthens the AS path Microsoft sees from it%s", j->l[i].role, j->l[i].name,
                   what, i == CIRCUIT_PRIMARY ? ": remove that prepend there" : "");
    }
    if (lp_of(&r[1]) > lp_of(&r[0]))
        found_note(f, "On the secondary (%s): local preference %lld on the routes from %s beats the primary's %lld",
                   j->l[1].name, (long long)lp_of(&r[1]), j->l[1].peer, (long long)lp_of(&r[0]));
    found_note(f, "The lines make the secondary (%s) the passive link, the usual design: it prepends our AS toward "
               "Microsoft and takes a lower local preference inbound; for the opposite design apply them to the "
               "primary instead", j->l[1].name);
}

static void judge_directions(judge_t *j, const link_route_t r[CIRCUIT_LINKS], const link_route_t a[CIRCUIT_LINKS],
                             const char *rcv_prefix, const char *adv_prefix)
{
    circuit_result_t *o = j->out;
    char ow[200], iw[240];
    out_words(r, o->outbound, rcv_prefix, ow, sizeof(ow));
    in_words(a, o->inbound, adv_prefix, iw, sizeof(iw));
    if (o->outbound == o->inbound) {
        if (o->outbound == CARRIER_BOTH)
            judge_pass(j, "active/active: both links carry traffic each way (%s; %s), fine as long as no stateful "
                       "device sees only one of the links", ow, iw);
        else
            judge_pass(j, "active/passive: %s carries both directions (%s; %s)%s", carrier_name(o->outbound), ow, iw,
                       o->outbound == CARRIER_SECONDARY ? ", the primary being the passive link" : "");
        return;
    }
    bool split = o->outbound != CARRIER_BOTH && o->inbound != CARRIER_BOTH;
    found_t *f = judge_found(j, "preference_asymmetry", split ? VERDICT_FAIL : VERDICT_WARN, CIRCUIT_SECONDARY);
    if (!f)
        return;
    snprintf(f->text, sizeof(f->text), "%s: traffic goes %s but comes back %s. %s", split ? "Asymmetric routing" :
             "Partly asymmetric routing", ow, iw, split ? "A stateful firewall on either link sees only half of each "
             "flow and drops it." : "Flows that leave on one link and return on the other break a stateful device "
             "on either link.");
    quote_routes(f, r, a, rcv_prefix, adv_prefix);
    say_fixes(j, f, r, a);
}

static void record_links(judge_t *j, const link_route_t r[CIRCUIT_LINKS], const link_route_t a[CIRCUIT_LINKS])
{
    for (int i = 0; i < CIRCUIT_LINKS; i++) {
        circuit_link_t *o = &j->out->links[i];
        o->local_pref = r[i].path ? lp_of(&r[i]) : MODEL_ABSENT;
        o->out_path_len = r[i].path ? r[i].path_len : -1;
        o->in_path_len = a[i].path_len;
        o->prepends = a[i].prepends;
    }
}

void judge_preference(judge_t *j)
{
    char rcv_prefix[PREFIX_LEN] = "", adv_prefix[PREFIX_LEN] = "";
    link_route_t r[CIRCUIT_LINKS], a[CIRCUIT_LINKS];
    memset(r, 0, sizeof(r));
    memset(a, 0, sizeof(a));
    if (reference(j, &j->l[0].rcv, &j->l[1].rcv, true, rcv_prefix))
        routes_of(j, rcv_prefix, true, r);
    if (reference(j, &j->l[0].adv, &j->l[1].adv, false, adv_prefix))
        routes_of(j, adv_prefix, false, a);
    j->out->outbound = rcv_prefix[0] ? outbound_of(r) : CARRIER_UNKNOWN;
    j->out->inbound = adv_prefix[0] ? inbound_of(a) : CARRIER_UNKNOWN;
    record_links(j, r, a);
    bool read = j->l[0].adv.read && j->l[1].adv.read && j->l[0].rcv.read && j->l[1].rcv.read;
    if ((j->out->outbound == CARRIER_UNKNOWN || j->out->inbound == CARRIER_UNKNOWN) && read) {
        judge_missing(j, "which link carries traffic %s could not be told: %s",
                      j->out->outbound == CARRIER_UNKNOWN ? "to Azure" : "from Azure",
                      j->out->outbound == CARRIER_UNKNOWN ? "no prefix is received on both links"
                      : !adv_prefix[0] ? "no prefix is advertised on both links"
                                       : "our AS (local_as) is not known, so the AS path Microsoft sees cannot be counted");
        return;
    }
    if (!read)
        return; /* which answer is missing is said already */
    judge_directions(j, r, a, rcv_prefix, adv_prefix);
    int od = others_differ(j, true, j->out->outbound), id = others_differ(j, false, j->out->inbound);
    if (od || id)
        judge_pass(j, "%d received and %d advertised prefixes common to both links are preferred otherwise than %s / %s",
                   od, id, rcv_prefix, adv_prefix);
}
