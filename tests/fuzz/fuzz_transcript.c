/* fuzz_transcript.c: a libFuzzer target over the console's transcript (tui/transcript.c): any
 * answer a device sends is stored as lines that are safe to put on a terminal (printable
 * ASCII and valid UTF-8 with no C0, DEL or C1 character, no ESC, no tab), and searching them
 * finds only lines that hold the needle.  The first byte picks how the input is cut into
 * answers; the needle is the input's second to fifth bytes. */
#include <ctype.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "core/utf8.h"
#include "tui/transcript.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static void check_line(const char *s)
{
    const unsigned char *p = (const unsigned char *)s;
    size_t len = strlen(s);
    for (size_t i = 0; i < len;) {
        int n = utf8_check(p + i, len - i);
        if (n <= 0)
            abort(); /* not valid UTF-8 */
        uint32_t cp = utf8_decode(p + i, n);
        if (cp < 0x20 || cp == 0x7f || (cp >= 0x80 && cp <= 0x9f))
            abort(); /* a control character would reach the terminal */
        i += (size_t)n;
    }
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size < 1)
        return 0;
    transcript_t *t = transcript_new(64);
    if (!t)
        return 0;
    size_t chunk = data[0] ? data[0] : size;
    for (size_t at = 1; at < size; at += chunk) {
        size_t n = size - at < chunk ? size - at : chunk;
        transcript_add_command(t, 0, "ce1", "show version");
        transcript_add_answer(t, (const char *)data + at, n);
    }
    for (size_t i = transcript_first(t); i < transcript_end(t); i++)
        check_line(transcript_line(t, i, NULL));
    char needle[5] = "";
    for (size_t i = 1; i < 5 && i < size && isprint(data[i]); i++)
        needle[i - 1] = (char)data[i];
    long found = transcript_search(t, needle, transcript_first(t), 1);
    if (found >= 0 && transcript_match_at(t, (size_t)found, needle) < 0)
        abort();
    transcript_free(t);
    return 0;
}
