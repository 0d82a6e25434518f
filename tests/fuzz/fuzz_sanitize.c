/* fuzz_sanitize.c: a libFuzzer target for core/sanitize.c and the line cleaner's control
 * stripping (parsers/clean.c).  Any input; abort() when a promise breaks:
 *   sanitize: no byte < 0x20 but TAB and LF, no DEL, no C1 control (raw, or U+0080..U+009F in
 *   UTF-8), valid UTF-8, at most 4 bytes per input byte; the same text whether written whole,
 *   in two chunks through a FILE, or cut short by a small buffer (then a prefix of it); and a
 *   second pass changes nothing.
 *   clean_line: no ESC or other C0 control but TAB, no C1 control outside valid UTF-8
 *   characters or encoded in one, and never longer than its input. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/sanitize.h"
#include "core/utf8.h"
#include "parsers/clean.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

#define REQUIRE(cond)                                                                                                  \
    do {                                                                                                               \
        if (!(cond)) {                                                                                                 \
            fprintf(stderr, "fuzz_sanitize: %s (line %d)\n", #cond, __LINE__);                                         \
            abort();                                                                                                   \
        }                                                                                                              \
    } while (0)

/* Every character valid UTF-8; with terminal_safe, none of them a control but TAB and LF. */
static void require_text(const unsigned char *s, size_t len, bool terminal_safe)
{
    for (size_t i = 0; i < len;) {
        int n = utf8_check(s + i, len - i);
        if (!terminal_safe && n <= 0) {
            REQUIRE(!(s[i] >= 0x80 && s[i] <= 0x9f)); /* a raw C1 left outside a character */
            i++;
            continue;
        }
        REQUIRE(n > 0);
        uint32_t cp = utf8_decode(s + i, n);
        REQUIRE(cp >= 0x20 || cp == '\t' || (terminal_safe && cp == '\n'));
        REQUIRE(cp < 0x7f || cp >= 0xa0 || (!terminal_safe && cp == 0x7f));
        i += (size_t)n;
    }
}

static char *through_file(const char *in, size_t len, size_t split)
{
    char *mem = NULL;
    size_t memlen = 0;
    FILE *f = open_memstream(&mem, &memlen);
    REQUIRE(f != NULL);
    sanitize_stream_t st;
    sanitize_stream_init(&st);
    REQUIRE(sanitize_stream_write(&st, f, in, split) == 0);
    REQUIRE(sanitize_stream_write(&st, f, in + split, len - split) == 0);
    REQUIRE(sanitize_stream_end(&st, f) == 0);
    fclose(f);
    return mem;
}

static void fuzz_sanitizer(const char *in, size_t len)
{
    char *out = sanitize_dup(in, len);
    REQUIRE(out != NULL);
    size_t n = strlen(out);
    REQUIRE(n == sanitize_len(in, len) && n <= 4 * len);
    require_text((const unsigned char *)out, n, true);
    char *again = sanitize_dup(out, n);
    REQUIRE(again != NULL && strcmp(again, out) == 0);
    char *chunked = through_file(in, len, len ? (unsigned char)in[0] % (len + 1) : 0);
    REQUIRE(chunked != NULL && strcmp(chunked, out) == 0);
    size_t small_size = len ? (unsigned char)in[len - 1] % (n + 2) : 1;
    char small[SANITIZE_MAX(256)];
    if (small_size <= sizeof(small)) {
        size_t got = sanitize_buf(in, len, small, small_size);
        REQUIRE(got < small_size || small_size == 0);
        REQUIRE(memcmp(small, out, got) == 0);
    }
    free(out);
    free(again);
    free(chunked);
}

static void fuzz_cleaner(const char *in, size_t len)
{
    char *line = malloc(len + 1);
    REQUIRE(line != NULL);
    memcpy(line, in, len);
    bool pager;
    size_t n = clean_line(line, len, &pager);
    REQUIRE(n <= len);
    require_text((const unsigned char *)line, n, false);
    free(line);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    fuzz_sanitizer((const char *)data, size);
    fuzz_cleaner((const char *)data, size);
    return 0;
}
