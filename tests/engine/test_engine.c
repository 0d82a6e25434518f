/* test_engine.c: the session engine on bundled scenarios: a runbook judged to the same root
 * cause `check` prints, every answer matched to its request, steps waiting until their own
 * probes answer, verdicts re-judged as answers arrive, a refresh and a re-run that poll again
 * only what they should, and questions from a worker thread answered by the caller (host key
 * once, a password that is wiped, a question refused when the engine goes away). */
#include <poll.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "engine/engine.h"
#include "engine/internal.h"
#include "tests/testhelp.h"

#define SCENARIOS FIXTURE_DIR "/../../scenarios/"

typedef struct {
    int sent, replies, verdicts, warnings, questions, imported;
    bool reply_without_job;
    bool ids_matched; /* every reply came for the job that asked it */
} seen_t;

static void on_event(void *ud, const engine_event_t *ev)
{
    seen_t *s = ud;
    switch (ev->kind) {
    case ENGINE_EV_SENT: s->sent++; break;
    case ENGINE_EV_REPLY:
        s->replies++;
        if (!ev->job || !ev->reply)
            s->reply_without_job = true;
        else if (ev->reply->id != 0 && ev->reply->probe != ev->job->req.probe)
            s->ids_matched = false;
        break;
    case ENGINE_EV_VERDICT: s->verdicts++; break;
    case ENGINE_EV_WARNING: s->warnings++; break;
    case ENGINE_EV_QUESTION: s->questions++; break;
    case ENGINE_EV_IMPORTED: s->imported++; break;
    default: break;
    }
}

/* Steps the engine until it leaves ENGINE_COLLECTING (at most 10 s). */
static engine_state_t run_round(engine_t *e)
{
    engine_state_t st = engine_state(e);
    for (int i = 0; i < 2000 && st == ENGINE_COLLECTING; i++) {
        struct pollfd p = {.fd = engine_fd(e), .events = POLLIN};
        int wait = engine_timeout_ms(e);
        poll(&p, 1, wait < 0 || wait > 5 ? 5 : wait);
        st = engine_step(e);
    }
    return st;
}

static engine_t *start(const char *scenario, runbook_id_t rb, bool live, seen_t *s)
{
    static char dir[512];
    snprintf(dir, sizeof(dir), SCENARIOS "%s", scenario);
    engine_opts_t o = {.device = "ce1-nyc", .replay = dir, .runbook = rb, .interval = 0, .live = live};
    memset(s, 0, sizeof(*s));
    s->ids_matched = true;
    engine_t *e = engine_new(&o, on_event, s);
    assert_non_null(e);
    assert_int_equal(engine_start(e), 0);
    return e;
}

static const char *root_cause(const engine_t *e)
{
    const runbook_result_t *r = engine_result(e);
    return r && r->n_causes ? r->steps[r->causes[0]].cause : "none";
}

static int step_index(const engine_t *e, const char *id)
{
    const runbook_result_t *r = engine_result(e);
    for (int i = 0; r && i < r->n_steps; i++)
        if (strcmp(r->steps[i].id, id) == 0)
            return i;
    return -1;
}

static void judges_a_scenario_as_check_does(void **state)
{
    (void)state;
    seen_t s;
    engine_t *e = start("asn-mismatch-ios", RUNBOOK_BGP, false, &s);
    assert_null(engine_result(e)); /* nothing judged before an answer */
    assert_true(engine_step_waiting(e, 0));
    assert_int_equal(run_round(e), ENGINE_JUDGED);
    assert_string_equal(root_cause(e), "peer_as_mismatch");
    assert_string_equal(engine_result(e)->status, "CRITICAL");
    /* every request sent came back, each to the job that asked it */
    assert_true(s.sent > 5);
    assert_true(s.replies >= s.sent);
    assert_true(s.ids_matched);
    assert_false(s.reply_without_job);
    for (size_t i = 0; i < engine_job_count(e); i++) {
        const engine_job_t *j = engine_job(e, i);
        assert_int_equal(j->done, j->wanted);
        assert_false(j->asked);
    }
    for (int i = 0; i < engine_result(e)->n_steps; i++)
        assert_false(engine_step_waiting(e, i));
    assert_true(s.verdicts >= 1);
    engine_free(e);
}

