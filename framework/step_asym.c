/* step_asym.c: the asymmetric-routing runbook.
 *
 * Two traces (on-prem to the VM, the VM back to on-prem) are read hop by hop and each hop is
 * placed relative to the circuit's peering /30: before it (the customer side), on it (the CE
 * and MSEE addresses), on the other /30 of the circuit's /29 (the other link), after it, or on
 * the public internet.  A leg "uses ExpressRoute" when it shows an address of the peering
 * subnet; the edge's routes and Azure's effective routes then say why a leg does not. */
#include <stdio.h>
#include <string.h>
#include <strings.h>

#include "framework/steps.h"

/* ---- addresses ---- */

typedef enum { HOP_UNKNOWN = 0, HOP_PRIVATE, HOP_CE, HOP_MSEE, HOP_INTERNET, HOP_TARGET } hop_class_t;

static bool in_cidr(const ip_addr_t *a, const char *cidr)
{
    ip_prefix_t p;
    return prefix_parse(cidr, &p) && prefix_contains(&p, a);
}

/* Private or otherwise non-routable on the internet.  The documentation ranges 198.51.100.0/24
 * and 203.0.113.0/24 are deliberately NOT listed: examples and tests use them as the internet. */
static bool addr_private(const ip_addr_t *a)
{
    static const char *const v4[] = {"10.0.0.0/8",   "172.16.0.0/12", "192.168.0.0/16", "100.64.0.0/10",
                                     "127.0.0.0/8",  "169.254.0.0/16", "0.0.0.0/8"};
    static const char *const v6[] = {"fc00::/7", "fe80::/10", "::1/128"};
    const char *const *list = a->family == 6 ? v6 : v4;
    size_t n = a->family == 6 ? sizeof(v6) / sizeof(v6[0]) : sizeof(v4) / sizeof(v4[0]);
    for (size_t i = 0; i < n; i++)
        if (in_cidr(a, list[i]))
            return true;
    return false;
}

/* IPv6: on-prem and the VNets use global addresses, so "not private" proves nothing.  An
 * address in the prefixes Microsoft sends, or in the /48 of the on-prem source or of the VM (a
 * site's usual allocation), is one side of the circuit, never the internet. */
static bool side_of_circuit(const device_t *d, const ip_addr_t *a)
{
    if (a->family != 6)
        return false;
    for (int i = 0; i < d->n_expect_prefixes; i++)
        if (prefix_contains(&d->expect_prefixes[i], a))
            return true;
    const ip_addr_t *sites[] = {d->has_onprem_source ? &d->onprem_source : NULL, d->has_azure_vm ? &d->azure_vm : NULL};
    for (size_t i = 0; i < 2; i++) {
        ip_prefix_t site = {.len = 48};
        if (sites[i] && sites[i]->family == 6) {
            site.addr = *sites[i];
            if (prefix_contains(&site, a))
                return true;
        }
    }
    return false;
}

/* The circuit's other link: the sibling of the peering /30 inside its /29 (/126 in a /125). */
static bool other_link(const device_t *d, const ip_addr_t *a)
{
    if (!d->has_subnet || d->subnet.len == 0)
        return false;
    ip_prefix_t parent = d->subnet;
    parent.len--;
    return prefix_contains(&parent, a) && !prefix_contains(&d->subnet, a);
}

/* Where one address sits; *other is set when it is on the circuit's other /30. */
static hop_class_t classify(const device_t *d, const ip_addr_t *target, const ip_addr_t *a, bool *other)
{
    *other = false;
    if (target && ip_equal(a, target))
        return HOP_TARGET;
    if (d->has_local_ip && ip_equal(a, &d->local_ip))
        return HOP_CE;
    if (d->has_peer_ip && ip_equal(a, &d->peer_ip))
        return HOP_MSEE;
    bool mine = d->has_subnet && prefix_contains(&d->subnet, a);
    if (mine || other_link(d, a)) {
        /* The customer takes the first usable address of each /30, Microsoft the second. */
        ip_prefix_t link = d->subnet;
        ip_addr_t first;
        link.addr = *a;
        *other = !mine;
        return prefix_first_usable(&link, &first) && ip_equal(a, &first) ? HOP_CE : HOP_MSEE;
    }
    return addr_private(a) || side_of_circuit(d, a) ? HOP_PRIVATE : HOP_INTERNET;
}

/* A private hop is on-prem or in Azure depending on the leg and on whether the /30 is behind. */
static const char *class_name(hop_class_t c, bool crossed, bool reverse)
{
    switch (c) {
    case HOP_CE: return "CE";
    case HOP_MSEE: return "MSEE";
    case HOP_INTERNET: return "internet";
    case HOP_TARGET: return "target";
    case HOP_PRIVATE: return crossed != reverse ? "Azure" : "on-prem";
    default: return "unknown";
    }
}

/* ---- one trace, summarised ---- */

typedef struct {
    int n_hops;
    int cross_ttl;                /* first hop on this link's /30; 0 = never */
    char cross_addr[ADDR_LEN];
    int other_ttl;                /* first hop on the other /30 of the /29 */
    char other_addr[ADDR_LEN];
    int inet_ttl;                 /* first internet hop */
    char inet_addr[ADDR_LEN];
    int n_answered;               /* hops with at least one address */
    int reached_ttl;              /* the hop that is the target; 0 = not reached */
    int last_ttl;                 /* last hop that answered */
    char last_addr[ADDR_LEN];
    char path[300];               /* "1 near side 172.16.0.1, 2 CE 192.168.100.129, ..." */
} trace_sum_t;

