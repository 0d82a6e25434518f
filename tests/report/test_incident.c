/* test_incident.c: the incident report writers (report/incident*.c).
 *
 * Golden files: three bundled scenarios (md5-mismatch-ios, crc-rising-ios, forced-tunneling-ios
 * with its imports) judged by the engine, journaled with a test clock, written in each format
 * and compared byte for byte with tests/report/golden/<scenario>.<md|html|json>
 * (ERDIAG_UPDATE_GOLDEN=1 rewrites them).  Then: Markdown escaping, an answer that tries to leave
 * its fence or run a script, the HTML renderer's backstop against raw HTML, every secret form of
 * every platform kept out of every format, a session cut short, format names, write errors. */
#include <cmark-gfm.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "report/incident.h"
#include "report/incident_int.h"
#include "tests/report/incident_build.h"
#include "tests/testhelp.h"

#define TOP FIXTURE_DIR "/../.."

static const char *const ext[] = {"md", "html", "json"};

static char *render(const incident_t *inc, incident_format_t fmt, size_t *len)
{
    char *buf = NULL;
    FILE *m = open_memstream(&buf, len);
    assert_non_null(m);
    assert_int_equal(incident_write(m, inc, fmt), 0);
    assert_int_equal(fclose(m), 0);
    return buf;
}

static void compare_golden(const char *name, incident_format_t fmt, const char *got, size_t len)
{
    char path[256];
    snprintf(path, sizeof(path), "tests/report/golden/%s.%s", name, ext[fmt]);
    const char *update = getenv("ERDIAG_UPDATE_GOLDEN");
    if (update && strcmp(update, "1") == 0) {
        FILE *f = fopen(path, "w");
        assert_non_null(f);
        assert_int_equal(fwrite(got, 1, len, f), len);
        assert_int_equal(fclose(f), 0);
        return;
    }
    size_t want_len = 0;
    char rel[300];
    snprintf(rel, sizeof(rel), "../report/golden/%s.%s", name, ext[fmt]);
    char *want = th_read_fixture(rel, &want_len);
    if (want_len != len || memcmp(want, got, len) != 0)
        fail_msg("%s differs from what the writer wrote (ERDIAG_UPDATE_GOLDEN=1 rewrites it):\n%s", path, got);
    free(want);
}

static void golden(const char *name, runbook_id_t rb, bool imports, const char *cause)
{
    incident_t inc;
    ib_scenario(&inc, name, rb, imports);
    for (int fmt = INCIDENT_MD; fmt <= INCIDENT_JSON; fmt++) {
        size_t len = 0;
        char *out = render(&inc, (incident_format_t)fmt, &len);
        compare_golden(name, (incident_format_t)fmt, out, len);
        assert_non_null(strstr(out, cause));
        free(out);
    }
    char summary[128];
    snprintf(summary, sizeof(summary), "**Root cause:** `%s`", cause);
    size_t len;
    char *md = render(&inc, INCIDENT_MD, &len);
    assert_non_null(strstr(md, summary));
    free(md);
    incident_free(&inc);
    assert_null(inc.answers);
    assert_int_equal(inc.n_events, 0);
}

static void golden_md5_mismatch(void **state)
{
    (void)state;
    golden("md5-mismatch-ios", RUNBOOK_BGP, false, "md5_mismatch");
}

static void golden_crc_rising(void **state)
{
    (void)state;
    golden("crc-rising-ios", RUNBOOK_BGP, false, "interface_errors");
}

static void golden_forced_tunneling(void **state)
{
    (void)state;
    golden("forced-tunneling-ios", RUNBOOK_ASYM, true, "forced_tunneling");
}

/* ---- Markdown escaping ---- */

static char *md_of(int (*write)(FILE *, const char *), const char *s)
{
    char *buf = NULL;
    size_t len;
    FILE *m = open_memstream(&buf, &len);
    assert_non_null(m);
    assert_int_equal(write(m, s), 0);
    fclose(m);
    return buf;
}

static int code_plain(FILE *f, const char *s)
{
    return md_code(f, s, false);
}

