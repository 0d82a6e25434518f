/* tcp179_ce.c: the CE's own evidence about its path to the peer (see tcp179_ce.h).  Reads
 * facts only, never another step's verdict, so the TCP 179 step judges from the same lines the
 * physical, addressing and session steps quote. */
#include "framework/tcp179_ce.h"

#include <stdio.h>
#include <string.h>
#include <strings.h>

static bool is_peer(const char *text, const device_t *d)
{
    ip_addr_t a;
    return text && text[0] && ip_parse(text, &a) && ip_equal(&a, &d->peer_ip);
}

/* Why a fact the step wanted is not there, in words: a platform without the command says so. */
static void missing(const fact_t *f, const char *fallback, char *why, size_t size)
{
    char buf[400];
    if (f->present && f->error == PERR_UNSUPPORTED)
        snprintf(why, size, "the platform has no such command");
    else if (fact_usable(f))
        snprintf(why, size, "%s", fallback);
    else
        snprintf(why, size, "%s", fact_problem(f, buf, sizeof(buf)));
}

/* The first record of kind k about the peer (a record without a target counts as the peer's). */
static const record_t *peer_record(const fact_t *f, const device_t *d, kind_t k)
{
    for (size_t i = 0; fact_usable(f) && i < f->n_records; i++) {
        const record_t *r = &f->records[i];
        const char *who = k == KIND_TCP_TEST ? r->u.tcp_test.target : k == KIND_PING ? r->u.ping.target : NULL;
        if (r->kind == k && (!who || !who[0] || is_peer(who, d)))
            return r;
    }
    return NULL;
}

static void read_tests(const evidence_t *ev, ce_path_t *p)
{
    const fact_t *t = &ev->facts[PROBE_TCP_179], *g = &ev->facts[PROBE_PING];
    const record_t *r = peer_record(t, ev->device, KIND_TCP_TEST);
    if (r && r->u.tcp_test.result[0])
        p->test = &r->u.tcp_test;
    else
        missing(t, "it gave no result for this peer", p->test_why, sizeof(p->test_why));
    r = peer_record(g, ev->device, KIND_PING);
    if (r && r->u.ping.sent != MODEL_ABSENT && r->u.ping.received != MODEL_ABSENT)
        p->ping = &r->u.ping;
    else
        missing(g, "it gave no count of replies", p->ping_why, sizeof(p->ping_why));
}

static void read_session(const evidence_t *ev, ce_path_t *p)
{
    const fact_t *nf = &ev->facts[PROBE_BGP_NEIGHBOR], *sf = &ev->facts[PROBE_BGP_SUMMARY];
    for (size_t i = 0; fact_usable(nf) && i < nf->n_records && !p->nb; i++)
        if (nf->records[i].kind == KIND_BGP_NEIGHBORS && is_peer(nf->records[i].u.neighbor.peer, ev->device))
            p->nb = &nf->records[i].u.neighbor;
    const bgp_peer_t *row = NULL;
    for (size_t i = 0; !p->nb && fact_usable(sf) && i < sf->n_records && !row; i++)
        if (sf->records[i].kind == KIND_BGP_SUMMARY && is_peer(sf->records[i].u.peer.peer, ev->device))
            row = &sf->records[i].u.peer;
    if (!p->nb && !row)
        return;
    p->state_fact = p->nb ? nf : sf;
    p->state = p->nb ? p->nb->state : row->state;
    p->admin_down = p->nb ? p->nb->admin_down : row->admin_down;
    const char *raw = p->nb ? p->nb->raw_state : row->raw_state;
    snprintf(p->state_text, sizeof(p->state_text), "%s", raw[0] ? raw : bgp_state_name(p->state) ? bgp_state_name(p->state) : "?");
}

