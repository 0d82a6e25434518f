/* json_stream.h: an incremental JSON writer.
 *
 * jansson builds a whole document in memory before it prints; a million-route table must
 * instead leave one record at a time.  This writer keeps only a nesting stack and an output
 * buffer, and flushes through a callback.  Strings are escaped, invalid UTF-8 becomes U+FFFD,
 * so the output always parses. */
#ifndef ERDIAG_JSON_STREAM_H
#define ERDIAG_JSON_STREAM_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* Receives buffered output; returns 0 or -1 (the stream then stays failed). */
typedef int (*js_write_fn)(void *ud, const char *buf, size_t len);

#define JS_MAX_DEPTH 32

typedef struct {
    js_write_fn write;
    void *ud;
    char buf[64 * 1024];
    size_t len;
    int depth;
    bool need_comma[JS_MAX_DEPTH];
    bool after_key;
    bool failed;
    bool pretty;
} json_stream_t;

void js_init(json_stream_t *js, js_write_fn write, void *ud);
void js_begin_object(json_stream_t *js);
void js_end_object(json_stream_t *js);
void js_begin_array(json_stream_t *js);
void js_end_array(json_stream_t *js);
void js_key(json_stream_t *js, const char *key);
void js_string(json_stream_t *js, const char *s);
void js_string_n(json_stream_t *js, const char *s, size_t len);
void js_int(json_stream_t *js, int64_t v);
/* Three decimals ("12.5" -> 12.5); an exponent beyond 1e15; NaN and infinities -> null. */
void js_double(json_stream_t *js, double v);
void js_bool(json_stream_t *js, bool v);
void js_null(json_stream_t *js);
/* Writes already-serialised JSON text as one value (e.g. from json_dumps). */
void js_raw(json_stream_t *js, const char *json);
/* Key/value helpers that skip absent values (empty string, MODEL_ABSENT). */
void js_kv_str(json_stream_t *js, const char *key, const char *s);
void js_kv_int(json_stream_t *js, const char *key, int64_t v);
void js_kv_bool(json_stream_t *js, const char *key, bool v);
/* Flushes the buffer; returns 0, or -1 if any write failed. */
int js_flush(json_stream_t *js);

/* A writer into a growable memory buffer (for tests and for whole documents). */
typedef struct {
    char *data;
    size_t len, cap;
} js_membuf_t;
int js_membuf_write(void *ud, const char *buf, size_t len);

#endif
