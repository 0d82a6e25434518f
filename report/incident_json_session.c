/* incident_json_session.c: the JSON report's record of the session: the timeline, the
 * operator's notes, the recommended actions (per cause, most likely first: the lines to type on
 * the platform, each marked disruptive or not, and the notes, a line for another place naming
 * it) and the appendix of raw answers, each string redacted (inc_json_string). */
#include <string.h>

#include "report/incident_int.h"

/* A note event carries the operator's words themselves, redacted as the line they wrote. */
static const char *event_text(const incident_t *inc, const incident_event_t *ev)
{
    for (size_t i = 0; strcmp(ev->kind, "note") == 0 && i < inc->n_notes; i++)
        if (inc->notes[i].journal_id == ev->journal_id)
            return inc->notes[i].text;
    return ev->text;
}

json_t *inc_json_timeline(const incident_t *inc)
{
    json_t *a = json_array();
    bool ok = a != NULL;
    for (size_t i = 0; ok && i < inc->n_events; i++) {
        const incident_event_t *ev = &inc->events[i];
        json_t *o = json_object();
        ok = inc_json_add(a, o) && inc_json_put(o, "journal_id", inc_json_id(ev->journal_id)) &&
             inc_json_put(o, "utc", inc_json_time(ev->utc)) && inc_json_put(o, "kind", inc_json_str(ev->kind, false)) &&
             inc_json_put(o, "step", inc_json_str(ev->step, true)) &&
             inc_json_put(o, "text", inc_json_str(event_text(inc, ev), false));
    }
    return ok ? a : (json_decref(a), NULL);
}

json_t *inc_json_notes(const incident_t *inc)
{
    json_t *a = json_array();
    bool ok = a != NULL;
    for (size_t i = 0; ok && i < inc->n_notes; i++) {
        const incident_note_t *n = &inc->notes[i];
        json_t *o = json_object();
        ok = inc_json_add(a, o) && inc_json_put(o, "journal_id", inc_json_id(n->journal_id)) &&
             inc_json_put(o, "utc", inc_json_time(n->utc)) && inc_json_put(o, "step", inc_json_str(n->step, true)) &&
             inc_json_put(o, "text", inc_json_str(n->text, false));
    }
    return ok ? a : (json_decref(a), NULL);
}

static json_t *action_lines(const step_result_t *s)
{
    json_t *a = json_array();
    bool ok = a != NULL;
    for (int i = 0; ok && i < s->n_next; i++) {
        json_t *o = json_object();
        ok = inc_json_add(a, o) && inc_json_put(o, "line", inc_json_str(s->next[i], false)) &&
             inc_json_put(o, "disruptive", json_boolean(s->next_disruptive[i]));
    }
    return ok ? a : (json_decref(a), NULL);
}

/* {"platform": "Azure CLI" | null, "text": ...}: a line for another place, or words. */
static json_t *action_notes(const step_result_t *s)
{
    json_t *a = json_array();
    bool ok = a != NULL;
    for (int i = 0; ok && i < s->n_note; i++) {
        const char *line, *place = inc_note_platform(s->note[i], &line);
        json_t *o = json_object();
        ok = inc_json_add(a, o) && inc_json_put(o, "platform", place ? json_string(place) : json_null()) &&
             inc_json_put(o, "text", inc_json_str(line, false));
    }
    return ok ? a : (json_decref(a), NULL);
}

json_t *inc_json_actions(const incident_t *inc)
{
    const runbook_result_t *r = &inc->result;
    json_t *a = json_array();
    bool ok = a != NULL;
    for (int c = 0; ok && c < r->n_causes; c++) {
        const step_result_t *s = &r->steps[r->causes[c]];
        json_t *o = json_object();
        ok = inc_json_add(a, o) && inc_json_put(o, "cause", json_string(s->cause)) &&
             inc_json_put(o, "step", json_string(s->id)) &&
             inc_json_put(o, "platform", inc_json_str(inc->vendor, true)) &&
             inc_json_put(o, "lines", action_lines(s)) && inc_json_put(o, "notes", action_notes(s));
    }
    return ok ? a : (json_decref(a), NULL);
}

json_t *inc_json_appendix(const incident_t *inc)
{
    json_t *a = json_array();
    bool ok = a != NULL;
    for (size_t i = 0; ok && i < inc->n_answers; i++) {
        const incident_answer_t *x = &inc->answers[i];
        json_t *o = json_object();
        ok = inc_json_add(a, o) && inc_json_put(o, "journal_id", inc_json_id(x->journal_id)) &&
             inc_json_put(o, "utc", inc_json_time(x->utc)) &&
             inc_json_put(o, "device", inc_json_str(x->device, false)) &&
             inc_json_put(o, "command", inc_json_str(x->command, false)) &&
             inc_json_put(o, "output", inc_json_string(x->output ? x->output : "", x->output ? x->len : 0)) &&
             inc_json_put(o, "error", inc_json_str(x->error, true));
    }
    return ok ? a : (json_decref(a), NULL);
}
