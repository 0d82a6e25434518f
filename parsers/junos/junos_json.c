/* junos_json.c: the "| display json" forms.  Junos wraps every leaf as [{"data": "..."}]
 * (ju_get unwraps) and every container as a list of objects; attributes such as
 * "junos:seconds" sit beside "data". */
#include <stdio.h>
#include <string.h>

#include "parsers/jsonutil.h"
#include "parsers/junos/junos.h"
#include "parsers/textutil.h"

/* The "attributes" member of a leaf: "elapsed-time": [{"data": "..", "attributes": {..}}]. */
static int64_t attr_int(const json_t *obj, const char *key, const char *attr)
{
    json_t *v = json_is_object(obj) ? json_object_get(obj, key) : NULL;
    if (json_is_array(v))
        v = json_array_get(v, 0);
    json_t *a = json_is_object(v) ? json_object_get(v, "attributes") : NULL;
    return a ? ju_int(a, attr) : MODEL_ABSENT;
}

/* A container member: Junos lists of objects, or a single object. */
static json_t *rows_of(const json_t *obj, const char *key)
{
    return json_is_object(obj) ? json_object_get(obj, key) : NULL;
}

static const char *str(const json_t *obj, const char *key)
{
    json_t *v = ju_get(obj, key);
    return json_is_string(v) ? json_string_value(v) : "";
}

static bool present(const json_t *obj, const char *key)
{
    return json_is_object(obj) && json_object_get(obj, key) != NULL;
}

static json_t *first(const json_t *obj, const char *key)
{
    json_t *v = rows_of(obj, key);
    return ju_row(v, 0);
}

/* Loads and finds the top container, e.g. "interface-information". */
static json_t *top(parse_run_t *run, const char *text, size_t len, const char *key, json_t **root)
{
    *root = ju_load(run, text, len);
    if (!*root)
        return NULL;
    json_t *t = ju_row(json_object_get(*root, key), 0);
    if (!t)
        parse_partial(run, "the JSON document has no expected top-level object");
    return t;
}

/* ---- interfaces (also terse) ---- */

static void json_iface_common(iface_t *f, const json_t *o)
{
    ju_copy(o, "name", f->name, sizeof(f->name));
    ju_copy(o, "description", f->description, sizeof(f->description));
    const char *s = str(o, "admin-status");
    if (*s)
        f->admin_status = tu_updown(s, strlen(s));
    s = str(o, "oper-status");
    if (*s) {
        f->oper_status = tu_updown(s, strlen(s));
        FIELD_SET(f->raw_status, s, -1);
    }
}

static void json_addresses(iface_t *f, const json_t *lif)
{
    json_t *fams = rows_of(lif, "address-family");
    for (size_t i = 0; i < ju_rows(fams); i++) {
        json_t *fam = ju_row(fams, i);
        if (f->mtu == MODEL_ABSENT)
            f->mtu = ju_int(fam, "mtu");
        json_t *addrs = rows_of(fam, "interface-address");
        for (size_t k = 0; k < ju_rows(addrs); k++) {
            json_t *a = ju_row(addrs, k);
            const char *loc = str(a, "ifa-local"), *dst = str(a, "ifa-destination");
            const char *slash = strchr(loc, '/');
            if (slash) /* terse: "192.168.100.129/30" */
                junos_iface_add_addr(f, loc, (size_t)(slash - loc), slash, strlen(slash));
            else
                junos_iface_add_addr(f, loc, strlen(loc), dst, strlen(dst));
        }
    }
}

static void json_counters(iface_t *f, const json_t *o)
{
    json_t *ts = first(o, "traffic-statistics");
    if (ts) {
        f->in_packets = ju_int(ts, "input-packets");
        f->out_packets = ju_int(ts, "output-packets");
        f->in_rate_bps = ju_int(ts, "input-bps");
        f->out_rate_bps = ju_int(ts, "output-bps");
    }
    json_t *ie = first(o, "input-error-list");
    if (ie) {
        f->in_errors = ju_int(ie, "input-errors");
        f->in_discards = ju_int(ie, "input-drops");
        f->frame = ju_int(ie, "framing-errors");
        f->overrun = ju_int(ie, "input-fifo-errors");
    }
    json_t *oe = first(o, "output-error-list");
    if (oe) {
        f->out_errors = ju_int(oe, "output-errors");
        f->out_discards = ju_int(oe, "output-drops");
        f->carrier_transitions = ju_int(oe, "carrier-transitions");
    }
    json_t *mac = first(o, "ethernet-mac-statistics");
    if (mac)
        f->crc = ju_int(mac, "input-crc-errors");
}

