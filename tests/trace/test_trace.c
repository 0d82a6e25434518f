/* test_trace.c: traceroute parsers against fixtures in tests/fixtures/trace/.
 *
 * The Cisco-style entry points are listed by other vendors' tables; here they run through a
 * local table so their behaviour is pinned down where they are written. */
#include <stdlib.h>
#include <string.h>

#include "parsers/trace/trace.h"
#include "tests/testhelp.h"

static const parser_def_t cisco_defs[] = {
    {.command = "traceroute", .pattern = "^traceroute( .*)?$", .kind = KIND_TRACEROUTE,
     .state_size = sizeof(trace_state_t), .line = trace_cisco_line, .finish = trace_cisco_finish},
};
static const parser_vendor_t cisco_vendor = {"cisco-test", "Cisco-style traceroute", cisco_defs, 1};

typedef struct {
    record_t recs[32];
    size_t n;
    parse_meta_t meta;
    bool partial, failed;
    size_t n_skipped;
} run_t;

static int keep(void *ud, const record_t *rec)
{
    run_t *r = ud;
    assert_true(r->n < 32);
    r->recs[r->n++] = *rec;
    return 0;
}

/* Runs the Cisco parser over a fixture fed in chunks of `chunk` bytes (0 = all at once). */
static run_t *cisco_cmd(const char *command, const char *rel, size_t chunk)
{
    size_t len;
    char *text = th_read_fixture(rel, &len);
    run_t *r = calloc(1, sizeof(*r));
    assert_non_null(r);
    parse_run_t *run = parse_run_new(&cisco_defs[0], &cisco_vendor, command, keep, r);
    size_t step = chunk ? chunk : len;
    for (size_t off = 0; off < len; off += step)
        parse_run_feed(run, text + off, off + step > len ? len - off : step);
    parse_run_finish(run);
    parse_status_t st;
    parse_run_status(run, &st);
    r->meta = *parse_run_meta(run);
    r->partial = st.partial;
    r->failed = st.error != NULL;
    r->n_skipped = st.n_skipped;
    parse_run_free(run);
    free(text);
    return r;
}

static run_t *cisco(const char *rel, size_t chunk)
{
    return cisco_cmd("traceroute 10.1.0.4", rel, chunk);
}

static const trace_hop_t *hop(const record_t *recs, size_t n, int64_t ttl)
{
    for (size_t i = 0; i < n; i++)
        if (recs[i].u.hop.ttl == ttl)
            return &recs[i].u.hop;
    fail_msg("no hop %lld", (long long)ttl);
    return NULL;
}

#define HOP(p, ttl) hop((p)->recs, (p)->n, (ttl))

static void assert_rtt(const trace_probe_t *p, double ms)
{
    assert_true(p->rtt_ms > ms - 1e-6 && p->rtt_ms < ms + 1e-6);
}

/* ---- Cisco style ---- */

static void ios_normal(void **state)
{
    (void)state;
    run_t *r = cisco("trace/ios_trace.txt", 0);
    assert_int_equal(r->n, 4);
    assert_false(r->partial);
    assert_string_equal(r->meta.target, "10.1.0.4");
    assert_string_equal(r->meta.target_name, "vm1.example.net");
    const trace_hop_t *h1 = HOP(r, 1);
    assert_int_equal(h1->n_probes, 3);
    assert_string_equal(h1->probes[0].address, "192.168.100.130");
    assert_string_equal(h1->probes[0].annotation, "AS 12076");
    assert_rtt(&h1->probes[1], 0.0);
    const trace_hop_t *h2 = HOP(r, 2);
    assert_string_equal(h2->probes[0].annotation, "MPLS Label 24005 Exp 0");
    assert_string_equal(h2->probes[1].address, ""); /* '*' */
    assert_true(h2->probes[1].rtt_ms < 0);
    assert_rtt(&h2->probes[2], 3.0);
    const trace_hop_t *h3 = HOP(r, 3); /* continuation lines switch the responder */
    assert_int_equal(h3->n_probes, 3);
    assert_string_equal(h3->probes[0].name, "msee-edge1.example.net");
    assert_string_equal(h3->probes[0].address, "10.1.254.4");
    assert_string_equal(h3->probes[1].address, "10.1.254.5");
    assert_string_equal(h3->probes[1].name, "");
    const trace_hop_t *h4 = HOP(r, 4); /* "!H" is a probe of its own on IOS */
    assert_int_equal(h4->n_probes, 3);
    assert_string_equal(h4->probes[0].annotation, "!H");
    assert_string_equal(h4->probes[0].address, "10.1.0.4");
    assert_true(h4->probes[0].rtt_ms < 0);
    free(r);
}

