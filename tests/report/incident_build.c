/* incident_build.c: incidents for the report tests, built the way a journal would fill them but
 * with a test clock: a bundled scenario judged by the engine (as tests/engine/test_engine.c
 * runs it), its answers journaled in job order with ids 1..n and times
 * 2026-12-07T05:01:21Z + id seconds, each evidence line pointed at the answer of its command. */
#include <poll.h>
#include <stdlib.h>
#include <string.h>

#include "engine/engine.h"
#include "probes/transport.h"
#include "tests/report/incident_build.h"
#include "tests/testhelp.h"

/* Appends an element to an array the incident owns, growing it by one; fails the test when
 * out of memory. */
#define GROW(arr, n) ((arr) = realloc((arr), ((n) + 1) * sizeof(*(arr))), assert_non_null(arr), &(arr)[(n)++])

uint64_t ib_event(incident_t *inc, uint64_t id, const char *kind, const char *step, const char *text)
{
    incident_event_t *ev = GROW(inc->events, inc->n_events);
    memset(ev, 0, sizeof(*ev));
    ev->journal_id = id;
    ev->utc = IB_T0 + (double)(id - 1);
    snprintf(ev->kind, sizeof(ev->kind), "%s", kind);
    snprintf(ev->step, sizeof(ev->step), "%s", step);
    snprintf(ev->text, sizeof(ev->text), "%s", text);
    inc->end_utc = ev->utc;
    return id + 1;
}

uint64_t ib_note(incident_t *inc, uint64_t id, const char *step, const char *text)
{
    incident_note_t *n = GROW(inc->notes, inc->n_notes);
    memset(n, 0, sizeof(*n));
    n->journal_id = id;
    n->utc = IB_T0 + (double)(id - 1);
    snprintf(n->step, sizeof(n->step), "%s", step);
    snprintf(n->text, sizeof(n->text), "%s", text);
    return ib_event(inc, id, "note", step, "note");
}

uint64_t ib_answer(incident_t *inc, uint64_t id, const char *command, const char *output, size_t len, const char *error)
{
    incident_answer_t *a = GROW(inc->answers, inc->n_answers);
    memset(a, 0, sizeof(*a));
    a->journal_id = id;
    a->utc = IB_T0 + (double)(id - 1);
    snprintf(a->device, sizeof(a->device), "%s", inc->device);
    snprintf(a->command, sizeof(a->command), "%s", command);
    a->output = malloc(len + 1);
    assert_non_null(a->output);
    memcpy(a->output, output, len);
    a->output[len] = '\0';
    a->len = len;
    snprintf(a->error, sizeof(a->error), "%s", error);
    char text[640];
    if (error[0])
        snprintf(text, sizeof(text), "%s failed: %s", command, error);
    else
        snprintf(text, sizeof(text), "%s answered: %zu bytes", command, len);
    return ib_event(inc, id, "answer", "", text);
}

void ib_header(incident_t *inc, const char *device, const char *vendor, const char *runbook)
{
    memset(inc, 0, sizeof(*inc));
    snprintf(inc->incident_id, sizeof(inc->incident_id), "erdiag-%s-20261207T050121Z-4242", device);
    snprintf(inc->operator_name, sizeof(inc->operator_name), "noc-anna");
    inc->start_utc = inc->end_utc = IB_T0;
    inc->finished = true;
    snprintf(inc->device, sizeof(inc->device), "%s", device);
    snprintf(inc->vendor, sizeof(inc->vendor), "%s", vendor);
    snprintf(inc->circuit, sizeof(inc->circuit), "er-nyc-01");
    snprintf(inc->peering, sizeof(inc->peering), "private");
    snprintf(inc->link, sizeof(inc->link), "primary");
    snprintf(inc->runbook, sizeof(inc->runbook), "%s", runbook);
    snprintf(inc->peer, sizeof(inc->peer), "192.168.100.130");
    snprintf(inc->version, sizeof(inc->version), "0.1.0"); /* fixed: goldens outlive releases */
}

/* ---- a scenario, judged by the engine ---- */

typedef struct {
    probe_reply_t imported[4]; /* the imports' replies, copied (output owned here) */
    int n_imported;
} imports_t;

static void on_event(void *ud, const engine_event_t *ev)
{
    imports_t *im = ud;
    if (ev->kind != ENGINE_EV_IMPORTED || im->n_imported >= 4)
        return;
    probe_reply_t *c = &im->imported[im->n_imported++];
    *c = *ev->reply;
    c->records = NULL;
    c->n_records = 0;
    c->result.output = strndup(ev->reply->result.output ? ev->reply->result.output : "", ev->reply->result.len);
    assert_non_null(c->result.output);
}

