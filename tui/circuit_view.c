/* circuit_view.c: a circuit in the console (`erdiag console --circuit NAME`): both links'
 * sessions live at once, the circuit step on top (framework/circuit.c, judged again whenever
 * either link's verdict changes) and the two links' runbooks side by side below, primary |
 * secondary.  Enter on a link opens that device's own session with every pane; r polls both
 * links now.  The two engines' fds sit in the console's poll() like one session's. */
#include <stdio.h>
#include <string.h>

#include "core/clock.h"
#include "tui/console_int.h"
#include "tui/draw.h"
#include "tui/panes.h"

static const char *const side_name[CIRCUIT_LINKS] = {"primary", "secondary"};

/* The circuit's two devices: from the inventory, or (replaying a circuit scenario) from
 * DIR/primary/device.ini and DIR/secondary/device.ini. */
static int find_links(console_t *c, const char *name)
{
    circuit_view_t *cv = &c->cview;
    char path[1200], err[1200];
    for (int k = 0; k < CIRCUIT_LINKS; k++) {
        inventory_t inv = {0};
        const inventory_t *from = &c->inv;
        cv->replay[k][0] = '\0';
        if (c->o.replay) {
            snprintf(cv->replay[k], sizeof(cv->replay[k]), "%.1100s/%s", c->o.replay, side_name[k]);
            snprintf(path, sizeof(path), "%s/device.ini", cv->replay[k]);
            if (!c->o.inventory && inventory_load(&inv, path, err, sizeof(err)) != 0) {
                screen_say(c, true, "%s", err);
                return -1;
            }
            from = c->o.inventory ? &c->inv : &inv;
        }
        cv->device[k][0] = '\0';
        for (size_t i = 0; i < from->n_devices && !cv->device[k][0]; i++)
            if (strcmp(from->devices[i].circuit, name) == 0 && (int)from->devices[i].link == k)
                snprintf(cv->device[k], sizeof(cv->device[k]), "%s", from->devices[i].name);
        inventory_free(&inv);
        if (!cv->device[k][0]) {
            screen_say(c, true, "circuit '%s' has no %s link", name, side_name[k]);
            return -1;
        }
    }
    return 0;
}

int circuit_view_open(console_t *c, const char *name)
{
    circuit_view_t *cv = &c->cview;
    circuit_view_close(c);
    snprintf(cv->name, sizeof(cv->name), "%s", name);
    if (find_links(c, name) != 0)
        return -1;
    for (int k = 0; k < CIRCUIT_LINKS; k++) {
        engine_opts_t o = {.device = cv->device[k], .inventory = c->o.inventory, .runbook = RUNBOOK_BGP,
                           .replay = cv->replay[k][0] ? cv->replay[k] : NULL, .live = true, .circuit = true,
                           .interval = c->o.interval > 0 ? c->o.interval : c->o.demo ? 2 : 5,
                           .accept_new = c->o.accept_new, .no_journal = c->o.no_journal,
                           .keep_secrets = c->o.keep_secrets};
        cv->eo[k] = o;
        cv->engine[k] = engine_new(&cv->eo[k], NULL, NULL);
        if (!cv->engine[k] || engine_start(cv->engine[k]) != 0)
            screen_say(c, true, "%s: %s", cv->device[k],
                       cv->engine[k] && engine_error(cv->engine[k], NULL, NULL) ? engine_error(cv->engine[k], NULL, NULL)
                                                                                 : "cannot start");
    }
    cv->open = true;
    c->picking = false;
    return 0;
}

void circuit_view_close(console_t *c)
{
    circuit_view_t *cv = &c->cview;
    for (int k = 0; k < CIRCUIT_LINKS; k++) {
        engine_free(cv->engine[k]);
        cv->engine[k] = NULL;
    }
    cv->open = false;
    cv->judged = false;
}

void circuit_view_step(console_t *c)
{
    circuit_view_t *cv = &c->cview;
    if (!cv->open)
        return;
    const evidence_t *ev[CIRCUIT_LINKS] = {NULL, NULL};
    for (int k = 0; k < CIRCUIT_LINKS; k++) {
        if (!cv->engine[k])
            continue;
        engine_step(cv->engine[k]);
        engine_refuse_question(cv->engine[k]);
        if (engine_result(cv->engine[k]) && engine_device(cv->engine[k]))
            ev[k] = engine_evidence(cv->engine[k]);
    }
    if (!ev[0] || !ev[1])
        return;
    circuit_judge(ev[0], ev[1], &cv->result);
    circuit_combine(&cv->result, engine_result(cv->engine[0]), engine_result(cv->engine[1]));
    cv->judged = true;
}

int circuit_view_fds(const console_t *c, struct pollfd *fds, int max)
{
    int n = 0;
    for (int k = 0; k < CIRCUIT_LINKS && n < max; k++)
        if (c->cview.open && c->cview.engine[k])
            fds[n++] = (struct pollfd){.fd = engine_fd(c->cview.engine[k]), .events = POLLIN};
    return n;
}

int circuit_view_timeout_ms(const console_t *c)
{
    int t = 250; /* the spinner */
    for (int k = 0; k < CIRCUIT_LINKS; k++) {
        int e = c->cview.open && c->cview.engine[k] ? engine_timeout_ms(c->cview.engine[k]) : -1;
        t = e >= 0 && e < t ? e : t;
    }
    return t;
}

