/* remedy_context.c: what the evidence and the inventory say a remedy's placeholders are (see
 * remedy_context.h).  Each value has one source, looked up once per remedy; a value nobody
 * told us is shown <like-this>, so a line is never silently wrong. */
#include "framework/remedy_context.h"

#include <stdio.h>
#include <string.h>

#include "core/prefix.h"

/* ---------------------------------------------------------------- records of the evidence */

static const char *peer_of(const record_t *r)
{
    switch (r->kind) {
    case KIND_BGP_NEIGHBORS: return r->u.neighbor.peer;
    case KIND_BGP_CONFIG: return r->u.bgp_config.peer;
    case KIND_BGP_SUMMARY: return r->u.peer.peer;
    default: return NULL;
    }
}

/* The record of kind about the inventory's peer in the answer to probe; NULL when none. */
static const record_t *about_peer(const evidence_t *ev, probe_id_t probe, kind_t kind)
{
    const fact_t *f = &ev->facts[probe];
    ip_addr_t a;
    for (size_t i = 0; ev->device->has_peer_ip && fact_usable(f) && i < f->n_records; i++)
        if (f->records[i].kind == kind && ip_parse(peer_of(&f->records[i]), &a) && ip_equal(&a, &ev->device->peer_ip))
            return &f->records[i];
    return NULL;
}

/* The peering's neighbor configuration: the one for the peer, else one for another address of
 * the link's subnet (swapped addresses: the CE names its own address as the neighbor), whose
 * group and policies are the ones a fix edits. */
static const record_t *link_config(const evidence_t *ev)
{
    const record_t *r = about_peer(ev, PROBE_BGP_CONFIG, KIND_BGP_CONFIG);
    const fact_t *f = &ev->facts[PROBE_BGP_CONFIG];
    ip_addr_t a;
    for (size_t i = 0; !r && ev->device->has_subnet && fact_usable(f) && i < f->n_records; i++)
        if (f->records[i].kind == KIND_BGP_CONFIG && ip_parse(peer_of(&f->records[i]), &a) &&
            prefix_contains(&ev->device->subnet, &a))
            r = &f->records[i];
    return r;
}

/* The first name of a policy field: FRR marks an existing policy "*NAME", Junos may list a
 * chain "[ A B ]" (the first policy is where a new term goes). */
static void first_name(char *dst, size_t size, const char *src)
{
    src += strspn(src, "*[ ");
    snprintf(dst, size, "%.*s", (int)strcspn(src, " ,]"), src);
}

static const char *either(const char *a, const char *b)
{
    return a && a[0] ? a : b ? b : "";
}

/* ---------------------------------------------------------------- the interface */

/* An address of i inside the device's subnet (want_inside) or of the subnet's family (any
 * address when the subnet is unknown), copied to out. */
static bool iface_address(const iface_t *i, const device_t *d, bool want_inside, char *out, size_t size)
{
    int n4 = i->n_ipv4 < MAX_ADDRS ? i->n_ipv4 : MAX_ADDRS, n6 = i->n_ipv6 < MAX_ADDRS ? i->n_ipv6 : MAX_ADDRS;
    for (int k = 0; k < n4 + n6; k++) {
        const char *text = k < n4 ? i->ipv4[k] : i->ipv6[k - n4];
        ip_prefix_t p;
        if (!prefix_parse(text, &p))
            continue;
        bool ok = want_inside ? d->has_subnet && prefix_contains(&d->subnet, &p.addr)
                              : !d->has_subnet || p.addr.family == d->subnet.addr.family;
        if (ok) {
            snprintf(out, size, "%s", text);
            return true;
        }
    }
    return false;
}

