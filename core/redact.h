/* redact.h: secrets out of anything erdiag shows, exports or reports.
 *
 * Passwords and keys (IOS "password 7 ...", "secret 5 ...", "key 7 ...", Junos
 * authentication-key "$9$...", SNMP communities, pre-shared keys) are replaced with
 * "<redacted>"; the words around them stay, so the evidence still reads ("neighbor
 * 192.168.100.130 password <redacted>" proves MD5 is configured without telling the key). */
#ifndef ERDIAG_REDACT_H
#define ERDIAG_REDACT_H

#include <stddef.h>

#define REDACTED "<redacted>"

/* Returns a new NUL-terminated copy of text[0..len) with every secret replaced, or NULL when
 * out of memory.  The caller frees it. */
char *redact_text(const char *text, size_t len);
/* Redacts a NUL-terminated string in place into a buffer of size bytes (truncating if the
 * redacted form is longer). */
void redact_inplace(char *buf, size_t size);

#endif
