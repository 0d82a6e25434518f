/* cmd_check.c: `erdiag check`: a runbook without the console, for a shell or a monitoring
 * system.  Collects the runbook's probes through the session runner (SSH, replay, record),
 * imports the files the user saved (reverse trace, Azure effective routes), judges them with
 * framework/ and prints each step's verdict and evidence, as text or as DESIGN.md's verdict
 * JSON.  Exit status as a monitoring plugin's: 0 OK, 1 WARNING, 2 CRITICAL, 3 UNKNOWN (also for
 * usage errors and a device that cannot be reached at all: then too a verdict is printed, the
 * UNKNOWN status line or a JSON object, with the error in words). */
#include <errno.h>
#include <jansson.h>
#include <poll.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <unistd.h>

#include "cli/cli.h"
#include "cli/device.h"
#include "cli/options.h"
#include "cli/progress.h"
#include "cli/tty.h"
#include "core/clock.h"
#include "core/utctime.h"
#include "core/redact.h"
#include "core/inventory.h"
#include "core/sanitize.h"
#include "framework/evidence.h"
#include "framework/runbook.h"
#include "parsers/parser.h"
#include "probes/command.h"
#include "probes/record_dir.h"
#include "probes/runner.h"
#include "probes/ssh.h"
#include "probes/tcp_probe.h"
#include "probes/transport.h"
#include "report/verdict.h"
#include "report/wrap.h"

#define CHECK_UNKNOWN 3
#define MAX_JOBS 24

typedef struct {
    const char *device, *reverse_trace, *azure_routes, *inventory, *replay, *record;
    bool json, accept_new, has_runbook, verbose;
    double interval;
    runbook_id_t runbook;
    char error[600]; /* the first usage error (said on stderr; --json also prints it as JSON) */
} check_opts_t;

/* What a worker needs to open one device's transport. */
typedef struct {
    const check_opts_t *o;
    char replay_dir[1100]; /* "" when not replaying */
    record_dir_t *record;  /* NULL when not recording (check_t owns it) */
} factory_ctx_t;

/* One probe request and its answers (two for a request polled twice). */
typedef struct {
    probe_request_t req;
    const device_t *dev;
    bool reverse;     /* the answer is the reverse trace (from the reverse_from host) */
    int wanted, done; /* polls */
    bool asked;       /* a request is out */
    char command[512]; /* what the runner sends: replies are matched by it */
    double due;       /* monotonic time from which the next poll may go */
    double asked_at;  /* monotonic time the request went out (progress: the slowest in flight) */
    probe_reply_t *reply[2];
    double at[2];     /* for rates: monotonic live, the recorded UTC time on replay (0 unknown) */
    double utc[2];    /* wall-clock UTC of each answer (0 unknown): what a recording keeps */
} job_t;

typedef struct {
    const check_opts_t *o;
    inventory_t inv;
    const device_t *dev, *rev_dev;
    const vendor_t *vendor;
    runner_t *runner;
    factory_ctx_t fctx[2];
    job_t jobs[MAX_JOBS];
    int n_jobs;
    bool gated;      /* until the device answers once, one request at a time */
    bool unreachable;
    char unreachable_msg[700];
    probe_reply_t *imported[2]; /* reverse trace, Azure routes */
    record_dir_t *rec[2];       /* --record DIR and DIR/<reverse host>/ */
    bool record_failed;         /* something could not be recorded: exit UNKNOWN */
    evidence_t ev;
    runbook_result_t result;
    progress_t progress;
    double started, started_utc; /* monotonic and wall-clock time of the start */
    /* Why nothing could be judged (said on stderr when it happened; printed as the status line
     * or the JSON verdict at the end), with the step and cause the JSON names. */
    char error[1200];
    const char *error_step, *error_cause;
} check_t;

/* ---- secrets: nothing we print may carry one (DESIGN.md "Security and safety") ---- */

/* Copies in to out with every secret replaced (core/redact.c); returns out. */
static const char *redact(const char *in, char *out, size_t size)
{
    snprintf(out, size, "%s", in);
    redact_inplace(out, size);
    return out;
}

/* Nothing can be judged: says why on stderr now, and keeps it for the verdict (JSON or the
 * status line) printed at the end.  Returns -1. */
static int check_failed(check_t *c, const char *step, const char *cause, const char *fmt, ...)
    __attribute__((format(printf, 4, 5)));
static int check_failed(check_t *c, const char *step, const char *cause, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(c->error, sizeof(c->error), fmt, ap);
    va_end(ap);
    c->error_step = step;
    c->error_cause = cause;
    progress_clear(&c->progress);
    sanitize_fprintf(stderr, "erdiag check: %s\n", c->error);
    return -1;
}

/* ---- the device, the inventory, the transports ---- */

static int find_device(check_t *c)
{
    const check_opts_t *o = c->o;
    char err[1100];
    if (cli_load_device("check", o->replay, o->inventory, o->device, &c->inv, &c->dev, err, sizeof(err)) != 0) {
        c->dev = NULL;
        return check_failed(c, "none", "usage_error", "%s", err);
    }
    c->vendor = vendor_find(c->dev->vendor);
    if (!c->vendor)
        return check_failed(c, "none", "usage_error", "%s: unknown vendor '%s'", c->dev->name, c->dev->vendor);
    return 0;
}

