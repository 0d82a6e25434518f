/* abbrev.h: the abbreviated command forms engineers type ("sh ip bgp sum"), written out in full
 * before the allowlist sees them.
 *
 * Only a head that starts with an abbreviation of "show" ("sh", "sho", any case) is expanded,
 * and only on platforms whose CLI takes abbreviations (vendor_t.abbreviations): every other
 * word a head can start with stays as typed, so an abbreviation of a word that writes
 * ("conf t", "wr", "cl ip bgp *") is refused by the allowlist, which only knows full words.
 * After "show", a word is written out only when it is a known read-only keyword's prefix
 * (summary, interface(s), brief, neighbors, running-config, ...); anything else (names,
 * addresses, words erdiag does not know) is sent as typed and the device resolves it.  A word
 * that already is a keyword stays as typed (FRR's "show interface" is a command of its own),
 * and after running-config or configuration nothing is expanded: the rest is a configuration
 * path ("sh run int Gi0/1", "... router bgp 65010 neighbor X").  The
 * stages after the head are copied unchanged: probes/pipeline.c checks them, abbreviations of
 * writing filters ("| red", "| t") included. */
#ifndef ERDIAG_ABBREV_H
#define ERDIAG_ABBREV_H

#include <stdbool.h>
#include <stddef.h>

#include "core/model.h" /* CMD_LEN: a command written out must still fit what is sent */
#include "probes/vendor.h"

/* Writes command with its head expanded into out (size bytes; the caller owns both).  Returns
 * 0, or -1 when the expansion does not fit (out then holds a truncated copy: do not send it). */
int command_expand(const vendor_t *v, const char *command, char *out, size_t size);

/* Expands command into out, then checks the expanded form with command_allowed(): true when it
 * may be sent (send out, not command); else false with the reason in why. */
bool command_expand_allowed(const vendor_t *v, const char *command, char *out, size_t size, char *why,
                            size_t whylen);

#endif
