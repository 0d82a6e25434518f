/* test_journal.c: the session journal (core/journal*.c).  Modes whatever the umask, a taken or
 * planted name never opened, a linked or shared directory refused; entries come back exactly as
 * written (times from a test clock, terminal escapes intact, no raw control byte on disk); a
 * writer killed with SIGKILL at random points loses nothing it was told was written; a torn last
 * line is reported, a bad line in the middle is an error naming it; the listing. */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <pthread.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "core/journal.h"
#include "core/utctime.h"
#include "tests/testhelp.h"

static char top[64];

static int make_top(void **state)
{
    (void)state;
    return th_tmpdir(top, sizeof(top), "journal");
}

static int remove_top(void **state)
{
    (void)state;
    return th_rmtree(top);
}

static void path_of(char *buf, size_t size, const char *rel)
{
    snprintf(buf, size, "%s/%s", top, rel);
}

static unsigned mode_of(const char *path)
{
    struct stat st;
    assert_int_equal(lstat(path, &st), 0);
    return (unsigned)(st.st_mode & 07777);
}

static void put(const char *path, const char *text)
{
    FILE *f = fopen(path, "w");
    assert_non_null(f);
    fputs(text, f);
    assert_int_equal(fclose(f), 0);
}

/* The whole file; *len its size.  Caller frees. */
static char *slurp(const char *path, size_t *len)
{
    FILE *f = fopen(path, "rb");
    assert_non_null(f);
    char *buf = NULL;
    size_t cap = 0, n = 0, got;
    do {
        cap = cap ? cap * 2 : 65536;
        buf = realloc(buf, cap + 1);
        assert_non_null(buf);
        got = fread(buf + n, 1, cap - n, f);
        n += got;
    } while (n == cap);
    fclose(f);
    buf[n] = '\0';
    *len = n;
    return buf;
}

/* A journal under top/rel, or the test fails. */
static journal_t *fresh(const char *rel, const char *stem, char *path, size_t size)
{
    char dir[256], err[600];
    path_of(dir, sizeof(dir), rel);
    journal_t *j = journal_create(dir, stem, path, size, err, sizeof(err));
    if (!j)
        fail_msg("%s", err);
    return j;
}

static uint64_t add(journal_t *j, const char *kind, json_t *fields)
{
    char err[600];
    uint64_t id = journal_append(j, kind, fields, err, sizeof(err));
    if (id == 0)
        fail_msg("append %s: %s", kind, err);
    return id;
}

/* Appends a line by hand, as a kill mid-write would leave it. */
static void append_raw(const char *path, const char *text)
{
    int fd = open(path, O_WRONLY | O_APPEND);
    assert_true(fd >= 0);
    assert_int_equal(write(fd, text, strlen(text)), (ssize_t)strlen(text));
    close(fd);
}

/* ---- a test clock: t0, then every call step seconds later ---- */

typedef struct {
    double t, step;
} test_clock_t;

static double test_now(void *ud)
{
    test_clock_t *c = ud;
    double t = c->t;
    c->t += c->step;
    return t;
}

/* 2026-12-07T05:01:21.125Z: quarters of a second are exact in binary, so the milliseconds are. */
static test_clock_t clock_at(const char *utc, double step)
{
    test_clock_t c = {0, step};
    assert_true(utc_parse(utc, &c.t));
    c.t += 0.125;
    return c;
}

/* ---- what a read saw ---- */

typedef struct {
    json_t *entries[16];
    size_t n;
    int stop_after; /* 0: never stop */
} seen_t;

static int collect(void *ud, const json_t *entry, uint64_t id, const char *kind)
{
    seen_t *s = ud;
    assert_int_equal(json_integer_value(json_object_get(entry, "id")), id);
    assert_string_equal(json_string_value(json_object_get(entry, "kind")), kind);
    if (s->n < 16)
        s->entries[s->n++] = json_incref((json_t *)entry);
    return s->stop_after && (int)s->n >= s->stop_after;
}

static void seen_free(seen_t *s)
{
    for (size_t i = 0; i < s->n; i++)
        json_decref(s->entries[i]);
}

static int read_all(const char *path, seen_t *s, journal_read_status_t *st, char *err, size_t errlen)
{
    memset(s, 0, sizeof(*s));
    return journal_read(path, collect, s, st, err, errlen);
}

/* ---- where and how files are created ---- */

