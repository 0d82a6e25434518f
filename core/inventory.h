/* inventory.h: devices, how to reach them, and what their circuit is expected to look like.
 *
 * Read from INI (inih): a [defaults] section, [group NAME] sections and one [device NAME]
 * section per router or host.  A device's own keys win over those of the groups it names
 * (`group = a, b`: b's over a's), which win over [defaults]; where a section stands in the
 * files does not matter.  `include = PATTERN` lines before a file's first section read more
 * files at that point (core/inventory_read.c).  Every bad value is refused at load with
 * "file:line: what is wrong" (the first bad line in reading order), and so is an inventory whose
 * expectations contradict each other (a peer outside its subnet, local AS equal to peer AS on
 * an eBGP circuit), a device or group defined twice, an unknown group, a line too long for inih
 * (it would be split into a second key) and a file that is not a regular file of at most
 * INV_MAX_FILE bytes.  Values are data: each has a strict shape (core/inventory_values.h) and
 * none ever reaches a shell as written. */
#ifndef ERDIAG_INVENTORY_H
#define ERDIAG_INVENTORY_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#include "core/prefix.h"

#define INV_NAME_LEN 64
#define INV_TEXT_LEN 256
#define INV_MAX_PREFIXES 32
#define INV_MAX_FILE (1024 * 1024)
#define INV_MAX_GROUPS 8       /* groups one device may name */
#define INV_MAX_INCLUDE_DEPTH 4 /* a file included by a file included by ... 4 levels */

typedef enum { PEERING_PRIVATE = 0, PEERING_MICROSOFT } peering_t;
typedef enum { LINK_PRIMARY = 0, LINK_SECONDARY } link_role_t;
typedef enum { SKU_STANDARD = 0, SKU_PREMIUM, SKU_LOCAL } circuit_sku_t; /* Premium: 10,000 private-peering routes */

typedef struct {
    char name[INV_NAME_LEN];
    /* connection */
    char host[INV_TEXT_LEN];
    int port;                 /* 0 = from ~/.ssh/config or 22 */
    char user[INV_NAME_LEN];
    char vendor[16];          /* ios | nxos | iosxr | eos | junos | frr | linux */
    char identity[INV_TEXT_LEN];
    char password_command[INV_TEXT_LEN];
    char jump[INV_TEXT_LEN];
    char known_hosts[INV_TEXT_LEN];
    int timeout_s;            /* connect and per-command timeout */
    bool exec_mode;           /* one SSH exec channel per command instead of an interactive shell */
    /* circuit expectations */
    char circuit[INV_NAME_LEN];
    char operator[INV_NAME_LEN];  /* who runs the sessions, for incident reports (default: $USER) */
    peering_t peering;
    link_role_t link;
    circuit_sku_t sku;
    /* The IPv4 peering (subnet, local_ip, peer_ip) and the IPv6 one on the same link (subnet6,
     * local_ip6, peer_ip6: a /126).  A runbook judges one family at a time, through
     * device_family_view(), which puts the family's values in subnet/local_ip/peer_ip. */
    bool has_subnet, has_local_ip, has_peer_ip;
    ip_prefix_t subnet;
    ip_addr_t local_ip, peer_ip;
    bool has_subnet6, has_local_ip6, has_peer_ip6;
    ip_prefix_t subnet6;
    ip_addr_t local_ip6, peer_ip6;
    family_t family;          /* the family a view judges; FAMILY_IPV4 as loaded */
    char vrf[INV_NAME_LEN];
    int64_t local_as, peer_as;
    int hold_time, keepalive;
    bool md5_expected;
    bool bfd_expected;
    ip_prefix_t expect_prefixes[INV_MAX_PREFIXES];
    int n_expect_prefixes;
    int route_limit;
    bool has_onprem_source, has_azure_vm;
    ip_addr_t onprem_source, azure_vm;
    bool has_onprem_source6, has_azure_vm6;
    ip_addr_t onprem_source6, azure_vm6;
    char reverse_from[INV_NAME_LEN];
    char interface[INV_NAME_LEN]; /* optional: the interface holding the peering subnet */
    char groups[INV_MAX_GROUPS][INV_NAME_LEN]; /* as `group =` names them, in order */
    int n_groups;
    char file[INV_TEXT_LEN];      /* the file holding the [device] section */
    int line;                     /* where the [device] section starts */
} device_t;

typedef struct {
    char name[INV_NAME_LEN];
    char file[INV_TEXT_LEN]; /* where the [group] section is */
    int line;
    size_t n_members;        /* devices that name it */
} inv_group_t;

typedef struct {
    char path[INV_TEXT_LEN];
    device_t *devices;       /* in reading order (an include's devices where it stands) */
    size_t n_devices;
    inv_group_t *groups;     /* in reading order */
    size_t n_groups;
    /* Not an error, for the caller to show once: the file holds password_command or identity
     * and group or others may read or write it.  "" when there is nothing to say. */
    char warning[INV_TEXT_LEN + 200];
} inventory_t;

/* Loads path (and the files it includes) into inv, which owns what it holds until
 * inventory_free.  Returns 0, or -1 with a message "file:line: reason" in err (inv is then
 * empty). */
int inventory_load(inventory_t *inv, const char *path, char *err, size_t errlen);
/* The same from a string (tests, the demo, a journal's devices); name is what error messages
 * call it.  Such a text has no directory: an include in it is refused, never resolved. */
int inventory_load_string(inventory_t *inv, const char *name, const char *text, char *err, size_t errlen);
void inventory_free(inventory_t *inv);
const device_t *inventory_find(const inventory_t *inv, const char *name);
const inv_group_t *inventory_find_group(const inventory_t *inv, const char *name);
/* Whether devices[i] is the first device of its circuit in inv (false without a circuit):
 * iterating with it meets each circuit once. */
bool inventory_circuit_first(const inventory_t *inv, size_t i);
/* The families d has a peering for, IPv4 first, into out[2]: IPv4 when any IPv4 peering key is
 * set or no IPv6 one is, IPv6 when subnet6 or peer_ip6 is.  Returns how many (1 or 2). */
int device_families(const device_t *d, family_t out[2]);
/* Whether d has a peering in family f. */
bool device_has_family(const device_t *d, family_t f);
/* d as the runbooks judge family f, written into out (a copy the caller owns): for IPv6 the
 * *6 values stand in subnet/local_ip/peer_ip/onprem_source/azure_vm, and expect_prefixes keeps
 * the family's prefixes only; out->family says which. */
void device_family_view(const device_t *d, family_t f, device_t *out);
/* Whether d names the group. */
bool device_in_group(const device_t *d, const char *group);
/* Writes d as a [device NAME] section that inventory_load reads back (for --record): what a
 * replay needs (host, port, user, vendor, vrf, the circuit's expectations) with its groups and
 * [defaults] already applied (no `group =`: the section stands alone), and nothing about how
 * to log in: never password_command, identity, jump or known_hosts. */
int inventory_write_device(FILE *out, const device_t *d);
/* $XDG_CONFIG_HOME/erdiag/inventory.ini, or ~/.config/erdiag/inventory.ini. */
void inventory_default_path(char *buf, size_t size);

#endif
