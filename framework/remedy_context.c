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
    const record_t *cfg = about_peer(ev, PROBE_BGP_CONFIG, KIND_BGP_CONFIG);
    find_iface(c, hint ? hint->iface : NULL, cfg);
    if (cfg)
        snprintf(c->group, sizeof(c->group), "%s", cfg->u.bgp_config.peer_group);
    c->router_as = running_as(ev, cfg);
    find_policies(c, hint, nb, cfg);
    if (hint && hint->prefix && hint->prefix[0])
        snprintf(c->prefix, sizeof(c->prefix), "%s", hint->prefix);
    else if (d->n_expect_prefixes > 0)
        prefix_to_string(&d->expect_prefixes[0], true, c->prefix, sizeof(c->prefix));
}

bool remedy_session_established(const evidence_t *ev)
{
    const record_t *nb = about_peer(ev, PROBE_BGP_NEIGHBOR, KIND_BGP_NEIGHBORS);
    const record_t *sum = about_peer(ev, PROBE_BGP_SUMMARY, KIND_BGP_SUMMARY);
    if (nb && nb->u.neighbor.state != BGP_STATE_ABSENT)
        return nb->u.neighbor.state == BGP_STATE_ESTABLISHED;
    return sum && sum->u.peer.state == BGP_STATE_ESTABLISHED;
}

/* ---------------------------------------------------------------- placeholder values */

typedef bool (*value_fn)(const remedy_ctx_t *c, char *out, size_t size);

static bool text(char *out, size_t size, const char *s)
{
    snprintf(out, size, "%s", s);
    return s[0] != '\0';
}

static bool number(char *out, size_t size, int64_t v)
{
    if (v == MODEL_ABSENT || v <= 0)
        return false;
    snprintf(out, size, "%lld", (long long)v);
    return true;
}

static bool address(char *out, size_t size, bool has, const ip_addr_t *a)
{
    if (has)
        ip_to_string(a, out, size);
    return has;
}

/* IOS and IOS-XR want a dotted mask for IPv4 ("255.255.255.252") and a length for IPv6. */
static bool v_mask(const remedy_ctx_t *c, char *out, size_t size)
{
    const ip_prefix_t *p = &c->ev->device->subnet;
    if (!c->ev->device->has_subnet)
        return false;
    if (p->addr.family != 4) {
        snprintf(out, size, "/%d", p->len); /* "ipv6 address X/126" reads with the length glued on */
        return true;
    }
    uint32_t m = p->len ? 0xffffffffu << (32 - p->len) : 0;
    snprintf(out, size, "%u.%u.%u.%u", m >> 24, (m >> 16) & 0xff, (m >> 8) & 0xff, m & 0xff);
    return true;
}

/* "ge-0/0/1.100" -> "ge-0/0/1", its unit "100"; a name without a numeric unit is its own parent
 * (unit NULL). */
static size_t parent_len(const char *name, const char **unit)
{
    const char *dot = strrchr(name, '.');
    bool numeric = dot && dot > name && dot[1] && strspn(dot + 1, "0123456789") == strlen(dot + 1);
    *unit = numeric ? dot + 1 : NULL;
    return numeric ? (size_t)(dot - name) : strlen(name);
}

static bool v_parent(const remedy_ctx_t *c, char *out, size_t size)
{
    const char *unit;
    snprintf(out, size, "%.*s", (int)parent_len(c->iface, &unit), c->iface);
    return c->iface[0] != '\0';
}

/* Junos set syntax names a logical interface "ge-0/0/1 unit 100" (a port by its name). */
static bool v_iface_unit(const remedy_ctx_t *c, char *out, size_t size)
{
    const char *unit;
    int n = (int)parent_len(c->iface, &unit);
    snprintf(out, size, "%.*s%s%s", n, c->iface, unit ? " unit " : "", unit ? unit : "");
    return c->iface[0] != '\0';
}

static bool v_peer(const remedy_ctx_t *c, char *o, size_t n) { return address(o, n, c->ev->device->has_peer_ip, &c->ev->device->peer_ip); }
static bool v_local_ip(const remedy_ctx_t *c, char *o, size_t n) { return address(o, n, c->ev->device->has_local_ip, &c->ev->device->local_ip); }
static bool v_azure_vm(const remedy_ctx_t *c, char *o, size_t n) { return address(o, n, c->ev->device->has_azure_vm, &c->ev->device->azure_vm); }
static bool v_onprem(const remedy_ctx_t *c, char *o, size_t n) { return address(o, n, c->ev->device->has_onprem_source, &c->ev->device->onprem_source); }
static bool v_peer_as(const remedy_ctx_t *c, char *o, size_t n) { return number(o, n, c->ev->device->peer_as); }
static bool v_local_as(const remedy_ctx_t *c, char *o, size_t n) { return number(o, n, c->ev->device->local_as); }
static bool v_router_as(const remedy_ctx_t *c, char *o, size_t n) { return number(o, n, c->router_as); }
static bool v_hold_time(const remedy_ctx_t *c, char *o, size_t n) { return number(o, n, c->ev->device->hold_time); }
static bool v_keepalive(const remedy_ctx_t *c, char *o, size_t n) { return number(o, n, c->ev->device->keepalive); }
static bool v_rm_seq(const remedy_ctx_t *c, char *o, size_t n) { return number(o, n, c->rm_seq); }
static bool v_pl_seq(const remedy_ctx_t *c, char *o, size_t n) { return number(o, n, c->pl_seq); }
static bool v_iface(const remedy_ctx_t *c, char *o, size_t n) { return text(o, n, c->iface); }
static bool v_iface_addr(const remedy_ctx_t *c, char *o, size_t n) { return text(o, n, c->iface_addr); }
static bool v_group(const remedy_ctx_t *c, char *o, size_t n) { return text(o, n, c->group); }
static bool v_route_map(const remedy_ctx_t *c, char *o, size_t n) { return text(o, n, c->route_map); }
static bool v_prefix_list(const remedy_ctx_t *c, char *o, size_t n) { return text(o, n, c->prefix_list); }
static bool v_export(const remedy_ctx_t *c, char *o, size_t n) { return text(o, n, c->export_policy); }
static bool v_first_term(const remedy_ctx_t *c, char *o, size_t n) { return text(o, n, c->first_term); }
static bool v_export_term(const remedy_ctx_t *c, char *o, size_t n) { return text(o, n, c->export_term); }
static bool v_prefix(const remedy_ctx_t *c, char *o, size_t n) { return text(o, n, c->prefix); }
static bool v_circuit(const remedy_ctx_t *c, char *o, size_t n) { return text(o, n, c->ev->device->circuit); }
static bool v_vrf(const remedy_ctx_t *c, char *o, size_t n) { return text(o, n, c->ev->device->vrf[0] ? c->ev->device->vrf : "default"); }

