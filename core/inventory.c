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

bool device_has_family(const device_t *d, family_t f)
{
    bool six = d->has_subnet6 || d->has_peer_ip6;
    if (f == FAMILY_IPV6)
        return six;
    return d->has_subnet || d->has_peer_ip || d->has_local_ip || !six;
}

int device_families(const device_t *d, family_t out[2])
{
    int n = 0;
    if (device_has_family(d, FAMILY_IPV4))
        out[n++] = FAMILY_IPV4;
    if (device_has_family(d, FAMILY_IPV6))
        out[n++] = FAMILY_IPV6;
    return n;
}

/* Keeps the prefixes of family f in list[0..*n), in order. */
static void keep_family(ip_prefix_t *list, int *n, family_t f)
{
    int w = 0;
    for (int i = 0; i < *n; i++)
        if (list[i].addr.family == (int)f)
            list[w++] = list[i];
    *n = w;
}

/* A host address of the view's family: the *6 key for IPv6, the plain key when it is of f. */
static void pick_host(bool *has, ip_addr_t *a, bool has6, const ip_addr_t *a6, family_t f)
{
    if (f == FAMILY_IPV6 && has6) {
        *has = true;
        *a = *a6;
    } else if (*has && a->family != (int)f) {
        *has = false;
    }
}

void device_family_view(const device_t *d, family_t f, device_t *out)
{
    *out = *d;
    out->family = f;
    if (f == FAMILY_IPV6) {
        out->has_subnet = d->has_subnet6;
        out->subnet = d->subnet6;
        out->has_local_ip = d->has_local_ip6;
        out->local_ip = d->local_ip6;
        out->has_peer_ip = d->has_peer_ip6;
        out->peer_ip = d->peer_ip6;
    }
    pick_host(&out->has_onprem_source, &out->onprem_source, d->has_onprem_source6, &d->onprem_source6, f);
    pick_host(&out->has_azure_vm, &out->azure_vm, d->has_azure_vm6, &d->azure_vm6, f);
    keep_family(out->expect_prefixes, &out->n_expect_prefixes, f);
}
