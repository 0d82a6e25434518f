/* test_replay.c: the replay transport's sequences of polls.  A probe asked the same command
 * again cycles through <probe>.txt, <probe>.2.txt ... <probe>.K.txt, and the times polls.tsv
 * gives them keep increasing after the sequence wraps (by its span plus one step per cycle), so
 * a console that polls a scenario forever never sees time run backwards. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "core/utctime.h"
#include "probes/transport.h"
#include "tests/testhelp.h"

typedef struct {
    char dir[64];
    char files[8][64]; /* names written, removed at the end */
    int n_files;
    char polls[512];   /* polls.tsv as written so far */
} scenario_t;

static void put_file(scenario_t *s, const char *name, const char *text)
{
    char path[160];
    snprintf(path, sizeof(path), "%s/%s", s->dir, name);
    FILE *f = fopen(path, "w");
    assert_non_null(f);
    fputs(text, f);
    fclose(f);
    for (int i = 0; i < s->n_files; i++)
        if (strcmp(s->files[i], name) == 0)
            return;
    snprintf(s->files[s->n_files++], sizeof(s->files[0]), "%s", name);
}

/* Poll k of the interfaces, reading "poll k", and its line in polls.tsv when when is given. */
static void put_poll(scenario_t *s, int k, const char *when)
{
    char name[32], text[32];
    if (k == 1)
        snprintf(name, sizeof(name), "interfaces.txt");
    else
        snprintf(name, sizeof(name), "interfaces.%d.txt", k);
    snprintf(text, sizeof(text), "poll %d\n", k);
    put_file(s, name, text);
    if (!when)
        return;
    size_t len = strlen(s->polls);
    snprintf(s->polls + len, sizeof(s->polls) - len, "interfaces\t%d\t%s\t%s\n", k, name, when);
    put_file(s, "polls.tsv", s->polls);
}

static void scenario_new(scenario_t *s)
{
    memset(s, 0, sizeof(*s));
    snprintf(s->dir, sizeof(s->dir), "/tmp/erdiag-seq-XXXXXX");
    assert_non_null(mkdtemp(s->dir));
}

static void scenario_free(scenario_t *s)
{
    char path[160];
    for (int i = 0; i < s->n_files; i++) {
        snprintf(path, sizeof(path), "%s/%s", s->dir, s->files[i]);
        unlink(path);
    }
    rmdir(s->dir);
}

static double utc(const char *when)
{
    double t = 0;
    assert_true(utc_parse(when, &t));
    return t;
}

/* Asks "show interfaces" once; the answer's text must be want_text, its time want_time. */
static void ask(transport_t *t, const char *want_text, double want_time)
{
    cmd_result_t res;
    assert_int_equal(transport_run(t, PROBE_INTERFACES, "show interfaces", &res), 0);
    assert_string_equal(res.output, want_text);
    if (res.recorded_utc != want_time)
        fail_msg("%s: recorded %.3f, expected %.3f", want_text, res.recorded_utc, want_time);
    cmd_result_free(&res);
}

static transport_t *open_scenario(const scenario_t *s)
{
    char err[256];
    transport_t *t = replay_open(s->dir, &vendor_ios, err, sizeof(err));
    if (!t)
        fail_msg("replay_open: %s", err);
    return t;
}

/* Three polls a minute apart, asked seven times: 1,2,3,1,2,3,1, and the fourth ask is
 * 3 minutes after the first (a span of 2 minutes plus one step). */
static void three_polls_cycle_with_rising_times(void **state)
{
    (void)state;
    scenario_t s;
    scenario_new(&s);
    put_poll(&s, 1, "2026-11-03T02:14:07Z");
    put_poll(&s, 2, "2026-11-03T02:15:07Z");
    put_poll(&s, 3, "2026-11-03T02:16:07Z");
    transport_t *t = open_scenario(&s);
    double t0 = utc("2026-11-03T02:14:07Z");
    const char *want[] = {"poll 1\n", "poll 2\n", "poll 3\n", "poll 1\n", "poll 2\n", "poll 3\n", "poll 1\n"};
    for (int i = 0; i < 7; i++)
        ask(t, want[i], t0 + 60.0 * i);
    /* Another command of the same probe starts over, and so does the first one after it. */
    cmd_result_t res;
    assert_int_equal(transport_run(t, PROBE_INTERFACES, "show interfaces GigabitEthernet0/0/0", &res), 0);
    assert_string_equal(res.output, "poll 1\n");
    cmd_result_free(&res);
    ask(t, "poll 1\n", t0);
    ask(t, "poll 2\n", t0 + 60);
    transport_close(t);
    scenario_free(&s);
}

/* One file asked three times stays poll 1 with its one time: no interval to move it by. */
static void one_file_stays_the_same(void **state)
{
    (void)state;
    scenario_t s;
    scenario_new(&s);
    put_poll(&s, 1, "2026-11-03T02:14:07Z");
    transport_t *t = open_scenario(&s);
    for (int i = 0; i < 3; i++)
        ask(t, "poll 1\n", utc("2026-11-03T02:14:07Z"));
    transport_close(t);
    scenario_free(&s);
}

/* Without polls.tsv every time is unknown (0), the sequence still cycles; a poll missing
 * inside the sequence (no .2 but a .3) is the base file, its time unknown; a name with a
 * leading zero is not a poll. */
static void gaps_and_unknown_times(void **state)
{
    (void)state;
    scenario_t s;
    scenario_new(&s);
    put_poll(&s, 1, NULL);
    put_poll(&s, 3, NULL);
    put_file(&s, "interfaces.04.txt", "not a poll\n");
    transport_t *t = open_scenario(&s);
    const char *want[] = {"poll 1\n", "poll 1\n", "poll 3\n", "poll 1\n", "poll 1\n", "poll 3\n"};
    for (int i = 0; i < 6; i++)
        ask(t, want[i], 0);
    transport_close(t);
    put_poll(&s, 1, "2026-11-03T02:14:07Z");
    put_poll(&s, 3, "2026-11-03T02:16:07Z");
    t = open_scenario(&s);
    double t0 = utc("2026-11-03T02:14:07Z");
    ask(t, "poll 1\n", t0);
    ask(t, "poll 1\n", 0); /* the gap */
    ask(t, "poll 3\n", t0 + 120);
    ask(t, "poll 1\n", t0 + 180); /* span 120 s over 2 steps: one cycle is 180 s */
    transport_close(t);
    scenario_free(&s);
}

/* Times that do not increase give a wrapped poll no time (rates per poll), never an earlier one. */
static void decreasing_times_are_unknown_after_a_wrap(void **state)
{
    (void)state;
    scenario_t s;
    scenario_new(&s);
    put_poll(&s, 1, "2026-11-03T02:15:07Z");
    put_poll(&s, 2, "2026-11-03T02:14:07Z");
    transport_t *t = open_scenario(&s);
    ask(t, "poll 1\n", utc("2026-11-03T02:15:07Z"));
    ask(t, "poll 2\n", utc("2026-11-03T02:14:07Z"));
    ask(t, "poll 1\n", 0);
    transport_close(t);
    scenario_free(&s);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(three_polls_cycle_with_rising_times),
        cmocka_unit_test(one_file_stays_the_same),
        cmocka_unit_test(gaps_and_unknown_times),
        cmocka_unit_test(decreasing_times_are_unknown_after_a_wrap),
    };
    return cmocka_run_group_tests_name("replay", tests, NULL, NULL);
}
