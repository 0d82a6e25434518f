/* incident_md_body.c: the Markdown report's evidence (each line with its command, its time and
 * its journal id, linked to the raw answer in the appendix) and the session's timeline. */
#include <string.h>

#include "report/incident_int.h"

/* "- `line` from `command`, TIME, journal id N: [raw answer N](#answer-N)" */
static int evidence_item(FILE *f, const incident_t *inc, const evidence_ref_t *e)
{
    int rc = md_printf(f, "- ");
    rc |= e->line[0] ? md_code_raw(f, e->line, false) : md_printf(f, "(no line)");
    rc |= md_printf(f, " from ");
    rc |= md_code_raw(f, e->command, false);
    if (e->journal_id == 0)
        return rc | md_printf(f, ", not journaled\n");
    const incident_answer_t *a = inc_answer(inc, e->journal_id);
    if (!a)
        return rc | md_printf(f, ", journal id %llu (not in the appendix)\n", (unsigned long long)e->journal_id);
    char when[40];
    inc_time(a->utc, false, when, sizeof(when));
    unsigned long long id = (unsigned long long)e->journal_id;
    return rc | md_printf(f, ", %s, journal id %llu: [raw answer %llu](#answer-%llu)\n", when, id, id, id);
}

int md_evidence(FILE *f, const incident_t *inc)
{
    const runbook_result_t *r = &inc->result;
    int rc = md_printf(f, "## Evidence\n\n"), shown = 0;
    for (int i = 0; i < r->n_steps; i++) {
        const step_result_t *s = &r->steps[i];
        if (s->n_evidence == 0)
            continue;
        rc |= md_printf(f, "### `%s` ", s->id);
        rc |= md_text_raw(f, s->title);
        rc |= md_printf(f, ": %s\n\n", verdict_name(s->verdict));
        for (int k = 0; k < s->n_evidence; k++)
            rc |= evidence_item(f, inc, &s->evidence[k]);
        rc |= md_printf(f, "\n");
        shown++;
    }
    if (!shown)
        rc |= md_printf(f, "No step quoted evidence.\n\n");
    return rc;
}

/* A note event reads as the operator wrote it: "Note by OPERATOR: their words". */
static int event_text(FILE *f, const incident_t *inc, const incident_event_t *ev)
{
    for (size_t i = 0; strcmp(ev->kind, "note") == 0 && i < inc->n_notes; i++)
        if (inc->notes[i].journal_id == ev->journal_id) {
            int rc = md_printf(f, "Note by ");
            rc |= md_text_raw(f, inc->operator_name[0] ? inc->operator_name : "the operator");
            rc |= md_printf(f, ": ");
            return rc | md_text_raw(f, inc->notes[i].text);
        }
    return md_text_raw(f, ev->text);
}

int md_timeline(FILE *f, const incident_t *inc)
{
    int rc = md_printf(f, "## Timeline\n\n");
    if (inc->n_events == 0)
        return rc | md_printf(f, "No event was journaled.\n\n");
    rc |= md_printf(f, "| Time (UTC) | Kind | Step | Text |\n|---|---|---|---|\n");
    for (size_t i = 0; i < inc->n_events; i++) {
        const incident_event_t *ev = &inc->events[i];
        char when[40];
        inc_time(ev->utc, false, when, sizeof(when));
        rc |= md_printf(f, "| %s | ", when);
        rc |= md_text_raw(f, ev->kind);
        rc |= md_printf(f, " | ");
        rc |= md_code_raw(f, ev->step, true);
        rc |= md_printf(f, " | ");
        rc |= event_text(f, inc, ev);
        rc |= md_printf(f, " |\n");
    }
    return rc | md_printf(f, "\n");
}
