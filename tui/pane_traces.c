/* pane_traces.c: the asymmetric runbook's two traces side by side, hop by hop (as mtr shows a
 * path): forward from the edge to the Azure VM on the left, the VM's trace back on the right,
 * each column filling in as its answer arrives. */
#include <stdio.h>
#include <string.h>

#include "tui/draw.h"
#include "tui/panes.h"

/* The hop at ttl in f, or NULL. */
static const trace_hop_t *hop_at(const fact_t *f, int64_t ttl)
{
    for (size_t i = 0; f && f->present && i < f->n_records; i++)
        if (f->records[i].kind == KIND_TRACEROUTE && f->records[i].u.hop.ttl == ttl)
            return &f->records[i].u.hop;
    return NULL;
}

static int64_t last_ttl(const fact_t *f)
{
    int64_t max = 0;
    for (size_t i = 0; f && f->present && i < f->n_records; i++)
        if (f->records[i].kind == KIND_TRACEROUTE && f->records[i].u.hop.ttl > max)
            max = f->records[i].u.hop.ttl;
    return max;
}

/* "192.168.100.130 1.4 ms", the distinct addresses of the hop with their mean round trip;
 * "* * *" when nothing answered. */
static void hop_text(const trace_hop_t *h, char *buf, size_t size)
{
    size_t w = 0;
    double sum = 0;
    int n = 0;
    buf[0] = '\0';
    for (int i = 0; i < h->n_probes; i++) {
        const trace_probe_t *p = &h->probes[i];
        if (p->rtt_ms >= 0) {
            sum += p->rtt_ms;
            n++;
        }
        bool seen = !p->address[0];
        for (int k = 0; k < i && !seen; k++)
            seen = strcmp(h->probes[k].address, p->address) == 0;
        if (!seen && w < size)
            w += (size_t)snprintf(buf + w, size - w, "%s%s", w ? " " : "", p->address);
    }
    if (!w) {
        snprintf(buf, size, "* * *");
        return;
    }
    if (n && w < size)
        w += (size_t)snprintf(buf + w, size - w, " %.1f ms", sum / n);
    if (h->n_probes > 0 && h->probes[h->n_probes - 1].annotation[0] && w < size)
        snprintf(buf + w, size - w, " %s", h->probes[h->n_probes - 1].annotation);
}

/* What a column shows at ttl: the hop, "waiting" on the first row while its answer is out,
 * or nothing. */
static void cell(const fact_t *f, bool waiting, int64_t ttl, char *buf, size_t size)
{
    const trace_hop_t *h = hop_at(f, ttl);
    if (h)
        hop_text(h, buf, size);
    else if (ttl == 1 && waiting)
        snprintf(buf, size, "waiting for the trace");
    else if (ttl == 1 && !(f && f->present))
        snprintf(buf, size, "no trace");
    else
        buf[0] = '\0';
}

void traces_rows(const fact_t *fwd, bool fwd_waiting, const fact_t *rev, bool rev_waiting, int width, glyph_mode_t g,
                 rows_t *out)
{
    int col = (width - 7) / 2 > 10 ? (width - 7) / 2 : 10;
    const char *bar = glyph_bar(g);
    rows_add(out, EL_PANE_TITLE, "%3s %-*.*s %s %s", "ttl", col, col, "forward (on-prem -> Azure VM)", bar,
             "reverse (Azure VM -> on-prem)");
    int64_t last = last_ttl(fwd) > last_ttl(rev) ? last_ttl(fwd) : last_ttl(rev);
    if (last < 1)
        last = 1;
    for (int64_t ttl = 1; ttl <= last; ttl++) {
        char l[160], r[160];
        cell(fwd, fwd_waiting, ttl, l, sizeof(l));
        cell(rev, rev_waiting, ttl, r, sizeof(r));
        rows_add(out, EL_NORMAL, "%3lld %-*.*s %s %s", (long long)ttl, col, col, l, bar, r);
    }
}

/* True while a trace job (reverse or forward) has not answered. */
static bool trace_waiting(const tui_view_t *v, bool reverse)
{
    for (size_t i = 0; i < v->n_jobs; i++) {
        const engine_job_t *j = v->jobs[i];
        if (j && j->reverse == reverse && (reverse || j->req.slot == SLOT_FORWARD_TRACE) && j->done == 0)
            return true;
    }
    return false;
}

void pane_traces_draw(const tui_rect_t *r, const tui_view_t *v, tui_scroll_t *s, bool focus)
{
    draw_box(r, "Traces", focus);
    tui_rect_t in = draw_inner(r);
    rows_t rows;
    rows_init(&rows);
    traces_rows(v->ev ? &v->ev->forward_trace : NULL, trace_waiting(v, false), v->ev ? &v->ev->reverse_trace : NULL,
                trace_waiting(v, true), in.w, v->glyphs, &rows);
    rows_draw(&rows, &in, s, false);
    rows_free(&rows);
}