static bool uses_er(const trace_sum_t *t)
{
    return t->cross_ttl || t->other_ttl;
}

static void note_hop(trace_sum_t *t, int ttl, hop_class_t c, bool other, const char *addr)
{
    int *slot = NULL;
    char *where = NULL;
    if ((c == HOP_CE || c == HOP_MSEE) && !other)
        slot = &t->cross_ttl, where = t->cross_addr;
    else if (c == HOP_CE || c == HOP_MSEE)
        slot = &t->other_ttl, where = t->other_addr;
    else if (c == HOP_INTERNET)
        slot = &t->inet_ttl, where = t->inet_addr;
    if (slot && !*slot) {
        *slot = ttl;
        snprintf(where, ADDR_LEN, "%s", addr);
    }
    if (c == HOP_TARGET && !t->reached_ttl)
        t->reached_ttl = ttl;
}

/* The most telling address of a hop (ECMP hops list several): the /30 beats the target beats
 * the internet beats a private address. */
static hop_class_t hop_best(const device_t *d, const ip_addr_t *target, const trace_hop_t *h, bool *other,
                            const char **addr)
{
    static const int weight[] = {[HOP_UNKNOWN] = 0, [HOP_PRIVATE] = 1, [HOP_INTERNET] = 2, [HOP_TARGET] = 3,
                                 [HOP_MSEE] = 4, [HOP_CE] = 4};
    hop_class_t best = HOP_UNKNOWN;
    *other = false;
    *addr = NULL;
    for (int i = 0; i < h->n_probes; i++) {
        ip_addr_t a;
        bool o;
        if (!h->probes[i].address[0] || !ip_parse(h->probes[i].address, &a))
            continue;
        hop_class_t c = classify(d, target, &a, &o);
        if (!*addr || weight[c] > weight[best]) {
            best = c;
            *other = o;
            *addr = h->probes[i].address;
        }
    }
    return best;
}

static void summarise(const evidence_t *ev, const fact_t *f, const ip_addr_t *target, bool reverse, trace_sum_t *t)
{
    memset(t, 0, sizeof(*t));
    size_t w = 0;
    for (size_t i = 0; i < f->n_records; i++) {
        if (f->records[i].kind != KIND_TRACEROUTE)
            continue;
        const trace_hop_t *h = &f->records[i].u.hop;
        int ttl = h->ttl > 0 ? (int)h->ttl : t->n_hops + 1;
        t->n_hops++;
        bool other;
        const char *addr;
        hop_class_t c = hop_best(ev->device, target, h, &other, &addr);
        bool crossed = uses_er(t);
        if (addr) {
            t->n_answered++;
            t->last_ttl = ttl;
            snprintf(t->last_addr, sizeof(t->last_addr), "%s", addr);
            note_hop(t, ttl, c, other, addr);
        }
        if (w < sizeof(t->path) && addr)
            w += (size_t)snprintf(t->path + w, sizeof(t->path) - w, "%s%d %s%s %s", w ? ", " : "", ttl,
                                  class_name(c, crossed, reverse), other ? " (other link)" : "", addr);
        else if (w < sizeof(t->path))
            w += (size_t)snprintf(t->path + w, sizeof(t->path) - w, "%s%d *", w ? ", " : "", ttl);
    }
}

/* The trace's target: what the trace says it traced, else what the inventory expects. */
static bool trace_target(const fact_t *f, bool has_dflt, const ip_addr_t *dflt, ip_addr_t *out)
{
    if (has_dflt) {
        *out = *dflt;
        return true;
    }
    return f->meta.target[0] && ip_parse(f->meta.target, out);
}

/* A trace is judged from every hop: one cut, or holding a line the parser could not read,
 * leaves the path uncertain.  A line between hops does not. */
static bool trace_unread(const fact_t *f)
{
    return f->truncated || fact_any_record_unread(f);
}

/* Adds the first line holding every needle, unless the step already quotes that very line. */
static bool quote(step_result_t *s, const fact_t *f, const char *const *needles)
{
    int before = s->n_evidence;
    if (!step_evidence(s, f, needles))
        return false;
    for (int i = 0; i < before; i++)
        if (!strcmp(s->evidence[i].line, s->evidence[before].line) &&
            !strcmp(s->evidence[i].command, s->evidence[before].command)) {
            s->n_evidence--; /* the same line twice proves nothing more */
            break;
        }
    return true;
}

/* Quotes the hop line of addr: a line with a round-trip time ("ms", "msec") first, so that the
 * header "traceroute to 10.1.0.4 ..." is not taken for the target's hop. */
static void quote_addr(step_result_t *s, const fact_t *f, const char *addr)
{
    const char *timed[] = {addr, "ms", NULL};
    const char *plain[] = {addr, NULL};
    if (addr && addr[0] && !quote(s, f, timed))
        quote(s, f, plain);
}

/* ---- forward and reverse traces ---- */

