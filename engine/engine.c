/* engine.c: a session's life (start, step, refresh, free) and what its clients may read.  The
 * work itself is in jobs.c (requests and answers), transports.c, imports.c, console_tcp.c,
 * questions.c and record_extras.c. */
#include "engine/engine.h"

#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/epoll.h>
#include <sys/eventfd.h>
#include <unistd.h>

#include "core/clock.h"
#include "core/utctime.h"
#include "engine/device_load.h"
#include "engine/internal.h"

uint64_t engine_emit(engine_t *e, engine_event_kind_t kind, const engine_job_t *job, int poll,
                     const probe_reply_t *reply, const char *text)
{
    engine_event_t ev = {.kind = kind, .utc = utc_now(), .job = job, .poll = poll, .reply = reply, .text = text};
    if (kind == ENGINE_EV_VERDICT)
        ev.step = poll;
    uint64_t id = jevents_event(e, &ev);
    if (e->on_event)
        e->on_event(e->ud, &ev);
    return id;
}

void engine_warn(engine_t *e, const char *fmt, ...)
{
    char text[1400];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(text, sizeof(text), fmt, ap);
    va_end(ap);
    engine_emit(e, ENGINE_EV_WARNING, NULL, 0, NULL, text);
}

int engine_fail(engine_t *e, const char *step, const char *cause, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(e->error, sizeof(e->error), fmt, ap);
    va_end(ap);
    e->error_step = step;
    e->error_cause = cause;
    e->state = ENGINE_FAILED;
    return -1;
}

/* Makes engine_fd() readable (from any thread). */
void engine_wake(engine_t *e)
{
    uint64_t one = 1;
    if (write(e->wake_fd, &one, sizeof(one)) < 0) {
        /* EAGAIN: the counter is already non-zero, the caller will wake anyway */
    }
}

static int watch(engine_t *e, int fd)
{
    struct epoll_event ev = {.events = EPOLLIN, .data.fd = fd};
    return epoll_ctl(e->poll_fd, EPOLL_CTL_ADD, fd, &ev);
}

engine_t *engine_new(const engine_opts_t *opts, engine_event_fn on_event, void *ud)
{
    engine_t *e = calloc(1, sizeof(*e));
    if (!e)
        return NULL;
    e->o = *opts;
    e->on_event = on_event;
    e->ud = ud;
    e->wake_fd = eventfd(0, EFD_NONBLOCK | EFD_CLOEXEC);
    e->poll_fd = epoll_create1(EPOLL_CLOEXEC);
    questions_init(&e->questions);
    pthread_mutex_init(&e->tcp.lock, NULL);
    if (e->wake_fd < 0 || e->poll_fd < 0 || watch(e, e->wake_fd) != 0) {
        engine_free(e);
        return NULL;
    }
    return e;
}

/* --replay JOURNAL: the device is the one the journal recorded (with --inventory, that file's
 * expectations, for a device the journal names). */
static int journal_device(engine_t *e, char *err, size_t errlen)
{
    const char *ini = journal_source_devices(e->source);
    if (!e->o.inventory) {
        if (inventory_load_string(&e->inv, e->o.replay, ini, err, errlen) != 0)
            return -1;
    } else if (device_load(NULL, e->o.inventory, e->o.device, &e->inv, &e->dev, err, errlen) != 0) {
        return -1;
    }
    inventory_t rec = {0};
    bool recorded = inventory_load_string(&rec, e->o.replay, ini, err, errlen) == 0 && inventory_find(&rec, e->o.device);
    inventory_free(&rec);
    e->dev = inventory_find(&e->inv, e->o.device);
    if (!recorded || !e->dev)
        snprintf(err, errlen, "journal %s records no device '%s'", e->o.replay, e->o.device);
    return recorded && e->dev ? 0 : -1;
}

