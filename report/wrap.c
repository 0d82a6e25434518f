/* wrap.c: folding sanitized text at spaces to the terminal's width. */
#include "report/wrap.h"

#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include "core/sanitize.h"

static bool continuation(unsigned char c)
{
    return (c & 0xC0) == 0x80;
}

int wrap_columns(const char *text, size_t len)
{
    int cols = 0;
    for (size_t i = 0; i < len; i++)
        cols += !continuation((unsigned char)text[i]);
    return cols;
}

size_t wrap_fit(const char *text, size_t len, int cols)
{
    size_t i = 0;
    for (int c = 0; i < len; c++) {
        if (c == cols)
            break;
        i++;
        while (i < len && continuation((unsigned char)text[i]))
            i++;
    }
    return i;
}

/* Where to end a line of at most cols columns taken from p[0..len): after the last word that
 * fits (the break's space is not printed), or a hard cut when one word is longer. */
static size_t line_end(const char *p, size_t len, int cols)
{
    size_t fit = wrap_fit(p, len, cols);
    if (fit == len || p[fit] == ' ')
        return fit;
    for (size_t k = fit; k > 0; k--)
        if (p[k - 1] == ' ' && k - 1 > 0)
            return k - 1;
    return fit ? fit : 1;
}

typedef struct {
    FILE *f;
    int width, indent, max, lines;
} wrap_t;

/* One paragraph (no newline in it); false once max_lines cut it short. */
static bool paragraph(wrap_t *w, const char *p, size_t len, bool first)
{
    do {
        int pad = first ? 0 : w->indent, cols = w->width - pad;
        size_t end = line_end(p, len, cols);
        bool last_allowed = w->max > 0 && w->lines + 1 == w->max;
        if (last_allowed && end < len) {
            size_t cut = line_end(p, len, cols - 3);
            fprintf(w->f, "%*s%.*s...\n", pad, "", (int)cut, p);
            w->lines++;
            return false;
        }
        fprintf(w->f, "%*s%.*s\n", pad, "", (int)end, p);
        w->lines++;
        first = false;
        p += end;
        len -= end;
        while (len && *p == ' ') {
            p++;
            len--;
        }
    } while (len);
    return true;
}

int wrap_write(FILE *f, int width, int indent, int max_lines, const char *text)
{
    wrap_t w = {f, width < WRAP_MIN_WIDTH ? WRAP_MIN_WIDTH : width, indent, max_lines, 0};
    if (w.indent > w.width / 2)
        w.indent = w.width / 2;
    char *clean = sanitize_dup(text, strlen(text));
    if (!clean)
        return 0;
    bool first = true;
    for (const char *p = clean;; first = false) {
        const char *nl = strchr(p, '\n');
        size_t len = nl ? (size_t)(nl - p) : strlen(p);
        if (w.max > 0 && w.lines >= w.max)
            break;
        if (len == 0) {
            fputc('\n', f);
            w.lines++;
        } else if (!paragraph(&w, p, len, first)) {
            break;
        }
        if (!nl || !nl[1])
            break;
        p = nl + 1;
    }
    free(clean);
    return w.lines;
}
