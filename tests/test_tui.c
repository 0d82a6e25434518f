/* test_tui.c: the console's pure parts: the layout at each size, the transcript (redaction,
 * escape sequences, search), the glyphs and their ASCII fallback, the notes, the steps'
 * explanations, and the panes' row builders, asserting the exact strings a person sees. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "tests/testhelp.h"
#include "tui/demo.h"
#include "tui/glyphs.h"
#include "tui/layout.h"
#include "tui/notes.h"
#include "tui/panes.h"
#include "tui/picker.h"
#include "tui/transcript.h"

/* ---- layout ---- */

static void assert_inside(const tui_rect_t *r, int cols, int lines)
{
    assert_true(r->y >= 0 && r->x >= 0);
    assert_true(r->y + r->h <= lines && r->x + r->w <= cols);
}

/* No two shown rectangles overlap. */
static void assert_disjoint(const tui_layout_t *l)
{
    for (int a = 0; a < PANE_COUNT; a++)
        for (int b = a + 1; b < PANE_COUNT; b++) {
            const tui_rect_t *p = &l->pane[a], *q = &l->pane[b];
            if (!p->h || !q->h)
                continue;
            bool apart = p->x + p->w <= q->x || q->x + q->w <= p->x || p->y + p->h <= q->y || q->y + q->h <= p->y;
            assert_true(apart);
        }
}

static void layout_80x24(void **state)
{
    (void)state;
    tui_layout_t l;
    layout_compute(80, 24, RUNBOOK_BGP, PANE_BGP, &l);
    assert_false(l.too_small);
    assert_true(l.tabbed);
    assert_int_equal(l.header.y, 0);
    assert_int_equal(l.status.y, 23);
    assert_int_equal(l.pane[PANE_RUNBOOK].x, 0);
    assert_int_equal(l.pane[PANE_RUNBOOK].w, 32);
    assert_int_equal(l.pane[PANE_RUNBOOK].h, 15); /* 22 rows less the live pane's 7 (its minimum) */
    assert_int_equal(l.pane[PANE_DETAIL].x, 32);
    assert_int_equal(l.pane[PANE_DETAIL].w, 48);
    /* One live pane at a time: the tab asked for, under the runbook, to the last body row. */
    assert_int_equal(l.pane[PANE_BGP].y, 16);
    assert_int_equal(l.pane[PANE_BGP].h, 7);
    assert_int_equal(l.pane[PANE_BGP].w, 80);
    assert_int_equal(l.pane[PANE_IFACES].h, 0);
    assert_int_equal(l.pane[PANE_RAW].h, 0);
    assert_int_equal(l.pane[PANE_TRACES].h, 0);
    for (int p = 0; p < PANE_COUNT; p++)
        assert_inside(&l.pane[p], 80, 24);
    assert_disjoint(&l);
    /* Focus order: runbook, detail, interfaces, BGP, routes, raw (no traces on bgp). */
    assert_int_equal(l.n_order, 6);
    assert_int_equal(layout_next_pane(&l, PANE_RAW, 1), PANE_RUNBOOK);
    assert_int_equal(layout_next_pane(&l, PANE_RUNBOOK, -1), PANE_RAW);
    assert_int_equal(layout_next_pane(&l, PANE_DETAIL, 1), PANE_IFACES);
}

static void layout_120x40(void **state)
{
    (void)state;
    tui_layout_t l;
    layout_compute(120, 40, RUNBOOK_ASYM, PANE_RUNBOOK, &l);
    assert_true(l.tabbed);
    assert_int_equal(l.pane[PANE_RUNBOOK].w, 48);
    assert_int_equal(l.pane[PANE_RUNBOOK].h, 26); /* 38 rows less a third for the live pane */
    /* A tab the runbook does not use falls back to its first live pane: the traces. */
    assert_int_equal(l.pane[PANE_TRACES].y, 27);
    assert_int_equal(l.pane[PANE_TRACES].h, 12);
    assert_int_equal(l.pane[PANE_IFACES].h, 0);
    assert_false(layout_pane_used(RUNBOOK_ASYM, PANE_IFACES));
    for (int p = 0; p < PANE_COUNT; p++)
        assert_inside(&l.pane[p], 120, 40);
    assert_disjoint(&l);
}