static void judge_trace(const evidence_t *ev, step_result_t *s, const fact_t *f, const trace_sum_t *t,
                        const char *leg, const char *target, bool reverse)
{
    if (t->n_hops == 0) {
        step_skip(s, "the %s trace printed no hops ('%s')", leg, f->command);
        return;
    }
    if (uses_er(t)) {
        const char *addr = t->cross_ttl ? t->cross_addr : t->other_addr;
        int ttl = t->cross_ttl ? t->cross_ttl : t->other_ttl;
        quote_addr(s, f, addr);
        if (!t->reached_ttl) {
            quote_addr(s, f, t->last_addr);
            step_warn(s, "asymmetric_path",
                      "the %s trace crosses the peering /30 at hop %d (%s) but never reaches %s (last answer: hop %d %s): "
                      "the target may not answer probes (NSG / host firewall), or its replies take another path. "
                      "Path: %s",
                      leg, ttl, addr, target, t->last_ttl, t->last_addr[0] ? t->last_addr : "none", t->path);
            step_remedy(s, ev, "asymmetric_path", NULL, NULL);
            return;
        }
        quote_addr(s, f, target);
        if (trace_unread(f)) {
            step_warn(s, "evidence_missing", "the %s trace crosses the peering /30 at hop %d (%s) and reaches %s, but "
                      "the output was cut or partly unreadable. Path: %s", leg, ttl, addr, target, t->path);
            step_remedy(s, ev, "evidence_missing", NULL, NULL);
            return;
        }
        step_pass(s, "the %s trace crosses the ExpressRoute peering at hop %d (%s%s) and reaches %s at hop %d. Path: %s",
                  leg, ttl, addr, t->cross_ttl ? "" : ", the circuit's other link", target, t->reached_ttl, t->path);
        return;
    }
    if (t->n_answered == 0) {
        step_warn(s, "evidence_missing", "no hop of the %s trace answered: nothing shows which way it went", leg);
        step_remedy(s, ev, "evidence_missing", NULL, NULL);
        return;
    }
    if (t->inet_ttl) {
        quote_addr(s, f, t->inet_addr);
        const char *cause = reverse ? "return_via_internet" : "asymmetric_path";
        step_fail(s, cause, "the %s trace never crosses the peering /30: it leaves for the internet at hop %d (%s). Path: %s",
                  leg, t->inet_ttl, t->inet_addr, t->path);
        step_remedy(s, ev, cause, NULL, NULL);
        return;
    }
    quote_addr(s, f, t->reached_ttl ? target : t->last_addr);
    step_fail(s, "asymmetric_path",
              "the %s trace never crosses the peering /30: it %s by another private path (a VPN, another circuit). "
              "Path: %s", leg, t->reached_ttl ? "reaches the target" : "heads away", t->path);
    step_remedy(s, ev, "asymmetric_path", NULL, NULL);
}

void step_forward_trace(const evidence_t *ev, step_result_t *s)
{
    const device_t *d = ev->device;
    const fact_t *f = &ev->forward_trace;
    if (!d->has_azure_vm && !f->meta.target[0]) {
        step_skip(s, "no azure_vm in the inventory: set azure_vm to the VM address to trace towards");
        return;
    }
    if (step_need(s, f, "forward trace to the Azure VM"))
        return;
    ip_addr_t target;
    char tgt[ADDR_LEN] = "?";
    bool has = trace_target(f, d->has_azure_vm, &d->azure_vm, &target);
    if (has)
        ip_to_string(&target, tgt, sizeof(tgt));
    trace_sum_t t;
    summarise(ev, f, has ? &target : NULL, false, &t);
    judge_trace(ev, s, f, &t, "forward", tgt, false);
    if (s->verdict == VERDICT_FAIL)
        step_note(s, "Check the edge's route for %s (step edge_routes): it must be learned from AS %lld via the MSEE "
                  "address of the /30", tgt, (long long)d->peer_as);
}

static void reverse_missing(step_result_t *s, const fact_t *f)
{
    char why[400];
    step_skip(s, "no usable reverse trace (%s): run a trace on the VM towards the on-prem source and pass it with "
              "--reverse-trace FILE (Windows tracert or Linux traceroute / mtr --report output), or set reverse_from "
              "in the inventory to a Linux VM reachable over SSH", fact_problem(f, why, sizeof(why)));
}

void step_reverse_trace(const evidence_t *ev, step_result_t *s)
{
    const device_t *d = ev->device;
    const fact_t *f = &ev->reverse_trace;
    if (!fact_usable(f)) {
        reverse_missing(s, f);
        return;
    }
    ip_addr_t target;
    char tgt[ADDR_LEN] = "?";
    bool has = trace_target(f, d->has_onprem_source, &d->onprem_source, &target);
    if (has)
        ip_to_string(&target, tgt, sizeof(tgt));
    trace_sum_t t;
    summarise(ev, f, has ? &target : NULL, true, &t);
    judge_trace(ev, s, f, &t, "reverse", tgt, true);
    if (s->verdict == VERDICT_FAIL) {
        step_note(s, "Azure CLI: az network nic show-effective-route-table -g <rg> -n <nic> -o table");
        step_note(s, "Advertise the on-prem prefix holding %s to Microsoft over this circuit", tgt);
    }
}

/* ---- the two legs side by side ---- */

typedef struct {
    const evidence_t *ev;
    trace_sum_t fw, rv;
    char onprem[PREFIX_LEN + 40]; /* "172.16.0.0/24", or "the on-prem prefix holding 172.16.0.10" */
} legs_t;

static const char *er_addr(const trace_sum_t *t)
{
    return t->cross_ttl ? t->cross_addr : t->other_addr;
}

static int er_ttl(const trace_sum_t *t)
{
    return t->cross_ttl ? t->cross_ttl : t->other_ttl;
}

static const char *link_role(const device_t *d, bool this_link)
{
    bool secondary = d->link == LINK_SECONDARY;
    if (this_link)
        return secondary ? "this /30, the secondary link" : "this /30, the primary link";
    return secondary ? "the other /30 of the /29, the primary link" : "the other /30 of the /29, the secondary link";
}

static void onprem_prefix(const evidence_t *ev, char *out, size_t size);