static void modes_whatever_the_umask(void **state)
{
    (void)state;
    char path[512], p[300];
    mode_t old = umask(0);
    journal_t *j = fresh("state/erdiag/sessions", "check", path, sizeof(path));
    umask(old);
    const char *dirs[] = {"state", "state/erdiag", "state/erdiag/sessions"};
    for (size_t i = 0; i < sizeof(dirs) / sizeof(dirs[0]); i++) {
        path_of(p, sizeof(p), dirs[i]);
        if (mode_of(p) != 0700)
            fail_msg("%s has mode %o", dirs[i], mode_of(p));
    }
    assert_int_equal(mode_of(path), 0600);
    assert_string_equal(journal_path(j), path);
    /* <stem>-<yyyymmddThhmmssZ>-<pid>.jsonl */
    path_of(p, sizeof(p), "state/erdiag/sessions/check-");
    size_t n = strlen(p);
    assert_memory_equal(path, p, n);
    const char *when = path + n;
    for (int i = 0; i < 16; i++)
        if (!(i == 8 ? when[i] == 'T' : i == 15 ? when[i] == 'Z' : when[i] >= '0' && when[i] <= '9'))
            fail_msg("not <stem>-<yyyymmddThhmmssZ>-<pid>.jsonl: %s", path);
    char tail[64];
    snprintf(tail, sizeof(tail), "-%ld.jsonl", (long)getpid());
    assert_string_equal(when + 16, tail);
    journal_close(j);
}

/* The name journal_create would give at t: "<dir>/<stem>-<yyyymmddThhmmssZ>-<pid><suffix>.jsonl". */
static void name_at(char *buf, size_t size, const char *dir, const char *stem, double t, const char *suffix)
{
    char iso[40], when[40];
    size_t n = 0;
    assert_true(utc_format(t, false, iso, sizeof(iso)));
    for (const char *s = iso; *s; s++)
        if (*s != '-' && *s != ':')
            when[n++] = *s;
    when[n] = '\0';
    snprintf(buf, size, "%s/%s-%s-%ld%s.jsonl", dir, stem, when, (long)getpid(), suffix);
}

static void taken_and_planted_names_are_never_opened(void **state)
{
    (void)state;
    char dir[256], planted[2][512], linked[2][512], victim[300], path[512], err[600];
    path_of(dir, sizeof(dir), "taken");
    assert_int_equal(mkdir(dir, 0700), 0);
    path_of(victim, sizeof(victim), "victim");
    put(victim, "precious\n");
    /* This second's name and the next's (the clock may tick meanwhile): a file for the first
     * name, a link to the victim for the -2 one. */
    double now = utc_now();
    for (int i = 0; i < 2; i++) {
        name_at(planted[i], sizeof(planted[i]), dir, "s", now + i, "");
        name_at(linked[i], sizeof(linked[i]), dir, "s", now + i, "-2");
        put(planted[i], "planted\n");
        assert_int_equal(symlink(victim, linked[i]), 0);
    }
    journal_t *j = journal_create(dir, "s", path, sizeof(path), err, sizeof(err));
    assert_non_null(j);
    assert_string_equal(path + strlen(path) - 8, "-3.jsonl");
    add(j, "note", NULL);
    journal_close(j);
    size_t len;
    for (int i = 0; i < 2; i++) {
        char *text = slurp(planted[i], &len);
        assert_string_equal(text, "planted\n");
        free(text);
    }
    char *text = slurp(victim, &len);
    assert_string_equal(text, "precious\n");
    free(text);
    /* Two sessions of one process in one second: another name each. */
    char first[512], second[512];
    journal_t *a = fresh("twice", "s", first, sizeof(first)), *b = fresh("twice", "s", second, sizeof(second));
    assert_string_not_equal(first, second);
    journal_close(a);
    journal_close(b);
}

static void the_directory_must_be_ours_alone(void **state)
{
    (void)state;
    char real[300], link[300], slash[320], shared[300], err[600], file[300];
    path_of(real, sizeof(real), "real");
    path_of(link, sizeof(link), "linked");
    assert_int_equal(mkdir(real, 0700), 0);
    assert_int_equal(symlink(real, link), 0);
    assert_null(journal_create(link, "s", NULL, 0, err, sizeof(err)));
    assert_non_null(strstr(err, "linked: is a symbolic link: refusing to journal into it"));
    snprintf(slash, sizeof(slash), "%s//", link); /* "DIR/" would follow the link */
    assert_null(journal_create(slash, "s", NULL, 0, err, sizeof(err)));
    assert_non_null(strstr(err, "linked: is a symbolic link"));
    DIR *d = opendir(real); /* nothing was written through the link */
    assert_non_null(d);
    int entries = 0;
    while (readdir(d))
        entries++;
    closedir(d);
    assert_int_equal(entries, 2);
    path_of(shared, sizeof(shared), "shared");
    assert_int_equal(mkdir(shared, 0700), 0);
    assert_int_equal(chmod(shared, 0770), 0);
    assert_null(journal_create(shared, "s", NULL, 0, err, sizeof(err)));
    assert_non_null(strstr(err, "shared: is writable by group or others"));
    assert_null(journal_create(real, "../s", NULL, 0, err, sizeof(err)));
    assert_null(journal_create(real, ".hidden", NULL, 0, err, sizeof(err)));
    path_of(file, sizeof(file), "afile");
    put(file, "x");
    assert_null(journal_create(file, "s", NULL, 0, err, sizeof(err)));
    assert_non_null(strstr(err, "afile: is not a directory"));
    if (geteuid() == 0) { /* as root: a directory of another user is refused */
        char other[300];
        path_of(other, sizeof(other), "others");
        assert_int_equal(mkdir(other, 0700), 0);
        assert_int_equal(chown(other, 65534, 65534), 0);
        assert_null(journal_create(other, "s", NULL, 0, err, sizeof(err)));
        assert_non_null(strstr(err, "others: belongs to another user"));
    }
}

