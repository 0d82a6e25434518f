/* step_addressing.c: step 4 of the BGP runbook: the router's addresses against the subnet
 * assigned to the circuit.  ExpressRoute: in each /30 (IPv6 /126) the customer takes the first
 * usable address and Microsoft the second; the router's interface network must equal the
 * assigned subnet and the configured peer must lie inside it. */
#include <stdio.h>
#include <string.h>

#include "core/prefix.h"
#include "framework/steps.h"

/* What the router shows: the interface address on the peering link, the session's local
 * address and the configured peer. */
typedef struct {
    const iface_t *iface;
    ip_prefix_t addr;         /* as configured, with its length */
    char addr_text[PREFIX_LEN];
    bool has_local;           /* BGP neighbor local address */
    ip_addr_t local;
    char local_text[ADDR_LEN];
    bool has_cfg_peer;        /* configured neighbor towards Microsoft */
    ip_addr_t cfg_peer;
    char cfg_peer_text[ADDR_LEN];
} seen_t;

typedef enum { BY_SUBNET, BY_PEER, BY_NAME, BY_LOCAL, BY_CFG_PEER, BY_COUNT } locate_t;

/* Does address k of interface i answer this way of locating the peering interface? */
static bool addr_matches(const ip_prefix_t *p, const iface_t *i, const device_t *d, const seen_t *v, locate_t how)
{
    switch (how) {
    case BY_SUBNET:
        return prefix_contains(&d->subnet, &p->addr);
    case BY_PEER:
        return d->has_peer_ip && p->len < (p->addr.family == 4 ? 32 : 128) && prefix_contains(p, &d->peer_ip);
    case BY_NAME:
        return d->interface[0] && !strcmp(i->name, d->interface) && p->addr.family == d->subnet.addr.family;
    case BY_LOCAL:
        return v->has_local && ip_equal(&p->addr, &v->local);
    case BY_CFG_PEER:
        return v->has_cfg_peer && p->len < (p->addr.family == 4 ? 32 : 128) && prefix_contains(p, &v->cfg_peer);
    default:
        return false;
    }
}

static bool locate_in(const fact_t *f, const device_t *d, seen_t *v, locate_t how)
{
    for (size_t r = 0; r < f->n_records; r++) {
        const iface_t *i = &f->records[r].u.iface;
        for (int k = 0; f->records[r].kind == KIND_INTERFACES && k < i->n_ipv4 + i->n_ipv6 && k < 2 * MAX_ADDRS; k++) {
            const char *text = k < i->n_ipv4 ? i->ipv4[k] : i->ipv6[k - i->n_ipv4];
            ip_prefix_t p;
            if (!prefix_parse(text, &p) || !addr_matches(&p, i, d, v, how))
                continue;
            v->iface = i;
            v->addr = p;
            snprintf(v->addr_text, sizeof(v->addr_text), "%s", text);
            return true;
        }
    }
    return false;
}

/* The session's local address, from the neighbor record of the expected peer. */
static void read_neighbor(const fact_t *f, const device_t *d, seen_t *v)
{
    for (size_t r = 0; fact_usable(f) && r < f->n_records; r++) {
        const bgp_neighbor_t *n = &f->records[r].u.neighbor;
        ip_addr_t peer;
        if (f->records[r].kind != KIND_BGP_NEIGHBORS || !ip_parse(n->peer, &peer) || !ip_equal(&peer, &d->peer_ip))
            continue;
        if (n->local_address[0] && ip_parse(n->local_address, &v->local)) {
            v->has_local = true;
            snprintf(v->local_text, sizeof(v->local_text), "%s", n->local_address);
        }
        return;
    }
}

/* The configured neighbor towards Microsoft: the expected peer when configured, else a
 * neighbor with the expected peer AS in the subnet's family. */
