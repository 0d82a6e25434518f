/* device.c: finding the device of `erdiag run` and `erdiag check`. */
#include "cli/device.h"

#include <stdio.h>

#include "core/sanitize.h"

int cli_load_device(const char *who, const char *replay, const char *inventory, const char *name, inventory_t *inv,
                    const device_t **dev)
{
    char path[1100], err[600];
    if (replay)
        snprintf(path, sizeof(path), "%s/device.ini", replay);
    else if (inventory)
        snprintf(path, sizeof(path), "%s", inventory);
    else
        inventory_default_path(path, sizeof(path));
    if (inventory_load(inv, path, err, sizeof(err)) != 0) {
        sanitize_fprintf(stderr, "erdiag %s: %s\n", who, err);
        return -1;
    }
    if (inv->warning[0])
        sanitize_fprintf(stderr, "erdiag %s: warning: %s\n", who, inv->warning);
    *dev = inventory_find(inv, name);
    if (!*dev && replay && inv->n_devices == 1)
        *dev = &inv->devices[0]; /* a scenario holds one device, whatever it was called */
    if (!*dev) {
        sanitize_fprintf(stderr, "erdiag %s: no device '%s' in %s\n", who, name, path);
        return -1;
    }
    return 0;
}
