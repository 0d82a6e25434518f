/* fleet.c: many sessions at once (see fleet.h).  One poll() over every running engine's fd;
 * a finished engine's outcome is copied into its row and the engine freed, and the next device
 * starts in its place. */
#include "engine/fleet.h"

#include <poll.h>
#include <stdlib.h>
#include <string.h>

#include "core/clock.h"

typedef struct {
    engine_t *engine;
    size_t row;
    const char *jump;
    double started;
} slot_t;

/* Worse first: CRITICAL, UNKNOWN, WARNING, OK. */
static int severity(int exit_code)
{
    static const int rank[] = {0, 1, 3, 2};
    return exit_code >= 0 && exit_code <= 3 ? rank[exit_code] : 2;
}

static void copy_outcome(fleet_row_t *row, engine_t *e)
{
    const device_t *d = engine_device(e);
    const runbook_result_t *r = engine_result(e);
    const char *step = "none", *cause = "internal_error", *error = engine_error(e, &step, &cause);
    if (d) {
        snprintf(row->circuit, sizeof(row->circuit), "%s", d->circuit);
        snprintf(row->vendor, sizeof(row->vendor), "%s", d->vendor);
        row->link = d->link == LINK_SECONDARY ? "secondary" : "primary";
        if (d->has_peer_ip)
            ip_to_string(&d->peer_ip, row->peer, sizeof(row->peer));
    }
    if (engine_journal_path(e))
        snprintf(row->journal, sizeof(row->journal), "%s", engine_journal_path(e));
    if (error || !r || engine_state(e) != ENGINE_JUDGED) {
        row->status = "UNKNOWN";
        row->exit_code = 3;
        snprintf(row->step, sizeof(row->step), "%s", step ? step : "none");
        snprintf(row->cause, sizeof(row->cause), "%s", cause ? cause : "internal_error");
        snprintf(row->finding, sizeof(row->finding), "%s", error ? error : "nothing was judged");
        return;
    }
    row->status = r->status;
    row->exit_code = r->exit_code;
    row->result = malloc(sizeof(*row->result));
    if (row->result)
        *row->result = *r;
    const step_result_t *s = r->n_causes ? &r->steps[r->causes[0]] : NULL;
    snprintf(row->cause, sizeof(row->cause), "%s", s ? s->cause : "none");
    snprintf(row->step, sizeof(row->step), "%s", s ? s->id : "");
    snprintf(row->finding, sizeof(row->finding), "%s", s ? s->finding : "no fault found");
    if (s && s->n_evidence) {
        snprintf(row->evidence, sizeof(row->evidence), "%s", s->evidence[0].line);
        snprintf(row->evidence_command, sizeof(row->evidence_command), "%s", s->evidence[0].command);
    }
}

/* A fleet asks nobody: an unknown host key (without accept_new) and a password are refused. */
static void refuse_questions(engine_t *e)
{
    const engine_question_t *q = engine_question(e);
    if (q && q->kind == ENGINE_Q_HOSTKEY)
        engine_answer_hostkey(e, q->id, HOSTKEY_REFUSE);
    else if (q)
        engine_answer_secret(e, q->id, NULL);
}

static int behind(const slot_t *slots, int n, const char *jump)
{
    int count = 0;
    for (int i = 0; i < n; i++)
        count += slots[i].engine && jump[0] && strcmp(slots[i].jump, jump) == 0;
    return count;
}