/* The host that traces back from the Azure VM: the device's reverse_from, a Linux host. */
static void find_reverse_device(check_t *c)
{
    const device_t *d = c->dev;
    if (c->o->runbook != RUNBOOK_ASYM || c->o->reverse_trace || !d->reverse_from[0])
        return;
    const device_t *r = inventory_find(&c->inv, d->reverse_from);
    if (!r || strcmp(r->vendor, "linux") != 0 || !d->has_onprem_source) {
        sanitize_fprintf(stderr, "erdiag check: reverse_from '%s': %s; no reverse trace\n", d->reverse_from,
                         !r ? "no such device in the inventory"
                            : strcmp(r->vendor, "linux") ? "not a linux device"
                                                         : "the device has no onprem_source to trace to");
        return;
    }
    c->rev_dev = r;
}

/* Runs in the device's worker thread: connects may take seconds. */
static transport_t *open_device(void *ud, const device_t *dev, probe_error_t *err, char *msg, size_t msglen)
{
    factory_ctx_t *f = ud;
    const vendor_t *v = vendor_find(dev->vendor);
    transport_t *t;
    if (f->replay_dir[0]) {
        t = replay_open(f->replay_dir, v, msg, msglen);
        *err = PERR_MISSING;
    } else {
        ssh_opts_t so = {.device = dev, .accept_new = f->o->accept_new, .confirm_hostkey = cli_confirm_hostkey,
                         .ask_secret = cli_ask_secret};
        t = ssh_open(&so, err, msg, msglen);
    }
    if (t && f->record) {
        transport_t *rec = record_open(t, f->record, msg, msglen);
        if (!rec) {
            transport_close(t);
            *err = PERR_INTERNAL;
        }
        t = rec;
    }
    return t;
}

/* A recording that cannot be written fails the run (exit UNKNOWN), after the verdict. */
static void record_failure(check_t *c, const char *err)
{
    sanitize_fprintf(stderr, "erdiag check: recording failed: %s\n", err);
    c->record_failed = true;
}

/* --record DIR: DIR/device.ini (the device, and the reverse_from host so a replay finds it),
 * and DIR/<that host>/ for its answers (as --replay reads them).  Before anything connects. */
static int prepare_record(check_t *c)
{
    char err[700];
    const device_t *devs[2] = {c->dev, c->rev_dev};
    c->rec[0] = record_dir_open(c->o->record, err, sizeof(err));
    if (!c->rec[0] || record_dir_devices(c->rec[0], devs, c->rev_dev ? 2 : 1, err, sizeof(err)) != 0 ||
        (c->rev_dev && !(c->rec[1] = record_dir_sub(c->rec[0], c->rev_dev->name, err, sizeof(err)))))
        return check_failed(c, "none", "record_failed", "cannot record: %s", err);
    c->fctx[0].record = c->rec[0];
    c->fctx[1].record = c->rec[1];
    return 0;
}

static void factory_dirs(check_t *c, int i, const device_t *d)
{
    factory_ctx_t *f = &c->fctx[i];
    f->o = c->o;
    const char *base = c->o->replay;
    if (base && i == 0)
        snprintf(f->replay_dir, sizeof(f->replay_dir), "%s", base);
    else if (base)
        snprintf(f->replay_dir, sizeof(f->replay_dir), "%.900s/%s", base, d->name);
}

static int start_runner(check_t *c)
{
    factory_dirs(c, 0, c->dev);
    if (c->rev_dev)
        factory_dirs(c, 1, c->rev_dev);
    if (c->o->record && prepare_record(c) != 0)
        return -1;
    c->runner = runner_new();
    if (!c->runner || runner_add_device(c->runner, c->dev, open_device, &c->fctx[0]) != 0 ||
        (c->rev_dev && runner_add_device(c->runner, c->rev_dev, open_device, &c->fctx[1]) != 0))
        return check_failed(c, "none", "internal_error", "cannot start the session runner");
    return 0;
}

/* ---- collecting ---- */

static void plan_jobs(check_t *c)
{
    probe_request_t reqs[MAX_JOBS];
    size_t n = runbook_requests(c->o->runbook, c->dev, reqs, MAX_JOBS - 1);
    for (size_t i = 0; i < n; i++) {
        job_t *j = &c->jobs[c->n_jobs++];
        j->req = reqs[i];
        j->dev = c->dev;
        j->wanted = reqs[i].twice ? 2 : 1;
    }
    if (c->rev_dev) {
        job_t *j = &c->jobs[c->n_jobs++];
        j->req.probe = PROBE_TRACEROUTE;
        ip_to_string(&c->dev->onprem_source, j->req.target, sizeof(j->req.target));
        j->dev = c->rev_dev;
        j->reverse = true;
        j->wanted = 1;
    }
}

/* A reply made here for a request that never reached the device (refused, timed out). */
static probe_reply_t *local_reply(const job_t *j, probe_error_t err, const char *msg)
{
    probe_reply_t *rp = calloc(1, sizeof(*rp));
    if (!rp)
        return NULL;
    rp->probe = j->req.probe;
    snprintf(rp->device, sizeof(rp->device), "%s", j->dev->name);
    snprintf(rp->command, sizeof(rp->command), "%s", probe_name(j->req.probe));
    rp->result.error = err;
    snprintf(rp->result.message, sizeof(rp->result.message), "%s", msg);
    return rp;
}