static void layout_200x60(void **state)
{
    (void)state;
    tui_layout_t l;
    layout_compute(200, 60, RUNBOOK_BGP, PANE_BGP, &l);
    assert_false(l.tabbed);
    /* Every live pane at once, side by side, and the transcript under them. */
    assert_int_equal(l.pane[PANE_RUNBOOK].h, 20);
    assert_int_equal(l.pane[PANE_IFACES].x, 0);
    assert_int_equal(l.pane[PANE_IFACES].w, 66);
    assert_int_equal(l.pane[PANE_BGP].x, 66);
    assert_int_equal(l.pane[PANE_BGP].w, 67);
    assert_int_equal(l.pane[PANE_ROUTES].x, 133);
    assert_int_equal(l.pane[PANE_ROUTES].w, 67);
    assert_int_equal(l.pane[PANE_IFACES].y, 21);
    assert_int_equal(l.pane[PANE_IFACES].h, 20);
    assert_int_equal(l.pane[PANE_RAW].y, 41);
    assert_int_equal(l.pane[PANE_RAW].h, 18);
    assert_int_equal(l.pane[PANE_RAW].w, 200);
    for (int p = 0; p < PANE_COUNT; p++)
        assert_inside(&l.pane[p], 200, 60);
    assert_disjoint(&l);
}

static void layout_too_small(void **state)
{
    (void)state;
    tui_layout_t l;
    layout_compute(79, 24, RUNBOOK_BGP, PANE_BGP, &l);
    assert_true(l.too_small);
    assert_int_equal(l.pane[PANE_RUNBOOK].h, 0);
    layout_compute(80, 23, RUNBOOK_BGP, PANE_BGP, &l);
    assert_true(l.too_small);
}

/* ---- transcript ---- */

static const char *line_at(const transcript_t *t, size_t n)
{
    const char *s = transcript_line(t, n, NULL);
    assert_non_null(s);
    return s;
}

static void transcript_sanitizes(void **state)
{
    (void)state;
    transcript_t *t = transcript_new(0);
    assert_non_null(t);
    static const char answer[] = "banner\x1b]0;pwned\x07 ok\n"
                                 "\x1b[2Jcleared\n"
                                 "\x9b" "31mred\n"
                                 "tab\there\n";
    assert_int_equal(transcript_add_command(t, 0, "ce1", "show version"), 0);
    assert_int_equal(transcript_add_answer(t, answer, strlen(answer)), 0);
    assert_int_equal(transcript_end(t), 5);
    tline_kind_t k;
    assert_string_equal(transcript_line(t, 0, &k), "ce1# show version");
    assert_int_equal(k, TLINE_COMMAND);
    assert_string_equal(line_at(t, 1), "banner ok");
    assert_string_equal(line_at(t, 2), "cleared");
    assert_string_equal(line_at(t, 3), "red");
    assert_string_equal(line_at(t, 4), "tab     here");
    for (size_t i = 0; i < transcript_end(t); i++)
        for (const unsigned char *p = (const unsigned char *)line_at(t, i); *p; p++)
            assert_true(*p >= 0x20 && *p != 0x7f && *p != 0x9b);
    transcript_free(t);
}

static void transcript_redacts(void **state)
{
    (void)state;
    transcript_t *t = transcript_new(0);
    static const char answer[] = "router bgp 65010\n neighbor 1.2.3.4 password 7 0822455D0A16\n";
    assert_int_equal(transcript_add_answer(t, answer, strlen(answer)), 0);
    assert_string_equal(line_at(t, 1), " neighbor 1.2.3.4 password 7 <redacted>");
    assert_null(strstr(line_at(t, 1), "0822455D0A16"));
    transcript_free(t);
}

/* An answer whose last line has no newline (found by tests/fuzz/fuzz_transcript: the cleaned
 * copy wrote one byte past its buffer). */
static void transcript_last_line_unterminated(void **state)
{
    (void)state;
    transcript_t *t = transcript_new(0);
    char *one = malloc(1), *two = malloc(4);
    memcpy(one, "x", 1);
    memcpy(two, "a\nbc", 4);
    assert_int_equal(transcript_add_answer(t, one, 1), 0);
    assert_int_equal(transcript_add_answer(t, two, 4), 0);
    assert_int_equal(transcript_end(t), 3);
    assert_string_equal(line_at(t, 0), "x");
    assert_string_equal(line_at(t, 2), "bc");
    free(one);
    free(two);
    transcript_free(t);
}

