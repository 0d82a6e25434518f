/* verdict_json.c: a runbook result as DESIGN.md's verdict contract (erdiag check --json).
 * Every string passes through core/redact first, then is made valid UTF-8: jansson refuses a
 * string that is not, and a device line with one Latin-1 byte must not make its evidence
 * vanish from the verdict.  (The caller prints with JSON_ENSURE_ASCII, so no control byte a
 * terminal obeys, ESC or C1, is ever written raw.)  Keys are only ever added at the end of an
 * object, so that consumers of the older contract keep working. */
#include <stdio.h>
#include <string.h>

#include "core/utctime.h"
#include "framework/result_json.h"
#include "report/verdict.h"

/* Cause i once, with every step that found it on its own and each one's deciding line. */
static json_t *cause_json(const runbook_result_t *r, int i)
{
    const step_result_t *s = &r->steps[r->causes[i]];
    const cause_group_t *g = &r->groups[i];
    json_t *o = json_object(), *steps = json_array(), *ev = json_array();
    json_object_set_new(o, "step", json_string(s->id));
    json_object_set_new(o, "cause", json_string(s->cause));
    json_object_set_new(o, "finding", result_json_string(s->finding));
    json_object_set_new(o, "verdict", json_string(verdict_name(s->verdict)));
    for (int k = 0; k < g->n_steps; k++)
        json_array_append_new(steps, json_string(r->steps[g->steps[k]].id));
    for (int k = 0; k < g->n_evidence; k++)
        json_array_append_new(ev, evidence_ref_json(&g->evidence[k]));
    json_object_set_new(o, "steps", steps);
    json_object_set_new(o, "evidence", ev);
    return o;
}

/* No FAIL or WARN: "none" when every step passed; when some could not be judged, the first of
 * those, as evidence_missing, so that a reader never takes UNKNOWN for a clean bill.  A step
 * the platform has no command for (not_applicable: FRR has no ARP table) is not one. */
static json_t *no_cause_json(const runbook_result_t *r)
{
    int skipped, first = runbook_first_unjudged(r, &skipped);
    if (first < 0)
        return json_pack("{s:s, s:s, s:s, s:s, s:[], s:[]}", "step", "none", "cause", "none", "finding", "no fault found",
                         "verdict", "PASS", "steps", "evidence");
    char finding[900];
    snprintf(finding, sizeof(finding), "%d of %d steps could not be judged (%s: %s)", skipped, r->n_steps,
             r->steps[first].id, r->steps[first].finding);
    json_t *o = json_pack("{s:s, s:s}", "step", r->steps[first].id, "cause", "evidence_missing");
    json_object_set_new(o, "finding", result_json_string(finding));
    json_object_set_new(o, "verdict", json_string("SKIP"));
    json_object_set_new(o, "steps", json_pack("[s]", r->steps[first].id));
    json_object_set_new(o, "evidence", json_array());
    return o;
}

/* The keys after the original contract: erdiag's version, the platform, the time (UTC). */
static void add_run_keys(json_t *root, const verdict_meta_t *m)
{
    char when[40] = "";
    utc_format(m->utc, false, when, sizeof(when));
    json_object_set_new(root, "version", json_string(PACKAGE_VERSION));
    json_object_set_new(root, "vendor", m->vendor ? result_json_string(m->vendor) : json_null());
    json_object_set_new(root, "time", json_string(when));
}

json_t *verdict_json(const verdict_meta_t *m, const runbook_result_t *r)
{
    json_t *root = json_pack("{s:o, s:s, s:s, s:i}", "device", result_json_string(m->device), "runbook", runbook_name(r->runbook),
                             "status", r->status, "exit_code", r->exit_code);
    json_t *causes = json_array(), *steps = json_array();
    for (int i = 0; i < r->n_causes; i++)
        json_array_append_new(causes, cause_json(r, i));
    json_object_set_new(root, "root_cause", r->n_causes ? cause_json(r, 0) : no_cause_json(r));
    json_object_set_new(root, "causes", causes);
    for (int i = 0; i < r->n_steps; i++) {
        json_t *s = step_result_json(&r->steps[i]);
        json_object_set_new(s, "family", json_string(family_name(r->family)));
        json_array_append_new(steps, s);
    }
    json_object_set_new(root, "steps", steps);
    json_object_set_new(root, "summary", result_json_string(r->summary));
    add_run_keys(root, m);
    json_object_set_new(root, "family", json_string(family_name(r->family))); /* later keys go at the end */
    return root;
}

json_t *verdict_json_error(const verdict_meta_t *m, const char *step, const char *cause, const char *error)
{
    json_t *root = json_pack("{s:o, s:o, s:s, s:i}", "device", result_json_string(m->device ? m->device : ""), "runbook",
                             m->runbook ? json_string(m->runbook) : json_null(), "status", "UNKNOWN", "exit_code", 3);
    json_t *rc = json_pack("{s:s, s:s}", "step", step, "cause", cause);
    json_object_set_new(rc, "finding", result_json_string(error));
    json_object_set_new(rc, "verdict", json_string("SKIP"));
    json_object_set_new(root, "root_cause", rc);
    json_object_set_new(root, "causes", json_array());
    json_object_set_new(root, "steps", json_array());
    char summary[1200];
    snprintf(summary, sizeof(summary), "%s: check UNKNOWN: nothing could be judged: %s", m->device ? m->device : "?",
             error);
    json_object_set_new(root, "summary", result_json_string(summary));
    add_run_keys(root, m);
    json_object_set_new(root, "error", result_json_string(error));
    return root;
}
