/* result_json.c: runbook results to JSON and back (see result_json.h). */
#include "framework/result_json.h"

#include <stdio.h>
#include <string.h>

#include "core/redact.h"
#include "core/utf8.h"

json_t *result_json_string(const char *s)
{
    char buf[4096], valid[3 * sizeof(buf)]; /* each invalid byte becomes 3-byte U+FFFD */
    snprintf(buf, sizeof(buf), "%s", s);
    redact_inplace(buf, sizeof(buf));
    utf8_repair(buf, valid, sizeof(valid));
    return json_string(valid);
}

json_t *evidence_ref_json(const evidence_ref_t *e)
{
    json_t *o = json_pack("{s:I}", "journal_id", (json_int_t)e->journal_id);
    json_object_set_new(o, "command", result_json_string(e->command));
    json_object_set_new(o, "line", result_json_string(e->line));
    return o;
}

/* "next": the lines to type; "note": explanations and lines for elsewhere; "disruptive": the
 * indexes into next of lines that reset a session or a link. */
static void remedy_json(json_t *o, const step_result_t *s)
{
    json_t *next = json_array(), *note = json_array(), *disruptive = json_array();
    for (int i = 0; i < s->n_next; i++) {
        json_array_append_new(next, result_json_string(s->next[i]));
        if (s->next_disruptive[i])
            json_array_append_new(disruptive, json_integer(i));
    }
    for (int i = 0; i < s->n_note; i++)
        json_array_append_new(note, result_json_string(s->note[i]));
    json_object_set_new(o, "next", next);
    json_object_set_new(o, "note", note);
    json_object_set_new(o, "disruptive", disruptive);
}

json_t *step_result_json(const step_result_t *s)
{
    json_t *o = json_pack("{s:s, s:s, s:s, s:s}", "id", s->id, "title", s->title, "verdict",
                          verdict_name(s->verdict), "cause", s->cause);
    json_object_set_new(o, "finding", result_json_string(s->finding));
    json_t *ev = json_array();
    for (int i = 0; i < s->n_evidence; i++)
        json_array_append_new(ev, evidence_ref_json(&s->evidence[i]));
    json_object_set_new(o, "evidence", ev);
    remedy_json(o, s);
    if (s->follows) /* its result follows from that step's cause (a key added last) */
        json_object_set_new(o, "follows", json_string(s->follows));
    return o;
}

static json_t *int_array(const int *v, int n)
{
    json_t *a = json_array();
    for (int i = 0; i < n; i++)
        json_array_append_new(a, json_integer(v[i]));
    return a;
}

json_t *runbook_result_to_json(const runbook_result_t *r)
{
    json_t *o = json_pack("{s:s, s:s, s:s, s:i}", "runbook", runbook_name(r->runbook), "family", family_name(r->family),
                          "status", r->status ? r->status : "UNKNOWN", "exit_code", r->exit_code);
    json_object_set_new(o, "summary", result_json_string(r->summary));
    json_t *steps = json_array(), *groups = json_array();
    for (int i = 0; i < r->n_steps; i++)
        json_array_append_new(steps, step_result_json(&r->steps[i]));
    for (int i = 0; i < r->n_causes; i++) {
        json_t *ev = json_array();
        for (int k = 0; k < r->groups[i].n_evidence; k++)
            json_array_append_new(ev, evidence_ref_json(&r->groups[i].evidence[k]));
        json_array_append_new(groups, json_pack("{s:o, s:o}", "steps", int_array(r->groups[i].steps, r->groups[i].n_steps),
                                                "evidence", ev));
    }
    json_object_set_new(o, "steps", steps);
    json_object_set_new(o, "causes", int_array(r->causes, r->n_causes));
    json_object_set_new(o, "groups", groups);
    return o;
}

/* ---- back ---- */

static void copy(char *dst, size_t size, const json_t *o, const char *key)
{
    const char *v = json_string_value(json_object_get(o, key));
    snprintf(dst, size, "%s", v ? v : "");
}

static void evidence_from(const json_t *o, evidence_ref_t *e)
{
    e->journal_id = (uint64_t)json_integer_value(json_object_get(o, "journal_id"));
    copy(e->command, sizeof(e->command), o, "command");
    copy(e->line, sizeof(e->line), o, "line");
}

static const step_def_t *step_def(runbook_id_t rb, const char *id)
{
    size_t n;
    const step_def_t *defs = runbook_steps(rb, &n);
    for (size_t i = 0; id && i < n; i++)
        if (strcmp(defs[i].id, id) == 0)
            return &defs[i];
    return NULL;
}

static bool verdict_from(const char *name, verdict_t *v)
{
    for (int i = VERDICT_PASS; name && i <= VERDICT_SKIP; i++)
        if (strcmp(name, verdict_name((verdict_t)i)) == 0)
            return *v = (verdict_t)i, true;
    return false;
}