static void transcript_searches(void **state)
{
    (void)state;
    transcript_t *t = transcript_new(0);
    static const char answer[] = "one\nBGP state = Active\ntwo\nbgp state = Established\nthree\n";
    transcript_add_answer(t, answer, strlen(answer));
    assert_int_equal(transcript_search(t, "BGP STATE", 0, 1), 1);
    assert_int_equal(transcript_search(t, "bgp state", 1, 1), 3);
    assert_int_equal(transcript_search(t, "bgp state", 3, 1), 1); /* wraps */
    assert_int_equal(transcript_search(t, "bgp state", 3, -1), 1);
    assert_int_equal(transcript_search(t, "bgp state", 1, -1), 3);
    assert_int_equal(transcript_search(t, "nowhere", 0, 1), -1);
    assert_int_equal(transcript_search(t, "", 0, 1), -1);
    assert_int_equal(transcript_match_at(t, 3, "STATE"), 4);
    transcript_free(t);
}

static void transcript_drops_oldest(void **state)
{
    (void)state;
    transcript_t *t = transcript_new(8);
    for (int i = 0; i < 10; i++) {
        char l[16];
        snprintf(l, sizeof(l), "line %d", i);
        transcript_add_info(t, l);
    }
    /* Full at 8: the oldest two went; numbers stay what they were. */
    assert_int_equal(transcript_first(t), 2);
    assert_int_equal(transcript_end(t), 10);
    assert_string_equal(line_at(t, 9), "line 9");
    assert_null(transcript_line(t, 1, NULL));
    assert_int_equal(transcript_search(t, "line 2", 9, 1), 2);
    transcript_free(t);
}

/* ---- glyphs ---- */

static void glyphs_fall_back_to_ascii(void **state)
{
    (void)state;
    assert_int_equal(glyph_mode_for_codeset("UTF-8"), GLYPH_UTF8);
    assert_int_equal(glyph_mode_for_codeset("utf8"), GLYPH_UTF8);
    assert_int_equal(glyph_mode_for_codeset("ANSI_X3.4-1968"), GLYPH_ASCII);
    assert_int_equal(glyph_mode_for_codeset(NULL), GLYPH_ASCII);
    assert_string_equal(glyph_verdict(GLYPH_UTF8, VERDICT_PASS), "\u2714");
    assert_string_equal(glyph_verdict(GLYPH_UTF8, VERDICT_WARN), "\u25b2");
    assert_string_equal(glyph_verdict(GLYPH_UTF8, VERDICT_FAIL), "\u2716");
    assert_string_equal(glyph_verdict(GLYPH_UTF8, VERDICT_SKIP), "\u25cb");
    assert_string_equal(glyph_verdict(GLYPH_ASCII, VERDICT_PASS), "[ok]");
    assert_string_equal(glyph_verdict(GLYPH_ASCII, VERDICT_WARN), "[!!]");
    assert_string_equal(glyph_verdict(GLYPH_ASCII, VERDICT_FAIL), "[XX]");
    assert_string_equal(glyph_verdict(GLYPH_ASCII, VERDICT_SKIP), "[--]");
    for (unsigned i = 0; i < 12; i++)
        for (const char *p = glyph_spinner(GLYPH_ASCII, i); *p; p++)
            assert_true((unsigned char)*p < 0x80);
    assert_string_not_equal(glyph_spinner(GLYPH_UTF8, 0), glyph_spinner(GLYPH_UTF8, 1));
}

/* ---- notes and explanations ---- */

