/* layout.c: the console's rectangles for a terminal size (see layout.h).  Pure arithmetic so
 * that every size can be tested without a terminal. */
#include "tui/layout.h"

#include <stddef.h>

static const char *const pane_names[PANE_COUNT] = {
    [PANE_RUNBOOK] = "Runbook", [PANE_DETAIL] = "Step",  [PANE_IFACES] = "Interfaces", [PANE_BGP] = "BGP",
    [PANE_ROUTES] = "Routes",   [PANE_TRACES] = "Traces", [PANE_RAW] = "Raw",
};

const char *layout_pane_name(pane_id_t p)
{
    return p >= 0 && p < PANE_COUNT ? pane_names[p] : "?";
}

bool layout_pane_used(runbook_id_t rb, pane_id_t p)
{
    if (p == PANE_IFACES)
        return rb != RUNBOOK_ASYM; /* the asymmetric runbook reads no interface */
    if (p == PANE_TRACES)
        return rb == RUNBOOK_ASYM;
    return p >= 0 && p < PANE_COUNT;
}

bool layout_pane_tabbed(pane_id_t p)
{
    return p != PANE_RUNBOOK && p != PANE_DETAIL && p >= 0 && p < PANE_COUNT;
}

static tui_rect_t rect(int y, int x, int h, int w)
{
    return (tui_rect_t){y, x, h > 0 ? h : 0, w > 0 ? w : 0};
}

/* The runbook pane: its steps and two borders, never less than a share of the body. */
static int top_height(runbook_id_t rb, int body, int percent)
{
    size_t n;
    runbook_steps(rb, &n);
    int want = body * percent / 100;
    return (int)n + 2 > want ? (int)n + 2 : want;
}

/* Tabbed (small terminals): the step's finding and evidence are what the engineer reads, so
 * the one live pane below gets a third of the body, never less than its title, column heads
 * and four rows. */
#define TABBED_LIVE_MIN 7
static int tabbed_top_height(runbook_id_t rb, int body)
{
    int live = body * 33 / 100;
    if (live < TABBED_LIVE_MIN)
        live = TABBED_LIVE_MIN;
    size_t n;
    runbook_steps(rb, &n);
    return body - live > (int)n + 2 ? body - live : (int)n + 2;
}

static int runbook_width(int cols)
{
    int w = cols * 2 / 5;
    return w < 30 ? 30 : w > 48 ? 48 : w;
}

/* The live panes side by side in band (the traces pane, two traces wide, takes two shares). */
static void live_columns(tui_layout_t *l, runbook_id_t rb, tui_rect_t band)
{
    int shares = 0;
    for (pane_id_t p = PANE_IFACES; p < PANE_RAW; p++)
        if (layout_pane_used(rb, p))
            shares += p == PANE_TRACES ? 2 : 1;
    int x = band.x, used = 0;
    for (pane_id_t p = PANE_IFACES; p < PANE_RAW; p++) {
        if (!layout_pane_used(rb, p))
            continue;
        used += p == PANE_TRACES ? 2 : 1;
        int right = band.x + band.w * used / shares;
        l->pane[p] = rect(band.y, x, band.h, right - x);
        x = right;
    }
}

static void focus_order(tui_layout_t *l, runbook_id_t rb)
{
    l->n_order = 0;
    for (pane_id_t p = 0; p < PANE_COUNT; p++)
        if (layout_pane_used(rb, p))
            l->order[l->n_order++] = p;
}

void layout_compute(int cols, int lines, runbook_id_t rb, pane_id_t tab, tui_layout_t *out)
{
    *out = (tui_layout_t){0};
    focus_order(out, rb);
    if (cols < LAYOUT_MIN_COLS || lines < LAYOUT_MIN_LINES) {
        out->too_small = true;
        return;
    }
    int body = lines - 2, rw = runbook_width(cols);
    out->header = rect(0, 0, 1, cols);
    out->status = rect(lines - 1, 0, 1, cols);
    out->tabbed = cols < LAYOUT_WIDE_COLS || lines < LAYOUT_WIDE_LINES;
    int top = out->tabbed ? tabbed_top_height(rb, body) : top_height(rb, body, 35);
    out->pane[PANE_RUNBOOK] = rect(1, 0, top, rw);
    out->pane[PANE_DETAIL] = rect(1, rw, top, cols - rw);
    if (out->tabbed) {
        if (!layout_pane_tabbed(tab) || !layout_pane_used(rb, tab))
            tab = layout_pane_used(rb, PANE_IFACES) ? PANE_IFACES : PANE_TRACES;
        out->pane[tab] = rect(1 + top, 0, body - top, cols);
        return;
    }
    int live = body * 35 / 100;
    live_columns(out, rb, rect(1 + top, 0, live, cols));
    out->pane[PANE_RAW] = rect(1 + top + live, 0, body - top - live, cols);
}

pane_id_t layout_next_pane(const tui_layout_t *l, pane_id_t p, int step)
{
    if (l->n_order == 0)
        return p;
    int at = 0;
    for (int i = 0; i < l->n_order; i++)
        if (l->order[i] == p)
            at = i;
    at = ((at + step) % l->n_order + l->n_order) % l->n_order;
    return l->order[at];
}
