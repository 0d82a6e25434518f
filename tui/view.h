/* view.h: what the panes draw from.  Before each frame the console copies pointers from the
 * engine into a tui_view_t (borrowed: valid for that frame only), so that no pane calls the
 * engine and every pane's rows can be built and tested from plain data. */
#ifndef ERDIAG_TUI_VIEW_H
#define ERDIAG_TUI_VIEW_H

#include <stdbool.h>
#include <stddef.h>

#include "engine/engine.h"
#include "framework/runbook.h"
#include "tui/glyphs.h"
#include "tui/notes.h"
#include "tui/transcript.h"

#define TUI_MAX_JOBS 32

typedef struct {
    runbook_id_t runbook;
    const device_t *dev;            /* NULL before the engine started */
    const runbook_result_t *result; /* NULL before the first judgement */
    const evidence_t *ev;           /* NULL before the engine started */
    const engine_job_t *jobs[TUI_MAX_JOBS];
    size_t n_jobs;
    bool waiting[RUNBOOK_MAX_STEPS]; /* a probe the step judges from has not answered yet */
    double now;                      /* monotonic seconds */
    double last_answer;              /* monotonic time of the newest answer, 0: none */
    bool live, paused;
    unsigned tick; /* the spinner's frame */
    glyph_mode_t glyphs;
    const char *failure; /* why nothing could be judged (the engine's error), or NULL */
    const transcript_t *transcript;
    const tui_notes_t *notes;
    int selected; /* the runbook step shown in the detail pane */
} tui_view_t;

/* Each pane's position: the first row shown, the first column shown (sideways scroll) and,
 * in panes with a cursor, the selected row. */
typedef struct {
    long top, left, sel;
} tui_scroll_t;

/* The job of probe (first one in the view), or NULL. */
const engine_job_t *view_job(const tui_view_t *v, probe_id_t probe);
/* How many jobs have a request out. */
size_t view_in_flight(const tui_view_t *v);
/* The job out longest (NULL when none): a stalled probe shows its elapsed seconds. */
const engine_job_t *view_slowest(const tui_view_t *v);

#endif