static void default_directory_follows_xdg(void **state)
{
    (void)state;
    char out[256], *xdg = getenv("XDG_STATE_HOME"), *home = getenv("HOME");
    char saved_xdg[512] = "", saved_home[512] = "";
    snprintf(saved_xdg, sizeof(saved_xdg), "%s", xdg ? xdg : "");
    snprintf(saved_home, sizeof(saved_home), "%s", home ? home : "");
    setenv("XDG_STATE_HOME", "/srv/state", 1);
    setenv("HOME", "/home/noc", 1);
    assert_int_equal(journal_default_dir(out, sizeof(out)), 0);
    assert_string_equal(out, "/srv/state/erdiag/sessions");
    setenv("XDG_STATE_HOME", "relative/state", 1); /* not absolute: ignored, as XDG says */
    assert_int_equal(journal_default_dir(out, sizeof(out)), 0);
    assert_string_equal(out, "/home/noc/.local/state/erdiag/sessions");
    unsetenv("XDG_STATE_HOME");
    assert_int_equal(journal_default_dir(out, sizeof(out)), 0);
    assert_string_equal(out, "/home/noc/.local/state/erdiag/sessions");
    assert_int_equal(journal_default_dir(out, 10), -1);
    assert_string_equal(out, "");
    unsetenv("HOME");
    assert_int_equal(journal_default_dir(out, sizeof(out)), -1);
    if (xdg)
        setenv("XDG_STATE_HOME", saved_xdg, 1);
    if (home)
        setenv("HOME", saved_home, 1);
}

/* ---- entries ---- */

static const char ESCAPES[] = "\x1b[2J\n\xc2\x9b"; /* ESC [2J, a newline, and U+009B (CSI) */

/* The round trip's file, byte for byte: keys in order, escapes, nothing raw. */
static void round_trip_file_is(const char *path)
{
    size_t len;
    char *text = slurp(path, &len);
    const char *want =
        "{\"id\":1,\"utc\":\"2026-12-07T05:01:21.125Z\",\"kind\":\"session\",\"device\":\"ce1-nyc\",\"runbook\":\"bgp\"}\n"
        "{\"id\":2,\"utc\":\"2026-12-07T05:01:21.375Z\",\"kind\":\"command\",\"command\":\"show ip bgp summary\","
        "\"job\":3}\n"
        "{\"id\":3,\"utc\":\"2026-12-07T05:01:21.625Z\",\"kind\":\"answer\",\"text\":\"\\u001B[2J\\n\\u009B\","
        "\"job\":3}\n"
        "{\"id\":4,\"utc\":\"2026-12-07T05:01:21.875Z\",\"kind\":\"end\"}\n";
    assert_string_equal(text, want);
    for (size_t i = 0; i < len; i++) /* no raw control byte, nothing but ASCII */
        if ((unsigned char)text[i] >= 0x7f || ((unsigned char)text[i] < 0x20 && text[i] != '\n'))
            fail_msg("raw byte 0x%02x at offset %zu", (unsigned char)text[i], i);
    free(text);
}

/* The round trip's file, read back: the same entries, the escapes intact. */
static void round_trip_reads_back(const char *path)
{
    char err[600];
    seen_t s;
    journal_read_status_t st;
    assert_int_equal(read_all(path, &s, &st, err, sizeof(err)), 0);
    assert_int_equal(s.n, 4);
    assert_int_equal(st.entries, 4);
    assert_int_equal(st.last_id, 4);
    assert_true(st.finished);
    assert_false(st.torn);
    assert_false(st.partial);
    assert_string_equal(st.torn_note, "");
    assert_string_equal(json_string_value(json_object_get(s.entries[0], "device")), "ce1-nyc");
    const json_t *got = json_object_get(s.entries[2], "text");
    assert_int_equal(json_string_length(got), strlen(ESCAPES));
    assert_memory_equal(json_string_value(got), ESCAPES, strlen(ESCAPES));
    assert_string_equal(json_string_value(json_object_get(s.entries[3], "utc")), "2026-12-07T05:01:21.875Z");
    seen_free(&s);
    /* the reader's callback may stop it */
    memset(&s, 0, sizeof(s));
    s.stop_after = 2;
    assert_int_equal(journal_read(path, collect, &s, &st, err, sizeof(err)), 1);
    assert_int_equal(st.entries, 2);
    seen_free(&s);
}

