/* test_journal_engine.c: the journal a session writes and what it is good for: every kind of
 * event in order with strictly increasing ids, the evidence pointing at the answers' entries,
 * secrets redacted (kept only with keep_secrets), nothing written with no_journal, notes and
 * question answers journaled, and a journal (also one cut short mid-entry) replayed to the same
 * verdict. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <poll.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include "core/journal.h"
#include "engine/engine.h"
#include "engine/internal.h"
#include "framework/result_json.h"
#include "report/incident.h"
#include "tests/testhelp.h"

#define SCENARIOS FIXTURE_DIR "/../../scenarios/"

static char dir[64];

static int setup(void **state)
{
    (void)state;
    return th_tmpdir(dir, sizeof(dir), "jeng");
}

static int teardown(void **state)
{
    (void)state;
    return th_rmtree(dir);
}

static double fixed_clock(void *ud)
{
    double *t = ud;
    return *t += 0.25;
}

static engine_t *run(const char *replay, const char *device, bool keep, bool none, double *clock)
{
    engine_opts_t o = {.device = device, .replay = replay, .runbook = RUNBOOK_BGP, .journal_dir = dir,
                       .keep_secrets = keep, .no_journal = none, .clock = fixed_clock, .clock_ud = clock};
    engine_t *e = engine_new(&o, NULL, NULL);
    assert_non_null(e);
    assert_int_equal(engine_start(e), 0);
    for (int i = 0; i < 2000 && engine_state(e) == ENGINE_COLLECTING; i++) {
        struct pollfd p = {.fd = engine_fd(e), .events = POLLIN};
        poll(&p, 1, 5);
        engine_step(e);
    }
    assert_int_equal(engine_state(e), ENGINE_JUDGED);
    return e;
}

typedef struct {
    char kinds[400][16];
    uint64_t ids[400];
    int n;
    bool secret_seen, redacted_seen;
    uint64_t answer_ids[64];
    int n_answers;
} seen_t;

static int collect(void *ud, const json_t *entry, uint64_t id, const char *kind)
{
    seen_t *s = ud;
    if (s->n < 400) {
        snprintf(s->kinds[s->n], sizeof(s->kinds[0]), "%s", kind);
        s->ids[s->n++] = id;
    }
    const char *out = json_string_value(json_object_get(entry, "output"));
    if (strcmp(kind, "answer") == 0 && s->n_answers < 64)
        s->answer_ids[s->n_answers++] = id;
    if (out && strstr(out, "password 7 094F471A1A0A464058"))
        s->secret_seen = true;
    if (out && strstr(out, "password 7 <redacted>"))
        s->redacted_seen = true;
    return 0;
}

static int count_kind(const seen_t *s, const char *kind)
{
    int n = 0;
    for (int i = 0; i < s->n; i++)
        n += strcmp(s->kinds[i], kind) == 0;
    return n;
}

static void read_back(const engine_t *e, seen_t *s, journal_read_status_t *st)
{
    char err[300];
    memset(s, 0, sizeof(*s));
    assert_int_equal(journal_read(engine_journal_path(e), collect, s, st, err, sizeof(err)), 0);
}

/* The md5-mismatch scenario's configuration holds "neighbor ... password 7 094F471A1A0A464058". */
static void journal_holds_the_session(void **state)
{
    (void)state;
    double clock = 1796634000; /* 2026-12-07T05:00:00Z */
    engine_t *e = run(SCENARIOS "md5-mismatch-ios", "ce1-nyc", false, false, &clock);
    assert_non_null(engine_journal_path(e));
    assert_true(engine_note(e, "bgp_config", "called the MSEE team; key is hunter2 password 7 0822455D0A16") > 0);
    char path[1200];
    snprintf(path, sizeof(path), "%s", engine_journal_path(e));
    /* evidence points at answer entries */
    const runbook_result_t *r = engine_result(e);
    uint64_t cited = r->steps[r->causes[0]].evidence[0].journal_id;
    engine_free(e);
    seen_t s;
    journal_read_status_t st;
    char err[300];
    memset(&s, 0, sizeof(s));
    assert_int_equal(journal_read(path, collect, &s, &st, err, sizeof(err)), 0);
    assert_true(st.finished);
    assert_false(st.torn);
    assert_string_equal(s.kinds[0], "session");
    assert_string_equal(s.kinds[s.n - 1], "end");
    for (int i = 1; i < s.n; i++)
        assert_true(s.ids[i] == s.ids[i - 1] + 1);
    assert_true(count_kind(&s, "sent") >= 10);
    assert_int_equal(count_kind(&s, "sent"), count_kind(&s, "answer"));
    assert_true(count_kind(&s, "parse") >= 10);
    assert_true(count_kind(&s, "verdict") >= 7);
    assert_int_equal(count_kind(&s, "status"), 1);
    assert_int_equal(count_kind(&s, "note"), 1);
    assert_int_equal(count_kind(&s, "console_tcp"), 1);
    bool cited_is_answer = false;
    for (int i = 0; i < s.n_answers; i++)
        cited_is_answer |= s.answer_ids[i] == cited;
    assert_true(cited > 0 && cited_is_answer);
    assert_false(s.secret_seen);
    assert_true(s.redacted_seen);
    /* neither secret is anywhere in the file: the note's is redacted too */
    FILE *f = fopen(path, "r");
    char line[65536];
    bool secret = false;
    while (fgets(line, sizeof(line), f))
        secret |= strstr(line, "0822455D0A16") || strstr(line, "094F471A1A0A464058");
    fclose(f);
    assert_false(secret);
}

