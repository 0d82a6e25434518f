/* utf8.h: strict UTF-8 (RFC 3629) for everything that checks, escapes or repairs text:
 * no overlong forms, no surrogates (U+D800..U+DFFF), nothing above U+10FFFF.  One decoder, so
 * the JSON writer, the terminal sanitizer and the line cleaner agree on what a character is. */
#ifndef ERDIAG_UTF8_H
#define ERDIAG_UTF8_H

#include <stddef.h>
#include <stdint.h>

/* What stands at s[0..avail) (avail >= 1):
 *   n > 0  a valid character of n bytes (1 for ASCII);
 *   0      not a valid character: s[0] is a byte to escape or replace on its own;
 *   -1     the start of a valid character cut short by the end of s (more input may finish it). */
int utf8_check(const unsigned char *s, size_t avail);
/* The code point of the valid n-byte character at s (n from utf8_check). */
uint32_t utf8_decode(const unsigned char *s, int n);
/* Copies the NUL-terminated in to out (size >= 1 bytes) with every byte that is not part of a
 * valid character replaced by U+FFFD; truncates at a character boundary.  Returns the length. */
size_t utf8_repair(const char *in, char *out, size_t size);

#endif