static void entries_round_trip_exactly(void **state)
{
    (void)state;
    char path[512], err[600];
    test_clock_t c = clock_at("2026-12-07T05:01:21Z", 0.25);
    journal_t *j = fresh("trip", "check", path, sizeof(path));
    journal_set_clock(j, test_now, &c);
    json_t *session = json_pack("{s:s, s:s}", "device", "ce1-nyc", "runbook", "bgp");
    json_t *command = json_pack("{s:s, s:i}", "command", "show ip bgp summary", "job", 3);
    json_t *answer = json_pack("{s:s%, s:i}", "text", ESCAPES, strlen(ESCAPES), "job", 3);
    assert_int_equal(add(j, "session", session), 1);
    assert_int_equal(add(j, "command", command), 2);
    assert_int_equal(add(j, "answer", answer), 3);
    assert_int_equal(journal_mark_finished(j, err, sizeof(err)), 4);
    /* the caller still owns its fields */
    assert_int_equal(session->refcount, 1);
    assert_int_equal(answer->refcount, 1);
    assert_int_equal(journal_append(j, "note", NULL, err, sizeof(err)), 0);
    assert_non_null(strstr(err, "the session is finished"));
    journal_close(j);
    json_decref(session);
    json_decref(command);
    json_decref(answer);
    round_trip_file_is(path);
    round_trip_reads_back(path);
}

static void refused_entries_leave_no_trace(void **state)
{
    (void)state;
    char path[512], err[600];
    journal_t *j = fresh("refused", "s", path, sizeof(path));
    assert_int_equal(add(j, "note", NULL), 1);
    struct stat before, after;
    assert_int_equal(stat(path, &before), 0);
    /* a string that is not UTF-8 (jansson's checking constructor would not make it) */
    json_t *bad = json_pack("{s:o}", "text", json_stringn_nocheck("\x9b", 1));
    assert_int_equal(journal_append(j, "answer", bad, err, sizeof(err)), 0);
    assert_non_null(strstr(err, "not UTF-8"));
    json_decref(bad);
    json_t *own = json_pack("{s:i}", "id", 9);
    assert_int_equal(journal_append(j, "answer", own, err, sizeof(err)), 0);
    assert_non_null(strstr(err, "the journal's own keys"));
    json_decref(own);
    assert_int_equal(journal_append(j, "", NULL, err, sizeof(err)), 0);
    json_t *list = json_array();
    assert_int_equal(journal_append(j, "answer", list, err, sizeof(err)), 0);
    json_decref(list);
    /* 16 MiB and more: refused, without building it all */
    size_t big = JOURNAL_MAX_ENTRY;
    char *huge = malloc(big);
    assert_non_null(huge);
    memset(huge, 'a', big);
    json_t *fields = json_pack("{s:s%}", "text", huge, big);
    free(huge);
    assert_int_equal(journal_append(j, "answer", fields, err, sizeof(err)), 0);
    assert_non_null(strstr(err, "entry larger than 16 MiB refused"));
    json_decref(fields);
    assert_int_equal(stat(path, &after), 0);
    assert_int_equal(after.st_size, before.st_size);
    /* nothing refused spent an id */
    assert_int_equal(add(j, "note", NULL), 2);
    journal_close(j);
}

/* A write cut short (here by the file size limit, as a full disk would) is taken off the file
 * again: the next entry starts on a line of its own, and no id is lost. */
static void failed_write_is_cut_off(void **state)
{
    (void)state;
    char path[512], err[600];
    journal_t *j = fresh("cut", "s", path, sizeof(path));
    add(j, "note", NULL);
    struct stat before, after;
    assert_int_equal(stat(path, &before), 0);
    struct rlimit old, limit;
    assert_int_equal(getrlimit(RLIMIT_FSIZE, &old), 0);
    limit = old;
    limit.rlim_cur = (rlim_t)before.st_size + 200;
    void (*was)(int) = signal(SIGXFSZ, SIG_IGN);
    assert_int_equal(setrlimit(RLIMIT_FSIZE, &limit), 0);
    char text[1000];
    memset(text, 'x', sizeof(text));
    json_t *f = json_pack("{s:s%}", "text", text, sizeof(text));
    uint64_t id = journal_append(j, "answer", f, err, sizeof(err));
    assert_int_equal(stat(path, &after), 0);
    char err2[600] = "";
    uint64_t next = journal_append(j, "note", NULL, err2, sizeof(err2)); /* a short line still fits */
    assert_int_equal(setrlimit(RLIMIT_FSIZE, &old), 0); /* before any assertion can leave the test */
    signal(SIGXFSZ, was);
    json_decref(f);
    assert_int_equal(id, 0);
    assert_non_null(strstr(err, "File too large"));
    assert_int_equal(after.st_size, before.st_size);
    if (next != 2)
        fail_msg("the entry after the cut: %llu (%s)", (unsigned long long)next, err2);
    journal_close(j);
    seen_t s;
    journal_read_status_t st;
    assert_int_equal(read_all(path, &s, &st, err, sizeof(err)), 0);
    assert_int_equal(st.entries, 2);
    assert_false(st.torn);
    seen_free(&s);
}

