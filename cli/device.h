/* device.h: the device a subcommand works on: from DIR/device.ini when replaying, else from the
 * inventory (--inventory FILE or the default path). */
#ifndef ERDIAG_CLI_DEVICE_H
#define ERDIAG_CLI_DEVICE_H

#include "core/inventory.h"

/* Loads inv and points *dev at the device called name (a replayed scenario's only device
 * answers to any name).  Returns 0, or -1 after telling the user why on stderr, prefixed
 * "erdiag WHO: ".  inv is the caller's to free. */
int cli_load_device(const char *who, const char *replay, const char *inventory, const char *name, inventory_t *inv,
                    const device_t **dev);

#endif
