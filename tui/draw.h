/* draw.h: the few curses calls every pane shares: a framed box with a title, and text put
 * into a row clipped to a width in columns, scrolled sideways, never wrapping.  Text that
 * came from a device or a file is sanitized here (core/sanitize.h) on its way to the screen;
 * in an ASCII locale every non-ASCII character shows as '?', so widths stay exact.  Theme
 * colours come from tui/theme.h (theme_attr). */
#ifndef ERDIAG_TUI_DRAW_H
#define ERDIAG_TUI_DRAW_H

#include <curses.h>
#include <stdbool.h>
#include <stddef.h>

#include "tui/layout.h"
#include "tui/theme.h"

/* Once after initscr: whether the terminal shows UTF-8. */
void draw_init(bool utf8);
/* Where the functions below draw from now on (stdscr, or a dialog's window); returns the
 * window drawn in until now.  Coordinates are the window's own. */
WINDOW *draw_target(WINDOW *w);

/* The border of r with " title " in its top edge (focus: the focused pane's style). */
void draw_box(const tui_rect_t *r, const char *title, bool focus);
/* The inside of a framed rectangle. */
tui_rect_t draw_inner(const tui_rect_t *r);

/* Puts text at (y, x) in at most width columns, skipping its first `skip` columns; the rest
 * of the width is filled with blanks in the same attribute when pad.  Returns the columns
 * written.  draw_text sanitizes; draw_safe takes text already safe (the transcript). */
int draw_text(int y, int x, int width, const char *text, size_t skip, attr_t attr, bool pad);
int draw_safe(int y, int x, int width, const char *text, size_t skip, attr_t attr, bool pad);
/* Blanks width columns. */
void draw_blank(int y, int x, int width, attr_t attr);

/* Columns text takes on screen (after sanitizing: the form draw_text shows). */
size_t draw_columns(const char *text);

#endif