#define THREADS 4
#define PER_THREAD 50

typedef struct {
    journal_t *j;
    int thread;
    uint64_t ids[PER_THREAD];
} appender_t;

static void *append_some(void *arg)
{
    appender_t *a = arg;
    char err[600];
    for (int i = 0; i < PER_THREAD; i++) {
        json_t *f = json_pack("{s:i, s:i}", "thread", a->thread, "n", i);
        a->ids[i] = journal_append(a->j, "note", f, err, sizeof(err));
        json_decref(f);
    }
    return NULL;
}

typedef struct {
    int next[THREADS]; /* the n each thread's next entry must carry */
    uint64_t entries;
} order_t;

static int check_order(void *ud, const json_t *entry, uint64_t id, const char *kind)
{
    order_t *o = ud;
    int t = (int)json_integer_value(json_object_get(entry, "thread"));
    assert_int_equal(id, o->entries + 1);
    assert_true(t >= 0 && t < THREADS);
    assert_int_equal(json_integer_value(json_object_get(entry, "n")), o->next[t]);
    o->next[t]++;
    o->entries++;
    return 0;
}

static void threads_append_whole_entries_in_id_order(void **state)
{
    (void)state;
    char path[512], err[600];
    journal_t *j = fresh("threads", "s", path, sizeof(path));
    appender_t a[THREADS];
    pthread_t th[THREADS];
    for (int t = 0; t < THREADS; t++) {
        a[t].j = j;
        a[t].thread = t;
        assert_int_equal(pthread_create(&th[t], NULL, append_some, &a[t]), 0);
    }
    for (int t = 0; t < THREADS; t++) {
        assert_int_equal(pthread_join(th[t], NULL), 0);
        for (int i = 1; i < PER_THREAD; i++)
            assert_true(a[t].ids[i] > a[t].ids[i - 1]);
    }
    journal_close(j);
    order_t o = {{0}, 0};
    journal_read_status_t st;
    assert_int_equal(journal_read(path, check_order, &o, &st, err, sizeof(err)), 0);
    assert_int_equal(st.entries, THREADS * PER_THREAD);
    assert_int_equal(st.last_id, THREADS * PER_THREAD);
}

/* ---- reading back what a kill or an editor left ---- */

static void torn_last_line_is_reported_not_fatal(void **state)
{
    (void)state;
    char path[512], err[600], note[96];
    seen_t s;
    journal_read_status_t st;
    journal_t *j = fresh("torn", "s", path, sizeof(path));
    for (int i = 1; i <= 3; i++) {
        json_t *f = json_pack("{s:i}", "n", i);
        add(j, "note", f);
        json_decref(f);
    }
    journal_close(j);
    const char *half = "{\"id\":4,\"utc\":\"2026-12-07T05:0";
    append_raw(path, half);
    assert_int_equal(read_all(path, &s, &st, err, sizeof(err)), 0);
    assert_int_equal(s.n, 3);
    assert_int_equal(st.entries, 3);
    assert_int_equal(st.last_id, 3);
    assert_true(st.torn);
    assert_int_equal(st.torn_line, 4);
    assert_int_equal(st.torn_bytes, strlen(half));
    snprintf(note, sizeof(note), "line 4: torn last entry (%zu bytes), skipped", strlen(half));
    assert_string_equal(st.torn_note, note);
    assert_false(st.partial);
    assert_false(st.finished);
    seen_free(&s);
    /* A whole entry that lacks only its newline is torn too: its append never returned. */
    j = fresh("torn", "s", path, sizeof(path));
    add(j, "note", NULL);
    journal_close(j);
    append_raw(path, "{\"id\":2,\"utc\":\"2026-12-07T05:01:21Z\",\"kind\":\"note\"}");
    assert_int_equal(read_all(path, &s, &st, err, sizeof(err)), 0);
    assert_int_equal(st.entries, 1);
    assert_true(st.torn);
    assert_int_equal(st.torn_line, 2);
    seen_free(&s);
    /* A last line that ends but does not parse: the zeros a power cut can leave. */
    j = fresh("torn", "s", path, sizeof(path));
    add(j, "note", NULL);
    journal_close(j);
    int fd = open(path, O_WRONLY | O_APPEND);
    assert_int_equal(write(fd, "\0\0\0\0\n", 5), 5);
    close(fd);
    assert_int_equal(read_all(path, &s, &st, err, sizeof(err)), 0);
    assert_int_equal(st.entries, 1);
    assert_string_equal(st.torn_note, "line 2: torn last entry (5 bytes), skipped");
    seen_free(&s);
}