static void lines_from(const json_t *a, char (*dst)[sizeof(((step_result_t *)0)->next[0])], int max, int *n)
{
    size_t i;
    const json_t *v;
    *n = 0;
    json_array_foreach(a, i, v)
        if (*n < max)
            snprintf(dst[(*n)++], sizeof(dst[0]), "%s", json_string_value(v) ? json_string_value(v) : "");
}

static int step_from(runbook_id_t rb, const json_t *o, step_result_t *s)
{
    const step_def_t *d = step_def(rb, json_string_value(json_object_get(o, "id")));
    if (!d || !verdict_from(json_string_value(json_object_get(o, "verdict")), &s->verdict))
        return -1;
    s->id = d->id;
    s->title = d->title;
    copy(s->cause, sizeof(s->cause), o, "cause");
    copy(s->finding, sizeof(s->finding), o, "finding");
    size_t i;
    const json_t *v;
    json_array_foreach(json_object_get(o, "evidence"), i, v)
        if (s->n_evidence < STEP_MAX_EVIDENCE)
            evidence_from(v, &s->evidence[s->n_evidence++]);
    lines_from(json_object_get(o, "next"), s->next, STEP_MAX_NEXT, &s->n_next);
    json_array_foreach(json_object_get(o, "disruptive"), i, v) {
        json_int_t k = json_integer_value(v);
        if (k >= 0 && k < s->n_next)
            s->next_disruptive[k] = true;
    }
    json_array_foreach(json_object_get(o, "note"), i, v)
        if (s->n_note < STEP_MAX_NOTES)
            snprintf(s->note[s->n_note++], sizeof(s->note[0]), "%s", json_string_value(v) ? json_string_value(v) : "");
    const step_def_t *f = step_def(rb, json_string_value(json_object_get(o, "follows")));
    s->follows = f ? f->id : NULL;
    return 0;
}

/* The index at a[i] when it names one of the n steps, else -1. */
static int index_at(const json_t *a, size_t i, int n)
{
    json_int_t k = json_integer_value(json_array_get(a, i));
    return json_is_integer(json_array_get(a, i)) && k >= 0 && k < n ? (int)k : -1;
}

static int causes_from(const json_t *j, runbook_result_t *r)
{
    const json_t *causes = json_object_get(j, "causes"), *groups = json_object_get(j, "groups");
    for (size_t i = 0; i < json_array_size(causes) && r->n_causes < RUNBOOK_MAX_STEPS; i++) {
        int k = index_at(causes, i, r->n_steps);
        const json_t *g = json_array_get(groups, i), *gs = json_object_get(g, "steps");
        if (k < 0)
            return -1;
        cause_group_t *cg = &r->groups[r->n_causes];
        r->causes[r->n_causes++] = k;
        for (size_t m = 0; m < json_array_size(gs) && cg->n_steps < RUNBOOK_MAX_STEPS; m++)
            if ((cg->steps[cg->n_steps] = index_at(gs, m, r->n_steps)) >= 0)
                cg->n_steps++;
        size_t m;
        const json_t *v;
        json_array_foreach(json_object_get(g, "evidence"), m, v)
            if (cg->n_evidence < CAUSE_MAX_EVIDENCE)
                evidence_from(v, &cg->evidence[cg->n_evidence++]);
    }
    return 0;
}

/* The status word as the static string runbook_evaluate uses (report code compares them). */
static const char *status_from(const char *s)
{
    static const char *const words[] = {"OK", "WARNING", "CRITICAL", "UNKNOWN"};
    for (int i = 0; s && i < 4; i++)
        if (strcmp(s, words[i]) == 0)
            return words[i];
    return "UNKNOWN";
}

int runbook_result_from_json(const json_t *j, runbook_result_t *out)
{
    memset(out, 0, sizeof(*out));
    if (!json_is_object(j) || !runbook_from_name(json_string_value(json_object_get(j, "runbook")), &out->runbook))
        return -1;
    const char *family = json_string_value(json_object_get(j, "family"));
    out->family = family && family_from_name(family) ? family_from_name(family) : FAMILY_IPV4;
    out->status = status_from(json_string_value(json_object_get(j, "status")));
    out->exit_code = (int)json_integer_value(json_object_get(j, "exit_code"));
    copy(out->summary, sizeof(out->summary), j, "summary");
    size_t i;
    const json_t *v;
    json_array_foreach(json_object_get(j, "steps"), i, v) {
        if (out->n_steps >= RUNBOOK_MAX_STEPS || step_from(out->runbook, v, &out->steps[out->n_steps]) != 0)
            return -1;
        out->n_steps++;
    }
    return causes_from(j, out);
}