static int load_source(engine_t *e)
{
    char err[1300], torn[128];
    if (!e->o.replay || !journal_source_is_file(e->o.replay))
        return 0;
    e->source = journal_source_load(e->o.replay, torn, sizeof(torn), err, sizeof(err));
    if (!e->source)
        return engine_fail(e, "none", "usage_error", "%s", err);
    if (torn[0])
        engine_warn(e, "journal %s was cut short (%s): replaying what it holds", e->o.replay, torn);
    return 0;
}

/* The family judged: the one asked for, else the journal's, else the device's first.  dev then
 * points at the device as that family sees it. */
static int pick_family(engine_t *e)
{
    family_t fams[2], f = e->o.family;
    const char *journaled = e->source ? journal_source_family(e->source) : NULL;
    if (!f && journaled)
        f = family_from_name(journaled);
    if (!f)
        f = device_families(e->dev, fams) ? fams[0] : FAMILY_IPV4;
    if (!device_has_family(e->dev, f))
        return engine_fail(e, "none", "usage_error", "%s has no %s peering in the inventory (%s)", e->dev->name,
                           f == FAMILY_IPV6 ? "IPv6" : "IPv4", f == FAMILY_IPV6 ? "subnet6, peer_ip6" : "subnet, peer_ip");
    e->loaded = e->dev;
    device_family_view(e->loaded, f, &e->view);
    e->dev = &e->view;
    return 0;
}

static int find_device(engine_t *e)
{
    char err[1300];
    if (load_source(e) != 0)
        return -1;
    int rc = e->source ? journal_device(e, err, sizeof(err))
                       : device_load(e->o.replay, e->o.inventory, e->o.device, &e->inv, &e->dev, err, sizeof(err));
    if (e->inv.warning[0])
        engine_warn(e, "warning: %s", e->inv.warning);
    if (rc != 0) {
        e->dev = NULL;
        return engine_fail(e, "none", "usage_error", "%s", err);
    }
    e->vendor = vendor_find(e->dev->vendor);
    if (!e->vendor)
        return engine_fail(e, "none", "usage_error", "%s: unknown vendor '%s'", e->dev->name, e->dev->vendor);
    return pick_family(e);
}

/* A round: every poll wanted now must be in by the deadline. */
static void start_round(engine_t *e, double now)
{
    e->state = ENGINE_COLLECTING;
    e->next_round = 0;
    e->budget_s = jobs_budget_s(e);
    e->deadline = now + e->budget_s;
}

/* Everything before the first request: -1 when the session cannot start. */
static int prepare(engine_t *e)
{
    int found = find_device(e);
    if (found == 0)
        transports_find_reverse(e);
    jevents_session(e); /* also for a device that was not found: the journal says what was asked */
    if (found != 0 || imports_read(e) != 0)
        return -1;
    jobs_plan(e);
    e->tcp_wanted = e->o.runbook == RUNBOOK_BGP && e->dev->has_peer_ip;
    if (transports_start(e) != 0)
        return -1;
    return watch(e, runner_fd(e->runner)) == 0 ? 0 : engine_fail(e, "none", "internal_error", "cannot watch the runner");
}

int engine_start(engine_t *e)
{
    e->started = clock_now_s();
    e->started_utc = utc_now();
    jevents_open(e);
    if (prepare(e) != 0) {
        jevents_error(e);
        return -1;
    }
    e->gated = true;
    start_round(e, e->started);
    jobs_submit_due(e, clock_now_s()); /* the device works while the console tests TCP */
    console_tcp_start(e);
    if (e->state != ENGINE_FAILED)
        return 0;
    jevents_error(e);
    return -1;
}

int engine_fd(const engine_t *e)
{
    return e->poll_fd;
}

static bool question_open(const engine_t *e)
{
    return engine_question(e) != NULL;
}

