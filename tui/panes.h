/* panes.h: the console's panes, one file each.  Every pane has a row builder that is pure
 * (it reads a tui_view_t and writes text: the unit tests assert its exact strings) and a draw
 * function that puts the visible rows into its rectangle. */
#ifndef ERDIAG_TUI_PANES_H
#define ERDIAG_TUI_PANES_H

#include <stdbool.h>
#include <stddef.h>

#include "tui/layout.h"
#include "tui/rows.h"
#include "tui/view.h"

/* ---- header.c: one line: the device, its circuit, the session, refresh, spinner, status ---- */
/* left: "ce1-nyc ios er-nyc-01 private primary  BGP Active"; right: "3s ago  ⠋ 2 out (bgp_summary 12s)  CRITICAL" */
void header_text(const tui_view_t *v, char *left, size_t lsize, char *right, size_t rsize);
/* The overall status word (OK WARNING CRITICAL UNKNOWN, or "..." before the first judgement). */
const char *header_status(const tui_view_t *v, theme_element_t *el);
void header_draw(const tui_rect_t *r, const tui_view_t *v);

/* ---- pane_runbook.c: the steps, each with a glyph and a verdict word ---- */
int runbook_step_count(const tui_view_t *v);
/* "✔ PASS    Physical layer" ("⠋ waiting Physical layer" while its probes are out). */
void runbook_row(const tui_view_t *v, int step, char *buf, size_t size, theme_element_t *el);
/* The step a guided session opens on: the first cause (the failing step), else the first step
 * still waiting or not judged, else 0. */
int runbook_guide_step(const tui_view_t *v);
void pane_runbook_draw(const tui_rect_t *r, const tui_view_t *v, tui_scroll_t *s, bool focus);

/* ---- pane_detail.c: the selected step: why, finding, evidence, next, notes ---- */
void detail_rows(const tui_view_t *v, int step, int width, rows_t *out);
void pane_detail_draw(const tui_rect_t *r, const tui_view_t *v, tui_scroll_t *s, bool focus);

/* ---- pane_ifaces.c: interfaces, counters, per-poll deltas and rates ---- */
typedef struct {
    char text[200];
    bool rising; /* an error counter grew since the previous poll */
    bool peering; /* the interface that holds the circuit's subnet */
} iface_row_t;
/* One row per interface of the newest answer, the peering interface first, with deltas from
 * the previous answer when there is one (seconds apart: 0 when unknown, then no rate).
 * Returns the number of rows written (<= max). */
size_t ifaces_rows(const device_t *dev, const probe_reply_t *prev, const probe_reply_t *cur, double seconds,
                   iface_row_t *rows, size_t max);
const char *ifaces_header(void);
void pane_ifaces_draw(const tui_rect_t *r, const tui_view_t *v, tui_scroll_t *s, bool focus);

/* ---- pane_bgp.c: neighbors, and the circuit's peer in detail ---- */
void bgp_rows(const tui_view_t *v, rows_t *out);
void pane_bgp_draw(const tui_rect_t *r, const tui_view_t *v, tui_scroll_t *s, bool focus);

/* ---- pane_routes.c: the prefixes the runbook cares about, then every route read ---- */
typedef struct route_rows route_rows_t;
route_rows_t *route_rows_new(void);
void route_rows_free(route_rows_t *rr);
/* Rebuilds the rows when the evidence changed since the last call (cheap otherwise). */
void route_rows_update(route_rows_t *rr, const tui_view_t *v);
/* Appends a route (the benchmark and the tests fill a table by hand). */
int route_rows_add(route_rows_t *rr, const route_t *route, const char *source);
size_t route_rows_count(const route_rows_t *rr);
/* Row i as shown ("10.1.0.0/16  bgp  192.168.100.130  Gi0/0/0  2d03h"). */
void route_rows_text(const route_rows_t *rr, size_t i, char *buf, size_t size);
void pane_routes_draw(const tui_rect_t *r, route_rows_t *rr, tui_scroll_t *s, bool focus);

/* ---- pane_traces.c: forward and reverse traces side by side, hop by hop ---- */
/* Rows of width columns: "ttl  forward hop ... │ reverse hop ...". */
void traces_rows(const fact_t *fwd, bool fwd_waiting, const fact_t *rev, bool rev_waiting, int width,
                 glyph_mode_t g, rows_t *out);
void pane_traces_draw(const tui_rect_t *r, const tui_view_t *v, tui_scroll_t *s, bool focus);

/* ---- pane_raw.c: the transcript, searchable ---- */
typedef struct {
    char needle[128]; /* the last search */
    long match;       /* the line of the current match, -1 none */
} raw_search_t;
/* Moves s to the next (dir 1) or previous (-1) line holding rs->needle from the current
 * match (or the top), the match in view of a height x width pane.  False when no line holds
 * it. */
bool raw_search(const transcript_t *t, raw_search_t *rs, tui_scroll_t *s, int height, int width, int dir);
void pane_raw_draw(const tui_rect_t *r, const tui_view_t *v, const raw_search_t *rs, tui_scroll_t *s, bool focus,
                   bool follow);

#endif
