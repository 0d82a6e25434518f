/* internal.h: the engine's state, shared by the files of engine/ and nobody else. */
#ifndef ERDIAG_ENGINE_INTERNAL_H
#define ERDIAG_ENGINE_INTERNAL_H

#include <pthread.h>

#include "engine/engine.h"
#include "core/journal.h"
#include "engine/journal_source.h"
#include "probes/record_dir.h"
#include "probes/tcp_probe.h"

#define ENGINE_MAX_JOBS 24

/* What a worker needs to open one device's transport. */
typedef struct {
    engine_t *engine;
    char replay_dir[1100]; /* "" when not replaying a directory */
    const journal_source_t *source; /* replaying a journal (the engine owns it), else NULL */
    record_dir_t *record;  /* NULL when not recording (the engine owns it) */
} factory_ctx_t;

/* The one question open at a time, asked from a device's worker thread (engine/questions.c). */
typedef struct {
    pthread_mutex_t lock;
    pthread_cond_t changed;
    engine_question_t q;
    bool open;        /* q waits for an answer */
    bool answered;
    bool closing;     /* the engine is going away: every question is refused */
    hostkey_answer_t hostkey;
    char secret[256]; /* wiped once the worker has it */
    bool secret_given;
    uint64_t next_id;
    double opened_at; /* monotonic: a question's time does not count against the deadline */
} questions_t;

/* The console host's TCP test, in its own thread (engine/console_tcp.c). */
typedef struct {
    pthread_t thread;
    bool running;      /* a thread was started and not joined */
    bool finished;     /* set by the thread under the lock */
    pthread_mutex_t lock;
    char peer[ADDR_LEN];
    tcp_probe_t result;
} console_tcp_t;

struct engine {
    engine_opts_t o;
    engine_event_fn on_event;
    void *ud;
    engine_state_t state;
    inventory_t inv;
    const device_t *loaded;   /* the device as the inventory holds it (the journal and recordings write it) */
    device_t view;            /* loaded as its family is judged (device_family_view) */
    const device_t *dev, *rev_dev; /* dev: &view once found */
    const vendor_t *vendor;
    runner_t *runner;
    factory_ctx_t fctx[2];
    engine_job_t jobs[ENGINE_MAX_JOBS];
    int n_jobs;
    int wake_fd;   /* eventfd: a question opened, the TCP test finished */
    int poll_fd;   /* epoll over the runner's fd and wake_fd: what engine_fd() returns */
    bool gated;    /* until the device answers once, one request at a time */
    double deadline;  /* monotonic: the round's polls must be in by then */
    int budget_s;
    double next_round; /* live: when every probe is polled again (0: not scheduled) */
    bool paused;
    questions_t questions;
    uint64_t asked_question; /* the last question an ENGINE_EV_QUESTION announced */
    console_tcp_t tcp;
    bool tcp_wanted;   /* the runbook uses the console TCP test for this device */
    probe_reply_t *imported[2]; /* reverse trace, Azure routes */
    uint64_t imported_jid[2];   /* their journal entries */
    journal_t *journal;         /* NULL: not journaling (--no-journal, or it failed) */
    journal_source_t *source;   /* --replay JOURNAL: what it journaled */
    char journal_path[1200];
    verdict_t last_verdict[RUNBOOK_MAX_STEPS]; /* as last journaled, for "verdict" entries */
    char last_cause[RUNBOOK_MAX_STEPS][32];
    const char *last_status;
    uint32_t last_finding[RUNBOOK_MAX_STEPS]; /* a hash of each step's finding in the last judgement entry */
    bool judgement_written;
    record_dir_t *rec[2];       /* --record DIR and DIR/<reverse host>/ */
    bool record_failed;
    evidence_t ev;
    record_t *merged_ifaces;   /* ev.facts[PROBE_INTERFACES] with the IPv6 overview's addresses (owned) */
    runbook_result_t result;
    bool judged_once;
    double started, started_utc, last_answer;
    char error[1200];
    const char *error_step, *error_cause;
};

/* engine.c: tells the client, after journaling the event; returns the journal entry of an
 * answer or import (0: none). */
uint64_t engine_emit(engine_t *e, engine_event_kind_t kind, const engine_job_t *job, int poll,
                     const probe_reply_t *reply, const char *text);
void engine_warn(engine_t *e, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
int engine_fail(engine_t *e, const char *step, const char *cause, const char *fmt, ...)
    __attribute__((format(printf, 4, 5)));
void engine_wake(engine_t *e);

/* jobs.c: planning, sending, taking answers, deadlines */
void jobs_plan(engine_t *e);
void jobs_submit_due(engine_t *e, double now);
bool jobs_take_replies(engine_t *e);
bool jobs_all_done(const engine_t *e);
double jobs_next_due(const engine_t *e, double limit);
void jobs_expire(engine_t *e, double now);
int jobs_budget_s(const engine_t *e);
void jobs_poll_again(engine_t *e, uint32_t needs, double now);
void jobs_build_evidence(engine_t *e);
void jobs_free(engine_t *e);

/* transports.c: the runner and the devices' transports */
void transports_find_reverse(engine_t *e);
int transports_start(engine_t *e);

/* imports.c: the files the user saved */
int imports_read(engine_t *e);

/* record_extras.c: what the recorder cannot write itself */
void record_extras(engine_t *e);

/* journal_events.c: each event as a journal entry */
void jevents_open(engine_t *e);
void jevents_session(engine_t *e);
uint64_t jevents_event(engine_t *e, const engine_event_t *ev);
void jevents_verdicts(engine_t *e);
void jevents_question(engine_t *e, const engine_question_t *q);
void jevents_answered(engine_t *e, uint64_t question, const char *answer);
void jevents_error(engine_t *e);
void jevents_close(engine_t *e);

/* questions.c */
void questions_init(questions_t *qs);
void questions_close(questions_t *qs);
hostkey_answer_t questions_hostkey(void *ud, const char *host, const char *fingerprint);
int questions_secret(void *ud, const char *prompt, bool echo, char *buf, size_t size);

/* console_tcp.c */
void console_tcp_start(engine_t *e);
/* The file a recording keeps the console TCP test in: tcp_console.txt, tcp_console_v6.txt. */
const char *console_tcp_file(const engine_t *e);
bool console_tcp_collect(engine_t *e);
bool console_tcp_pending(const engine_t *e);
void console_tcp_join(engine_t *e);

#endif
