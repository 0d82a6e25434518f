/* engine.h: one runbook session on one device, shared by `erdiag check` and the console.
 *
 * The engine plans the probes a runbook needs, submits them to the session runner (a worker
 * thread per device), schedules the second poll and, when live, a poll every interval, takes
 * replies by request id, records them, imports the files the user saved, runs the console
 * host's TCP test off the caller's thread, and re-judges the runbook each time evidence
 * arrives.  It never prints and never reads the terminal: what it has to say goes to the
 * client's event callback, and what it has to ask (an unknown host key, a password) waits in
 * engine_question() until the client answers.  Drive it with poll() on engine_fd() for at most
 * engine_timeout_ms(), then engine_step().  Not thread-safe: one caller thread. */
#ifndef ERDIAG_ENGINE_H
#define ERDIAG_ENGINE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "core/inventory.h"
#include "framework/evidence.h"
#include "framework/runbook.h"
#include "probes/runner.h"
#include "probes/ssh.h"

typedef struct engine engine_t;

/* What to run.  The strings are borrowed: they must outlive the engine. */
typedef struct {
    const char *device;        /* the device's name in the inventory */
    const char *inventory;     /* NULL: DIR/device.ini on replay, else the default path */
    const char *replay;        /* answer from this recording or scenario (NULL: live) */
    const char *record;        /* also save every answer here (NULL: no) */
    const char *reverse_trace; /* asym: the VM's saved trace back (NULL: none) */
    const char *azure_routes;  /* asym: the VM NIC's saved effective routes (NULL: none) */
    runbook_id_t runbook;
    family_t family;           /* the family judged; 0: a journal's own, else the device's first */
    double interval;           /* seconds between two polls of a probe */
    bool accept_new;           /* accept an unknown host key without asking */
    bool live;                 /* after the first round, poll everything again every interval */
    bool circuit;              /* also what a circuit's link needs (runbook_circuit_requests) */
    /* The session journal (core/journal.h): every event, one JSON line each, fsync'd. */
    bool no_journal;           /* write none */
    const char *journal_dir;   /* NULL: journal_default_dir() ($XDG_STATE_HOME/erdiag/sessions) */
    bool keep_secrets;         /* journal raw answers as they came (the file stays 0600; reports still redact) */
    double (*clock)(void *ud); /* the journal's UTC clock (tests fix it); NULL: the real one */
    void *clock_ud;
} engine_opts_t;

/* One probe request and its answers: the console shows these, `check` its progress. */
typedef struct {
    probe_request_t req;
    const device_t *dev;
    bool reverse;          /* the reverse trace, asked of the reverse_from host */
    int wanted, done;      /* polls wanted and answered so far */
    bool asked;            /* a request is out */
    uint64_t request_id;   /* the runner's id of the request out (0: none) */
    char command[CMD_LEN]; /* the command as the runner sends it */
    double due;            /* monotonic time from which the next poll may go */
    double asked_at;       /* monotonic time the request went out */
    /* The two newest answers, oldest first: reply[0] then reply[1] once two came; a third
     * poll drops the oldest.  Owned by the engine. */
    probe_reply_t *reply[2];
    uint64_t journal_id[2]; /* each answer's entry in the journal (0: not journaled) */
    double at[2];          /* for rates: monotonic live, the recorded UTC time on replay (0 unknown) */
    double utc[2];         /* wall-clock UTC of each answer (0 unknown) */
} engine_job_t;

typedef enum {
    ENGINE_EV_SENT,        /* job's request went out */
    ENGINE_EV_REPLY,       /* job's poll `poll` (1-based) answered: reply (maybe an error) */
    ENGINE_EV_IMPORTED,    /* a saved file was read: reply */
    ENGINE_EV_CONSOLE_TCP, /* the console host's TCP test finished: text says how */
    ENGINE_EV_VERDICT,     /* the runbook was judged again: step is the first step whose verdict changed */
    ENGINE_EV_WARNING,     /* something the user should know, in words (text) */
    ENGINE_EV_QUESTION,    /* engine_question() has something to ask */
} engine_event_kind_t;

/* Valid during the callback only. */
typedef struct {
    engine_event_kind_t kind;
    double utc;
    const engine_job_t *job;    /* SENT, REPLY */
    int poll;                   /* REPLY: which poll of the job, from 1 */
    const probe_reply_t *reply; /* REPLY, IMPORTED */
    int step;                   /* VERDICT */
    const char *text;           /* WARNING, CONSOLE_TCP */
} engine_event_t;

