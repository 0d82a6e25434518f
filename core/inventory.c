/* inventory.c: loading an inventory (read, then resolve: core/inventory_int.h) and finding
 * what it holds. */
#include "core/inventory.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/datadir.h"
#include "core/inventory_int.h"

static void loader_free(inv_loader_t *ld)
{
    for (size_t i = 0; i < ld->n_sections; i++) {
        for (size_t k = 0; k < ld->sections[i].n_entries; k++) {
            free(ld->sections[i].entries[k].key);
            free(ld->sections[i].entries[k].value);
        }
        free(ld->sections[i].entries);
    }
    free(ld->sections);
    for (size_t i = 0; i < ld->n_names; i++)
        free(ld->names[i]);
    free(ld->names);
}

/* After reading (read_rc): the devices resolved, or inv emptied with the error in err. */
static int finish(inv_loader_t *ld, int read_rc, char *err, size_t errlen)
{
    int rc = read_rc;
    if (rc == 0 && inv_resolve(ld) != 0) {
        snprintf(err, errlen, "%s", ld->err);
        rc = -1;
    }
    if (rc != 0)
        inventory_free(ld->inv);
    loader_free(ld);
    return rc == 0 ? 0 : -1;
}

int inventory_load(inventory_t *inv, const char *path, char *err, size_t errlen)
{
    memset(inv, 0, sizeof(*inv));
    snprintf(inv->path, sizeof(inv->path), "%s", path);
    inv_loader_t ld = {.inv = inv};
    return finish(&ld, inv_read_file(&ld, path, err, errlen), err, errlen);
}

int inventory_load_string(inventory_t *inv, const char *name, const char *text, char *err, size_t errlen)
{
    memset(inv, 0, sizeof(*inv));
    snprintf(inv->path, sizeof(inv->path), "%s", name);
    inv_loader_t ld = {.inv = inv};
    return finish(&ld, inv_read_string(&ld, name, text, err, errlen), err, errlen);
}

void inventory_free(inventory_t *inv)
{
    free(inv->devices);
    inv->devices = NULL;
    inv->n_devices = 0;
    free(inv->groups);
    inv->groups = NULL;
    inv->n_groups = 0;
}

const device_t *inventory_find(const inventory_t *inv, const char *name)
{
    for (size_t i = 0; i < inv->n_devices; i++)
        if (strcmp(inv->devices[i].name, name) == 0)
            return &inv->devices[i];
    return NULL;
}

const inv_group_t *inventory_find_group(const inventory_t *inv, const char *name)
{
    for (size_t i = 0; i < inv->n_groups; i++)
        if (strcmp(inv->groups[i].name, name) == 0)
            return &inv->groups[i];
    return NULL;
}

bool inventory_circuit_first(const inventory_t *inv, size_t i)
{
    const char *circuit = inv->devices[i].circuit;
    for (size_t k = 0; k < i && circuit[0]; k++)
        if (strcmp(inv->devices[k].circuit, circuit) == 0)
            return false;
    return circuit[0] != '\0';
}

void inventory_default_path(char *buf, size_t size)
{
    char dir[4096];
    datadir_config(dir, sizeof(dir));
    snprintf(buf, size, "%s/inventory.ini", dir);
}