/* The NOTIFICATION history and FRR's next-hop tracking, from the neighbor's detail. */
static void read_history(ce_path_t *p)
{
    const bgp_neighbor_t *nb = p->nb;
    if (!nb)
        return;
    p->nht_wait = strcasestr(nb->last_reset_reason, "NHT") || strcasestr(nb->raw_state, "NHT");
    bool named = nb->last_error[0] && strcasecmp(nb->last_error, "None") != 0;
    p->notification = nb->notification_code != MODEL_ABSENT || named;
    if (p->notification)
        snprintf(p->notification_text, sizeof(p->notification_text), "%s%s%s",
                 named ? nb->last_error : nb->last_reset_reason, nb->notification_dir[0] ? ", " : "",
                 nb->notification_dir);
}

static void read_link(const evidence_t *ev, ce_path_t *p)
{
    const fact_t *f = &ev->facts[PROBE_INTERFACES];
    const device_t *d = ev->device;
    p->link_why = "the interfaces were not read";
    if (!fact_usable(f) || f->kind != KIND_INTERFACES)
        return;
    p->iface = peering_iface(f, d);
    p->link_why = "no interface holds the assigned subnet";
    bool any_route = false;
    for (size_t r = 0; r < f->n_records; r++) {
        const char *why;
        const iface_t *i = &f->records[r].u.iface;
        any_route |= f->records[r].kind == KIND_INTERFACES && iface_holds(i, d, false) && !iface_down(i, &why);
    }
    p->route = any_route ? TRI_TRUE : f->partial ? TRI_ABSENT : TRI_FALSE;
    if (!p->iface)
        return;
    if (d->has_subnet)
        p->in_subnet = iface_holds(p->iface, d, true) ? TRI_TRUE : TRI_FALSE;
    if (iface_down(p->iface, &p->link_why))
        p->link_up = TRI_FALSE;
    else if (p->iface->oper_status == UPDOWN_UP || p->iface->protocol_status == UPDOWN_UP)
        p->link_up = TRI_TRUE;
    else
        p->link_why = "its state is not shown";
}

/* MD5 on our side (the configuration, else the neighbor's detail), on Microsoft's (the
 * inventory's md5), and whether the log blames it. */
static void read_md5(const evidence_t *ev, ce_path_t *p)
{
    const fact_t *cf = &ev->facts[PROBE_BGP_CONFIG], *lf = &ev->facts[PROBE_LOG_AUTH];
    for (size_t i = 0; fact_usable(cf) && i < cf->n_records; i++)
        if (cf->records[i].kind == KIND_BGP_CONFIG && is_peer(cf->records[i].u.bgp_config.peer, ev->device))
            p->md5_ours = cf->records[i].u.bgp_config.md5 == TRI_TRUE ? TRI_TRUE
                          : cf->partial                                 ? TRI_ABSENT
                                                                        : TRI_FALSE;
    if (p->md5_ours == TRI_ABSENT && p->nb)
        p->md5_ours = p->nb->md5;
    p->md5_theirs = ev->device->md5_expected ? TRI_TRUE : TRI_FALSE;
    static const char *const words[] = {"MD5", "md5", "BADAUTH", "auth", NULL};
    char line[320];
    for (int i = 0; words[i] && fact_usable(lf) && !p->auth_logged; i++)
        p->auth_logged = fact_find_line(lf, (const char *const[]){p->peer, words[i], NULL}, line, sizeof(line));
}

void ce_path_read(const evidence_t *ev, ce_path_t *p)
{
    memset(p, 0, sizeof(*p));
    snprintf(p->peer, sizeof(p->peer), "the peer");
    if (!ev->device->has_peer_ip)
        return;
    ip_to_string(&ev->device->peer_ip, p->peer, sizeof(p->peer));
    read_tests(ev, p);
    read_session(ev, p);
    read_history(p);
    read_link(ev, p);
    read_md5(ev, p);
}

bool ce_ping_ok(const ce_path_t *p)
{
    return p->ping && p->ping->received > 0;
}
