/* verdict_text.c: a runbook result for a person, root cause first.  Line 1 is the status as a
 * monitoring plugin prints it (Icinga2 and Naemon show that line and graph the performance data
 * after its '|'); then the root cause with its deciding evidence line and first next command,
 * at most VERDICT_ROOT_LINES lines; then every step; then the causes most likely first and the
 * ticket summary.  Every string passes through core/redact, every line through core/sanitize
 * (report/wrap.c): findings and evidence quote the device, and what the device sent must not
 * drive the reader's terminal.  Lines fold at m->width, continuation lines indented.  A step's
 * next lines are exactly what to type (a disruptive one says so), then its notes. */
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/redact.h"
#include "core/sanitize.h"
#include "report/verdict.h"
#include "report/wrap.h"

/* Copies in to out with every secret replaced; returns out. */
static const char *redact(const char *in, char *out, size_t size)
{
    snprintf(out, size, "%s", in);
    redact_inplace(out, size);
    return out;
}

/* ---- line 1: the status ---- */

/* The finding's first clause, sanitized, without '|' (it would start the performance data),
 * cut at a word to cols columns. */
static void shorten(const char *finding, int cols, char *out, size_t size)
{
    char a[2048];
    redact(finding, a, sizeof(a));
    a[strcspn(a, ";")] = '\0';
    size_t n = sanitize_buf(a, strlen(a), out, size);
    for (char *p = out; *p; p++)
        if (*p == '|')
            *p = '/';
    if (wrap_columns(out, n) <= cols)
        return;
    size_t cut = wrap_fit(out, n, cols > 3 ? cols - 3 : 0);
    size_t space = cut;
    while (space > cut / 2 && out[space] != ' ')
        space--;
    snprintf(out + (out[space] == ' ' ? space : cut), size - cut, "...");
}

/* The whole text, sanitized, on one line, without '|'. */
static void shorten_whole(const char *text, char *out, size_t size)
{
    char a[2048];
    redact(text, a, sizeof(a));
    sanitize_buf(a, strlen(a), out, size);
    for (char *p = out; *p; p++)
        if (*p == '|' || *p == '\n')
            *p = *p == '|' ? '/' : ' ';
}

/* "STATUS - HEAD on DEVICE PEER: FINDING | PERFDATA": a plugin's first line is one line, never
 * folded.  A verdict's finding is cut to its first clause and to the width (the lines below
 * tell the rest); an error is written whole, since nothing follows it on stdout.  The
 * performance data follows whatever its length. */
static void status_line(FILE *f, const verdict_meta_t *m, const runbook_result_t *r, const char *status,
                        const char *head, const char *finding, bool whole)
{
    char lead[600], text[1200], perf[1024];
    const char *peer = m->peer ? m->peer : "";
    snprintf(lead, sizeof(lead), "%s - %s on %s%s%s: ", status, head, m->device, peer[0] ? " " : "", peer);
    char *clean = sanitize_dup(lead, strlen(lead));
    if (!clean)
        return;
    for (char *p = clean; *p; p++)
        if (*p == '|')
            *p = '/';
    int room = (m->width < WRAP_MIN_WIDTH ? WRAP_MIN_WIDTH : m->width) - wrap_columns(clean, strlen(clean));
    if (whole)
        shorten_whole(finding, text, sizeof(text));
    else
        shorten(finding, room < 20 ? 20 : room, text, sizeof(text));
    verdict_perfdata(m, r, perf, sizeof(perf));
    fprintf(f, "%s%s%s%s\n", clean, text, perf[0] ? " | " : "", perf);
    free(clean);
}

/* The step whose finding an OK line quotes, and how it is introduced. */
static const step_result_t *headline(const runbook_result_t *r, const char **intro)
{
    static const struct {
        const char *step, *intro;
    } heads[] = {{"session", "session "}, {"path_compare", ""}};
    for (size_t k = 0; k < sizeof(heads) / sizeof(heads[0]); k++)
        for (int i = 0; i < r->n_steps; i++)
            if (strcmp(r->steps[i].id, heads[k].step) == 0) {
                *intro = heads[k].intro;
                return &r->steps[i];
            }
    *intro = "";
    return r->n_steps ? &r->steps[r->n_steps - 1] : NULL;
}

/* ---- the root cause block ---- */

/* The other causes, each code once (two steps may name the same one). */
static void also_line(FILE *f, int width, const runbook_result_t *r)
{
    char line[800];
    size_t w = (size_t)snprintf(line, sizeof(line), "  also:");
    int named = 0;
    for (int i = 1; i < r->n_causes && w < sizeof(line); i++) {
        const char *cause = r->steps[r->causes[i]].cause;
        bool seen = false;
        for (int k = 0; k < i && !seen; k++)
            seen = strcmp(r->steps[r->causes[k]].cause, cause) == 0;
        if (!seen)
            w += (size_t)snprintf(line + w, sizeof(line) - w, "%s %s", named++ ? "," : "", cause);
    }
    if (named && w < sizeof(line)) {
        snprintf(line + w, sizeof(line) - w, " (see the causes below)");
        wrap_write(f, width, 8, 1, line);
    }
}