/* Forward over ExpressRoute, return over the internet: the classic asymmetry. */
static void cmp_return_internet(const legs_t *l, step_result_t *s)
{
    const evidence_t *ev = l->ev;
    quote_addr(s, &ev->forward_trace, er_addr(&l->fw));
    quote_addr(s, &ev->reverse_trace, l->rv.inet_addr);
    step_fail(s, "return_via_internet",
              "the forward leg crosses ExpressRoute at hop %d (%s) but the return leg leaves the ExpressRoute path at "
              "hop %d (%s): a stateful firewall on either side drops the replies it never saw leave",
              er_ttl(&l->fw), er_addr(&l->fw), l->rv.inet_ttl, l->rv.inet_addr);
    step_remedy(s, ev, "return_via_internet", NULL, NULL);
    step_note(s, "Advertise %s to Microsoft on the %s link so Azure returns over the circuit", l->onprem,
              ev->device->link == LINK_SECONDARY ? "secondary" : "primary");
    step_note(s, "Or SNAT the flow on the edge to an address advertised over ExpressRoute");
}

/* Return over ExpressRoute, forward elsewhere: the edge prefers another route to Azure. */
static void cmp_forward_elsewhere(const legs_t *l, step_result_t *s)
{
    const evidence_t *ev = l->ev;
    long long as = (long long)ev->device->peer_as;
    quote_addr(s, &ev->forward_trace, l->fw.inet_ttl ? l->fw.inet_addr : l->fw.last_addr);
    quote_addr(s, &ev->reverse_trace, er_addr(&l->rv));
    step_fail(s, "asymmetric_path",
              "the return leg crosses ExpressRoute at hop %d (%s) but the forward leg does not (%s): the edge does not "
              "prefer the routes learned from AS %lld", er_ttl(&l->rv), er_addr(&l->rv),
              l->fw.inet_ttl ? "it takes the internet" : "it takes another path", as);
    step_remedy(s, ev, "asymmetric_path", NULL, NULL);
    step_note(s, "Set local-preference 200 on routes from %lld so ExpressRoute beats the internet", as);
}

/* Both legs on the circuit: one link, or one leg per link (primary vs secondary). */
static void cmp_both_er(const legs_t *l, step_result_t *s)
{
    const evidence_t *ev = l->ev;
    bool fw_here = l->fw.cross_ttl != 0, rv_here = l->rv.cross_ttl != 0;
    const char *fa = er_addr(&l->fw), *ra = er_addr(&l->rv);
    quote_addr(s, &ev->forward_trace, fa);
    quote_addr(s, &ev->reverse_trace, ra);
    if (fw_here != rv_here) {
        step_warn(s, "asymmetric_path",
                  "both legs use ExpressRoute but on different links: forward via %s (%s), return via %s (%s). "
                  "Stateful firewalls per link drop such flows: align local-preference / AS-path prepending on both "
                  "links", fa, link_role(ev->device, fw_here), ra, link_role(ev->device, rv_here));
        step_remedy(s, ev, "asymmetric_path", NULL, NULL);
        step_note(s, "Prepend %s on the link that should stay passive, and set the same local-preference for routes "
                  "from %lld on both links", l->onprem, (long long)ev->device->peer_as);
        return;
    }
    if (trace_unread(&ev->forward_trace) || trace_unread(&ev->reverse_trace)) {
        step_warn(s, "evidence_missing", "both legs seem to cross ExpressRoute (%s, %s) but a trace was cut or partly "
                  "unreadable", fa, ra);
        step_remedy(s, ev, "evidence_missing", NULL, NULL);
        return;
    }
    step_pass(s, "symmetric: both legs cross ExpressRoute on %s (forward %s at hop %d, return %s at hop %d)",
              link_role(ev->device, fw_here), fa, er_ttl(&l->fw), ra, er_ttl(&l->rv));
}

void step_path_compare(const evidence_t *ev, step_result_t *s)
{
    const device_t *d = ev->device;
    if (step_need(s, &ev->forward_trace, "forward trace"))
        return;
    if (!fact_usable(&ev->reverse_trace)) {
        reverse_missing(s, &ev->reverse_trace);
        return;
    }
    legs_t l = {.ev = ev};
    ip_addr_t vm, src;
    bool has_vm = trace_target(&ev->forward_trace, d->has_azure_vm, &d->azure_vm, &vm);
    bool has_src = trace_target(&ev->reverse_trace, d->has_onprem_source, &d->onprem_source, &src);
    summarise(ev, &ev->forward_trace, has_vm ? &vm : NULL, false, &l.fw);
    summarise(ev, &ev->reverse_trace, has_src ? &src : NULL, true, &l.rv);
    onprem_prefix(ev, l.onprem, sizeof(l.onprem));
    if (l.fw.n_answered == 0 || l.rv.n_answered == 0) {
        step_skip(s, "the %s trace has no answering hop: nothing to compare", l.fw.n_answered ? "reverse" : "forward");
        return;
    }
    bool fw_er = uses_er(&l.fw), rv_er = uses_er(&l.rv);
    if (fw_er && rv_er) {
        cmp_both_er(&l, s);
    } else if (fw_er && l.rv.inet_ttl) {
        cmp_return_internet(&l, s);
    } else if (rv_er) {
        cmp_forward_elsewhere(&l, s);
    } else {
        quote_addr(s, &ev->forward_trace, l.fw.last_addr);
        quote_addr(s, &ev->reverse_trace, l.rv.last_addr);
        if (fw_er)
            step_fail(s, "asymmetric_path", "the forward leg crosses ExpressRoute but the return leg takes another "
                      "private path (a VPN or another circuit): %s", l.rv.path);
        else
            step_warn(s, "asymmetric_path", "neither leg crosses the peering /30: the traffic does not use this circuit");
        step_remedy(s, ev, "asymmetric_path", NULL, NULL);
    }
}