static void notes_keep_one_redacted_line(void **state)
{
    (void)state;
    tui_notes_t n;
    tui_notes_init(&n);
    assert_int_equal(tui_notes_add(&n, "physical", 1700000000, "called the\tcarrier\n ticket 4711"), 0);
    assert_int_equal(tui_notes_add(&n, "session", 1700000060, "tried neighbor 1.2.3.4 password 7 0822455D0A16"), 0);
    assert_int_equal(tui_notes_add(&n, "session", 1700000061, "  \x01 "), -1);
    assert_int_equal(tui_notes_count(&n), 2);
    assert_string_equal(tui_notes_get(&n, 0)->text, "called thecarrier ticket 4711");
    assert_string_equal(tui_notes_get(&n, 0)->step, "physical");
    assert_null(strstr(tui_notes_get(&n, 1)->text, "0822455D0A16"));
    assert_int_equal(tui_notes_for_step(&n, "session"), 1);
    assert_null(tui_notes_get(&n, 2));
    /* A note cut at its size never ends inside a character. */
    char longer[NOTE_TEXT_LEN + 8];
    memset(longer, 'a', NOTE_TEXT_LEN - 2);
    strcpy(longer + NOTE_TEXT_LEN - 2, "\u00e9\u00e9");
    assert_int_equal(tui_notes_add(&n, "arp", 0, longer), 0);
    assert_int_equal(strlen(tui_notes_get(&n, 2)->text), NOTE_TEXT_LEN - 2);
    tui_notes_free(&n);
}

static void every_step_explains_itself(void **state)
{
    (void)state;
    for (runbook_id_t rb = 0; rb < RUNBOOK_COUNT; rb++) {
        size_t n;
        const step_def_t *s = runbook_steps(rb, &n);
        for (size_t i = 0; i < n; i++) {
            assert_non_null(s[i].explain);
            assert_true(strlen(s[i].explain) > 120 && strlen(s[i].explain) < 500);
            assert_ptr_equal(runbook_step_explain(rb, s[i].id), s[i].explain);
        }
    }
    assert_non_null(strstr(runbook_step_explain(RUNBOOK_BGP, "bgp_config"), "12076"));
    assert_null(runbook_step_explain(RUNBOOK_BGP, "forward_trace"));
}

/* ---- row builders ---- */

static record_t iface_rec(const char *name, const char *addr, int64_t in_err, int64_t crc)
{
    record_t r;
    record_init(&r, KIND_INTERFACES);
    FIELD_SET(r.u.iface.name, name, -1);
    r.u.iface.admin_status = r.u.iface.oper_status = r.u.iface.protocol_status = UPDOWN_UP;
    if (addr) {
        FIELD_SET(r.u.iface.ipv4[0], addr, -1);
        r.u.iface.n_ipv4 = 1;
    }
    r.u.iface.in_errors = in_err;
    r.u.iface.crc = crc;
    return r;
}

static void ifaces_deltas_and_rising(void **state)
{
    (void)state;
    device_t dev = {0};
    assert_true(prefix_parse("192.168.100.128/30", &dev.subnet));
    dev.has_subnet = true;
    record_t before[2] = {iface_rec("Loopback0", NULL, 0, 0), iface_rec("Gi0/0/0", "192.168.100.129/30", 100, 90)};
    record_t after[2] = {iface_rec("Loopback0", NULL, 0, 0), iface_rec("Gi0/0/0", "192.168.100.129/30", 160, 140)};
    probe_reply_t prev = {.records = before, .n_records = 2}, cur = {.records = after, .n_records = 2};
    iface_row_t rows[4];
    assert_int_equal(ifaces_rows(&dev, &prev, &cur, 30, rows, 4), 2);
    /* The peering interface first, marked; +60 errors in 30 s is 120 a minute. */
    assert_string_equal(rows[0].text, "*Gi0/0/0              up/up            160        140      +60      120.0");
    assert_true(rows[0].rising && rows[0].peering);
    assert_string_equal(rows[1].text, " Loopback0            up/up              0          0        0        0.0");
    assert_false(rows[1].rising);
    assert_string_equal(ifaces_header(), " Interface            State         in-err        crc    delta    err/min");
    /* One poll only: no delta, no rate. */
    assert_int_equal(ifaces_rows(&dev, NULL, &cur, 0, rows, 4), 2);
    assert_string_equal(rows[0].text, "*Gi0/0/0              up/up            160        140                    ");
    assert_false(rows[0].rising);
    /* A cleared counter is no growth. */
    after[1].u.iface.in_errors = 5;
    after[1].u.iface.crc = 5;
    ifaces_rows(&dev, &prev, &cur, 30, rows, 4);
    assert_false(rows[0].rising);
}

static record_t hop(int64_t ttl, const char *addr, double rtt)
{
    record_t r;
    record_init(&r, KIND_TRACEROUTE);
    r.u.hop.ttl = ttl;
    trace_probe_init(&r.u.hop.probes[0]);
    if (addr) {
        FIELD_SET(r.u.hop.probes[0].address, addr, -1);
        r.u.hop.probes[0].rtt_ms = rtt;
    }
    r.u.hop.n_probes = 1;
    return r;
}

