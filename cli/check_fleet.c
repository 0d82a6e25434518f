/* check_fleet.c: the fleet front end of `erdiag check` (see check_fleet.h).  Collection is
 * engine/fleet.c's; this file chooses the devices and prints the rows. */
#include "cli/check_fleet.h"

#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cli/cli.h"
#include "cli/tty.h"
#include "core/clock.h"
#include "core/redact.h"
#include "core/sanitize.h"
#include "core/utctime.h"
#include "engine/journal_source.h"
#include "report/verdict.h"
#include "report/wrap.h"

#define FLEET_UNKNOWN 3

typedef struct {
    inventory_t inv;
    const char **names;
    size_t n;
} chosen_t;

/* The devices to run: those named, or every device of the inventory (--all; the linux hosts
 * that trace back from Azure VMs are not edges), or a group's members. */
static int choose(const check_fleet_t *f, chosen_t *c)
{
    char path[1100], err[1200];
    const char *replay = f->fleet.base.replay;
    if (f->fleet.base.inventory)
        snprintf(path, sizeof(path), "%s", f->fleet.base.inventory);
    else if (replay && !journal_source_is_file(replay))
        snprintf(path, sizeof(path), "%s/device.ini", replay); /* what a replayed directory records */
    else
        inventory_default_path(path, sizeof(path));
    if (inventory_load(&c->inv, path, err, sizeof(err)) != 0) {
        sanitize_fprintf(stderr, "erdiag check: %s\n", err);
        return -1;
    }
    c->names = calloc(c->inv.n_devices + f->n_devices + 1, sizeof(*c->names));
    if (!c->names)
        return -1;
    for (size_t i = 0; i < f->n_devices; i++)
        c->names[c->n++] = f->devices[i];
    if (f->group && !inventory_find_group(&c->inv, f->group)) {
        sanitize_fprintf(stderr, "erdiag check: no group '%s' in %s\n", f->group, path);
        return -1;
    }
    for (size_t i = 0; (f->all || f->group) && i < c->inv.n_devices; i++)
        if (strcmp(c->inv.devices[i].vendor, "linux") != 0 && (!f->group || device_in_group(&c->inv.devices[i], f->group)))
            c->names[c->n++] = c->inv.devices[i].name;
    if (c->n == 0)
        sanitize_fprintf(stderr, "erdiag check: no device to check in %s\n", path);
    return c->n ? 0 : -1;
}

static const char *jump_of(void *ud, const char *name)
{
    const device_t *d = inventory_find(ud, name);
    return d ? d->jump : NULL;
}

/* ---- text: one line per device, worst first ---- */

static void print_row(const fleet_row_t *r)
{
    char what[1200];
    /* The deciding line says most in a line; without one, the finding (an error in words). */
    snprintf(what, sizeof(what), "%s", r->evidence[0] ? r->evidence : r->finding);
    redact_inplace(what, sizeof(what));
    sanitize_fprintf(stdout, "%-8s %-16s %-14s %-9s %-22s %s\n", r->status, r->device, r->circuit[0] ? r->circuit : "-",
                     r->link && r->link[0] ? r->link : "-", r->cause, what);
}

static void print_text(const fleet_row_t *rows, size_t n, double seconds)
{
    int count[4] = {0};
    sanitize_fprintf(stdout, "%-8s %-16s %-14s %-9s %-22s %s\n", "STATUS", "DEVICE", "CIRCUIT", "LINK", "ROOT CAUSE",
                     "FIRST EVIDENCE (or why not)");
    for (size_t i = 0; i < n; i++) {
        print_row(&rows[i]);
        count[rows[i].exit_code & 3]++;
    }
    printf("%zu devices: %d CRITICAL, %d UNKNOWN, %d WARNING, %d OK in %.1f s\n", n, count[2], count[3], count[1],
           count[0], seconds);
}

/* ---- JSON Lines: the verdict contract per device, then a summary ---- */

static void print_json_row(const check_fleet_t *f, const fleet_row_t *r)
{
    verdict_meta_t m = {.device = r->device, .vendor = r->vendor[0] ? r->vendor : NULL, .peer = r->peer,
                        .runbook = runbook_name(f->fleet.base.runbook), .collect_s = r->seconds, .utc = utc_now()};
    json_t *o = r->result ? verdict_json(&m, r->result) : verdict_json_error(&m, r->step, r->cause, r->finding);
    if (o && r->journal[0])
        json_object_set_new(o, "journal", json_string(r->journal));
    if (o)
        json_dumpf(o, stdout, JSON_COMPACT | JSON_PRESERVE_ORDER | JSON_ENSURE_ASCII);
    fputc('\n', stdout);
    json_decref(o);
}

static void print_json(const check_fleet_t *f, const fleet_row_t *rows, size_t n, int worst, double seconds)
{
    int count[4] = {0};
    for (size_t i = 0; i < n; i++) {
        print_json_row(f, &rows[i]);
        count[rows[i].exit_code & 3]++;
    }
    json_t *s = json_pack("{s:{s:i, s:s, s:i, s:i, s:i, s:i, s:i, s:f}}", "summary", "devices", (int)n, "status",
                          worst == 2 ? "CRITICAL" : worst == 3 ? "UNKNOWN" : worst == 1 ? "WARNING" : "OK", "exit_code", worst,
                          "critical", count[2], "unknown", count[3], "warning", count[1], "ok", count[0], "seconds", seconds);
    json_dumpf(s, stdout, JSON_COMPACT | JSON_PRESERVE_ORDER);
    fputc('\n', stdout);
    json_decref(s);
}

int check_fleet(const check_fleet_t *f)
{
    chosen_t c = {0};
    if (choose(f, &c) != 0) {
        free(c.names);
        inventory_free(&c.inv);
        return FLEET_UNKNOWN;
    }
    fleet_row_t *rows = calloc(c.n, sizeof(*rows));
    if (!rows) {
        free(c.names);
        inventory_free(&c.inv);
        return FLEET_UNKNOWN;
    }
    double start = clock_now_s();
    int worst = fleet_run(&f->fleet, c.names, c.n, jump_of, &c.inv, rows);
    double seconds = clock_now_s() - start;
    fleet_sort(rows, c.n);
    if (f->json)
        print_json(f, rows, c.n, worst, seconds);
    else
        print_text(rows, c.n, seconds);
    fflush(stdout);
    fleet_rows_free(rows, c.n);
    free(rows);
    free(c.names);
    inventory_free(&c.inv);
    return worst;
}
