/* replay.c: a transport that answers from a recorded scenario directory.  A probe asked the
 * same command again replays its sequence of polls: <file>.txt is poll 1 and <file>.N.txt poll N;
 * with K the highest N the directory holds, the Nth ask reads poll ((N-1) mod K)+1, so a console
 * that polls forever cycles through the recording (a poll missing inside the sequence is read
 * from the base file, its time unknown).  Each answer carries the time it was polled when
 * DIR/polls.tsv lists its file, so rates are computed over the recorded interval, never over
 * one made up at replay time; a poll read again after the sequence wrapped is moved forward by
 * whole cycles (span of the sequence plus one mean step each), so replayed time never runs
 * backwards.  A single file has no interval: every ask of it carries the same time. */
#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "core/utctime.h"
#include "core/model.h"
#include "probes/abbrev.h"
#include "probes/command.h"
#include "probes/record_dir.h"
#include "probes/transport.h"

typedef struct {
    transport_t base;
    char dir[1024];
    /* How many times in a row each probe was asked the same command: the Nth ask of a
     * repeated poll (interface counters, a flapping session) picks its place in the sequence. */
    unsigned calls[PROBE_COUNT];
    char last_command[PROBE_COUNT][CMD_LEN];
} replay_t;

static int read_file(const char *path, cmd_result_t *res)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        return -1;
    size_t cap = 4096, len = 0;
    char *buf = malloc(cap);
    size_t n;
    while (buf && (n = fread(buf + len, 1, cap - len - 1, f)) > 0) {
        len += n;
        if (len + 1 == cap) {
            if (cap >= TRANSPORT_MAX_OUTPUT) {
                res->truncated = true;
                break;
            }
            char *grown = realloc(buf, cap * 2);
            if (!grown) {
                free(buf);
                buf = NULL;
                break;
            }
            buf = grown;
            cap *= 2;
        }
    }
    fclose(f);
    if (!buf)
        return -1;
    buf[len] = '\0';
    res->output = buf;
    res->len = len;
    return 0;
}

/* Does an index.tsv command name the command asked?  Typed either way, abbreviated or written
 * out ("sh ip arp | i Gi0" is "show ip arp | i Gi0"): erdiag run sends the written-out form. */
static bool same_command(const vendor_t *v, const char *indexed, size_t len, const char *command)
{
    char a[CMD_LEN], b[CMD_LEN];
    if (len == strlen(command) && strncmp(indexed, command, len) == 0)
        return true;
    snprintf(a, sizeof(a), "%.*s", (int)len, indexed);
    return v && command_expand(v, a, b, sizeof(b)) == 0 && strcmp(b, command) == 0;
}

/* index.tsv maps free-form commands to files: "command<TAB>file" per line. */
static bool index_lookup(const vendor_t *v, const char *dir, const char *command, char *file, size_t size)
{
    char path[1100], line[1200];
    snprintf(path, sizeof(path), "%s/index.tsv", dir);
    FILE *f = fopen(path, "r");
    if (!f)
        return false;
    bool found = false;
    while (!found && fgets(line, sizeof(line), f)) {
        line[strcspn(line, "\r\n")] = '\0';
        char *tab = strchr(line, '\t');
        if (tab && same_command(v, line, (size_t)(tab - line), command) && !strchr(tab + 1, '/')) {
            snprintf(file, size, "%s", tab + 1);
            found = true;
        }
    }
    fclose(f);
    return found;
}

/* The poll time DIR/polls.tsv gives file ("probe<TAB>poll<TAB>file<TAB>utc"), or 0. */
static double poll_time(const char *dir, const char *file)
{
    char path[1100], line[600];
    snprintf(path, sizeof(path), "%s/%s", dir, RECORD_POLLS);
    FILE *f = fopen(path, "r");
    double t = 0;
    while (f && t == 0 && fgets(line, sizeof(line), f)) {
        line[strcspn(line, "\r\n")] = '\0';
        char *save = NULL; /* replays run in the runner's worker threads */
        char *probe = strtok_r(line, "\t", &save), *poll = strtok_r(NULL, "\t", &save),
             *name = strtok_r(NULL, "\t", &save), *when = strtok_r(NULL, "\t", &save);
        if (probe && probe[0] != '#' && poll && name && when && strcmp(name, file) == 0 && !utc_parse(when, &t))
            t = 0;
    }
    if (f)
        fclose(f);
    return t;
}

/* Counts this ask of probe: 1 for a new command, one more for the same command again. */
static unsigned count_call(replay_t *r, probe_id_t probe, const char *command)
{
    if (probe >= PROBE_COUNT)
        return 1;
    if (r->calls[probe] && strcmp(r->last_command[probe], command) == 0)
        return ++r->calls[probe];
    snprintf(r->last_command[probe], sizeof(r->last_command[probe]), "%s", command);
    return r->calls[probe] = 1;
}

/* Polls beyond this number are not looked for: a sequence longer than a day of 5 s polls is
 * no scenario. */
#define REPLAY_MAX_POLLS 20000u

/* Which file answers one ask, and where that file stands in its sequence. */
typedef struct {
    char file[300];  /* the file that answers, relative to the directory */
    char last[300];  /* the sequence's last poll (its time ends the span) */
    unsigned poll;   /* k, 1..length */
    unsigned length; /* K: the highest N with <stem>.N.txt, 1 when there is none */
    unsigned cycles; /* whole passes through the sequence before this ask */
    bool gap;        /* poll k has no file: the base file answers */
} poll_pick_t;

static bool regular_at(int dirfd, const char *name)
{
    struct stat st;
    return fstatat(dirfd, name, &st, 0) == 0 && S_ISREG(st.st_mode);
}