static int code_cell(FILE *f, const char *s)
{
    return md_code(f, s, true);
}

static void expect(int (*write)(FILE *, const char *), const char *in, const char *want)
{
    char *got = md_of(write, in);
    assert_string_equal(got, want);
    free(got);
}

static void markdown_escaping(void **state)
{
    (void)state;
    expect(md_text, "*bold* [x](y) <b> &amp; a|b ~z~ `c`", "\\*bold\\* \\[x\\](y) \\<b> \\&amp; a\\|b \\~z\\~ \\`c\\`");
    expect(md_text, "192.168.100.130 0.1.0 -> x", "192.168.100.130 0.1.0 -> x");
    expect(md_text, "md5_mismatch _em_ snake_case_", "md5_mismatch \\_em\\_ snake_case\\_");
    expect(md_text, "# head", "\\# head");
    expect(md_text, "  - item\nsecond line", "\\- item second line");
    expect(md_text, "1. first", "1\\. first");
    expect(md_text, "> quote", "\\> quote");
    expect(md_text, "path C:\\dir \\* x", "path C:\\dir \\\\\\* x");
    expect(md_text, "ends in #", "ends in \\#");
    expect(code_plain, "show run | section bgp", "`show run | section bgp`");
    expect(code_cell, "show run | section bgp", "`show run \\| section bgp`");
    expect(code_plain, "a ``b`` c", "```a ``b`` c```");
    expect(code_plain, "`x", "`` `x ``");
    expect(code_plain, "", "");
    char *buf = NULL;
    size_t len;
    FILE *m = open_memstream(&buf, &len);
    const char out[] = "line\n````\nlast";
    assert_int_equal(md_fence(m, out, sizeof(out) - 1), 0);
    fclose(m);
    assert_string_equal(buf, "`````text\nline\n````\nlast\n`````\n\n");
    free(buf);
}

/* ---- an answer that tries to leave its fence, run a script, drive the terminal ---- */

static const char hostile[] = "Building configuration...\n<script>alert(1)</script>\n```\nafter the fence\n"
                              "\x1b[2J cleared\nhttp://evil.example/x.js src=x\nnul \0 byte\n";

static void hostile_incident(incident_t *inc)
{
    ib_header(inc, "ce1-nyc", "ios", "bgp");
    inc->result.status = "OK";
    uint64_t id = ib_answer(inc, 1, "show running-config", hostile, sizeof(hostile) - 1, "");
    id = ib_note(inc, id, "", "saw <script>alert(2)</script> & ``` in the output");
    ib_event(inc, id, "end", "", "session ended");
    incident_narrative(inc);
}

/* The fenced block of the answer in the Markdown, as cmark-gfm reads it. */
static char *code_block_with(const char *md, size_t len, const char *needle)
{
    cmark_node *doc = cmark_parse_document(md, len, CMARK_OPT_DEFAULT);
    cmark_iter *it = cmark_iter_new(doc);
    char *found = NULL;
    while (!found && cmark_iter_next(it) != CMARK_EVENT_DONE) {
        cmark_node *n = cmark_iter_get_node(it);
        const char *lit = cmark_node_get_type(n) == CMARK_NODE_CODE_BLOCK ? cmark_node_get_literal(n) : NULL;
        if (lit && strstr(lit, needle))
            found = strdup(lit);
    }
    cmark_iter_free(it);
    cmark_node_free(doc);
    return found;
}

static void hostile_markdown(const char *md, size_t len)
{
    char *block = code_block_with(md, len, "alert(1)");
    assert_non_null(block);
    /* the whole answer is one code block: the ``` line did not end it */
    assert_non_null(strstr(block, "<script>alert(1)</script>\n```\nafter the fence\n\\e[2J cleared"));
    assert_non_null(strstr(block, "nul \\x00 byte\n"));
    free(block);
    assert_null(memchr(md, '\x1b', len));
    assert_non_null(strstr(md, "saw \\<script>alert(2)\\</script> \\& \\`\\`\\` in the output"));
}