static void root_cause(FILE *f, int width, const runbook_result_t *r)
{
    char a[2048], b[1024], line[3200];
    const step_result_t *s = &r->steps[r->causes[0]];
    int left = VERDICT_ROOT_LINES;
    snprintf(line, sizeof(line), "Root cause: %s (%s, %s)", s->cause, s->title, verdict_name(s->verdict));
    left -= wrap_write(f, width, 4, 1, line);
    snprintf(line, sizeof(line), "  %s", redact(s->finding, a, sizeof(a)));
    left -= wrap_write(f, width, 4, 2, line);
    if (s->n_evidence) {
        snprintf(line, sizeof(line), "  evidence: %s  (%s)", redact(s->evidence[0].line, a, sizeof(a)),
                 redact(s->evidence[0].command, b, sizeof(b)));
        left -= wrap_write(f, width, 4, 1, line);
    }
    if (s->n_next) {
        snprintf(line, sizeof(line), "  next%s: %s", s->next_disruptive[0] ? " (disruptive)" : "",
                 redact(s->next[0], a, sizeof(a)));
        left -= wrap_write(f, width, 8, r->n_causes > 1 ? left - 1 : left, line);
    }
    if (r->n_causes > 1 && left > 0)
        also_line(f, width, r);
}

/* No FAIL or WARN: all passed, or what could not be judged (UNKNOWN is no clean bill). */
static void no_cause(FILE *f, int width, const runbook_result_t *r)
{
    char a[2048], line[2600];
    int skipped, first = runbook_first_unjudged(r, &skipped);
    if (first < 0) {
        snprintf(line, sizeof(line), "Root cause: none (all %d steps passed)", r->n_steps);
        wrap_write(f, width, 4, 1, line);
        return;
    }
    snprintf(line, sizeof(line), "Not judged: %d of %d steps; first %s: %s", skipped, r->n_steps,
             r->steps[first].title, redact(r->steps[first].finding, a, sizeof(a)));
    wrap_write(f, width, 4, 3, line);
}

void verdict_text_head(FILE *f, const verdict_meta_t *m, const runbook_result_t *r)
{
    char line[800];
    int skipped, first;
    if (r->n_causes) {
        const step_result_t *s = &r->steps[r->causes[0]];
        status_line(f, m, r, r->status, s->cause, s->finding, false);
        root_cause(f, m->width, r);
    } else if ((first = runbook_first_unjudged(r, &skipped)) >= 0) {
        const step_result_t *s = &r->steps[first];
        snprintf(line, sizeof(line), "%d of %d steps could not be judged (first %s: %s)", skipped, r->n_steps, s->id,
                 s->finding);
        status_line(f, m, r, r->status, "evidence_missing", line, false);
        no_cause(f, m->width, r);
    } else {
        const char *intro;
        const step_result_t *s = headline(r, &intro);
        snprintf(line, sizeof(line), "%s%s", intro, s ? s->finding : "every step passed");
        status_line(f, m, r, r->status, runbook_name(r->runbook), line, false);
        no_cause(f, m->width, r);
    }
}

void verdict_text_error(FILE *f, const verdict_meta_t *m, const char *cause, const char *error)
{
    status_line(f, m, NULL, "UNKNOWN", cause, error, true);
}

/* ---- the steps, the causes, the summary ---- */

static void step_text(FILE *f, int width, const step_result_t *s)
{
    char a[2048], b[1024], line[3200];
    snprintf(line, sizeof(line), "[%s] %s: %s", verdict_name(s->verdict), s->title, redact(s->finding, a, sizeof(a)));
    wrap_write(f, width, 7, 0, line);
    for (int i = 0; i < s->n_evidence; i++) {
        snprintf(line, sizeof(line), "    > %s  (%s)", redact(s->evidence[i].line, a, sizeof(a)),
                 redact(s->evidence[i].command, b, sizeof(b)));
        wrap_write(f, width, 8, 0, line);
    }
    /* After the colon is exactly what to type; a disruptive line says so before it. */
    for (int i = 0; i < s->n_next; i++) {
        snprintf(line, sizeof(line), "    next%s: %s",
                 s->next_disruptive[i] ? " (disruptive: resets the session or link)" : "", redact(s->next[i], a, sizeof(a)));
        wrap_write(f, width, 10, 0, line);
    }
    for (int i = 0; i < s->n_note; i++) {
        snprintf(line, sizeof(line), "    note: %s", redact(s->note[i], a, sizeof(a)));
        wrap_write(f, width, 10, 0, line);
    }
}

void verdict_text_steps(FILE *f, const verdict_meta_t *m, const runbook_result_t *r)
{
    char line[600];
    snprintf(line, sizeof(line), "Steps of the %s runbook on %s (%s), status %s (exit %d):", runbook_name(r->runbook),
             m->device, m->vendor ? m->vendor : "?", r->status, r->exit_code);
    fputc('\n', f);
    wrap_write(f, m->width, 2, 0, line);
    for (int i = 0; i < r->n_steps; i++)
        step_text(f, m->width, &r->steps[i]);
}

void verdict_text_causes(FILE *f, const verdict_meta_t *m, const runbook_result_t *r)
{
    char a[4096], line[4400];
    fprintf(f, "\nCauses, most likely first:\n");
    for (int i = 0; i < r->n_causes; i++) {
        const step_result_t *s = &r->steps[r->causes[i]];
        const cause_group_t *g = &r->groups[i];
        char steps[160] = "";
        for (int k = 0, w = 0; k < g->n_steps && w < (int)sizeof(steps); k++) /* every step that found it */
            w += snprintf(steps + w, sizeof(steps) - (size_t)w, "%s%s", k ? ", " : "", r->steps[g->steps[k]].id);
        snprintf(line, sizeof(line), "  %d. %s (%s, %s): %s", i + 1, s->cause, steps[0] ? steps : s->id,
                 verdict_name(s->verdict), redact(s->finding, a, sizeof(a)));
        wrap_write(f, m->width, 5, 0, line);
    }
    if (r->n_causes == 0)
        fprintf(f, "  none\n");
    fprintf(f, "\nSummary:\n");
    wrap_write(f, m->width, 2, 0, redact(r->summary, a, sizeof(a)));
}
