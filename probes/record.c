/* record.c: a transport that passes commands to another and saves every answer, in the layout
 * replay.c reads back: DIR/<probe>.txt for probes, DIR/cmd-N.txt for free-form commands, and
 * DIR/index.tsv mapping each command to its file. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "core/redact.h"
#include "probes/transport.h"

typedef struct {
    transport_t base;
    transport_t *inner;
    char dir[1024];
    int free_form; /* counter for cmd-N.txt */
} recorder_t;

/* The one place a recording's files are written: a recording leaves this machine (tickets,
 * training), so secrets never go into it. */
int record_write_file(const char *dir, const char *name, const char *text, size_t len)
{
    char path[1400];
    snprintf(path, sizeof(path), "%s/%s", dir, name);
    size_t n;
    char *clean = redact_text(text, len, &n);
    FILE *f = clean ? fopen(path, "wb") : NULL;
    if (!f) {
        free(clean);
        return -1;
    }
    int rc = fwrite(clean, 1, n, f) == n ? 0 : -1;
    free(clean);
    return fclose(f) == 0 ? rc : -1;
}

static int save(recorder_t *r, const char *file, const char *command, const cmd_result_t *res)
{
    char path[1400];
    if (record_write_file(r->dir, file, res->output, res->len) != 0)
        return -1;
    snprintf(path, sizeof(path), "%s/index.tsv", r->dir);
    FILE *f = fopen(path, "a");
    if (!f)
        return -1;
    fprintf(f, "%s\t%s\n", command, file);
    return fclose(f);
}

static int record_run(transport_t *t, probe_id_t probe, const char *command, cmd_result_t *res)
{
    recorder_t *r = (recorder_t *)t;
    int rc = transport_run(r->inner, probe, command, res);
    if (rc != 0 || !res->output)
        return rc;
    char file[64];
    if (probe >= PROBE_COUNT)
        probe = vendor_probe_for_command(t->vendor, command);
    if (probe < PROBE_COUNT)
        snprintf(file, sizeof(file), "%s.txt", probe_name(probe));
    else
        snprintf(file, sizeof(file), "cmd-%d.txt", ++r->free_form);
    if (save(r, file, command, res) != 0) {
        /* The answer itself is fine; the recording is not, and the user must know. */
        snprintf(res->message, sizeof(res->message), "recording to %.300s failed: %s", r->dir, strerror(errno));
    }
    return 0;
}

static void record_close(transport_t *t)
{
    recorder_t *r = (recorder_t *)t;
    transport_close(r->inner);
    free(r);
}

static int record_keepalive(transport_t *t)
{
    return transport_keepalive(((recorder_t *)t)->inner);
}

static const transport_ops_t record_ops = {record_run, record_close, record_keepalive};

transport_t *record_open(transport_t *inner, const char *dir, char *err, size_t errlen)
{
    if (mkdir(dir, 0755) != 0 && errno != EEXIST) {
        snprintf(err, errlen, "%s: %s", dir, strerror(errno));
        return NULL;
    }
    recorder_t *r = calloc(1, sizeof(*r));
    if (!r) {
        snprintf(err, errlen, "out of memory");
        return NULL;
    }
    r->base.ops = &record_ops;
    r->base.vendor = inner->vendor;
    r->inner = inner;
    snprintf(r->dir, sizeof(r->dir), "%s", dir);
    return &r->base;
}