static void hostile_html(const char *html)
{
    assert_non_null(strstr(html, "&lt;script&gt;alert(1)&lt;/script&gt;"));
    assert_non_null(strstr(html, "saw &lt;script&gt;alert(2)&lt;/script&gt;"));
    assert_null(strcasestr(html, "<script"));
    assert_null(strstr(html, "://"));
    assert_null(strcasestr(html, "src="));
    assert_non_null(strstr(html, "http&#58;//evil.example/x.js src&#61;x"));
    assert_null(strchr(html, '\x1b'));
}

static void hostile_json(const char *js, size_t len)
{
    json_error_t err;
    json_t *root = json_loadb(js, len, 0, &err);
    assert_non_null(root);
    json_t *a = json_array_get(json_object_get(root, "appendix"), 0);
    /* the answer as it came, but a NUL reads U+FFFD: readers refuse \u0000 (jansson by default) */
    char want[sizeof(hostile) + 2];
    const char *nul = hostile + strlen(hostile);
    snprintf(want, sizeof(want), "%s\xef\xbf\xbd%s", hostile, nul + 1);
    assert_string_equal(json_string_value(json_object_get(a, "output")), want);
    assert_true(json_is_null(json_object_get(a, "error")));
    assert_int_equal(json_integer_value(json_object_get(root, "schema_version")), INCIDENT_SCHEMA_VERSION);
    json_decref(root);
    assert_null(memchr(js, '\x1b', len));
    assert_non_null(strstr(js, "\\u001B[2J"));
}

static void answer_stays_in_its_fence(void **state)
{
    (void)state;
    incident_t inc;
    hostile_incident(&inc);
    size_t len;
    char *md = render(&inc, INCIDENT_MD, &len);
    hostile_markdown(md, len);
    compare_golden("hostile-answer", INCIDENT_MD, md, len); /* check-report.sh: xmllint, schema */
    free(md);
    char *html = render(&inc, INCIDENT_HTML, &len);
    hostile_html(html);
    compare_golden("hostile-answer", INCIDENT_HTML, html, len);
    free(html);
    char *js = render(&inc, INCIDENT_JSON, &len);
    hostile_json(js, len);
    compare_golden("hostile-answer", INCIDENT_JSON, js, len);
    free(js);
    incident_free(&inc);
}

/* Whatever Markdown reaches the renderer, no raw HTML but our anchors comes out of it. */
static void renderer_defuses_raw_html(void **state)
{
    (void)state;
    const char md[] = "### <a id=\"answer-7\"></a>Answer 7\n\n<script>alert(1)</script>\n\n"
                      "x <img src=\"a.png\" onerror=\"alert(2)\"> <a id=\"answer-8\" onclick=\"y\"></a>\n\n"
                      "[link](javascript:alert(3)) [ok](#answer-7) ![img](a.png)\n\n| v |\n|---|\n| FAIL |\n";
    char *html = inc_markdown_to_html(md, sizeof(md) - 1);
    assert_non_null(html);
    assert_non_null(strstr(html, "<h3><a id=\"answer-7\"></a>Answer 7</h3>"));
    assert_non_null(strstr(html, "&lt;script&gt;alert(1)&lt;/script&gt;"));
    assert_null(strcasestr(html, "<script"));
    assert_null(strstr(html, "<img"));
    assert_null(strstr(html, "onclick=\"y\">"));
    assert_null(strstr(html, "javascript:"));
    assert_non_null(strstr(html, "<a href=\"#answer-7\">ok</a>"));
    assert_non_null(strstr(html, "<td><span class=\"v-fail\">FAIL</span></td>"));
    free(html);
}

/* ---- redaction: every secret form of every platform, in answers, notes, findings ---- */

static const char *const platforms[] = {"ios", "nxos", "iosxr", "eos", "junos", "frr"};