static int json_logical(parse_run_t *run, const json_t *lif)
{
    record_t rec;
    record_init(&rec, KIND_INTERFACES);
    iface_t *f = &rec.u.iface;
    json_iface_common(f, lif);
    json_t *flags = first(lif, "if-config-flags");
    if (f->oper_status == UPDOWN_ABSENT && json_is_object(flags)) {
        /* iff-up, iff-device-down / iff-link-layer-down; lo0.0 carries neither. */
        const char *k;
        json_t *v;
        json_object_foreach(flags, k, v) {
            if (!strcmp(k, "iff-up"))
                f->oper_status = UPDOWN_UP;
            else if (strstr(k, "down") && f->oper_status == UPDOWN_ABSENT)
                f->oper_status = UPDOWN_DOWN;
        }
    }
    json_addresses(f, lif);
    json_counters(f, lif);
    if (f->in_packets == MODEL_ABSENT)
        f->in_packets = ju_int(lif, "local-input-packets");
    return parse_emit(run, &rec);
}

int junos_json_interfaces(parse_run_t *run, const char *text, size_t len)
{
    json_t *root;
    json_t *info = top(run, text, len, "interface-information", &root);
    int rc = root ? 0 : -1;
    json_t *phys = rows_of(info, "physical-interface");
    for (size_t i = 0; !rc && i < ju_rows(phys); i++) {
        json_t *p = ju_row(phys, i);
        record_t rec;
        record_init(&rec, KIND_INTERFACES);
        iface_t *f = &rec.u.iface;
        json_iface_common(f, p);
        f->mtu = ju_int(p, "mtu");
        const char *s = str(p, "speed");
        f->bandwidth_kbps = junos_speed_kbps(s, strlen(s));
        s = str(p, "current-physical-address");
        tu_mac(s, strlen(s), f->mac);
        f->last_flapped = attr_int(p, "interface-flapped", "junos:seconds");
        json_counters(f, p);
        rc = parse_emit(run, &rec);
        json_t *lifs = rows_of(p, "logical-interface");
        for (size_t k = 0; !rc && k < ju_rows(lifs); k++)
            rc = json_logical(run, ju_row(lifs, k));
    }
    /* "show interfaces ge-0/0/0.0": the unit alone. */
    json_t *lifs = phys ? NULL : rows_of(info, "logical-interface");
    for (size_t k = 0; !rc && k < ju_rows(lifs); k++)
        rc = json_logical(run, ju_row(lifs, k));
    json_decref(root);
    return rc;
}

/* ---- bgp summary / neighbor ---- */

static void json_rib_counts(const json_t *peer, int64_t *rcvd, int64_t *acc, int64_t *adv, char *table, size_t tsize)
{
    json_t *ribs = rows_of(peer, "bgp-rib");
    /* Summary: the first table only (as the text form); neighbor detail: every table. */
    for (size_t i = 0; i < ju_rows(ribs) && (adv || i == 0); i++) {
        json_t *r = ju_row(ribs, i);
        int64_t v;
        if (i == 0 && table)
            ju_copy(r, "name", table, tsize);
        if ((v = ju_int(r, "received-prefix-count")) != MODEL_ABSENT)
            *rcvd = (*rcvd == MODEL_ABSENT ? 0 : *rcvd) + v;
        if ((v = ju_int(r, "accepted-prefix-count")) != MODEL_ABSENT)
            *acc = (*acc == MODEL_ABSENT ? 0 : *acc) + v;
        if (adv && (v = ju_int(r, "advertised-prefix-count")) != MODEL_ABSENT)
            *adv = (*adv == MODEL_ABSENT ? 0 : *adv) + v;
    }
}