/* The interface record named name (any interface answer); NULL when none. */
static const iface_t *iface_named(const evidence_t *ev, const char *name)
{
    static const probe_id_t probes[] = {PROBE_INTERFACES, PROBE_INTERFACE, PROBE_IP_BRIEF};
    for (size_t p = 0; p < sizeof(probes) / sizeof(probes[0]); p++) {
        const fact_t *f = &ev->facts[probes[p]];
        for (size_t i = 0; fact_usable(f) && i < f->n_records; i++)
            if (f->records[i].kind == KIND_INTERFACES && (!name || !strcmp(f->records[i].u.iface.name, name)))
                if (name || iface_address(&f->records[i].u.iface, ev->device, true, NULL, 0))
                    return &f->records[i].u.iface;
    }
    return NULL;
}

/* The interface whose description names the circuit ("ExpressRoute er-nyc-01 primary"): the
 * one meant to hold the subnet when none does (a wrong address). */
static const iface_t *iface_described(const evidence_t *ev)
{
    const fact_t *f = &ev->facts[PROBE_INTERFACES];
    for (size_t i = 0; ev->device->circuit[0] && fact_usable(f) && i < f->n_records; i++)
        if (f->records[i].kind == KIND_INTERFACES && strstr(f->records[i].u.iface.description, ev->device->circuit))
            return &f->records[i].u.iface;
    return NULL;
}

/* Does x hold an address inside block? */
static bool iface_in_block(const iface_t *x, const ip_prefix_t *block)
{
    int n4 = x->n_ipv4 < MAX_ADDRS ? x->n_ipv4 : MAX_ADDRS, n6 = x->n_ipv6 < MAX_ADDRS ? x->n_ipv6 : MAX_ADDRS;
    for (int k = 0; k < n4 + n6; k++) {
        ip_prefix_t p;
        if (prefix_parse(k < n4 ? x->ipv4[k] : x->ipv6[k - n4], &p) && prefix_contains(block, &p.addr))
            return true;
    }
    return false;
}

/* An interface numbered near the peering subnet (in the same /24, or /64 for IPv6): the one a
 * wrong-subnet fix renumbers when no interface holds the subnet itself. */
static const iface_t *iface_nearby(const evidence_t *ev)
{
    const device_t *d = ev->device;
    if (!d->has_subnet)
        return NULL;
    ip_prefix_t block = d->subnet;
    int wide = d->subnet.addr.family == 6 ? 64 : 24;
    block.len = block.len > wide ? wide : block.len;
    const fact_t *f = &ev->facts[PROBE_INTERFACES];
    for (size_t i = 0; fact_usable(f) && i < f->n_records; i++)
        if (f->records[i].kind == KIND_INTERFACES && iface_in_block(&f->records[i].u.iface, &block))
            return &f->records[i].u.iface;
    return NULL;
}

/* The step's interface, else the one holding the peering subnet, else the inventory's, the
 * neighbor's update-source, or the one described as the circuit's; and the address it holds. */
static void find_iface(remedy_ctx_t *c, const char *hint, const record_t *cfg)
{
    const device_t *d = c->ev->device;
    const char *src = cfg ? cfg->u.bgp_config.update_source : "";
    const iface_t *i = hint && hint[0] ? iface_named(c->ev, hint) : iface_named(c->ev, NULL);
    if (!i && !(hint && hint[0])) {
        const char *named = d->interface[0] ? d->interface : src[0] ? src : NULL;
        i = named ? iface_named(c->ev, named) : iface_described(c->ev);
        i = i ? i : named ? NULL : iface_nearby(c->ev);
        hint = i ? NULL : named;
    }
    snprintf(c->iface, sizeof(c->iface), "%s", hint && hint[0] ? hint : i ? i->name : "");
    if (i && !iface_address(i, d, true, c->iface_addr, sizeof(c->iface_addr)))
        iface_address(i, d, false, c->iface_addr, sizeof(c->iface_addr));
}

/* ---------------------------------------------------------------- policies */

/* Route-map entries (or Junos terms) of policy name, lowest sequence first: the one whose
 * permit flag is want (any entry when any_action). */
