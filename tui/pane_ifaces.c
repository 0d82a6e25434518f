/* pane_ifaces.c: the device's interfaces from the two newest answers: state, error counters,
 * the growth since the previous poll and its rate, highlighted while an error counter rises.
 * The interface that holds the circuit's subnet comes first, marked '*'. */
#include <stdio.h>
#include <string.h>

#include "core/prefix.h"
#include "tui/draw.h"
#include "tui/fmt.h"
#include "tui/panes.h"

/* The columns of a row: the peering mark, name, state, counters, growth, rate per minute. */
#define IFACE_COLUMNS "%s%-20.20s %-10.10s %9s %10s %8s %10s"

const char *ifaces_header(void)
{
    static char head[120];
    snprintf(head, sizeof(head), IFACE_COLUMNS, " ", "Interface", "State", "in-err", "crc", "delta", "err/min");
    return head;
}

static bool holds_subnet(const device_t *dev, const iface_t *i)
{
    if (!dev)
        return false;
    if (dev->interface[0] && strcmp(dev->interface, i->name) == 0)
        return true;
    for (int k = 0; dev->has_subnet && k < i->n_ipv4; k++) {
        ip_prefix_t p;
        if (prefix_parse(i->ipv4[k], &p) && prefix_contains(&dev->subnet, &p.addr))
            return true;
    }
    return false;
}

static const iface_t *find_iface(const probe_reply_t *r, const char *name)
{
    for (size_t i = 0; r && i < r->n_records; i++)
        if (r->records[i].kind == KIND_INTERFACES && strcmp(r->records[i].u.iface.name, name) == 0)
            return &r->records[i].u.iface;
    return NULL;
}

/* Growth of a counter between two polls: -1 when either is absent or the counter went back
 * (cleared). */
static int64_t growth(int64_t before, int64_t after)
{
    return before == MODEL_ABSENT || after == MODEL_ABSENT || after < before ? -1 : after - before;
}

static void state_word(const iface_t *i, char *buf, size_t size)
{
    if (i->admin_status == UPDOWN_DOWN)
        snprintf(buf, size, "admin-down");
    else
        snprintf(buf, size, "%s/%s", i->oper_status ? updown_name(i->oper_status) : "-",
                 i->protocol_status ? updown_name(i->protocol_status) : "-");
}

static void one_row(const device_t *dev, const iface_t *old, const iface_t *cur, double seconds, iface_row_t *row)
{
    char state[24], err[24], crc[24], delta[24] = "", rate[24] = "";
    state_word(cur, state, sizeof(state));
    fmt_number(err, sizeof(err), cur->in_errors);
    fmt_number(crc, sizeof(crc), cur->crc);
    row->peering = holds_subnet(dev, cur);
    row->rising = false;
    if (old) {
        int64_t d = growth(old->in_errors, cur->in_errors);
        if (d < 0)
            d = growth(old->crc, cur->crc);
        int64_t flaps = growth(old->carrier_transitions, cur->carrier_transitions);
        row->rising = d > 0 || flaps > 0 || growth(old->crc, cur->crc) > 0;
        if (d >= 0)
            snprintf(delta, sizeof(delta), "%s%lld", d > 0 ? "+" : "", (long long)d);
        if (d >= 0 && seconds > 0)
            snprintf(rate, sizeof(rate), "%.1f", (double)d * 60.0 / seconds);
    }
    snprintf(row->text, sizeof(row->text), IFACE_COLUMNS, row->peering ? "*" : " ", cur->name,
             state, err, crc, delta, rate);
}

size_t ifaces_rows(const device_t *dev, const probe_reply_t *prev, const probe_reply_t *cur, double seconds,
                   iface_row_t *rows, size_t max)
{
    size_t n = 0;
    if (!cur)
        return 0;
    /* Two passes: the peering interface first, then the rest in the device's order. */
    for (int pass = 0; pass < 2; pass++)
        for (size_t i = 0; i < cur->n_records && n < max; i++) {
            const record_t *rec = &cur->records[i];
            if (rec->kind != KIND_INTERFACES || holds_subnet(dev, &rec->u.iface) != (pass == 0))
                continue;
            one_row(dev, find_iface(prev, rec->u.iface.name), &rec->u.iface, seconds, &rows[n++]);
        }
    return n;
}

#define IFACE_ROWS_MAX 512

void pane_ifaces_draw(const tui_rect_t *r, const tui_view_t *v, tui_scroll_t *s, bool focus)
{
    static iface_row_t rows[IFACE_ROWS_MAX];
    const engine_job_t *j = view_job(v, PROBE_INTERFACES);
    if (!j)
        j = view_job(v, PROBE_INTERFACE);
    const probe_reply_t *cur = j ? (j->reply[1] ? j->reply[1] : j->reply[0]) : NULL;
    const probe_reply_t *prev = j && j->reply[1] ? j->reply[0] : NULL;
    double secs = prev && j->at[0] > 0 && j->at[1] > j->at[0] ? j->at[1] - j->at[0] : 0;
    size_t n = ifaces_rows(v->dev, prev, cur, secs, rows, IFACE_ROWS_MAX);
    char title[96];
    snprintf(title, sizeof(title), "Interfaces%s", prev ? " (since the previous poll)" : "");
    draw_box(r, title, focus);
    tui_rect_t in = draw_inner(r);
    if (in.h < 2)
        return;
    draw_text(in.y, in.x, in.w, ifaces_header(), (size_t)s->left, theme_attr(EL_PANE_TITLE), true);
    in.y++, in.h--;
    rows_clamp(s, n, in.h, false);
    for (int y = 0; y < in.h; y++) {
        size_t i = (size_t)(s->top + y);
        const char *text = i < n ? rows[i].text : (i == 0 && !cur ? (j && j->asked ? "  waiting for the answer" : "  no interface answer") : "");
        theme_element_t el = i < n && rows[i].rising ? EL_RISING : i < n ? EL_NORMAL : EL_DIM;
        draw_text(in.y + y, in.x, in.w, text, i < n ? (size_t)s->left : 0, theme_attr(el), true);
    }
}