/* Starts the next device that fits (its jump host not full) in slot s; false when none does. */
static bool start_next_in(const fleet_opts_t *o, const char *const *names, bool *started, size_t n, slot_t *slots,
                       int n_slots, int s, const char *(*jump_of)(void *, const char *), void *ud, fleet_row_t *rows)
{
    int per_jump = o->per_jump > 0 ? o->per_jump : FLEET_DEFAULT_PER_JUMP;
    for (size_t i = 0; i < n; i++) {
        const char *jump = jump_of ? jump_of(ud, names[i]) : NULL;
        if (started[i] || (jump && jump[0] && behind(slots, n_slots, jump) >= per_jump))
            continue;
        started[i] = true;
        engine_opts_t eo = o->base;
        eo.device = names[i];
        eo.live = false;
        slots[s] = (slot_t){engine_new(&eo, NULL, NULL), i, jump ? jump : "", clock_now_s()};
        snprintf(rows[i].device, sizeof(rows[i].device), "%s", names[i]);
        if (!slots[s].engine) {
            rows[i].status = "UNKNOWN", rows[i].exit_code = 3;
            snprintf(rows[i].cause, sizeof(rows[i].cause), "internal_error");
            snprintf(rows[i].finding, sizeof(rows[i].finding), "out of memory");
            continue; /* this one is done; the slot stays free for the next */
        }
        engine_start(slots[s].engine);
        return true;
    }
    return false;
}

static void finish(slot_t *slot, fleet_row_t *rows)
{
    fleet_row_t *row = &rows[slot->row];
    copy_outcome(row, slot->engine);
    row->seconds = clock_now_s() - slot->started;
    engine_free(slot->engine); /* ends its journal */
    slot->engine = NULL;
}

static bool all_done(const fleet_row_t *rows, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (!rows[i].status)
            return false;
    return true;
}

static bool running(const engine_t *e)
{
    engine_state_t st = engine_state(e);
    return st == ENGINE_COLLECTING;
}

int fleet_run(const fleet_opts_t *o, const char *const *names, size_t n, const char *(*jump_of)(void *, const char *),
              void *ud, fleet_row_t *rows)
{
    int n_slots = o->parallel > 0 ? o->parallel : FLEET_DEFAULT_PARALLEL;
    slot_t *slots = calloc((size_t)n_slots, sizeof(*slots));
    bool *started = calloc(n ? n : 1, sizeof(*started));
    struct pollfd *fds = calloc((size_t)n_slots, sizeof(*fds));
    memset(rows, 0, n * sizeof(*rows));
    while (slots && started && fds && !all_done(rows, n)) {
        int timeout = 1000, nfds = 0;
        for (int s = 0; s < n_slots; s++)
            if (!slots[s].engine)
                start_next_in(o, names, started, n, slots, n_slots, s, jump_of, ud, rows);
        for (int s = 0; s < n_slots; s++) {
            if (!slots[s].engine)
                continue;
            if (!running(slots[s].engine)) {
                finish(&slots[s], rows);
                continue;
            }
            int t = engine_timeout_ms(slots[s].engine);
            if (t >= 0 && t < timeout)
                timeout = t;
            fds[nfds++] = (struct pollfd){.fd = engine_fd(slots[s].engine), .events = POLLIN};
        }
        if (nfds == 0)
            continue; /* every slot just finished: start the next ones */
        poll(fds, (nfds_t)nfds, nfds ? timeout : 0);
        for (int s = 0; s < n_slots; s++) {
            if (!slots[s].engine)
                continue;
            engine_step(slots[s].engine);
            refuse_questions(slots[s].engine);
        }
    }
    int worst = 0;
    for (size_t i = 0; i < n; i++)
        if (rows[i].status && severity(rows[i].exit_code) > severity(worst))
            worst = rows[i].exit_code;
    free(fds);
    free(started);
    free(slots);
    return worst;
}

static int by_severity(const void *a, const void *b)
{
    const fleet_row_t *x = a, *y = b;
    int d = severity(y->exit_code) - severity(x->exit_code);
    return d ? d : strcmp(x->device, y->device);
}

void fleet_sort(fleet_row_t *rows, size_t n)
{
    qsort(rows, n, sizeof(*rows), by_severity);
}

void fleet_rows_free(fleet_row_t *rows, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        free(rows[i].result);
        rows[i].result = NULL;
    }
}
