/* vendor_names.c: canonical platform names and the aliases other tools use for them. */
#include "core/vendor_names.h"

#include <stddef.h>
#include <strings.h>

static const char *const canonical[] = {"ios", "nxos", "iosxr", "eos", "junos", "frr", "linux", "windows", "azure"};

/* Netmiko's device types, NAPALM's driver names (ios, eos, junos are canonical already;
 * nxos_ssh is its NX-OS over SSH) and the spellings of vendors' own documents. */
static const struct {
    const char *alias, *name;
} aliases[] = {
    {"iosxe", "ios"},         {"ios-xe", "ios"},          {"cisco_ios", "ios"},     {"cisco_xe", "ios"},
    {"cisco_nxos", "nxos"},   {"nx-os", "nxos"},          {"nxos_ssh", "nxos"},     {"xr", "iosxr"},
    {"ios-xr", "iosxr"},      {"cisco_xr", "iosxr"},      {"arista", "eos"},        {"arista_eos", "eos"},
    {"juniper", "junos"},     {"juniper_junos", "junos"}, {"vtysh", "frr"},         {"win", "windows"},
};

const char *vendor_canonical(const char *name)
{
    if (!name)
        return NULL;
    for (size_t i = 0; i < sizeof(canonical) / sizeof(canonical[0]); i++)
        if (strcasecmp(name, canonical[i]) == 0)
            return canonical[i];
    for (size_t i = 0; i < sizeof(aliases) / sizeof(aliases[0]); i++)
        if (strcasecmp(name, aliases[i].alias) == 0)
            return aliases[i].name;
    return NULL;
}