/* ---- the edge's routes ---- */

/* The longest route of a lookup answer that covers a; NULL when none does. */
static const route_t *route_for(const fact_t *f, const ip_addr_t *a)
{
    const route_t *best = NULL;
    int best_len = -1;
    for (size_t i = 0; i < f->n_records; i++) {
        if (f->records[i].kind != KIND_ROUTES)
            continue;
        const route_t *r = &f->records[i].u.route;
        ip_prefix_t p;
        if (!prefix_parse(r->prefix, &p) || !prefix_contains(&p, a) || p.len <= best_len)
            continue;
        if (best && r->best == TRI_FALSE)
            continue;
        best = r;
        best_len = p.len;
    }
    return best;
}

static bool is_default(const route_t *r);

/* The edge's prefix for the on-prem source (what Microsoft must learn), in words for next steps. */
static void onprem_prefix(const evidence_t *ev, char *out, size_t size)
{
    const device_t *d = ev->device;
    char src[ADDR_LEN] = "?";
    const route_t *r = NULL;
    if (d->has_onprem_source) {
        ip_to_string(&d->onprem_source, src, sizeof(src));
        if (fact_usable(&ev->onprem_route))
            r = route_for(&ev->onprem_route, &d->onprem_source);
    }
    if (r && !is_default(r))
        snprintf(out, size, "%s", r->prefix);
    else
        snprintf(out, size, "the on-prem prefix holding %s", src);
}

static bool is_default(const route_t *r)
{
    ip_prefix_t p;
    return prefix_parse(r->prefix, &p) && p.len == 0;
}

/* Whether a next hop is the MSEE: its address, or (IPv6) a link-local address on the peering
 * interface: IPv6 routes learned over eBGP point at the neighbor's fe80:: address.  Without an
 * interface in the inventory, a link-local next hop of a BGP route stands for the peer: the
 * CE's eBGP neighbors on an ExpressRoute edge are the MSEEs. */
static bool nh_is_peer(const device_t *d, const route_t *r, const next_hop_t *nh, const ip_addr_t *a)
{
    if (d->has_peer_ip && ip_equal(a, &d->peer_ip))
        return true;
    bool link_local = a->family == 6 && a->bytes[0] == 0xfe && (a->bytes[1] & 0xc0) == 0x80;
    if (!link_local || d->peer_ip.family != 6)
        return false;
    if (d->interface[0])
        return nh->interface[0] && strcasecmp(nh->interface, d->interface) == 0;
    return strcmp(r->protocol, "bgp") == 0;
}

/* The route's first next hop that is an address; "" when it has none. */
static const char *route_nh(const route_t *r, const device_t *d, bool *via_peer, bool *via_other)
{
    const char *first = "";
    *via_peer = *via_other = false;
    for (int i = 0; i < r->n_next_hops; i++) {
        ip_addr_t a;
        if (!r->next_hops[i].address[0] || !ip_parse(r->next_hops[i].address, &a))
            continue;
        if (!first[0])
            first = r->next_hops[i].address;
        if (nh_is_peer(d, r, &r->next_hops[i], &a))
            *via_peer = true, first = r->next_hops[i].address;
        else if (other_link(d, &a))
            *via_other = true;
    }
    return first;
}

/* Quotes a route: its prefix line, and the line naming its next hop (IOS / FRR "* 192.0.2.1, ...",
 * Junos ">  to 192.0.2.1 via ..."), else any line with the next hop. */
static void quote_route(step_result_t *s, const fact_t *f, const route_t *r, const char *nh)
{
    const char *by_prefix[] = {r->prefix, NULL};
    const char *star[] = {"* ", nh, NULL};
    const char *arrow[] = {">", nh, NULL};
    const char *any[] = {nh, NULL};
    quote(s, f, by_prefix);
    if (nh[0] && !quote(s, f, star) && !quote(s, f, arrow))
        quote(s, f, any);
}

/* The best BGP path for the VM prefix; NULL when the table holds none. */
static const bgp_path_t *best_path(const fact_t *f)
{
    const bgp_path_t *first = NULL;
    for (size_t i = 0; i < f->n_records; i++) {
        if (f->records[i].kind != KIND_BGP_TABLE)
            continue;
        const bgp_path_t *p = &f->records[i].u.path;
        if (p->best == TRI_TRUE)
            return p;
        if (!first)
            first = p;
    }
    return first;
}

static bool path_from(const bgp_path_t *p, long long as)
{
    char want[24];
    snprintf(want, sizeof(want), "%lld", as);
    size_t n = strlen(want);
    const char *ap = p->as_path;
    while (*ap == ' ')
        ap++;
    return strncmp(ap, want, n) == 0 && (ap[n] == '\0' || ap[n] == ' ' || ap[n] == ',');
}

/* How many times the AS path repeats its first AS (Microsoft prepends during maintenance). */
static int prepends(const bgp_path_t *p)
{
    char first[24] = "";
    int n = 0;
    const char *ap = p->as_path;
    while (*ap) {
        while (*ap == ' ')
            ap++;
        size_t len = strcspn(ap, " ");
        if (!len)
            break;
        if (!first[0])
            snprintf(first, sizeof(first), "%.*s", (int)len, ap);
        if (strlen(first) != len || strncmp(first, ap, len) != 0)
            break;
        n++;
        ap += len;
    }
    return n;
}