static void run_round(engine_t *e)
{
    for (int i = 0; i < 2000 && engine_state(e) == ENGINE_COLLECTING; i++) {
        struct pollfd p = {.fd = engine_fd(e), .events = POLLIN};
        int wait = engine_timeout_ms(e);
        poll(&p, 1, wait < 0 || wait > 5 ? 5 : wait);
        engine_step(e);
    }
    assert_int_equal(engine_state(e), ENGINE_JUDGED);
}

static uint64_t journal_reply(incident_t *inc, uint64_t id, const probe_reply_t *rp)
{
    char error[256] = "";
    if (rp->result.error != 0)
        snprintf(error, sizeof(error), "%s: %.200s", probe_error_text(rp->result.error), rp->result.message);
    const char *out = rp->result.output ? rp->result.output : "";
    return ib_answer(inc, id, rp->command, out, rp->result.output ? rp->result.len : 0, error);
}

/* The newest answer of command: the evidence of a twice-polled probe is from its latest poll. */
static uint64_t answer_of(const incident_t *inc, const char *command)
{
    for (size_t i = inc->n_answers; i-- > 0;)
        if (strcmp(inc->answers[i].command, command) == 0)
            return inc->answers[i].journal_id;
    return 0;
}

void ib_link_evidence(incident_t *inc)
{
    runbook_result_t *r = &inc->result;
    for (int i = 0; i < r->n_steps; i++)
        for (int k = 0; k < r->steps[i].n_evidence; k++)
            r->steps[i].evidence[k].journal_id = answer_of(inc, r->steps[i].evidence[k].command);
    for (int c = 0; c < r->n_causes; c++)
        for (int k = 0; k < r->groups[c].n_evidence; k++)
            r->groups[c].evidence[k].journal_id = answer_of(inc, r->groups[c].evidence[k].command);
}

/* Answers in job order (each job's polls oldest first), then the imports. */
static uint64_t journal_answers(incident_t *inc, uint64_t id, const engine_t *e, imports_t *im)
{
    for (size_t j = 0; j < engine_job_count(e); j++)
        for (int k = 0; k < 2; k++)
            if (engine_job(e, j)->reply[k])
                id = journal_reply(inc, id, engine_job(e, j)->reply[k]);
    for (int i = 0; i < im->n_imported; i++) {
        id = journal_reply(inc, id, &im->imported[i]);
        free(im->imported[i].result.output);
    }
    return id;
}

/* The step the root cause names, "" when none. */
static const char *root_step(const runbook_result_t *r)
{
    return r->n_causes ? r->steps[r->causes[0]].id : "";
}

void ib_scenario(incident_t *inc, const char *scenario, runbook_id_t rb, bool imports)
{
    char dir[256], trace[300], routes[300], text[640];
    snprintf(dir, sizeof(dir), "scenarios/%s", scenario); /* relative: the goldens hold no checkout path */
    snprintf(trace, sizeof(trace), "%s/reverse_trace.txt", dir);
    snprintf(routes, sizeof(routes), "%s/azure_routes.json", dir);
    engine_opts_t o = {.device = "ce1-nyc",
                       .replay = dir,
                       .runbook = rb,
                       .reverse_trace = imports ? trace : NULL,
                       .azure_routes = imports ? routes : NULL};
    imports_t im = {0};
    engine_t *e = engine_new(&o, on_event, &im);
    assert_non_null(e);
    assert_int_equal(engine_start(e), 0);
    run_round(e);
    ib_header(inc, "ce1-nyc", engine_device(e)->vendor, runbook_name(rb));
    inc->result = *engine_result(e);
    snprintf(text, sizeof(text), "session started: ce1-nyc, runbook %s, replay %s", runbook_name(rb), dir);
    uint64_t id = ib_event(inc, 1, "session", "", text);
    id = journal_answers(inc, id, e, &im);
    engine_free(e);
    ib_link_evidence(inc);
    const runbook_result_t *r = &inc->result;
    if (r->n_causes) {
        const step_result_t *s = &r->steps[r->causes[0]];
        snprintf(text, sizeof(text), "%s: PASS -> %s (%s)", s->id, verdict_name(s->verdict), s->cause);
        id = ib_event(inc, id, "verdict", s->id, text);
    }
    id = ib_note(inc, id, root_step(r),
                 "Called Microsoft support: ticket 2612070010001234 opened, the MSEE side agrees.");
    id = ib_note(inc, id, "", "Customer confirms no change window tonight; *not* a planned outage (see <CHG-4411>).");
    ib_event(inc, id, "end", "", "session ended by the operator");
    incident_narrative(inc);
}
