/* incident_json.c: the incident report as JSON for other tools (docs/report-schema.json):
 * "schema_version" first, the header, the summary, then the steps, causes, timeline, notes,
 * recommended actions and every raw answer.  Times are ISO-8601 UTC strings with milliseconds.
 * Every string from a device, a note or a finding is redacted and made valid UTF-8
 * (inc_json_string); the file is written ASCII-only, so no control character a terminal obeys
 * is ever raw in it.  A key is never dropped silently: out of memory fails the write. */
#include <string.h>

#include "report/incident_int.h"

/* jansson steals v even when the set fails: nothing leaks on the way out. */
bool inc_json_put(json_t *o, const char *key, json_t *v)
{
    return v && json_object_set_new(o, key, v) == 0;
}

bool inc_json_add(json_t *a, json_t *v)
{
    return v && json_array_append_new(a, v) == 0;
}

json_t *inc_json_id(uint64_t id)
{
    return json_integer((json_int_t)id);
}

json_t *inc_json_time(double t)
{
    char buf[40];
    if (t <= 0)
        return json_null();
    inc_time(t, true, buf, sizeof(buf));
    return json_string(buf);
}

static json_t *evidence_list(const evidence_ref_t *ev, int n)
{
    json_t *a = json_array();
    bool ok = a != NULL;
    for (int i = 0; ok && i < n; i++) {
        json_t *o = json_object();
        ok = inc_json_add(a, o) && inc_json_put(o, "command", inc_json_str(ev[i].command, false)) &&
             inc_json_put(o, "line", inc_json_str(ev[i].line, false)) &&
             inc_json_put(o, "journal_id", inc_json_id(ev[i].journal_id));
    }
    return ok ? a : (json_decref(a), NULL);
}

static json_t *root_cause(const runbook_result_t *r)
{
    const char *cause;
    int i = inc_root_step(r, &cause);
    json_t *o = json_object();
    bool ok = o != NULL;
    if (i < 0)
        ok = ok && inc_json_put(o, "step", json_null()) && inc_json_put(o, "cause", json_string(cause)) &&
             inc_json_put(o, "finding", json_string("no fault found")) && inc_json_put(o, "evidence", json_array());
    else
        ok = ok && inc_json_put(o, "step", json_string(r->steps[i].id)) &&
             inc_json_put(o, "cause", json_string(cause)) &&
             inc_json_put(o, "finding", inc_json_str(r->steps[i].finding, false)) &&
             inc_json_put(o, "evidence",
                          r->n_causes ? evidence_list(r->groups[0].evidence, r->groups[0].n_evidence)
                                      : evidence_list(r->steps[i].evidence, r->steps[i].n_evidence));
    return ok ? o : (json_decref(o), NULL);
}

static json_t *summary(const incident_t *inc)
{
    const runbook_result_t *r = &inc->result;
    json_t *o = json_object();
    bool ok = o && inc_json_put(o, "status", json_string(r->status ? r->status : "UNKNOWN")) &&
              inc_json_put(o, "exit_code", json_integer(r->exit_code)) &&
              inc_json_put(o, "root_cause", root_cause(r)) &&
              inc_json_put(o, "narrative", inc_json_str(inc->narrative, false)) &&
              inc_json_put(o, "summary", inc_json_str(r->summary, false));
    return ok ? o : (json_decref(o), NULL);
}

static json_t *string_list(const char (*lines)[480], int n)
{
    json_t *a = json_array();
    bool ok = a != NULL;
    for (int i = 0; ok && i < n; i++)
        ok = inc_json_add(a, inc_json_str(lines[i], false));
    return ok ? a : (json_decref(a), NULL);
}

static json_t *next_list(const step_result_t *s)
{
    json_t *a = json_array();
    bool ok = a != NULL;
    for (int i = 0; ok && i < s->n_next; i++)
        ok = inc_json_add(a, inc_json_str(s->next[i], false));
    return ok ? a : (json_decref(a), NULL);
}

/* The indexes into next of the lines that reset a session or a link. */
static json_t *disruptive_list(const step_result_t *s)
{
    json_t *a = json_array();
    bool ok = a != NULL;
    for (int i = 0; ok && i < s->n_next; i++)
        if (s->next_disruptive[i])
            ok = inc_json_add(a, json_integer(i));
    return ok ? a : (json_decref(a), NULL);
}

static json_t *step(const step_result_t *s)
{
    json_t *o = json_object();
    bool ok = o && inc_json_put(o, "id", json_string(s->id)) && inc_json_put(o, "title", json_string(s->title)) &&
              inc_json_put(o, "verdict", json_string(verdict_name(s->verdict))) &&
              inc_json_put(o, "cause", json_string(s->cause)) &&
              inc_json_put(o, "finding", inc_json_str(s->finding, false)) &&
              inc_json_put(o, "evidence", evidence_list(s->evidence, s->n_evidence)) &&
              inc_json_put(o, "next", next_list(s)) && inc_json_put(o, "disruptive", disruptive_list(s)) &&
              inc_json_put(o, "notes", string_list(s->note, s->n_note)) &&
              inc_json_put(o, "follows", s->follows ? json_string(s->follows) : json_null());
    return ok ? o : (json_decref(o), NULL);
}