static void keep_secrets_keeps_them(void **state)
{
    (void)state;
    double clock = 1796634000;
    engine_t *e = run(SCENARIOS "md5-mismatch-ios", "ce1-nyc", true, false, &clock);
    seen_t s;
    journal_read_status_t st;
    read_back(e, &s, &st);
    assert_true(s.secret_seen);
    engine_free(e);
}

static void no_journal_writes_nothing(void **state)
{
    (void)state;
    double clock = 1796634000;
    engine_t *e = run(SCENARIOS "healthy-ios", "ce1-nyc", false, true, &clock);
    assert_null(engine_journal_path(e));
    assert_int_equal(engine_note(e, "physical", "x"), 0);
    engine_free(e);
    journal_info_t *infos;
    size_t n;
    assert_int_equal(journal_list(dir, &infos, &n), 0);
    journal_list_free(infos, n);
    assert_int_equal(n, 0);
}

/* Replaying a journal gives the verdict the session gave; a journal cut mid-entry still does. */
static void journal_replays_to_the_same_verdict(void **state)
{
    (void)state;
    double clock = 1796634000;
    engine_t *e = run(SCENARIOS "crc-rising-ios", "ce1-nyc", false, false, &clock);
    char path[1200], finding[640];
    snprintf(path, sizeof(path), "%s", engine_journal_path(e));
    snprintf(finding, sizeof(finding), "%s", engine_result(e)->steps[0].finding);
    engine_free(e);
    /* cut the last entry ("end") in half, as a kill mid-write would */
    FILE *f = fopen(path, "r+");
    assert_non_null(f);
    fseek(f, 0, SEEK_END);
    long size = ftell(f);
    assert_int_equal(ftruncate(fileno(f), size - 20), 0);
    fclose(f);
    engine_t *r = run(path, "ce1-nyc", false, true, &clock);
    assert_string_equal(engine_result(r)->steps[0].cause, "interface_errors");
    assert_string_equal(engine_result(r)->steps[0].finding, finding); /* the same rates: the recorded times */
    engine_free(r);
    /* a device the journal does not record is refused */
    engine_opts_t o = {.device = "ce2", .replay = path, .runbook = RUNBOOK_BGP, .no_journal = true};
    engine_t *x = engine_new(&o, NULL, NULL);
    assert_int_equal(engine_start(x), -1);
    assert_non_null(strstr(engine_error(x, NULL, NULL), "records no device 'ce2'"));
    engine_free(x);
}