static void ios_probe_overflow_keeps_responders(void **state)
{
    (void)state;
    run_t *r = cisco("trace/ios_trace_probe10.txt", 0);
    assert_int_equal(r->n, 4);
    assert_int_equal(HOP(r, 1)->n_probes, 10); /* "probe 10": every probe fits */
    const trace_hop_t *h2 = HOP(r, 2); /* nine stars then a responder */
    assert_int_equal(h2->n_probes, 10);
    assert_string_equal(h2->probes[9].address, "10.1.254.5");
    const trace_hop_t *h3 = HOP(r, 3);
    bool seen7 = false;
    for (int i = 0; i < h3->n_probes; i++)
        seen7 |= strcmp(h3->probes[i].address, "10.1.254.7") == 0;
    assert_true(seen7);
    free(r);
}

static void ios_pager_banner_crlf(void **state)
{
    (void)state;
    run_t *r = cisco("trace/ios_trace_pager_banner.txt", 0);
    assert_int_equal(r->n, 3);
    assert_false(r->partial);
    assert_int_equal(r->n_skipped, 0);
    assert_string_equal(HOP(r, 2)->probes[0].address, "10.1.254.4");
    assert_string_equal(HOP(r, 3)->probes[0].address, "10.1.0.4"); /* ANSI stripped */
    assert_rtt(&HOP(r, 3)->probes[2], 4.0);
    free(r);
}

static void ios_truncated(void **state)
{
    (void)state;
    run_t *r = cisco("trace/ios_trace_truncated.txt", 0);
    assert_int_equal(r->n, 2);
    assert_true(r->partial);
    assert_int_equal(HOP(r, 2)->n_probes, 1);
    free(r);
}

static void ios_empty(void **state)
{
    (void)state;
    run_t *r = cisco("trace/ios_trace_empty.txt", 0);
    assert_int_equal(r->n, 0);
    assert_false(r->partial);
    assert_string_equal(r->meta.target, "10.1.0.4");
    free(r);
}

static void iosxr_timestamp_and_labels(void **state)
{
    (void)state;
    run_t *r = cisco("trace/iosxr_trace.txt", 0);
    assert_int_equal(r->n, 3);
    assert_int_equal(r->n_skipped, 0);
    assert_string_equal(HOP(r, 2)->probes[1].annotation, "MPLS Label 24005/16010 Exp 0");
    assert_string_equal(HOP(r, 3)->probes[2].address, "");
    free(r);
}

static void nxos_linux_lines(void **state)
{
    (void)state;
    run_t *r = cisco("trace/nxos_trace.txt", 0);
    assert_int_equal(r->n, 3);
    assert_false(r->partial);
    const trace_hop_t *h2 = HOP(r, 2);
    assert_string_equal(h2->probes[1].address, "10.1.254.4");
    assert_string_equal(h2->probes[2].address, "10.1.254.5");
    assert_rtt(&h2->probes[2], 2.21);
    free(r);
}

static void vrf_and_label_lines(void **state)
{
    (void)state;
    run_t *r = cisco_cmd("traceroute vrf CUST-A 10.1.0.4", "trace/junos_style_mpls.txt", 0);
    assert_int_equal(r->n, 3);
    assert_int_equal(r->n_skipped, 0);
    assert_string_equal(r->meta.vrf, "CUST-A");
    assert_string_equal(HOP(r, 2)->probes[2].annotation, "MPLS Label 24005 Exp 0");
    assert_string_equal(HOP(r, 1)->probes[0].annotation, "");
    free(r);
    r = cisco("trace/ios_trace.txt", 0);
    assert_string_equal(r->meta.vrf, "");
    free(r);
}

static void cisco_split_invariant(void **state)
{
    (void)state;
    run_t *whole = cisco("trace/ios_trace.txt", 0);
    for (size_t chunk = 1; chunk <= 9; chunk++) {
        run_t *r = cisco("trace/ios_trace.txt", chunk);
        assert_int_equal(r->n, whole->n);
        for (size_t i = 0; i < r->n; i++)
            assert_memory_equal(&r->recs[i], &whole->recs[i], sizeof(record_t));
        free(r);
    }
    free(whole);
}

/* ---- Linux ---- */

