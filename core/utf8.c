/* utf8.c: the strict UTF-8 decoder (see utf8.h). */
#include "core/utf8.h"

#include <string.h>

int utf8_check(const unsigned char *s, size_t avail)
{
    unsigned char c = s[0];
    int n;
    unsigned char lo = 0x80, hi = 0xbf; /* allowed range of the second byte */
    if (c < 0x80)
        return 1;
    if (c >= 0xc2 && c <= 0xdf) {
        n = 2;
    } else if (c >= 0xe0 && c <= 0xef) {
        n = 3;
        lo = c == 0xe0 ? 0xa0 : lo; /* overlong */
        hi = c == 0xed ? 0x9f : hi; /* surrogates */
    } else if (c >= 0xf0 && c <= 0xf4) {
        n = 4;
        lo = c == 0xf0 ? 0x90 : lo; /* overlong */
        hi = c == 0xf4 ? 0x8f : hi; /* above U+10FFFF */
    } else {
        return 0; /* a continuation byte, C0/C1 overlong leads 0xc0 0xc1, or 0xf5..0xff */
    }
    for (int i = 1; i < n; i++) {
        if ((size_t)i >= avail)
            return -1;
        unsigned char b = s[i];
        if (i == 1 ? (b < lo || b > hi) : (b & 0xc0) != 0x80)
            return 0;
    }
    return n;
}

uint32_t utf8_decode(const unsigned char *s, int n)
{
    static const unsigned char lead_mask[5] = {0, 0x7f, 0x1f, 0x0f, 0x07};
    uint32_t cp = s[0] & lead_mask[n];
    for (int i = 1; i < n; i++)
        cp = (cp << 6) | (s[i] & 0x3fu);
    return cp;
}

size_t utf8_repair(const char *in, char *out, size_t size)
{
    const unsigned char *s = (const unsigned char *)in;
    size_t len = strlen(in), w = 0;
    for (size_t i = 0; i < len;) {
        int n = utf8_check(s + i, len - i);
        const char *piece = n > 0 ? in + i : "\xef\xbf\xbd";
        size_t plen = n > 0 ? (size_t)n : 3;
        if (w + plen + 1 > size)
            break;
        memcpy(out + w, piece, plen);
        w += plen;
        i += n > 0 ? (size_t)n : 1;
    }
    out[w] = '\0';
    return w;
}