/* Verdicts are judged as answers arrive, not once at the end. */
static void judges_as_answers_arrive(void **state)
{
    (void)state;
    seen_t s;
    engine_t *e = start("healthy-ios", RUNBOOK_BGP, false, &s);
    int judged_while_collecting = 0;
    for (int i = 0; i < 2000 && engine_state(e) == ENGINE_COLLECTING; i++) {
        struct pollfd p = {.fd = engine_fd(e), .events = POLLIN};
        poll(&p, 1, 5);
        if (engine_step(e) == ENGINE_COLLECTING && engine_result(e))
            judged_while_collecting++;
    }
    assert_int_equal(engine_state(e), ENGINE_JUDGED);
    assert_true(judged_while_collecting > 0);
    assert_string_equal(engine_result(e)->status, "OK");
    engine_free(e);
}

static const engine_job_t *job_for(const engine_t *e, probe_id_t probe)
{
    for (size_t i = 0; i < engine_job_count(e); i++)
        if (engine_job(e, i)->req.probe == probe && !engine_job(e, i)->reverse)
            return engine_job(e, i);
    return NULL;
}

/* A refresh polls everything once more; a live session keeps the two newest answers. */
static void refresh_polls_everything_again(void **state)
{
    (void)state;
    seen_t s;
    engine_t *e = start("crc-rising-ios", RUNBOOK_BGP, true, &s);
    assert_int_equal(run_round(e), ENGINE_JUDGED);
    const engine_job_t *ifs = job_for(e, PROBE_INTERFACES), *nb = job_for(e, PROBE_BGP_NEIGHBOR);
    assert_non_null(ifs);
    assert_non_null(nb);
    assert_int_equal(ifs->done, 2);
    assert_int_equal(nb->done, 1);
    int replies = s.replies;
    engine_refresh(e);
    assert_int_equal(engine_state(e), ENGINE_COLLECTING);
    assert_int_equal(run_round(e), ENGINE_JUDGED);
    assert_int_equal(ifs->done, 3);
    assert_int_equal(nb->done, 2);
    assert_non_null(ifs->reply[0]);
    assert_non_null(ifs->reply[1]);
    assert_int_equal(s.replies - replies, (int)engine_job_count(e));
    /* the two newest polls, oldest first: the recording's second, then its first again */
    assert_non_null(strstr(ifs->reply[0]->result.output, "18911 CRC"));
    assert_non_null(strstr(ifs->reply[1]->result.output, "18204 CRC"));
    engine_free(e);
}

/* Re-running a step polls only what that step judges from. */
static void rerun_polls_only_the_steps_probes(void **state)
{
    (void)state;
    seen_t s;
    engine_t *e = start("healthy-ios", RUNBOOK_BGP, true, &s);
    assert_int_equal(run_round(e), ENGINE_JUDGED);
    int session = step_index(e, "session");
    assert_true(session >= 0);
    int ifs_before = job_for(e, PROBE_INTERFACES)->done, nb_before = job_for(e, PROBE_BGP_NEIGHBOR)->done;
    engine_rerun_step(e, session);
    assert_int_equal(run_round(e), ENGINE_JUDGED);
    assert_int_equal(job_for(e, PROBE_INTERFACES)->done, ifs_before);
    assert_int_equal(job_for(e, PROBE_BGP_NEIGHBOR)->done, nb_before + 1);
    engine_free(e);
}

static void unknown_device_is_a_usage_error(void **state)
{
    (void)state;
    engine_opts_t o = {.device = "ce1-nyk", .replay = SCENARIOS "healthy-ios", .runbook = RUNBOOK_BGP};
    engine_t *e = engine_new(&o, NULL, NULL);
    assert_int_equal(engine_start(e), -1);
    assert_int_equal(engine_state(e), ENGINE_FAILED);
    const char *step = NULL, *cause = NULL, *err = engine_error(e, &step, &cause);
    assert_non_null(err);
    assert_string_equal(cause, "usage_error");
    assert_non_null(strstr(err, "ce1-nyk"));
    engine_free(e);
}

/* ---- questions: asked from a worker thread, answered on the caller's ---- */

typedef struct {
    engine_t *e;
    hostkey_answer_t got;
    int secret_rc;
    char secret[64];
} asker_t;

