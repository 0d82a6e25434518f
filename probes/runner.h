/* runner.h: one worker thread per device, so that no network wait ever blocks the caller.
 *
 * The caller (the console's event loop, `erdiag check`) submits probe requests; each device's
 * worker opens its transport, runs the requests in order, parses each answer with the
 * parser the command resolves to, and posts a reply.  Replies wait in one queue whose
 * eventfd becomes readable when there is something to take: put runner_fd() in your poll(). */
#ifndef ERDIAG_RUNNER_H
#define ERDIAG_RUNNER_H

#include <stdbool.h>
#include <stdint.h>

#include "core/inventory.h"
#include "core/model.h"
#include "parsers/parser.h"
#include "probes/command.h"
#include "probes/transport.h"

/* Opens a device's transport inside its worker thread (connects may take seconds). */
typedef transport_t *(*transport_factory_fn)(void *ud, const device_t *dev, probe_error_t *err, char *msg,
                                              size_t msglen);

typedef struct {
    uint64_t id;            /* as returned by runner_submit */
    char device[INV_NAME_LEN];
    probe_id_t probe;       /* PROBE_COUNT for a free-form command */
    char command[CMD_LEN];
    cmd_result_t result;    /* raw answer or error */
    kind_t kind;            /* KIND_NONE when no parser reads this command */
    record_t *records;      /* parsed records (owned) */
    size_t n_records;
    parse_meta_t meta;
    bool partial;           /* the parser did not understand every line (the records say which) */
    bool truncated;         /* the answer was cut (output cap, parse stopped): later records are missing */
    char partial_reason[160];
    char parse_error[256];
} probe_reply_t;

typedef struct runner runner_t;

runner_t *runner_new(void);
/* Adds a device and starts its worker; factory(ud, dev) opens the transport in the worker.
 * The runner copies dev. */
int runner_add_device(runner_t *r, const device_t *dev, transport_factory_fn factory, void *ud);
/* Queues a probe (the command is built and allowlist-checked here: a bad value fails now).
 * Returns the request id (> 0), or 0 with why filled. */
uint64_t runner_submit(runner_t *r, const char *device, probe_id_t probe, const probe_args_t *args, bool structured,
                       char *why, size_t whylen);
uint64_t runner_submit_command(runner_t *r, const char *device, const char *command, char *why, size_t whylen);
/* Readable when replies are waiting. */
int runner_fd(const runner_t *r);
/* Takes the oldest reply, or NULL.  The caller frees it with probe_reply_free. */
probe_reply_t *runner_take(runner_t *r);
void probe_reply_free(probe_reply_t *reply);
/* The device answered (no transport error) with some text. */
bool probe_reply_ok(const probe_reply_t *reply);
/* Parses rp's answer (result.output) as command's output on vendor (parsers/registry.c), into
 * rp's records, kind, meta and partial flags; nothing when no parser reads that command. */
void probe_reply_parse(probe_reply_t *rp, const char *vendor, const char *command);
/* Fills rp's partial, truncated, partial_reason and parse_error from a finished parse of its
 * answer (rp->result.truncated must be set already). */
void probe_reply_parse_status(probe_reply_t *rp, const parse_status_t *st);
/* Stops every worker (after its current command) and frees everything. */
void runner_free(runner_t *r);

#endif
