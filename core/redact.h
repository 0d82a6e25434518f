/* redact.h: secrets out of anything erdiag shows, exports or reports.
 *
 * Passwords and keys (IOS "password 7 ...", "secret 5 ...", "key 7 ...", Junos
 * authentication-key "$9$...", SNMP communities and v3 keys, pre-shared keys, RADIUS/TACACS+
 * keys, crypt hashes; core/redact_rules.c has every shape) are replaced with "<redacted>"; the
 * words around them stay, so the evidence still reads ("neighbor 192.168.100.130 password
 * <redacted>" proves MD5 is configured without telling the key).  A value that starts with '<'
 * (or '"<') is a placeholder of ours ("password <shared key>", "<redacted>") and is never
 * rewritten, so redacting twice changes nothing.
 *
 * Time is linear in the input: the text is read line by line, and every rule is written so
 * that no match attempt re-reads what an earlier one read (redact_rules.h).  Lines have no
 * length cap: a 1 MiB line is redacted whole, like any other.
 *
 * FAIL CLOSED: when matching a line fails for any reason (PCRE2's match limit, set in
 * proportion to the line's length as a backstop against a rule that is not linear after all;
 * the JIT stack; anything else), that whole line is replaced by "<redacted>".  When the
 * patterns cannot be compiled at all, the whole text is.  Out of memory is the only case where
 * nothing is returned (NULL), and every caller then shows nothing. */
#ifndef ERDIAG_REDACT_H
#define ERDIAG_REDACT_H

#include <stddef.h>

#define REDACTED "<redacted>"

/* Returns a new NUL-terminated copy of text[0..len) with every secret replaced, its length
 * (which may hold NUL bytes of the input) in *out_len when out_len is not NULL; NULL when out
 * of memory.  The caller frees it.  Thread-safe. */
char *redact_text(const char *text, size_t len, size_t *out_len);
/* Redacts a NUL-terminated string in place into a buffer of size bytes (truncating if the
 * redacted form is longer; "<redacted>" alone when out of memory). */
void redact_inplace(char *buf, size_t size);

#endif
