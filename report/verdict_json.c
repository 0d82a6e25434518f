/* verdict_json.c: a runbook result as DESIGN.md's verdict contract (erdiag check --json).
 * Every string passes through core/redact first, then is made valid UTF-8: jansson refuses a
 * string that is not, and a device line with one Latin-1 byte must not make its evidence
 * vanish from the verdict.  (The caller prints with JSON_ENSURE_ASCII, so no control byte a
 * terminal obeys, ESC or C1, is ever written raw.) */
#include <stdio.h>
#include <string.h>

#include "core/redact.h"
#include "core/utf8.h"
#include "report/verdict.h"

static json_t *jstr(const char *s)
{
    char buf[4096], valid[3 * sizeof(buf)]; /* each invalid byte becomes 3-byte U+FFFD */
    snprintf(buf, sizeof(buf), "%s", s);
    redact_inplace(buf, sizeof(buf));
    utf8_repair(buf, valid, sizeof(valid));
    return json_string(valid);
}

static json_t *cause_json(const step_result_t *s)
{
    json_t *o = json_object();
    json_object_set_new(o, "step", json_string(s->id));
    json_object_set_new(o, "cause", json_string(s->cause));
    json_object_set_new(o, "finding", jstr(s->finding));
    return o;
}

/* No FAIL or WARN: "none" when every step passed; when some could not be judged, the first of
 * those, as evidence_missing, so that a reader never takes UNKNOWN for a clean bill.  A step
 * the platform has no command for (not_applicable: FRR has no ARP table) is not one. */
static json_t *no_cause_json(const runbook_result_t *r)
{
    int skipped = 0, first = -1;
    for (int i = 0; i < r->n_steps; i++)
        if (r->steps[i].verdict == VERDICT_SKIP && strcmp(r->steps[i].cause, "not_applicable") != 0 && skipped++ == 0)
            first = i;
    if (first < 0)
        return json_pack("{s:s, s:s, s:s}", "step", "none", "cause", "none", "finding", "no fault found");
    char finding[900];
    snprintf(finding, sizeof(finding), "no fault found, but %d of %d steps could not be judged (%s: %s)", skipped,
             r->n_steps, r->steps[first].id, r->steps[first].finding);
    json_t *o = json_pack("{s:s, s:s}", "step", r->steps[first].id, "cause", "evidence_missing");
    json_object_set_new(o, "finding", jstr(finding));
    return o;
}

static json_t *step_json(const step_result_t *s)
{
    json_t *o = json_pack("{s:s, s:s, s:s, s:s}", "id", s->id, "title", s->title, "verdict",
                          verdict_name(s->verdict), "cause", s->cause);
    json_object_set_new(o, "finding", jstr(s->finding));
    json_t *ev = json_array(), *next = json_array();
    for (int i = 0; i < s->n_evidence; i++) {
        json_t *e = json_pack("{s:I}", "journal_id", (json_int_t)s->evidence[i].journal_id);
        json_object_set_new(e, "command", jstr(s->evidence[i].command));
        json_object_set_new(e, "line", jstr(s->evidence[i].line));
        json_array_append_new(ev, e);
    }
    for (int i = 0; i < s->n_next; i++)
        json_array_append_new(next, jstr(s->next[i]));
    json_object_set_new(o, "evidence", ev);
    json_object_set_new(o, "next", next);
    return o;
}

json_t *verdict_json(const char *device, const runbook_result_t *r)
{
    json_t *root = json_pack("{s:o, s:s, s:s, s:i}", "device", jstr(device), "runbook", runbook_name(r->runbook),
                             "status", r->status, "exit_code", r->exit_code);
    json_t *causes = json_array(), *steps = json_array();
    for (int i = 0; i < r->n_causes; i++)
        json_array_append_new(causes, cause_json(&r->steps[r->causes[i]]));
    json_object_set_new(root, "root_cause", r->n_causes ? cause_json(&r->steps[r->causes[0]]) : no_cause_json(r));
    json_object_set_new(root, "causes", causes);
    for (int i = 0; i < r->n_steps; i++)
        json_array_append_new(steps, step_json(&r->steps[i]));
    json_object_set_new(root, "steps", steps);
    json_object_set_new(root, "summary", jstr(r->summary));
    return root;
}
