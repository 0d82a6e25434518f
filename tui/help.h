/* help.h: the help overlay (? and F1): every action of the key map with the keys bound to it
 * (keymap_describe, so a keys.ini change shows here) and what it does (action_help). */
#ifndef ERDIAG_TUI_HELP_H
#define ERDIAG_TUI_HELP_H

#include "tui/keymap.h"
#include "tui/layout.h"
#include "tui/rows.h"

/* "Tab               next pane", one row per action, then the picker's and dialogs' keys. */
void help_rows(const keymap_t *k, rows_t *out);
/* Draws the overlay centred in the screen's body (s: its scroll position). */
void help_draw(const keymap_t *k, int cols, int lines, tui_scroll_t *s);

#endif
