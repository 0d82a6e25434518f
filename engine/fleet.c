/* fleet.c: many sessions at once (see fleet.h).  An epoll set over every running engine's fd
 * (each itself an epoll set) is the fleet's one fd; a finished engine's outcome is copied into
 * its row and the engine freed, and the next device starts in its place. */
#include "engine/fleet.h"

#include <poll.h>
#include <stdlib.h>
#include <string.h>
#include <sys/epoll.h>
#include <unistd.h>

#include "core/clock.h"

typedef struct {
    engine_t *engine;
    size_t row;
    char jump[INV_TEXT_LEN];
    double started;
} slot_t;

struct fleet {
    fleet_opts_t o;
    char **names;
    size_t n;
    fleet_row_t *rows;
    bool *started;
    slot_t *slots;
    int n_slots;
    int epfd;
    const char *(*jump_of)(void *, const char *);
    void *ud;
};

static void unknown(fleet_row_t *row, const char *step, const char *cause, const char *why)
{
    row->status = "UNKNOWN";
    row->exit_code = 3;
    snprintf(row->step, sizeof(row->step), "%s", step ? step : "none");
    snprintf(row->cause, sizeof(row->cause), "%s", cause ? cause : "internal_error");
    snprintf(row->finding, sizeof(row->finding), "%s", why);
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
        unknown(row, step, cause, error ? error : "nothing was judged");
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

static int behind(const fleet_t *f, const char *jump)
{
    int count = 0;
    for (int i = 0; i < f->n_slots; i++)
        count += f->slots[i].engine && jump[0] && strcmp(f->slots[i].jump, jump) == 0;
    return count;
}

/* Starts the next device that fits (its jump host not full) in slot s; false when none does. */
static bool start_next_in(fleet_t *f, int s)
{
    int per_jump = f->o.per_jump > 0 ? f->o.per_jump : FLEET_DEFAULT_PER_JUMP;
    for (size_t i = 0; i < f->n; i++) {
        const char *jump = f->jump_of ? f->jump_of(f->ud, f->names[i]) : NULL;
        if (f->started[i] || (jump && jump[0] && behind(f, jump) >= per_jump))
            continue;
        f->started[i] = true;
        engine_opts_t eo = f->o.base;
        eo.device = f->names[i];
        eo.live = false;
        slot_t *slot = &f->slots[s];
        *slot = (slot_t){engine_new(&eo, NULL, NULL), i, "", clock_now_s()};
        snprintf(slot->jump, sizeof(slot->jump), "%s", jump ? jump : "");
        struct epoll_event ev = {.events = EPOLLIN, .data.u32 = (uint32_t)s};
        if (!slot->engine || epoll_ctl(f->epfd, EPOLL_CTL_ADD, engine_fd(slot->engine), &ev) != 0) {
            unknown(&f->rows[i], "none", "internal_error", "out of memory");
            engine_free(slot->engine);
            slot->engine = NULL;
            continue; /* this one is done; the slot stays free for the next */
        }
        engine_start(slot->engine);
        return true;
    }
    return false;
}

static void finish(fleet_t *f, slot_t *slot)
{
    fleet_row_t *row = &f->rows[slot->row];
    copy_outcome(row, slot->engine);
    row->seconds = clock_now_s() - slot->started;
    epoll_ctl(f->epfd, EPOLL_CTL_DEL, engine_fd(slot->engine), NULL);
    engine_free(slot->engine); /* ends its journal */
    slot->engine = NULL;
}

fleet_t *fleet_new(const fleet_opts_t *o, const char *const *names, size_t n, const char *(*jump_of)(void *, const char *),
                   void *ud)
{
    fleet_t *f = calloc(1, sizeof(*f));
    if (!f)
        return NULL;
    f->o = *o;
    f->n = n;
    f->jump_of = jump_of;
    f->ud = ud;
    f->n_slots = o->parallel > 0 ? o->parallel : FLEET_DEFAULT_PARALLEL;
    f->names = calloc(n ? n : 1, sizeof(*f->names));
    f->rows = calloc(n ? n : 1, sizeof(*f->rows));
    f->started = calloc(n ? n : 1, sizeof(*f->started));
    f->slots = calloc((size_t)f->n_slots, sizeof(*f->slots));
    f->epfd = epoll_create1(EPOLL_CLOEXEC);
    bool ok = f->names && f->rows && f->started && f->slots && f->epfd >= 0;
    for (size_t i = 0; ok && i < n; i++) {
        ok = (f->names[i] = strdup(names[i])) != NULL;
        if (ok)
            snprintf(f->rows[i].device, sizeof(f->rows[i].device), "%s", names[i]);
    }
    if (!ok) {
        fleet_free(f);
        return NULL;
    }
    return f;
}

int fleet_fd(const fleet_t *f)
{
    return f->epfd;
}

int fleet_timeout_ms(const fleet_t *f)
{
    int timeout = 1000;
    for (int s = 0; s < f->n_slots; s++) {
        int t = f->slots[s].engine ? engine_timeout_ms(f->slots[s].engine) : -1;
        if (t >= 0 && t < timeout)
            timeout = t;
    }
    return timeout;
}

static bool all_done(const fleet_t *f)
{
    for (size_t i = 0; i < f->n; i++)
        if (!f->rows[i].status)
            return false;
    return true;
}

bool fleet_step(fleet_t *f)
{
    for (int s = 0; s < f->n_slots; s++) {
        slot_t *slot = &f->slots[s];
        if (slot->engine) {
            engine_step(slot->engine);
            engine_refuse_question(slot->engine);
            if (engine_state(slot->engine) != ENGINE_COLLECTING)
                finish(f, slot);
        }
        while (!slot->engine && start_next_in(f, s) && engine_state(slot->engine) != ENGINE_COLLECTING)
            finish(f, slot); /* failed at its start (a device not in the inventory) */
    }
    return all_done(f);
}

const fleet_row_t *fleet_rows(const fleet_t *f, size_t *n)
{
    *n = f->n;
    return f->rows;
}

void fleet_free(fleet_t *f)
{
    if (!f)
        return;
    for (int s = 0; f->slots && s < f->n_slots; s++)
        if (f->slots[s].engine) {
            unknown(&f->rows[f->slots[s].row], "none", "stopped", "stopped before it finished");
            engine_free(f->slots[s].engine);
        }
    for (size_t i = 0; f->names && i < f->n; i++)
        free(f->names[i]);
    fleet_rows_free(f->rows, f->rows ? f->n : 0);
    if (f->epfd >= 0)
        close(f->epfd);
    free(f->names);
    free(f->rows);
    free(f->started);
    free(f->slots);
    free(f);
}

int fleet_run(const fleet_opts_t *o, const char *const *names, size_t n, const char *(*jump_of)(void *, const char *),
              void *ud, fleet_row_t *rows)
{
    fleet_t *f = fleet_new(o, names, n, jump_of, ud);
    memset(rows, 0, n * sizeof(*rows));
    while (f && !fleet_step(f)) {
        struct pollfd p = {.fd = fleet_fd(f), .events = POLLIN};
        poll(&p, 1, fleet_timeout_ms(f));
    }
    int worst = 0;
    for (size_t i = 0; f && i < n; i++) {
        rows[i] = f->rows[i];
        f->rows[i].result = NULL; /* now the caller's */
        if (runbook_exit_severity(rows[i].exit_code) > runbook_exit_severity(worst))
            worst = rows[i].exit_code;
    }
    bool ran = f != NULL;
    for (size_t i = 0; !ran && i < n; i++)
        unknown(&rows[i], "none", "internal_error", "out of memory");
    fleet_free(f);
    return ran ? worst : 3;
}

static int by_severity(const void *a, const void *b)
{
    const fleet_row_t *x = a, *y = b;
    int d = runbook_exit_severity(y->exit_code) - runbook_exit_severity(x->exit_code);
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