int junos_json_bgp_summary(parse_run_t *run, const char *text, size_t len)
{
    json_t *root;
    json_t *info = top(run, text, len, "bgp-information", &root);
    int rc = root ? 0 : -1;
    parse_meta_t *m = parse_meta(run);
    junos_command_arg(run, "instance", m->vrf, sizeof(m->vrf));
    json_t *peers = rows_of(info, "bgp-peer");
    for (size_t i = 0; !rc && i < ju_rows(peers); i++) {
        json_t *p = ju_row(peers, i);
        record_t rec;
        record_init(&rec, KIND_BGP_SUMMARY);
        bgp_peer_t *b = &rec.u.peer;
        const char *s = str(p, "peer-address");
        junos_addr_port(s, strlen(s), b->peer, sizeof(b->peer), NULL);
        s = str(p, "peer-as");
        b->remote_as = tu_asn(s, strlen(s));
        b->msg_rcvd = ju_int(p, "input-messages");
        b->msg_sent = ju_int(p, "output-messages");
        b->up_down = attr_int(p, "elapsed-time", "junos:seconds");
        if (b->up_down == MODEL_ABSENT) {
            s = str(p, "elapsed-time");
            b->up_down = junos_duration(s, strlen(s));
        }
        s = str(p, "peer-state");
        FIELD_SET(b->raw_state, s, -1);
        b->state = tu_bgp_state(s, strlen(s), &b->admin_down);
        ju_copy(p, "description", b->description, sizeof(b->description));
        char table[NAME_LEN] = "";
        int64_t rcvd = MODEL_ABSENT, acc = MODEL_ABSENT;
        json_rib_counts(p, &rcvd, &acc, NULL, table, sizeof(table));
        if (b->state == BGP_STATE_ESTABLISHED) {
            b->prefixes_received = rcvd;
            b->prefixes_accepted = acc;
        }
        if (m->vrf[0])
            FIELD_SET(b->vrf, m->vrf, -1);
        else if (table[0])
            junos_table_vrf(table, strlen(table), b->vrf, sizeof(b->vrf));
        if (table[0])
            junos_table_family(table, strlen(table), b->address_family, sizeof(b->address_family));
        rc = parse_emit(run, &rec);
    }
    json_decref(root);
    return rc;
}

static void json_neighbor_options(bgp_neighbor_t *nb, const json_t *p)
{
    json_t *opt = first(p, "bgp-option-information");
    if (!opt)
        return;
    ju_copy(opt, "export-policy", nb->outbound_policy, sizeof(nb->outbound_policy));
    ju_copy(opt, "import-policy", nb->inbound_policy, sizeof(nb->inbound_policy));
    nb->cfg_hold_time = ju_int(opt, "holdtime");
    const char *o = str(opt, "bgp-options");
    nb->md5 = strstr(o, "AuthKey") || present(opt, "authentication-configured") ? TRI_TRUE : TRI_FALSE;
}

