/* pane_runbook.c: the runbook's steps in order, each with its verdict as a glyph and a word
 * (readable without colour), or a spinner and "waiting" while its probes are out. */
#include <stdio.h>
#include <string.h>

#include "tui/draw.h"
#include "tui/panes.h"

int runbook_step_count(const tui_view_t *v)
{
    size_t n;
    runbook_steps(v->runbook, &n);
    if (v->result && v->result->n_steps > 0)
        return v->result->n_steps;
    return (int)n;
}

static theme_element_t verdict_element(verdict_t vd)
{
    static const theme_element_t els[] = {EL_PASS, EL_WARN, EL_FAIL, EL_SKIP};
    return vd >= VERDICT_PASS && vd <= VERDICT_SKIP ? els[vd] : EL_SKIP;
}

void runbook_row(const tui_view_t *v, int step, char *buf, size_t size, theme_element_t *el)
{
    size_t n;
    const step_def_t *defs = runbook_steps(v->runbook, &n);
    const step_result_t *s = v->result && step < v->result->n_steps ? &v->result->steps[step] : NULL;
    const char *title = s ? s->title : step < (int)n ? defs[step].title : "?";
    bool waiting = step >= 0 && step < RUNBOOK_MAX_STEPS && v->waiting[step];
    if (!s && v->failure) { /* nothing could be judged: the detail pane says why */
        *el = EL_SKIP;
        snprintf(buf, size, "%s %-7s %s", glyph_verdict(v->glyphs, VERDICT_SKIP), "UNKNOWN", title);
        return;
    }
    if (waiting || !s) {
        *el = EL_WAITING;
        snprintf(buf, size, "%s %-7s %s", glyph_spinner(v->glyphs, v->tick), "waiting", title);
        return;
    }
    *el = verdict_element(s->verdict);
    snprintf(buf, size, "%s %-7s %s", glyph_verdict(v->glyphs, s->verdict), verdict_name(s->verdict), title);
}

int runbook_guide_step(const tui_view_t *v)
{
    const runbook_result_t *r = v->result;
    int n = runbook_step_count(v);
    if (r && r->n_causes > 0)
        return r->causes[0];
    for (int i = 0; i < n && i < RUNBOOK_MAX_STEPS; i++)
        if (v->waiting[i] || !r)
            return i;
    int count, unjudged = r ? runbook_first_unjudged(r, &count) : -1;
    return unjudged >= 0 ? unjudged : 0;
}

void pane_runbook_draw(const tui_rect_t *r, const tui_view_t *v, tui_scroll_t *s, bool focus)
{
    char title[64];
    snprintf(title, sizeof(title), "Runbook: %s", runbook_name(v->runbook));
    draw_box(r, title, focus);
    tui_rect_t in = draw_inner(r);
    int n = runbook_step_count(v);
    s->sel = v->selected;
    rows_clamp(s, (size_t)n, in.h, true);
    for (int y = 0; y < in.h; y++) {
        int i = (int)s->top + y;
        if (i >= n) {
            draw_blank(in.y + y, in.x, in.w, theme_attr(EL_NORMAL));
            continue;
        }
        char row[256];
        theme_element_t el;
        runbook_row(v, i, row, sizeof(row), &el);
        /* The selected step keeps its verdict's word readable: a marker, not only reverse. */
        char line[260];
        snprintf(line, sizeof(line), "%s%s", i == v->selected ? ">" : " ", row);
        draw_text(in.y + y, in.x, in.w, line, 0, theme_attr(i == v->selected ? EL_SELECTION : el), true);
    }
}
