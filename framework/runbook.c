/* runbook.c: running a runbook's steps and the ticket summary (the ranking of the causes is
 * framework/runbook_causes.c). */
#include "framework/runbook.h"

#include "framework/metrics.h"

#include <stdio.h>
#include <string.h>

const char *runbook_name(runbook_id_t rb)
{
    return rb == RUNBOOK_ASYM ? "asym" : "bgp";
}

bool runbook_from_name(const char *name, runbook_id_t *out)
{
    if (strcmp(name, "bgp") == 0)
        *out = RUNBOOK_BGP;
    else if (strcmp(name, "asym") == 0)
        *out = RUNBOOK_ASYM;
    else
        return false;
    return true;
}

const char *verdict_name(verdict_t v)
{
    static const char *const names[] = {"PASS", "WARN", "FAIL", "SKIP"};
    return v <= VERDICT_SKIP ? names[v] : "SKIP";
}

int runbook_first_unjudged(const runbook_result_t *r, int *count)
{
    int first = -1;
    *count = 0;
    for (int i = 0; i < r->n_steps; i++)
        if (r->steps[i].verdict == VERDICT_SKIP && strcmp(r->steps[i].cause, "not_applicable") != 0 && (*count)++ == 0)
            first = i;
    return first;
}

static void set_status(runbook_result_t *r)
{
    bool fail = false, warn = false;
    int unjudged;
    for (int i = 0; i < r->n_steps; i++) {
        fail |= r->steps[i].verdict == VERDICT_FAIL;
        warn |= r->steps[i].verdict == VERDICT_WARN;
    }
    bool skip = runbook_first_unjudged(r, &unjudged) >= 0;
    if (fail) {
        r->status = "CRITICAL";
        r->exit_code = 2;
    } else if (warn) {
        r->status = "WARNING";
        r->exit_code = 1;
    } else if (skip) {
        r->status = "UNKNOWN"; /* nothing wrong seen, but not everything could be seen */
        r->exit_code = 3;
    } else {
        r->status = "OK";
        r->exit_code = 0;
    }
}

static void write_summary(const evidence_t *ev, runbook_result_t *r)
{
    const device_t *d = ev->device;
    char peer[ADDR_LEN] = "?";
    if (d->has_peer_ip)
        ip_to_string(&d->peer_ip, peer, sizeof(peer));
    size_t w = 0, size = sizeof(r->summary);
#define SUMMARY(...) (w += (size_t)snprintf(r->summary + (w < size ? w : size), w < size ? size - w : 0, __VA_ARGS__))
    SUMMARY("%s%s%s%s (%s, %s peering, peer %s AS %lld): %s runbook %s.", d->name, d->circuit[0] ? " / " : "",
            d->circuit, d->link == LINK_SECONDARY ? " secondary" : " primary", d->vendor,
            d->peering == PEERING_MICROSOFT ? "Microsoft" : "private", peer, (long long)d->peer_as,
            r->runbook == RUNBOOK_ASYM ? "asymmetric-routing" : "BGP-session", r->status);
    int skipped, first = runbook_first_unjudged(r, &skipped);
    if (r->n_causes == 0 && skipped) {
        /* UNKNOWN is not a clean bill: say what could not be judged, never "no fault found". */
        SUMMARY(" %d of %d steps could not be judged; first %s: %s", skipped, r->n_steps, r->steps[first].title,
                r->steps[first].finding);
    } else if (r->n_causes == 0) {
        SUMMARY(" No fault found in %d steps.", r->n_steps);
    } else {
        const step_result_t *root = &r->steps[r->causes[0]];
        size_t flen = strlen(root->finding);
        SUMMARY(" Most likely cause (%s, %s): %s%s", root->title, root->cause, root->finding,
                flen && root->finding[flen - 1] == '.' ? "" : ".");
        /* The deciding line of each step that found the cause (an AS mismatch: the configured
         * remote-as and the NOTIFICATION). */
        const cause_group_t *g = &r->groups[0];
        for (int i = 0; i < g->n_evidence && i < 2; i++)
            SUMMARY("%s\"%s\" (%s)%s", i ? "; " : " Evidence: ", g->evidence[i].line, g->evidence[i].command,
                    i + 1 == g->n_evidence || i == 1 ? "." : "");
        if (root->n_next)
            SUMMARY(" Next: %s", root->next[0]);
        for (int i = 1; i < r->n_causes && i < 3; i++)
            SUMMARY("%s also %s: %s", i == 1 ? " Seen" : ";", r->steps[r->causes[i]].cause, r->steps[r->causes[i]].title);
        if (r->n_causes > 1)
            SUMMARY(".");
    }
#undef SUMMARY
}

