/* transcript.c: the console's record of commands and answers, made safe to show (see
 * transcript.h).  Lines live in one array; numbers stay stable when old lines are dropped. */
#include "tui/transcript.h"

#include <ctype.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "core/redact.h"
#include "core/sanitize.h"
#include "parsers/clean.h"

#define TRANSCRIPT_DEFAULT_MAX 200000
#define TAB_STOP 8

typedef struct {
    char *text;
    size_t width;
    tline_kind_t kind;
} tline_t;

struct transcript {
    tline_t *lines;
    size_t n, cap, max;
    size_t dropped;   /* lines gone from the front: the number of lines[0] */
    size_t max_width; /* of every line ever added (a dropped wide line only overestimates) */
};

transcript_t *transcript_new(size_t max_lines)
{
    transcript_t *t = calloc(1, sizeof(*t));
    if (t)
        t->max = max_lines ? max_lines : TRANSCRIPT_DEFAULT_MAX;
    return t;
}

void transcript_free(transcript_t *t)
{
    if (!t)
        return;
    for (size_t i = 0; i < t->n; i++)
        free(t->lines[i].text);
    free(t->lines);
    free(t);
}

/* Columns of a sanitized line: one per character (a UTF-8 continuation byte adds none). */
static size_t columns(const char *s, size_t len)
{
    size_t w = 0;
    for (size_t i = 0; i < len; i++)
        w += ((unsigned char)s[i] & 0xc0) != 0x80;
    return w;
}

/* Drops the oldest quarter when full, so that adding stays amortised O(1). */
static void make_room(transcript_t *t)
{
    if (t->n < t->max)
        return;
    size_t drop = t->max / 4 ? t->max / 4 : 1;
    for (size_t i = 0; i < drop; i++)
        free(t->lines[i].text);
    memmove(t->lines, t->lines + drop, (t->n - drop) * sizeof(tline_t));
    t->n -= drop;
    t->dropped += drop;
}

/* Takes ownership of text (already safe to show). */
static int push(transcript_t *t, char *text, tline_kind_t kind)
{
    make_room(t);
    if (t->n == t->cap) {
        size_t cap = t->cap ? t->cap * 2 : 256;
        tline_t *l = realloc(t->lines, cap * sizeof(*l));
        if (!l) {
            free(text);
            return -1;
        }
        t->lines = l;
        t->cap = cap;
    }
    size_t w = columns(text, strlen(text));
    t->lines[t->n++] = (tline_t){text, w, kind};
    if (w > t->max_width)
        t->max_width = w;
    return 0;
}

/* Sanitizes in[0..len) and expands its tabs (sanitize keeps TAB; the pane scrolls by column). */
static char *safe_line(const char *in, size_t len)
{
    char *s = sanitize_dup(in, len);
    if (!s)
        return NULL;
    size_t tabs = 0, n = strlen(s);
    for (size_t i = 0; i < n; i++)
        tabs += s[i] == '\t';
    if (!tabs)
        return s;
    char *out = malloc(n + tabs * TAB_STOP + 1);
    size_t w = 0, col = 0;
    for (size_t i = 0; out && i < n; i++) {
        if (s[i] == '\t') {
            do
                out[w++] = ' ';
            while (++col % TAB_STOP);
            continue;
        }
        out[w++] = s[i];
        col += ((unsigned char)s[i] & 0xc0) != 0x80;
    }
    if (out)
        out[w] = '\0';
    free(s);
    return out;
}

static int push_safe(transcript_t *t, const char *in, size_t len, tline_kind_t kind)
{
    char *s = safe_line(in, len);
    return s ? push(t, s, kind) : -1;
}

int transcript_add_info(transcript_t *t, const char *text)
{
    return push_safe(t, text, strlen(text), TLINE_INFO);
}

int transcript_add_command(transcript_t *t, double utc, const char *device, const char *command)
{
    char when[16] = "", line[1024];
    time_t secs = (time_t)utc;
    struct tm tm;
    if (utc > 0 && gmtime_r(&secs, &tm))
        strftime(when, sizeof(when), "%H:%M:%S ", &tm);
    snprintf(line, sizeof(line), "%s%s# %s", when, device ? device : "", command ? command : "");
    redact_inplace(line, sizeof(line)); /* a command quotes nothing secret today: keep it so */
    return push_safe(t, line, strlen(line), TLINE_COMMAND);
}