static void linux_forward(void **state)
{
    (void)state;
    parsed_t *p = th_parse_fixture("linux", "traceroute 10.1.0.4", "trace/linux_forward.txt");
    assert_int_equal(p->n, 4);
    assert_false(p->partial);
    assert_string_equal(p->meta.target, "10.1.0.4");
    assert_string_equal(p->meta.target_name, "");
    assert_string_equal(HOP(p, 1)->probes[0].address, "172.16.0.1");
    assert_string_equal(HOP(p, 1)->probes[0].name, ""); /* "172.16.0.1 (172.16.0.1)": no name */
    assert_rtt(&HOP(p, 1)->probes[0], 0.412);
    assert_string_equal(HOP(p, 2)->probes[2].name, "ce1-nyc.example.net");
    const trace_hop_t *h3 = HOP(p, 3); /* a new address mid-hop switches the responder */
    assert_string_equal(h3->probes[1].address, "192.168.100.130");
    assert_string_equal(h3->probes[2].address, "192.168.100.134");
    assert_rtt(&h3->probes[2], 2.41);
    assert_string_equal(HOP(p, 4)->probes[2].address, "10.1.0.4");
    assert_non_null(strstr(p->json, "\"target\":\"10.1.0.4\""));
    th_free(p);
}

static void linux_reverse_internet(void **state)
{
    (void)state;
    parsed_t *p = th_parse_fixture("linux", "traceroute -n 203.0.113.10", "trace/linux_reverse_internet.txt");
    assert_int_equal(p->n, 6);
    assert_false(p->partial);
    assert_int_equal(HOP(p, 1)->n_probes, 3);
    assert_string_equal(HOP(p, 1)->probes[0].address, "");
    assert_string_equal(HOP(p, 3)->probes[0].address, "198.51.100.17");
    const trace_hop_t *h5 = HOP(p, 5);
    assert_string_equal(h5->probes[1].address, "");
    assert_rtt(&h5->probes[2], 12.118);
    assert_string_equal(HOP(p, 6)->probes[0].address, "203.0.113.10");
    /* '*' probes carry neither address nor rtt_ms in the contract */
    assert_non_null(strstr(p->json, "{\"ttl\":1,\"probes\":[{},{},{}]}"));
    th_free(p);
}

static void linux_annotations(void **state)
{
    (void)state;
    parsed_t *p = th_parse_fixture("linux", "traceroute -e -A 10.1.0.4", "trace/linux_annotations.txt");
    assert_int_equal(p->n, 4);
    assert_int_equal(p->n_skipped, 0);
    assert_string_equal(p->meta.target_name, "vm1.example.net");
    assert_string_equal(HOP(p, 1)->probes[2].annotation, "(TOS=0!)");
    assert_string_equal(HOP(p, 1)->probes[1].annotation, "");
    assert_string_equal(HOP(p, 2)->probes[0].annotation, "MPLS Label 24005 Exp 0");
    assert_string_equal(HOP(p, 3)->probes[0].annotation, "AS 12076");
    const trace_hop_t *h4 = HOP(p, 4); /* Linux "!X" qualifies the RTT before it */
    assert_int_equal(h4->n_probes, 3);
    assert_string_equal(h4->probes[0].annotation, "!X");
    assert_rtt(&h4->probes[0], 3.115);
    assert_false(p->partial); /* stopped by !X: not cut off */
    th_free(p);
}

static void linux_ipv6(void **state)
{
    (void)state;
    parsed_t *p = th_parse_fixture("linux", "traceroute6 2001:db8:1::4", "trace/linux_ipv6.txt");
    assert_int_equal(p->n, 3);
    assert_false(p->partial);
    assert_string_equal(p->meta.target, "2001:db8:1::4");
    assert_string_equal(HOP(p, 2)->probes[0].address, "2001:db8:ff00::2");
    assert_string_equal(HOP(p, 2)->probes[0].name, "msee1.example.net");
    assert_string_equal(HOP(p, 3)->probes[0].annotation, "!<10>");
    th_free(p);
}

static void inetutils(void **state)
{
    (void)state;
    parsed_t *p = th_parse_fixture("linux", "traceroute 10.1.0.4", "trace/inetutils.txt");
    assert_int_equal(p->n, 4);
    assert_false(p->partial);
    assert_rtt(&HOP(p, 1)->probes[0], 0.394);
    assert_string_equal(HOP(p, 3)->probes[0].address, "");
    assert_string_equal(HOP(p, 3)->probes[1].address, "192.168.100.130");
    th_free(p);
}

static void linux_truncated(void **state)
{
    (void)state;
    parsed_t *p = th_parse_fixture("linux", "traceroute 10.1.0.4", "trace/linux_truncated.txt");
    assert_int_equal(p->n, 2);
    assert_true(p->partial);
    assert_int_equal(HOP(p, 2)->n_probes, 1);
    assert_rtt(&HOP(p, 2)->probes[0], 1.102);
    th_free(p);
}

