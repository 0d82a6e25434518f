/* actions.c: what a key does.  The open dialog takes every key, then the help overlay, then a
 * search being typed, then the picker; otherwise the key map's action applies to the focused
 * pane (after htop and mtr: arrows and j/k, PgUp/PgDn, Home/End, Tab between panes, Enter
 * re-runs the step, r refresh, space pause, / n N search, t theme, a note, q quit). */
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "core/journal.h"
#include "core/utctime.h"
#include "report/incident.h"
#include "tui/console_int.h"

static int pane_height(const console_t *c, pane_id_t p)
{
    tui_layout_t l;
    screen_layout(c, &l);
    int h = l.pane[p].h - 2 - (p == PANE_IFACES || p == PANE_ROUTES);
    return h > 1 ? h : 1;
}

/* ---- the steps and the panes ---- */

static void select_step(console_t *c, int to)
{
    int n = runbook_step_count(&c->view);
    c->view.selected = to < 0 ? 0 : to >= n ? n - 1 : to;
    c->user_moved = true;
    c->scroll[PANE_DETAIL] = (tui_scroll_t){0};
}

/* Up, down, pages, ends: the runbook's selection, or the focused pane's scroll position. */
static void move_in_pane(console_t *c, action_t a)
{
    long page = pane_height(c, c->focus), by = a == ACT_UP ? -1 : a == ACT_DOWN ? 1 : a == ACT_PAGE_UP ? -page
                                                                 : a == ACT_PAGE_DOWN ? page : 0;
    tui_scroll_t *s = &c->scroll[c->focus];
    if (c->focus == PANE_RUNBOOK) {
        select_step(c, a == ACT_HOME ? 0 : a == ACT_END ? RUNBOOK_MAX_STEPS : c->view.selected + (int)by);
        return;
    }
    if (c->focus == PANE_RAW) {
        c->raw_follow = a == ACT_END || (c->raw_follow && by > 0);
        if (a == ACT_HOME)
            s->top = (long)transcript_first(c->transcript);
    } else if (a == ACT_HOME) {
        s->top = 0;
    }
    if (a == ACT_END)
        s->top = 1L << 40; /* the pane's draw brings it back to its last page */
    s->top += by;
}

static void focus_pane(console_t *c, int step)
{
    tui_layout_t l;
    screen_layout(c, &l);
    c->focus = layout_next_pane(&l, c->focus, step);
    if (layout_pane_tabbed(c->focus))
        c->tab = c->focus;
}

static const char *step_id(const console_t *c)
{
    size_t n;
    const step_def_t *defs = runbook_steps(c->eo.runbook, &n);
    return c->view.selected >= 0 && (size_t)c->view.selected < n ? defs[c->view.selected].id : "";
}

/* ---- dialogs ---- */

static void open_dialog(console_t *c, dialog_t *d, dialog_for_t why)
{
    dialog_free(c->dialog);
    c->dialog = d;
    c->dialog_for = d ? why : FOR_NOTHING;
}

void actions_question(console_t *c)
{
    const engine_question_t *q = c->engine ? engine_question(c->engine) : NULL;
    if (!q || (c->dialog && c->dialog_for == FOR_QUESTION && c->question_id == q->id))
        return;
    c->question_id = q->id;
    c->help = false;
    open_dialog(c, q->kind == ENGINE_Q_HOSTKEY ? dialog_hostkey(q->device, q->host, q->fingerprint)
                                                : dialog_secret(q->device, q->prompt, q->echo),
                FOR_QUESTION);
}