#define LINE(id) "{\"id\":" #id ",\"utc\":\"2026-12-07T05:01:21.125Z\",\"kind\":\"note\"}\n"

/* text as a journal: reading it fails at "<path>:<why>" (why starts with the line number) after
 * entries entries. */
static void read_fails(const char *name, const char *text, const char *why, uint64_t entries)
{
    char path[300], err[600], want[600];
    seen_t s;
    journal_read_status_t st;
    path_of(path, sizeof(path), name);
    put(path, text);
    assert_int_equal(read_all(path, &s, &st, err, sizeof(err)), -1);
    snprintf(want, sizeof(want), "%s:%s", path, why);
    if (strncmp(err, want, strlen(want)) != 0)
        fail_msg("got '%s', want '%s...'", err, want);
    assert_int_equal(st.entries, entries);
    assert_int_equal(s.n, entries);
    assert_true(st.partial);
    assert_false(st.torn);
    seen_free(&s);
}

static void bad_lines_in_the_middle_are_errors(void **state)
{
    (void)state;
    read_fails("mid.jsonl", LINE(1) "garbage\n" LINE(3), "2: not JSON", 1);
    read_fails("mid2.jsonl", LINE(1) "garbage\n" LINE(3), "2: not JSON (column 7: '[' or '{' expected near 'garbage'): "
               "the journal was edited or corrupted here", 1);
    read_fails("empty-line.jsonl", LINE(1) "\n" LINE(2), "2: not JSON", 1);
    read_fails("decreasing.jsonl", LINE(1) LINE(3) LINE(2) LINE(4), "3: id 2 after id 3: ids must increase", 2);
    read_fails("repeated.jsonl", LINE(1) LINE(1), "2: id 1 after id 1", 1);
    /* a last line that parses is judged as an entry, not skipped as torn */
    read_fails("last.jsonl", LINE(2) LINE(1), "2: id 1 after id 2", 1);
    read_fails("nokind.jsonl", LINE(1) "{\"id\":2,\"utc\":\"2026-12-07T05:01:21Z\"}\n" LINE(3), "2: no \"kind\"", 1);
    read_fails("noutc.jsonl", "{\"id\":1,\"utc\":\"yesterday\",\"kind\":\"a\"}\n" LINE(2), "1: no \"utc\" time", 0);
    read_fails("zero.jsonl", "{\"id\":0,\"utc\":\"2026-12-07T05:01:21Z\",\"kind\":\"a\"}\n", "1: no positive integer", 0);
    read_fails("array.jsonl", "[1]\n" LINE(2), "1: not a JSON object", 0);
    read_fails("twice.jsonl", "{\"id\":1,\"id\":2,\"utc\":\"2026-12-07T05:01:21Z\",\"kind\":\"a\"}\n" LINE(3),
               "1: not JSON", 0);
}

static void only_regular_files_are_read(void **state)
{
    (void)state;
    char path[300], target[300], err[600];
    seen_t s;
    journal_read_status_t st;
    path_of(path, sizeof(path), "adir.jsonl");
    assert_int_equal(mkdir(path, 0700), 0);
    assert_int_equal(read_all(path, &s, &st, err, sizeof(err)), -1);
    assert_non_null(strstr(err, "adir.jsonl: is not a regular file"));
    path_of(path, sizeof(path), "fifo.jsonl"); /* must not hang waiting for a writer */
    assert_int_equal(mkfifo(path, 0600), 0);
    assert_int_equal(read_all(path, &s, &st, err, sizeof(err)), -1);
    assert_non_null(strstr(err, "fifo.jsonl: is not a regular file"));
    path_of(target, sizeof(target), "target.jsonl");
    put(target, LINE(1));
    path_of(path, sizeof(path), "link.jsonl");
    assert_int_equal(symlink(target, path), 0);
    assert_int_equal(read_all(path, &s, &st, err, sizeof(err)), -1);
    assert_non_null(strstr(err, "link.jsonl: is a symbolic link: refusing to read it"));
    assert_int_equal(st.entries, 0);
    assert_true(st.partial);
    path_of(path, sizeof(path), "missing.jsonl");
    assert_int_equal(read_all(path, &s, &st, err, sizeof(err)), -1);
    assert_non_null(strstr(err, "missing.jsonl: No such file or directory"));
}

/* ---- the listing ---- */

/* A journal in top/list started at utc: a "session" entry for device (when not NULL), a note,
 * and the end when finished. */