int junos_json_bgp_neighbor(parse_run_t *run, const char *text, size_t len)
{
    json_t *root;
    json_t *info = top(run, text, len, "bgp-information", &root);
    int rc = root ? 0 : -1;
    json_t *peers = rows_of(info, "bgp-peer");
    for (size_t i = 0; !rc && i < ju_rows(peers); i++) {
        json_t *p = ju_row(peers, i);
        record_t rec;
        record_init(&rec, KIND_BGP_NEIGHBORS);
        bgp_neighbor_t *nb = &rec.u.neighbor;
        const char *s = str(p, "peer-address");
        junos_addr_port(s, strlen(s), nb->peer, sizeof(nb->peer), &nb->remote_port);
        s = str(p, "local-address");
        junos_addr_port(s, strlen(s), nb->local_address, sizeof(nb->local_address), &nb->local_port);
        s = str(p, "peer-as");
        nb->remote_as = tu_asn(s, strlen(s));
        s = str(p, "local-as");
        nb->local_as = tu_asn(s, strlen(s));
        ju_copy(p, "description", nb->description, sizeof(nb->description));
        s = str(p, "peer-state");
        FIELD_SET(nb->raw_state, s, -1);
        nb->state = tu_bgp_state(s, strlen(s), &nb->admin_down);
        s = str(p, "last-error");
        if (*s && strcmp(s, "None"))
            FIELD_SET(nb->last_error, s, -1);
        ju_copy(p, "last-flap-event", nb->last_reset_reason, sizeof(nb->last_reset_reason));
        ju_copy(p, "peer-id", nb->remote_router_id, sizeof(nb->remote_router_id));
        nb->hold_time = ju_int(p, "active-holdtime");
        nb->keepalive = ju_int(p, "keepalive-interval");
        nb->msg_rcvd = ju_int(p, "input-messages");
        nb->msg_sent = ju_int(p, "output-messages");
        json_neighbor_options(nb, p);
        json_t *bfd = first(p, "bgp-bfd");
        if (bfd) {
            s = str(bfd, "bfd-configuration-state");
            nb->bfd = !strcmp(s, "enabled") ? TRI_TRUE : TRI_FALSE;
        }
        json_t *err = first(p, "bgp-error");
        if (err) {
            int64_t sent = ju_int(err, "send-count"), recv = ju_int(err, "receive-count");
            if (sent > 0 && recv <= 0)
                FIELD_SET(nb->notification_dir, "sent", -1);
            else if (recv > 0 && sent <= 0)
                FIELD_SET(nb->notification_dir, "received", -1);
            s = str(err, "name");
            nb->notification_code = junos_notification_code(s, strlen(s));
        }
        json_rib_counts(p, &nb->prefixes_received, &nb->prefixes_accepted, &nb->prefixes_sent, NULL, 0);
        s = str(p, "peer-cfg-rti");
        if (*s)
            FIELD_SET(nb->vrf, strcmp(s, "master") ? s : "default", -1);
        rc = parse_emit(run, &rec);
    }
    json_decref(root);
    return rc;
}

/* ---- routes ---- */

static void json_next_hops(route_t *r, const json_t *e)
{
    json_t *nhs = rows_of(e, "nh");
    for (size_t k = 0; k < ju_rows(nhs) && r->n_next_hops < MAX_NEXT_HOPS; k++) {
        json_t *nh = ju_row(nhs, k);
        next_hop_t *h = &r->next_hops[r->n_next_hops];
        next_hop_init(h);
        ju_copy(nh, "to", h->address, sizeof(h->address));
        if (!ju_copy(nh, "via", h->interface, sizeof(h->interface)))
            ju_copy(nh, "nh-local-interface", h->interface, sizeof(h->interface));
        if (h->address[0] || h->interface[0])
            r->n_next_hops++;
    }
}

static void json_prefix(const json_t *rt, char *out, size_t size)
{
    const char *d = str(rt, "rt-destination");
    char buf[PREFIX_LEN + 8];
    int64_t plen = ju_int(rt, "rt-prefix-length");
    if (!strchr(d, '/') && plen != MODEL_ABSENT) {
        snprintf(buf, sizeof(buf), "%s/%lld", d, (long long)plen);
        d = buf;
    }
    if (!tu_prefix(d, strlen(d), false, out, size))
        field_set(out, size, d, -1);
}

static bool entry_best(const json_t *e)
{
    const char *tag = str(e, "active-tag");
    return present(e, "current-active") || (tag[0] == '*' || tag[0] == '+');
}

static int json_route_entry(parse_run_t *run, const json_t *e, const char *prefix, const char *vrf)
{
    record_t rec;
    record_init(&rec, KIND_ROUTES);
    route_t *r = &rec.u.route;
    FIELD_SET(r->prefix, prefix, -1);
    FIELD_SET(r->vrf, vrf, -1);
    const char *s = str(e, "protocol-name");
    FIELD_SET(r->raw_protocol, s, -1);
    if (*s)
        FIELD_SET(r->protocol, tu_protocol_word(s, strlen(s)), -1);
    r->distance = ju_int(e, "preference");
    r->metric = ju_int(e, "metric");
    if (r->metric == MODEL_ABSENT)
        r->metric = ju_int(e, "med");
    r->age = attr_int(e, "age", "junos:seconds");
    if (r->age == MODEL_ABSENT) {
        s = str(e, "age");
        r->age = junos_duration(s, strlen(s));
    }
    r->best = entry_best(e) ? TRI_TRUE : TRI_FALSE;
    json_next_hops(r, e);
    return parse_emit(run, &rec);
}