static json_t *steps(const runbook_result_t *r)
{
    json_t *a = json_array();
    bool ok = a != NULL;
    for (int i = 0; ok && i < r->n_steps; i++)
        ok = inc_json_add(a, step(&r->steps[i]));
    return ok ? a : (json_decref(a), NULL);
}

/* The ids of the steps that found cause group g on their own. */
static json_t *group_steps(const runbook_result_t *r, const cause_group_t *g)
{
    json_t *a = json_array();
    bool ok = a != NULL;
    for (int k = 0; ok && k < g->n_steps; k++)
        ok = inc_json_add(a, json_string(r->steps[g->steps[k]].id));
    return ok ? a : (json_decref(a), NULL);
}

static json_t *cause(const runbook_result_t *r, int c)
{
    const step_result_t *s = &r->steps[r->causes[c]];
    const cause_group_t *g = &r->groups[c];
    json_t *o = json_object();
    bool ok = o && inc_json_put(o, "step", json_string(s->id)) && inc_json_put(o, "cause", json_string(s->cause)) &&
              inc_json_put(o, "verdict", json_string(verdict_name(s->verdict))) &&
              inc_json_put(o, "finding", inc_json_str(s->finding, false)) &&
              inc_json_put(o, "steps", group_steps(r, g)) &&
              inc_json_put(o, "evidence", evidence_list(g->evidence, g->n_evidence));
    return ok ? o : (json_decref(o), NULL);
}

static json_t *causes(const runbook_result_t *r)
{
    json_t *a = json_array();
    bool ok = a != NULL;
    for (int c = 0; ok && c < r->n_causes; c++)
        ok = inc_json_add(a, cause(r, c));
    return ok ? a : (json_decref(a), NULL);
}

/* The header: who, when, where, which runbook, which erdiag. */
static bool header(json_t *root, const incident_t *inc)
{
    double dur = inc->start_utc > 0 && inc->end_utc > inc->start_utc ? inc->end_utc - inc->start_utc : 0;
    return inc_json_put(root, "schema_version", json_integer(INCIDENT_SCHEMA_VERSION)) &&
           inc_json_put(root, "incident_id", inc_json_str(inc->incident_id, false)) &&
           inc_json_put(root, "operator", inc_json_str(inc->operator_name, true)) &&
           inc_json_put(root, "start_utc", inc_json_time(inc->start_utc)) &&
           inc_json_put(root, "end_utc", inc_json_time(inc->end_utc)) &&
           inc_json_put(root, "duration_ms", json_integer((json_int_t)(dur * 1000 + 0.5))) &&
           inc_json_put(root, "finished", json_boolean(inc->finished)) &&
           inc_json_put(root, "torn_note", inc_json_str(inc->torn_note, true)) &&
           inc_json_put(root, "device", inc_json_str(inc->device, false)) &&
           inc_json_put(root, "vendor", inc_json_str(inc->vendor, true)) &&
           inc_json_put(root, "circuit", inc_json_str(inc->circuit, true)) &&
           inc_json_put(root, "peering", inc_json_str(inc->peering, true)) &&
           inc_json_put(root, "link", inc_json_str(inc->link, true)) &&
           inc_json_put(root, "runbook",
                        inc->runbook[0] ? inc_json_str(inc->runbook, false)
                                        : json_string(runbook_name(inc->result.runbook))) &&
           inc_json_put(root, "peer", inc_json_str(inc->peer, true)) &&
           inc_json_put(root, "erdiag_version", inc_json_str(inc->version, true));
}

int incident_write_json(FILE *f, const incident_t *inc)
{
    json_t *root = json_object();
    bool ok = root && header(root, inc) && inc_json_put(root, "summary", summary(inc)) &&
              inc_json_put(root, "steps", steps(&inc->result)) && inc_json_put(root, "causes", causes(&inc->result)) &&
              inc_json_put(root, "timeline", inc_json_timeline(inc)) &&
              inc_json_put(root, "notes", inc_json_notes(inc)) &&
              inc_json_put(root, "recommended_actions", inc_json_actions(inc)) &&
              inc_json_put(root, "appendix", inc_json_appendix(inc));
    if (ok)
        ok = json_dumpf(root, f, JSON_INDENT(2) | JSON_ENSURE_ASCII) == 0 && fputc('\n', f) != EOF && fflush(f) == 0 &&
             !ferror(f);
    json_decref(root);
    return ok ? 0 : -1;
}
