/* azure_routes_json.c: effective routes as JSON.
 *
 * az CLI (camelCase, wrapped in "value", or a bare array):
 *   {"value": [{"source": "User", "state": "Active", "addressPrefix": ["0.0.0.0/0"],
 *               "nextHopType": "VirtualAppliance", "nextHopIpAddress": ["10.1.255.4"],
 *               "name": null, "disableBgpRoutePropagation": false}]}
 * PowerShell ConvertTo-Json (PascalCase; one route comes out as an object, not an array):
 *   [{"Name": "", "State": "Active", "Source": "User", "AddressPrefix": ["0.0.0.0/0"],
 *     "NextHopType": "VirtualAppliance", "NextHopIpAddress": ["10.1.255.4"]}] */
#include <ctype.h>
#include <string.h>

#include "parsers/azure/azure.h"
#include "parsers/jsonutil.h"
#include "parsers/textutil.h"

enum { MAX_ROUTE_PREFIXES = 64 };

/* A member under its az name or its PowerShell name. */
static json_t *member(const json_t *row, const char *camel)
{
    json_t *v = ju_get(row, camel);
    if (v)
        return v;
    char pascal[64];
    field_set(pascal, sizeof(pascal), camel, -1);
    pascal[0] = (char)toupper((unsigned char)pascal[0]);
    return ju_get(row, pascal);
}

static void copy_str(const json_t *row, const char *key, char *dst, size_t size)
{
    json_t *v = member(row, key);
    if (json_is_string(v))
        field_set(dst, size, json_string_value(v), (long)json_string_length(v));
}

/* A list of strings, or one string (PowerShell flattens a one-item list at depth limits). */
static size_t strings(const json_t *v, size_t i, const char **s, size_t *n)
{
    if (json_is_string(v) && i == 0) {
        *s = json_string_value(v);
        *n = json_string_length(v);
        return 1;
    }
    json_t *item = json_is_array(v) ? json_array_get(v, i) : NULL;
    if (!json_is_string(item))
        return 0;
    *s = json_string_value(item);
    *n = json_string_length(item);
    return 1;
}

static bool is_route(const json_t *row)
{
    return json_is_object(row) && (member(row, "source") || member(row, "addressPrefix"));
}

static int route(parse_run_t *run, const json_t *row)
{
    record_t rec;
    parse_begin_record(run, &rec, KIND_EFFECTIVE_ROUTES);
    effective_route_t *e = &rec.u.effective_route;
    copy_str(row, "name", e->name, sizeof(e->name));
    copy_str(row, "source", e->source, sizeof(e->source));
    copy_str(row, "state", e->state, sizeof(e->state));
    copy_str(row, "nextHopType", e->next_hop_type, sizeof(e->next_hop_type));
    const char *s;
    size_t n;
    /* Gateway routes list both gateway instances; the model holds one next hop: the first. */
    if (strings(member(row, "nextHopIpAddress"), 0, &s, &n))
        field_set(e->next_hop, sizeof(e->next_hop), s, (long)n);
    char prefixes[MAX_ROUTE_PREFIXES][PREFIX_LEN];
    int np = 0;
    json_t *pv = member(row, "addressPrefix");
    for (size_t i = 0; strings(pv, i, &s, &n) && np < MAX_ROUTE_PREFIXES; i++)
        azure_add_prefix(prefixes, &np, MAX_ROUTE_PREFIXES, s, n);
    if (json_is_array(pv) && json_array_size(pv) > MAX_ROUTE_PREFIXES)
        parse_partial(run, "a route lists more address prefixes than erdiag keeps");
    return azure_emit_route(run, &rec, (const char(*)[PREFIX_LEN])prefixes, np);
}

static int rows(parse_run_t *run, const json_t *root)
{
    const json_t *list = root;
    if (json_is_object(root) && !is_route(root)) {
        list = ju_get(root, "value");
        if (!list)
            list = ju_get(root, "Value");
        if (!json_is_array(list))
            return parse_fail(run, "not an effective route table: no \"value\" list");
    }
    if (json_is_object(list))
        return route(run, list);
    size_t i;
    json_t *row;
    json_array_foreach(list, i, row) {
        if (!is_route(row)) {
            parse_partial(run, "an element of the list is not a route");
            continue;
        }
        int rc = route(run, row);
        if (rc)
            return rc;
    }
    return 0;
}

static int text_fallback(parse_run_t *run, const char *text, size_t len)
{
    azure_routes_state_t st;
    memset(&st, 0, sizeof(st));
    const char *p = text, *end = text + len;
    while (p < end) {
        const char *nl = memchr(p, '\n', (size_t)(end - p));
        size_t n = nl ? (size_t)(nl - p) : (size_t)(end - p);
        int rc = azure_routes_text_line(run, &st, p, n);
        if (rc)
            return rc;
        p += n + (nl ? 1 : 0);
    }
    return azure_routes_text_finish(run, &st);
}

/* Where the JSON document starts: the first line that opens with '{' or '['.  Anything above it
 * (an az "WARNING: ..." line) is not part of it; no such line means a text table. */
static const char *json_start(const char *text, size_t len)
{
    const char *p = text, *end = text + len;
    while (p < end) {
        const char *q = p;
        while (q < end && (*q == ' ' || *q == '\t'))
            q++;
        if (q < end && (*q == '{' || *q == '['))
            return q;
        const char *nl = memchr(q, '\n', (size_t)(end - q));
        p = nl ? nl + 1 : end;
    }
    return NULL;
}

/* A document cut off mid-way (a dropped session, a capture limit) still holds whole routes: read
 * the list's elements one at a time and keep those that end before the cut. */
static int salvage(parse_run_t *run, const char *text, size_t len)
{
    const char *p = text, *end = text + len;
    if (*p == '{') {
        const char *v = NULL;
        for (const char *q = p; q + 7 <= end && !v; q++)
            if (memcmp(q, "\"value\"", 7) == 0 || memcmp(q, "\"Value\"", 7) == 0)
                v = q + 7;
        p = v ? memchr(v, '[', (size_t)(end - v)) : NULL;
        if (!p)
            return 0;
    }
    p++; /* past '[' */
    int routes = 0;
    for (;;) {
        while (p < end && (*p == ' ' || *p == '\t' || *p == '\n' || *p == '\r' || *p == ','))
            p++;
        if (p >= end || *p != '{')
            break;
        json_error_t err;
        json_t *row = json_loadb(p, (size_t)(end - p), JSON_DISABLE_EOF_CHECK, &err);
        if (!row)
            break;
        int rc = is_route(row) ? route(run, row) : 0;
        json_decref(row);
        if (rc)
            return rc;
        routes++;
        p += err.position;
    }
    return routes;
}

int azure_routes_json(parse_run_t *run, const char *text, size_t len)
{
    const char *start = json_start(text, len);
    if (!start) /* an az CLI set to "output = table", or Get-Az... without ConvertTo-Json */
        return text_fallback(run, text, len);
    size_t n = len - (size_t)(start - text);
    json_error_t err;
    json_t *root = json_loadb(start, n, JSON_DISABLE_EOF_CHECK, &err);
    if (!root) {
        int got = salvage(run, start, n);
        if (got < 0)
            return got;
        if (got > 0) {
            parse_truncated(run, "the JSON document is cut off: the routes before the cut are kept");
            return 0;
        }
        root = ju_load(run, start, n); /* fails the run with the line and column */
        if (!root)
            return -1;
    }
    int rc = rows(run, root);
    json_decref(root);
    return rc;
}