/* The first 12076:5xxxx community on the path into comm, and what it tags into kind. */
static bool region_community(const bgp_path_t *p, long long as, char *comm, size_t size, const char **kind)
{
    char key[24];
    int n = snprintf(key, sizeof(key), "%lld:5", as);
    const char *c = strstr(p->communities, key);
    if (!c)
        return false;
    size_t len = strcspn(c, " ,");
    snprintf(comm, size, "%.*s", (int)len, c);
    const char *val = c + n - 1;   /* "50xxx" private, "51xxx" Microsoft peering, else a service */
    size_t vlen = len - (size_t)(n - 1);
    *kind = vlen == 5 && !strncmp(val, "50", 2)   ? "private peering region"
            : vlen == 5 && !strncmp(val, "51", 2) ? "Microsoft peering region"
                                                  : "service";
    return true;
}

/* Judges the BGP attributes of the VM prefix; adds to note, may turn the verdict into a WARN. */
static bool judge_bgp(const evidence_t *ev, step_result_t *s, char *note, size_t size)
{
    const fact_t *f = &ev->facts[PROBE_BGP_PREFIX];
    const device_t *d = ev->device;
    if (!fact_usable(f)) {
        snprintf(note, size, " BGP path attributes not checked (the BGP table lookup was not usable).");
        return true;
    }
    const bgp_path_t *p = best_path(f);
    if (!p && f->n_records > 0) {
        /* Some platforms answer the BGP lookup with route records (no AS path): quote, not judge. */
        const char *ap[] = {"AS path:", NULL};
        quote(s, f, ap);
        snprintf(note, size, " BGP path attributes were not parsed from '%.200s'.", f->command);
        return true;
    }
    if (!p) {
        snprintf(note, size, " The BGP table holds no path for the VM prefix.");
        return false;
    }
    char comm[40] = "", region[96] = "";
    const char *kind = "";
    int pre = prepends(p);
    const char *ap[] = {p->as_path, NULL};
    const char *cm[] = {comm, NULL};
    if (p->as_path[0])
        quote(s, f, ap);
    if (region_community(p, (long long)d->peer_as, comm, sizeof(comm), &kind)) {
        snprintf(region, sizeof(region), ", community %s (%s)", comm, kind);
        quote(s, f, cm);
    }
    char lp[40] = "";
    if (p->local_pref != MODEL_ABSENT)
        snprintf(lp, sizeof(lp), ", local-preference %lld", (long long)p->local_pref);
    /* A cut note is still a useful note: the finding has a fixed size. */
    if (snprintf(note, size, " Best BGP path: AS path \"%.80s\"%s%s%s.", p->as_path, lp, region,
                 pre > 1 ? " (prepended: the link is being drained or kept passive)" : "") >= (int)size)
        note[size - 1] = '\0';
    return path_from(p, (long long)d->peer_as);
}

/* The edge's route for the on-prem source: it must stay on-prem (connected, static, IGP). */
static bool judge_onprem(const evidence_t *ev, step_result_t *s, char *note, size_t size)
{
    const device_t *d = ev->device;
    const fact_t *f = &ev->onprem_route;
    char src[ADDR_LEN];
    if (!d->has_onprem_source || !fact_usable(f)) {
        snprintf(note, size, " The on-prem source route was not checked.");
        return true;
    }
    ip_to_string(&d->onprem_source, src, sizeof(src));
    const route_t *r = route_for(f, &d->onprem_source);
    if (!r) {
        snprintf(note, size, " The edge has no route for the on-prem source %s.", src);
        return false;
    }
    bool peer, other;
    const char *nh = route_nh(r, d, &peer, &other);
    quote_route(s, f, r, nh);
    snprintf(note, size, " On-prem source %s: %s route %s%s%s.", src, r->protocol[0] ? r->protocol : "a", r->prefix,
             nh[0] ? " via " : "", nh);
    return !(peer || other || is_default(r));
}

/* The VM matches only the edge's default route: Azure traffic leaks to the internet. */
static void edge_leak(const evidence_t *ev, step_result_t *s, const route_t *r, const char *nh, const char *vm,
                      const char *peer)
{
    long long as = (long long)ev->device->peer_as;
    step_fail(s, "asymmetric_path", "the edge sends Azure traffic to its internet default: %s matches only %s (%s via "
              "%s), not a route learned from AS %lld; the VNet prefix is missing or filtered", vm, r->prefix,
              r->protocol[0] ? r->protocol : "route", nh[0] ? nh : "?", as);
    step_remedy(s, ev, "asymmetric_path", NULL, NULL);
    step_note(s, "Check the BGP session with %s and the inbound filters (erdiag check --runbook bgp)", peer);
    step_note(s, "Set local-preference 200 on routes from %lld so ExpressRoute beats the internet", as);
}