/* A link's runbook as the runbook pane shows it, from its own engine. */
static void fill_view(const console_t *c, engine_t *e, tui_view_t *v)
{
    memset(v, 0, sizeof(*v));
    v->runbook = RUNBOOK_BGP;
    v->now = clock_now_s();
    v->tick = c->tick;
    v->glyphs = c->glyphs;
    v->selected = -1;
    if (!e)
        return;
    v->dev = engine_device(e);
    v->result = engine_result(e);
    v->failure = engine_error(e, NULL, NULL);
    for (int i = 0; i < RUNBOOK_MAX_STEPS; i++)
        v->waiting[i] = engine_step_waiting(e, i);
}

/* The circuit step: verdict, finding, which link carries each direction, evidence, next. */
static void circuit_rows(const circuit_view_t *cv, int width, rows_t *out)
{
    const step_result_t *s = &cv->result.step;
    char line[700];
    if (!cv->judged) {
        rows_add(out, EL_WAITING, "waiting for both links' first answers...");
        return;
    }
    theme_element_t el = s->verdict == VERDICT_PASS ? EL_PASS : s->verdict == VERDICT_WARN ? EL_WARN
                         : s->verdict == VERDICT_FAIL ? EL_FAIL : EL_SKIP;
    rows_add(out, el, "%s  %s (%s)", verdict_name(s->verdict), s->title, s->cause);
    rows_wrap(out, EL_NORMAL, width, "", s->finding);
    snprintf(line, sizeof(line), "to Azure on %s, from Azure on %s", carrier_name(cv->result.outbound),
             carrier_name(cv->result.inbound));
    rows_add(out, EL_DIM, "%s", line);
    for (int i = 0; i < s->n_evidence; i++) {
        rows_add(out, EL_COMMAND, "  %s $ %s", side_name[cv->result.evidence_link[i] & 1], s->evidence[i].command);
        rows_add(out, EL_EVIDENCE, "      %s", s->evidence[i].line);
    }
    for (int i = 0; i < s->n_next; i++)
        rows_add(out, EL_COMMAND, "  %s%s", s->next_disruptive[i] ? "(disruptive) " : "", s->next[i]);
}

static void draw_link(const console_t *c, int k, const tui_rect_t *r)
{
    const circuit_view_t *cv = &c->cview;
    tui_view_t v;
    char title[160], row[400];
    fill_view(c, cv->engine[k], &v);
    const char *status = v.result ? v.result->status : v.failure ? "UNKNOWN" : "...";
    snprintf(title, sizeof(title), "%s: %s  %s", side_name[k], cv->device[k], status);
    draw_box(r, title, cv->selected == k);
    tui_rect_t in = draw_inner(r);
    if (v.failure && !v.result) {
        draw_text(in.y, in.x, in.w, v.failure, 0, theme_attr(EL_FAIL), true);
        return;
    }
    for (int i = 0; i < runbook_step_count(&v) && i < in.h; i++) {
        theme_element_t el;
        runbook_row(&v, i, row, sizeof(row), &el);
        draw_text(in.y + i, in.x, in.w, row, 0, theme_attr(el), true);
    }
}

void circuit_view_draw(console_t *c)
{
    circuit_view_t *cv = &c->cview;
    rows_t rows;
    char head[300];
    snprintf(head, sizeof(head), "circuit %s   %s | %s   %s", cv->name, cv->device[0], cv->device[1],
             cv->judged ? cv->result.status : "...");
    draw_blank(0, 0, COLS, theme_attr(EL_HEADER));
    draw_text(0, 1, COLS - 2, head, 0, theme_attr(EL_HEADER), false);
    int body = LINES - 2, top = body / 2;
    tui_rect_t box = {1, 0, top, COLS};
    draw_box(&box, "Circuit redundancy", false);
    tui_rect_t in = draw_inner(&box);
    rows_init(&rows);
    circuit_rows(cv, in.w, &rows);
    rows_draw(&rows, &in, &cv->scroll, false);
    rows_free(&rows);
    tui_rect_t left = {1 + top, 0, body - top, COLS / 2}, right = {1 + top, COLS / 2, body - top, COLS - COLS / 2};
    draw_link(c, 0, &left);
    draw_link(c, 1, &right);
}

/* Keys: Left/Right or Tab pick a link, Enter opens its device, r polls both, PgUp/PgDn scroll
 * the circuit step, p the picker, q quits. */
void circuit_view_key(console_t *c, action_t a)
{
    circuit_view_t *cv = &c->cview;
    switch (a) {
    case ACT_LEFT: case ACT_PREV_PANE: cv->selected = 0; break;
    case ACT_RIGHT: case ACT_NEXT_PANE: cv->selected = 1; break;
    case ACT_PAGE_UP: case ACT_UP: cv->scroll.top -= a == ACT_UP ? 1 : 5; break;
    case ACT_PAGE_DOWN: case ACT_DOWN: cv->scroll.top += a == ACT_DOWN ? 1 : 5; break;
    case ACT_REFRESH:
        for (int k = 0; k < CIRCUIT_LINKS; k++)
            if (cv->engine[k])
                engine_refresh(cv->engine[k]);
        screen_say(c, false, "polling both links now");
        break;
    case ACT_RERUN_STEP: case ACT_SELECT: {
        int k = cv->selected & 1;
        char device[INV_NAME_LEN], replay[1200];
        snprintf(device, sizeof(device), "%s", cv->device[k]);
        snprintf(replay, sizeof(replay), "%s", cv->replay[k]);
        circuit_view_close(c);
        session_open(c, device, replay[0] ? replay : NULL, RUNBOOK_BGP, NULL, NULL);
        break;
    }
    case ACT_PICKER: circuit_view_close(c); actions_picker(c); break;
    case ACT_QUIT: c->quit = true; break;
    default: break;
    }
    if (cv->scroll.top < 0)
        cv->scroll.top = 0;
}
