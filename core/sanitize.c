/* sanitize.c: one pass over the text, one unit (a run of plain bytes, a character, a control
 * or an invalid byte) at a time, into a buffer, a FILE or a counter (see sanitize.h). */
#include "core/sanitize.h"

#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "core/utf8.h"

/* Where the visible text goes: a caller's buffer (cut when full), a FILE through a small
 * buffer, or nowhere (only counted). */
typedef struct {
    char *buf;
    size_t size, len;
    FILE *f;
    size_t counted; /* every byte that was (or would have been) written */
    bool full;      /* a piece did not fit the caller's buffer: nothing more goes in */
    bool failed;    /* a write to f failed */
} out_t;

static void out_flush(out_t *o)
{
    if (o->f && o->len && !o->failed && fwrite(o->buf, 1, o->len, o->f) != o->len)
        o->failed = true;
    if (o->f)
        o->len = 0;
}

/* Appends one piece whole, or (caller's buffer full) not at all. */
static void emit(out_t *o, const char *p, size_t n)
{
    o->counted += n;
    if (!o->buf || o->full)
        return;
    if (o->f && o->len + n > o->size) {
        out_flush(o);
        if (n > o->size) {
            if (!o->failed && fwrite(p, 1, n, o->f) != n)
                o->failed = true;
            return;
        }
    }
    if (!o->f && o->len + n + 1 > o->size) {
        o->full = true; /* room for the NUL stays */
        return;
    }
    memcpy(o->buf + o->len, p, n);
    o->len += n;
}

static void emit_hex(out_t *o, const char *prefix, unsigned value, int digits)
{
    static const char hex[] = "0123456789abcdef";
    char esc[8];
    size_t n = strlen(prefix);
    memcpy(esc, prefix, n);
    for (int d = digits - 1; d >= 0; d--)
        esc[n++] = hex[(value >> (4 * d)) & 0xf];
    emit(o, esc, n);
}

/* Characters that are valid and printable to a font, but that reorder or break the line they
 * stand in (bidirectional controls, line and paragraph separators). */
static bool reorders_text(uint32_t cp)
{
    return cp == 0x061c || cp == 0x200e || cp == 0x200f || (cp >= 0x202a && cp <= 0x202e) ||
           (cp >= 0x2066 && cp <= 0x2069) || cp == 0x2028 || cp == 0x2029;
}

/* A single byte below 0x80 that is not plain text. */
static void show_control(out_t *o, unsigned char c)
{
    if (c == '\t' || c == '\n')
        emit(o, (const char *)&c, 1);
    else if (c == 0x1b)
        emit(o, "\\e", 2);
    else
        emit_hex(o, "\\x", c, 2);
}

/* A valid character of n > 1 bytes. */
static void show_char(out_t *o, const unsigned char *s, int n)
{
    uint32_t cp = utf8_decode(s, n);
    if (cp < 0xa0)
        emit_hex(o, "\\x", cp, 2);
    else if (reorders_text(cp))
        emit_hex(o, "\\u", cp, 4);
    else
        emit(o, (const char *)s, (size_t)n);
}

/* CRs seen so far end a line when c is LF (then they go), else each shows as \r. */
static void settle_crs(sanitize_stream_t *st, out_t *o, int c)
{
    for (; st->crs && c != '\n'; st->crs--)
        emit(o, "\\r", 2);
    st->crs = 0;
}

/* One unit at s[0..avail): returns the bytes it took, or 0 when s holds only the start of a
 * character and more input may follow (final false). */
static size_t step(sanitize_stream_t *st, out_t *o, const unsigned char *s, size_t avail, bool final)
{
    if (s[0] == '\r') {
        st->crs++;
        return 1;
    }
    int n = utf8_check(s, avail);
    if (n < 0 && !final)
        return 0;
    settle_crs(st, o, s[0]);
    if (n == 1 && s[0] >= 0x20 && s[0] < 0x7f)
        emit(o, (const char *)s, 1);
    else if (n == 1)
        show_control(o, s[0]);
    else if (n > 1)
        show_char(o, s, n);
    else
        emit_hex(o, "\\x", s[0], 2); /* not part of a valid character: this byte alone */
    return n > 0 ? (size_t)n : 1;
}