/* A result goes into the journal and comes back the same (what the incident report reads). */
static void result_round_trips(void **state)
{
    (void)state;
    double clock = 1796634000;
    const char *scenarios[] = {"md5-mismatch-ios", "tcp179-blocked-ios", "local-prefix-limit-junos"};
    for (int n = 0; n < 3; n++) {
        char path[256];
        snprintf(path, sizeof(path), SCENARIOS "%s", scenarios[n]);
        engine_t *e = run(path, n == 2 ? "ce1-ams" : "ce1-nyc", false, true, &clock);
        const runbook_result_t *a = engine_result(e);
        static runbook_result_t b;
        json_t *j = runbook_result_to_json(a);
        assert_int_equal(runbook_result_from_json(j, &b), 0);
        json_decref(j);
        assert_string_equal(a->status, b.status);
        assert_int_equal(a->exit_code, b.exit_code);
        assert_string_equal(a->summary, b.summary);
        assert_int_equal(a->n_steps, b.n_steps);
        assert_int_equal(a->n_causes, b.n_causes);
        for (int i = 0; i < a->n_causes; i++) {
            assert_int_equal(a->causes[i], b.causes[i]);
            assert_int_equal(a->groups[i].n_steps, b.groups[i].n_steps);
            assert_int_equal(a->groups[i].n_evidence, b.groups[i].n_evidence);
        }
        for (int i = 0; i < a->n_steps; i++) {
            const step_result_t *x = &a->steps[i], *y = &b.steps[i];
            assert_ptr_equal(x->id, y->id);
            assert_int_equal(x->verdict, y->verdict);
            assert_string_equal(x->cause, y->cause);
            assert_string_equal(x->finding, y->finding);
            assert_ptr_equal(x->follows, y->follows);
            assert_int_equal(x->n_evidence, y->n_evidence);
            for (int k = 0; k < x->n_evidence; k++)
                assert_string_equal(x->evidence[k].line, y->evidence[k].line);
            assert_int_equal(x->n_next, y->n_next);
            for (int k = 0; k < x->n_next; k++) {
                assert_string_equal(x->next[k], y->next[k]);
                assert_int_equal(x->next_disruptive[k], y->next_disruptive[k]);
            }
            assert_int_equal(x->n_note, y->n_note);
        }
        engine_free(e);
    }
    json_t *bad = json_pack("{s:s, s:[{s:s, s:s}]}", "runbook", "bgp", "steps", "id", "nonesuch", "verdict", "PASS");
    static runbook_result_t c;
    assert_int_equal(runbook_result_from_json(bad, &c), -1);
    json_decref(bad);
}

/* The child: a live session on the flapping demo, polling as fast as it can, until killed. */
static void run_until_killed(void)
{
    engine_opts_t o = {.device = "ce1-nyc", .replay = SCENARIOS "demo-flap-ios", .runbook = RUNBOOK_BGP,
                       .journal_dir = dir, .live = true, .interval = 0.01};
    engine_t *e = engine_new(&o, NULL, NULL);
    if (!e || engine_start(e) != 0)
        _exit(1);
    for (;;) {
        struct pollfd p = {.fd = engine_fd(e), .events = POLLIN};
        int wait = engine_timeout_ms(e);
        poll(&p, 1, wait < 0 || wait > 10 ? 10 : wait);
        engine_step(e);
    }
}

static int count_torn(void *ud, const json_t *entry, uint64_t id, const char *kind)
{
    (void)entry, (void)id, (void)kind;
    (*(int *)ud)++;
    return 0;
}

/* The kill test at the session's level: twenty sessions killed with SIGKILL at a random
 * point; every journal reads (a torn last line reported, never fatal) and its incident report
 * rebuilds, saying the session did not finish. */