static bool v_subnet(const remedy_ctx_t *c, char *out, size_t size)
{
    if (c->ev->device->has_subnet)
        prefix_to_string(&c->ev->device->subnet, true, out, size);
    return c->ev->device->has_subnet;
}

static bool v_plen(const remedy_ctx_t *c, char *out, size_t size)
{
    return c->ev->device->has_subnet && number(out, size, c->ev->device->subnet.len);
}

static bool ipv6(const remedy_ctx_t *c)
{
    const device_t *d = c->ev->device;
    return d->has_peer_ip ? d->peer_ip.family == 6 : d->has_subnet && d->subnet.addr.family == 6;
}

static bool v_host_len(const remedy_ctx_t *c, char *o, size_t n) { return text(o, n, ipv6(c) ? "128" : "32"); }
static bool v_inet(const remedy_ctx_t *c, char *o, size_t n) { return text(o, n, ipv6(c) ? "inet6" : "inet"); }

/* Azure names the peering and the link of the circuit. */
static bool v_peering(const remedy_ctx_t *c, char *o, size_t n)
{
    return text(o, n, c->ev->device->peering == PEERING_MICROSOFT ? "MicrosoftPeering" : "AzurePrivatePeering");
}
static bool v_path(const remedy_ctx_t *c, char *o, size_t n) { return text(o, n, c->ev->device->link == LINK_SECONDARY ? "Secondary" : "Primary"); }
static bool v_az_path(const remedy_ctx_t *c, char *o, size_t n) { return text(o, n, c->ev->device->link == LINK_SECONDARY ? "secondary" : "primary"); }

/* Every placeholder a table may use, and how it reads when unknown. */
static const struct {
    const char *name, *unknown;
    value_fn fn;
} values[] = {
    {"peer", "<peer>", v_peer},
    {"local_ip", "<local-ip>", v_local_ip},
    {"peer_as", "<peer-as>", v_peer_as},
    {"local_as", "<local-as>", v_local_as},
    {"router_as", "<local-as>", v_router_as},
    {"hold_time", "<hold-time>", v_hold_time},
    {"keepalive", "<keepalive>", v_keepalive},
    {"subnet", "<subnet>", v_subnet},
    {"plen", "<prefix-length>", v_plen},
    {"mask", "<mask>", v_mask},
    {"host_len", "32", v_host_len},
    {"inet", "inet", v_inet},
    {"vrf", "default", v_vrf},
    {"iface", "<interface>", v_iface},
    {"parent", "<interface>", v_parent},
    {"iface_unit", "<interface>", v_iface_unit},
    {"iface_addr", "<current-address>", v_iface_addr},
    {"group", "<group>", v_group},
    {"route_map", "<route-map>", v_route_map},
    {"prefix_list", "<prefix-list>", v_prefix_list},
    {"export_policy", "<export-policy>", v_export},
    {"first_term", "<first-term>", v_first_term},
    {"export_term", "<first-export-term>", v_export_term},
    {"rm_seq", "<seq>", v_rm_seq},
    {"pl_seq", "<seq>", v_pl_seq},
    {"prefix", "<azure-prefix>", v_prefix},
    {"circuit", "<circuit>", v_circuit},
    {"peering", "AzurePrivatePeering", v_peering},
    {"path", "Primary", v_path},
    {"az_path", "primary", v_az_path},
    {"azure_vm", "<azure-vm>", v_azure_vm},
    {"onprem_source", "<on-prem-address>", v_onprem},
};

bool remedy_value(const remedy_ctx_t *c, const char *name, size_t n, char *out, size_t size)
{
    for (size_t i = 0; i < sizeof(values) / sizeof(values[0]); i++) {
        if (strlen(values[i].name) != n || strncmp(values[i].name, name, n))
            continue;
        if (values[i].fn(c, out, size))
            return true;
        snprintf(out, size, "%s", values[i].unknown);
        return false;
    }
    snprintf(out, size, "<%.*s>", (int)n, name); /* not a placeholder of ours: shown as such */
    return false;
}

bool remedy_placeholder_known(const char *name, size_t n)
{
    for (size_t i = 0; i < sizeof(values) / sizeof(values[0]); i++)
        if (strlen(values[i].name) == n && !strncmp(values[i].name, name, n))
            return true;
    return false;
}
