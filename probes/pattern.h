/* pattern.h: the PCRE2 patterns of the vendor tables (allowlists, pipe grammars), compiled once.
 *
 * The tables hold patterns as plain const strings; each is compiled (with JIT) the first time it
 * is matched and kept for the life of the process, keyed by the string's address, so a check
 * run for every command sent (and by the fuzzer) costs a match, not a compile. */
#ifndef ERDIAG_PATTERN_H
#define ERDIAG_PATTERN_H

#include <stddef.h>

#include "parsers/rx.h"

/* The compiled form of a built-in pattern.  Never NULL: the module owns it and never frees it.
 * Thread-safe.  More distinct patterns than the module holds is a programming error (abort). */
rx_t *pattern_rx(const char *pattern);
/* The index of the first pattern of the NULL-terminated list (NULL: an empty list) that matches
 * s[0..len), with its captures in caps (may be NULL); -1 when none does. */
int pattern_match_any(const char *const *patterns, const char *s, size_t len, rx_caps_t *caps);

#endif