static void answer_question(console_t *c, dialog_state_t st)
{
    const engine_question_t *q = c->engine ? engine_question(c->engine) : NULL;
    if (!q || q->id != c->question_id)
        return;
    if (q->kind == ENGINE_Q_HOSTKEY) {
        static const hostkey_answer_t answers[] = {HOSTKEY_REFUSE, HOSTKEY_ACCEPT_ONCE, HOSTKEY_ACCEPT_SAVE};
        int b = dialog_button(c->dialog);
        engine_answer_hostkey(c->engine, q->id, st == DLG_DONE && b >= 0 && b < 3 ? answers[b] : HOSTKEY_REFUSE);
    } else {
        engine_answer_secret(c->engine, q->id, st == DLG_DONE ? dialog_text(c->dialog) : NULL);
    }
}

static void import_path(console_t *c, const char *path)
{
    if (!path[0])
        return;
    snprintf(c->import_kind ? c->azure_routes : c->reverse_trace, CONSOLE_PATH_LEN, "%s", path);
    if (session_reopen(c) == 0)
        screen_say(c, false, "imported %s: the runbook starts again with it", path);
}

/* ---- the incident report (e), and sessions that did not finish ---- */

static void ask_export(console_t *c)
{
    char path[CONSOLE_PATH_LEN], when[40];
    const char *home = getenv("HOME");
    if (!c->engine || !engine_journal_path(c->engine)) {
        screen_say(c, true, "export: this session has no journal (--no-journal)");
        return;
    }
    utc_format(utc_now(), false, when, sizeof(when));
    when[13] = when[16] = '-'; /* 2026-12-07T05-01: no ':' in a file name */
    snprintf(path, sizeof(path), "%s/erdiag-%s-%.16s.md", home && home[0] ? home : ".", c->device, when);
    open_dialog(c, dialog_input("Export the incident report", "File (.md, .html or .json):", path), FOR_EXPORT);
}

static void export_to(console_t *c, const char *path)
{
    char err[1400];
    incident_format_t fmt = INCIDENT_MD;
    if (!path[0] || !c->engine || !engine_journal_path(c->engine))
        return;
    incident_format_from_path(path, &fmt);
    if (incident_export(engine_journal_path(c->engine), path, fmt, true, err, sizeof(err)) == 0)
        screen_say(c, false, "incident report written to %s", path);
    else
        screen_say(c, true, "export: %s", err);
}

/* Each unfinished session is offered once: the ones offered are listed, a path per line, in
 * DIR/offered (DIR the journals' directory, ours alone). */
static bool offered_before(const char *dir, const char *path)
{
    char list[1100], line[1300];
    snprintf(list, sizeof(list), "%s/offered", dir);
    FILE *f = fopen(list, "r");
    bool found = false;
    while (f && !found && fgets(line, sizeof(line), f))
        found = strcmp(strtok(line, "\n") ? line : "", path) == 0;
    if (f)
        fclose(f);
    return found;
}

static void remember_offered(const char *dir, const char *path)
{
    char list[1100];
    snprintf(list, sizeof(list), "%s/offered", dir);
    int fd = open(list, O_WRONLY | O_CREAT | O_APPEND | O_NOFOLLOW | O_CLOEXEC, 0600);
    if (fd < 0)
        return;
    FILE *f = fdopen(fd, "a");
    if (f) {
        fprintf(f, "%s\n", path);
        fclose(f);
    } else {
        close(fd);
    }
}

/* At start, without a device: the newest session that never finished (killed, crashed), offered
 * once for opening again (its journal replayed) or reporting. */
void actions_offer_unfinished(console_t *c)
{
    char dir[1024], text[400];
    journal_info_t *infos;
    size_t n, count = 0;
    if (c->o.no_journal || journal_default_dir(dir, sizeof(dir)) != 0 || journal_list(dir, &infos, &n) != 0)
        return;
    const journal_info_t *newest = NULL;
    for (size_t i = 0; i < n; i++)
        if (!infos[i].finished && infos[i].readable && infos[i].device && !offered_before(dir, infos[i].path)) {
            newest = newest ? newest : &infos[i];
            count++;
        }
    if (newest)
        remember_offered(dir, newest->path);
    if (newest && runbook_from_name(newest->runbook ? newest->runbook : "bgp", &c->unfinished_runbook)) {
        static const char *const buttons[] = {"Open it", "Report it", "Not now", NULL};
        snprintf(c->unfinished, sizeof(c->unfinished), "%s", newest->path);
        snprintf(c->unfinished_device, sizeof(c->unfinished_device), "%s", newest->device);
        snprintf(text, sizeof(text), "%zu session%s did not finish. The newest: %s, %s runbook, started %s.", count,
                 count > 1 ? "s" : "", newest->device, newest->runbook ? newest->runbook : "?", newest->start_utc);
        open_dialog(c, dialog_choice("Unfinished sessions", text, buttons, 2), FOR_UNFINISHED);
    }
    journal_list_free(infos, n);
}

