/* step.c: how a step states its verdict, its evidence and what to do next (the vendor remedies
 * themselves: framework/remedy.c). */
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "framework/runbook.h"

static void set(step_result_t *s, verdict_t v, const char *cause, const char *fmt, va_list ap)
{
    s->verdict = v;
    snprintf(s->cause, sizeof(s->cause), "%s", cause);
    vsnprintf(s->finding, sizeof(s->finding), fmt, ap);
}

void step_pass(step_result_t *s, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    set(s, VERDICT_PASS, "none", fmt, ap);
    va_end(ap);
}

void step_warn(step_result_t *s, const char *cause, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    set(s, VERDICT_WARN, cause, fmt, ap);
    va_end(ap);
}

void step_fail(step_result_t *s, const char *cause, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    set(s, VERDICT_FAIL, cause, fmt, ap);
    va_end(ap);
}

void step_skip(step_result_t *s, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    set(s, VERDICT_SKIP, "evidence_missing", fmt, ap);
    va_end(ap);
}

bool step_need(step_result_t *s, const fact_t *f, const char *what)
{
    char why[400];
    if (fact_usable(f))
        return false;
    step_skip(s, "%s: %s", what, fact_problem(f, why, sizeof(why)));
    /* A platform that has no such command (FRR has no ARP table in vtysh) is not missing
     * evidence: the step says so, and the status need not be UNKNOWN for it. */
    if (f->present && f->error == PERR_UNSUPPORTED)
        step_not_applicable(s);
    return true;
}

void step_not_applicable(step_result_t *s)
{
    snprintf(s->cause, sizeof(s->cause), "not_applicable");
}

bool step_note_unread(step_result_t *s, const fact_t *f, const void *payload, const char *name)
{
    char why[240];
    if (!fact_record_unread(f, payload, why, sizeof(why)))
        return false;
    size_t w = strlen(s->finding);
    snprintf(s->finding + w, sizeof(s->finding) - w, "; %s's block in '%.80s': %s; judged from the lines that were read",
             name, f->command, why);
    return true;
}

bool step_need_value(step_result_t *s, const fact_t *f, const void *payload, bool have, const char *what)
{
    char why[240];
    if (have || !fact_record_unread(f, payload, why, sizeof(why)))
        return false;
    step_skip(s, "%s not shown, and the block in '%.80s' that would show it was not read whole: %s", what, f->command, why);
    return true;
}

bool step_absent_unproven(step_result_t *s, const fact_t *f, const char *what)
{
    if (!fact_absence_unproven(f))
        return false;
    step_skip(s, "%s not seen: the output of '%.80s' was cut (%s), so its absence proves nothing", what, f->command,
              f->partial_reason[0] ? f->partial_reason : "cut short");
    return true;
}

bool step_evidence(step_result_t *s, const fact_t *f, const char *const *needles)
{
    if (s->n_evidence == STEP_MAX_EVIDENCE)
        return false;
    evidence_ref_t *e = &s->evidence[s->n_evidence];
    if (!fact_find_line(f, needles, e->line, sizeof(e->line)))
        return false;
    e->journal_id = f->journal_id;
    snprintf(e->command, sizeof(e->command), "%s", f->command);
    s->n_evidence++;
    return true;
}

void step_evidence_text(step_result_t *s, const char *command, const char *line)
{
    if (s->n_evidence == STEP_MAX_EVIDENCE)
        return;
    evidence_ref_t *e = &s->evidence[s->n_evidence++];
    e->journal_id = 0;
    snprintf(e->command, sizeof(e->command), "%s", command);
    snprintf(e->line, sizeof(e->line), "%s", line);
}

void step_next(step_result_t *s, const char *fmt, ...)
{
    if (s->n_next == STEP_MAX_NEXT)
        return;
    va_list ap;
    va_start(ap, fmt);
    s->next_disruptive[s->n_next] = false;
    vsnprintf(s->next[s->n_next++], sizeof(s->next[0]), fmt, ap);
    va_end(ap);
}

void step_note(step_result_t *s, const char *fmt, ...)
{
    if (s->n_note == STEP_MAX_NOTES)
        return;
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(s->note[s->n_note++], sizeof(s->note[0]), fmt, ap);
    va_end(ap);
}

void step_metric(step_result_t *s, const char *label, double value, const char *uom, double warn, double crit,
                 double min, double max)
{
    if (s->n_metrics >= STEP_MAX_METRICS)
        return;
    metric_t *m = &s->metrics[s->n_metrics++];
    snprintf(m->label, sizeof(m->label), "%s", label);
    snprintf(m->uom, sizeof(m->uom), "%s", uom);
    m->value = value;
    m->warn = warn;
    m->crit = crit;
    m->min = min;
    m->max = max;
}