/* --verbose: what came back, poll by poll (how the tests see that a second poll happened). */
static void trace_reply(check_t *c, const job_t *j, const probe_reply_t *rp)
{
    if (!c->o->verbose || !rp)
        return;
    progress_clear(&c->progress);
    sanitize_fprintf(stderr, "erdiag check: %s poll %d: %s: '%s': %s, %zu records%s\n", j->dev->name, j->done + 1,
                     probe_name(j->req.probe), rp->command, probe_error_text(rp->result.error), rp->n_records,
                     rp->partial ? " (partial)" : "");
}

static void finish_poll(check_t *c, job_t *j, probe_reply_t *rp, double t)
{
    trace_reply(c, j, rp);
    if (rp && rp->result.record_error[0])
        record_failure(c, rp->result.record_error);
    if (j->done >= 2) {
        probe_reply_free(rp);
        return;
    }
    j->reply[j->done] = rp;
    /* Replay: the time the recording gives the poll (polls.tsv), never one made up from
     * --interval; without it the rate is per poll, over an unknown interval. */
    double recorded = rp ? rp->result.recorded_utc : 0;
    j->at[j->done] = c->o->replay ? recorded : t;
    j->utc[j->done] = c->o->replay ? recorded : utc_now();
    j->done++;
    j->asked = false;
    j->due = c->o->replay ? t : t + c->o->interval;
}

static const char *arg(const char *s)
{
    return s[0] ? s : NULL;
}

static void submit(check_t *c, job_t *j, double t)
{
    const probe_request_t *q = &j->req;
    probe_args_t a = {.peer = arg(q->peer), .prefix = arg(q->prefix), .target = arg(q->target),
                      .source = arg(q->source), .iface = arg(q->iface), .vrf = q->vrf};
    char why[512] = "";
    const vendor_t *v = vendor_find(j->dev->vendor);
    if (v && !vendor_probe_in(v, q->probe, q->vrf)) {
        /* Not an error: EOS has no telnet, FRR no ARP.  The step says what it could not see. */
        snprintf(why, sizeof(why), "%s has no command for the %s probe%s", v->name, probe_name(q->probe),
                 vendor_probe(v, q->probe) ? " inside a VRF" : "");
        finish_poll(c, j, local_reply(j, PERR_UNSUPPORTED, why), t);
        return;
    }
    /* The same expansion the runner makes, so that its reply can be told by its command. */
    if (command_for_probe(vendor_find(j->dev->vendor), q->probe, &a, false, j->command, sizeof(j->command), why,
                          sizeof(why)) != 0 ||
        (!runner_submit(c->runner, j->dev->name, q->probe, &a, false, why, sizeof(why)) && why[0])) {
        finish_poll(c, j, local_reply(j, PERR_NOT_ALLOWED, why), t);
        return;
    }
    j->asked = true;
    j->asked_at = t;
}

static bool job_waiting(const job_t *j)
{
    return !j->asked && j->done < j->wanted;
}

/* While the gate is shut, the device's other requests wait for the first answer, not a time. */
static bool job_blocked(const check_t *c, const job_t *j)
{
    if (!c->gated || j->dev != c->dev)
        return false;
    for (int k = 0; k < c->n_jobs; k++)
        if (c->jobs[k].asked && c->jobs[k].dev == c->dev)
            return true;
    return false;
}

/* Until the device has answered once, one request at a time: an unreachable device then costs
 * one connect timeout, not one per request. */
static void submit_due(check_t *c, double t)
{
    for (int i = 0; i < c->n_jobs; i++) {
        job_t *j = &c->jobs[i];
        if (job_waiting(j) && j->due <= t && !job_blocked(c, j))
            submit(c, j, t);
    }
}

static bool all_done(const check_t *c)
{
    for (int i = 0; i < c->n_jobs; i++)
        if (c->jobs[i].done < c->jobs[i].wanted)
            return false;
    return true;
}

static double next_due(const check_t *c, double deadline)
{
    double next = deadline;
    for (int i = 0; i < c->n_jobs; i++)
        if (job_waiting(&c->jobs[i]) && !job_blocked(c, &c->jobs[i]) && c->jobs[i].due < next)
            next = c->jobs[i].due;
    return next;
}

/* Errors that mean the session never came up: nothing else will get through either. */
static bool connection_error(probe_error_t e)
{
    return e == PERR_CONNECT || e == PERR_TIMEOUT || e == PERR_AUTH || e == PERR_HOSTKEY_UNKNOWN ||
           e == PERR_HOSTKEY_CHANGED || e == PERR_PROMPT || e == PERR_DISCONNECTED;
}

static void open_gate(check_t *c, const probe_reply_t *rp)
{
    c->gated = false;
    if (!connection_error(rp->result.error))
        return;
    c->unreachable = true;
    snprintf(c->unreachable_msg, sizeof(c->unreachable_msg), "%s%s%.500s", probe_error_text(rp->result.error),
             rp->result.message[0] ? ": " : "", rp->result.message);
    redact_inplace(c->unreachable_msg, sizeof(c->unreachable_msg)); /* it may quote the device's output */
}

