/* help.c: the help overlay, written from the key map (see help.h). */
#include "tui/help.h"

#include <stdio.h>

#include "tui/draw.h"

void help_rows(const keymap_t *k, rows_t *out)
{
    char keys[128];
    for (int a = ACT_NONE + 1; a < ACT_COUNT; a++)
        rows_add(out, EL_NORMAL, "%-18s %s", keymap_describe(k, (action_t)a, keys, sizeof(keys)), action_help((action_t)a));
    rows_add(out, EL_NORMAL, "%s", "");
    rows_add(out, EL_DIM, "%-18s %s", "typing", "filters the device picker");
    rows_add(out, EL_DIM, "%-18s %s", "Esc", "closes a dialog or this help; clears the picker's filter");
    rows_add(out, EL_DIM, "%-18s %s", "C-c", "quits at once (the terminal is restored)");
    rows_add(out, EL_DIM, "%s", "Keys can be changed in $XDG_CONFIG_HOME/erdiag/keys.ini.");
}

void help_draw(const keymap_t *k, int cols, int lines, tui_scroll_t *s)
{
    rows_t rows;
    rows_init(&rows);
    help_rows(k, &rows);
    int w = cols - 8 < 76 ? cols - 8 : 76, h = (int)rows.n + 2 < lines - 4 ? (int)rows.n + 2 : lines - 4;
    tui_rect_t r = {(lines - h) / 2, (cols - w) / 2, h, w};
    draw_box(&r, "Help: keys (Esc closes)", true);
    tui_rect_t in = draw_inner(&r);
    for (int y = 0; y < in.h; y++)
        draw_blank(in.y + y, in.x, in.w, theme_attr(EL_DIALOG));
    rows_draw(&rows, &in, s, false);
    /* The keys in their own style: the first column of each action row. */
    for (int y = 0; y < in.h && (size_t)(s->top + y) < rows.n; y++) {
        const row_t *row = &rows.row[s->top + y];
        if (row->el == EL_NORMAL && row->text[0])
            draw_text(in.y + y, in.x, 18 < in.w ? 18 : in.w, row->text, 0, theme_attr(EL_HELP_KEY), false);
    }
    rows_free(&rows);
}