static void read_config(const fact_t *f, const device_t *d, seen_t *v)
{
    const bgp_config_neighbor_t *pick = NULL;
    for (size_t r = 0; fact_usable(f) && r < f->n_records; r++) {
        const bgp_config_neighbor_t *n = &f->records[r].u.bgp_config;
        ip_addr_t a;
        if (f->records[r].kind != KIND_BGP_CONFIG || !ip_parse(n->peer, &a) || a.family != d->subnet.addr.family)
            continue;
        if (d->has_peer_ip && ip_equal(&a, &d->peer_ip)) {
            pick = n;
            break;
        }
        if (!pick && d->peer_as > 0 && n->remote_as == d->peer_as)
            pick = n;
    }
    if (pick && ip_parse(pick->peer, &v->cfg_peer)) {
        v->has_cfg_peer = true;
        snprintf(v->cfg_peer_text, sizeof(v->cfg_peer_text), "%s", pick->peer);
    }
}

static void quote(step_result_t *s, const fact_t *f, const char *text)
{
    char bare[PREFIX_LEN];
    snprintf(bare, sizeof(bare), "%s", text);
    char *slash = strchr(bare, '/');
    if (slash)
        *slash = '\0';
    const char *needles[] = {bare, NULL};
    if (fact_usable(f))
        step_evidence(s, f, needles);
}

/* ".129" for IPv4 (the last octet is what engineers compare), the whole address for IPv6. */
static void short_addr(const ip_addr_t *a, char *buf, size_t size)
{
    if (a->family == 4)
        snprintf(buf, size, ".%u", a->bytes[3]);
    else
        ip_to_string(a, buf, size);
}

static void evidence_all(step_result_t *s, const evidence_t *ev, const seen_t *v)
{
    if (v->iface)
        quote(s, &ev->facts[PROBE_INTERFACES], v->addr_text);
    if (v->has_cfg_peer)
        quote(s, &ev->facts[PROBE_BGP_CONFIG], v->cfg_peer_text);
    if (v->has_local)
        quote(s, &ev->facts[PROBE_BGP_NEIGHBOR], v->local_text);
}

static void fail(step_result_t *s, const evidence_t *ev, const seen_t *v, const char *cause)
{
    evidence_all(s, ev, v);
    step_remedy(s, ev, cause, v->iface ? v->iface->name : NULL, NULL);
}

/* The router holds Microsoft's address (the second usable). */
static bool judge_swapped(step_result_t *s, const evidence_t *ev, const seen_t *v, const ip_addr_t *first, const ip_addr_t *second)
{
    if (!ip_equal(&v->addr.addr, second))
        return false;
    char f[ADDR_LEN], sec[ADDR_LEN], peer[ADDR_LEN + 40] = "";
    ip_to_string(first, f, sizeof(f));
    ip_to_string(second, sec, sizeof(sec));
    if (v->has_cfg_peer && ip_equal(&v->cfg_peer, first))
        snprintf(peer, sizeof(peer), " and peers with %s (the customer's)", v->cfg_peer_text);
    step_fail(s, "address_swapped",
              "%s holds %s, Microsoft's address (second usable)%s: the customer must take the first usable %s and peer with %s",
              v->iface->name, v->addr_text, peer, f, sec);
    fail(s, ev, v, "address_swapped");
    return true;
}

/* Interface network, configured peer and session source against the assigned subnet. */
static bool judge_subnet(step_result_t *s, const evidence_t *ev, const seen_t *v, const char *sub)
{
    const device_t *d = ev->device;
    /* IOS's IPv6 overview prints addresses without their length: only where the address lies
     * can be judged then, not the mask. */
    bool no_length = !strchr(v->addr_text, '/');
    if (no_length ? !prefix_contains(&d->subnet, &v->addr.addr) : !prefix_equal(&v->addr, &d->subnet)) {
        char net[PREFIX_LEN];
        prefix_to_string(&v->addr, true, net, sizeof(net));
        step_fail(s, "subnet_mismatch", "%s has %s (network %s); the assigned subnet is %s", v->iface->name, v->addr_text,
                  net, sub);
        fail(s, ev, v, "subnet_mismatch");
        return true;
    }
    if (v->has_cfg_peer && !prefix_contains(&d->subnet, &v->cfg_peer)) {
        step_fail(s, "subnet_mismatch", "neighbor %s is configured, outside the assigned subnet %s", v->cfg_peer_text, sub);
        fail(s, ev, v, "subnet_mismatch");
        return true;
    }
    if (v->has_local && !prefix_contains(&d->subnet, &v->local)) {
        step_fail(s, "subnet_mismatch", "the session to the peer is sourced from %s, outside the assigned subnet %s",
                  v->local_text, sub);
        fail(s, ev, v, "subnet_mismatch");
        return true;
    }
    return false;
}

