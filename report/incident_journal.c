/* incident_journal.c: an incident report's model filled from a session journal (see
 * incident.h): one pass over the entries for the header, the timeline, the notes and the raw
 * answers; the runbook result from the last "judgement" entry, exactly as the session judged
 * it, or (a session cut before its first judgement) from replaying the journal. */
#include <libgen.h>
#include <poll.h>
#include <stdlib.h>
#include <string.h>

#include "core/journal.h"
#include "core/utctime.h"
#include "engine/engine.h"
#include "framework/result_json.h"
#include "report/incident.h"

typedef struct {
    incident_t *inc;
    json_t *judgement; /* the last one's result (a reference) */
    size_t cap_events, cap_notes, cap_answers;
    int failed;
} reader_t;

#define GROW(arr, n, cap)                                                                    \
    ((n) < (cap) ? 0                                                                         \
                 : ((cap) = (cap) ? (cap) * 2 : 64, (arr) = reallocarray((arr), (cap), sizeof(*(arr))), (arr) ? 0 : -1))

static const char *str(const json_t *o, const char *key)
{
    const char *v = json_string_value(json_object_get(o, key));
    return v ? v : "";
}

static double entry_time(const json_t *e)
{
    double t = 0;
    return utc_parse(str(e, "utc"), &t) ? t : 0;
}

static void header(incident_t *inc, const json_t *e)
{
    snprintf(inc->device, sizeof(inc->device), "%s", str(e, "device"));
    snprintf(inc->vendor, sizeof(inc->vendor), "%s", str(e, "vendor"));
    snprintf(inc->circuit, sizeof(inc->circuit), "%s", str(e, "circuit"));
    /* The IPv6 peering of a dual-stack link is named as such ("private IPv6"); IPv4 as before. */
    snprintf(inc->peering, sizeof(inc->peering), "%s%s", str(e, "peering"),
             str(e, "peering")[0] && strcmp(str(e, "family"), "ipv6") == 0 ? " IPv6" : "");
    snprintf(inc->link, sizeof(inc->link), "%s", str(e, "link"));
    snprintf(inc->runbook, sizeof(inc->runbook), "%s", str(e, "runbook"));
    snprintf(inc->peer, sizeof(inc->peer), "%s", str(e, "peer"));
    snprintf(inc->version, sizeof(inc->version), "%s", str(e, "erdiag"));
    snprintf(inc->operator_name, sizeof(inc->operator_name), "%s", str(e, "operator"));
    inc->start_utc = entry_time(e);
}

/* The timeline's words for an entry; false for entries the timeline leaves out (requests
 * sent, parse details, the judgement itself: their substance is in other lines). */
static bool event_words(const json_t *e, const char *kind, char *text, size_t size, char *step, size_t stepsize)
{
    const json_t *was = json_object_get(e, "was");
    if (strcmp(kind, "session") == 0)
        snprintf(text, size, "session started: %s (%s), %s runbook, operator %s", str(e, "device"), str(e, "vendor"),
                 str(e, "runbook"), str(e, "operator"));
    else if (strcmp(kind, "answer") == 0)
        snprintf(text, size, "%s poll %lld: %s%s%s", str(e, "probe"), (long long)json_integer_value(json_object_get(e, "poll")),
                 strcmp(str(e, "error"), "none") == 0 ? "answered" : str(e, "error"), json_object_get(e, "message") ? ": " : "",
                 str(e, "message"));
    else if (strcmp(kind, "verdict") == 0)
        snprintf(step, stepsize, "%s", str(e, "step")),
        snprintf(text, size, "%s%s%s (%s)", was ? str(was, "verdict") : "", was ? " -> " : "", str(e, "verdict"), str(e, "cause"));
    else if (strcmp(kind, "status") == 0)
        snprintf(text, size, "status %s, root cause %s", str(e, "status"), str(e, "root_cause"));
    else if (strcmp(kind, "question") == 0)
        snprintf(text, size, "%s asked for %s (%s) %s", str(e, "asks"), str(e, "device"), str(e, "host"),
                 strcmp(str(e, "asks"), "hostkey") == 0 ? str(e, "fingerprint") : "");
    else if (strcmp(kind, "answered") == 0)
        snprintf(text, size, "answered: %s", str(e, "answer"));
    else if (strcmp(kind, "note") == 0)
        snprintf(step, stepsize, "%s", str(e, "step")), snprintf(text, size, "%s", str(e, "text"));
    else if (strcmp(kind, "import") == 0)
        snprintf(text, size, "imported %s: %s", str(e, "what"), str(e, "command"));
    else if (strcmp(kind, "console_tcp") == 0 || strcmp(kind, "warning") == 0)
        snprintf(text, size, "%s", str(e, "text"));
    else if (strcmp(kind, "error") == 0)
        snprintf(text, size, "%s: %s", str(e, "cause"), str(e, "error"));
    else if (strcmp(kind, JOURNAL_KIND_END) == 0)
        snprintf(text, size, "session ended");
    else
        return false;
    return true;
}

static int add_event(reader_t *r, const json_t *e, uint64_t id, const char *kind)
{
    incident_t *inc = r->inc;
    incident_event_t ev = {.journal_id = id, .utc = entry_time(e)};
    if (!event_words(e, kind, ev.text, sizeof(ev.text), ev.step, sizeof(ev.step)))
        return 0;
    snprintf(ev.kind, sizeof(ev.kind), "%s", kind);
    if (GROW(inc->events, inc->n_events, r->cap_events) != 0)
        return -1;
    inc->events[inc->n_events++] = ev;
    return 0;
}

