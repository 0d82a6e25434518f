/* incident_md_tail.c: the Markdown report's recommended actions (per cause, most likely first:
 * the lines to type on the router in one fenced block, a disruptive one announced by a comment
 * line, then the notes: lines for another place, "Azure CLI: ...", in a block of their own, and
 * explanations as a list), the operator's notes by step, and the appendix of raw answers, each
 * under an anchor the evidence links to. */
#include <stdlib.h>
#include <string.h>

#include "report/incident_int.h"

/* text (raw: made safe here) as one fenced block. */
static int fence_raw(FILE *f, const char *text, size_t len)
{
    size_t n = 0;
    char *safe = inc_safe(text, len, &n);
    int rc = safe ? md_fence(f, safe, n) : -1;
    free(safe);
    return rc;
}

/* The step's next lines for its platform; a disruptive one follows a comment saying so. */
static int next_block(FILE *f, const incident_t *inc, const step_result_t *s)
{
    char *buf = NULL;
    size_t len = 0;
    FILE *m = open_memstream(&buf, &len);
    if (!m)
        return -1;
    const char *lead = inc_comment_leader(inc->vendor);
    for (int i = 0; i < s->n_next; i++) {
        if (s->next_disruptive[i])
            fprintf(m, "%s disruptive: the next line resets the BGP session or the link\n", lead);
        fprintf(m, "%s\n", s->next[i]);
    }
    int rc = fclose(m) == 0 ? 0 : -1;
    rc |= md_printf(f, "On the router, ");
    rc |= md_text_raw(f, inc->device);
    rc |= md_printf(f, " (");
    rc |= md_text_raw(f, inc_vendor_title(inc->vendor));
    rc |= md_printf(f, "):\n\n");
    rc |= fence_raw(f, buf ? buf : "", buf ? len : 0);
    free(buf);
    return rc;
}

/* Notes in order: a run of lines for one place ("Azure CLI") as one block, prose as a list. */
static int note_blocks(FILE *f, const step_result_t *s)
{
    int rc = 0;
    for (int i = 0; i < s->n_note;) {
        const char *line, *place = inc_note_platform(s->note[i], &line);
        if (!place) {
            rc |= md_printf(f, "- ");
            rc |= md_text_raw(f, s->note[i++]);
            rc |= md_printf(f, "\n%s", i == s->n_note || inc_note_platform(s->note[i], &line) ? "\n" : "");
            continue;
        }
        char block[STEP_MAX_NOTES * 480 + 1] = "";
        size_t len = 0;
        const char *next_place;
        do {
            len += (size_t)snprintf(block + len, sizeof(block) - len, "%s\n", line);
            i++;
            next_place = i < s->n_note ? inc_note_platform(s->note[i], &line) : NULL;
        } while (next_place && strcmp(next_place, place) == 0);
        rc |= md_printf(f, "%s:\n\n", place);
        rc |= fence_raw(f, block, len);
    }
    return rc;
}

int md_actions(FILE *f, const incident_t *inc)
{
    const runbook_result_t *r = &inc->result;
    int rc = md_printf(f, "## Recommended actions\n\n");
    if (r->n_causes == 0)
        return rc | md_printf(f, "No cause was found: nothing to change.\n\n");
    for (int c = 0; c < r->n_causes; c++) {
        const step_result_t *s = &r->steps[r->causes[c]];
        rc |= md_printf(f, "### %d. `%s`: step `%s` (", c + 1, s->cause, s->id);
        rc |= md_text_raw(f, s->title);
        rc |= md_printf(f, ", %s)\n\n", verdict_name(s->verdict));
        if (s->n_next > 0)
            rc |= next_block(f, inc, s);
        rc |= note_blocks(f, s);
        if (s->n_next == 0 && s->n_note == 0)
            rc |= md_printf(f, "No command or note for this cause.\n\n");
    }
    return rc;
}

static bool is_step(const runbook_result_t *r, const char *id)
{
    for (int i = 0; i < r->n_steps; i++)
        if (strcmp(r->steps[i].id, id) == 0)
            return true;
    return false;
}

/* The notes on step id ("" and any unknown step: the session's). */
static int notes_of(FILE *f, const incident_t *inc, const char *id, const char *title)
{
    int rc = 0, shown = 0;
    for (size_t i = 0; i < inc->n_notes; i++) {
        const incident_note_t *n = &inc->notes[i];
        bool mine = id ? strcmp(n->step, id) == 0 : !is_step(&inc->result, n->step);
        if (!mine)
            continue;
        if (shown++ == 0) {
            rc |= id ? md_printf(f, "### `%s` ", id) : md_printf(f, "### ");
            rc |= md_text_raw(f, title);
            rc |= md_printf(f, "\n\n");
        }
        char when[40];
        inc_time(n->utc, false, when, sizeof(when));
        rc |= md_printf(f, "- %s, journal id %llu: ", when, (unsigned long long)n->journal_id);
        rc |= md_text_raw(f, n->text);
        rc |= md_printf(f, "\n");
    }
    return rc | (shown ? md_printf(f, "\n") : 0);
}

int md_notes(FILE *f, const incident_t *inc)
{
    int rc = md_printf(f, "## Notes by step\n\n");
    if (inc->n_notes == 0)
        return rc | md_printf(f, "The operator wrote no note.\n\n");
    for (int i = 0; i < inc->result.n_steps; i++)
        rc |= notes_of(f, inc, inc->result.steps[i].id, inc->result.steps[i].title);
    return rc | notes_of(f, inc, NULL, "The session");
}

static int answer(FILE *f, const incident_answer_t *a)
{
    unsigned long long id = (unsigned long long)a->journal_id;
    char when[40];
    inc_time(a->utc, false, when, sizeof(when));
    int rc = md_printf(f, "### <a id=\"answer-%llu\"></a>Answer %llu: ", id, id);
    rc |= md_code_raw(f, a->command, false);
    rc |= md_printf(f, "\n\n- Device: ");
    rc |= md_text_raw(f, a->device);
    rc |= md_printf(f, "\n- Command: ");
    rc |= md_code_raw(f, a->command, false);
    rc |= md_printf(f, "\n- Time: %s\n- Journal id: %llu\n", when, id);
    if (a->error[0]) {
        rc |= md_printf(f, "- Error: ");
        rc |= md_text_raw(f, a->error);
        rc |= md_printf(f, "\n");
    }
    rc |= md_printf(f, "\n");
    if (a->output && a->len > 0)
        return rc | fence_raw(f, a->output, a->len);
    return rc | md_printf(f, "No output.\n\n");
}

int md_appendix(FILE *f, const incident_t *inc)
{
    int rc = md_printf(f, "## Appendix: raw answers\n\n");
    if (inc->n_answers == 0)
        return rc | md_printf(f, "No answer was journaled.\n\n");
    for (size_t i = 0; i < inc->n_answers; i++)
        rc |= answer(f, &inc->answers[i]);
    return rc;
}