int engine_timeout_ms(const engine_t *e)
{
    double now = clock_now_s(), next = INFINITY;
    if (e->state == ENGINE_COLLECTING)
        next = question_open(e) ? jobs_next_due(e, INFINITY) : jobs_next_due(e, e->deadline);
    else if (e->state == ENGINE_JUDGED && e->o.live && !e->paused && e->next_round > 0)
        next = e->next_round;
    if (isinf(next))
        return -1;
    double wait = next - now;
    return wait > 0 ? (int)(wait * 1000) + 1 : 0;
}

/* Judges the evidence as it stands; says which step changed first. */
static void judge(engine_t *e)
{
    verdict_t before[RUNBOOK_MAX_STEPS];
    char cause[RUNBOOK_MAX_STEPS][32];
    int n = e->judged_once ? e->result.n_steps : 0;
    for (int i = 0; i < n; i++) {
        before[i] = e->result.steps[i].verdict;
        snprintf(cause[i], sizeof(cause[i]), "%s", e->result.steps[i].cause);
    }
    jobs_build_evidence(e);
    runbook_evaluate(e->o.runbook, &e->ev, &e->result);
    int first = -1;
    for (int i = 0; i < e->result.n_steps && first < 0; i++)
        if (i >= n || before[i] != e->result.steps[i].verdict || strcmp(cause[i], e->result.steps[i].cause) != 0)
            first = i;
    e->judged_once = true;
    jevents_verdicts(e);
    if (first >= 0)
        engine_emit(e, ENGINE_EV_VERDICT, NULL, first, NULL, NULL);
}

static void drain_wake(engine_t *e)
{
    uint64_t count;
    if (read(e->wake_fd, &count, sizeof(count)) < 0) {
        /* EAGAIN: nothing was pending */
    }
}

/* Every poll of the round is in: a recording is completed (no worker writes into it while we
 * do), and a live session schedules its next round. */
static void finish_round(engine_t *e, double now)
{
    e->state = ENGINE_JUDGED;
    if (e->o.record && !e->o.live) {
        runner_free(e->runner);
        e->runner = NULL;
        record_extras(e);
    }
    if (e->o.live)
        e->next_round = now + e->o.interval;
}

static bool round_complete(const engine_t *e)
{
    return jobs_all_done(e) && !console_tcp_pending(e);
}

/* The open question, told to the client once (ENGINE_EV_QUESTION). */
static const engine_question_t *announce_question(engine_t *e)
{
    const engine_question_t *q = engine_question(e);
    if (q && q->id != e->asked_question) {
        e->asked_question = q->id;
        jevents_question(e, q);
        engine_emit(e, ENGINE_EV_QUESTION, NULL, 0, NULL, NULL);
    }
    return q;
}

engine_state_t engine_step(engine_t *e)
{
    if (e->state == ENGINE_IDLE) {
        drain_wake(e);
        announce_question(e);
        return e->state;
    }
    if (e->state == ENGINE_FAILED)
        return e->state;
    drain_wake(e);
    bool changed = jobs_take_replies(e);
    if (e->state == ENGINE_FAILED) {
        jevents_error(e);
        return e->state;
    }
    changed |= console_tcp_collect(e);
    const engine_question_t *q = announce_question(e);
    double now = clock_now_s();
    if (e->state == ENGINE_JUDGED && e->o.live && !e->paused && e->next_round > 0 && now >= e->next_round) {
        jobs_poll_again(e, ~0u, now);
        console_tcp_start(e);
        start_round(e, now);
    }
    if (e->state == ENGINE_COLLECTING) {
        jobs_submit_due(e, now);
        if (e->state == ENGINE_FAILED) {
            jevents_error(e);
            return e->state;
        }
        if (!round_complete(e) && now >= e->deadline && !q) {
            jobs_expire(e, now);
            changed = true;
        }
        bool complete = round_complete(e);
        if (complete)
            finish_round(e, now);
        if (changed || complete)
            judge(e);
    }
    return e->state;
}

engine_state_t engine_state(const engine_t *e)
{
    return e->state;
}

