/* testhelp.c: fixture loading and parse collection for the cmocka tests. */
#include "tests/testhelp.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/json_stream.h"
#include "parsers/parse_json.h"

char *th_read_fixture(const char *rel, size_t *len)
{
    char path[1024];
    snprintf(path, sizeof(path), "%s/%s", FIXTURE_DIR, rel);
    FILE *f = fopen(path, "rb");
    if (!f)
        fail_msg("cannot open fixture %s", path);
    fseek(f, 0, SEEK_END);
    long size = ftell(f);
    fseek(f, 0, SEEK_SET);
    char *buf = malloc((size_t)size + 1);
    assert_non_null(buf);
    size_t got = fread(buf, 1, (size_t)size, f);
    fclose(f);
    assert_int_equal(got, (size_t)size);
    buf[size] = '\0';
    if (len)
        *len = (size_t)size;
    return buf;
}

static int collect(void *ud, const record_t *rec)
{
    parsed_t *p = ud;
    if (p->n == p->cap) {
        p->cap = p->cap ? p->cap * 2 : 16;
        p->recs = realloc(p->recs, p->cap * sizeof(record_t));
        assert_non_null(p->recs);
    }
    p->recs[p->n++] = *rec;
    return 0;
}

static char *contract_json(const parser_vendor_t *v, const char *command, const char *text, size_t len)
{
    js_membuf_t mb = {0};
    json_stream_t *js = malloc(sizeof(*js));
    assert_non_null(js);
    js_init(js, js_membuf_write, &mb);
    parse_json_text(js, v, command, text, len);
    js_flush(js);
    free(js);
    return mb.data;
}

char *th_contract_json_with(const parser_vendor_t *v, const parser_def_t *def, const char *text, size_t len,
                            size_t chunk, size_t split, uint64_t *records)
{
    js_membuf_t out = {0};
    json_stream_t *js = malloc(sizeof(*js));
    assert_non_null(js);
    js_init(js, js_membuf_write, &out);
    parse_json_t pj;
    parse_json_begin(&pj, js, v->name, def->command, def->kind);
    parse_run_t *run = parse_run_new(def, v, def->command, parse_json_sink, &pj);
    assert_non_null(run);
    if (split)
        parse_run_set_split_bytes(run, split);
    if (!chunk)
        chunk = len ? len : 1;
    for (size_t off = 0; off < len; off += chunk)
        parse_run_feed(run, text + off, off + chunk > len ? len - off : chunk);
    parse_run_finish(run);
    parse_json_end(&pj, run);
    assert_int_equal(js_flush(js), 0);
    parse_status_t st;
    parse_run_status(run, &st);
    *records = st.records;
    parse_run_free(run);
    free(js);
    return out.data;
}

parsed_t *th_parse_text(const char *vendor, const char *command, const char *text, size_t len)
{
    const parser_vendor_t *v = parser_vendor_find(vendor);
    if (!v)
        fail_msg("unknown vendor %s", vendor);
    const parser_def_t *def = parser_find(v, command);
    if (!def)
        fail_msg("no %s parser for '%s'", vendor, command);
    parsed_t *p = calloc(1, sizeof(*p));
    assert_non_null(p);
    p->kind = def->kind;
    parse_run_t *run = parse_run_new(def, v, command, collect, p);
    assert_non_null(run);
    parse_run_feed(run, text, len);
    parse_run_finish(run);
    parse_status_t st;
    parse_run_status(run, &st);
    p->meta = *parse_run_meta(run);
    p->partial = st.partial;
    p->truncated = st.truncated;
    snprintf(p->partial_reason, sizeof(p->partial_reason), "%s", st.partial_reason);
    p->failed = st.error != NULL;
    snprintf(p->error, sizeof(p->error), "%s", st.error ? st.error : "");
    p->n_skipped = st.n_skipped;
    memcpy(p->skipped, st.skipped, st.n_skipped * sizeof(uint64_t));
    p->lines = st.lines;
    parse_run_free(run);
    p->json = contract_json(v, command, text, len);
    return p;
}

parsed_t *th_parse_fixture(const char *vendor, const char *command, const char *rel)
{
    size_t len;
    char *text = th_read_fixture(rel, &len);
    parsed_t *p = th_parse_text(vendor, command, text, len);
    free(text);
    return p;
}

void th_free(parsed_t *p)
{
    if (!p)
        return;
    free(p->recs);
    free(p->json);
    free(p);
}

