/* layout.h: where each part of the console goes, as pure geometry (no curses): given the
 * terminal's size and the runbook, the rectangles of the header, the runbook pane, the step's
 * detail, the live panes, the raw transcript and the status line.
 *
 * Two arrangements.  Below 160x40 the live panes and the raw pane share one rectangle under
 * the runbook and are shown one at a time (the focused one, else the last focused: a tab);
 * from 160x40 up each live pane gets its own column and the transcript a band of its own.
 * Below 80x24 nothing fits: the console shows "terminal too small (need 80x24)". */
#ifndef ERDIAG_TUI_LAYOUT_H
#define ERDIAG_TUI_LAYOUT_H

#include <stdbool.h>

#include "framework/runbook.h"

#define LAYOUT_MIN_COLS 80
#define LAYOUT_MIN_LINES 24
#define LAYOUT_WIDE_COLS 160
#define LAYOUT_WIDE_LINES 40

typedef struct {
    int y, x, h, w; /* h == 0 or w == 0: not shown */
} tui_rect_t;

typedef enum {
    PANE_RUNBOOK = 0,
    PANE_DETAIL,
    PANE_IFACES,
    PANE_BGP,
    PANE_ROUTES,
    PANE_TRACES,
    PANE_RAW,
    PANE_COUNT
} pane_id_t;

typedef struct {
    bool too_small;
    bool tabbed; /* the live panes and the raw pane share one rectangle */
    tui_rect_t header, status;
    tui_rect_t pane[PANE_COUNT];
    /* The panes in focus order (Tab), those this runbook shows. */
    pane_id_t order[PANE_COUNT];
    int n_order;
} tui_layout_t;

/* A pane's title ("Interfaces"). */
const char *layout_pane_name(pane_id_t p);
/* Whether runbook rb shows pane p at all (the asymmetric runbook has no interface pane). */
bool layout_pane_used(runbook_id_t rb, pane_id_t p);
/* True for the panes that take turns in the shared rectangle when tabbed. */
bool layout_pane_tabbed(pane_id_t p);
/* Fills out for a cols x lines terminal; tab is the pane shown in the shared rectangle when
 * tabbed (ignored otherwise; a pane this runbook does not use, or the runbook or detail
 * pane, shows the first live pane). */
void layout_compute(int cols, int lines, runbook_id_t rb, pane_id_t tab, tui_layout_t *out);
/* The pane after (step 1) or before (step -1) p in focus order. */
pane_id_t layout_next_pane(const tui_layout_t *l, pane_id_t p, int step);

#endif
