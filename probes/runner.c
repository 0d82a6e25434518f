/* runner.c: per-device worker threads, request queues, and the reply queue. */
#include "probes/runner.h"

#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/eventfd.h>
#include <time.h>
#include <unistd.h>

#include "parsers/parser.h"

typedef struct request {
    uint64_t id;
    probe_id_t probe;
    char command[CMD_LEN];
    struct request *next;
} request_t;

typedef struct reply_node {
    probe_reply_t *reply;
    struct reply_node *next;
} reply_node_t;

typedef struct worker {
    runner_t *runner;
    device_t device;
    const vendor_t *vendor;
    transport_factory_fn factory;
    void *factory_ud;
    pthread_t thread;
    pthread_mutex_t lock;
    pthread_cond_t wake;
    request_t *head, *tail;
    bool stop;
    struct worker *next;
} worker_t;

struct runner {
    int event_fd;
    pthread_mutex_t lock; /* guards replies, workers list and next_id */
    reply_node_t *replies, *replies_tail;
    worker_t *workers;
    uint64_t next_id;
};

static void post_reply(runner_t *r, probe_reply_t *reply)
{
    reply_node_t *node = calloc(1, sizeof(*node));
    if (!node) {
        probe_reply_free(reply);
        return;
    }
    node->reply = reply;
    pthread_mutex_lock(&r->lock);
    if (r->replies_tail)
        r->replies_tail->next = node;
    else
        r->replies = node;
    r->replies_tail = node;
    pthread_mutex_unlock(&r->lock);
    uint64_t one = 1;
    if (write(r->event_fd, &one, sizeof(one)) != sizeof(one)) {
        /* The counter only saturates after 2^64-1 posts; nothing to do but go on. */
    }
}

typedef struct {
    probe_reply_t *reply;
    size_t cap;
} collect_t;

static int collect_record(void *ud, const record_t *rec)
{
    collect_t *c = ud;
    probe_reply_t *rp = c->reply;
    if (rp->n_records == c->cap) {
        size_t cap = c->cap ? c->cap * 2 : 8;
        record_t *grown = realloc(rp->records, cap * sizeof(record_t));
        if (!grown)
            return -1;
        rp->records = grown;
        c->cap = cap;
    }
    rp->records[rp->n_records++] = *rec;
    return 0;
}

void probe_reply_parse(probe_reply_t *rp, const char *vendor, const char *command)
{
    const parser_vendor_t *pv = parser_vendor_find(vendor);
    const parser_def_t *def = pv ? parser_find(pv, command) : NULL;
    if (!def || !rp->result.output)
        return;
    rp->kind = def->kind;
    collect_t c = {rp, 0};
    parse_run_t *run = parse_run_new(def, pv, command, collect_record, &c);
    if (!run) {
        snprintf(rp->parse_error, sizeof(rp->parse_error), "out of memory");
        return;
    }
    parse_run_feed(run, rp->result.output, rp->result.len);
    parse_run_finish(run);
    parse_status_t st;
    parse_run_status(run, &st);
    rp->meta = *parse_run_meta(run);
    probe_reply_parse_status(rp, &st);
    parse_run_free(run);
}

/* Parses the answer with whatever parser the command resolves to. */
static void parse_reply(const vendor_t *v, probe_reply_t *rp)
{
    probe_reply_parse(rp, v->name, rp->command);
}

void probe_reply_parse_status(probe_reply_t *rp, const parse_status_t *st)
{
    rp->partial = st->partial || st->error || rp->result.truncated;
    /* A parse that stopped keeps the records before the stop, as a cut answer does. */
    rp->truncated = st->truncated || st->error || rp->result.truncated;
    snprintf(rp->partial_reason, sizeof(rp->partial_reason), "%s",
             rp->result.truncated ? "the answer was cut at the output cap" : st->partial_reason);
    if (st->error)
        snprintf(rp->parse_error, sizeof(rp->parse_error), "%s", st->error);
}

/* Idle this long and the session gets a keepalive: IOS' default exec-timeout is 10 minutes, and
 * some NOCs set it to 1. */
#define KEEPALIVE_IDLE_S 30

/* The next request, or NULL when stopping; *idle is set when KEEPALIVE_IDLE_S passed first. */
static request_t *next_request(worker_t *w, bool *idle)
{
    struct timespec until;
    clock_gettime(CLOCK_REALTIME, &until);
    until.tv_sec += KEEPALIVE_IDLE_S;
    *idle = false;
    pthread_mutex_lock(&w->lock);
    while (!w->head && !w->stop && !*idle)
        *idle = pthread_cond_timedwait(&w->wake, &w->lock, &until) != 0 && !w->head;
    request_t *req = w->stop || *idle ? NULL : w->head;
    if (req) {
        w->head = req->next;
        if (!w->head)
            w->tail = NULL;
    }
    pthread_mutex_unlock(&w->lock);
    return req;
}

static void *worker_main(void *arg)
{
    worker_t *w = arg;
    transport_t *t = NULL;
    probe_error_t open_err = PERR_NONE;
    char open_msg[512] = "";
    request_t *req;
    bool idle;
    while ((req = next_request(w, &idle)) != NULL || idle) {
        if (!req) {
            if (t && transport_keepalive(t) != 0) {
                transport_close(t); /* reconnect on the next request */
                t = NULL;
            }
            continue;
        }
        probe_reply_t *rp = calloc(1, sizeof(*rp));
        if (!rp) {
            free(req);
            continue;
        }
        rp->id = req->id;
        rp->probe = req->probe;
        snprintf(rp->device, sizeof(rp->device), "%s", w->device.name);
        snprintf(rp->command, sizeof(rp->command), "%s", req->command);
        /* Connect lazily, and again after a failure: the next request may find the device back. */
        if (!t)
            t = w->factory(w->factory_ud, &w->device, &open_err, open_msg, sizeof(open_msg));
        if (!t) {
            rp->result.error = open_err;
            snprintf(rp->result.message, sizeof(rp->result.message), "%s", open_msg);
        } else if (transport_run(t, req->probe, req->command, &rp->result) == 0 || rp->result.output) {
            parse_reply(w->vendor, rp);
        }
        free(req);
        post_reply(w->runner, rp);
    }
    transport_close(t);
    return NULL;
}