/* Polls again what fills needs (~0u: everything), now. */
static void poll_again(engine_t *e, uint32_t needs)
{
    if (e->state == ENGINE_FAILED || !e->runner)
        return;
    double now = clock_now_s();
    jobs_poll_again(e, needs, now);
    if (needs & NEED_CONSOLE_TCP)
        console_tcp_start(e);
    start_round(e, now);
    engine_wake(e);
}

void engine_refresh(engine_t *e)
{
    poll_again(e, ~0u);
}

void engine_rerun_step(engine_t *e, int step)
{
    size_t n;
    const step_def_t *defs = runbook_steps(e->o.runbook, &n);
    if (step >= 0 && (size_t)step < n)
        poll_again(e, defs[step].needs);
}

void engine_pause(engine_t *e, bool paused)
{
    e->paused = paused;
    if (!paused && e->state == ENGINE_JUDGED && e->o.live)
        e->next_round = clock_now_s() + e->o.interval;
}

bool engine_paused(const engine_t *e)
{
    return e->paused;
}

const runbook_result_t *engine_result(const engine_t *e)
{
    return e->judged_once ? &e->result : NULL;
}

const evidence_t *engine_evidence(const engine_t *e)
{
    return &e->ev;
}

bool engine_step_waiting(const engine_t *e, int step)
{
    size_t n;
    const step_def_t *defs = runbook_steps(e->o.runbook, &n);
    if (step < 0 || (size_t)step >= n || e->state == ENGINE_FAILED)
        return false;
    uint32_t needs = defs[step].needs;
    for (int i = 0; i < e->n_jobs; i++)
        if ((runbook_need_bit(&e->jobs[i].req, e->jobs[i].reverse) & needs) && e->jobs[i].done == 0)
            return true;
    return (needs & NEED_CONSOLE_TCP) && console_tcp_pending(e) && !e->ev.has_console_tcp;
}

size_t engine_job_count(const engine_t *e)
{
    return (size_t)e->n_jobs;
}

const engine_job_t *engine_job(const engine_t *e, size_t i)
{
    return i < (size_t)e->n_jobs ? &e->jobs[i] : NULL;
}

const device_t *engine_loaded_device(const engine_t *e)
{
    return e->loaded;
}

const device_t *engine_device(const engine_t *e)
{
    return e->dev;
}

const inventory_t *engine_inventory(const engine_t *e)
{
    return &e->inv;
}

const engine_opts_t *engine_opts(const engine_t *e)
{
    return &e->o;
}

const char *engine_error(const engine_t *e, const char **step, const char **cause)
{
    if (!e->error[0])
        return NULL;
    if (step)
        *step = e->error_step;
    if (cause)
        *cause = e->error_cause;
    return e->error;
}

bool engine_record_failed(const engine_t *e)
{
    return e->record_failed;
}

double engine_started(const engine_t *e)
{
    return e->started;
}

double engine_started_utc(const engine_t *e)
{
    return e->started_utc;
}

double engine_last_answer(const engine_t *e)
{
    return e->last_answer;
}

void engine_free(engine_t *e)
{
    if (!e)
        return;
    questions_close(&e->questions); /* a worker waiting for an answer gets a refusal */
    runner_free(e->runner);         /* then the workers, which may still hold a device */
    console_tcp_join(e);
    jevents_close(e);
    journal_source_free(e->source);
    jobs_free(e);
    probe_reply_free(e->imported[0]);
    probe_reply_free(e->imported[1]);
    record_dir_close(e->rec[1]);
    record_dir_close(e->rec[0]);
    inventory_free(&e->inv);
    if (e->poll_fd >= 0)
        close(e->poll_fd);
    if (e->wake_fd >= 0)
        close(e->wake_fd);
    pthread_mutex_destroy(&e->tcp.lock);
    pthread_cond_destroy(&e->questions.changed);
    pthread_mutex_destroy(&e->questions.lock);
    free(e);
}
