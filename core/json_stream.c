/* json_stream.c: incremental JSON writer. */
#include "core/json_stream.h"

#include <inttypes.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/model.h"
#include "core/utf8.h"

void js_init(json_stream_t *js, js_write_fn write, void *ud)
{
    memset(js, 0, sizeof(*js));
    js->write = write;
    js->ud = ud;
}

int js_flush(json_stream_t *js)
{
    if (js->len && !js->failed && js->write(js->ud, js->buf, js->len) != 0)
        js->failed = true;
    js->len = 0;
    return js->failed ? -1 : 0;
}

static void put(json_stream_t *js, const char *s, size_t n)
{
    if (js->len + n > sizeof(js->buf)) {
        js_flush(js);
        if (n > sizeof(js->buf)) {
            if (!js->failed && js->write(js->ud, s, n) != 0)
                js->failed = true;
            return;
        }
    }
    memcpy(js->buf + js->len, s, n);
    js->len += n;
}

static void putc_(json_stream_t *js, char c)
{
    if (js->len == sizeof(js->buf))
        js_flush(js);
    js->buf[js->len++] = c;
}

/* Commas between members: every value except one right after its key starts with one when
 * its container already holds something. */
static void before_value(json_stream_t *js)
{
    if (js->after_key) {
        js->after_key = false;
        return;
    }
    if (js->depth > 0) {
        if (js->need_comma[js->depth])
            putc_(js, ',');
        js->need_comma[js->depth] = true;
    }
}

static void open_(json_stream_t *js, char c)
{
    before_value(js);
    putc_(js, c);
    if (js->depth + 1 < JS_MAX_DEPTH)
        js->depth++;
    js->need_comma[js->depth] = false;
}

static void close_(json_stream_t *js, char c)
{
    putc_(js, c);
    if (js->depth > 0)
        js->depth--;
}

void js_begin_object(json_stream_t *js) { open_(js, '{'); }
void js_end_object(json_stream_t *js) { close_(js, '}'); }
void js_begin_array(json_stream_t *js) { open_(js, '['); }
void js_end_array(json_stream_t *js) { close_(js, ']'); }

/* Bytes that cannot go into a JSON string as they are: controls, '"', '\\', DEL, and every
 * byte >= 0x80 (checked as UTF-8 on the slow path).  DEL and the C1 controls U+0080..U+009F are
 * valid JSON as they are, but a terminal obeys them (U+009B is CSI): `erdiag run --json`
 * printed to a terminal must not move its cursor, so they go out as \u escapes. */
#define JS_X4(v) v, v, v, v
#define JS_X16(v) JS_X4(v), JS_X4(v), JS_X4(v), JS_X4(v)
static const unsigned char js_special_tab[256] = {
    JS_X16(1), JS_X16(1),                                   /* 0x00-0x1f: controls */
    0, 0, 1, 0, JS_X4(0), JS_X4(0), JS_X4(0),               /* 0x20-0x2f: '"' */
    JS_X16(0),                                              /* 0x30-0x3f */
    JS_X16(0),                                              /* 0x40-0x4f */
    JS_X4(0), JS_X4(0), JS_X4(0),                           /* 0x50-0x5b */
    1, 0, 0, 0,                                             /* 0x5c: '\\' */
    JS_X16(0), JS_X4(0), JS_X4(0), JS_X4(0), 0, 0, 0, 1,    /* 0x60-0x7f: DEL */
    JS_X16(1), JS_X16(1), JS_X16(1), JS_X16(1),             /* 0x80-0xff: checked as UTF-8 */
    JS_X16(1), JS_X16(1), JS_X16(1), JS_X16(1),
};
#define js_special(c) (js_special_tab[(unsigned char)(c)])

static void put_escaped_slow(json_stream_t *js, const char *str, size_t len)
{
    const unsigned char *s = (const unsigned char *)str;
    size_t run = 0; /* bytes that need no escaping, copied in one go */
    for (size_t i = 0; i < len; i++) {
        unsigned char c = s[i];
        if (!js_special(c)) {
            run++;
            continue;
        }
        put(js, str + i - run, run);
        run = 0;
        char esc[8];
        if (c == '"' || c == '\\') {
            esc[0] = '\\';
            esc[1] = (char)c;
            put(js, esc, 2);
        } else if (c < 0x20 || c == 0x7f) {
            int n = snprintf(esc, sizeof(esc), c == '\n' ? "\\n" : c == '\t' ? "\\t" : "\\u%04x", c);
            put(js, esc, (size_t)n);
        } else {
            int n = utf8_check(s + i, len - i);
            uint32_t cp = n > 0 ? utf8_decode(s + i, n) : 0xfffd;
            if (n > 0 && cp >= 0xa0) {
                put(js, str + i, (size_t)n);
            } else {
                snprintf(esc, sizeof(esc), "\\u%04x", (unsigned)cp);
                put(js, esc, 6);
            }
            i += n > 0 ? (size_t)n - 1 : 0;
        }
    }
    put(js, str + len - run, run);
}

