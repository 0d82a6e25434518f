/* pane_routes.c: the routes for the prefixes the runbook cares about (the expected Azure
 * prefixes, the VM and the on-prem source), whether a route read covers each, then every
 * route and BGP path read.  The table is copied into compact rows when the evidence changes,
 * and a frame formats only the rows it shows: 100,000 routes cost a frame no more than 20. */
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/prefix.h"
#include "tui/draw.h"
#include "tui/fmt.h"
#include "tui/panes.h"

#define ROUTE_COLUMNS "%-18.18s %-6.6s %-16.16s %-16.16s %s"
#define INTEREST_MAX (INV_MAX_PREFIXES + 2)

typedef struct {
    char prefix[PREFIX_LEN];
    char proto[8];
    char next_hop[ADDR_LEN];
    char via[24];     /* the interface, or the path's local preference */
    char extra[48];   /* age, or the AS path */
    ip_prefix_t net;  /* for the longest match */
} route_row_t;

struct route_rows {
    route_row_t *row;
    size_t n, cap;
    char interest[INTEREST_MAX][200];
    int n_interest;
    /* The record arrays read last time and their lengths: unchanged evidence, no rebuild. */
    const void *seen[4];
    size_t seen_n[4];
    bool built;
};

route_rows_t *route_rows_new(void)
{
    return calloc(1, sizeof(route_rows_t));
}

void route_rows_free(route_rows_t *rr)
{
    if (rr)
        free(rr->row);
    free(rr);
}

size_t route_rows_count(const route_rows_t *rr)
{
    return (size_t)rr->n_interest + rr->n;
}

static route_row_t *new_row(route_rows_t *rr)
{
    if (rr->n == rr->cap) {
        size_t cap = rr->cap ? rr->cap * 2 : 64;
        route_row_t *r = realloc(rr->row, cap * sizeof(*r));
        if (!r)
            return NULL;
        rr->row = r;
        rr->cap = cap;
    }
    route_row_t *r = &rr->row[rr->n++];
    memset(r, 0, sizeof(*r));
    return r;
}

int route_rows_add(route_rows_t *rr, const route_t *route, const char *source)
{
    (void)source;
    route_row_t *r = new_row(rr);
    if (!r)
        return -1;
    const next_hop_t *nh = route->n_next_hops > 0 ? &route->next_hops[0] : NULL;
    FIELD_SET(r->prefix, route->prefix, -1);
    FIELD_SET(r->proto, route->protocol, -1);
    FIELD_SET(r->next_hop, nh && nh->address[0] ? nh->address : "-", -1);
    FIELD_SET(r->via, nh && nh->interface[0] ? nh->interface : "-", -1);
    char age[24];
    fmt_duration(age, sizeof(age), route->age);
    snprintf(r->extra, sizeof(r->extra), "%s%s", age, route->n_next_hops > 1 ? " (ECMP)" : "");
    prefix_parse(route->prefix, &r->net);
    return 0;
}

static int add_path(route_rows_t *rr, const bgp_path_t *p)
{
    route_row_t *r = new_row(rr);
    if (!r)
        return -1;
    char lp[24];
    FIELD_SET(r->prefix, p->prefix, -1);
    FIELD_SET(r->proto, p->best == TRI_TRUE ? "bgp>" : "bgp", -1);
    FIELD_SET(r->next_hop, p->next_hop[0] ? p->next_hop : "-", -1);
    snprintf(r->via, sizeof(r->via), "lp %s", fmt_number(lp, sizeof(lp), p->local_pref));
    snprintf(r->extra, sizeof(r->extra), "as-path %.*s", (int)sizeof(r->extra) - 9, p->as_path[0] ? p->as_path : "(empty)");
    prefix_parse(p->prefix, &r->net);
    return 0;
}

static void add_fact(route_rows_t *rr, const fact_t *f)
{
    for (size_t i = 0; f->present && i < f->n_records; i++) {
        if (f->records[i].kind == KIND_ROUTES)
            route_rows_add(rr, &f->records[i].u.route, NULL);
        else if (f->records[i].kind == KIND_BGP_TABLE)
            add_path(rr, &f->records[i].u.path);
    }
}

/* The most specific row covering a (NULL when none). */
static const route_row_t *longest_match(const route_rows_t *rr, const ip_addr_t *a)
{
    const route_row_t *best = NULL;
    for (size_t i = 0; i < rr->n; i++)
        if (rr->row[i].net.addr.family && prefix_contains(&rr->row[i].net, a) && (!best || rr->row[i].net.len > best->net.len))
            best = &rr->row[i];
    return best;
}