/* N of "<stem>.N.txt" (N written without leading zeros, 2..REPLAY_MAX_POLLS), else 0. */
static unsigned poll_number(const char *name, const char *stem)
{
    size_t n = strlen(stem);
    if (strncmp(name, stem, n) != 0 || name[n] != '.' || name[n + 1] < '1' || name[n + 1] > '9')
        return 0;
    char *end;
    unsigned long v = strtoul(name + n + 1, &end, 10);
    return strcmp(end, ".txt") == 0 && v >= 2 && v <= REPLAY_MAX_POLLS ? (unsigned)v : 0;
}

/* K: the highest N for which DIR/<stem>.N.txt is a regular file; 1 when there is none. */
static unsigned sequence_length(const char *dir, const char *stem)
{
    DIR *d = opendir(dir);
    if (!d)
        return 1;
    unsigned k = 1;
    struct dirent *e;
    while ((e = readdir(d)) != NULL) {
        unsigned n = poll_number(e->d_name, stem);
        if (n > k && regular_at(dirfd(d), e->d_name))
            k = n;
    }
    closedir(d);
    return k;
}

/* The nth ask (n >= 1) of file: poll ((n-1) mod K)+1 of its sequence.  A file that does not end
 * in ".txt" is a sequence of one. */
static void pick_poll(const char *dir, const char *file, unsigned n, poll_pick_t *p)
{
    size_t len = strlen(file);
    char stem[256];
    memset(p, 0, sizeof(*p));
    snprintf(p->file, sizeof(p->file), "%s", file);
    snprintf(p->last, sizeof(p->last), "%s", file);
    p->poll = p->length = 1;
    if (len < 5 || len >= sizeof(stem) || strcmp(file + len - 4, ".txt") != 0)
        return;
    memcpy(stem, file, len - 4);
    stem[len - 4] = '\0';
    p->length = sequence_length(dir, stem);
    p->poll = (n - 1) % p->length + 1;
    p->cycles = (n - 1) / p->length;
    if (p->length > 1)
        snprintf(p->last, sizeof(p->last), "%s.%u.txt", stem, p->length);
    if (p->poll > 1) {
        char path[1400];
        snprintf(p->file, sizeof(p->file), "%s.%u.txt", stem, p->poll);
        snprintf(path, sizeof(path), "%s/%s", dir, p->file);
        struct stat st;
        p->gap = stat(path, &st) != 0 || !S_ISREG(st.st_mode);
        if (p->gap)
            snprintf(p->file, sizeof(p->file), "%s", file);
    }
}

/* The recorded time of the pick: its file's time in polls.tsv, moved forward by whole cycles of
 * (span + span / (K-1)) once the sequence wrapped.  0 (unknown) for a gap, or when a wrapped
 * poll's sequence has no increasing span to move it by. */
static double pick_time(const char *dir, const char *base, const poll_pick_t *p)
{
    if (p->gap)
        return 0;
    double t = poll_time(dir, p->file);
    if (t == 0 || p->cycles == 0 || p->length < 2)
        return t;
    double first = poll_time(dir, base), last = poll_time(dir, p->last);
    if (first == 0 || last <= first)
        return 0;
    double span = last - first;
    return t + (double)p->cycles * (span + span / (double)(p->length - 1));
}

/* The file that answers command: index.tsv's, else the probe's; false when there is none. */
static bool answer_file(const replay_t *r, probe_id_t probe, const char *command, char *file, size_t size)
{
    if (index_lookup(r->base.vendor, r->dir, command, file, size))
        return true;
    if (probe >= PROBE_COUNT)
        return false;
    probe_file_name(probe, vendor_command_family(r->base.vendor, command), file, size);
    return true;
}

static int replay_run(transport_t *t, probe_id_t probe, const char *command, cmd_result_t *res)
{
    replay_t *r = (replay_t *)t;
    char path[1400], file[256];
    poll_pick_t pick;
    memset(res, 0, sizeof(*res));
    if (!command_allowed(t->vendor, command, res->message, sizeof(res->message))) {
        res->error = PERR_NOT_ALLOWED;
        return -1;
    }
    if (probe >= PROBE_COUNT)
        probe = vendor_probe_for_command(t->vendor, command);
    bool found = answer_file(r, probe, command, file, sizeof(file));
    if (found) {
        pick_poll(r->dir, file, count_call(r, probe, command), &pick);
        snprintf(path, sizeof(path), "%s/%s", r->dir, pick.file);
    }
    if (!found || read_file(path, res) != 0) {
        res->error = PERR_MISSING;
        snprintf(res->message, sizeof(res->message), "%.200s: no answer recorded for '%.200s'", r->dir, command);
        return -1;
    }
    res->recorded_utc = pick_time(r->dir, file, &pick);
    return 0;
}

static void replay_close(transport_t *t)
{
    free(t);
}

static const transport_ops_t replay_ops = {replay_run, replay_close, NULL};

transport_t *replay_open(const char *dir, const vendor_t *vendor, char *err, size_t errlen)
{
    struct stat st;
    if (stat(dir, &st) != 0 || !S_ISDIR(st.st_mode)) {
        snprintf(err, errlen, "%s: %s", dir, stat(dir, &st) != 0 ? strerror(errno) : "not a directory");
        return NULL;
    }
    replay_t *r = calloc(1, sizeof(*r));
    if (!r) {
        snprintf(err, errlen, "out of memory");
        return NULL;
    }
    r->base.ops = &replay_ops;
    r->base.vendor = vendor;
    snprintf(r->dir, sizeof(r->dir), "%s", dir);
    return &r->base;
}