void runbook_evaluate(runbook_id_t rb, const evidence_t *ev, runbook_result_t *out)
{
    size_t n;
    const step_def_t *steps = runbook_steps(rb, &n);
    memset(out, 0, sizeof(*out));
    out->runbook = rb;
    out->family = ev->device && ev->device->family == FAMILY_IPV6 ? FAMILY_IPV6 : FAMILY_IPV4;
    for (size_t i = 0; i < n && i < RUNBOOK_MAX_STEPS; i++) {
        step_result_t *s = &out->steps[out->n_steps++];
        s->id = steps[i].id;
        s->title = steps[i].title;
        steps[i].evaluate(ev, s);
        step_settle_remedies(s, ev);
    }
    runbook_rank_causes(ev, out);
    set_status(out);
    write_summary(ev, out);
    runbook_metrics(ev, out);
}

static probe_request_t *add(probe_request_t *out, size_t max, size_t *n, probe_id_t probe, const device_t *dev)
{
    if (*n >= max)
        return NULL;
    probe_request_t *r = &out[(*n)++];
    memset(r, 0, sizeof(*r));
    r->probe = probe;
    r->family = dev->family;
    snprintf(r->vrf, sizeof(r->vrf), "%s", dev->vrf);
    if (dev->has_peer_ip)
        ip_to_string(&dev->peer_ip, r->peer, sizeof(r->peer));
    return r;
}

static void path_source(probe_request_t *r, const device_t *dev)
{
    if (dev->has_local_ip)
        ip_to_string(&dev->local_ip, r->source, sizeof(r->source));
    snprintf(r->iface, sizeof(r->iface), "%s", dev->interface);
}

size_t runbook_requests(runbook_id_t rb, const device_t *dev, probe_request_t *out, size_t max)
{
    size_t n = 0;
    probe_request_t *r;
    if (rb == RUNBOOK_BGP) {
        static const probe_id_t plain[] = {
            PROBE_BGP_SUMMARY, PROBE_BGP_NEIGHBOR, PROBE_BGP_CONFIG, PROBE_PREFIX_LISTS, PROBE_ROUTE_MAPS,
            PROBE_ARP, PROBE_BFD, PROBE_LOG_AUTH,
        };
        if ((r = add(out, max, &n, PROBE_INTERFACES, dev)))
            r->twice = true; /* counters: growth between two polls */
        for (size_t i = 0; i < sizeof(plain) / sizeof(plain[0]); i++)
            add(out, max, &n, plain[i], dev);
        /* Microsoft peering judges what the CE advertises: public prefixes only, 200 at most. */
        if (dev->peering == PEERING_MICROSOFT)
            add(out, max, &n, PROBE_BGP_ADVERTISED, dev);
        /* Most platforms list IPv6 addresses only in their IPv6 interface overview. */
        if (dev->family == FAMILY_IPV6)
            add(out, max, &n, PROBE_IP_BRIEF, dev);
        /* The router's own tests cross the session's path: from the session's address or the
         * peering interface where the platform takes one (an optional part of the template). */
        static const probe_id_t path[] = {PROBE_TCP_179, PROBE_PING};
        for (size_t i = 0; i < 2; i++)
            if ((r = add(out, max, &n, path[i], dev)))
                path_source(r, dev);
        return n;
    }
    char vm[ADDR_LEN] = "", onprem[ADDR_LEN] = "";
    if (dev->has_azure_vm)
        ip_to_string(&dev->azure_vm, vm, sizeof(vm));
    if (dev->has_onprem_source)
        ip_to_string(&dev->onprem_source, onprem, sizeof(onprem));
    if (vm[0] && (r = add(out, max, &n, PROBE_TRACEROUTE, dev))) {
        snprintf(r->target, sizeof(r->target), "%s", vm);
        if (onprem[0])
            snprintf(r->source, sizeof(r->source), "%s", onprem);
        r->slot = SLOT_FORWARD_TRACE;
    }
    if (vm[0] && (r = add(out, max, &n, PROBE_ROUTE_LOOKUP, dev)))
        snprintf(r->prefix, sizeof(r->prefix), "%s", vm);
    if (onprem[0] && (r = add(out, max, &n, PROBE_ROUTE_LOOKUP, dev))) {
        snprintf(r->prefix, sizeof(r->prefix), "%s", onprem);
        r->slot = SLOT_ONPREM_ROUTE;
    }
    if (vm[0] && (r = add(out, max, &n, PROBE_BGP_PREFIX, dev)))
        snprintf(r->prefix, sizeof(r->prefix), "%s", vm);
    add(out, max, &n, PROBE_BGP_SUMMARY, dev);
    return n;
}

size_t runbook_circuit_requests(const device_t *dev, probe_request_t *out, size_t max)
{
    size_t n = 0;
    probe_request_t *r;
    if (dev->peering != PEERING_MICROSOFT) /* the runbook asks for it already */
        add(out, max, &n, PROBE_BGP_ADVERTISED, dev);
    add(out, max, &n, PROBE_BGP_RECEIVED, dev);
    if (dev->n_expect_prefixes > 0 && (r = add(out, max, &n, PROBE_BGP_PREFIX, dev)))
        prefix_to_string(&dev->expect_prefixes[0], false, r->prefix, sizeof(r->prefix));
    return n;
}

int runbook_exit_severity(int exit_code)
{
    static const int rank[] = {0, 1, 3, 2};
    return exit_code >= 0 && exit_code <= 3 ? rank[exit_code] : 2;
}