void step_edge_routes(const evidence_t *ev, step_result_t *s)
{
    const device_t *d = ev->device;
    const fact_t *f = &ev->facts[PROBE_ROUTE_LOOKUP];
    if (!d->has_azure_vm) {
        step_skip(s, "no azure_vm in the inventory: set azure_vm to look its route up on the edge");
        return;
    }
    if (step_need(s, f, "route lookup for the Azure VM"))
        return;
    char vm[ADDR_LEN], peer[ADDR_LEN] = "the MSEE";
    ip_to_string(&d->azure_vm, vm, sizeof(vm));
    if (d->has_peer_ip)
        ip_to_string(&d->peer_ip, peer, sizeof(peer));
    long long as = (long long)d->peer_as;
    const route_t *r = route_for(f, &d->azure_vm);
    if (!r) {
        step_fail(s, "asymmetric_path", "the edge has no route for %s: the VNet prefix is not learned from AS %lld "
                  "(run the bgp runbook)", vm, as);
        step_remedy(s, ev, "asymmetric_path", NULL, NULL);
        return;
    }
    bool via_peer, via_other;
    const char *nh = route_nh(r, d, &via_peer, &via_other);
    quote_route(s, f, r, nh);
    bool bgp = strcmp(r->protocol, "bgp") == 0;
    if (is_default(r) && !via_peer && !via_other) {
        edge_leak(ev, s, r, nh, vm, peer);
        return;
    }
    char bgp_note[320] = "", onprem_note[200] = "";
    bool attrs_ok = judge_bgp(ev, s, bgp_note, sizeof(bgp_note));
    bool onprem_ok = judge_onprem(ev, s, onprem_note, sizeof(onprem_note));
    if (!(bgp && (via_peer || via_other))) {
        step_warn(s, "asymmetric_path", "the route for %s is %s %s via %s, not learned from AS %lld via %s: traffic to "
                  "the VM may leave by another path.%s%s", vm, r->protocol[0] ? r->protocol : "a", r->prefix,
                  nh[0] ? nh : "?", as, peer, bgp_note, onprem_note);
        step_remedy(s, ev, "asymmetric_path", NULL, NULL);
        step_note(s, "Set local-preference 200 on routes from %lld", as);
        return;
    }
    if (!attrs_ok || !onprem_ok) {
        step_warn(s, "asymmetric_path", "the route for %s is bgp %s via %s, but %s.%s%s", vm, r->prefix, nh,
                  !attrs_ok ? "the best BGP path for it is not one from AS 12076 (another circuit or a VPN wins: "
                              "check local-preference and AS-path prepending)"
                            : "the on-prem source is not routed locally: replies to it would head back to Microsoft",
                  bgp_note, onprem_note);
        step_remedy(s, ev, "asymmetric_path", NULL, NULL);
        if (!onprem_ok)
            step_note(s, "Route the on-prem source locally (connected / IGP) and advertise its prefix to Microsoft");
        else
            step_note(s, "Set local-preference 200 on routes from %lld", as);
        return;
    }
    if (fact_record_partial(f, r)) { /* a line of the route's own block was not read */
        step_warn(s, "evidence_missing", "the route lookup for %s was cut or partly unreadable", vm);
        step_remedy(s, ev, "evidence_missing", NULL, NULL);
        return;
    }
    step_pass(s, "%s is reached by bgp %s via %s (learned from AS %lld%s).%s%s", vm, r->prefix, nh, as,
              via_peer ? "" : " over the circuit's other link", bgp_note, onprem_note);
}

/* ---- Azure's effective routes ---- */

static bool er_covers(const effective_route_t *e, const ip_addr_t *a, int *len, char *which, size_t size)
{
    *len = -1;
    for (int i = 0; i < e->n_prefixes; i++) {
        ip_prefix_t p;
        if (prefix_parse(e->prefixes[i], &p) && prefix_contains(&p, a) && p.len > *len) {
            *len = p.len;
            snprintf(which, size, "%s", e->prefixes[i]);
        }
    }
    return *len >= 0;
}

/* The Active route Azure uses for a (longest prefix); NULL when none covers it. */
static const effective_route_t *azure_best(const fact_t *f, const ip_addr_t *a, char *prefix, size_t size)
{
    const effective_route_t *best = NULL;
    int best_len = -1;
    for (size_t i = 0; i < f->n_records; i++) {
        const effective_route_t *e = &f->records[i].u.effective_route;
        int len;
        char which[PREFIX_LEN];
        if (f->records[i].kind != KIND_EFFECTIVE_ROUTES || strcmp(e->state, "Active") != 0)
            continue;
        if (er_covers(e, a, &len, which, sizeof(which)) && len > best_len) {
            best = e;
            best_len = len;
            snprintf(prefix, size, "%s", which);
        }
    }
    return best;
}

/* A route of the given source/state covering a, or a default of that kind; NULL when none. */
static const effective_route_t *azure_find(const fact_t *f, const ip_addr_t *a, const char *source, const char *state,
                                           bool want_default)
{
    for (size_t i = 0; i < f->n_records; i++) {
        const effective_route_t *e = &f->records[i].u.effective_route;
        int len;
        char which[PREFIX_LEN];
        if (f->records[i].kind != KIND_EFFECTIVE_ROUTES || strcmp(e->source, source) != 0 ||
            strcmp(e->state, state) != 0 || !er_covers(e, a, &len, which, sizeof(which)))
            continue;
        if (want_default == (len == 0))
            return e;
    }
    return NULL;
}

/* Quotes an effective route: its name line, else its next hop, else its prefix. */
static void quote_er(step_result_t *s, const fact_t *f, const effective_route_t *e)
{
    const char *by_name[] = {e->name, NULL};
    const char *by_nh[] = {e->next_hop, NULL};
    const char *by_type[] = {e->next_hop_type, NULL};
    if (e->name[0] && quote(s, f, by_name))
        return;
    if (e->next_hop[0] && quote(s, f, by_nh))
        return;
    quote(s, f, by_type);
}