static const route_map_entry_t *first_entry(const evidence_t *ev, const char *name, bool any_action, bool want)
{
    const fact_t *f = &ev->facts[PROBE_ROUTE_MAPS];
    const route_map_entry_t *best = NULL;
    for (size_t i = 0; name[0] && fact_usable(f) && i < f->n_records; i++) {
        const route_map_entry_t *e = &f->records[i].u.route_map;
        if (f->records[i].kind != KIND_ROUTE_MAPS || strcmp(e->name, name) || (!any_action && e->permit != want))
            continue;
        if (!best || (e->seq != MODEL_ABSENT && (best->seq == MODEL_ABSENT || e->seq < best->seq)))
            best = e;
    }
    return best;
}

/* The prefix-list (IOS-XR prefix-set) a policy matches on: "match ip address prefix-list X",
 * Junos "from prefix-list X" / "prefix-list-filter X orlonger", XR "destination in X". */
static void list_in_policy(const evidence_t *ev, const char *name, char *out, size_t size)
{
    static const char *const keys[] = {"prefix-list", "destination in"};
    const fact_t *f = &ev->facts[PROBE_ROUTE_MAPS];
    for (size_t i = 0; name[0] && !out[0] && fact_usable(f) && i < f->n_records; i++) {
        const route_map_entry_t *e = &f->records[i].u.route_map;
        for (int m = 0; f->records[i].kind == KIND_ROUTE_MAPS && !strcmp(e->name, name) && m < e->n_match; m++)
            for (size_t k = 0; k < 2 && !out[0]; k++) {
                const char *p = strstr(e->match[m], keys[k]);
                if (!p)
                    continue;
                p += strlen(keys[k]);
                p += strcspn(p, " ");
                first_name(out, size, p);
            }
    }
}

/* A sequence number for a new entry of prefix-list name: just below its first explicit deny,
 * else 5 past its last entry.  MODEL_ABSENT when the lists were not read or no number is free. */
static int64_t free_seq(const evidence_t *ev, const char *name)
{
    const fact_t *f = &ev->facts[PROBE_PREFIX_LISTS];
    int64_t deny = MODEL_ABSENT, last = 0;
    if (!name[0] || !fact_usable(f))
        return MODEL_ABSENT;
    for (size_t i = 0; i < f->n_records; i++) {
        const prefix_list_entry_t *e = &f->records[i].u.prefix_list;
        if (f->records[i].kind != KIND_PREFIX_LISTS || strcmp(e->name, name) || e->seq == MODEL_ABSENT)
            continue;
        last = e->seq > last ? e->seq : last;
        if (!e->permit && (deny == MODEL_ABSENT || e->seq < deny))
            deny = e->seq;
    }
    if (deny == MODEL_ABSENT)
        return last + 5;
    for (int64_t s = deny - 1; s > 0; s--) {
        bool used = false;
        for (size_t i = 0; i < f->n_records && !used; i++)
            used = f->records[i].kind == KIND_PREFIX_LISTS && !strcmp(f->records[i].u.prefix_list.name, name) &&
                   f->records[i].u.prefix_list.seq == s;
        if (!used)
            return s;
    }
    return MODEL_ABSENT;
}

