/* console_int.h: the console's state, shared by tui/console.c (the loop), tui/session.c (the
 * engine session), tui/screen.c (the frame) and tui/actions.c (keys), and nobody else. */
#ifndef ERDIAG_TUI_CONSOLE_INT_H
#define ERDIAG_TUI_CONSOLE_INT_H

#include <stdbool.h>
#include <stdint.h>

#include "engine/engine.h"
#include "engine/fleet.h"
#include "framework/circuit.h"
#include <poll.h>
#include "tui/console.h"
#include "tui/demo.h"
#include "tui/dialog.h"
#include "tui/keymap.h"
#include "tui/layout.h"
#include "tui/panes.h"
#include "tui/picker.h"
#include "tui/theme.h"

#define CONSOLE_MAX_THEMES 32
#define CONSOLE_PATH_LEN 1100

/* What the open dialog is for: its answer goes there. */
typedef enum {
    FOR_NOTHING, FOR_QUESTION, FOR_NOTE, FOR_IMPORT_KIND, FOR_IMPORT_PATH, FOR_QUIT, FOR_EXPORT, FOR_UNFINISHED
} dialog_for_t;

/* A circuit on screen (tui/circuit_view.c): both links' sessions and the circuit step. */
typedef struct {
    bool open;
    char name[INV_NAME_LEN];
    char device[CIRCUIT_LINKS][INV_NAME_LEN];
    char replay[CIRCUIT_LINKS][1200];
    engine_opts_t eo[CIRCUIT_LINKS];
    engine_t *engine[CIRCUIT_LINKS];
    circuit_result_t result;
    bool judged;
    int selected; /* the link Enter opens */
    tui_scroll_t scroll;
} circuit_view_t;

typedef struct {
    tui_opts_t o;
    keymap_t keys;
    theme_t theme;
    char themes[CONSOLE_MAX_THEMES][64];
    size_t n_themes, theme_at;
    int colors; /* what theme_apply gets: 0 when colour is off (NO_COLOR, --no-color, none) */
    glyph_mode_t glyphs;
    char status[512]; /* the status line's message ("" shows the key hints) */
    bool status_error;

    /* The device picker: the inventory's devices, or the demo's scenarios. */
    picker_t *picker;
    bool picking;
    inventory_t inv;
    demo_scenario_t *demos;
    size_t n_demos;
    fleet_t *fleet; /* the picker's re-check of every device shown (NULL: none running) */
    circuit_view_t cview; /* --circuit: both links side by side (open: shown instead of a session) */

    /* The session on one device (engine NULL: none). */
    engine_t *engine;
    engine_opts_t eo; /* its strings point into the buffers below */
    family_t family;  /* the peering judged (0: the device's first); f switches it */
    char device[INV_NAME_LEN], replay[CONSOLE_PATH_LEN], inventory[CONSOLE_PATH_LEN];
    char reverse_trace[CONSOLE_PATH_LEN], azure_routes[CONSOLE_PATH_LEN];
    /* The newest unfinished journal offered at start: its path, device and runbook. */
    char unfinished[CONSOLE_PATH_LEN], unfinished_device[INV_NAME_LEN];
    runbook_id_t unfinished_runbook;
    transcript_t *transcript;
    tui_notes_t notes;
    route_rows_t *routes;
    tui_view_t view;
    bool user_moved; /* the engineer chose a step: the guide no longer moves the selection */
    bool failure_said; /* the engine's error is on the status line and in the transcript */

    /* The screen. */
    pane_id_t focus, tab;
    tui_scroll_t scroll[PANE_COUNT];
    raw_search_t search;
    bool searching; /* typing a search on the status line */
    char search_input[128];
    bool raw_follow; /* the raw pane shows the newest lines */
    bool help;
    tui_scroll_t help_scroll;
    dialog_t *dialog;
    dialog_for_t dialog_for;
    uint64_t question_id;
    int import_kind; /* 0 reverse trace, 1 Azure routes */
    bool quit;
    unsigned tick;
} console_t;

/* session.c */
/* Opens a session on device (replay: that directory, or NULL; the asymmetric runbook's saved
 * files, or NULL); the transcript and notes of an earlier session on the same device are
 * kept.  0, or -1 (the reason on the status line). */
int session_open(console_t *c, const char *device, const char *replay, runbook_id_t rb, const char *reverse_trace,
                 const char *azure_routes);
/* Starts the session again with the same device and the files to import now set. */
int session_reopen(console_t *c);
void session_close(console_t *c);
/* At exit, after the terminal was given back: frees the engine unless a probe is out (a stalled
 * device would hold the exit until its timeout; the process ends it instead). */
void session_quit(console_t *c);
/* Takes what the engine has (answers, verdicts, questions) and moves the guide. */
void session_step(console_t *c);
/* Copies the engine's state into c->view for a frame. */
void session_fill_view(console_t *c);
/* Milliseconds until the loop must wake for the session (-1: only on input). */
int session_timeout_ms(const console_t *c);
/* Probes are out. */
bool session_busy(const console_t *c);

/* recheck.c: the picker's re-check of every device shown, at once */
void recheck_start(console_t *c);
void recheck_step(console_t *c);
int recheck_timeout_ms(const console_t *c);

/* circuit_view.c: a circuit, both links at once */
int circuit_view_open(console_t *c, const char *name);
void circuit_view_close(console_t *c);
void circuit_view_step(console_t *c);
int circuit_view_fds(const console_t *c, struct pollfd *fds, int max);
int circuit_view_timeout_ms(const console_t *c);
void circuit_view_draw(console_t *c);
void circuit_view_key(console_t *c, action_t a);

/* screen.c */
void screen_draw(console_t *c);
void screen_layout(const console_t *c, tui_layout_t *l);
void screen_say(console_t *c, bool error, const char *fmt, ...) __attribute__((format(printf, 3, 4)));

/* actions.c */
void actions_key(console_t *c, int ch);
/* Opens the dialog for the engine's open question, if it is not open already. */
void actions_question(console_t *c);

/* console.c */
/* The picker (the inventory's devices or the demo's scenarios), opened anew. */
void actions_picker(console_t *c);
/* Offers the newest session that did not finish (once per session): open or report it. */
void actions_offer_unfinished(console_t *c);
/* Cycles to the next theme (step 1), or applies the one at c->theme_at (0). */
void actions_theme(console_t *c, int step);

#endif