static void traces_side_by_side(void **state)
{
    (void)state;
    record_t fh[3] = {hop(1, "192.168.100.130", 1.25), hop(2, NULL, 0), hop(3, "10.1.0.4", 2.5)};
    fact_t fwd = {.present = true, .records = fh, .n_records = 3}, rev = {0};
    rows_t rows;
    rows_init(&rows);
    traces_rows(&fwd, false, &rev, true, 80, GLYPH_ASCII, &rows);
    assert_int_equal(rows.n, 4);
    assert_string_equal(rows_text(&rows, 0), "ttl forward (on-prem -> Azure VM)        | reverse (Azure VM -> on-prem)");
    assert_string_equal(rows_text(&rows, 1), "  1 192.168.100.130 1.2 ms               | waiting for the trace");
    assert_string_equal(rows_text(&rows, 2), "  2 * * *                                | ");
    assert_string_equal(rows_text(&rows, 3), "  3 10.1.0.4 2.5 ms                      | ");
    /* The reverse trace fills in its column when it arrives. */
    record_t rh[1] = {hop(1, "10.1.0.1", 0.75)};
    rev = (fact_t){.present = true, .records = rh, .n_records = 1};
    rows_clear(&rows);
    traces_rows(&fwd, false, &rev, false, 80, GLYPH_UTF8, &rows);
    assert_string_equal(rows_text(&rows, 1), "  1 192.168.100.130 1.2 ms               \u2502 10.1.0.1 0.8 ms");
    rows_free(&rows);
}

static void routes_draw_rows_on_demand(void **state)
{
    (void)state;
    route_rows_t *rr = route_rows_new();
    route_t r;
    memset(&r, 0, sizeof(r));
    FIELD_SET(r.prefix, "10.1.0.0/16", -1);
    FIELD_SET(r.protocol, "bgp", -1);
    next_hop_init(&r.next_hops[0]);
    FIELD_SET(r.next_hops[0].address, "192.168.100.130", -1);
    FIELD_SET(r.next_hops[0].interface, "Gi0/0/0", -1);
    r.n_next_hops = 1;
    r.age = 97200;
    assert_int_equal(route_rows_add(rr, &r, NULL), 0);
    char buf[256];
    route_rows_text(rr, 0, buf, sizeof(buf));
    assert_string_equal(buf, "10.1.0.0/16        bgp    192.168.100.130  Gi0/0/0          1d03h");
    route_rows_text(rr, 1, buf, sizeof(buf));
    assert_string_equal(buf, "");
    assert_int_equal(route_rows_count(rr), 1);
    route_rows_free(rr);
}

static void runbook_rows_word_and_glyph(void **state)
{
    (void)state;
    runbook_result_t res = {.runbook = RUNBOOK_BGP, .n_steps = 2, .status = "CRITICAL"};
    res.steps[0] = (step_result_t){.id = "physical", .title = "Physical layer", .verdict = VERDICT_PASS};
    res.steps[1] = (step_result_t){.id = "arp", .title = "ARP / neighbor discovery", .verdict = VERDICT_FAIL};
    res.causes[0] = 1;
    res.n_causes = 1;
    tui_view_t v = {.runbook = RUNBOOK_BGP, .result = &res, .glyphs = GLYPH_ASCII};
    char buf[128];
    theme_element_t el;
    runbook_row(&v, 0, buf, sizeof(buf), &el);
    assert_string_equal(buf, "[ok] PASS    Physical layer");
    assert_int_equal(el, EL_PASS);
    runbook_row(&v, 1, buf, sizeof(buf), &el);
    assert_string_equal(buf, "[XX] FAIL    ARP / neighbor discovery");
    assert_int_equal(el, EL_FAIL);
    assert_int_equal(runbook_guide_step(&v), 1);
    v.waiting[0] = true;
    v.glyphs = GLYPH_UTF8;
    runbook_row(&v, 0, buf, sizeof(buf), &el);
    assert_string_equal(buf, "\u280b waiting Physical layer");
    assert_int_equal(el, EL_WAITING);
    /* Nothing judged yet: the guide opens on the first step still waiting. */
    v.result = NULL;
    v.waiting[0] = false;
    v.waiting[1] = true;
    assert_int_equal(runbook_guide_step(&v), 0);
}


