/* verdict_text.c: a runbook result for a person: one line per step, its evidence and next
 * steps (the lines to type, a disruptive one marked, then the notes), then the causes most
 * likely first and the ticket summary.  Every string passes
 * through core/redact first, and every line through core/sanitize: findings and evidence quote
 * the device, and what the device sent must not drive the reader's terminal. */
#include <stdio.h>

#include "core/redact.h"
#include "core/sanitize.h"
#include "report/verdict.h"

/* Copies in to out with every secret replaced; returns out. */
static const char *redact(const char *in, char *out, size_t size)
{
    snprintf(out, size, "%s", in);
    redact_inplace(out, size);
    return out;
}

static void step_text(FILE *f, const step_result_t *s)
{
    char a[2048], b[1024];
    sanitize_fprintf(f, "[%s] %s: %s\n", verdict_name(s->verdict), s->title, redact(s->finding, a, sizeof(a)));
    for (int i = 0; i < s->n_evidence; i++)
        sanitize_fprintf(f, "    > %s  (%s)\n", redact(s->evidence[i].line, a, sizeof(a)),
                         redact(s->evidence[i].command, b, sizeof(b)));
    /* After the colon is exactly what to type; a disruptive line says so before it. */
    for (int i = 0; i < s->n_next; i++)
        sanitize_fprintf(f, "    next%s: %s\n", s->next_disruptive[i] ? " (disruptive: resets the session or link)" : "",
                         redact(s->next[i], a, sizeof(a)));
    for (int i = 0; i < s->n_note; i++)
        sanitize_fprintf(f, "    note: %s\n", redact(s->note[i], a, sizeof(a)));
}

void verdict_text_steps(FILE *f, const char *device, const char *vendor, const runbook_result_t *r)
{
    sanitize_fprintf(f, "Device:  %s (%s)\nRunbook: %s\nStatus:  %s (exit %d)\n\n", device, vendor,
                     runbook_name(r->runbook), r->status, r->exit_code);
    for (int i = 0; i < r->n_steps; i++)
        step_text(f, &r->steps[i]);
}

void verdict_text_causes(FILE *f, const runbook_result_t *r)
{
    char a[4096];
    sanitize_fprintf(f, "\nCauses, most likely first:\n");
    for (int i = 0; i < r->n_causes; i++) {
        const step_result_t *s = &r->steps[r->causes[i]];
        sanitize_fprintf(f, "  %d. %s (%s): %s\n", i + 1, s->cause, s->id, redact(s->finding, a, sizeof(a)));
    }
    if (r->n_causes == 0)
        sanitize_fprintf(f, "  none\n");
    sanitize_fprintf(f, "\nSummary:\n%s\n", redact(r->summary, a, sizeof(a)));
}
