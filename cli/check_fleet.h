/* check_fleet.h: `erdiag check --all | DEVICE DEVICE...`: the runbook on many devices at once
 * (engine/fleet.c), one line per device worst first, or JSON Lines (one verdict per device,
 * then a summary); exit with the worst status. */
#ifndef ERDIAG_CHECK_FLEET_H
#define ERDIAG_CHECK_FLEET_H

#include <stdbool.h>
#include <stddef.h>

#include "engine/fleet.h"

typedef struct {
    fleet_opts_t fleet;   /* base engine options (runbook, inventory, replay, interval, journal) */
    bool all;             /* every device of the inventory (linux hosts aside) */
    const char *group;    /* the members of this inventory group */
    char *const *devices; /* the devices named (borrowed) */
    size_t n_devices;
    bool json;
} check_fleet_t;

/* Runs and prints; returns the exit status (the worst, 3 when nothing could be run). */
int check_fleet(const check_fleet_t *f);

#endif
