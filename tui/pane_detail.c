/* pane_detail.c: the selected step in full: what it checks and why (for an engineer still
 * learning the runbook), the finding, the quoted evidence lines under the commands that gave
 * them, the next lines to type on this platform, the notes, and the engineer's own notes.
 * While the step waits, which probes it waits for and for how long. */
#include <stdio.h>
#include <string.h>
#include <time.h>

#include "tui/draw.h"
#include "tui/panes.h"

/* "waiting for bgp_neighbor (12s), bgp_config" */
static void waiting_rows(const tui_view_t *v, int step, int width, rows_t *out)
{
    size_t n;
    const step_def_t *defs = runbook_steps(v->runbook, &n);
    if (step < 0 || (size_t)step >= n)
        return;
    char buf[512] = "";
    size_t w = 0;
    for (size_t i = 0; i < v->n_jobs && w < sizeof(buf); i++) {
        const engine_job_t *j = v->jobs[i];
        if (!j || j->done > 0 || !(defs[step].needs & runbook_need_bit(&j->req, j->reverse)))
            continue;
        char secs[24] = "";
        if (j->asked)
            snprintf(secs, sizeof(secs), " (%ds)", (int)(v->now - j->asked_at));
        w += (size_t)snprintf(buf + w, sizeof(buf) - w, "%s%s%s", w ? ", " : "Waiting for ", probe_name(j->req.probe), secs);
    }
    if (w)
        rows_wrap(out, EL_WAITING, width, "", buf[0] ? buf : "");
}

static void evidence_rows(const step_result_t *s, rows_t *out)
{
    if (s->n_evidence == 0)
        return;
    rows_add(out, EL_PANE_TITLE, "Evidence:");
    const char *last = "";
    for (int i = 0; i < s->n_evidence; i++) {
        if (strcmp(s->evidence[i].command, last) != 0)
            rows_add(out, EL_COMMAND, "  $ %s", s->evidence[i].command);
        last = s->evidence[i].command;
        rows_add(out, EL_EVIDENCE, "    %s", s->evidence[i].line);
    }
}

static void next_rows(const tui_view_t *v, const step_result_t *s, int width, rows_t *out)
{
    if (s->n_next > 0)
        rows_add(out, EL_PANE_TITLE, "Next (%s):", v->dev ? v->dev->vendor : "device");
    for (int i = 0; i < s->n_next; i++)
        rows_add(out, EL_COMMAND, "  %s%s", s->next_disruptive[i] ? "(disruptive) " : "", s->next[i]);
    if (s->n_note > 0)
        rows_add(out, EL_PANE_TITLE, "Notes:");
    for (int i = 0; i < s->n_note; i++)
        rows_wrap(out, EL_NORMAL, width, "  ", s->note[i]);
}

static void user_notes(const tui_view_t *v, const char *step_id, int width, rows_t *out)
{
    if (!v->notes || tui_notes_for_step(v->notes, step_id) == 0)
        return;
    rows_add(out, EL_PANE_TITLE, "Your notes:");
    for (size_t i = 0; i < tui_notes_count(v->notes); i++) {
        const tui_note_t *n = tui_notes_get(v->notes, i);
        if (strcmp(n->step, step_id) != 0)
            continue;
        char when[16] = "", line[NOTE_TEXT_LEN + 32];
        time_t t = (time_t)n->utc;
        struct tm tm;
        if (gmtime_r(&t, &tm))
            strftime(when, sizeof(when), "%H:%M:%SZ", &tm);
        snprintf(line, sizeof(line), "%s %s", when, n->text);
        rows_wrap(out, EL_NOTE, width, "  ", line);
    }
}

/* "Root cause 1 of 2; also found by: session" for a step that states a cause. */
static void cause_rows(const runbook_result_t *r, int step, rows_t *out)
{
    for (int g = 0; g < r->n_causes; g++) {
        if (r->causes[g] != step)
            continue;
        char also[160] = "";
        size_t w = 0;
        for (int k = 0; k < r->groups[g].n_steps && w < sizeof(also); k++)
            if (r->groups[g].steps[k] != step)
                w += (size_t)snprintf(also + w, sizeof(also) - w, "%s%s", w ? ", " : "; also found by: ",
                                      r->steps[r->groups[g].steps[k]].id);
        rows_add(out, EL_DIM, "%s cause %d of %d%s", g == 0 ? "Root" : "Other", g + 1, r->n_causes, also);
    }
}

void detail_rows(const tui_view_t *v, int step, int width, rows_t *out)
{
    size_t n;
    const step_def_t *defs = runbook_steps(v->runbook, &n);
    if (step < 0 || (size_t)step >= n)
        return;
    bool waiting = step < RUNBOOK_MAX_STEPS && v->waiting[step];
    /* A step still waiting has no finding yet, whatever a judgement of half the answers said. */
    const step_result_t *s = v->result && step < v->result->n_steps && !waiting ? &v->result->steps[step] : NULL;
    char head[256];
    theme_element_t el;
    runbook_row(v, step, head, sizeof(head), &el);
    if (s && strcmp(s->cause, "none") != 0)
        rows_add(out, el, "%s  (%s)", head, s->cause);
    else
        rows_add(out, el, "%s", head);
    if (v->failure && !s) {
        char why[1400];
        snprintf(why, sizeof(why), "Nothing could be judged: %s", v->failure);
        rows_wrap(out, EL_FAIL, width, "", why);
    }
    if (waiting)
        waiting_rows(v, step, width, out);
    /* Under pressure the finding and its proof come first; the teaching follows them. */
    if (s) {
        rows_wrap(out, EL_NORMAL, width, "", s->finding);
        if (s->follows)
            rows_add(out, EL_DIM, "Follows from step: %s", s->follows);
        cause_rows(v->result, step, out);
        evidence_rows(s, out);
    }
    if (defs[step].explain) {
        rows_add(out, EL_PANE_TITLE, "What this step checks:");
        rows_wrap(out, EL_DIM, width, "  ", defs[step].explain);
    }
    if (s)
        next_rows(v, s, width, out);
    user_notes(v, defs[step].id, width, out);
}

void pane_detail_draw(const tui_rect_t *r, const tui_view_t *v, tui_scroll_t *s, bool focus)
{
    size_t n;
    const step_def_t *defs = runbook_steps(v->runbook, &n);
    char title[96];
    snprintf(title, sizeof(title), "Step %d/%zu: %s", v->selected + 1, n,
             v->selected >= 0 && (size_t)v->selected < n ? defs[v->selected].id : "?");
    draw_box(r, title, focus);
    tui_rect_t in = draw_inner(r);
    rows_t rows;
    rows_init(&rows);
    detail_rows(v, v->selected, in.w, &rows);
    rows_draw(&rows, &in, s, false);
    rows_free(&rows);
}