runner_t *runner_new(void)
{
    runner_t *r = calloc(1, sizeof(*r));
    if (!r)
        return NULL;
    r->event_fd = eventfd(0, EFD_CLOEXEC | EFD_NONBLOCK);
    if (r->event_fd < 0) {
        free(r);
        return NULL;
    }
    pthread_mutex_init(&r->lock, NULL);
    r->next_id = 1;
    return r;
}

int runner_add_device(runner_t *r, const device_t *dev, transport_factory_fn factory, void *ud)
{
    worker_t *w = calloc(1, sizeof(*w));
    if (!w)
        return -1;
    w->runner = r;
    w->device = *dev;
    w->vendor = vendor_find(dev->vendor);
    w->factory = factory;
    w->factory_ud = ud;
    pthread_mutex_init(&w->lock, NULL);
    pthread_cond_init(&w->wake, NULL);
    if (!w->vendor || pthread_create(&w->thread, NULL, worker_main, w) != 0) {
        free(w);
        return -1;
    }
    pthread_mutex_lock(&r->lock);
    w->next = r->workers;
    r->workers = w;
    pthread_mutex_unlock(&r->lock);
    return 0;
}

static worker_t *find_worker(runner_t *r, const char *device)
{
    pthread_mutex_lock(&r->lock);
    worker_t *w = r->workers;
    while (w && strcmp(w->device.name, device) != 0)
        w = w->next;
    pthread_mutex_unlock(&r->lock);
    return w;
}

static uint64_t enqueue(runner_t *r, worker_t *w, probe_id_t probe, const char *command)
{
    request_t *req = calloc(1, sizeof(*req));
    if (!req)
        return 0;
    pthread_mutex_lock(&r->lock);
    uint64_t id = req->id = r->next_id++;
    pthread_mutex_unlock(&r->lock);
    req->probe = probe;
    snprintf(req->command, sizeof(req->command), "%s", command);
    pthread_mutex_lock(&w->lock);
    if (w->tail)
        w->tail->next = req;
    else
        w->head = req;
    w->tail = req;
    pthread_cond_signal(&w->wake);
    pthread_mutex_unlock(&w->lock);
    return id; /* not req->id: the worker may have run and freed req already */
}

uint64_t runner_submit(runner_t *r, const char *device, probe_id_t probe, const probe_args_t *args, bool structured,
                       char *why, size_t whylen)
{
    worker_t *w = find_worker(r, device);
    char command[CMD_LEN];
    if (!w) {
        snprintf(why, whylen, "no device '%s'", device);
        return 0;
    }
    if (command_for_probe(w->vendor, probe, args, structured, command, sizeof(command), why, whylen) != 0)
        return 0;
    return enqueue(r, w, probe, command);
}

uint64_t runner_submit_command(runner_t *r, const char *device, const char *command, char *why, size_t whylen)
{
    worker_t *w = find_worker(r, device);
    if (!w) {
        snprintf(why, whylen, "no device '%s'", device);
        return 0;
    }
    if (!command_allowed(w->vendor, command, why, whylen))
        return 0;
    return enqueue(r, w, PROBE_COUNT, command);
}

int runner_fd(const runner_t *r)
{
    return r->event_fd;
}

probe_reply_t *runner_take(runner_t *r)
{
    uint64_t count;
    pthread_mutex_lock(&r->lock);
    reply_node_t *node = r->replies;
    if (node) {
        r->replies = node->next;
        if (!r->replies)
            r->replies_tail = NULL;
    }
    if (!r->replies) {
        /* Drain the counter so poll() sleeps until the next post. */
        if (read(r->event_fd, &count, sizeof(count)) < 0) {
            /* EAGAIN: nothing was pending */
        }
    }
    pthread_mutex_unlock(&r->lock);
    if (!node)
        return NULL;
    probe_reply_t *reply = node->reply;
    free(node);
    return reply;
}

bool probe_reply_ok(const probe_reply_t *reply)
{
    return reply && reply->result.error == PERR_NONE && reply->result.output;
}

void probe_reply_free(probe_reply_t *reply)
{
    if (!reply)
        return;
    cmd_result_free(&reply->result);
    free(reply->records);
    free(reply);
}

void runner_free(runner_t *r)
{
    if (!r)
        return;
    for (worker_t *w = r->workers; w; w = w->next) {
        pthread_mutex_lock(&w->lock);
        w->stop = true;
        pthread_cond_signal(&w->wake);
        pthread_mutex_unlock(&w->lock);
    }
    while (r->workers) {
        worker_t *w = r->workers;
        r->workers = w->next;
        pthread_join(w->thread, NULL);
        for (request_t *q = w->head, *n; q; q = n) {
            n = q->next;
            free(q);
        }
        pthread_mutex_destroy(&w->lock);
        pthread_cond_destroy(&w->wake);
        free(w);
    }
    probe_reply_t *rp;
    while ((rp = runner_take(r)) != NULL)
        probe_reply_free(rp);
    close(r->event_fd);
    pthread_mutex_destroy(&r->lock);
    free(r);
}