static void take_replies(check_t *c)
{
    probe_reply_t *rp;
    while ((rp = runner_take(c->runner)) != NULL) {
        job_t *j = NULL;
        for (int i = 0; i < c->n_jobs && !j; i++)
            if (c->jobs[i].asked && c->jobs[i].req.probe == rp->probe && strcmp(c->jobs[i].dev->name, rp->device) == 0 &&
                strcmp(c->jobs[i].command, rp->command) == 0)
                j = &c->jobs[i];
        if (!j) { /* an answer that came after its deadline */
            probe_reply_free(rp);
            continue;
        }
        if (c->gated && j->dev == c->dev)
            open_gate(c, rp);
        finish_poll(c, j, rp, clock_now_s());
    }
}

/* The deadline passed: whatever is still asked or waiting gets a timeout in words. */
static void expire(check_t *c, double t, int budget)
{
    char msg[128];
    snprintf(msg, sizeof(msg), "no answer within erdiag check's %d s budget", budget);
    for (int i = 0; i < c->n_jobs; i++)
        while (c->jobs[i].done < c->jobs[i].wanted)
            finish_poll(c, &c->jobs[i], local_reply(&c->jobs[i], PERR_TIMEOUT, msg), t);
}

/* The device's timeout for every poll, plus the pause between two polls. */
static int budget_s(const check_t *c)
{
    double total = c->o->interval + 5;
    for (int i = 0; i < c->n_jobs; i++)
        total += (double)c->jobs[i].wanted * (c->jobs[i].dev->timeout_s > 0 ? c->jobs[i].dev->timeout_s : 15);
    return (int)total;
}

/* The progress line: polls answered of polls asked, and the request out longest. */
static void show_progress(check_t *c, double t)
{
    int answered = 0, asked = 0;
    const job_t *slowest = NULL;
    for (int i = 0; i < c->n_jobs; i++) {
        const job_t *j = &c->jobs[i];
        answered += j->done;
        asked += j->wanted;
        if (j->asked && (!slowest || j->asked_at < slowest->asked_at))
            slowest = j;
    }
    char what[96] = "";
    if (slowest)
        snprintf(what, sizeof(what), "%s%s%s", probe_name(slowest->req.probe), slowest->reverse ? " on " : "",
                 slowest->reverse ? slowest->dev->name : "");
    progress_show(&c->progress, answered, asked, slowest ? what : NULL, slowest ? t - slowest->asked_at : 0, t);
}

static int collect_loop(check_t *c)
{
    int budget = budget_s(c);
    double deadline = clock_now_s() + budget;
    c->gated = true;
    for (;;) {
        double t = clock_now_s();
        submit_due(c, t);
        if (c->unreachable)
            return -1;
        if (all_done(c))
            return 0;
        if (t >= deadline) {
            expire(c, t, budget);
            return 0;
        }
        show_progress(c, t);
        struct pollfd p = {.fd = runner_fd(c->runner), .events = POLLIN};
        double wait = next_due(c, deadline) - t;
        if (c->progress.on && wait > 0.2)
            wait = 0.2; /* the seconds shown keep counting */
        if (poll(&p, 1, wait > 0 ? (int)(wait * 1000) + 1 : 0) < 0 && errno != EINTR)
            return -1;
        take_replies(c);
    }
}

static int collect(check_t *c)
{
    int rc = collect_loop(c);
    progress_clear(&c->progress);
    return rc;
}

/* ---- imported files and the console's TCP test ---- */

static char *read_whole(const char *path, size_t *len, char *err, size_t errlen)
{
    FILE *f = fopen(path, "rb");
    if (!f) {
        snprintf(err, errlen, "%s: %s", path, strerror(errno));
        return NULL;
    }
    size_t cap = 8192, n;
    char *buf = malloc(cap);
    *len = 0;
    while (buf && (n = fread(buf + *len, 1, cap - *len - 1, f)) > 0) {
        *len += n;
        if (*len + 1 == cap) {
            char *grown = cap < TRANSPORT_MAX_OUTPUT ? realloc(buf, cap * 2) : NULL;
            if (!grown) {
                free(buf);
                buf = NULL;
            }
            buf = grown;
            cap *= 2;
        }
    }
    fclose(f);
    if (!buf)
        snprintf(err, errlen, "%s: too large or out of memory", path);
    else
        buf[*len] = '\0';
    return buf;
}

typedef struct {
    probe_reply_t *reply;
    size_t cap;
} sink_t;

static int keep_record(void *ud, const record_t *rec)
{
    sink_t *s = ud;
    if (s->reply->n_records == s->cap) {
        size_t cap = s->cap ? s->cap * 2 : 8;
        record_t *grown = realloc(s->reply->records, cap * sizeof(*grown));
        if (!grown)
            return -1;
        s->reply->records = grown;
        s->cap = cap;
    }
    s->reply->records[s->reply->n_records++] = *rec;
    return 0;
}

/* Parses rp's text as command on vendor, as the runner does with device answers. */
static void parse_into(probe_reply_t *rp, const char *vendor, const char *command)
{
    const parser_vendor_t *pv = parser_vendor_find(vendor);
    const parser_def_t *def = pv ? parser_find(pv, command) : NULL;
    if (!def)
        return;
    sink_t s = {rp, 0};
    parse_run_t *run = parse_run_new(def, pv, command, keep_record, &s);
    if (!run)
        return;
    rp->kind = def->kind;
    parse_run_feed(run, rp->result.output, rp->result.len);
    parse_run_finish(run);
    parse_status_t st;
    parse_run_status(run, &st);
    rp->meta = *parse_run_meta(run);
    probe_reply_parse_status(rp, &st);
    parse_run_free(run);
}

