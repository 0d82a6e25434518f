/* test_rates.c: counter rates are faithful.  The error share is errors over the frames of the
 * same interval, never above 100%; a per-minute figure exists only when the polls' times are
 * known, and on replay those are the recorded times (polls.tsv), not an interval made up at
 * replay time; UTC times are written and read back exactly. */
#include <math.h>

#include "core/utctime.h"
#include "framework/counter_rate.h"
#include "probes/record_dir.h"
#include "tests/framework/physical_common.h"

#define SCENARIOS FIXTURE_DIR "/../../scenarios"

static void share_is_of_the_frames_never_above_100(void **state)
{
    (void)state;
    /* The CRC scenario as first written: 786 errors and 443 good packets in the interval. */
    counter_rate_t r = counter_rate(786, 443, 60);
    assert_true(r.share > 0.6394 && r.share < 0.6396);
    assert_true(r.share <= 1.0);
    assert_true(fabs(r.per_min - 786) < 1e-9);
    r = counter_rate(10, 90, 120);
    assert_true(fabs(r.share - 0.1) < 1e-12);
    assert_true(fabs(r.per_min - 5) < 1e-12);
    for (int64_t e = 0; e < 5000; e += 37)
        for (int64_t p = 1; p < 5000; p += 41)
            assert_true(counter_rate(e, p, 1).share <= 1.0);
}

static void no_packets_and_no_interval_are_said(void **state)
{
    (void)state;
    counter_rate_t r = counter_rate(1000, 0, 60);
    assert_true(r.no_packets);
    assert_true(r.share < 0); /* not a percentage */
    r = counter_rate(5, 1000000, 0);
    assert_true(r.per_min < 0); /* interval unknown: no per-minute figure */
    assert_true(r.share > 0);
    r = counter_rate(5, -1, 30);
    assert_true(r.share < 0 && !r.no_packets); /* packets not counted at all */
}

static void utc_times_round_trip(void **state)
{
    (void)state;
    double a = 0, b = 0;
    char buf[40];
    assert_true(utc_parse("2026-11-03T02:14:07Z", &a));
    assert_true(utc_parse("2026-11-03T02:15:07Z", &b));
    assert_true(fabs(b - a - 60) < 1e-9);
    assert_true(utc_format(a, false, buf, sizeof(buf)));
    assert_string_equal(buf, "2026-11-03T02:14:07Z");
    assert_true(utc_parse("1970-01-01T00:00:00Z", &a) && a == 0);
    assert_true(utc_parse("2024-02-29 23:59:59.250+00:00", &a));
    assert_true(utc_format(a, true, buf, sizeof(buf)));
    assert_string_equal(buf, "2024-02-29T23:59:59.250Z");
    assert_true(utc_parse("2000-03-01T00:00:00Z", &a) && fabs(a - 951868800) < 1e-9);
    const char *bad[] = {"2026-02-30T00:00:00Z", "2023-02-29T00:00:00Z", "2026-11-03T02:14:07", "2026-11-03T24:00:00Z",
                         "1969-12-31T23:59:59Z", "2026-11-03T02:14:07+01:00", "yesterday", "2026-11-03T02:14:07.Z"};
    for (size_t i = 0; i < sizeof(bad) / sizeof(bad[0]); i++)
        assert_false(utc_parse(bad[i], &a));
}

/* The IOS fixture's first poll with other packet and error counts (GigabitEthernet0/0/0). */
static char *ios_counts(long long packets, long long errors)
{
    size_t len;
    char *t = th_read_fixture("framework/physical/ios_if_t0.txt", &len);
    char *out = malloc(len + 128);
    assert_non_null(t);
    assert_non_null(out);
    char *pk = strstr(t, "112233000 packets input"), *er = strstr(t, "25 input errors, 25 CRC");
    assert_non_null(pk);
    assert_non_null(er);
    *pk = *er = '\0';
    sprintf(out, "%s%lld packets input%s%lld input errors, %lld CRC%s", t, packets, pk + strlen("112233000 packets input"),
            errors, errors, er + strlen("25 input errors, 25 CRC"));
    free(t);
    return out;
}

/* Two polls of GigabitEthernet0/0/0 at times t0 and t1 (0: unknown). */
static ctx_t *two_polls(const char *before, const char *now, double t0, double t1)
{
    ctx_t *c = ctx_std("ios");
    th_fact(&c->ev.earlier[PROBE_INTERFACES], "ios", "show interfaces", before);
    th_fact(&c->ev.facts[PROBE_INTERFACES], "ios", "show interfaces", now);
    c->ev.earlier[PROBE_INTERFACES].at = t0;
    c->ev.facts[PROBE_INTERFACES].at = t1;
    run(c, step_physical, "physical");
    return c;
}

static const metric_t *metric(const step_result_t *s, const char *label)
{
    for (int i = 0; i < s->n_metrics; i++)
        if (!strcmp(s->metrics[i].label, label))
            return &s->metrics[i];
    return NULL;
}

static void recorded_times_make_the_rate(void **state)
{
    (void)state;
    double t0 = 0, t1 = 0;
    assert_true(utc_parse("2026-11-03T02:14:07Z", &t0) && utc_parse("2026-11-03T02:16:07Z", &t1));
    char *a = ios_counts(112233000, 25), *b = ios_counts(112257000, 4025);
    ctx_t *c = two_polls(a, b, t0, t1);
    expect(c, VERDICT_FAIL, "interface_errors", "+4000 CRC errors (2000.0/min), +4000 input errors (2000.0/min) in 2.0 min, 14.29% of the frames received",
           "4025 input errors, 4025 CRC");
    const metric_t *m = metric(&c->s, "crc_rate");
    assert_non_null(m);
    assert_true(fabs(m->value - 100.0 * 4000 / 28000) < 1e-9);
    ctx_free(c);
    free(a);
    free(b);
}