/* Finishes the character the last chunk ended in with the first bytes of this one; returns
 * how many bytes of s that took. */
static size_t resume(sanitize_stream_t *st, out_t *o, const unsigned char *s, size_t len, bool final)
{
    size_t took = 0;
    while (st->npend) {
        size_t used = step(st, o, st->pend, st->npend, final && took == len);
        if (used == 0) {
            if (took == len)
                break; /* still unfinished: wait for the next chunk */
            st->pend[st->npend++] = s[took++];
            continue;
        }
        st->npend -= used;
        memmove(st->pend, st->pend + used, st->npend);
    }
    return took;
}

static bool plain(unsigned char c)
{
    return (c >= 0x20 && c < 0x7f) || c == '\t';
}

static void feed(sanitize_stream_t *st, out_t *o, const unsigned char *s, size_t len, bool final)
{
    size_t i = resume(st, o, s, len, final);
    while (i < len) {
        if (!st->crs && plain(s[i])) {
            size_t j = i + 1;
            while (j < len && plain(s[j]))
                j++;
            emit(o, (const char *)s + i, j - i);
            i = j;
            continue;
        }
        size_t used = step(st, o, s + i, len - i, final);
        if (used == 0) { /* an unfinished character at the end of the chunk */
            memcpy(st->pend, s + i, len - i);
            st->npend = len - i;
            return;
        }
        i += used;
    }
    if (final)
        settle_crs(st, o, 0);
}

static void whole(out_t *o, const char *in, size_t len)
{
    sanitize_stream_t st;
    sanitize_stream_init(&st);
    feed(&st, o, (const unsigned char *)in, len, true);
}

size_t sanitize_buf(const char *in, size_t len, char *out, size_t size)
{
    if (size == 0)
        return 0;
    out_t o = {.buf = out, .size = size};
    whole(&o, in, len);
    out[o.len] = '\0';
    return o.len;
}

size_t sanitize_len(const char *in, size_t len)
{
    out_t o = {0};
    whole(&o, in, len);
    return o.counted;
}

char *sanitize_dup(const char *in, size_t len)
{
    size_t size = sanitize_len(in, len) + 1;
    char *out = malloc(size);
    if (out)
        sanitize_buf(in, len, out, size);
    return out;
}

void sanitize_stream_init(sanitize_stream_t *st)
{
    memset(st, 0, sizeof(*st));
}

static int to_file(sanitize_stream_t *st, FILE *f, const char *in, size_t len, bool final)
{
    char buf[4096];
    out_t o = {.buf = buf, .size = sizeof(buf), .f = f};
    feed(st, &o, (const unsigned char *)in, len, final);
    out_flush(&o);
    return o.failed ? -1 : 0;
}

int sanitize_stream_write(sanitize_stream_t *st, FILE *f, const char *in, size_t len)
{
    return to_file(st, f, in, len, false);
}

int sanitize_stream_end(sanitize_stream_t *st, FILE *f)
{
    return to_file(st, f, "", 0, true);
}

int sanitize_fwrite(FILE *f, const char *in, size_t len)
{
    sanitize_stream_t st;
    sanitize_stream_init(&st);
    return to_file(&st, f, in, len, true);
}

int sanitize_fprintf(FILE *f, const char *fmt, ...)
{
    char small[1024], *text = small;
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(small, sizeof(small), fmt, ap);
    va_end(ap);
    if (n < 0)
        return -1;
    if ((size_t)n >= sizeof(small)) {
        text = malloc((size_t)n + 1);
        if (!text)
            return -1;
        va_start(ap, fmt);
        vsnprintf(text, (size_t)n + 1, fmt, ap);
        va_end(ap);
    }
    int rc = sanitize_fwrite(f, text, (size_t)n);
    if (text != small)
        free(text);
    return rc;
}
