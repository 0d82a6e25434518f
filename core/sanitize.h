/* sanitize.h: text that came from a device or a file, made safe to show on a terminal.
 *
 * A router's banner, a capture in a scenario or a line of an inventory can hold bytes that a
 * terminal obeys instead of showing: ESC ] 0;title BEL retitles the window, ESC c resets it,
 * CSI moves the cursor, and the C1 forms of the same (0x9b, 0x9d, or U+009B, U+009D written in
 * UTF-8) work on many terminals too.  Everything erdiag prints that it did not write itself
 * passes through here, at the point where it is printed: the data the parsers see stays as the
 * device sent it.
 *
 * The rule, byte by byte (strict UTF-8: core/utf8.h):
 *   - printable ASCII, TAB and LF stay;
 *   - valid UTF-8 characters stay (a hostname or description in UTF-8 still reads), except:
 *       U+0080..U+009F (C1 controls)                   -> \x80 .. \x9f
 *       bidirectional and line/paragraph separators    -> \u061c \u200e \u200f \u202a..\u202e
 *         (they reorder or break what is shown around     \u2066..\u2069 \u2028 \u2029
 *          them: "Trojan Source")
 *   - ESC -> \e;  CR directly before LF (or a run of CRs before LF: CRLF, CRCRLF line ends) is
 *     dropped, any other CR -> \r;  every other C0 control and DEL -> \xNN (NUL -> \x00);
 *   - a byte that is not part of a valid character (a raw 0x80..0xff, an overlong form, a
 *     surrogate, a sequence cut short by the end of the text) -> \xNN, one escape per byte.
 * The backslash itself is NOT escaped: device output is full of backslashes (regular
 * expressions in as-path lists, Windows paths) and "\\" everywhere would read worse than the
 * rare literal "\e" that looks like an escape (less and cat -v make the same choice).  What
 * this buys: the output holds only printable characters, TAB and LF, so sanitizing twice is
 * the same as once, and a lower layer may sanitize a message that the front end sanitizes
 * again (probes/ssh.c does, for the bytes it quotes) without anything being escaped twice.
 *
 * Output is at most 4 bytes per input byte (SANITIZE_MAX adds the NUL); linear time. */
#ifndef ERDIAG_SANITIZE_H
#define ERDIAG_SANITIZE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

#define SANITIZE_MAX(len) (4 * (size_t)(len) + 1)

/* Whole buffers. */

/* Writes the sanitized form of in[0..len) into out (size bytes, NUL-terminated when size > 0),
 * cut before the first piece that does not fit: never inside an escape or a character.
 * Returns the length written; a cut is seen as a return shorter than sanitize_len(). */
size_t sanitize_buf(const char *in, size_t len, char *out, size_t size);
/* The length sanitize_buf() would write given room enough. */
size_t sanitize_len(const char *in, size_t len);
/* A new NUL-terminated sanitized copy of in[0..len), or NULL when out of memory: the caller
 * frees it. */
char *sanitize_dup(const char *in, size_t len);
/* Writes the sanitized form of in[0..len) to f; 0, or -1 when a write failed. */
int sanitize_fwrite(FILE *f, const char *in, size_t len);
/* fprintf, then the whole formatted text sanitized (the format's own "\n" stays a newline). */
int sanitize_fprintf(FILE *f, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

/* Chunks: text that arrives in pieces comes out as if it were written whole.  A character or a
 * CR run cut by a chunk boundary waits in the state for the next chunk; sanitize_stream_end()
 * writes what is still waiting (an unfinished character as \xNN, CRs as \r). */
typedef struct {
    unsigned char pend[4]; /* the start of a UTF-8 character the last chunk ended in */
    size_t npend;
    size_t crs; /* CRs not yet known to end a line */
} sanitize_stream_t;

void sanitize_stream_init(sanitize_stream_t *st);
int sanitize_stream_write(sanitize_stream_t *st, FILE *f, const char *in, size_t len);
int sanitize_stream_end(sanitize_stream_t *st, FILE *f);

#endif
