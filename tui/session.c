/* session.c: the console's side of a session engine: start it, turn its events into
 * transcript lines, copy its state into the view before a frame, and walk the engineer
 * through the steps (the guide selects the failing step until the engineer picks one). */
#include <pthread.h>
#include <stdio.h>
#include <string.h>

#include "core/clock.h"
#include "core/utctime.h"
#include "tui/console_int.h"

static void on_event(void *ud, const engine_event_t *ev)
{
    console_t *c = ud;
    const probe_reply_t *rp = ev->reply;
    char line[1400];
    switch (ev->kind) {
    case ENGINE_EV_SENT:
        transcript_add_command(c->transcript, ev->utc, ev->job->dev->name, ev->job->command);
        break;
    case ENGINE_EV_REPLY:
        if (rp->result.error != PERR_NONE) {
            snprintf(line, sizeof(line), "(%s: %s%s%s)", probe_name(ev->job->req.probe), probe_error_text(rp->result.error),
                     rp->result.message[0] ? ": " : "", rp->result.message);
            transcript_add_info(c->transcript, line);
        } else {
            transcript_add_answer(c->transcript, rp->result.output, rp->result.len);
        }
        break;
    case ENGINE_EV_IMPORTED:
        snprintf(line, sizeof(line), "(imported %s: %zu records%s)", rp->command, rp->n_records,
                 rp->partial ? ", partial" : "");
        transcript_add_info(c->transcript, line);
        break;
    case ENGINE_EV_CONSOLE_TCP:
        snprintf(line, sizeof(line), "(this console's own TCP test: %s)", ev->text);
        transcript_add_info(c->transcript, line);
        break;
    case ENGINE_EV_WARNING:
        transcript_add_info(c->transcript, ev->text);
        screen_say(c, true, "%s", ev->text);
        break;
    default: break;
    }
}

static void set_opts(console_t *c, runbook_id_t rb)
{
    c->eo = (engine_opts_t){
        .device = c->device,
        .inventory = c->inventory[0] ? c->inventory : NULL,
        .replay = c->replay[0] ? c->replay : NULL,
        .reverse_trace = c->reverse_trace[0] ? c->reverse_trace : NULL,
        .azure_routes = c->azure_routes[0] ? c->azure_routes : NULL,
        .runbook = rb,
        .family = c->family,
        .interval = c->o.interval > 0 ? c->o.interval : c->o.demo ? 2 : 5, /* the demo looks live */
        .accept_new = c->o.accept_new,
        .live = true,
        .no_journal = c->o.no_journal,
        .keep_secrets = c->o.keep_secrets,
    };
}

static int start(console_t *c)
{
    c->engine = engine_new(&c->eo, on_event, c);
    if (!c->engine) {
        screen_say(c, true, "out of memory");
        return -1;
    }
    c->user_moved = false;
    c->failure_said = false;
    c->view.selected = 0;
    c->scroll[PANE_DETAIL] = (tui_scroll_t){0};
    return engine_start(c->engine) == 0 ? 0 : -1; /* session_step says why */
}

int session_open(console_t *c, const char *device, const char *replay, runbook_id_t rb, const char *reverse_trace,
                 const char *azure_routes)
{
    bool same = c->transcript && strcmp(c->device, device) == 0;
    session_close(c);
    if (!same) {
        c->family = c->o.family; /* another device: the family asked for on the command line */
        transcript_free(c->transcript);
        c->transcript = NULL;
        tui_notes_free(&c->notes);
    }
    snprintf(c->reverse_trace, sizeof(c->reverse_trace), "%s", reverse_trace ? reverse_trace : "");
    snprintf(c->azure_routes, sizeof(c->azure_routes), "%s", azure_routes ? azure_routes : "");
    snprintf(c->device, sizeof(c->device), "%s", device);
    snprintf(c->replay, sizeof(c->replay), "%s", replay ? replay : "");
    snprintf(c->inventory, sizeof(c->inventory), "%s", c->o.inventory ? c->o.inventory : "");
    if (!c->transcript)
        c->transcript = transcript_new(0);
    c->routes = route_rows_new();
    if (!c->transcript || !c->routes) {
        screen_say(c, true, "out of memory");
        return -1;
    }
    set_opts(c, rb);
    c->picking = false;
    c->raw_follow = true;
    return start(c);
}

