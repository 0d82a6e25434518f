/* parse_json.c: the streamed JSON form of a parse. */
#include "parsers/parse_json.h"

#include "core/record_json.h"

void parse_json_begin(parse_json_t *pj, json_stream_t *js, const char *vendor, const char *command, kind_t kind)
{
    pj->js = js;
    pj->kind = kind;
    js_begin_object(js);
    js_kv_str(js, "vendor", vendor);
    js_kv_str(js, "command", command);
    js_kv_str(js, "kind", kind_name(kind));
    if (kind != KIND_VERSION) {
        js_key(js, kind_list_key(kind));
        js_begin_array(js);
    }
}

int parse_json_sink(void *ud, const record_t *rec)
{
    parse_json_t *pj = ud;
    if (pj->kind == KIND_VERSION)
        record_json_version_members(pj->js, &rec->u.version);
    else
        record_json_write(pj->js, rec);
    /* Flush as we go: a reader piping us into jq sees records before the table ends. */
    return pj->js->len > sizeof(pj->js->buf) / 2 ? js_flush(pj->js) : (pj->js->failed ? -1 : 0);
}

/* A filtered answer says so: its records are those the filter left, and an absent one proves
 * nothing.  A "| count" answer has no records at all, only the number. */
static void write_filter(json_stream_t *js, const parse_status_t *st)
{
    if (!st->filter.filtered)
        return;
    js_kv_bool(js, "filtered", true);
    js_kv_str(js, "filter", st->filter.filter);
    if (st->filter.count) {
        if (st->count >= 0)
            js_kv_int(js, "count", st->count);
        js_kv_str(js, "note", "a '| count' answer holds only how many lines matched: no records");
    } else {
        js_kv_str(js, "note", "only the lines the output filter left were read: a record absent here may exist");
    }
}

void parse_json_end(parse_json_t *pj, const parse_run_t *run)
{
    json_stream_t *js = pj->js;
    parse_status_t st;
    parse_run_status(run, &st);
    if (pj->kind != KIND_VERSION)
        js_end_array(js);
    record_json_meta_members(js, parse_run_meta(run));
    js_kv_bool(js, "partial", st.partial || st.error != NULL);
    if (st.truncated)
        js_kv_bool(js, "truncated", true);
    js_kv_int(js, "lines", (int64_t)st.lines);
    js_kv_int(js, "records", (int64_t)st.records);
    if (st.n_skipped) {
        js_key(js, "skipped_lines");
        js_begin_array(js);
        for (size_t i = 0; i < st.n_skipped; i++)
            js_int(js, (int64_t)st.skipped[i]);
        js_end_array(js);
        js_kv_int(js, "skipped_total", (int64_t)st.skipped_total);
    }
    js_kv_str(js, "partial_reason", st.partial_reason);
    write_filter(js, &st);
    if (st.error)
        js_kv_str(js, "error", st.error);
    js_end_object(js);
}

int parse_json_text(json_stream_t *js, const parser_vendor_t *vendor, const char *command, const char *text,
                    size_t len)
{
    const parser_def_t *def = parser_find(vendor, command);
    if (!def)
        return 2;
    parse_json_t pj;
    parse_json_begin(&pj, js, vendor->name, command, def->kind);
    parse_run_t *run = parse_run_new(def, vendor, command, parse_json_sink, &pj);
    if (!run)
        return 1;
    int rc = parse_run_feed(run, text, len);
    int rc2 = parse_run_finish(run);
    parse_json_end(&pj, run);
    parse_run_free(run);
    return rc || rc2 ? 1 : 0;
}