static void judge_addressing(const evidence_t *ev, step_result_t *s, const iface_t **judged)
{
    const device_t *d = ev->device;
    const fact_t *fi = &ev->facts[PROBE_INTERFACES];
    if (!d->has_subnet) {
        step_skip(s, "no subnet in the inventory: nothing to compare the router's addresses with");
        return;
    }
    if (step_need(s, fi, "interfaces"))
        return;
    if (fi->kind != KIND_INTERFACES) {
        step_skip(s, "no parser reads '%s': the interface address cannot be judged", fi->command);
        return;
    }
    char sub[PREFIX_LEN];
    prefix_to_string(&d->subnet, true, sub, sizeof(sub));
    seen_t v = {0};
    read_neighbor(&ev->facts[PROBE_BGP_NEIGHBOR], d, &v);
    read_config(&ev->facts[PROBE_BGP_CONFIG], d, &v);
    bool found = false;
    for (locate_t how = BY_SUBNET; !found && how < BY_COUNT; how++)
        found = locate_in(fi, d, &v, how);
    if (!found) {
        char what[PREFIX_LEN + 40];
        snprintf(what, sizeof(what), "an interface address in %s", sub);
        if (step_absent_unproven(s, fi, what))
            return;
        step_fail(s, "subnet_mismatch", "no interface holds an address in the assigned subnet %s%s%s", sub,
                  v.has_cfg_peer ? "; configured neighbor " : "", v.has_cfg_peer ? v.cfg_peer_text : "");
        fail(s, ev, &v, "subnet_mismatch");
        return;
    }
    *judged = v.iface;
    ip_addr_t first, second;
    if (!prefix_first_usable(&d->subnet, &first) || !prefix_second_usable(&d->subnet, &second)) {
        step_skip(s, "the assigned subnet %s has no first and second usable address", sub);
        return;
    }
    if (judge_subnet(s, ev, &v, sub) || judge_swapped(s, ev, &v, &first, &second))
        return;
    char fs[ADDR_LEN], ss[ADDR_LEN], want[ADDR_LEN];
    short_addr(&first, fs, sizeof(fs));
    short_addr(&second, ss, sizeof(ss));
    ip_to_string(&first, want, sizeof(want));
    if (!ip_equal(&v.addr.addr, &first)) {
        step_fail(s, "subnet_mismatch", "%s holds %s, not the first usable address %s of %s", v.iface->name, v.addr_text, want, sub);
        fail(s, ev, &v, "subnet_mismatch");
        return;
    }
    char why[400];
    const fact_t *fc = &ev->facts[PROBE_BGP_CONFIG];
    if (!v.has_cfg_peer && !v.has_local) {
        step_skip(s, "%s holds %s as it should, but the configured peer could not be checked: %s", v.iface->name, v.addr_text,
                  fact_usable(fc) ? "no neighbor for the peer in the BGP configuration" : fact_problem(fc, why, sizeof(why)));
        return;
    }
    step_pass(s, "%s holds %s in the assigned subnet %s: customer %s first usable, Microsoft %s second%s%s%s", v.iface->name,
              v.addr_text, sub, fs, ss, v.has_cfg_peer ? "; neighbor " : "", v.has_cfg_peer ? v.cfg_peer_text : "",
              d->link == LINK_SECONDARY ? " (secondary link)" : " (primary link)");
    evidence_all(s, ev, &v);
}

/* Only the interface judged from matters: a line the parser could not read in its block is
 * said after the verdict (the address was read, so the verdict stands). */
void step_addressing(const evidence_t *ev, step_result_t *s)
{
    const iface_t *iface = NULL;
    judge_addressing(ev, s, &iface);
    if (iface && s->verdict != VERDICT_SKIP)
        step_note_unread(s, &ev->facts[PROBE_INTERFACES], iface, iface->name);
}
