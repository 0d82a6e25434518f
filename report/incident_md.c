/* incident_md.c: the incident report in Markdown, the form NOC staff paste into a ticket
 * (GitHub, Jira's Markdown, ServiceNow): the title line, the header table, the summary and the
 * steps table here; the evidence and timeline in incident_md_body.c; the recommended actions,
 * notes and raw answers in incident_md_tail.c.  Sections in a fixed order, each a level-2
 * heading, every block separated by a blank line so no renderer joins two. */
#include <stdlib.h>
#include <string.h>

#include "report/incident_int.h"

static int header_row(FILE *f, const char *label, const char *value)
{
    int rc = md_printf(f, "| %s | ", label);
    rc |= value && value[0] ? md_text_raw(f, value) : md_printf(f, "(none)");
    return rc | md_printf(f, " |\n");
}

static int header_times(FILE *f, const incident_t *inc)
{
    char start[40], end[40], dur[40];
    inc_time(inc->start_utc, false, start, sizeof(start));
    inc_time(inc->end_utc, false, end, sizeof(end));
    inc_duration(inc->end_utc - inc->start_utc, dur, sizeof(dur));
    int rc = md_printf(f, "| Start (UTC) | %s |\n| End (UTC) | %s |\n", start, end);
    return rc | md_printf(f, "| Duration | %s |\n", inc->start_utc > 0 && inc->end_utc > 0 ? dur : "unknown");
}

int md_header(FILE *f, const incident_t *inc)
{
    int rc = md_printf(f, "# Incident ");
    rc |= md_text_raw(f, inc->incident_id);
    rc |= md_printf(f, ": %s on ", inc->result.status ? inc->result.status : "UNKNOWN");
    rc |= md_text_raw(f, inc->device);
    rc |= md_printf(f, "\n\n| Field | Value |\n|---|---|\n| Incident id | ");
    rc |= md_code_raw(f, inc->incident_id, true);
    rc |= md_printf(f, " |\n");
    rc |= header_row(f, "Operator", inc->operator_name);
    rc |= header_times(f, inc);
    rc |= header_row(f, "Device", inc->device);
    rc |= header_row(f, "Vendor", inc->vendor[0] ? inc_vendor_title(inc->vendor) : "");
    rc |= header_row(f, "Circuit", inc->circuit);
    rc |= header_row(f, "Peering", inc->peering);
    rc |= header_row(f, "Link", inc->link);
    rc |= header_row(f, "Runbook", inc_runbook_title(inc));
    rc |= header_row(f, "Peer", inc->peer);
    rc |= header_row(f, "erdiag version", inc->version);
    if (!inc->finished) {
        char cut[160];
        snprintf(cut, sizeof(cut), "yes: the journal has no end entry%s%s", inc->torn_note[0] ? "; " : "",
                 inc->torn_note);
        rc |= header_row(f, "Session cut short", cut);
    }
    return rc | md_printf(f, "\n");
}

/* "**Root cause:** `code`, found by step `id` (Title): finding" */
static int root_cause(FILE *f, const runbook_result_t *r)
{
    const char *cause;
    int i = inc_root_step(r, &cause);
    int rc = md_printf(f, "**Root cause:** `%s`", cause);
    if (i < 0)
        return rc | md_printf(f, ": no fault found.\n\n");
    const step_result_t *s = &r->steps[i];
    rc |= md_printf(f, ", found by step `%s` (", s->id);
    rc |= md_text_raw(f, s->title);
    rc |= md_printf(f, ", %s): ", verdict_name(s->verdict));
    rc |= md_text_raw(f, s->finding);
    return rc | md_printf(f, "\n\n");
}

int md_summary(FILE *f, const incident_t *inc)
{
    const runbook_result_t *r = &inc->result;
    int rc = md_printf(f, "## Summary\n\n**Status:** %s (exit code %d)\n\n", r->status ? r->status : "UNKNOWN",
                       r->exit_code);
    rc |= root_cause(f, r);
    if (inc->narrative[0]) {
        rc |= md_text_raw(f, inc->narrative);
        rc |= md_printf(f, "\n\n");
    }
    if (r->summary[0]) {
        rc |= md_printf(f, "**Ticket summary:** ");
        rc |= md_text_raw(f, r->summary);
        rc |= md_printf(f, "\n\n");
    }
    return rc;
}

int md_steps(FILE *f, const incident_t *inc)
{
    const runbook_result_t *r = &inc->result;
    int rc = md_printf(f, "## Steps\n\n");
    if (r->n_steps == 0)
        return rc | md_printf(f, "No step was judged.\n\n");
    rc |= md_printf(f, "| Step | Verdict | Cause | Finding |\n|---|---|---|---|\n");
    for (int i = 0; i < r->n_steps; i++) {
        const step_result_t *s = &r->steps[i];
        char line[640];
        /* redacted before it is cut: a cut must never leave half a secret unrecognised */
        char *finding = inc_safe_str(s->finding);
        if (!finding)
            return -1;
        inc_first_sentence(finding, 120, line, sizeof(line));
        free(finding);
        rc |= md_printf(f, "| `%s` ", s->id);
        rc |= md_text_raw(f, s->title);
        rc |= md_printf(f, " | %s | `%s` | ", verdict_name(s->verdict), s->cause);
        rc |= md_text(f, line);
        rc |= md_printf(f, " |\n");
    }
    return rc | md_printf(f, "\n");
}

int incident_write_md(FILE *f, const incident_t *inc)
{
    int rc = md_header(f, inc);
    rc |= md_summary(f, inc);
    rc |= md_steps(f, inc);
    rc |= md_evidence(f, inc);
    rc |= md_timeline(f, inc);
    rc |= md_actions(f, inc);
    rc |= md_notes(f, inc);
    rc |= md_appendix(f, inc);
    if (fflush(f) != 0 || ferror(f))
        rc = -1;
    return rc ? -1 : 0;
}