/* ---- the demo's scenarios and the picker ---- */

static void demo_lists_the_scenarios(void **state)
{
    (void)state;
    demo_scenario_t *list;
    size_t n;
    char err[256];
    assert_int_equal(demo_list(FIXTURE_DIR "/../../scenarios", &list, &n, err, sizeof(err)), 0);
    assert_true(n >= 40);
    const demo_scenario_t *md5 = demo_find(list, n, "md5-mismatch-ios");
    assert_non_null(md5);
    assert_string_equal(md5->device, "ce1-nyc");
    assert_string_equal(md5->vendor, "ios");
    assert_string_equal(md5->expect, "md5_mismatch");
    assert_int_equal(md5->runbook, RUNBOOK_BGP);
    assert_string_equal(md5->reverse_trace, "");
    const demo_scenario_t *ft = demo_find(list, n, "forced-tunneling-ios");
    assert_int_equal(ft->runbook, RUNBOOK_ASYM);
    assert_non_null(strstr(ft->azure_routes, "forced-tunneling-ios/azure_routes.json"));
    assert_non_null(demo_find(list, n, DEMO_DEFAULT));
    for (size_t i = 1; i < n; i++) /* sorted */
        assert_true(strcmp(list[i - 1].name, list[i].name) < 0);
    assert_null(demo_find(list, n, "README.md")); /* a file is no scenario */
    free(list);
    assert_int_equal(demo_list("/nonexistent-erdiag", &list, &n, err, sizeof(err)), -1);
    assert_non_null(strstr(err, "/nonexistent-erdiag"));
}

static void picker_groups_by_circuit(void **state)
{
    (void)state;
    static const char ini[] = "[device ce1-nyc]\nhost = a\nvendor = ios\ncircuit = er-nyc-01\nlink = primary\n"
                              "[device ce2-nyc]\nhost = b\nvendor = nxos\ncircuit = er-nyc-01\nlink = secondary\n"
                              "[device mx1-ams]\nhost = c\nvendor = junos\ncircuit = er-ams-02\n"
                              "[device vm1]\nhost = d\nvendor = linux\n";
    inventory_t inv;
    char err[256], buf[256];
    assert_int_equal(inventory_load_string(&inv, "inv.ini", ini, err, sizeof(err)), 0);
    picker_t *p = picker_new_inventory(&inv);
    assert_non_null(p);
    /* One row per circuit, primary and secondary side by side; a linux host is no edge. */
    assert_int_equal(picker_rows(p), 2);
    picker_row_text(p, 0, 80, buf, sizeof(buf));
    assert_string_equal(buf, "  er-nyc-01 private >ce1-nyc      ios   -         |  ce2-nyc      nxos  -        ");
    picker_header(p, 80, buf, sizeof(buf));
    assert_string_equal(buf, "  Circuit            Primary                      |  Secondary");
    picker_set_status(p, "ce2-nyc", "CRITICAL");
    assert_int_equal(picker_key(p, KEY_RIGHT, ACT_RIGHT), PICK_NONE);
    picker_row_text(p, 0, 80, buf, sizeof(buf));
    assert_string_equal(buf, "  er-nyc-01 private  ce1-nyc      ios   -         | >ce2-nyc      nxos  CRITICAL ");
    assert_string_equal(picker_selected(p)->device, "ce2-nyc");
    /* Typing filters (any word shown: here the vendor); Esc clears, then quits. */
    picker_key(p, 'j', ACT_DOWN); /* a letter is typed, never an action */
    picker_key(p, 'u', ACT_NONE);
    assert_string_equal(picker_filter(p), "ju");
    assert_int_equal(picker_rows(p), 1);
    assert_int_equal(picker_key(p, '\n', ACT_SELECT), PICK_CHOSEN);
    assert_string_equal(picker_selected(p)->device, "mx1-ams");
    assert_int_equal(picker_key(p, 27, ACT_NONE), PICK_NONE);
    assert_int_equal(picker_rows(p), 2);
    assert_int_equal(picker_key(p, 27, ACT_NONE), PICK_QUIT);
    assert_true(picker_select(p, "ce1-nyc"));
    assert_false(picker_select(p, "nope"));
    picker_free(p);
    inventory_free(&inv);
}