/* Every line of text cleaned of terminal controls and pager prompts, joined by '\n' into a
 * new buffer (*out_len its length), so that redaction reads what a person would. */
static char *clean_all(const char *text, size_t len, size_t *out_len)
{
    char *buf = malloc(len + 2); /* every line gets its '\n', the last one too, then the NUL */
    if (!buf)
        return NULL;
    size_t w = 0, start = 0;
    while (start < len) {
        const char *nl = memchr(text + start, '\n', len - start);
        size_t end = nl ? (size_t)(nl - text) : len;
        memcpy(buf + w, text + start, end - start);
        bool pager;
        w += clean_line(buf + w, end - start, &pager);
        buf[w++] = '\n';
        start = end + 1;
    }
    buf[w] = '\0';
    *out_len = w;
    return buf;
}

int transcript_add_answer(transcript_t *t, const char *text, size_t len)
{
    if (!text || len == 0)
        return transcript_add_info(t, "(no output)");
    size_t clen, rlen;
    char *clean = clean_all(text, len, &clen);
    char *red = clean ? redact_text(clean, clen, &rlen) : NULL;
    free(clean);
    if (!red)
        return -1;
    int rc = 0;
    for (size_t start = 0; start < rlen && rc == 0;) {
        const char *nl = memchr(red + start, '\n', rlen - start);
        size_t end = nl ? (size_t)(nl - red) : rlen;
        rc = push_safe(t, red + start, end - start, TLINE_ANSWER);
        start = end + 1;
    }
    free(red);
    return rc;
}

size_t transcript_first(const transcript_t *t)
{
    return t->dropped;
}

size_t transcript_end(const transcript_t *t)
{
    return t->dropped + t->n;
}

static const tline_t *at(const transcript_t *t, size_t n)
{
    return n >= t->dropped && n - t->dropped < t->n ? &t->lines[n - t->dropped] : NULL;
}

const char *transcript_line(const transcript_t *t, size_t n, tline_kind_t *kind)
{
    const tline_t *l = at(t, n);
    if (l && kind)
        *kind = l->kind;
    return l ? l->text : NULL;
}

size_t transcript_line_width(const transcript_t *t, size_t n)
{
    const tline_t *l = at(t, n);
    return l ? l->width : 0;
}

size_t transcript_max_width(const transcript_t *t)
{
    return t->max_width;
}

/* ASCII case-insensitive strstr: the byte offset of needle in hay, or -1. */
static long find_nocase(const char *hay, const char *needle)
{
    size_t nl = strlen(needle);
    for (size_t i = 0; hay[i]; i++) {
        size_t k = 0;
        while (k < nl && hay[i + k] && tolower((unsigned char)hay[i + k]) == tolower((unsigned char)needle[k]))
            k++;
        if (k == nl)
            return (long)i;
    }
    return -1;
}

long transcript_match_at(const transcript_t *t, size_t n, const char *needle)
{
    const tline_t *l = at(t, n);
    return l && needle && needle[0] ? find_nocase(l->text, needle) : -1;
}

long transcript_search(const transcript_t *t, const char *needle, size_t from, int dir)
{
    if (!needle || !needle[0] || t->n == 0)
        return -1;
    size_t pos = from < t->dropped ? 0 : from - t->dropped;
    if (pos >= t->n)
        pos = t->n - 1;
    for (size_t k = 1; k <= t->n; k++) {
        size_t i = dir < 0 ? (pos + t->n - k % t->n) % t->n : (pos + k) % t->n;
        if (find_nocase(t->lines[i].text, needle) >= 0)
            return (long)(i + t->dropped);
    }
    return -1;
}

size_t transcript_column(const transcript_t *t, size_t n, size_t off)
{
    const tline_t *l = at(t, n);
    return l ? columns(l->text, off) : 0;
}