static const char *record_key(const record_t *r)
{
    switch (r->kind) {
    case KIND_INTERFACES: return r->u.iface.name;
    case KIND_BGP_SUMMARY: return r->u.peer.peer;
    case KIND_BGP_NEIGHBORS: return r->u.neighbor.peer;
    case KIND_ROUTES: return r->u.route.prefix;
    case KIND_BGP_TABLE: return r->u.path.prefix;
    case KIND_ARP: return r->u.arp.address;
    case KIND_PREFIX_LISTS: return r->u.prefix_list.name;
    case KIND_ROUTE_MAPS: return r->u.route_map.name;
    case KIND_BGP_CONFIG: return r->u.bgp_config.peer;
    case KIND_BFD: return r->u.bfd.peer;
    case KIND_VERSION: return r->u.version.hostname;
    case KIND_EFFECTIVE_ROUTES: return r->u.effective_route.n_prefixes ? r->u.effective_route.prefixes[0] : "";
    case KIND_ROUTE_SUMMARY: return r->u.route_summary.table;
    case KIND_COMMUNITY_LISTS: return r->u.community_list.name;
    case KIND_TCP_TEST: return r->u.tcp_test.target;
    case KIND_PING: return r->u.ping.target;
    default: return "";
    }
}

const record_t *th_find(const parsed_t *p, const char *key)
{
    for (size_t i = 0; i < p->n; i++)
        if (strcmp(record_key(&p->recs[i]), key) == 0)
            return &p->recs[i];
    return NULL;
}

const record_t *th_must_find(const parsed_t *p, const char *key)
{
    const record_t *r = th_find(p, key);
    if (!r)
        fail_msg("no record with key '%s' among %zu records", key, p->n);
    return r;
}

void th_assert_split_invariant(const char *vendor, const char *command, const char *text, size_t max_chunk)
{
    parsed_t *whole = th_parse_text(vendor, command, text, strlen(text));
    const parser_vendor_t *v = parser_vendor_find(vendor);
    const parser_def_t *def = parser_find(v, command);
    for (size_t chunk = 1; chunk <= max_chunk; chunk++) {
        parsed_t got = {0};
        parse_run_t *run = parse_run_new(def, v, command, collect, &got);
        size_t len = strlen(text);
        for (size_t off = 0; off < len; off += chunk)
            parse_run_feed(run, text + off, off + chunk > len ? len - off : chunk);
        parse_run_finish(run);
        parse_run_free(run);
        assert_int_equal(got.n, whole->n);
        for (size_t i = 0; i < got.n; i++)
            assert_memory_equal(&got.recs[i], &whole->recs[i], sizeof(record_t));
        free(got.recs);
    }
    th_free(whole);
}

void th_fact(fact_t *f, const char *vendor, const char *command, const char *text)
{
    parsed_t *p = th_parse_text(vendor, command, text, strlen(text));
    memset(f, 0, sizeof(*f));
    f->present = true;
    snprintf(f->command, sizeof(f->command), "%s", command);
    f->raw = strdup(text);
    assert_non_null(f->raw);
    f->raw_len = strlen(text);
    f->journal_id = 1;
    f->kind = p->kind;
    f->records = p->recs; /* ownership moves to the fact */
    f->n_records = p->n;
    f->meta = p->meta;
    f->partial = p->partial;
    f->truncated = p->truncated || p->failed;
    snprintf(f->partial_reason, sizeof(f->partial_reason), "%s", p->partial_reason);
    p->recs = NULL;
    th_free(p);
}

void th_fact_fixture(fact_t *f, const char *vendor, const char *command, const char *rel)
{
    char *text = th_read_fixture(rel, NULL);
    th_fact(f, vendor, command, text);
    free(text);
}

void th_fact_free(fact_t *f)
{
    free((void *)f->raw);
    free((void *)f->records);
    memset(f, 0, sizeof(*f));
}

int th_tmpdir(char *dir, size_t size, const char *what)
{
    if (snprintf(dir, size, "/tmp/erdiag-%s.XXXXXX", what) >= (int)size)
        return -1;
    return mkdtemp(dir) ? 0 : -1;
}

int th_rmtree(const char *dir)
{
    char cmd[300];
    if (strchr(dir, '\'') || snprintf(cmd, sizeof(cmd), "rm -rf '%s'", dir) >= (int)sizeof(cmd))
        return -1;
    return system(cmd) == 0 ? 0 : -1;
}
