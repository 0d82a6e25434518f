/* record.c: a transport that passes commands to another and saves every answer, in the layout
 * replay.c reads back: DIR/<probe>.txt for probes (a later poll of the same probe replaces it),
 * DIR/cmd-N.txt for free-form commands (the first free N: an earlier run's files stay), and
 * DIR/index.tsv mapping each command to its file.  The files are written by record_dir.c. */
#include <stdio.h>
#include <stdlib.h>

#include "probes/record_dir.h"
#include "probes/transport.h"

typedef struct {
    transport_t base;
    transport_t *inner;
    record_dir_t *dir; /* the caller's */
} recorder_t;

static int save(recorder_t *r, probe_id_t probe, const char *command, const cmd_result_t *res, char *err,
                size_t errlen)
{
    char file[64];
    int rc;
    if (probe < PROBE_COUNT) {
        probe_file_name(probe, vendor_command_family(r->base.vendor, command), file, sizeof(file));
        rc = record_dir_capture(r->dir, file, res->output, res->len, err, errlen);
    } else {
        rc = record_dir_capture_new(r->dir, "cmd", file, sizeof(file), res->output, res->len, err, errlen);
    }
    return rc == 0 ? record_dir_index(r->dir, command, file, err, errlen) : rc;
}

static int record_run(transport_t *t, probe_id_t probe, const char *command, cmd_result_t *res)
{
    recorder_t *r = (recorder_t *)t;
    int rc = transport_run(r->inner, probe, command, res);
    if (rc != 0 || !res->output)
        return rc;
    if (probe >= PROBE_COUNT)
        probe = vendor_probe_for_command(t->vendor, command);
    /* The answer itself is fine; the recording is not, and the caller must tell the user. */
    save(r, probe, command, res, res->record_error, sizeof(res->record_error));
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

transport_t *record_open(transport_t *inner, record_dir_t *dir, char *err, size_t errlen)
{
    recorder_t *r = calloc(1, sizeof(*r));
    if (!r) {
        snprintf(err, errlen, "out of memory");
        return NULL;
    }
    r->base.ops = &record_ops;
    r->base.vendor = inner->vendor;
    r->inner = inner;
    r->dir = dir;
    return &r->base;
}
