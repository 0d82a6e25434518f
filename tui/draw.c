/* draw.c: boxes and clipped text for the panes (see draw.h). */
#include "tui/draw.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <wchar.h>

#include "core/sanitize.h"
#include "core/utf8.h"

static bool draw_utf8 = true;
static WINDOW *target; /* NULL: stdscr */

void draw_init(bool utf8)
{
    draw_utf8 = utf8;
}

WINDOW *draw_target(WINDOW *w)
{
    WINDOW *old = target ? target : stdscr;
    target = w == stdscr ? NULL : w;
    return old;
}

static WINDOW *tw(void)
{
    return target ? target : stdscr;
}

tui_rect_t draw_inner(const tui_rect_t *r)
{
    tui_rect_t in = {r->y + 1, r->x + 1, r->h - 2, r->w - 2};
    if (in.h < 0)
        in.h = 0;
    if (in.w < 0)
        in.w = 0;
    return in;
}

void draw_blank(int y, int x, int width, attr_t attr)
{
    if (width <= 0)
        return;
    attr_t old = getattrs(tw());
    wattrset(tw(), attr);
    mvwhline(tw(), y, x, ' ', width);
    wattrset(tw(), old);
}

/* One character of safe text at s (avail bytes left): its bytes (*n) and its columns (0 when
 * nothing can be shown: it is then drawn as '?' of width 1). */
static int char_columns(const char *s, size_t avail, int *n)
{
    int len = utf8_check((const unsigned char *)s, avail);
    if (len <= 0) {
        *n = 1;
        return 0;
    }
    *n = len;
    if (len == 1)
        return 1;
    if (!draw_utf8)
        return 0;
    int w = wcwidth((wchar_t)utf8_decode((const unsigned char *)s, len));
    return w > 0 ? w : 0;
}

int draw_safe(int y, int x, int width, const char *text, size_t skip, attr_t attr, bool pad)
{
    int col = 0;
    size_t seen = 0;
    attr_t old = getattrs(tw());
    wattrset(tw(), attr);
    wmove(tw(), y, x);
    const char *p = text ? text : "", *end = p + strlen(p);
    while (p < end && col < width) { /* a megabyte line scrolled far right stays linear */
        int n, w = char_columns(p, (size_t)(end - p), &n);
        int shown = w ? w : 1;
        if (seen >= skip && col + shown <= width) {
            if (w)
                waddnstr(tw(), p, n);
            else
                waddch(tw(), '?');
            col += shown;
        } else if (seen >= skip) {
            break; /* a wide character that does not fit: leave the cell blank */
        }
        seen += (size_t)shown;
        p += n;
    }
    if (pad && col < width)
        whline(tw(), ' ', width - col);
    wattrset(tw(), old);
    return col;
}

int draw_text(int y, int x, int width, const char *text, size_t skip, attr_t attr, bool pad)
{
    char small[1024];
    size_t len = text ? strlen(text) : 0;
    char *safe = SANITIZE_MAX(len) <= sizeof(small) ? small : malloc(SANITIZE_MAX(len));
    if (!safe)
        return 0;
    sanitize_buf(text ? text : "", len, safe, SANITIZE_MAX(len));
    int col = draw_safe(y, x, width, safe, skip, attr, pad);
    if (safe != small)
        free(safe);
    return col;
}

size_t draw_columns(const char *text)
{
    size_t cols = 0;
    char *safe = sanitize_dup(text ? text : "", text ? strlen(text) : 0);
    const char *end = safe ? safe + strlen(safe) : NULL;
    for (const char *p = safe; p && p < end;) {
        int n, w = char_columns(p, (size_t)(end - p), &n);
        cols += w ? (size_t)w : 1;
        p += n;
    }
    free(safe);
    return cols;
}

/* A line of n box characters: UTF-8 in a UTF-8 locale (what every terminal and tmux's
 * capture shows as drawn), the terminal's alternate character set otherwise. */
static void box_line(WINDOW *w, int y, int x, int n, bool across, chtype acs, const char *utf8)
{
    for (int i = 0; i < n; i++) {
        if (draw_utf8)
            mvwaddstr(w, across ? y : y + i, across ? x + i : x, utf8);
        else
            mvwaddch(w, across ? y : y + i, across ? x + i : x, acs);
    }
}

void draw_box(const tui_rect_t *r, const char *title, bool focus)
{
    if (r->h < 2 || r->w < 2)
        return;
    WINDOW *w = tw();
    attr_t old = getattrs(w);
    int right = r->x + r->w - 1, bottom = r->y + r->h - 1;
    wattrset(w, theme_attr(focus ? EL_PANE_TITLE_FOCUS : EL_BORDER));
    box_line(w, r->y, r->x, 1, true, ACS_ULCORNER, "\u250c");
    box_line(w, r->y, r->x + 1, r->w - 2, true, ACS_HLINE, "\u2500");
    box_line(w, r->y, right, 1, true, ACS_URCORNER, "\u2510");
    box_line(w, r->y + 1, r->x, r->h - 2, false, ACS_VLINE, "\u2502");
    box_line(w, r->y + 1, right, r->h - 2, false, ACS_VLINE, "\u2502");
    box_line(w, bottom, r->x, 1, true, ACS_LLCORNER, "\u2514");
    box_line(w, bottom, r->x + 1, r->w - 2, true, ACS_HLINE, "\u2500");
    box_line(w, bottom, right, 1, true, ACS_LRCORNER, "\u2518");
    wattrset(w, old);
    if (title && r->w > 6) {
        char t[256];
        snprintf(t, sizeof(t), " %s%s ", focus ? "> " : "", title);
        draw_text(r->y, r->x + 2, r->w - 4, t, 0, theme_attr(focus ? EL_PANE_TITLE_FOCUS : EL_PANE_TITLE), false);
    }
}