typedef void (*engine_event_fn)(void *ud, const engine_event_t *ev);

typedef enum { ENGINE_Q_HOSTKEY, ENGINE_Q_SECRET } engine_question_kind_t;

typedef struct {
    uint64_t id;
    engine_question_kind_t kind;
    char device[INV_NAME_LEN];
    char host[INV_TEXT_LEN];
    char fingerprint[128]; /* HOSTKEY: "SHA256:..." */
    char prompt[256];      /* SECRET: the device's prompt (untrusted: sanitize before showing) */
    bool echo;             /* SECRET: the answer may be shown */
} engine_question_t;

typedef enum {
    ENGINE_IDLE,       /* not started (or engine_start failed before anything was asked) */
    ENGINE_COLLECTING, /* probes are out or due */
    ENGINE_JUDGED,     /* every poll of this round answered (or timed out); the result is final for now */
    ENGINE_FAILED,     /* nothing can be judged: engine_error() says why */
} engine_state_t;

/* A new engine; nothing happens until engine_start.  NULL when out of memory. */
engine_t *engine_new(const engine_opts_t *opts, engine_event_fn on_event, void *ud);
/* Loads the device, reads the imports, plans the probes, starts the runner and the console
 * TCP test.  0, or -1 with engine_error() set (the state is then ENGINE_FAILED). */
int engine_start(engine_t *e);
/* Readable when there is something for engine_step. */
int engine_fd(const engine_t *e);
/* Milliseconds until engine_step is due even without the fd (a poll, a deadline), -1: none. */
int engine_timeout_ms(const engine_t *e);
/* Takes replies and answers, sends what is due, expires what is late, re-judges. */
engine_state_t engine_step(engine_t *e);
engine_state_t engine_state(const engine_t *e);

/* The question waiting for an answer, or NULL.  Borrowed until answered. */
const engine_question_t *engine_question(const engine_t *e);
void engine_answer_hostkey(engine_t *e, uint64_t id, hostkey_answer_t answer);
/* text NULL refuses.  The engine wipes its copy once the worker has it. */
void engine_answer_secret(engine_t *e, uint64_t id, const char *text);

/* Refuses the open question, if any (an unattended client: a fleet, a circuit view). */
void engine_refuse_question(engine_t *e);

/* Polls every probe again now (live: also restarts the interval). */
void engine_refresh(engine_t *e);
/* Polls again the probes step (an index into the result's steps) judges. */
void engine_rerun_step(engine_t *e, int step);
/* Live: stops or resumes the polls every interval (a refresh still works). */
void engine_pause(engine_t *e, bool paused);
bool engine_paused(const engine_t *e);

/* ---- what the engine holds (borrowed; valid until the next engine_step) ---- */
const runbook_result_t *engine_result(const engine_t *e); /* NULL before the first judgement */
const evidence_t *engine_evidence(const engine_t *e);
/* True while a probe that step judges from has not answered its first poll. */
bool engine_step_waiting(const engine_t *e, int step);
size_t engine_job_count(const engine_t *e);
const engine_job_t *engine_job(const engine_t *e, size_t i);
/* The device as its family is judged (device_family_view); NULL before engine_start succeeded. */
const device_t *engine_device(const engine_t *e);
/* The device as the inventory holds it, both families' values in place; NULL likewise. */
const device_t *engine_loaded_device(const engine_t *e);
const inventory_t *engine_inventory(const engine_t *e);
const engine_opts_t *engine_opts(const engine_t *e);
/* Why nothing could be judged, with the step and the cause the verdict JSON names; NULL when
 * nothing failed. */
const char *engine_error(const engine_t *e, const char **step, const char **cause);
/* True when something could not be recorded (the recording is incomplete). */
bool engine_record_failed(const engine_t *e);
/* Monotonic and wall-clock times of engine_start, and of the last answer (0: none yet). */
double engine_started(const engine_t *e);
double engine_started_utc(const engine_t *e);
double engine_last_answer(const engine_t *e);

/* ---- the journal ---- */
/* The journal's path, or NULL when the session writes none. */
const char *engine_journal_path(const engine_t *e);
/* Journals an operator's note on step (a step id, "" for the session); the text is redacted
 * first.  Its entry id, or 0 when nothing is journaled. */
uint64_t engine_note(engine_t *e, const char *step, const char *text);

/* Stops the workers (refusing any open question), ends the journal and frees everything. */
void engine_free(engine_t *e);

#endif
