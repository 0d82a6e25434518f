/* rows.h: a pane's content as lines of text, each with the screen element it is drawn in.
 * The panes' row builders (pure: no curses) fill a rows_t from the view, the unit tests read
 * the exact strings, and rows_draw shows the visible part of it, scrolled and clipped. */
#ifndef ERDIAG_TUI_ROWS_H
#define ERDIAG_TUI_ROWS_H

#include <stdbool.h>
#include <stddef.h>

#include "tui/layout.h"
#include "tui/theme.h"
#include "tui/view.h"

typedef struct {
    char *text; /* owned; raw (rows_draw sanitizes) */
    theme_element_t el;
} row_t;

typedef struct {
    row_t *row;
    size_t n, cap;
} rows_t;

void rows_init(rows_t *rows);
/* Empties rows, keeping the memory. */
void rows_clear(rows_t *rows);
void rows_free(rows_t *rows);
/* One row.  0, or -1 when out of memory. */
int rows_add(rows_t *rows, theme_element_t el, const char *fmt, ...) __attribute__((format(printf, 3, 4)));
/* Prose folded at spaces into rows of at most width columns, each after indent (a word longer
 * than a row is cut). */
int rows_wrap(rows_t *rows, theme_element_t el, int width, const char *indent, const char *text);
/* The row's text, or "" past the end. */
const char *rows_text(const rows_t *rows, size_t i);

/* Shows rows in the inside of r from s->top (kept within range; with a cursor, moved so that
 * s->sel is visible and drawn selected), each scrolled s->left columns. */
void rows_draw(const rows_t *rows, const tui_rect_t *inner, tui_scroll_t *s, bool cursor);
/* Keeps s within rows for a pane height rows high (cursor: s->sel too). */
void rows_clamp(tui_scroll_t *s, size_t n, int height, bool cursor);

#endif