static void listed_session(const char *utc, const char *device, const char *runbook, bool finished)
{
    char path[512], err[600];
    test_clock_t c = clock_at(utc, 1);
    journal_t *j = fresh("list", "console", path, sizeof(path));
    journal_set_clock(j, test_now, &c);
    json_t *f = device ? json_pack("{s:s, s:s}", "device", device, "runbook", runbook) : NULL;
    add(j, device ? "session" : "note", f);
    json_decref(f);
    add(j, "note", NULL);
    if (finished)
        assert_int_equal(journal_mark_finished(j, err, sizeof(err)), 3);
    journal_close(j);
}

static void listing_newest_first(void **state)
{
    (void)state;
    char dir[300], p[400], first[512];
    listed_session("2026-12-07T05:00:00Z", "ce1-nyc", "bgp", true);
    listed_session("2026-12-07T06:00:00Z", "ce2-ams", "asym", false);
    listed_session("2026-12-07T07:00:00Z", NULL, NULL, false);
    path_of(dir, sizeof(dir), "list");
    path_of(p, sizeof(p), "list/garbage.jsonl");
    put(p, "not json\n");
    double mtime;
    assert_true(utc_parse("2026-12-07T04:00:00Z", &mtime));
    struct timespec times[2] = {{(time_t)mtime, 0}, {(time_t)mtime, 0}};
    assert_int_equal(utimensat(AT_FDCWD, p, times, 0), 0);
    path_of(p, sizeof(p), "list/notes.txt");
    put(p, LINE(1));
    path_of(p, sizeof(p), "list/.hidden.jsonl");
    put(p, LINE(1));
    journal_t *j = fresh("elsewhere", "s", first, sizeof(first));
    journal_close(j);
    path_of(p, sizeof(p), "list/link.jsonl");
    assert_int_equal(symlink(first, p), 0);

    journal_info_t *infos;
    size_t n;
    assert_int_equal(journal_list(dir, &infos, &n), 0);
    assert_int_equal(n, 4);
    assert_string_equal(infos[0].start_utc, "2026-12-07T07:00:00.125Z");
    assert_null(infos[0].device);
    assert_true(infos[0].readable);
    assert_false(infos[0].finished);
    assert_string_equal(infos[1].device, "ce2-ams");
    assert_string_equal(infos[1].runbook, "asym");
    assert_false(infos[1].finished);
    assert_string_equal(infos[2].device, "ce1-nyc");
    assert_string_equal(infos[2].start_utc, "2026-12-07T05:00:00.125Z");
    assert_true(infos[2].finished);
    assert_false(infos[3].readable);
    assert_false(infos[3].finished);
    assert_true(infos[3].start == mtime);
    assert_string_equal(infos[3].path + strlen(dir), "/garbage.jsonl");
    journal_list_free(infos, n);
    /* an unfinished session whose end was torn is still unfinished */
    append_raw(first, "{\"id\":1,\"utc\":\"2026-12-07T08:00:00Z\",\"kind\":\"end\"}");
    path_of(p, sizeof(p), "elsewhere");
    assert_int_equal(journal_list(p, &infos, &n), 0);
    assert_int_equal(n, 1);
    assert_false(infos[0].finished);
    journal_list_free(infos, n);
    path_of(p, sizeof(p), "nothing-yet");
    assert_int_equal(journal_list(p, &infos, &n), 0);
    assert_int_equal(n, 0);
    path_of(p, sizeof(p), "list-link");
    assert_int_equal(symlink(dir, p), 0);
    assert_int_equal(journal_list(p, &infos, &n), -1);
    assert_int_equal(errno, ELOOP);
}

/* ---- the kill test (issue 10): SIGKILL at a random point, twenty times ---- */

#define KILL_RUNS 20
#define KILL_ENTRIES 1000
#define KILL_MAX_DELAY_US 30000

/* Entry id's text: 200 to 2000 bytes, a newline every 61, the same on both sides of the fork. */
static size_t payload(char *buf, uint64_t id)
{
    size_t len = 200 + (size_t)(id * 7919 % 1801);
    for (size_t i = 0; i < len; i++)
        buf[i] = (char)(i % 61 == 60 ? '\n' : 'a' + (int)((id + i) % 26));
    return len;
}

/* The child: appends until killed, telling the parent each id it got back. */
static _Noreturn void append_until_killed(journal_t *j, int out)
{
    char text[2048], err[600];
    for (uint64_t id = 1; id <= KILL_ENTRIES; id++) {
        size_t len = payload(text, id);
        json_t *f = json_pack("{s:s%}", "text", text, len);
        if (!f || journal_append(j, "answer", f, err, sizeof(err)) != id)
            _exit(2);
        json_decref(f);
        if (write(out, &id, sizeof(id)) != (ssize_t)sizeof(id))
            _exit(3);
    }
    _exit(0);
}

typedef struct {
    uint64_t last;
    char bad[200];
} kill_read_t;

