/* device_load.c: finding the device of a session (`erdiag run`, `check`, the console), and
 * saying clearly why when it cannot be found. */
#include "engine/device_load.h"

#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>

#include "core/suggest.h"

/* The default inventory is missing: where erdiag looked, and the way out. */
static void no_default_inventory(const char *path, char *err, size_t errlen)
{
    snprintf(err, errlen,
             "no inventory at %s (erdiag reads $XDG_CONFIG_HOME/erdiag/inventory.ini, or "
             "~/.config/erdiag/inventory.ini when XDG_CONFIG_HOME is unset); write one (erdiag(1), INVENTORY) "
             "or name another with --inventory FILE",
             path);
}

/* "no device 'ce1-nyk' in PATH; did you mean 'ce1-nyc'?" */
static void no_device(const inventory_t *inv, const char *path, const char *name, char *err, size_t errlen)
{
    suggest_t s;
    suggest_init(&s, name);
    for (size_t i = 0; i < inv->n_devices; i++)
        suggest_offer(&s, inv->devices[i].name);
    const char *best = suggest_best(&s);
    snprintf(err, errlen, "no device '%s' in %s%s%s%s", name, path, best ? "; did you mean '" : "", best ? best : "",
             best ? "'?" : "");
}

/* "scenario DIR records device 'ce1', not 'ce2'" (or "devices 'a', 'b'"). */
static void not_recorded(const inventory_t *rec, const char *replay, const char *name, char *err, size_t errlen)
{
    size_t w = (size_t)snprintf(err, errlen, "scenario %s records device%s ", replay, rec->n_devices > 1 ? "s" : "");
    for (size_t i = 0; i < rec->n_devices && w < errlen; i++)
        w += (size_t)snprintf(err + w, errlen - w, "%s'%s'", i ? ", " : "", rec->devices[i].name);
    if (w < errlen)
        snprintf(err + w, errlen - w, "%snot '%s'", rec->n_devices ? ", " : "no device, ", name);
}

/* With --inventory, the device's expectations come from it and the answers from DIR: DIR's
 * device.ini, when there is one, must still name the device. */
static int replay_names(const char *replay, const char *name, char *err, size_t errlen)
{
    char path[1100], why[600];
    struct stat st;
    snprintf(path, sizeof(path), "%s/device.ini", replay);
    if (stat(path, &st) != 0 && errno == ENOENT)
        return 0;
    inventory_t rec;
    int rc = inventory_load(&rec, path, why, sizeof(why));
    if (rc != 0)
        snprintf(err, errlen, "%s", why);
    else if (!inventory_find(&rec, name))
        not_recorded(&rec, replay, name, err, errlen);
    rc = rc != 0 || !inventory_find(&rec, name) ? -1 : 0;
    inventory_free(&rec);
    return rc;
}

int device_load_inventory(const char *inventory, inventory_t *inv, char *path, size_t size, char *err, size_t errlen)
{
    struct stat st;
    memset(inv, 0, sizeof(*inv));
    if (inventory)
        snprintf(path, size, "%s", inventory);
    else
        inventory_default_path(path, size);
    if (!inventory && stat(path, &st) != 0 && errno == ENOENT) {
        no_default_inventory(path, err, errlen);
        return -1;
    }
    return inventory_load(inv, path, err, errlen);
}

int device_load(const char *replay, const char *inventory, const char *name, inventory_t *inv, const device_t **dev,
                char *err, size_t errlen)
{
    char path[1100];
    int rc;
    *dev = NULL;
    memset(inv, 0, sizeof(*inv));
    if (replay && !inventory) {
        snprintf(path, sizeof(path), "%s/device.ini", replay);
        rc = inventory_load(inv, path, err, errlen);
    } else {
        rc = device_load_inventory(inventory, inv, path, sizeof(path), err, errlen);
    }
    if (rc != 0)
        return -1;
    *dev = inventory_find(inv, name);
    if (!*dev && replay && !inventory)
        not_recorded(inv, replay, name, err, errlen);
    else if (!*dev)
        no_device(inv, path, name, err, errlen);
    else if (replay && inventory && replay_names(replay, name, err, errlen) != 0)
        *dev = NULL;
    return *dev ? 0 : -1;
}
