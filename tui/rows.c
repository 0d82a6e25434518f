/* rows.c: lines of a pane, folded and drawn (see rows.h). */
#include "tui/rows.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "tui/draw.h"

void rows_init(rows_t *rows)
{
    memset(rows, 0, sizeof(*rows));
}

void rows_clear(rows_t *rows)
{
    for (size_t i = 0; i < rows->n; i++)
        free(rows->row[i].text);
    rows->n = 0;
}

void rows_free(rows_t *rows)
{
    rows_clear(rows);
    free(rows->row);
    rows_init(rows);
}

static int push(rows_t *rows, theme_element_t el, char *text)
{
    if (!text)
        return -1;
    if (rows->n == rows->cap) {
        size_t cap = rows->cap ? rows->cap * 2 : 32;
        row_t *r = realloc(rows->row, cap * sizeof(*r));
        if (!r) {
            free(text);
            return -1;
        }
        rows->row = r;
        rows->cap = cap;
    }
    rows->row[rows->n++] = (row_t){text, el};
    return 0;
}

int rows_add(rows_t *rows, theme_element_t el, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    char *text = NULL;
    int rc = vasprintf(&text, fmt, ap);
    va_end(ap);
    return rc < 0 ? -1 : push(rows, el, text);
}

/* Bytes of s that make up its first cols characters. */
static size_t bytes_for(const char *s, size_t len, size_t cols)
{
    size_t i = 0, c = 0;
    for (; i < len; i++) {
        if (((unsigned char)s[i] & 0xc0) == 0x80)
            continue;
        if (c == cols)
            break;
        c++;
    }
    return i;
}

static size_t chars(const char *s, size_t len)
{
    size_t c = 0;
    for (size_t i = 0; i < len; i++)
        c += ((unsigned char)s[i] & 0xc0) != 0x80;
    return c;
}

int rows_wrap(rows_t *rows, theme_element_t el, int width, const char *indent, const char *text)
{
    size_t room = width - (int)chars(indent, strlen(indent)) > 8 ? (size_t)width - chars(indent, strlen(indent)) : 8;
    const char *p = text ? text : "";
    do {
        while (*p == ' ')
            p++;
        size_t len = strlen(p), take = len;
        if (chars(p, len) > room) {
            take = bytes_for(p, len, room);
            size_t cut = take;
            while (cut > 0 && p[cut] != ' ')
                cut--;
            if (cut > 0)
                take = cut;
        }
        if (rows_add(rows, el, "%s%.*s", indent, (int)take, p) != 0)
            return -1;
        p += take;
    } while (*p && *(p + strspn(p, " ")));
    return 0;
}

const char *rows_text(const rows_t *rows, size_t i)
{
    return i < rows->n ? rows->row[i].text : "";
}

void rows_clamp(tui_scroll_t *s, size_t n, int height, bool cursor)
{
    long last = (long)n - 1;
    if (cursor) {
        if (s->sel > last)
            s->sel = last;
        if (s->sel < 0)
            s->sel = 0;
        if (s->sel < s->top)
            s->top = s->sel;
        if (height > 0 && s->sel >= s->top + height)
            s->top = s->sel - height + 1;
    }
    if (s->top > (long)n - height)
        s->top = (long)n - height;
    if (s->top < 0)
        s->top = 0;
    if (s->left < 0)
        s->left = 0;
}

void rows_draw(const rows_t *rows, const tui_rect_t *in, tui_scroll_t *s, bool cursor)
{
    rows_clamp(s, rows->n, in->h, cursor);
    for (int y = 0; y < in->h; y++) {
        size_t i = (size_t)(s->top + y);
        if (i >= rows->n) {
            draw_blank(in->y + y, in->x, in->w, theme_attr(EL_NORMAL));
            continue;
        }
        bool sel = cursor && (long)i == s->sel;
        attr_t a = theme_attr(sel ? EL_SELECTION : rows->row[i].el);
        draw_text(in->y + y, in->x, in->w, rows->row[i].text, (size_t)s->left, a, true);
    }
}