static void find_policies(remedy_ctx_t *c, const remedy_hint_t *h, const record_t *nb, const record_t *cfg)
{
    const bgp_neighbor_t *n = nb ? &nb->u.neighbor : NULL;
    const bgp_config_neighbor_t *k = cfg ? &cfg->u.bgp_config : NULL;
    char direct_list[NAME_LEN];
    first_name(direct_list, sizeof(direct_list), either(n ? n->inbound_prefix_list : NULL, k ? k->inbound_prefix_list : NULL));
    /* A step that names only "the policy" may name the prefix-list: that is no route-map. */
    const char *rm = h && h->route_map && strcmp(h->route_map, direct_list) ? h->route_map : NULL;
    first_name(c->route_map, sizeof(c->route_map), either(rm, either(n ? n->inbound_policy : NULL, k ? k->inbound_policy : NULL)));
    first_name(c->prefix_list, sizeof(c->prefix_list), either(h ? h->prefix_list : NULL, direct_list));
    if (!c->prefix_list[0])
        list_in_policy(c->ev, c->route_map, c->prefix_list, sizeof(c->prefix_list));
    first_name(c->export_policy, sizeof(c->export_policy),
               either(n ? n->outbound_policy : NULL, k ? k->outbound_policy : NULL));
    const route_map_entry_t *e = first_entry(c->ev, c->route_map, false, true);
    c->rm_seq = e ? e->seq : MODEL_ABSENT;
    if ((e = first_entry(c->ev, c->route_map, true, false)) != NULL)
        snprintf(c->first_term, sizeof(c->first_term), "%s", e->term);
    if ((e = first_entry(c->ev, c->export_policy, true, false)) != NULL)
        snprintf(c->export_term, sizeof(c->export_term), "%s", e->term);
    c->pl_seq = free_seq(c->ev, c->prefix_list);
}

/* ---------------------------------------------------------------- placeholder values */

/* Every placeholder a table may use, and how it reads when unknown; values[] of the context
 * follows this order. */
enum {
    V_PEER, V_LOCAL_IP, V_PEER_AS, V_LOCAL_AS, V_ROUTER_AS, V_HOLD_TIME, V_KEEPALIVE, V_SUBNET, V_PLEN, V_MASK,
    V_HOST_LEN, V_INET, V_VRF, V_IFACE, V_PARENT, V_IFACE_UNIT, V_IFACE_ADDR, V_GROUP, V_ROUTE_MAP, V_PREFIX_LIST,
    V_EXPORT_POLICY, V_FIRST_TERM, V_EXPORT_TERM, V_RM_SEQ, V_PL_SEQ, V_PREFIX, V_CIRCUIT, V_PEERING, V_PATH,
    V_AZ_PATH, V_AZURE_VM, V_ONPREM_SOURCE, V_COUNT
};
static const char *const names[V_COUNT][2] = {
    {"peer", "<peer>"}, {"local_ip", "<local-ip>"}, {"peer_as", "<peer-as>"}, {"local_as", "<local-as>"},
    {"router_as", "<local-as>"}, {"hold_time", "<hold-time>"}, {"keepalive", "<keepalive>"}, {"subnet", "<subnet>"},
    {"plen", "<prefix-length>"}, {"mask", "<mask>"}, {"host_len", "32"}, {"inet", "inet"}, {"vrf", "default"},
    {"iface", "<interface>"}, {"parent", "<interface>"}, {"iface_unit", "<interface>"},
    {"iface_addr", "<current-address>"}, {"group", "<group>"}, {"route_map", "<route-map>"},
    {"prefix_list", "<prefix-list>"}, {"export_policy", "<export-policy>"}, {"first_term", "<first-term>"},
    {"export_term", "<first-export-term>"}, {"rm_seq", "<seq>"}, {"pl_seq", "<seq>"}, {"prefix", "<azure-prefix>"},
    {"circuit", "<circuit>"}, {"peering", "AzurePrivatePeering"}, {"path", "Primary"}, {"az_path", "primary"},
    {"azure_vm", "<azure-vm>"}, {"onprem_source", "<on-prem-address>"},
};
_Static_assert(V_COUNT <= REMEDY_MAX_VALUES, "remedy_ctx_t holds every value");

static void set_text(remedy_ctx_t *c, int v, const char *s)
{
    snprintf(c->values[v], sizeof(c->values[v]), "%s", s);
}

static void set_number(remedy_ctx_t *c, int v, int64_t n)
{
    if (n != MODEL_ABSENT && n > 0)
        snprintf(c->values[v], sizeof(c->values[v]), "%lld", (long long)n);
}