int session_reopen(console_t *c)
{
    char device[sizeof(c->device)], replay[sizeof(c->replay)];
    char reverse[sizeof(c->reverse_trace)], azure[sizeof(c->azure_routes)];
    snprintf(device, sizeof(device), "%s", c->device);
    snprintf(replay, sizeof(replay), "%s", c->replay);
    snprintf(reverse, sizeof(reverse), "%s", c->reverse_trace);
    snprintf(azure, sizeof(azure), "%s", c->azure_routes);
    return session_open(c, device, replay[0] ? replay : NULL, c->eo.runbook, reverse, azure);
}

static void *free_engine(void *e)
{
    engine_free(e);
    return NULL;
}

/* engine_free refuses an open question and joins the device's worker, which a stalled device
 * holds until its command times out, and the console TCP test (up to 3 s): that wait happens on
 * a thread of its own, so that leaving a session (p, quit, import) never freezes the screen.  At
 * exit the process ends with it. */
static void release_engine(engine_t *e)
{
    pthread_attr_t attr;
    pthread_t t;
    if (pthread_attr_init(&attr) == 0) {
        pthread_attr_setdetachstate(&attr, PTHREAD_CREATE_DETACHED);
        int rc = pthread_create(&t, &attr, free_engine, e);
        pthread_attr_destroy(&attr);
        if (rc == 0)
            return;
    }
    engine_free(e);
}

void session_close(console_t *c)
{
    if (c->engine && c->picker && engine_result(c->engine))
        picker_set_status(c->picker, c->device, engine_result(c->engine)->status);
    if (c->engine)
        release_engine(c->engine);
    c->engine = NULL;
    route_rows_free(c->routes);
    c->routes = NULL;
    memset(&c->view, 0, sizeof(c->view));
}

void session_quit(console_t *c)
{
    if (c->engine && !session_busy(c))
        engine_free(c->engine);
    /* else the process ends with the worker that a stalled device holds (nothing is kept) */
    c->engine = NULL;
    route_rows_free(c->routes);
    c->routes = NULL;
}

bool session_busy(const console_t *c)
{
    for (size_t i = 0; c->engine && i < engine_job_count(c->engine); i++)
        if (engine_job(c->engine, i)->asked)
            return true;
    return false;
}

int session_timeout_ms(const console_t *c)
{
    return c->engine ? engine_timeout_ms(c->engine) : -1;
}

void session_fill_view(console_t *c)
{
    tui_view_t *v = &c->view;
    int selected = v->selected;
    memset(v, 0, sizeof(*v));
    v->selected = selected;
    v->runbook = c->eo.runbook;
    v->now = clock_now_s();
    v->tick = c->tick;
    v->glyphs = c->glyphs;
    v->transcript = c->transcript;
    v->notes = &c->notes;
    if (!c->engine)
        return;
    v->dev = engine_device(c->engine);
    v->ev = v->dev ? engine_evidence(c->engine) : NULL;
    v->result = engine_result(c->engine);
    v->failure = engine_error(c->engine, NULL, NULL);
    for (size_t i = 0; i < engine_job_count(c->engine) && v->n_jobs < TUI_MAX_JOBS; i++)
        v->jobs[v->n_jobs++] = engine_job(c->engine, i);
    for (int i = 0; i < RUNBOOK_MAX_STEPS; i++)
        v->waiting[i] = engine_step_waiting(c->engine, i);
    v->last_answer = engine_last_answer(c->engine);
    v->live = c->eo.live;
    v->paused = engine_paused(c->engine);
}

void session_step(console_t *c)
{
    if (!c->engine)
        return;
    if (engine_step(c->engine) == ENGINE_FAILED && !c->failure_said) {
        const char *why = engine_error(c->engine, NULL, NULL);
        c->failure_said = true;
        screen_say(c, true, "%s", why ? why : "nothing could be judged");
        transcript_add_info(c->transcript, why ? why : "nothing could be judged");
    }
    actions_question(c);
    session_fill_view(c);
    if (!c->user_moved)
        c->view.selected = runbook_guide_step(&c->view);
    if (c->routes)
        route_rows_update(c->routes, &c->view);
}