/* ---- BGP and detail rows from a judged runbook ---- */

static void bgp_rows_show_the_peer(void **state)
{
    (void)state;
    device_t dev = {0};
    assert_true(ip_parse("192.168.100.130", &dev.peer_ip));
    dev.has_peer_ip = true;
    record_t sum, nb;
    record_init(&sum, KIND_BGP_SUMMARY);
    FIELD_SET(sum.u.peer.peer, "192.168.100.130", -1);
    sum.u.peer.remote_as = 12076;
    sum.u.peer.state = BGP_STATE_ESTABLISHED;
    sum.u.peer.up_down = 97200;
    sum.u.peer.prefixes_received = 2;
    record_init(&nb, KIND_BGP_NEIGHBORS);
    FIELD_SET(nb.u.neighbor.peer, "192.168.100.130", -1);
    nb.u.neighbor.remote_as = 12076;
    nb.u.neighbor.state = BGP_STATE_IDLE;
    nb.u.neighbor.hold_time = 90;
    nb.u.neighbor.keepalive = 30;
    nb.u.neighbor.notification_code = 4;
    nb.u.neighbor.notification_subcode = 0;
    FIELD_SET(nb.u.neighbor.notification_dir, "received", -1);
    evidence_t ev = {.device = &dev};
    ev.facts[PROBE_BGP_SUMMARY] = (fact_t){.present = true, .raw = "", .kind = KIND_BGP_SUMMARY, .records = &sum, .n_records = 1};
    ev.facts[PROBE_BGP_NEIGHBOR] = (fact_t){.present = true, .raw = "", .kind = KIND_BGP_NEIGHBORS, .records = &nb, .n_records = 1};
    tui_view_t v = {.dev = &dev, .ev = &ev};
    rows_t rows;
    rows_init(&rows);
    bgp_rows(&v, &rows);
    assert_string_equal(rows_text(&rows, 0), " Neighbor                AS State          Up/Down  PfxRcd  PfxAcc");
    assert_string_equal(rows_text(&rows, 1), "*192.168.100.130      12076 Established      1d03h       2       -");
    assert_string_equal(rows_text(&rows, 3), "Peer 192.168.100.130 (AS 12076)");
    assert_string_equal(rows_text(&rows, 4), "  state Idle");
    assert_string_equal(rows_text(&rows, 5), "  timers: hold 90 keepalive 30 negotiated, -/- configured (Microsoft: 180/60)");
    assert_string_equal(rows_text(&rows, 7), "  last NOTIFICATION 4/0 received");
    rows_free(&rows);
}

static void detail_rows_finding_first(void **state)
{
    (void)state;
    runbook_result_t res = {.runbook = RUNBOOK_BGP, .n_steps = 2, .status = "CRITICAL", .n_causes = 1};
    res.groups[0] = (cause_group_t){.steps = {0, 1}, .n_steps = 2};
    res.steps[1] = (step_result_t){.id = "arp", .title = "ARP", .verdict = VERDICT_FAIL, .cause = "link_down"};
    step_result_t *s = &res.steps[0];
    *s = (step_result_t){.id = "physical", .title = "Physical layer", .verdict = VERDICT_FAIL, .cause = "link_down",
                         .finding = "Gi0/0/0 is administratively down", .n_evidence = 1, .n_next = 2};
    snprintf(s->evidence[0].command, sizeof(s->evidence[0].command), "show interfaces");
    snprintf(s->evidence[0].line, sizeof(s->evidence[0].line), "GigabitEthernet0/0/0 is administratively down");
    snprintf(s->next[0], sizeof(s->next[0]), "show interfaces Gi0/0/0");
    snprintf(s->next[1], sizeof(s->next[1]), "shutdown");
    s->next_disruptive[1] = true;
    tui_notes_t notes;
    tui_notes_init(&notes);
    tui_notes_add(&notes, "physical", 1700000000, "called the carrier");
    device_t dev = {0};
    snprintf(dev.vendor, sizeof(dev.vendor), "ios");
    tui_view_t v = {.runbook = RUNBOOK_BGP, .result = &res, .dev = &dev, .glyphs = GLYPH_ASCII, .notes = &notes};
    rows_t rows;
    rows_init(&rows);
    detail_rows(&v, 0, 60, &rows);
    assert_string_equal(rows_text(&rows, 0), "[XX] FAIL    Physical layer  (link_down)");
    assert_string_equal(rows_text(&rows, 1), "Gi0/0/0 is administratively down");
    assert_string_equal(rows_text(&rows, 2), "Root cause 1 of 1; also found by: arp");
    assert_string_equal(rows_text(&rows, 3), "Evidence:");
    assert_string_equal(rows_text(&rows, 4), "  $ show interfaces");
    assert_string_equal(rows_text(&rows, 5), "    GigabitEthernet0/0/0 is administratively down");
    assert_string_equal(rows_text(&rows, 6), "What this step checks:");
    size_t i = 7;
    while (i < rows.n && strcmp(rows_text(&rows, i), "Next (ios):") != 0) {
        assert_true(strlen(rows_text(&rows, i)) <= 60); /* folded to the pane */
        i++;
    }
    assert_string_equal(rows_text(&rows, i + 1), "  show interfaces Gi0/0/0");
    assert_string_equal(rows_text(&rows, i + 2), "  (disruptive) shutdown");
    assert_string_equal(rows_text(&rows, i + 3), "Your notes:");
    assert_string_equal(rows_text(&rows, i + 4), "  22:13:20Z called the carrier");
    rows_free(&rows);
    tui_notes_free(&notes);
}

