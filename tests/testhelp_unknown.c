/* testhelp_unknown.c: one line no parser knows, in three places of an answer, against the
 * clean answer (record-level partial evidence, issue 8).
 *
 * For a fixture stem S, tests/fixtures/S.txt is a clean answer and S_unknown_header.txt,
 * S_unknown_other.txt and S_unknown_used.txt are the same answer with one line added: before
 * the first record, inside the block of a record a runbook step would not use, inside the
 * block of the one it would.  The line is found as the first line where a variant differs
 * from the clean answer, so the fixtures need no marker. */
#include "tests/testhelp.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/json_stream.h"
#include "core/record_json.h"

/* The record's JSON with its partial marks left out: what was read from it. */
static char *values_json(const record_t *r)
{
    record_t plain = *r;
    plain.partial = false;
    plain.n_skipped = 0;
    js_membuf_t mb = {0};
    json_stream_t *js = malloc(sizeof(*js));
    assert_non_null(js);
    js_init(js, js_membuf_write, &mb);
    record_json_write(js, &plain);
    js_flush(js);
    free(js);
    assert_non_null(mb.data);
    return mb.data;
}

static void assert_same_values(const record_t *a, const record_t *b, const char *what)
{
    char *ja = values_json(a), *jb = values_json(b);
    if (strcmp(ja, jb))
        fail_msg("%s: the values changed\n  clean:   %s\n  variant: %s", what, ja, jb);
    free(ja);
    free(jb);
}

/* The 1-based number of the first line of variant that is not the clean text's. */
static uint64_t added_line(const char *clean, const char *variant)
{
    uint64_t line = 1;
    for (size_t i = 0; clean[i] && clean[i] == variant[i]; i++)
        if (clean[i] == '\n')
            line++;
    return line;
}

static void assert_marked(const record_t *r, uint64_t line, const char *what)
{
    if (!r->partial || r->n_skipped < 1 || r->skipped[0] != line)
        fail_msg("%s: want partial with line %llu, got partial %d, %u lines, first %llu", what, (unsigned long long)line,
                 r->partial, r->n_skipped, (unsigned long long)(r->n_skipped ? r->skipped[0] : 0));
}

static void assert_whole(const record_t *r, const char *what)
{
    if (r->partial)
        fail_msg("%s: partial (%u lines skipped, first %llu), want whole", what, r->n_skipped,
                 (unsigned long long)(r->n_skipped ? r->skipped[0] : 0));
}

typedef enum { OUT_PARTIAL, OUT_WHOLE, OUT_ANY } out_t;

/* One variant: every record as in the clean answer; the output as out says; the record named
 * marked (NULL: none) partial with the added line, every other one whole. */
static void check_variant(const char *vendor, const char *command, const parsed_t *clean, const char *clean_text,
                          const char *rel, const char *marked, out_t out)
{
    size_t len;
    char *text = th_read_fixture(rel, &len);
    uint64_t line = added_line(clean_text, text);
    parsed_t *p = th_parse_text(vendor, command, text, len);
    free(text);
    if ((out != OUT_ANY && p->partial != (out == OUT_PARTIAL)) || p->n != clean->n)
        fail_msg("%s: partial %d (want %d), %zu records (want %zu)", rel, p->partial, out == OUT_PARTIAL, p->n, clean->n);
    for (size_t i = 0; i < p->n; i++) {
        char what[300];
        snprintf(what, sizeof(what), "%s record %zu", rel, i);
        assert_same_values(&clean->recs[i], &p->recs[i], what);
        if (marked && &p->recs[i] == th_find(p, marked))
            assert_marked(&p->recs[i], line, what);
        else
            assert_whole(&p->recs[i], what);
    }
    th_free(p);
}

void th_assert_unknown_lines(const char *vendor, const char *command, const char *stem, const char *used,
                             const char *other, th_unknown_t how)
{
    bool marks = how == TH_MARKS;
    out_t inside = how == TH_SILENT ? OUT_WHOLE : OUT_PARTIAL;
    char rel[256];
    size_t len;
    snprintf(rel, sizeof(rel), "%s.txt", stem);
    char *clean_text = th_read_fixture(rel, &len);
    parsed_t *clean = th_parse_text(vendor, command, clean_text, len);
    if (clean->partial || !th_find(clean, used) || !th_find(clean, other))
        fail_msg("%s: the clean answer must be whole and hold '%s' and '%s'", rel, used, other);
    snprintf(rel, sizeof(rel), "%s_unknown_header.txt", stem);
    check_variant(vendor, command, clean, clean_text, rel, NULL, OUT_ANY); /* some skip a preamble unread */
    snprintf(rel, sizeof(rel), "%s_unknown_other.txt", stem);
    check_variant(vendor, command, clean, clean_text, rel, marks ? other : NULL, inside);
    snprintf(rel, sizeof(rel), "%s_unknown_used.txt", stem);
    check_variant(vendor, command, clean, clean_text, rel, marks ? used : NULL, inside);
    th_free(clean);
    free(clean_text);
}
