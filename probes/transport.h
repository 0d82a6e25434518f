/* transport.h: how a command reaches a device and its answer comes back.
 *
 * Implementations: SSH (probes/ssh.c), replay from a scenario directory (probes/replay.c), and
 * a recorder that wraps another transport and writes what it sees (probes/record.c).  Every
 * implementation checks the allowlist itself, so no caller can bypass it. */
#ifndef ERDIAG_TRANSPORT_H
#define ERDIAG_TRANSPORT_H

#include <stdbool.h>
#include <stddef.h>

#include "probes/probe.h"
#include "probes/vendor.h"

/* What went wrong, in words the user sees (probe_error_text). */
typedef enum {
    PERR_NONE = 0,
    PERR_CONNECT,        /* name resolution or TCP connect failed */
    PERR_TIMEOUT,
    PERR_AUTH,
    PERR_HOSTKEY_UNKNOWN,
    PERR_HOSTKEY_CHANGED,
    PERR_PROMPT,         /* no prompt detected after login */
    PERR_PAGING,         /* paging could not be disabled */
    PERR_REJECTED,       /* the device said "% Invalid input" or "syntax error" */
    PERR_NOT_ALLOWED,    /* our allowlist refused the command */
    PERR_DISCONNECTED,
    PERR_MISSING,        /* replay: the scenario has no answer for this probe */
    PERR_INTERNAL,
    PERR_UNSUPPORTED,    /* the platform has no command for this probe */
} probe_error_t;

const char *probe_error_text(probe_error_t e);
/* A stable one-word name ("timeout", "not_allowed"...) for journals, and back (unknown names
 * read as PERR_INTERNAL). */
const char *probe_error_name(probe_error_t e);
probe_error_t probe_error_from_name(const char *name);

/* One command's answer.  output is owned by the result (cmd_result_free). */
typedef struct {
    char *output;
    size_t len;
    bool truncated;       /* the output-size cap was hit */
    double seconds;
    /* Replay: when this answer was polled, seconds since the epoch (UTC), from the recording's
     * polls.tsv; 0 when the recording does not say (live answers leave it 0 too). */
    double recorded_utc;
    probe_error_t error;
    char message[512];    /* details: the device's error line, the last bytes before a timeout */
    /* A recorder could not save this (good) answer: "DIR/FILE: reason".  "" when it did, or when
     * nothing records.  The caller must tell the user and fail (a recording is evidence). */
    char record_error[400];
} cmd_result_t;

void cmd_result_free(cmd_result_t *r);

typedef struct transport transport_t;

typedef struct {
    /* Runs one command; probe is PROBE_COUNT for a free-form command.  Returns 0 or -1 (the
     * reason in res->error / res->message). */
    int (*run)(transport_t *t, probe_id_t probe, const char *command, cmd_result_t *res);
    void (*close)(transport_t *t); /* frees t */
    /* Keeps an idle session alive (IOS exec-timeout); NULL when there is nothing to keep. */
    int (*keepalive)(transport_t *t);
} transport_ops_t;

struct transport {
    const transport_ops_t *ops;
    const vendor_t *vendor;
};

static inline int transport_run(transport_t *t, probe_id_t probe, const char *command, cmd_result_t *res)
{
    return t->ops->run(t, probe, command, res);
}

static inline int transport_keepalive(transport_t *t)
{
    return t->ops->keepalive ? t->ops->keepalive(t) : 0;
}

static inline void transport_close(transport_t *t)
{
    if (t)
        t->ops->close(t);
}

/* Output beyond this is cut and the result marked truncated: a hostile device cannot make us
 * hold gigabytes. */
#define TRANSPORT_MAX_OUTPUT (64u * 1024 * 1024)

/* Replay: answers from DIR/<probe>.txt, or DIR/index.tsv ("command<TAB>file") for free-form
 * commands; the same command asked again in a row cycles through the file's later polls
 * (<file>.N.txt).  Each answer is stamped with its poll time from DIR/polls.tsv when that file
 * lists it (record_dir.h: RECORD_POLLS), moved forward by whole cycles once the sequence wrapped.
 * NULL with err set when DIR is unusable.  The transport is the caller's (transport_close). */
transport_t *replay_open(const char *dir, const vendor_t *vendor, char *err, size_t errlen);
/* Record: runs commands on inner and writes DIR/<probe>.txt and DIR/index.tsv into dir
 * (probes/record_dir.h), which stays the caller's and must outlive the transport; takes
 * ownership of inner.  A failed write is reported in each result's record_error. */
typedef struct record_dir record_dir_t;
transport_t *record_open(transport_t *inner, record_dir_t *dir, char *err, size_t errlen);

#endif
