/* inventory_int.h: the inventory loader's insides, shared by its files (not for other layers).
 *
 * Loading is two passes.  Reading (inventory_read.c) runs inih over each file, includes where
 * they stand, checks every value as it is read (so that a bad value stops the reading at its own
 * line, the first bad line) and keeps each section's keys as written.  Resolving
 * (inventory_resolve.c) then builds each device from [defaults], its groups and its own keys, in
 * that order, wherever those sections stood, and checks what only the whole device can show:
 * an unknown group, a peer outside its subnet, a missing host. */
#ifndef ERDIAG_INVENTORY_INT_H
#define ERDIAG_INVENTORY_INT_H

#include <stdbool.h>
#include <stddef.h>

#include "core/inventory.h"

typedef enum { INV_SEC_DEFAULTS, INV_SEC_GROUP, INV_SEC_DEVICE } inv_sec_kind_t;

/* Where something was read: the file (borrowed from the loader's names), its line, and the
 * order of reading over all files (an include's lines come where the include stands). */
typedef struct {
    const char *file;
    int line;
    long seq;
} inv_pos_t;

typedef struct {
    char *key, *value; /* owned */
    inv_pos_t pos;
} inv_entry_t;

typedef struct {
    inv_sec_kind_t kind;
    char name[INV_NAME_LEN]; /* "" for [defaults] */
    inv_pos_t pos;           /* the header */
    inv_entry_t *entries;    /* owned, in reading order */
    size_t n_entries, cap;
} inv_section_t;

typedef struct {
    inventory_t *inv;
    inv_section_t *sections; /* owned, in reading order; one per header that has keys */
    size_t n_sections;
    char **names;            /* owned: every file name a position points to */
    size_t n_names;
    long seq;
    char err[512];           /* the resolving pass's first error (the lowest seq), or "" */
    long err_seq;
} inv_loader_t;

/* ---- inventory_keys.c: one key of a section, set on a device ---- */

/* What set_key remembers between the keys of a device: expect_prefixes and group lines add
 * up within one section, and the first such line of a section replaces what an earlier
 * section ([defaults], a group) gave. */
typedef struct {
    int section;          /* the section being applied (any number that tells them apart) */
    int prefixes_section; /* the one expect_prefixes was last set from */
} inv_apply_t;

/* The built-in values of every key (peer AS 12076, timers 180/60, ...). */
void inv_device_defaults(device_t *d);
/* Sets key to value on d; false with the reason ("port: '70000' is not ...") in why. */
bool inv_set_key(device_t *d, inv_apply_t *a, const char *key, const char *value, char *why, size_t whylen);
/* Whether key gives a way to log in (the file's permissions then matter). */
bool inv_key_is_credential(const char *key);

/* ---- inventory_read.c ---- */

/* Reads path and what it includes into ld's sections.  0, or -1 with "file:line: reason" in
 * err. */
int inv_read_file(inv_loader_t *ld, const char *path, char *err, size_t errlen);
/* The same for a text named name; an include in it is refused. */
int inv_read_string(inv_loader_t *ld, const char *name, const char *text, char *err, size_t errlen);
/* A copy of name that lives as long as ld (NULL when out of memory). */
const char *inv_keep_name(inv_loader_t *ld, const char *name);

/* ---- inventory_resolve.c ---- */

/* Builds ld->inv's devices and groups from the sections.  0, or -1 with ld->err set. */
int inv_resolve(inv_loader_t *ld);
/* Records "file:line: message" at pos unless an error earlier in reading order is recorded. */
void inv_fail_at(inv_loader_t *ld, const inv_pos_t *pos, const char *fmt, ...) __attribute__((format(printf, 3, 4)));

#endif