static int add_note(reader_t *r, const json_t *e, uint64_t id)
{
    incident_t *inc = r->inc;
    if (GROW(inc->notes, inc->n_notes, r->cap_notes) != 0)
        return -1;
    incident_note_t *n = &inc->notes[inc->n_notes++];
    memset(n, 0, sizeof(*n));
    n->journal_id = id;
    n->utc = entry_time(e);
    snprintf(n->step, sizeof(n->step), "%s", str(e, "step"));
    snprintf(n->text, sizeof(n->text), "%s", str(e, "text"));
    return 0;
}

static int add_answer(reader_t *r, const json_t *e, uint64_t id)
{
    incident_t *inc = r->inc;
    if (GROW(inc->answers, inc->n_answers, r->cap_answers) != 0)
        return -1;
    incident_answer_t *a = &inc->answers[inc->n_answers];
    memset(a, 0, sizeof(*a));
    a->journal_id = id;
    a->utc = entry_time(e);
    snprintf(a->device, sizeof(a->device), "%s", str(e, "device"));
    snprintf(a->command, sizeof(a->command), "%s", str(e, "command"));
    if (strcmp(str(e, "error"), "none") != 0)
        snprintf(a->error, sizeof(a->error), "%s%s%s", probe_error_text(probe_error_from_name(str(e, "error"))),
                 json_object_get(e, "message") ? ": " : "", str(e, "message"));
    a->output = strdup(str(e, "output"));
    a->len = a->output ? strlen(a->output) : 0;
    inc->n_answers++;
    return a->output ? 0 : -1;
}

static int take(void *ud, const json_t *e, uint64_t id, const char *kind)
{
    reader_t *r = ud;
    r->inc->end_utc = entry_time(e);
    if (strcmp(kind, JOURNAL_KIND_SESSION) == 0 && !r->inc->device[0])
        header(r->inc, e);
    if (strcmp(kind, "judgement") == 0) {
        json_decref(r->judgement);
        r->judgement = json_incref(json_object_get(e, "result"));
    }
    int rc = add_event(r, e, id, kind);
    if (rc == 0 && strcmp(kind, "note") == 0)
        rc = add_note(r, e, id);
    if (rc == 0 && (strcmp(kind, "answer") == 0 || strcmp(kind, "import") == 0))
        rc = add_answer(r, e, id);
    return r->failed = rc;
}

/* No judgement in the journal: the session was cut before its first round was judged.  The
 * runbook is judged on what the journal holds, as `check --replay JOURNAL` would. */
static void judge_again(incident_t *inc, const char *path)
{
    runbook_id_t rb = RUNBOOK_BGP;
    runbook_from_name(inc->runbook, &rb);
    engine_opts_t o = {.device = inc->device, .replay = path, .runbook = rb, .no_journal = true};
    engine_t *e = engine_new(&o, NULL, NULL);
    if (e && engine_start(e) == 0)
        for (int i = 0; i < 100000 && engine_state(e) == ENGINE_COLLECTING; i++) {
            struct pollfd p = {.fd = engine_fd(e), .events = POLLIN};
            int wait = engine_timeout_ms(e);
            poll(&p, 1, wait < 0 || wait > 100 ? 100 : wait);
            engine_step(e);
        }
    if (e && engine_result(e))
        inc->result = *engine_result(e);
    else
        snprintf(inc->result.summary, sizeof(inc->result.summary), "%s: the session ended before anything was judged%s%s",
                 inc->device, e && engine_error(e, NULL, NULL) ? ": " : "", e && engine_error(e, NULL, NULL) ? engine_error(e, NULL, NULL) : "");
    if (!inc->result.status)
        inc->result.status = "UNKNOWN", inc->result.exit_code = 3;
    engine_free(e);
}

static void incident_id(incident_t *inc, const char *path)
{
    char copy[1200];
    snprintf(copy, sizeof(copy), "%s", path);
    const char *base = basename(copy);
    size_t n = strlen(base);
    snprintf(inc->incident_id, sizeof(inc->incident_id), "%.*s", (int)(n > 6 && strcmp(base + n - 6, ".jsonl") == 0 ? n - 6 : n),
             base);
}

int incident_from_journal(const char *path, incident_t *inc, char *err, size_t errlen)
{
    reader_t r = {.inc = inc};
    journal_read_status_t st;
    memset(inc, 0, sizeof(*inc));
    int rc = journal_read(path, take, &r, &st, err, errlen);
    if (rc == 1 || (rc == 0 && !inc->device[0])) {
        snprintf(err, errlen, "%s: %s", path, r.failed ? "out of memory" : "no session entry: not an erdiag journal");
        rc = -1;
    }
    if (rc != 0) {
        json_decref(r.judgement);
        incident_free(inc);
        return -1;
    }
    incident_id(inc, path);
    inc->finished = st.finished;
    snprintf(inc->torn_note, sizeof(inc->torn_note), "%s", st.torn ? st.torn_note : "");
    if (!r.judgement || runbook_result_from_json(r.judgement, &inc->result) != 0)
        judge_again(inc, path);
    json_decref(r.judgement);
    incident_narrative(inc);
    return 0;
}
