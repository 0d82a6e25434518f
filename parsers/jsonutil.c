/* jsonutil.c: jansson helpers for router JSON. */
#include "parsers/jsonutil.h"

#include <inttypes.h>
#include <stdio.h>
#include <string.h>
#include <strings.h>

#include "parsers/textutil.h"

json_t *ju_load(parse_run_t *run, const char *text, size_t len)
{
    size_t start = 0;
    while (start < len && text[start] != '{' && text[start] != '[')
        start++;
    if (start == len) {
        parse_fail(run, "no JSON document in the input");
        return NULL;
    }
    json_error_t err;
    /* DISABLE_EOF_CHECK: a trailing prompt after the document is not an error. */
    json_t *root = json_loadb(text + start, len - start, JSON_DISABLE_EOF_CHECK, &err);
    if (!root)
        parse_fail(run, "invalid JSON at line %d, column %d: %s", err.line, err.column, err.text);
    return root;
}

static json_t *junos_leaf(json_t *v)
{
    /* Junos wraps every value: "peer-as": [{"data": "12076"}]; containers are lists of one. */
    if (json_is_array(v) && json_array_size(v) >= 1) {
        json_t *first = json_array_get(v, 0);
        json_t *data = json_is_object(first) ? json_object_get(first, "data") : NULL;
        if (data)
            return data;
    }
    return v;
}

json_t *ju_get(const json_t *obj, const char *key)
{
    if (!json_is_object(obj))
        return NULL;
    json_t *v = json_object_get(obj, key);
    return v ? junos_leaf(v) : NULL;
}

json_t *ju_path(const json_t *root, const char *path)
{
    char key[128];
    const json_t *cur = root;
    while (cur && *path) {
        const char *dot = strchr(path, '.');
        size_t n = dot ? (size_t)(dot - path) : strlen(path);
        if (n >= sizeof(key))
            return NULL;
        memcpy(key, path, n);
        key[n] = '\0';
        if (json_is_array(cur) && json_array_size(cur) == 1)
            cur = json_array_get(cur, 0);
        cur = ju_get(cur, key);
        path += n + (dot ? 1 : 0);
    }
    return (json_t *)cur;
}

bool ju_copy(const json_t *obj, const char *key, char *dst, size_t size)
{
    json_t *v = ju_get(obj, key);
    if (json_is_string(v)) {
        field_set(dst, size, json_string_value(v), (long)json_string_length(v));
        return json_string_length(v) > 0;
    }
    if (json_is_integer(v)) {
        snprintf(dst, size, "%" PRId64, (int64_t)json_integer_value(v));
        return true;
    }
    if (json_is_real(v)) {
        snprintf(dst, size, "%g", json_real_value(v));
        return true;
    }
    return false;
}

int64_t ju_int(const json_t *obj, const char *key)
{
    json_t *v = ju_get(obj, key);
    if (json_is_integer(v))
        return (int64_t)json_integer_value(v);
    if (json_is_real(v)) {
        /* The fraction is dropped, as the text parsers drop it; 1e300 (or NaN) cannot be
         * cast at all: it is out of range. */
        double d = json_real_value(v);
        if (d > -9223372036854775808.0 && d < 9223372036854775808.0)
            return (int64_t)d;
        tu_note_range_error();
        return MODEL_ABSENT;
    }
    if (json_is_string(v))
        return tu_int(json_string_value(v), json_string_length(v));
    return MODEL_ABSENT;
}

tristate_t ju_bool(const json_t *obj, const char *key)
{
    json_t *v = ju_get(obj, key);
    if (json_is_boolean(v))
        return json_is_true(v) ? TRI_TRUE : TRI_FALSE;
    if (json_is_string(v)) {
        const char *s = json_string_value(v);
        if (!strcasecmp(s, "true") || !strcasecmp(s, "yes") || !strcasecmp(s, "enabled"))
            return TRI_TRUE;
        if (!strcasecmp(s, "false") || !strcasecmp(s, "no") || !strcasecmp(s, "disabled"))
            return TRI_FALSE;
    }
    return TRI_ABSENT;
}

size_t ju_rows(const json_t *v)
{
    if (json_is_array(v))
        return json_array_size(v);
    return json_is_object(v) ? 1 : 0;
}

json_t *ju_row(const json_t *v, size_t i)
{
    if (json_is_array(v))
        return json_array_get(v, i);
    return i == 0 ? (json_t *)v : NULL;
}