static void open_unfinished(console_t *c, int button)
{
    char path[CONSOLE_PATH_LEN + 8], err[1400];
    if (button == 0 && session_open(c, c->unfinished_device, c->unfinished, c->unfinished_runbook, NULL, NULL) == 0)
        screen_say(c, false, "replaying the unfinished session %s", c->unfinished);
    if (button != 1)
        return;
    size_t len = strlen(c->unfinished);
    snprintf(path, sizeof(path), "%.*s.md", (int)(len > 6 ? len - 6 : len), c->unfinished); /* beside it */
    if (incident_export(c->unfinished, path, INCIDENT_MD, false, err, sizeof(err)) == 0)
        screen_say(c, false, "incident report written to %s", path);
    else
        screen_say(c, true, "report: %s", err);
}

static void dialog_done(console_t *c, dialog_state_t st)
{
    dialog_for_t why = c->dialog_for;
    int button = dialog_button(c->dialog);
    char text[256];
    snprintf(text, sizeof(text), "%s", dialog_text(c->dialog));
    if (why == FOR_QUESTION)
        answer_question(c, st);
    open_dialog(c, NULL, FOR_NOTHING); /* wipes what was typed */
    if (st != DLG_DONE)
        return;
    if (why == FOR_QUIT && button == 0)
        c->quit = true;
    else if (why == FOR_NOTE && tui_notes_add(&c->notes, step_id(c), utc_now(), text) == 0) {
        if (c->engine)
            engine_note(c->engine, step_id(c), text); /* kept with the session for the report */
        screen_say(c, false, "note added to step %s", step_id(c));
    } else if (why == FOR_EXPORT)
        export_to(c, text);
    else if (why == FOR_UNFINISHED)
        open_unfinished(c, button);
    else if (why == FOR_IMPORT_KIND && button >= 0 && button < 2) {
        c->import_kind = button;
        open_dialog(c, dialog_input(button ? "Import Azure effective routes" : "Import the reverse trace",
                                    button ? "Path of the saved az / Get-AzEffectiveRouteTable output:"
                                           : "Path of the trace run on the Azure VM (tracert, traceroute, mtr):",
                                    ""),
                    FOR_IMPORT_PATH);
    } else if (why == FOR_IMPORT_PATH)
        import_path(c, text);
    memset(text, 0, sizeof(text));
}

static void ask_quit(console_t *c)
{
    static const char *const buttons[] = {"Yes, quit", "No", NULL};
    if (!session_busy(c)) {
        c->quit = true;
        return;
    }
    open_dialog(c, dialog_choice("Quit?", "Probes are still out. Quit anyway?", buttons, 1), FOR_QUIT);
}

static void ask_import(console_t *c)
{
    static const char *const buttons[] = {"Reverse trace", "Azure routes", "Cancel", NULL};
    if (c->eo.runbook != RUNBOOK_ASYM) {
        screen_say(c, true, "import: only the asymmetric runbook (--runbook asym) reads a trace or Azure routes");
        return;
    }
    open_dialog(c, dialog_choice("Import a saved file", "What did you save?", buttons, 0), FOR_IMPORT_KIND);
}

/* ---- search on the status line ---- */