/* Every entry read back must be the next id with the text the child wrote for it. */
static int check_killed_entry(void *ud, const json_t *entry, uint64_t id, const char *kind)
{
    kill_read_t *k = ud;
    char text[2048];
    size_t len = payload(text, id);
    const json_t *got = json_object_get(entry, "text");
    if (id != k->last + 1 || strcmp(kind, "answer") != 0 || json_string_length(got) != len ||
        memcmp(json_string_value(got), text, len) != 0) {
        snprintf(k->bad, sizeof(k->bad), "entry %llu after %llu is not what was written", (unsigned long long)id,
                 (unsigned long long)k->last);
        return 1;
    }
    k->last = id;
    return 0;
}

/* The ids the child reported before it died: the highest. */
static uint64_t highest_reported(int in)
{
    uint64_t id, high = 0;
    while (read(in, &id, sizeof(id)) == (ssize_t)sizeof(id))
        high = id;
    return high;
}

/* One run; NULL, or what went wrong.  *reported and *torn for the tally. */
static const char *kill_once(long delay_us, uint64_t *reported, bool *torn, char *why, size_t size)
{
    char path[512], err[600];
    int fds[2], status;
    journal_t *j = fresh("kill", "kill", path, sizeof(path));
    assert_int_equal(pipe(fds), 0);
    pid_t pid = fork();
    assert_true(pid >= 0);
    if (pid == 0) {
        close(fds[0]);
        append_until_killed(j, fds[1]);
    }
    close(fds[1]);
    journal_close(j);
    struct timespec delay = {delay_us / 1000000, (delay_us % 1000000) * 1000};
    nanosleep(&delay, NULL);
    kill(pid, SIGKILL);
    assert_int_equal(waitpid(pid, &status, 0), pid);
    *reported = highest_reported(fds[0]);
    close(fds[0]);
    if (WIFEXITED(status) && WEXITSTATUS(status) != 0)
        return snprintf(why, size, "the child failed to append (exit %d)", WEXITSTATUS(status)), why;
    kill_read_t k = {0, ""};
    journal_read_status_t st;
    int rc = journal_read(path, check_killed_entry, &k, &st, err, sizeof(err));
    *torn = st.torn;
    if (rc != 0)
        return snprintf(why, size, "read: %s%s", k.bad, rc < 0 ? err : ""), why;
    /* everything reported was fsync'd; at most the one entry after it was written unreported */
    if (st.last_id < *reported || st.last_id > *reported + 1 || st.entries != st.last_id)
        return snprintf(why, size, "child reported %llu, journal holds %llu entries up to id %llu",
                        (unsigned long long)*reported, (unsigned long long)st.entries,
                        (unsigned long long)st.last_id), why;
    if (st.torn && (st.torn_line != st.last_id + 1 || !strstr(st.torn_note, "torn last entry")))
        return snprintf(why, size, "torn tail misreported: %s", st.torn_note), why;
    return NULL;
}

static void killed_writer_loses_nothing_it_was_told(void **state)
{
    (void)state;
    const char *env = getenv("JOURNAL_KILL_SEED");
    unsigned seed = env ? (unsigned)strtoul(env, NULL, 10) : (unsigned)time(NULL) ^ (unsigned)getpid();
    unsigned r = seed;
    int midway = 0, torn_tails = 0;
    for (int run = 1; run <= KILL_RUNS; run++) {
        long delay_us = (long)(rand_r(&r) % (KILL_MAX_DELAY_US + 1));
        uint64_t reported = 0;
        bool torn = false;
        char why[1000];
        const char *bad = kill_once(delay_us, &reported, &torn, why, sizeof(why));
        if (bad)
            fail_msg("kill run %d (JOURNAL_KILL_SEED=%u, delay %ld us): %s", run, seed, delay_us, bad);
        midway += reported < KILL_ENTRIES;
        torn_tails += torn;
    }
    print_message("kill test: %d runs (seed %u), %d killed mid-way, %d torn tails reported\n", KILL_RUNS, seed, midway,
                  torn_tails);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(modes_whatever_the_umask),
        cmocka_unit_test(taken_and_planted_names_are_never_opened),
        cmocka_unit_test(the_directory_must_be_ours_alone),
        cmocka_unit_test(default_directory_follows_xdg),
        cmocka_unit_test(entries_round_trip_exactly),
        cmocka_unit_test(refused_entries_leave_no_trace),
        cmocka_unit_test(failed_write_is_cut_off),
        cmocka_unit_test(threads_append_whole_entries_in_id_order),
        cmocka_unit_test(torn_last_line_is_reported_not_fatal),
        cmocka_unit_test(bad_lines_in_the_middle_are_errors),
        cmocka_unit_test(only_regular_files_are_read),
        cmocka_unit_test(listing_newest_first),
        cmocka_unit_test(killed_writer_loses_nothing_it_was_told),
    };
    return cmocka_run_group_tests(tests, make_top, remove_top);
}