static void set_address(remedy_ctx_t *c, int v, bool has, const ip_addr_t *a)
{
    if (has)
        ip_to_string(a, c->values[v], sizeof(c->values[v]));
}

/* IOS and IOS-XR want a dotted mask for IPv4 ("255.255.255.252") and a length for IPv6
 * ("ipv6 address X/126" reads with the length glued on). */
static void set_mask(remedy_ctx_t *c, const ip_prefix_t *p)
{
    /* only an IPv4 length (1..32) becomes a dotted mask: shifting by 32 - len for an IPv6
     * length would be undefined */
    uint32_t m = p->addr.family == 4 && p->len > 0 && p->len <= 32 ? 0xffffffffu << (32 - p->len) : 0;
    if (p->addr.family != 4)
        snprintf(c->values[V_MASK], sizeof(c->values[V_MASK]), "/%d", p->len);
    else
        snprintf(c->values[V_MASK], sizeof(c->values[V_MASK]), "%u.%u.%u.%u", m >> 24, (m >> 16) & 0xff,
                 (m >> 8) & 0xff, m & 0xff);
}

/* "ge-0/0/1.100": the port "ge-0/0/1" and, for Junos set syntax, "ge-0/0/1 unit 100"; a name
 * without a numeric unit is its own port. */
static void set_port(remedy_ctx_t *c)
{
    const char *dot = strrchr(c->iface, '.');
    bool unit = dot && dot > c->iface && dot[1] && strspn(dot + 1, "0123456789") == strlen(dot + 1);
    int n = unit ? (int)(dot - c->iface) : (int)strlen(c->iface);
    if (!c->iface[0])
        return;
    snprintf(c->values[V_PARENT], sizeof(c->values[V_PARENT]), "%.*s", n, c->iface);
    snprintf(c->values[V_IFACE_UNIT], sizeof(c->values[V_IFACE_UNIT]), "%.*s%s%s", n, c->iface, unit ? " unit " : "",
             unit ? dot + 1 : "");
}

/* What the inventory says: addresses, ASNs, timers, the circuit. */
static void set_inventory(remedy_ctx_t *c, const device_t *d)
{
    bool v6 = d->has_peer_ip ? d->peer_ip.family == 6 : d->has_subnet && d->subnet.addr.family == 6;
    set_address(c, V_PEER, d->has_peer_ip, &d->peer_ip);
    set_address(c, V_LOCAL_IP, d->has_local_ip, &d->local_ip);
    set_address(c, V_AZURE_VM, d->has_azure_vm, &d->azure_vm);
    set_address(c, V_ONPREM_SOURCE, d->has_onprem_source, &d->onprem_source);
    set_number(c, V_PEER_AS, d->peer_as);
    set_number(c, V_LOCAL_AS, d->local_as);
    set_number(c, V_HOLD_TIME, d->hold_time);
    set_number(c, V_KEEPALIVE, d->keepalive);
    if (d->has_subnet) {
        prefix_to_string(&d->subnet, true, c->values[V_SUBNET], sizeof(c->values[V_SUBNET]));
        set_number(c, V_PLEN, d->subnet.len);
        set_mask(c, &d->subnet);
    }
    set_text(c, V_HOST_LEN, v6 ? "128" : "32");
    set_text(c, V_INET, v6 ? "inet6" : "inet");
    set_text(c, V_VRF, d->vrf[0] ? d->vrf : "default");
    set_text(c, V_CIRCUIT, d->circuit);
    set_text(c, V_PEERING, d->peering == PEERING_MICROSOFT ? "MicrosoftPeering" : "AzurePrivatePeering");
    set_text(c, V_PATH, d->link == LINK_SECONDARY ? "Secondary" : "Primary");
    set_text(c, V_AZ_PATH, d->link == LINK_SECONDARY ? "secondary" : "primary");
}