/* Saved traceroutes come from any host: the format tells which parser reads it. */
static const char *trace_format(const char *text, const char **vendor)
{
    *vendor = "linux";
    if (strstr(text, "Tracing route to") || strstr(text, "Tracing route"))
        return *vendor = "windows", "tracert";
    if (strstr(text, "HOST:") || strstr(text, "Loss%"))
        return "mtr --report";
    return "traceroute";
}

static probe_reply_t *import_file(const char *path, bool trace, char *err, size_t errlen)
{
    size_t len;
    char *text = read_whole(path, &len, err, errlen);
    if (!text)
        return NULL;
    probe_reply_t *rp = calloc(1, sizeof(*rp));
    if (!rp) {
        free(text);
        snprintf(err, errlen, "out of memory");
        return NULL;
    }
    const char *vendor = "azure", *command = "az network nic show-effective-route-table";
    if (trace)
        command = trace_format(text, &vendor);
    rp->probe = trace ? PROBE_TRACEROUTE : PROBE_COUNT;
    rp->result.output = text;
    rp->result.len = len;
    parse_into(rp, vendor, command);
    snprintf(rp->command, sizeof(rp->command), "%s (imported from %.400s)", command, path);
    if (rp->kind == KIND_NONE || rp->n_records == 0)
        sanitize_fprintf(stderr, "erdiag check: %s: read as %s output, but %s\n", path, command,
                         rp->parse_error[0] ? rp->parse_error : "nothing in it was understood");
    return rp;
}

static int import_files(check_t *c)
{
    char err[700];
    const char *paths[2] = {c->o->reverse_trace, c->o->azure_routes};
    fact_t *dest[2] = {&c->ev.reverse_trace, &c->ev.azure_routes};
    for (int i = 0; i < 2; i++) {
        if (!paths[i])
            continue;
        c->imported[i] = import_file(paths[i], i == 0, err, sizeof(err));
        if (!c->imported[i])
            return check_failed(c, "none", "usage_error", "%s", err);
        fact_from_reply(dest[i], c->imported[i], 0);
        if (c->o->verbose)
            sanitize_fprintf(stderr, "erdiag check: imported %s: %zu records%s\n", c->imported[i]->command,
                             c->imported[i]->n_records, c->imported[i]->partial ? " (partial)" : "");
    }
    return 0;
}

/* Replay: DIR/tcp_console.txt holds the recorded outcome, one word. */
static void replayed_tcp(check_t *c)
{
    char path[1200], word[32] = "";
    snprintf(path, sizeof(path), "%s/tcp_console.txt", c->o->replay);
    FILE *f = fopen(path, "r");
    if (!f)
        return;
    bool got = fscanf(f, "%31s", word) == 1;
    fclose(f);
    for (int r = TCP_OPEN; got && r <= TCP_ERROR; r++) {
        if (strcmp(word, tcp_result_name((tcp_result_t)r)) == 0) {
            c->ev.has_console_tcp = true;
            c->ev.console_tcp.result = (tcp_result_t)r;
            snprintf(c->ev.console_tcp.message, sizeof(c->ev.console_tcp.message), "replayed from %.120s",
                     "tcp_console.txt");
        }
    }
    if (!c->ev.has_console_tcp)
        sanitize_fprintf(stderr, "erdiag check: %s: not one of open|refused|timeout|unreachable\n", path);
}

static void console_tcp(check_t *c)
{
    if (c->o->runbook != RUNBOOK_BGP || !c->dev->has_peer_ip)
        return;
    char peer[ADDR_LEN];
    ip_to_string(&c->dev->peer_ip, peer, sizeof(peer));
    if (c->o->replay) {
        replayed_tcp(c);
    } else {
        tcp_probe(peer, 179, 3000, &c->ev.console_tcp);
        c->ev.has_console_tcp = true;
    }
    if (c->o->verbose && c->ev.has_console_tcp)
        sanitize_fprintf(stderr, "erdiag check: console TCP to %s port 179: %s (%s)\n", peer,
                         tcp_result_name(c->ev.console_tcp.result), c->ev.console_tcp.message);
}

/* ---- recording what the recorder cannot ---- */

static bool reply_ok(const probe_reply_t *rp)
{
    return rp && rp->result.error == PERR_NONE && rp->result.output;
}

/* Another job asked the same probe with another command (the two route lookups). */
static bool probe_shared(const check_t *c, int i)
{
    for (int k = 0; k < c->n_jobs; k++)
        if (k != i && c->jobs[k].req.probe == c->jobs[i].req.probe && c->jobs[k].dev == c->jobs[i].dev &&
            strcmp(c->jobs[k].command, c->jobs[i].command) != 0)
            return true;
    return false;
}

/* The recorder keeps one file per probe: a second command of the same probe overwrites the
 * first's answer, so each such command gets its own file and index line. */