static void no_times_no_per_minute_figure(void **state)
{
    (void)state;
    char *a = ios_counts(112233000, 25), *b = ios_counts(112257000, 4025);
    ctx_t *c = two_polls(a, b, 0, 0);
    expect(c, VERDICT_FAIL, "interface_errors", "+4000 CRC errors, +4000 input errors between two polls of unknown interval", NULL);
    assert_null(strstr(c->s.finding, "/min)"));
    ctx_free(c);
    free(a);
    free(b);
    /* A few errors in many packets, no times: under 0.1%, so WARN, still without a rate. */
    a = ios_counts(112233000, 25);
    b = ios_counts(112257000, 28);
    c = two_polls(a, b, 0, 0);
    expect(c, VERDICT_WARN, "interface_errors", "+3 CRC errors, +3 input errors between two polls of unknown interval", NULL);
    assert_null(strstr(c->s.finding, "/min)"));
    ctx_free(c);
    free(a);
    free(b);
}

static void more_errors_than_packets_stays_below_100(void **state)
{
    (void)state;
    char *a = ios_counts(112233000, 25), *b = ios_counts(112233100, 825), *z = ios_counts(112233000, 825);
    ctx_t *c = two_polls(a, b, 100, 160);
    expect(c, VERDICT_FAIL, "interface_errors", "88.89% of the frames received", NULL);
    const metric_t *m = metric(&c->s, "crc_rate");
    assert_true(m && m->value <= 100 && m->max == 100);
    ctx_free(c);
    c = two_polls(a, z, 100, 160); /* nothing good arrived at all */
    expect(c, VERDICT_FAIL, "interface_errors", "and no good packet received between the polls", NULL);
    assert_null(strstr(c->s.finding, "of the frames received")); /* no share to speak of */
    ctx_free(c);
    free(a);
    free(b);
    free(z);
}

/* Replay stamps each answer with its recorded time; a scenario without polls.tsv says 0. */
static void replay_reads_poll_times(void **state)
{
    (void)state;
    char err[600];
    cmd_result_t r1, r2;
    transport_t *t = replay_open(SCENARIOS "/crc-rising-ios", vendor_find("ios"), err, sizeof(err));
    assert_non_null(t);
    assert_int_equal(transport_run(t, PROBE_INTERFACES, "show interfaces", &r1), 0);
    assert_int_equal(transport_run(t, PROBE_INTERFACES, "show interfaces", &r2), 0);
    assert_true(r1.recorded_utc > 0);
    assert_true(fabs(r2.recorded_utc - r1.recorded_utc - 60) < 1e-9);
    assert_non_null(strstr(r2.output, "18911 CRC"));
    cmd_result_free(&r1);
    cmd_result_free(&r2);
    transport_close(t);
    t = replay_open(SCENARIOS "/healthy-ios", vendor_find("ios"), err, sizeof(err));
    assert_non_null(t);
    assert_int_equal(transport_run(t, PROBE_INTERFACES, "show interfaces", &r1), 0);
    assert_true(r1.recorded_utc == 0);
    cmd_result_free(&r1);
    transport_close(t);
}

/* What record_dir_polls writes, replay reads back to the millisecond. */
static void recorded_polls_replay(void **state)
{
    (void)state;
    char dir[128], err[600], path[300];
    assert_int_equal(th_tmpdir(dir, sizeof(dir), "polls"), 0);
    record_dir_t *d = record_dir_open(dir, err, sizeof(err));
    assert_non_null(d);
    assert_int_equal(record_dir_capture(d, "interfaces.txt", "x\n", 2, err, sizeof(err)), 0);
    assert_int_equal(record_dir_capture(d, "interfaces.2.txt", "y\n", 2, err, sizeof(err)), 0);
    record_poll_t polls[] = {{"interfaces", 1, "interfaces.txt", 1794000000.125},
                             {"interfaces", 2, "interfaces.2.txt", 1794000010.5}};
    assert_int_equal(record_dir_polls(d, polls, 2, err, sizeof(err)), 0);
    record_poll_t bad = {"interfaces", 1, "../x", 1};
    assert_int_not_equal(record_dir_polls(d, &bad, 1, err, sizeof(err)), 0);
    record_dir_close(d);
    snprintf(path, sizeof(path), "%s", dir);
    transport_t *t = replay_open(path, vendor_find("ios"), err, sizeof(err));
    cmd_result_t r1, r2;
    assert_int_equal(transport_run(t, PROBE_INTERFACES, "show interfaces", &r1), 0);
    assert_int_equal(transport_run(t, PROBE_INTERFACES, "show interfaces", &r2), 0);
    assert_true(fabs(r1.recorded_utc - 1794000000.125) < 1e-6);
    assert_true(fabs(r2.recorded_utc - 1794000010.5) < 1e-6);
    cmd_result_free(&r1);
    cmd_result_free(&r2);
    transport_close(t);
    th_rmtree(dir);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(share_is_of_the_frames_never_above_100),
        cmocka_unit_test(no_packets_and_no_interval_are_said),
        cmocka_unit_test(utc_times_round_trip),
        cmocka_unit_test(recorded_times_make_the_rate),
        cmocka_unit_test(no_times_no_per_minute_figure),
        cmocka_unit_test(more_errors_than_packets_stays_below_100),
        cmocka_unit_test(replay_reads_poll_times),
        cmocka_unit_test(recorded_polls_replay),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