static void split_aspath(bgp_path_t *p, const char *s)
{
    /* "12076 65020 I": the last word is the origin. */
    size_t n = strlen(s);
    while (n && s[n - 1] == ' ')
        n--;
    if (n && (n == 1 || s[n - 2] == ' ') && strchr("IE?", s[n - 1])) {
        FIELD_SET(p->origin, s[n - 1] == 'I' ? "igp" : s[n - 1] == 'E' ? "egp" : "incomplete", -1);
        n = n >= 2 ? n - 2 : 0;
    }
    while (n && s[n - 1] == ' ')
        n--;
    FIELD_SET(p->as_path, s, (long)n);
}

static int json_path_entry(parse_run_t *run, const json_t *e, const char *prefix, const char *vrf, const char *nbr)
{
    record_t rec;
    record_init(&rec, KIND_BGP_TABLE);
    bgp_path_t *p = &rec.u.path;
    FIELD_SET(p->prefix, prefix, -1);
    FIELD_SET(p->vrf, vrf, -1);
    FIELD_SET(p->neighbor, nbr, -1);
    json_t *nh = first(e, "nh");
    const char *to = str(nh, "to");
    if (tu_is_ip(to, strlen(to)))
        FIELD_SET(p->next_hop, to, -1);
    p->metric = ju_int(e, "med");
    p->local_pref = ju_int(e, "local-preference");
    split_aspath(p, str(e, "as-path"));
    p->best = entry_best(e) ? TRI_TRUE : TRI_FALSE;
    if (p->best == TRI_TRUE)
        p->valid = TRI_TRUE;
    return parse_emit(run, &rec);
}

static int json_routes(parse_run_t *run, const char *text, size_t len, bool paths)
{
    json_t *root;
    json_t *info = top(run, text, len, "route-information", &root);
    int rc = root ? 0 : -1;
    char nbr[ADDR_LEN] = "";
    if (paths && strstr(parse_command_norm(run), "receive-protocol"))
        junos_command_arg(run, "bgp", nbr, sizeof(nbr));
    json_t *tables = rows_of(info, "route-table");
    for (size_t t = 0; !rc && t < ju_rows(tables); t++) {
        json_t *tab = ju_row(tables, t);
        char vrf[NAME_LEN];
        const char *tn = str(tab, "table-name");
        junos_table_vrf(tn, strlen(tn), vrf, sizeof(vrf));
        json_t *rts = rows_of(tab, "rt");
        for (size_t i = 0; !rc && i < ju_rows(rts); i++) {
            json_t *rt = ju_row(rts, i);
            char prefix[PREFIX_LEN];
            json_prefix(rt, prefix, sizeof(prefix));
            json_t *entries = rows_of(rt, "rt-entry");
            for (size_t k = 0; !rc && k < ju_rows(entries); k++)
                rc = paths ? json_path_entry(run, ju_row(entries, k), prefix, vrf, nbr)
                           : json_route_entry(run, ju_row(entries, k), prefix, vrf);
        }
    }
    json_decref(root);
    return rc;
}

int junos_json_route(parse_run_t *run, const char *text, size_t len)
{
    return json_routes(run, text, len, false);
}

int junos_json_bgp_table(parse_run_t *run, const char *text, size_t len)
{
    return json_routes(run, text, len, true);
}

/* ---- arp, route summary ---- */