/* Almost every string a router prints is plain ASCII: copy it straight into the buffer while
 * checking it, and fall back to the escaping path only at the first special byte. */
static void put_escaped(json_stream_t *js, const char *str, size_t len)
{
    if (js->len + len + 2 > sizeof(js->buf))
        js_flush(js);
    if (len + 2 <= sizeof(js->buf)) {
        char *out = js->buf + js->len;
        const unsigned char *s = (const unsigned char *)str;
        size_t i = 0;
        *out++ = '"';
        for (; i < len && !js_special(s[i]); i++)
            out[i] = (char)s[i];
        if (i == len) {
            out[len] = '"';
            js->len += len + 2;
            return;
        }
        js->len += 1 + i; /* the opening quote and the clean prefix stay */
        put_escaped_slow(js, str + i, len - i);
        putc_(js, '"');
        return;
    }
    putc_(js, '"');
    put_escaped_slow(js, str, len);
    putc_(js, '"');
}

/* Keys are the program's own contract names ([a-z_0-9]+, see record_json.c): they are copied
 * as they are, with their quotes and colon in one go, instead of being escaped byte by byte. */
void js_key(json_stream_t *js, const char *key)
{
    before_value(js);
    size_t n = strlen(key);
    if (js->len + n + 3 > sizeof(js->buf))
        js_flush(js);
    if (n + 3 <= sizeof(js->buf)) {
        char *out = js->buf + js->len;
        out[0] = '"';
        memcpy(out + 1, key, n);
        out[n + 1] = '"';
        out[n + 2] = ':';
        js->len += n + 3;
    } else {
        put_escaped(js, key, n);
        putc_(js, ':');
    }
    js->after_key = true;
}

void js_string_n(json_stream_t *js, const char *s, size_t len)
{
    before_value(js);
    put_escaped(js, s, len);
}

void js_string(json_stream_t *js, const char *s)
{
    js_string_n(js, s, strlen(s));
}

void js_int(json_stream_t *js, int64_t v)
{
    char num[24], *p = num + sizeof(num);
    uint64_t u = v < 0 ? (uint64_t)0 - (uint64_t)v : (uint64_t)v;
    before_value(js);
    do {
        *--p = (char)('0' + u % 10);
        u /= 10;
    } while (u);
    if (v < 0)
        *--p = '-';
    put(js, p, (size_t)(num + sizeof(num) - p));
}

void js_double(json_stream_t *js, double v)
{
    char num[48];
    before_value(js);
    /* JSON has no NaN or infinity; and "%.3f" of a huge value is hundreds of digits, so
     * beyond 1e15 (where thousandths stop being exact anyway) the short exponent form is
     * used.  Either way the text fits num: snprintf's result is checked, never trusted. */
    int n = -1;
    if (isfinite(v))
        n = snprintf(num, sizeof(num), fabs(v) < 1e15 ? "%.3f" : "%.17g", v);
    if (n <= 0 || (size_t)n >= sizeof(num)) {
        put(js, "null", 4);
        return;
    }
    /* "12.000" -> "12.0": shorter, and still a float to any reader. */
    if (memchr(num, '.', (size_t)n) && !memchr(num, 'e', (size_t)n))
        while (n > 2 && num[n - 1] == '0' && num[n - 2] != '.')
            n--;
    put(js, num, (size_t)n);
}

void js_bool(json_stream_t *js, bool v)
{
    before_value(js);
    put(js, v ? "true" : "false", v ? 4 : 5);
}

void js_null(json_stream_t *js)
{
    before_value(js);
    put(js, "null", 4);
}

void js_raw(json_stream_t *js, const char *json)
{
    before_value(js);
    put(js, json, strlen(json));
}

void js_kv_str(json_stream_t *js, const char *key, const char *s)
{
    if (s && *s) {
        js_key(js, key);
        js_string(js, s);
    }
}

void js_kv_int(json_stream_t *js, const char *key, int64_t v)
{
    if (v != MODEL_ABSENT) {
        js_key(js, key);
        js_int(js, v);
    }
}

void js_kv_bool(json_stream_t *js, const char *key, bool v)
{
    js_key(js, key);
    js_bool(js, v);
}

int js_membuf_write(void *ud, const char *buf, size_t len)
{
    js_membuf_t *m = ud;
    if (m->len + len + 1 > m->cap) {
        size_t want = m->cap ? m->cap * 2 : 4096;
        while (want < m->len + len + 1)
            want *= 2;
        char *p = realloc(m->data, want);
        if (!p)
            return -1;
        m->data = p;
        m->cap = want;
    }
    memcpy(m->data + m->len, buf, len);
    m->len += len;
    m->data[m->len] = '\0';
    return 0;
}