static int record_shared(const check_t *c, char *err, size_t errlen)
{
    char name[96];
    for (int i = 0; i < c->n_jobs; i++) {
        const job_t *j = &c->jobs[i];
        if (j->dev != c->dev || !reply_ok(j->reply[0]) || !probe_shared(c, i))
            continue;
        snprintf(name, sizeof(name), "%s-%d.txt", probe_name(j->req.probe), i);
        if (record_dir_capture(c->rec[0], name, j->reply[0]->result.output, j->reply[0]->result.len, err, errlen) != 0 ||
            record_dir_index(c->rec[0], j->command, name, err, errlen) != 0)
            return -1;
    }
    return 0;
}

/* The file a recording keeps job i's poll k in (record_shared names the shared ones). */
static void poll_file(const check_t *c, int i, int k, char *name, size_t size)
{
    const job_t *j = &c->jobs[i];
    if (probe_shared(c, i))
        snprintf(name, size, "%s-%d.txt", probe_name(j->req.probe), i);
    else
        snprintf(name, size, k ? "%s.%d.txt" : "%s.txt", probe_name(j->req.probe), k + 1);
}

/* A probe polled twice would keep only its second answer: both polls are written here as
 * <probe>.txt and <probe>.2.txt (what --replay reads), and every answer's UTC time goes into
 * polls.tsv (so a replay computes rates over the real interval). */
static int record_polls(const check_t *c, char *err, size_t errlen)
{
    static char names[MAX_JOBS * 2][96];
    record_poll_t polls[MAX_JOBS * 2];
    size_t n = 0;
    for (int i = 0; i < c->n_jobs; i++) {
        const job_t *j = &c->jobs[i];
        for (int k = 0; k < j->done && k < 2 && j->dev == c->dev; k++) {
            if (!reply_ok(j->reply[k]) || j->utc[k] <= 0)
                continue;
            poll_file(c, i, k, names[n], sizeof(names[n]));
            if (j->wanted == 2 && reply_ok(j->reply[1]) &&
                record_dir_capture(c->rec[0], names[n], j->reply[k]->result.output, j->reply[k]->result.len, err,
                                   errlen) != 0)
                return -1;
            polls[n] = (record_poll_t){probe_name(j->req.probe), k + 1, names[n], j->utc[k]};
            n++;
        }
    }
    return record_dir_polls(c->rec[0], polls, n, err, errlen);
}

/* The console's TCP test, one word: tcp_console.txt. */
static int record_console(const check_t *c, char *err, size_t errlen)
{
    char word[32];
    if (!c->ev.has_console_tcp)
        return 0;
    snprintf(word, sizeof(word), "%s\n", tcp_result_name(c->ev.console_tcp.result));
    return record_dir_write(c->rec[0], "tcp_console.txt", word, strlen(word), err, errlen);
}

static void record_extras(check_t *c)
{
    char err[700];
    if (record_shared(c, err, sizeof(err)) != 0 || record_polls(c, err, sizeof(err)) != 0 ||
        record_console(c, err, sizeof(err)) != 0)
        record_failure(c, err);
}

/* ---- evidence ---- */

static fact_t *job_slot(check_t *c, const job_t *j)
{
    if (j->reverse)
        return &c->ev.reverse_trace;
    if (j->req.slot == SLOT_FORWARD_TRACE)
        return &c->ev.forward_trace;
    if (j->req.slot == SLOT_ONPREM_ROUTE)
        return &c->ev.onprem_route;
    return &c->ev.facts[j->req.probe];
}

/* Two polls: the first is the earlier snapshot, the second the latest.  When the second failed
 * the first still tells the state, only without growth. */
static void job_facts(check_t *c, const job_t *j)
{
    fact_t *latest = job_slot(c, j);
    if (j->wanted == 2 && reply_ok(j->reply[1])) {
        if (reply_ok(j->reply[0]))
            fact_from_reply(&c->ev.earlier[j->req.probe], j->reply[0], j->at[0]);
        fact_from_reply(latest, j->reply[1], j->at[1]);
    } else if (j->reply[0]) {
        fact_from_reply(latest, j->reply[0], j->at[0]);
    }
}

static void build_evidence(check_t *c)
{
    c->ev.device = c->dev;
    c->ev.vendor = c->vendor;
    for (int i = 0; i < c->n_jobs; i++)
        job_facts(c, &c->jobs[i]);
}

/* ---- output (report/verdict_*.c renders the result; collection problems are ours) ---- */

/* Probes that gave nothing usable, with the reason: the steps say what they lack, this says why. */
static void print_problems_text(const check_t *c, int width)
{
    char why[1200], a[2048], line[2200];
    bool header = false;
    for (int i = 0; i < c->n_jobs; i++) {
        for (int k = 0; k < c->jobs[i].done; k++) {
            const probe_reply_t *rp = c->jobs[i].reply[k];
            if (!rp || reply_ok(rp))
                continue;
            fact_t f;
            fact_from_reply(&f, rp, 0);
            if (!header)
                printf("\nNot collected:\n");
            header = true;
            snprintf(line, sizeof(line), "  %s%s: %s", probe_name(c->jobs[i].req.probe), k ? " (second poll)" : "",
                     redact(fact_problem(&f, why, sizeof(why)), a, sizeof(a)));
            wrap_write(stdout, width, 4, 0, line);
        }
    }
}

