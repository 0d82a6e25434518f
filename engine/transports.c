/* transports.c: the devices a session talks to (the device, and the host that traces back
 * from the Azure VM) and how each one's transport opens: SSH, a replayed recording, either one
 * wrapped by the recorder. */
#include <stdio.h>
#include <string.h>

#include "engine/internal.h"
#include "probes/ssh.h"

/* The host that traces back from the Azure VM: the device's reverse_from, a Linux host. */
void transports_find_reverse(engine_t *e)
{
    const device_t *d = e->dev;
    if (e->o.runbook != RUNBOOK_ASYM || e->o.reverse_trace || !d->reverse_from[0])
        return;
    const device_t *r = inventory_find(&e->inv, d->reverse_from);
    if (!r || strcmp(r->vendor, "linux") != 0 || !d->has_onprem_source) {
        engine_warn(e, "reverse_from '%s': %s; no reverse trace", d->reverse_from,
                    !r ? "no such device in the inventory"
                       : strcmp(r->vendor, "linux") ? "not a linux device"
                                                    : "the device has no onprem_source to trace to");
        return;
    }
    e->rev_dev = r;
}

/* Runs in the device's worker thread: connects may take seconds, and a question to the person
 * (host key, password) waits there for the answer, never on the caller's thread. */
static transport_t *open_device(void *ud, const device_t *dev, probe_error_t *err, char *msg, size_t msglen)
{
    factory_ctx_t *f = ud;
    const vendor_t *v = vendor_find(dev->vendor);
    transport_t *t;
    if (f->source) {
        t = journal_transport_open(f->source, dev->name, v, msg, msglen);
        *err = PERR_INTERNAL;
    } else if (f->replay_dir[0]) {
        t = replay_open(f->replay_dir, v, msg, msglen);
        *err = PERR_MISSING;
    } else {
        ssh_opts_t so = {.device = dev, .accept_new = f->engine->o.accept_new, .confirm_hostkey = questions_hostkey,
                         .ask_secret = questions_secret, .ud = f->engine};
        t = ssh_open(&so, err, msg, msglen);
    }
    if (t && f->record) {
        transport_t *rec = record_open(t, f->record, msg, msglen);
        if (!rec) {
            transport_close(t);
            *err = PERR_INTERNAL;
        }
        t = rec;
    }
    return t;
}

/* --record DIR: DIR/device.ini (the device, and the reverse_from host so a replay finds it),
 * and DIR/<that host>/ for its answers (as --replay reads them).  Before anything connects. */
static int prepare_record(engine_t *e)
{
    char err[700];
    const device_t *devs[2] = {e->loaded, e->rev_dev};
    e->rec[0] = record_dir_open(e->o.record, err, sizeof(err));
    if (!e->rec[0] || record_dir_devices(e->rec[0], devs, e->rev_dev ? 2 : 1, err, sizeof(err)) != 0 ||
        (e->rev_dev && !(e->rec[1] = record_dir_sub(e->rec[0], e->rev_dev->name, err, sizeof(err)))))
        return engine_fail(e, "none", "record_failed", "cannot record: %s", err);
    e->fctx[0].record = e->rec[0];
    e->fctx[1].record = e->rec[1];
    return 0;
}

static void factory_dirs(engine_t *e, int i, const device_t *d)
{
    factory_ctx_t *f = &e->fctx[i];
    f->engine = e;
    f->source = e->source;
    const char *base = e->source ? NULL : e->o.replay;
    if (base && i == 0)
        snprintf(f->replay_dir, sizeof(f->replay_dir), "%s", base);
    else if (base)
        snprintf(f->replay_dir, sizeof(f->replay_dir), "%.900s/%s", base, d->name);
}

int transports_start(engine_t *e)
{
    factory_dirs(e, 0, e->dev);
    if (e->rev_dev)
        factory_dirs(e, 1, e->rev_dev);
    if (e->o.record && prepare_record(e) != 0)
        return -1;
    e->runner = runner_new();
    if (!e->runner || runner_add_device(e->runner, e->dev, open_device, &e->fctx[0]) != 0 ||
        (e->rev_dev && runner_add_device(e->runner, e->rev_dev, open_device, &e->fctx[1]) != 0))
        return engine_fail(e, "none", "internal_error", "cannot start the session runner");
    return 0;
}