static void *ask_hostkey(void *arg)
{
    asker_t *a = arg;
    a->got = questions_hostkey(a->e, "10.0.0.1", "SHA256:abcdef");
    return NULL;
}

static void *ask_secret(void *arg)
{
    asker_t *a = arg;
    a->secret_rc = questions_secret(a->e, "Password: ", false, a->secret, sizeof(a->secret));
    return NULL;
}

/* Waits (at most 5 s) for the engine's fd to say a question is open. */
static const engine_question_t *wait_question(engine_t *e)
{
    for (int i = 0; i < 500; i++) {
        struct pollfd p = {.fd = engine_fd(e), .events = POLLIN};
        if (poll(&p, 1, 10) > 0) {
            engine_step(e);
            if (engine_question(e))
                return engine_question(e);
        }
    }
    return NULL;
}

/* An engine with a worker thread (fn) asking a; returns the open question (NULL: none came). */
static const engine_question_t *ask(engine_t **e, seen_t *s, asker_t *a, void *(*fn)(void *), pthread_t *t)
{
    engine_opts_t o = {.device = "x", .runbook = RUNBOOK_BGP};
    *e = engine_new(&o, on_event, s);
    assert_non_null(*e);
    a->e = *e;
    assert_int_equal(pthread_create(t, NULL, fn, a), 0);
    return wait_question(*e);
}

static void hostkey_question_answered_once(void **state)
{
    (void)state;
    seen_t s = {0};
    engine_t *e;
    asker_t a = {.got = HOSTKEY_REFUSE};
    pthread_t t;
    const engine_question_t *q = ask(&e, &s, &a, ask_hostkey, &t);
    assert_non_null(q);
    assert_int_equal(q->kind, ENGINE_Q_HOSTKEY);
    assert_string_equal(q->host, "10.0.0.1");
    assert_string_equal(q->fingerprint, "SHA256:abcdef");
    assert_int_equal(s.questions, 1);
    engine_answer_hostkey(e, q->id + 1, HOSTKEY_ACCEPT_SAVE); /* a stale id answers nothing */
    assert_non_null(engine_question(e));
    engine_answer_hostkey(e, q->id, HOSTKEY_ACCEPT_ONCE);
    pthread_join(t, NULL);
    assert_int_equal(a.got, HOSTKEY_ACCEPT_ONCE);
    assert_null(engine_question(e));
    engine_free(e);
}

static void secret_question_wiped_after_use(void **state)
{
    (void)state;
    seen_t s = {0};
    engine_t *e;
    asker_t a = {0};
    pthread_t t;
    const engine_question_t *q = ask(&e, &s, &a, ask_secret, &t);
    assert_non_null(q);
    assert_int_equal(q->kind, ENGINE_Q_SECRET);
    assert_string_equal(q->prompt, "Password: ");
    assert_false(q->echo);
    engine_answer_secret(e, q->id, "s3cret-pw");
    pthread_join(t, NULL);
    assert_int_equal(a.secret_rc, 0);
    assert_string_equal(a.secret, "s3cret-pw");
    char zero[sizeof(e->questions.secret)] = {0};
    assert_memory_equal(e->questions.secret, zero, sizeof(zero));
    engine_free(e);
}

static void question_refused_when_the_engine_goes(void **state)
{
    (void)state;
    seen_t s = {0};
    engine_t *e;
    asker_t a = {.got = HOSTKEY_ACCEPT_SAVE};
    pthread_t t;
    assert_non_null(ask(&e, &s, &a, ask_hostkey, &t));
    questions_close(&e->questions); /* what engine_free does first */
    pthread_join(t, NULL);
    assert_int_equal(a.got, HOSTKEY_REFUSE);
    engine_free(e);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(judges_a_scenario_as_check_does),
        cmocka_unit_test(judges_as_answers_arrive),
        cmocka_unit_test(refresh_polls_everything_again),
        cmocka_unit_test(rerun_polls_only_the_steps_probes),
        cmocka_unit_test(unknown_device_is_a_usage_error),
        cmocka_unit_test(hostkey_question_answered_once),
        cmocka_unit_test(secret_question_wiped_after_use),
        cmocka_unit_test(question_refused_when_the_engine_goes),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