/* What to change in Azure: the UDR that wins, or the gateway route that is missing. */
static void azure_fix(const evidence_t *ev, step_result_t *s, const effective_route_t *e, const char *prefix)
{
    char onprem[PREFIX_LEN + 40];
    if (strcmp(e->source, "User") != 0) {
        onprem_prefix(ev, onprem, sizeof(onprem));
        step_note(s, "Advertise %s to Microsoft over the circuit so the VNet gateway learns it", onprem);
        step_note(s, "Check that the subnet's route table propagates gateway routes "
                  "(Azure CLI: az network route-table update -g <rg> -n <route-table> --disable-bgp-route-propagation false)");
        return;
    }
    step_note(s, "Delete the UDR that sends %s to %s:", prefix, e->next_hop_type);
    step_note(s, "Azure CLI: az network route-table route delete -g <rg> --route-table-name <route-table> -n %s",
              e->name[0] ? e->name : "<udr-name>");
    step_note(s, "Associate a route table without this UDR to the VM's subnet, or route %s to VirtualNetworkGateway "
              "(az network route-table route create ... --address-prefix %s --next-hop-type VirtualNetworkGateway)",
              prefix, prefix);
}

/* The VM's route back to on-prem does not go to the gateway: say where it goes instead. */
static void azure_diverted(const evidence_t *ev, step_result_t *s, const effective_route_t *e,
                           const effective_route_t *gw_bad, const char *src, const char *prefix)
{
    const char *type = e->next_hop_type;
    const char *cause = strcmp(type, "Internet") == 0                       ? "return_via_internet"
                        : strcmp(type, "VirtualAppliance") == 0 || gw_bad ? "forced_tunneling"
                                                                            : "asymmetric_path";
    const char *invalid = gw_bad ? " (the gateway route for the on-prem prefix is Invalid: overridden)" : "";
    if (!strcmp(type, "Internet"))
        step_fail(s, cause, "the VM returns to %s by %s route %s%s%s -> Internet%s: the reply leaves the ExpressRoute "
                  "path", src, e->source, prefix, e->name[0] ? " " : "", e->name,
                  gw_bad ? invalid : "; no gateway route covers it: the on-prem prefix is not learned from the circuit");
    else if (!strcmp(type, "VirtualAppliance"))
        step_fail(s, cause, "the VM returns to %s through the virtual appliance %s (%s route %s%s%s)%s: forced "
                  "tunneling catches the on-prem traffic", src, e->next_hop[0] ? e->next_hop : "?", e->source, prefix,
                  e->name[0] ? " " : "", e->name, invalid);
    else
        step_fail(s, cause, "the VM reaches %s by %s route %s%s%s -> %s, not by the ExpressRoute gateway%s", src,
                  e->source, prefix, e->name[0] ? " " : "", e->name, type, invalid);
    step_remedy(s, ev, cause, NULL, NULL);
    azure_fix(ev, s, e, prefix);
}

/* The on-prem route goes to the gateway; a 0.0.0.0/0 UDR to an appliance is fine beside it. */
static void azure_gateway(const evidence_t *ev, step_result_t *s, const effective_route_t *e, const char *src,
                          const char *prefix)
{
    const fact_t *f = &ev->azure_routes;
    const effective_route_t *tunnel = azure_find(f, &ev->device->onprem_source, "User", "Active", true);
    if (tunnel && strcmp(tunnel->next_hop_type, "VirtualNetworkGateway") != 0) {
        quote_er(s, f, tunnel);
        step_warn(s, "forced_tunneling", "the on-prem prefix %s goes to the gateway, and a User 0.0.0.0/0 -> %s %s "
                  "forces only internet-bound traffic: forced tunneling only for internet-bound traffic is fine as long "
                  "as the appliance does not also see the ExpressRoute flows", prefix, tunnel->next_hop_type,
                  tunnel->next_hop);
        step_remedy(s, ev, "forced_tunneling", NULL, NULL);
        return;
    }
    if (f->truncated || fact_any_record_unread(f)) { /* the longest match needs every route */
        step_warn(s, "evidence_missing", "the effective routes were cut or partly unreadable");
        step_remedy(s, ev, "evidence_missing", NULL, NULL);
        return;
    }
    step_pass(s, "the VM returns to %s by the ExpressRoute gateway (%s route %s -> VirtualNetworkGateway %s)", src,
              e->source, prefix, e->next_hop);
}

void step_azure_routes(const evidence_t *ev, step_result_t *s)
{
    const device_t *d = ev->device;
    const fact_t *f = &ev->azure_routes;
    if (!fact_usable(f)) {
        char why[400];
        step_skip(s, "no Azure effective routes (%s): run `az network nic show-effective-route-table -g <rg> -n <nic> -o json "
                  "> routes.json` (or Get-AzEffectiveRouteTable | ConvertTo-Json) and pass --azure-routes routes.json",
                  fact_problem(f, why, sizeof(why)));
        /* The Azure side is optional evidence (issue 4): its absence alone is no UNKNOWN. */
        if (!f->present)
            step_not_applicable(s);
        return;
    }
    if (!d->has_onprem_source) {
        step_skip(s, "no onprem_source in the inventory: set it to judge the VM's route back to on-prem");
        return;
    }
    char src[ADDR_LEN], prefix[PREFIX_LEN] = "";
    ip_to_string(&d->onprem_source, src, sizeof(src));
    const effective_route_t *e = azure_best(f, &d->onprem_source, prefix, sizeof(prefix));
    if (!e) {
        step_fail(s, "return_via_internet", "no Active effective route covers %s: the VM cannot answer on-prem", src);
        step_remedy(s, ev, "return_via_internet", NULL, NULL);
        return;
    }
    quote_er(s, f, e);
    if (strcmp(e->next_hop_type, "VirtualNetworkGateway") == 0) {
        azure_gateway(ev, s, e, src, prefix);
        return;
    }
    const effective_route_t *gw_bad = azure_find(f, &d->onprem_source, "VirtualNetworkGateway", "Invalid", false);
    if (gw_bad)
        quote_er(s, f, gw_bad);
    azure_diverted(ev, s, e, gw_bad, src, prefix);
}