/* What the report needs besides the result: names, the width, the time taken. */
static verdict_meta_t meta_of(const check_t *c, char *peer, size_t size)
{
    const device_t *d = c->dev;
    peer[0] = '\0';
    if (d && c->o->runbook == RUNBOOK_ASYM && d->has_azure_vm)
        ip_to_string(&d->azure_vm, peer, size);
    else if (d && d->has_peer_ip)
        ip_to_string(&d->peer_ip, peer, size);
    return (verdict_meta_t){
        .device = d ? d->name : c->o->device ? c->o->device : "",
        .vendor = d ? d->vendor : NULL,
        .peer = peer,
        .runbook = c->o->has_runbook ? runbook_name(c->o->runbook) : NULL,
        .collect_s = c->started > 0 ? clock_now_s() - c->started : -1,
        .utc = c->started_utc > 0 ? c->started_utc : utc_now(),
        .width = cli_width(STDOUT_FILENO, 100),
    };
}

static void print_text(const check_t *c)
{
    char peer[ADDR_LEN];
    verdict_meta_t m = meta_of(c, peer, sizeof(peer));
    verdict_text_head(stdout, &m, &c->result);
    verdict_text_steps(stdout, &m, &c->result);
    print_problems_text(c, m.width);
    verdict_text_causes(stdout, &m, &c->result);
}

/* ASCII only: every character past 0x7f as a \u escape, so the C1 controls a terminal obeys
 * (U+009B is CSI) never reach it raw; jansson escapes ESC and the other C0 controls itself. */
static int dump_json(json_t *root)
{
    int rc = root ? json_dumpf(root, stdout, JSON_INDENT(2) | JSON_PRESERVE_ORDER | JSON_ENSURE_ASCII) : -1;
    fputc('\n', stdout);
    json_decref(root);
    return rc;
}

static int print_json(const check_t *c)
{
    char peer[ADDR_LEN];
    verdict_meta_t m = meta_of(c, peer, sizeof(peer));
    return dump_json(verdict_json(&m, &c->result));
}

/* Nothing could be judged (c->error): still one verdict on stdout, UNKNOWN, the error in words
 * (a monitoring system shows stdout's first line; --json consumers always get an object). */
static void print_error(const check_t *c)
{
    char peer[ADDR_LEN];
    verdict_meta_t m = meta_of(c, peer, sizeof(peer));
    if (c->o->json)
        dump_json(verdict_json_error(&m, c->error_step, c->error_cause, c->error));
    else
        verdict_text_error(stdout, &m, c->error_cause, c->error);
    fflush(stdout);
}

/* In JSON mode the contract has no place for collection errors: they go to stderr. */
static void print_problems_stderr(const check_t *c)
{
    char why[1200], a[2048];
    for (int i = 0; i < c->n_jobs; i++) {
        for (int k = 0; k < c->jobs[i].done; k++) {
            fact_t f;
            if (!c->jobs[i].reply[k] || reply_ok(c->jobs[i].reply[k]))
                continue;
            fact_from_reply(&f, c->jobs[i].reply[k], 0);
            sanitize_fprintf(stderr, "erdiag check: %s: %s\n", probe_name(c->jobs[i].req.probe),
                             redact(fact_problem(&f, why, sizeof(why)), a, sizeof(a)));
        }
    }
}

/* ---- the command ---- */

static void check_free(check_t *c)
{
    runner_free(c->runner); /* first: the workers may still hold a device */
    for (int i = 0; i < c->n_jobs; i++)
        for (int k = 0; k < 2; k++)
            probe_reply_free(c->jobs[i].reply[k]);
    probe_reply_free(c->imported[0]);
    probe_reply_free(c->imported[1]);
    record_dir_close(c->rec[1]);
    record_dir_close(c->rec[0]);
    inventory_free(&c->inv);
    free(c);
}

static int check_run(check_t *c)
{
    c->started = clock_now_s();
    c->started_utc = utc_now();
    if (find_device(c) != 0 || import_files(c) != 0)
        return CHECK_UNKNOWN;
    find_reverse_device(c);
    plan_jobs(c);
    if (start_runner(c) != 0)
        return CHECK_UNKNOWN;
    c->gated = true;
    submit_due(c, clock_now_s()); /* the device works while the console tests TCP */
    console_tcp(c);
    if (collect(c) != 0) {
        check_failed(c, "connect", "device_unreachable", "%s: cannot reach the device: %s", c->dev->name,
                     c->unreachable ? c->unreachable_msg : strerror(errno));
        return CHECK_UNKNOWN;
    }
    if (c->o->record) {
        runner_free(c->runner); /* no worker writes into the recording while we do */
        c->runner = NULL;
        record_extras(c);
    }
    build_evidence(c);
    runbook_evaluate(c->o->runbook, &c->ev, &c->result);
    if (c->o->json) {
        print_problems_stderr(c);
        if (print_json(c) != 0)
            return CHECK_UNKNOWN;
    } else {
        print_text(c);
    }
    fflush(stdout);
    if (c->record_failed)
        sanitize_fprintf(stderr, "erdiag check: exit 3 (UNKNOWN): the recording in %s is incomplete\n", c->o->record);
    return c->record_failed ? CHECK_UNKNOWN : c->result.exit_code;
}

