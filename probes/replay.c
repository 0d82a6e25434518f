/* replay.c: a transport that answers from a recorded scenario directory.  When a probe is asked
 * the same command again, the Nth ask (N >= 2) reads <file>.N.txt if the scenario has it (a
 * second poll of the interface counters), else the same file again.  Each answer carries the
 * time it was polled when DIR/polls.tsv lists its file, so rates are computed over the
 * recorded interval, never over one made up at replay time. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "core/utctime.h"
#include "core/model.h"
#include "probes/command.h"
#include "probes/record_dir.h"
#include "probes/transport.h"

typedef struct {
    transport_t base;
    char dir[1024];
    /* How many times in a row each probe was asked the same command: the Nth ask of a
     * repeated poll (interface counters) is answered from <probe>.N.txt when the scenario has
     * one, so counter growth between two polls can be replayed. */
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

/* index.tsv maps free-form commands to files: "command<TAB>file" per line. */
static bool index_lookup(const char *dir, const char *command, char *file, size_t size)
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
        if (tab && (size_t)(tab - line) == strlen(command) && strncmp(line, command, strlen(command)) == 0 &&
            !strchr(tab + 1, '/')) {
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

/* The Nth ask (N >= 2) of "X.txt" reads "X.N.txt" when it exists, else "X.txt" again. */
static void nth_answer(char *path, size_t size, unsigned n)
{
    size_t len = strlen(path);
    char nth[1500];
    struct stat st;
    if (n < 2 || len < 4 || strcmp(path + len - 4, ".txt") != 0)
        return;
    snprintf(nth, sizeof(nth), "%.*s.%u.txt", (int)(len - 4), path, n);
    if (strlen(nth) < size && stat(nth, &st) == 0 && S_ISREG(st.st_mode))
        snprintf(path, size, "%s", nth);
}

static int replay_run(transport_t *t, probe_id_t probe, const char *command, cmd_result_t *res)
{
    replay_t *r = (replay_t *)t;
    char path[1400], file[256];
    memset(res, 0, sizeof(*res));
    if (!command_allowed(t->vendor, command, res->message, sizeof(res->message))) {
        res->error = PERR_NOT_ALLOWED;
        return -1;
    }
    if (probe >= PROBE_COUNT)
        probe = vendor_probe_for_command(t->vendor, command);
    if (index_lookup(r->dir, command, file, sizeof(file)))
        snprintf(path, sizeof(path), "%s/%s", r->dir, file);
    else if (probe < PROBE_COUNT)
        snprintf(path, sizeof(path), "%s/%s.txt", r->dir, probe_name(probe));
    else
        path[0] = '\0';
    if (path[0])
        nth_answer(path, sizeof(path), count_call(r, probe, command));
    if (!path[0] || read_file(path, res) != 0) {
        res->error = PERR_MISSING;
        snprintf(res->message, sizeof(res->message), "%.200s: no answer recorded for '%.200s'", r->dir, command);
        return -1;
    }
    res->recorded_utc = poll_time(r->dir, path + strlen(r->dir) + 1);
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