static void linux_empty(void **state)
{
    (void)state;
    parsed_t *p = th_parse_fixture("linux", "traceroute 10.1.0.4", "trace/linux_empty.txt");
    assert_int_equal(p->n, 0);
    assert_false(p->partial);
    assert_string_equal(p->meta.target, "10.1.0.4");
    th_free(p);
}

static void linux_banner_ansi_crlf(void **state)
{
    (void)state;
    parsed_t *p = th_parse_fixture("linux", "traceroute 10.1.0.4", "trace/linux_banner_ansi.txt");
    assert_int_equal(p->n, 4);
    assert_false(p->partial);
    assert_int_equal(p->n_skipped, 0);
    assert_string_equal(HOP(p, 1)->probes[0].address, "172.16.0.1");
    th_free(p);
}

static void linux_split_invariant(void **state)
{
    (void)state;
    char *text = th_read_fixture("trace/linux_annotations.txt", NULL);
    th_assert_split_invariant("linux", "traceroute 10.1.0.4", text, 11);
    free(text);
}

/* ---- mtr ---- */

static void mtr_report(void **state)
{
    (void)state;
    parsed_t *p = th_parse_fixture("linux", "mtr --report -n 10.1.0.4", "trace/mtr_report.txt");
    assert_int_equal(p->n, 5);
    assert_false(p->partial);
    const trace_hop_t *h2 = HOP(p, 2);
    assert_int_equal(h2->n_probes, 1);
    assert_string_equal(h2->probes[0].address, "192.168.100.129");
    assert_rtt(&h2->probes[0], 1.2); /* Avg, not Last */
    assert_string_equal(h2->probes[0].annotation, "loss=0.0%");
    const trace_hop_t *h3 = HOP(p, 3); /* ??? -> '*' */
    assert_string_equal(h3->probes[0].address, "");
    assert_true(h3->probes[0].rtt_ms < 0);
    assert_string_equal(HOP(p, 4)->probes[0].annotation, "loss=10.0%");
    th_free(p);
}

static void mtr_names_as_ecmp(void **state)
{
    (void)state;
    parsed_t *p = th_parse_fixture("linux", "mtr -r -w -b -z 10.1.0.4", "trace/mtr_wide_names.txt");
    assert_int_equal(p->n, 4);
    assert_int_equal(p->n_skipped, 0);
    assert_string_equal(HOP(p, 1)->probes[0].name, "gw1.example.net");
    assert_string_equal(HOP(p, 1)->probes[0].address, "172.16.0.1");
    const trace_hop_t *h3 = HOP(p, 3);
    assert_int_equal(h3->n_probes, 2);
    assert_string_equal(h3->probes[1].address, "192.168.100.134");
    assert_rtt(&h3->probes[0], 2.4);
    th_free(p);
}

static void mtr_empty(void **state)
{
    (void)state;
    parsed_t *p = th_parse_fixture("linux", "mtr --report 10.1.0.4", "trace/mtr_empty.txt");
    assert_int_equal(p->n, 0);
    assert_int_equal(p->n_skipped, 0);
    th_free(p);
}

static void mtr_split_invariant(void **state)
{
    (void)state;
    char *text = th_read_fixture("trace/mtr_wide_names.txt", NULL);
    th_assert_split_invariant("linux", "mtr --report 10.1.0.4", text, 9);
    free(text);
}

/* ---- tracepath ---- */

static void tracepath(void **state)
{
    (void)state;
    parsed_t *p = th_parse_fixture("linux", "tracepath -n 10.1.0.4", "trace/tracepath.txt");
    assert_int_equal(p->n, 4);
    assert_false(p->partial);
    assert_int_equal(p->n_skipped, 0);
    assert_int_equal(HOP(p, 1)->n_probes, 2); /* two lines, one TTL */
    assert_rtt(&HOP(p, 1)->probes[1], 0.39);
    assert_string_equal(HOP(p, 2)->probes[0].annotation, "asymm 3");
    assert_string_equal(HOP(p, 3)->probes[0].address, "");
    assert_string_equal(HOP(p, 4)->probes[0].address, "10.1.0.4");
    char *text = th_read_fixture("trace/tracepath.txt", NULL);
    th_assert_split_invariant("linux", "tracepath 10.1.0.4", text, 7);
    free(text);
    th_free(p);
}

/* ---- Windows ---- */

