/* peering_rules.c: what only Microsoft peering asks of a session (see peering_rules.h). */
#include <stdio.h>
#include <string.h>

#include "framework/peering_rules.h"
#include "framework/prefix_limit.h"
#include "framework/steps.h"

/* Address space that is nobody's to announce: Microsoft peering takes only public prefixes
 * registered to the customer (or its provider) in an RIR or IRR. */
static const struct {
    const char *prefix, *what;
} reserved[] = {
    {"10.0.0.0/8", "private (RFC 1918)"},      {"172.16.0.0/12", "private (RFC 1918)"},
    {"192.168.0.0/16", "private (RFC 1918)"},  {"100.64.0.0/10", "shared address space (RFC 6598)"},
    {"169.254.0.0/16", "link-local"},          {"127.0.0.0/8", "loopback"},
    {"192.0.2.0/24", "documentation"},         {"198.51.100.0/24", "documentation"},
    {"203.0.113.0/24", "documentation"},       {"198.18.0.0/15", "benchmarking (RFC 2544)"},
    {"fc00::/7", "unique local (RFC 4193)"},   {"fe80::/10", "link-local"},
    {"2001:db8::/32", "documentation"},
};

const char *peering_reserved_space(const ip_prefix_t *p)
{
    if (p->len == 0)
        return "a default route, nobody's";
    for (size_t i = 0; i < sizeof(reserved) / sizeof(reserved[0]); i++) {
        ip_prefix_t r;
        if (prefix_parse(reserved[i].prefix, &r) && prefix_overlap(&r, p))
            return reserved[i].what;
    }
    return NULL;
}

int peering_route_limit(const device_t *d)
{
    if (d->route_limit > 0)
        return d->route_limit;
    if (d->peering == PEERING_MICROSOFT)
        return 200; /* per session, IPv4 and IPv6 alike */
    if (d->family == FAMILY_IPV6)
        return 100;
    return d->sku == SKU_PREMIUM ? 10000 : 4000;
}

const char *peering_limit_words(const device_t *d)
{
    if (d->peering == PEERING_MICROSOFT)
        return d->family == FAMILY_IPV6 ? "Microsoft peering, IPv6" : "Microsoft peering";
    if (d->family == FAMILY_IPV6)
        return "private peering, IPv6";
    return d->sku == SKU_PREMIUM && d->route_limit <= 0 ? "private peering, Premium" : "private peering";
}

/* The first advertised prefix in reserved space, with what it is; false when none. */
static bool first_reserved(const fact_t *f, char *prefix, size_t size, const char **what, int *count)
{
    bool found = false;
    *count = 0;
    for (size_t i = 0; i < f->n_records; i++) {
        ip_prefix_t p;
        const char *w;
        if (f->records[i].kind != KIND_BGP_TABLE || !prefix_parse(f->records[i].u.path.prefix, &p) ||
            !(w = peering_reserved_space(&p)))
            continue;
        if (!found) {
            snprintf(prefix, size, "%s", f->records[i].u.path.prefix);
            *what = w;
            found = true;
        }
        (*count)++;
    }
    return found;
}

/* Established with nothing received: no route filter on the Azure side.  The session's state
 * and counts are the prefix limits' reading of them (framework/prefix_limit.c). */
static bool judge_no_route_filter(const evidence_t *ev, const char *peer, step_result_t *s)
{
    limit_view_t lv;
    limit_judge(ev, &lv);
    if (!lv.established || lv.received != 0)
        return false;
    step_fail(s, "route_filter_missing", "neighbor %s is Established on Microsoft peering but sends 0 prefixes: "
              "Microsoft advertises nothing on Microsoft peering until a route filter (the BGP communities of "
              "the services wanted) is attached to the peering in Azure", peer);
    const char *needles[] = {peer, NULL};
    if (!step_evidence(s, &ev->facts[PROBE_BGP_SUMMARY], needles))
        step_evidence(s, &ev->facts[PROBE_BGP_NEIGHBOR], (const char *const[]){"refix", NULL});
    step_remedy(s, ev, "route_filter_missing", NULL, NULL);
    return true;
}

/* Something we advertise is not ours to announce: Microsoft drops it. */
static bool judge_public_prefixes(const evidence_t *ev, const char *peer, step_result_t *s)
{
    const fact_t *f = &ev->facts[PROBE_BGP_ADVERTISED];
    char prefix[PREFIX_LEN];
    const char *what = NULL;
    int count;
    if (!fact_usable(f) || f->kind != KIND_BGP_TABLE || !first_reserved(f, prefix, sizeof(prefix), &what, &count))
        return false;
    step_fail(s, "private_prefix_advertised", "%d prefix%s advertised to %s on Microsoft peering %s not public "
              "(first: %s, %s address space): Microsoft accepts only public prefixes registered to the "
              "customer's AS or its provider in an RIR or IRR, and ignores the rest", count, count == 1 ? "" : "es",
              peer, count == 1 ? "is" : "are", prefix, what);
    const char *needles[] = {prefix, NULL};
    step_evidence(s, f, needles);
    step_remedy(s, ev, "private_prefix_advertised", NULL, NULL);
    return true;
}

bool peering_rules_judge(const evidence_t *ev, const char *peer, step_result_t *s)
{
    if (ev->device->peering != PEERING_MICROSOFT)
        return false;
    return judge_public_prefixes(ev, peer, s) || judge_no_route_filter(ev, peer, s);
}