static void add_interest(route_rows_t *rr, const char *what, const ip_addr_t *a, const char *label)
{
    if (rr->n_interest >= INTEREST_MAX)
        return;
    const route_row_t *m = longest_match(rr, a);
    char *out = rr->interest[rr->n_interest++];
    if (m)
        snprintf(out, sizeof(rr->interest[0]), "%s %s: %s via %s %s", label, what, m->prefix, m->proto, m->next_hop);
    else
        snprintf(out, sizeof(rr->interest[0]), "%s %s: no route read covers it", label, what);
}

static void interests(route_rows_t *rr, const tui_view_t *v)
{
    const device_t *d = v->dev;
    char buf[PREFIX_LEN];
    rr->n_interest = 0;
    if (!d)
        return;
    if (v->runbook == RUNBOOK_ASYM) {
        if (d->has_azure_vm) {
            ip_to_string(&d->azure_vm, buf, sizeof(buf));
            add_interest(rr, buf, &d->azure_vm, "Azure VM");
        }
        if (d->has_onprem_source) {
            ip_to_string(&d->onprem_source, buf, sizeof(buf));
            add_interest(rr, buf, &d->onprem_source, "on-prem");
        }
        return;
    }
    for (int i = 0; i < d->n_expect_prefixes; i++) {
        prefix_to_string(&d->expect_prefixes[i], true, buf, sizeof(buf));
        add_interest(rr, buf, &d->expect_prefixes[i].addr, "expected");
    }
}

void route_rows_update(route_rows_t *rr, const tui_view_t *v)
{
    if (!v->ev)
        return;
    const fact_t *facts[4] = {&v->ev->facts[PROBE_ROUTE_LOOKUP], &v->ev->onprem_route, &v->ev->facts[PROBE_BGP_PREFIX],
                              &v->ev->facts[PROBE_BGP_RECEIVED]};
    bool same = rr->built;
    for (int i = 0; i < 4; i++)
        same &= rr->seen[i] == (const void *)facts[i]->records && rr->seen_n[i] == facts[i]->n_records;
    if (same)
        return;
    rr->n = 0;
    rr->built = true;
    for (int i = 0; i < 4; i++) {
        rr->seen[i] = facts[i]->records;
        rr->seen_n[i] = facts[i]->n_records;
        add_fact(rr, facts[i]);
    }
    interests(rr, v);
}

void route_rows_text(const route_rows_t *rr, size_t i, char *buf, size_t size)
{
    if (i < (size_t)rr->n_interest) {
        snprintf(buf, size, "%s", rr->interest[i]);
        return;
    }
    i -= (size_t)rr->n_interest;
    if (i >= rr->n) {
        buf[0] = '\0';
        return;
    }
    const route_row_t *r = &rr->row[i];
    snprintf(buf, size, ROUTE_COLUMNS, r->prefix, r->proto, r->next_hop, r->via, r->extra);
}

void pane_routes_draw(const tui_rect_t *r, route_rows_t *rr, tui_scroll_t *s, bool focus)
{
    char title[64], head[160], row[256];
    snprintf(title, sizeof(title), "Routes (%zu)", rr->n);
    draw_box(r, title, focus);
    tui_rect_t in = draw_inner(r);
    if (in.h < 2)
        return;
    snprintf(head, sizeof(head), ROUTE_COLUMNS, "Prefix", "Proto", "Next hop", "Via", "Age / AS path");
    draw_text(in.y, in.x, in.w, head, (size_t)s->left, theme_attr(EL_PANE_TITLE), true);
    in.y++, in.h--;
    size_t n = route_rows_count(rr);
    rows_clamp(s, n, in.h, false);
    for (int y = 0; y < in.h; y++) {
        size_t i = (size_t)(s->top + y);
        route_rows_text(rr, i, row, sizeof(row));
        if (i == 0 && n == 0)
            snprintf(row, sizeof(row), "  no route read (this runbook looks up none)");
        theme_element_t el = i < (size_t)rr->n_interest ? (strstr(row, "no route") ? EL_WARN : EL_EVIDENCE) : EL_NORMAL;
        draw_text(in.y + y, in.x, in.w, row, (size_t)s->left, theme_attr(el), true);
    }
}