static void tracert_crlf(void **state)
{
    (void)state;
    parsed_t *p = th_parse_fixture("windows", "tracert 10.1.0.4", "trace/tracert.txt");
    assert_int_equal(p->n, 5);
    assert_false(p->partial);
    assert_string_equal(p->meta.target, "10.1.0.4");
    const trace_hop_t *h1 = HOP(p, 1);
    assert_rtt(&h1->probes[0], 0.5); /* "<1 ms" */
    assert_string_equal(h1->probes[0].annotation, "<1");
    assert_string_equal(h1->probes[0].address, "172.16.0.1");
    const trace_hop_t *h3 = HOP(p, 3);
    assert_int_equal(h3->n_probes, 3);
    assert_string_equal(h3->probes[0].address, "");
    const trace_hop_t *h4 = HOP(p, 4);
    assert_string_equal(h4->probes[0].name, "msee1.example.net");
    assert_string_equal(h4->probes[0].address, "192.168.100.130");
    assert_string_equal(h4->probes[2].address, ""); /* the '*' has no address */
    assert_rtt(&HOP(p, 5)->probes[0], 4.0);
    th_free(p);
}

static void tracert_reverse_unreachable(void **state)
{
    (void)state;
    parsed_t *p = th_parse_fixture("windows", "tracert 203.0.113.10", "trace/tracert_reverse.txt");
    assert_int_equal(p->n, 5);
    assert_false(p->partial);
    assert_string_equal(p->meta.target, "203.0.113.10");
    assert_string_equal(p->meta.target_name, "onprem-gw.example.com");
    assert_string_equal(HOP(p, 3)->probes[0].name, "ae1.edge.example.org");
    const trace_hop_t *h5 = HOP(p, 5);
    assert_int_equal(h5->n_probes, 1);
    assert_string_equal(h5->probes[0].address, "203.0.113.65");
    assert_string_equal(h5->probes[0].annotation, "!H");
    th_free(p);
}

static void tracert_truncated(void **state)
{
    (void)state;
    parsed_t *p = th_parse_fixture("windows", "tracert 10.1.0.4", "trace/tracert_truncated.txt");
    assert_int_equal(p->n, 3);
    assert_true(p->partial);
    assert_int_equal(HOP(p, 3)->n_probes, 2);
    th_free(p);
}

static void tracert_empty(void **state)
{
    (void)state;
    parsed_t *p = th_parse_fixture("windows", "tracert vm9.example.net", "trace/tracert_empty.txt");
    assert_int_equal(p->n, 0);
    assert_false(p->partial);
    assert_int_equal(p->n_skipped, 0);
    th_free(p);
}

static void tracert_banner_prompt(void **state)
{
    (void)state;
    parsed_t *p = th_parse_fixture("windows", "tracert -d 10.1.0.4", "trace/tracert_banner.txt");
    assert_int_equal(p->n, 4);
    assert_false(p->partial);
    assert_int_equal(p->n_skipped, 0);
    assert_string_equal(HOP(p, 3)->probes[1].address, "192.168.100.130");
    th_free(p);
}

static void tracert_split_invariant(void **state)
{
    (void)state;
    char *text = th_read_fixture("trace/tracert.txt", NULL);
    th_assert_split_invariant("windows", "tracert 10.1.0.4", text, 9);
    free(text);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(ios_normal),
        cmocka_unit_test(ios_probe_overflow_keeps_responders),
        cmocka_unit_test(ios_pager_banner_crlf),
        cmocka_unit_test(ios_truncated),
        cmocka_unit_test(ios_empty),
        cmocka_unit_test(iosxr_timestamp_and_labels),
        cmocka_unit_test(nxos_linux_lines),
        cmocka_unit_test(vrf_and_label_lines),
        cmocka_unit_test(cisco_split_invariant),
        cmocka_unit_test(linux_forward),
        cmocka_unit_test(linux_reverse_internet),
        cmocka_unit_test(linux_annotations),
        cmocka_unit_test(linux_ipv6),
        cmocka_unit_test(inetutils),
        cmocka_unit_test(linux_truncated),
        cmocka_unit_test(linux_empty),
        cmocka_unit_test(linux_banner_ansi_crlf),
        cmocka_unit_test(linux_split_invariant),
        cmocka_unit_test(mtr_report),
        cmocka_unit_test(mtr_names_as_ecmp),
        cmocka_unit_test(mtr_empty),
        cmocka_unit_test(mtr_split_invariant),
        cmocka_unit_test(tracepath),
        cmocka_unit_test(tracert_crlf),
        cmocka_unit_test(tracert_reverse_unreachable),
        cmocka_unit_test(tracert_truncated),
        cmocka_unit_test(tracert_empty),
        cmocka_unit_test(tracert_banner_prompt),
        cmocka_unit_test(tracert_split_invariant),
    };
    return cmocka_run_group_tests_name("trace", tests, NULL, NULL);
}
