/* vendor_names.h: the names a platform goes by.  Engineers write a platform the way their other
 * tools do (Netmiko's cisco_ios, NAPALM's nxos_ssh, "ios-xe"); erdiag keeps one canonical name
 * per platform.  One table serves `erdiag parse --vendor` (parsers/registry.c) and the
 * inventory's `vendor =` (core/inventory_keys.c), so the two never accept different names. */
#ifndef ERDIAG_VENDOR_NAMES_H
#define ERDIAG_VENDOR_NAMES_H

/* The canonical name (ios nxos iosxr eos junos frr linux windows azure) of name, which is that
 * name or an alias of it, compared ignoring case; NULL when name is neither.  The result is a
 * static string. */
const char *vendor_canonical(const char *name);

#endif