static void search_key(console_t *c, int ch)
{
    size_t len = strlen(c->search_input);
    if (ch == 27) {
        c->searching = false;
    } else if (ch == '\n' || ch == '\r' || ch == KEY_ENTER) {
        c->searching = false;
        if (c->search_input[0]) {
            snprintf(c->search.needle, sizeof(c->search.needle), "%s", c->search_input);
            c->search.match = -1;
            c->raw_follow = false;
            tui_layout_t l;
            screen_layout(c, &l);
            if (!raw_search(c->transcript, &c->search, &c->scroll[PANE_RAW], pane_height(c, PANE_RAW),
                            l.pane[PANE_RAW].w - 2, 1))
                screen_say(c, true, "not found: %s", c->search.needle);
        }
    } else if ((ch == KEY_BACKSPACE || ch == 127 || ch == 8) && len) {
        c->search_input[len - 1] = '\0';
    } else if (ch >= 0x20 && ch < 0x7f && len + 1 < sizeof(c->search_input)) {
        c->search_input[len] = (char)ch;
        c->search_input[len + 1] = '\0';
    }
}

static void search_again(console_t *c, int dir)
{
    if (!c->search.needle[0] || !c->transcript) {
        screen_say(c, true, "no search yet: / searches the raw transcript");
        return;
    }
    c->raw_follow = false;
    c->focus = c->tab = PANE_RAW;
    tui_layout_t l;
    screen_layout(c, &l);
    if (!raw_search(c->transcript, &c->search, &c->scroll[PANE_RAW], pane_height(c, PANE_RAW), l.pane[PANE_RAW].w - 2,
                    dir))
        screen_say(c, true, "not found: %s", c->search.needle);
}

/* ---- the session's keys ---- */

static void rerun(console_t *c)
{
    if (c->focus != PANE_RUNBOOK && c->focus != PANE_DETAIL)
        return;
    engine_rerun_step(c->engine, c->view.selected);
    screen_say(c, false, "re-running step %s", step_id(c));
}

/* r: every probe again; after a failure (unreachable, refused host key) the session anew. */
static void refresh_now(console_t *c)
{
    if (engine_state(c->engine) == ENGINE_FAILED) {
        session_reopen(c);
        return;
    }
    engine_refresh(c->engine);
    screen_say(c, false, "refreshing every probe");
}

static void toggle_pause(console_t *c)
{
    bool now = !engine_paused(c->engine);
    engine_pause(c->engine, now);
    screen_say(c, false, now ? "live refresh paused (space resumes; r still refreshes)" : "live refresh resumed");
}

/* f: the same device's other peering (IPv4 / IPv6), as a new session; one family: said so. */
static void switch_family(console_t *c)
{
    const device_t *d = c->engine ? engine_loaded_device(c->engine) : NULL;
    const device_t *v = c->engine ? engine_device(c->engine) : NULL;
    family_t fams[2];
    if (!d || !v || device_families(d, fams) < 2) {
        screen_say(c, false, "%s has one peering (%s): nothing to switch to", c->device,
                   v && v->family == FAMILY_IPV6 ? "IPv6" : "IPv4");
        return;
    }
    c->family = v->family == FAMILY_IPV6 ? FAMILY_IPV4 : FAMILY_IPV6;
    if (session_reopen(c) == 0)
        screen_say(c, false, "judging the %s peering of %s", c->family == FAMILY_IPV6 ? "IPv6" : "IPv4", c->device);
}

