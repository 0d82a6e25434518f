/* rx.h: PCRE2 patterns compiled once (with JIT) on first use, and their captures.
 *
 * A parser declares its patterns as static rx_t values; rx_match() compiles a pattern the
 * first time any thread uses it.  Captures are copied into the caller's rx_caps_t, so two
 * sets of captures never alias. */
#ifndef ERDIAG_RX_H
#define ERDIAG_RX_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "core/model.h"

#define RX_MAX_GROUPS 24

typedef struct {
    const char *pattern;
    uint32_t options; /* PCRE2 compile options, e.g. PCRE2_CASELESS */
    void *code;       /* pcre2_code *, set on first use */
} rx_t;

#define RX(p) {.pattern = (p), .options = 0, .code = NULL}
#define RXI(p) {.pattern = (p), .options = 0x00000008u /* PCRE2_CASELESS */, .code = NULL}

typedef struct {
    const char *subject;
    const rx_t *rx;
    int count;                            /* groups captured, incl. group 0 */
    size_t ov[2 * RX_MAX_GROUPS];          /* start/end pairs; start == SIZE_MAX when unset */
} rx_caps_t;

/* Matches s[0..len).  caps may be NULL when only a yes/no is wanted.  A pattern that does not
 * compile is a programming error: it is reported on stderr and the process aborts. */
bool rx_match(rx_t *rx, const char *s, size_t len, rx_caps_t *caps);
/* Group i (or a named group): false when the group did not take part in the match. */
bool rx_group(const rx_caps_t *c, int i, const char **s, size_t *len);
bool rx_named(const rx_caps_t *c, const char *name, const char **s, size_t *len);
/* Copies a named group into a fixed field; leaves dst untouched when the group is unset. */
bool rx_copy(const rx_caps_t *c, const char *name, char *dst, size_t size);
/* A named group as an integer (commas allowed), or MODEL_ABSENT. */
int64_t rx_int(const rx_caps_t *c, const char *name);

/* An interface-brief row: initialises rec as an interface and fills its name and IPv4 address
 * from the named groups "name" and "ip" ("unassigned" and the like leave ipv4 empty). */
iface_t *rx_brief_iface(record_t *rec, const rx_caps_t *c);

/* Releases a pattern compiled into a non-static rx_t. */
void rx_free(rx_t *rx);

#endif
