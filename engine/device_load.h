/* device_load.h: the device a session works on: from the inventory (--inventory FILE or the
 * default path), or from DIR/device.ini when replaying without --inventory. */
#ifndef ERDIAG_ENGINE_DEVICE_LOAD_H
#define ERDIAG_ENGINE_DEVICE_LOAD_H

#include <stddef.h>

#include "core/inventory.h"

/* Loads inv and points *dev at the device called name.  A replayed directory must record
 * that device (its device.ini names it): the captures of ce1 played as ce2 are refused, not
 * silently judged against ce1's expectations.  Returns 0, or -1 with the reason in err: a
 * device name that looks mistyped gets the closest one suggested, and a missing default
 * inventory says where erdiag looked and how to point it elsewhere.  What the inventory warns
 * about is in inv->warning.  inv is the caller's to free (also after a failure). */
int device_load(const char *replay, const char *inventory, const char *name, inventory_t *inv, const device_t **dev,
                char *err, size_t errlen);
/* Loads the inventory named (NULL: the default path) into inv, whose file path gets (size
 * bytes).  0, or -1 with the reason in err; a missing default inventory says where erdiag
 * looked and how to point it elsewhere.  inv is the caller's to free (also after a failure). */
int device_load_inventory(const char *inventory, inventory_t *inv, char *path, size_t size, char *err, size_t errlen);

#endif