static void killed_sessions_still_report(void **state)
{
    (void)state;
    unsigned seed = (unsigned)time(NULL);
    srand(seed);
    for (int round = 0; round < 20; round++) {
        pid_t pid = fork();
        assert_true(pid >= 0);
        if (pid == 0)
            run_until_killed();
        usleep((useconds_t)(30000 + rand() % 300000));
        kill(pid, SIGKILL);
        waitpid(pid, NULL, 0);
    }
    journal_info_t *infos;
    size_t n;
    assert_int_equal(journal_list(dir, &infos, &n), 0);
    assert_int_equal(n, 20);
    int torn = 0;
    for (size_t i = 0; i < n; i++) {
        journal_read_status_t st;
        char err[400];
        int entries = 0;
        if (journal_read(infos[i].path, count_torn, &entries, &st, err, sizeof(err)) != 0)
            fail_msg("seed %u: %s: %s", seed, infos[i].path, err);
        assert_false(st.finished);
        torn += st.torn;
        static incident_t inc;
        if (incident_from_journal(infos[i].path, &inc, err, sizeof(err)) != 0)
            fail_msg("seed %u: report of %s: %s", seed, infos[i].path, err);
        assert_string_equal(inc.device, "ce1-nyc");
        assert_false(inc.finished);
        assert_non_null(inc.result.status);
        assert_int_equal(st.torn, inc.torn_note[0] != '\0');
        incident_free(&inc);
    }
    print_message("killed sessions: 20 journals read and reported, %d with a torn last entry (seed %u)\n", torn, seed);
    journal_list_free(infos, n);
}

/* Holds a marker of tests/fixtures/redact (every secret there holds one)? */
static bool file_has_secret(const char *path)
{
    FILE *f = fopen(path, "r");
    char line[65536];
    bool found = false;
    while (f && !found && fgets(line, sizeof(line), f))
        found = strstr(line, "S3CR3T") || strstr(line, "5EC7E7");
    if (f)
        fclose(f);
    return found;
}

/* Every platform's configuration, with every secret form, as the answer to the running-config
 * probe: no secret in the journal (unless keep_secrets) nor in any report format. */
static void every_platforms_secrets_stay_out(void **state)
{
    (void)state;
    static const char *const platforms[] = {"ios", "nxos", "iosxr", "eos", "junos", "frr"};
    static const char *const formats[] = {"md", "html", "json"};
    double clock = 1796634000;
    for (size_t i = 0; i < 6; i++) {
        for (int keep = 0; keep < 2; keep++) {
            char scen[256], cmd[1200], journal[1200], report[300];
            snprintf(scen, sizeof(scen), "%s/scen-%s", dir, platforms[i]);
            snprintf(cmd, sizeof(cmd), "rm -rf %s && cp -R %shealthy-ios %s && cp %s/redact/%s.txt %s/bgp_config.txt", scen,
                     SCENARIOS, scen, FIXTURE_DIR, platforms[i], scen);
            assert_int_equal(system(cmd), 0);
            engine_t *e = run(scen, "ce1-nyc", keep, false, &clock);
            snprintf(journal, sizeof(journal), "%s", engine_journal_path(e));
            engine_free(e);
            if (keep ? !file_has_secret(journal) : file_has_secret(journal))
                fail_msg("%s, keep_secrets %d: the journal %s the secrets", platforms[i], keep, keep ? "lost" : "holds");
            for (int f = 0; f < 3; f++) {
                char err[600];
                incident_format_t fmt;
                snprintf(report, sizeof(report), "%s/report-%s.%s", dir, platforms[i], formats[f]);
                assert_true(incident_format_from_name(formats[f], &fmt));
                assert_int_equal(incident_export(journal, report, fmt, false, err, sizeof(err)), 0);
                if (file_has_secret(report))
                    fail_msg("%s, keep_secrets %d: a secret in the %s report", platforms[i], keep, formats[f]);
            }
        }
    }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(journal_holds_the_session, setup, teardown),
        cmocka_unit_test_setup_teardown(keep_secrets_keeps_them, setup, teardown),
        cmocka_unit_test_setup_teardown(no_journal_writes_nothing, setup, teardown),
        cmocka_unit_test_setup_teardown(journal_replays_to_the_same_verdict, setup, teardown),
        cmocka_unit_test_setup_teardown(result_round_trips, setup, teardown),
        cmocka_unit_test_setup_teardown(killed_sessions_still_report, setup, teardown),
        cmocka_unit_test_setup_teardown(every_platforms_secrets_stay_out, setup, teardown),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
