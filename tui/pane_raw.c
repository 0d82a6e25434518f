/* pane_raw.c: the transcript of every command and answer (tui/transcript.h holds it, already
 * redacted and sanitized), scrolled both ways: a long line scrolls sideways instead of
 * wrapping.  `/` searches, n and N move between matches; the match is highlighted. */
#include <stdio.h>
#include <string.h>

#include "tui/draw.h"
#include "tui/panes.h"

bool raw_search(const transcript_t *t, raw_search_t *rs, tui_scroll_t *s, int height, int width, int dir)
{
    size_t from = rs->match >= 0 ? (size_t)rs->match : (size_t)(s->top > 0 ? s->top : 0);
    if (rs->match < 0 && dir > 0 && from > 0)
        from--; /* from the top line itself */
    long found = transcript_search(t, rs->needle, from, dir);
    if (found < 0)
        return false;
    rs->match = found;
    s->top = found - height / 2;
    long first = (long)transcript_first(t);
    if (s->top < first)
        s->top = first;
    long col = (long)transcript_column(t, (size_t)found, (size_t)transcript_match_at(t, (size_t)found, rs->needle));
    if (col < s->left || col + (long)strlen(rs->needle) > s->left + width)
        s->left = col > 10 ? col - 10 : 0;
    return true;
}

static theme_element_t kind_element(tline_kind_t k)
{
    return k == TLINE_COMMAND ? EL_COMMAND : k == TLINE_INFO ? EL_DIM : EL_NORMAL;
}

/* The match on line n drawn over the line at row y, where it is in view. */
static void highlight(const tui_rect_t *in, int y, const transcript_t *t, size_t n, const raw_search_t *rs, long left)
{
    long off = transcript_match_at(t, n, rs->needle);
    if (off < 0)
        return;
    const char *text = transcript_line(t, n, NULL);
    long col = (long)transcript_column(t, n, (size_t)off);
    size_t len = strlen(rs->needle);
    if (col < left || col >= left + in->w)
        return;
    char part[sizeof(rs->needle) * 4];
    snprintf(part, sizeof(part), "%.*s", (int)len, text + off);
    draw_safe(in->y + y, in->x + (int)(col - left), in->w - (int)(col - left), part, 0, theme_attr(EL_SEARCH_MATCH),
              false);
}

void pane_raw_draw(const tui_rect_t *r, const tui_view_t *v, const raw_search_t *rs, tui_scroll_t *s, bool focus,
                   bool follow)
{
    const transcript_t *t = v->transcript;
    char title[sizeof(rs->needle) + 64];
    snprintf(title, sizeof(title), "Raw transcript%s%s%s", rs->needle[0] ? " /" : "", rs->needle,
             follow ? "" : " (scrolled: End follows)");
    draw_box(r, title, focus);
    tui_rect_t in = draw_inner(r);
    long first = (long)transcript_first(t), end = (long)transcript_end(t);
    if (follow || s->top > end - in.h)
        s->top = end - in.h;
    if (s->top < first)
        s->top = first;
    if (s->left < 0)
        s->left = 0;
    for (int y = 0; y < in.h; y++) {
        size_t n = (size_t)(s->top + y);
        tline_kind_t k = TLINE_INFO;
        const char *text = transcript_line(t, n, &k);
        draw_safe(in.y + y, in.x, in.w, text ? text : "", (size_t)s->left, theme_attr(kind_element(k)), true);
        if (text && rs->needle[0] && (long)n == rs->match)
            highlight(&in, y, t, n, rs, s->left);
    }
}