/* Says what was wrong on stderr and keeps the first such message for the JSON verdict. */
static int usage_error(check_opts_t *o, const char *fmt, const char *what)
{
    char msg[500];
    snprintf(msg, sizeof(msg), fmt, what);
    if (!o->error[0])
        snprintf(o->error, sizeof(o->error), "%s", msg);
    sanitize_fprintf(stderr, "erdiag check: %s (try erdiag check --help)\n", msg);
    return CHECK_UNKNOWN;
}

static const cli_option_t check_options[] = {
    {"runbook", 'b', "bgp|asym", "bgp (BGP session failure) or asym (asymmetric routing); required"},
    {"replay", 'r', "DIR", "answer from a recording or scenario instead of the device"},
    {"record", 'R', "DIR", "also save the answers (redacted), poll times and console TCP test"},
    {"inventory", 'i', "FILE", "the inventory (default $XDG_CONFIG_HOME/erdiag/inventory.ini)"},
    {"interval", 'n', "SECONDS", "between the two counter polls (default 10; a replay: as recorded)"},
    {"reverse-trace", 't', "FILE", "asym: the VM's trace back to on-prem (tracert, traceroute, mtr)"},
    {"azure-routes", 'z', "FILE", "asym: the VM NIC's effective routes (az or Get-AzEffectiveRouteTable)"},
    {"accept-new", 'a', NULL, "accept and save an unknown host key without asking"},
    {"json", 'j', NULL, "print the verdict as one JSON object, also when nothing was judged"},
    {"verbose", 'v', NULL, "report each answer on stderr as it arrives"},
    {"help", 'h', NULL, "show this help"},
    {NULL, 0, NULL, NULL},
};

/* One option's value; a bad one is a usage error (kept, so that parsing goes on to --json). */
static int parse_option(check_opts_t *o, int opt)
{
    char *end;
    switch (opt) {
    case 'b':
        o->has_runbook = runbook_from_name(optarg, &o->runbook);
        return o->has_runbook ? 0 : usage_error(o, "unknown runbook '%s' (bgp or asym)", optarg);
    case 't': o->reverse_trace = optarg; return 0;
    case 'z': o->azure_routes = optarg; return 0;
    case 'r': o->replay = optarg; return 0;
    case 'R': o->record = optarg; return 0;
    case 'i': o->inventory = optarg; return 0;
    case 'a': o->accept_new = true; return 0;
    case 'j': o->json = true; return 0;
    case 'v': o->verbose = true; return 0;
    case 'n':
        errno = 0;
        o->interval = strtod(optarg, &end);
        if (errno || end == optarg || *end || !(o->interval >= 0 && o->interval <= 3600))
            return usage_error(o, "--interval '%s': a number of seconds from 0 to 3600", optarg);
        return 0;
    default: return CHECK_UNKNOWN;
    }
}

/* 0 to go on, -1 after --help, CHECK_UNKNOWN for a usage error (o->error holds it unless
 * getopt stopped on an unknown option, which cli_getopt_next has told already). */
static int parse_options(int argc, char **argv, check_opts_t *o)
{
    cli_getopt_t g;
    int opt, rc = 0;
    cli_getopt_init(&g, &cli_cmd_check);
    while ((opt = cli_getopt_next(&g, argc, argv)) != -1) {
        if (opt == 'h') {
            cli_usage(stdout, &cli_cmd_check);
            return -1;
        }
        if (opt == '?')
            return CHECK_UNKNOWN;
        if (parse_option(o, opt) != 0)
            rc = CHECK_UNKNOWN;
    }
    if (optind < argc)
        o->device = argv[optind];
    if (rc != 0)
        return rc;
    if (argc - optind != 1)
        return usage_error(o, "%s", argc - optind < 1 ? "need DEVICE" : "one DEVICE only");
    if (!o->has_runbook)
        return usage_error(o, "%s", "need --runbook bgp|asym");
    if (o->replay && o->record)
        return usage_error(o, "%s", "--replay and --record do not go together");
    return 0;
}

static int check_exec(int argc, char **argv)
{
    check_opts_t o = {.interval = 10};
    check_t *c = calloc(1, sizeof(*c));
    if (!c) {
        sanitize_fprintf(stderr, "erdiag check: out of memory\n");
        return CHECK_UNKNOWN;
    }
    c->o = &o;
    progress_init(&c->progress);
    int rc = parse_options(argc, argv, &o);
    if (rc == 0) {
        rc = check_run(c);
    } else if (rc > 0 && o.error[0]) {
        snprintf(c->error, sizeof(c->error), "%s", o.error);
        c->error_step = "none";
        c->error_cause = "usage_error";
    }
    if (c->error[0])
        print_error(c);
    check_free(c);
    return rc < 0 ? EXIT_OK : rc;
}

const cli_cmd_t cli_cmd_check = {
    .name = "check",
    .usage = "DEVICE --runbook bgp|asym [OPTION...]",
    .summary = "run a runbook and print each step's verdict (exit 0 OK, 1 WARNING, 2 CRITICAL, 3 UNKNOWN)",
    .options = check_options,
    .epilog = "exit: 0 OK, 1 WARNING, 2 CRITICAL, 3 UNKNOWN (also: usage error, device unreachable,\n"
              "      a recording that could not be written)\n",
    .exec = check_exec,
};
