/* demo.h: the bundled scenarios as the demo's device list.  Each directory under the
 * scenarios root that holds a device.ini is one entry: its name, the device it records, the
 * vendor, and the runbook and cause its `; expect:` comment names (scenarios/README.md). */
#ifndef ERDIAG_TUI_DEMO_H
#define ERDIAG_TUI_DEMO_H

#include <stdbool.h>
#include <stddef.h>

#include "core/inventory.h"
#include "framework/runbook.h"

#define DEMO_DEFAULT "demo-flap-ios"

typedef struct {
    char name[128]; /* the directory's name */
    char dir[1024]; /* its path */
    char device[INV_NAME_LEN];
    char vendor[16];
    runbook_id_t runbook; /* from `; expect: RUNBOOK CAUSE` (bgp when it says none) */
    char expect[64];      /* the expected cause, "" when not said */
    /* The asymmetric runbook's saved files, when the scenario has them ("" otherwise). */
    char reverse_trace[1100], azure_routes[1100];
} demo_scenario_t;

/* Reads every scenario under root, sorted by name, into a new array (*out, freed with free());
 * a directory whose device.ini does not load is left out.  0, or -1 with err set when root
 * cannot be read. */
int demo_list(const char *root, demo_scenario_t **out, size_t *n, char *err, size_t errlen);
/* The scenario called name, or NULL. */
const demo_scenario_t *demo_find(const demo_scenario_t *list, size_t n, const char *name);

#endif