/* One line per secret form, each a note on its own (as an operator would paste it). */
static const char *const secret_notes[] = {
    "neighbor 192.168.100.130 password 7 S3CR3T-NOTE-01",
    "enable secret 5 $1$S3CR3T-NOTE-02",
    "enable secret 8 $8$S3CR3T-NOTE-03",
    "username noc privilege 15 secret 9 $9$S3CR3T-NOTE-04",
    "key 7 S3CR3T-NOTE-05",
    "authentication-key \"$9$S3CR3T-NOTE-06\"; ## SECRET-DATA",
    "encrypted-password \"$6$S3CR3T-NOTE-07\"; ## SECRET-DATA",
    "neighbor 10.0.0.1 password 7 S3CR3T-NOTE-08",
    "snmp-server community S3CR3T-NOTE-09 RO",
    "set snmp community S3CR3T-NOTE-10 authorization read-only",
    "crypto isakmp key S3CR3T-NOTE-11 address 198.51.100.1",
    "pre-shared-key address 203.0.113.10 key S3CR3T-NOTE-12",
    "tacacs-server host 10.0.0.8 key 7 S3CR3T-NOTE-13",
    "radius-server host 10.0.0.9 auth-port 1645 acct-port 1646 key S3CR3T-NOTE-14",
    "tacacs-server key S3CR3T-NOTE-15",
    "pre-shared-key ascii-text \"$9$S3CR3T-NOTE-16\"",
    "snmp-server user v3user v3group v3 auth sha S3CR3T-NOTE-17 priv aes 128 S3CR3T-NOTE-18",
    "    community S3CR3T-NOTE-19 {",
    "ip ospf message-digest-key 1 md5 7 S3CR3T-NOTE-20",
    "snmp-server host 10.0.0.20 version 2c S3CR3T-NOTE-21",
};

/* The result's own strings hold secrets too: a finding, an evidence line, a remedy, a note. */
static void plant_in_result(runbook_result_t *r)
{
    step_result_t *s = &r->steps[r->causes[0]];
    snprintf(s->finding, sizeof(s->finding), "neighbor 192.168.100.130 password 7 S3CR3T-FIND-01 differs");
    snprintf(s->evidence[0].line, sizeof(s->evidence[0].line), "neighbor 192.168.100.130 password 7 S3CR3T-EVID-01");
    r->groups[0].evidence[0] = s->evidence[0];
    snprintf(s->next[0], sizeof(s->next[0]), " neighbor 192.168.100.130 password 7 S3CR3T-NEXT-01");
    snprintf(s->note[0], sizeof(s->note[0]), "Azure CLI: az ... --shared-key S3CR3T-ANOTE-01");
    snprintf(r->summary, sizeof(r->summary), "ce1-nyc: snmp-server community S3CR3T-SUMM-01 RO");
}

static void secret_incident(incident_t *inc)
{
    ib_scenario(inc, "md5-mismatch-ios", RUNBOOK_BGP, false);
    plant_in_result(&inc->result);
    uint64_t id = inc->events[inc->n_events - 1].journal_id + 1;
    for (size_t i = 0; i < sizeof(platforms) / sizeof(platforms[0]); i++) {
        char rel[64];
        size_t len;
        snprintf(rel, sizeof(rel), "redact/%s.txt", platforms[i]);
        char *config = th_read_fixture(rel, &len);
        id = ib_answer(inc, id, "show running-config", config, len, "");
        free(config);
    }
    for (size_t i = 0; i < sizeof(secret_notes) / sizeof(secret_notes[0]); i++)
        id = ib_note(inc, id, i % 2 ? "bgp_config" : "", secret_notes[i]);
    ib_event(inc, id, "warning", "", "device said: tacacs-server key 7 S3CR3T-EVENT-01");
    incident_narrative(inc);
}

static void no_secret_in_any_format(void **state)
{
    (void)state;
    incident_t inc;
    secret_incident(&inc);
    /* the model holds the secrets as they came: the writers redact */
    assert_non_null(strstr(inc.answers[inc.n_answers - 1].output, "S3CR3T"));
    assert_non_null(strstr(inc.notes[inc.n_notes - 1].text, "S3CR3T-NOTE-21"));
    for (int fmt = INCIDENT_MD; fmt <= INCIDENT_JSON; fmt++) {
        size_t len;
        char *out = render(&inc, (incident_format_t)fmt, &len);
        if (memmem(out, len, "S3CR3T", 6) || memmem(out, len, "5EC7E7", 6))
            fail_msg("a secret survived in the %s report: ...%.80s", ext[fmt], strstr(out, "S3CR3T"));
        /* the words around a secret stay: the evidence still reads */
        assert_non_null(strstr(out, "neighbor 192.168.100.130 password 7 "));
        assert_non_null(strstr(out, fmt == INCIDENT_HTML ? "&lt;redacted&gt;" : "<redacted>"));
        free(out);
    }
    incident_free(&inc);
}