/* ---- the header: a stalled probe shows its seconds ---- */

static void header_counts_a_stalled_probe(void **state)
{
    (void)state;
    device_t dev = {.peering = PEERING_PRIVATE, .link = LINK_SECONDARY};
    snprintf(dev.name, sizeof(dev.name), "ce2-nyc");
    snprintf(dev.vendor, sizeof(dev.vendor), "ios");
    snprintf(dev.circuit, sizeof(dev.circuit), "er-nyc-01");
    engine_job_t slow = {.asked = true, .asked_at = 88.0}, quick = {.asked = true, .asked_at = 99.5}, done = {0};
    slow.req.probe = PROBE_BGP_NEIGHBOR;
    quick.req.probe = PROBE_ARP;
    tui_view_t v = {.dev = &dev, .now = 100.0, .last_answer = 97.0, .glyphs = GLYPH_ASCII, .tick = 1, .n_jobs = 3,
                    .jobs = {&quick, &slow, &done}};
    v.waiting[0] = true;
    char left[256], right[256];
    header_text(&v, left, sizeof(left), right, sizeof(right));
    assert_string_equal(left, "ce2-nyc ios er-nyc-01 private secondary");
    assert_string_equal(right, "3s ago  [/ ] 2 out (bgp_neighbor 12s)  ...");
    /* Judged, nothing out, paused: the status word in its element. */
    runbook_result_t res = {.status = "CRITICAL"};
    v.result = &res;
    v.jobs[0] = v.jobs[1] = &done;
    v.waiting[0] = false;
    v.paused = true;
    header_text(&v, left, sizeof(left), right, sizeof(right));
    assert_string_equal(right, "paused  3s ago  CRITICAL");
    theme_element_t el;
    assert_string_equal(header_status(&v, &el), "CRITICAL");
    assert_int_equal(el, EL_STATUS_CRITICAL);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(layout_80x24),
        cmocka_unit_test(layout_120x40),
        cmocka_unit_test(layout_200x60),
        cmocka_unit_test(layout_too_small),
        cmocka_unit_test(transcript_sanitizes),
        cmocka_unit_test(transcript_redacts),
        cmocka_unit_test(transcript_last_line_unterminated),
        cmocka_unit_test(transcript_searches),
        cmocka_unit_test(transcript_drops_oldest),
        cmocka_unit_test(glyphs_fall_back_to_ascii),
        cmocka_unit_test(notes_keep_one_redacted_line),
        cmocka_unit_test(every_step_explains_itself),
        cmocka_unit_test(ifaces_deltas_and_rising),
        cmocka_unit_test(traces_side_by_side),
        cmocka_unit_test(routes_draw_rows_on_demand),
        cmocka_unit_test(runbook_rows_word_and_glyph),
        cmocka_unit_test(demo_lists_the_scenarios),
        cmocka_unit_test(picker_groups_by_circuit),
        cmocka_unit_test(bgp_rows_show_the_peer),
        cmocka_unit_test(detail_rows_finding_first),
        cmocka_unit_test(header_counts_a_stalled_probe),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