static void session_action(console_t *c, action_t a)
{
    switch (a) {
    case ACT_UP: case ACT_DOWN: case ACT_PAGE_UP: case ACT_PAGE_DOWN: case ACT_HOME: case ACT_END:
        move_in_pane(c, a);
        break;
    case ACT_LEFT: c->scroll[c->focus].left -= 8; break;
    case ACT_RIGHT: c->scroll[c->focus].left += 8; break;
    case ACT_NEXT_PANE: focus_pane(c, 1); break;
    case ACT_PREV_PANE: focus_pane(c, -1); break;
    case ACT_RERUN_STEP: case ACT_SELECT: rerun(c); break;
    case ACT_REFRESH: refresh_now(c); break;
    case ACT_PAUSE: toggle_pause(c); break;
    case ACT_SEARCH: c->searching = true; c->search_input[0] = '\0'; c->focus = c->tab = PANE_RAW; break;
    case ACT_SEARCH_NEXT: search_again(c, 1); break;
    case ACT_SEARCH_PREV: search_again(c, -1); break;
    case ACT_HELP: c->help = true; c->help_scroll = (tui_scroll_t){0}; break;
    case ACT_THEME: actions_theme(c, 1); break;
    case ACT_QUIT: ask_quit(c); break;
    case ACT_NOTE: open_dialog(c, dialog_input("Add a note", "What was done, who was called:", ""), FOR_NOTE); break;
    case ACT_IMPORT: ask_import(c); break;
    case ACT_EXPORT: ask_export(c); break;
    case ACT_PICKER: session_close(c); actions_picker(c); break;
    case ACT_FAMILY: switch_family(c); break;
    default: break;
    }
}

static void help_key(console_t *c, int ch, action_t a)
{
    if (a == ACT_UP || a == ACT_DOWN)
        c->help_scroll.top += a == ACT_UP ? -1 : 1;
    else if (a == ACT_PAGE_UP || a == ACT_PAGE_DOWN)
        c->help_scroll.top += a == ACT_PAGE_UP ? -10 : 10;
    else if (ch != KEY_RESIZE)
        c->help = false;
}

static void picker_key_in(console_t *c, int ch, action_t a)
{
    /* Typing filters, so the re-check takes a key that is not a letter: C-r, or F5. */
    if (ch == 18 || ch == KEY_F(5) || (a == ACT_REFRESH && (ch < 0x20 || ch > 0x7e))) {
        recheck_start(c);
        return;
    }
    switch (picker_key(c->picker, ch, a)) {
    case PICK_QUIT: c->quit = true; break;
    case PICK_HELP: c->help = true; break;
    case PICK_CHOSEN: {
        const picker_entry_t *e = picker_selected(c->picker);
        const demo_scenario_t *d = e->demo >= 0 ? &c->demos[e->demo] : NULL;
        c->status[0] = '\0';
        session_open(c, e->device, d ? d->dir : c->o.replay, d ? d->runbook : c->o.runbook, d ? d->reverse_trace : NULL,
                     d ? d->azure_routes : NULL);
        break;
    }
    default: break;
    }
}

/* Home and End as tmux and screen send them (vt220 Find and Select: ESC [1~ and ESC [4~,
 * which xterm's terminfo names kfnd and kslt) are Home and End. */
static int plain_key(int ch)
{
    return ch == KEY_FIND ? KEY_HOME : ch == KEY_SELECT ? KEY_END : ch;
}

void actions_key(console_t *c, int ch)
{
    if (ch == KEY_RESIZE || ch == ERR)
        return;
    ch = plain_key(ch);
    if (c->dialog) {
        dialog_state_t st = dialog_key(c->dialog, ch);
        if (st != DLG_OPEN)
            dialog_done(c, st);
        return;
    }
    action_t a = keymap_action(&c->keys, ch);
    if (c->help)
        help_key(c, ch, a);
    else if (c->searching)
        search_key(c, ch);
    else if (c->picking && c->picker)
        picker_key_in(c, ch, a);
    else if (c->cview.open)
        circuit_view_key(c, a == ACT_NONE && ch == 27 ? ACT_PICKER : a);
    else if (c->engine) {
        c->status[0] = '\0'; /* a message lasts until the next key (the transcript keeps warnings) */
        session_action(c, a);
    } else if (a == ACT_QUIT || ch == 27)
        c->quit = true;
    else if (a == ACT_PICKER)
        actions_picker(c);
}