/* ---- a session cut short, format names, write errors ---- */

static void session_cut_short(void **state)
{
    (void)state;
    incident_t inc;
    hostile_incident(&inc);
    inc.finished = false;
    snprintf(inc.torn_note, sizeof(inc.torn_note), "the last entry was torn (37 bytes dropped)");
    incident_narrative(&inc);
    assert_non_null(strstr(inc.narrative, "The session was cut short"));
    size_t len;
    char *md = render(&inc, INCIDENT_MD, &len);
    assert_non_null(strstr(md, "| Session cut short | yes: the journal has no end entry; the last entry was torn "
                               "(37 bytes dropped) |\n"));
    free(md);
    char *js = render(&inc, INCIDENT_JSON, &len);
    json_t *root = json_loadb(js, len, 0, NULL);
    assert_true(json_is_false(json_object_get(root, "finished")));
    assert_string_equal(json_string_value(json_object_get(root, "torn_note")), inc.torn_note);
    json_decref(root);
    free(js);
    incident_free(&inc);
}

static void format_names(void **state)
{
    (void)state;
    incident_format_t f = INCIDENT_JSON;
    assert_true(incident_format_from_name("md", &f) && f == INCIDENT_MD);
    assert_true(incident_format_from_name("Markdown", &f) && f == INCIDENT_MD);
    assert_true(incident_format_from_name("html", &f) && f == INCIDENT_HTML);
    assert_true(incident_format_from_name("json", &f) && f == INCIDENT_JSON);
    assert_false(incident_format_from_name("pdf", &f));
    assert_false(incident_format_from_name(NULL, &f));
    assert_true(incident_format_from_path("out/ce1.report.MD", &f) && f == INCIDENT_MD);
    assert_true(incident_format_from_path("x.markdown", &f) && f == INCIDENT_MD);
    assert_true(incident_format_from_path("x.htm", &f) && f == INCIDENT_HTML);
    assert_true(incident_format_from_path("/tmp/x.html", &f) && f == INCIDENT_HTML);
    assert_true(incident_format_from_path("x.json", &f) && f == INCIDENT_JSON);
    assert_false(incident_format_from_path("reports.md/incident", &f));
    assert_false(incident_format_from_path("incident", &f));
    assert_false(incident_format_from_path("incident.", &f));
    assert_false(incident_format_from_path("incident.txt", &f));
}

static void write_errors_are_returned(void **state)
{
    (void)state;
    incident_t inc;
    hostile_incident(&inc);
    for (int fmt = INCIDENT_MD; fmt <= INCIDENT_JSON; fmt++) {
        FILE *full = fopen("/dev/full", "w");
        if (!full)
            skip();
        assert_int_equal(incident_write(full, &inc, (incident_format_t)fmt), -1);
        fclose(full);
    }
    assert_int_equal(incident_write(stdout, &inc, (incident_format_t)42), -1);
    incident_free(&inc);
}

/* The scenarios and goldens are read relative to the source tree. */
static int to_source_tree(void **state)
{
    (void)state;
    return chdir(TOP);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(golden_md5_mismatch),
        cmocka_unit_test(golden_crc_rising),
        cmocka_unit_test(golden_forced_tunneling),
        cmocka_unit_test(markdown_escaping),
        cmocka_unit_test(answer_stays_in_its_fence),
        cmocka_unit_test(renderer_defuses_raw_html),
        cmocka_unit_test(no_secret_in_any_format),
        cmocka_unit_test(session_cut_short),
        cmocka_unit_test(format_names),
        cmocka_unit_test(write_errors_are_returned),
    };
    return cmocka_run_group_tests(tests, to_source_tree, NULL);
}
