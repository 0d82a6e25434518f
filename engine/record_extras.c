/* record_extras.c: what the recording transport cannot keep by itself, written when the
 * collection is over: the second command of a probe asked twice with different arguments,
 * both polls of a probe polled twice, every poll's UTC time (polls.tsv) and the console host's
 * TCP test (tcp_console.txt).  A replay reads them back. */
#include <stdio.h>
#include <string.h>

#include "engine/internal.h"

/* Another job asked the same probe with another command (the two route lookups). */
static bool probe_shared(const engine_t *e, int i)
{
    for (int k = 0; k < e->n_jobs; k++)
        if (k != i && e->jobs[k].req.probe == e->jobs[i].req.probe && e->jobs[k].dev == e->jobs[i].dev &&
            strcmp(e->jobs[k].command, e->jobs[i].command) != 0)
            return true;
    return false;
}

/* The recorder keeps one file per probe: a second command of the same probe overwrites the
 * first's answer, so each such command gets its own file and index line. */
static int record_shared(const engine_t *e, char *err, size_t errlen)
{
    char name[96];
    for (int i = 0; i < e->n_jobs; i++) {
        const engine_job_t *j = &e->jobs[i];
        if (j->dev != e->dev || !probe_reply_ok(j->reply[0]) || !probe_shared(e, i))
            continue;
        snprintf(name, sizeof(name), "%s-%d.txt", probe_name(j->req.probe), i);
        if (record_dir_capture(e->rec[0], name, j->reply[0]->result.output, j->reply[0]->result.len, err, errlen) != 0 ||
            record_dir_index(e->rec[0], j->command, name, err, errlen) != 0)
            return -1;
    }
    return 0;
}

/* The file a recording keeps job i's poll k in (record_shared names the shared ones). */
static void poll_file(const engine_t *e, int i, int k, char *name, size_t size)
{
    const engine_job_t *j = &e->jobs[i];
    if (probe_shared(e, i))
        snprintf(name, size, "%s-%d.txt", probe_name(j->req.probe), i);
    else
        snprintf(name, size, k ? "%s.%d.txt" : "%s.txt", probe_name(j->req.probe), k + 1);
}

/* A probe polled twice would keep only its second answer: both polls are written here as
 * <probe>.txt and <probe>.2.txt (what --replay reads), and every answer's UTC time goes into
 * polls.tsv (so a replay computes rates over the real interval). */
static int record_polls(const engine_t *e, char *err, size_t errlen)
{
    static char names[ENGINE_MAX_JOBS * 2][96];
    record_poll_t polls[ENGINE_MAX_JOBS * 2];
    size_t n = 0;
    for (int i = 0; i < e->n_jobs; i++) {
        const engine_job_t *j = &e->jobs[i];
        for (int k = 0; k < j->done && k < 2 && j->dev == e->dev; k++) {
            if (!probe_reply_ok(j->reply[k]) || j->utc[k] <= 0)
                continue;
            poll_file(e, i, k, names[n], sizeof(names[n]));
            if (j->wanted == 2 && probe_reply_ok(j->reply[1]) &&
                record_dir_capture(e->rec[0], names[n], j->reply[k]->result.output, j->reply[k]->result.len, err,
                                   errlen) != 0)
                return -1;
            polls[n] = (record_poll_t){probe_name(j->req.probe), k + 1, names[n], j->utc[k]};
            n++;
        }
    }
    return record_dir_polls(e->rec[0], polls, n, err, errlen);
}

/* The console's TCP test, one word: tcp_console.txt. */
static int record_console(const engine_t *e, char *err, size_t errlen)
{
    char word[32];
    if (!e->ev.has_console_tcp)
        return 0;
    snprintf(word, sizeof(word), "%s\n", tcp_result_name(e->ev.console_tcp.result));
    return record_dir_write(e->rec[0], console_tcp_file(e), word, strlen(word), err, errlen);
}

void record_extras(engine_t *e)
{
    char err[700];
    if (record_shared(e, err, sizeof(err)) != 0 || record_polls(e, err, sizeof(err)) != 0 ||
        record_console(e, err, sizeof(err)) != 0) {
        engine_warn(e, "recording failed: %s", err);
        e->record_failed = true;
    }
}