/* What the evidence says (found by remedy_context). */
static void set_evidence(remedy_ctx_t *c)
{
    set_text(c, V_IFACE, c->iface);
    set_port(c);
    set_text(c, V_IFACE_ADDR, c->iface_addr);
    set_text(c, V_GROUP, c->group);
    set_text(c, V_ROUTE_MAP, c->route_map);
    set_text(c, V_PREFIX_LIST, c->prefix_list);
    set_text(c, V_EXPORT_POLICY, c->export_policy);
    set_text(c, V_FIRST_TERM, c->first_term);
    set_text(c, V_EXPORT_TERM, c->export_term);
    set_text(c, V_PREFIX, c->prefix);
    set_number(c, V_ROUTER_AS, c->router_as);
    set_number(c, V_RM_SEQ, c->rm_seq);
    set_number(c, V_PL_SEQ, c->pl_seq);
}

static int value_index(const char *name, size_t n)
{
    for (int i = 0; i < V_COUNT; i++)
        if (strlen(names[i][0]) == n && !strncmp(names[i][0], name, n))
            return i;
    return -1;
}

bool remedy_value(const remedy_ctx_t *c, const char *name, size_t n, char *out, size_t size)
{
    int i = value_index(name, n);
    if (i < 0)
        snprintf(out, size, "<%.*s>", (int)n, name); /* not a placeholder of ours: shown as such */
    else
        snprintf(out, size, "%s", c->values[i][0] ? c->values[i] : names[i][1]);
    return i >= 0 && c->values[i][0];
}

bool remedy_placeholder_known(const char *name, size_t n)
{
    return value_index(name, n) >= 0;
}

/* ---------------------------------------------------------------- the context */

/* The AS the router runs: its configuration, else its summary, else the inventory's. */
static int64_t running_as(const evidence_t *ev, const record_t *cfg)
{
    const fact_t *cf = &ev->facts[PROBE_BGP_CONFIG], *sf = &ev->facts[PROBE_BGP_SUMMARY];
    if (cfg && cfg->u.bgp_config.local_as > 0)
        return cfg->u.bgp_config.local_as;
    if (fact_usable(cf) && cf->meta.local_as > 0)
        return cf->meta.local_as;
    if (fact_usable(sf) && sf->meta.local_as > 0)
        return sf->meta.local_as;
    return ev->device->local_as > 0 ? ev->device->local_as : MODEL_ABSENT;
}

void remedy_context(const evidence_t *ev, const remedy_hint_t *hint, remedy_ctx_t *c)
{
    const device_t *d = ev->device;
    memset(c, 0, sizeof(*c));
    c->ev = ev;
    const record_t *nb = about_peer(ev, PROBE_BGP_NEIGHBOR, KIND_BGP_NEIGHBORS);
    const record_t *cfg = link_config(ev);
    find_iface(c, hint ? hint->iface : NULL, cfg);
    if (cfg)
        snprintf(c->group, sizeof(c->group), "%s", cfg->u.bgp_config.peer_group);
    c->router_as = running_as(ev, cfg);
    find_policies(c, hint, nb, cfg);
    if (hint && hint->prefix && hint->prefix[0])
        snprintf(c->prefix, sizeof(c->prefix), "%s", hint->prefix);
    else if (d->n_expect_prefixes > 0)
        prefix_to_string(&d->expect_prefixes[0], true, c->prefix, sizeof(c->prefix));
    set_inventory(c, d);
    set_evidence(c);
}

bool remedy_session_established(const evidence_t *ev)
{
    const record_t *nb = about_peer(ev, PROBE_BGP_NEIGHBOR, KIND_BGP_NEIGHBORS);
    const record_t *sum = about_peer(ev, PROBE_BGP_SUMMARY, KIND_BGP_SUMMARY);
    if (nb && nb->u.neighbor.state != BGP_STATE_ABSENT)
        return nb->u.neighbor.state == BGP_STATE_ESTABLISHED;
    return sum && sum->u.peer.state == BGP_STATE_ESTABLISHED;
}