int junos_json_arp(parse_run_t *run, const char *text, size_t len)
{
    json_t *root;
    json_t *info = top(run, text, len, "arp-table-information", &root);
    int rc = root ? 0 : -1;
    json_t *rows = rows_of(info, "arp-table-entry");
    for (size_t i = 0; !rc && i < ju_rows(rows); i++) {
        json_t *e = ju_row(rows, i);
        record_t rec;
        record_init(&rec, KIND_ARP);
        arp_entry_t *a = &rec.u.arp;
        const char *s = str(e, "mac-address");
        tu_mac(s, strlen(s), a->mac);
        ju_copy(e, "ip-address", a->address, sizeof(a->address));
        ju_copy(e, "interface-name", a->interface, sizeof(a->interface));
        a->interface[strcspn(a->interface, " ")] = '\0'; /* "irb.20 [xe-0/0/1.0]" */
        json_t *flags = first(e, "arp-table-entry-flags");
        const char *k;
        json_t *v;
        (void)v;
        if (json_is_object(flags))
            json_object_foreach(flags, k, v) {
                size_t have = strlen(a->state);
                snprintf(a->state + have, sizeof(a->state) - have, "%s%s", have ? " " : "", k);
            }
        FIELD_SET(a->vrf, "default", -1);
        rc = parse_emit(run, &rec);
    }
    json_decref(root);
    return rc;
}

/* "show ipv6 neighbors | display json": the ND entries, into arp records as the text form. */
int junos_json_nd(parse_run_t *run, const char *text, size_t len)
{
    json_t *root;
    json_t *info = top(run, text, len, "ipv6-nd-information", &root);
    int rc = root ? 0 : -1;
    json_t *rows = rows_of(info, "ipv6-nd-entry");
    for (size_t i = 0; !rc && i < ju_rows(rows); i++) {
        json_t *e = ju_row(rows, i);
        record_t rec;
        record_init(&rec, KIND_ARP);
        arp_entry_t *a = &rec.u.arp;
        const char *s = str(e, "ipv6-nd-neighbor-l2-address");
        a->incomplete = !tu_mac(s, strlen(s), a->mac);
        ju_copy(e, "ipv6-nd-neighbor-address", a->address, sizeof(a->address));
        ju_copy(e, "ipv6-nd-interface-name", a->interface, sizeof(a->interface));
        a->interface[strcspn(a->interface, " ")] = '\0'; /* "irb.20 [xe-0/0/1.0]" */
        ju_copy(e, "ipv6-nd-state", a->state, sizeof(a->state));
        if (strcmp(a->state, "incomplete") == 0)
            a->incomplete = true;
        FIELD_SET(a->vrf, "default", -1);
        rc = parse_emit(run, &rec);
    }
    json_decref(root);
    return rc;
}

int junos_json_route_summary(parse_run_t *run, const char *text, size_t len)
{
    json_t *root;
    json_t *info = top(run, text, len, "route-summary-information", &root);
    int rc = root ? 0 : -1;
    parse_meta_t *m = parse_meta(run);
    const char *s = str(info, "as-number");
    m->local_as = tu_asn(s, strlen(s));
    ju_copy(info, "router-id", m->router_id, sizeof(m->router_id));
    json_t *tables = rows_of(info, "route-table");
    for (size_t t = 0; !rc && t < ju_rows(tables); t++) {
        json_t *tab = ju_row(tables, t);
        record_t rec;
        record_init(&rec, KIND_ROUTE_SUMMARY);
        route_summary_t *r = &rec.u.route_summary;
        ju_copy(tab, "table-name", r->table, sizeof(r->table));
        r->routes = ju_int(tab, "total-route-count");
        r->active_routes = ju_int(tab, "active-route-count");
        rc = parse_emit(run, &rec);
        json_t *protos = rows_of(tab, "protocols");
        for (size_t i = 0; !rc && i < ju_rows(protos); i++) {
            json_t *p = ju_row(protos, i);
            record_t pr = rec;
            pr.u.route_summary.protocol[0] = '\0';
            ju_copy(p, "protocol-name", pr.u.route_summary.protocol, sizeof(pr.u.route_summary.protocol));
            pr.u.route_summary.routes = ju_int(p, "protocol-route-count");
            pr.u.route_summary.active_routes = ju_int(p, "active-route-count");
            rc = parse_emit(run, &pr);
        }
    }
    json_decref(root);
    return rc;
}
