/* ios_route_util.c: small scanners shared by the IOS routing-table parsers.
 *
 * These run once or more per route on million-line tables, so they avoid the general
 * helpers' copies, trims and strlen calls for the common IPv4 / duration forms and fall back to
 * textutil for everything else. */
#include <string.h>
#include <strings.h>

#include "parsers/ios/ios_rib.h"
#include "parsers/textutil.h"

bool ios_rib_ipv4(const char *s, size_t n, uint32_t *out)
{
    if (n < 7 || n > 15)
        return false;
    const char *e = s + n;
    uint32_t addr = 0;
    for (int part = 0; part < 4; part++) {
        if (s == e || (unsigned)(*s - '0') > 9)
            return false;
        uint32_t v = (uint32_t)(*s++ - '0');
        if (s < e && (unsigned)(*s - '0') <= 9) {
            v = v * 10 + (uint32_t)(*s++ - '0');
            if (s < e && (unsigned)(*s - '0') <= 9)
                v = v * 10 + (uint32_t)(*s++ - '0');
        }
        if (v > 255)
            return false;
        addr = addr << 8 | v;
        if (part < 3) {
            if (s == e || *s != '.')
                return false;
            s++;
        }
    }
    if (s != e)
        return false;
    *out = addr;
    return true;
}

static char *put_u8(char *p, unsigned v)
{
    if (v >= 100) {
        *p++ = (char)('0' + v / 100);
        v %= 100;
        *p++ = (char)('0' + v / 10);
        *p++ = (char)('0' + v % 10);
    } else if (v >= 10) {
        *p++ = (char)('0' + v / 10);
        *p++ = (char)('0' + v % 10);
    } else {
        *p++ = (char)('0' + v);
    }
    return p;
}

size_t ios_rib_fmt_prefix(char *out, uint32_t addr, int len)
{
    char *p = out;
    if (len >= 0)
        addr &= ios_rib_mask(len);
    for (int i = 3; i >= 0; i--) {
        p = put_u8(p, (addr >> (8 * i)) & 0xff);
        if (i)
            *p++ = '.';
    }
    if (len >= 0) {
        *p++ = '/';
        p = put_u8(p, (unsigned)len);
    }
    *p = '\0';
    return (size_t)(p - out);
}

bool ios_rib_prefix_token(const char *s, size_t n, uint32_t *addr, int *len)
{
    const char *slash = memchr(s, '/', n);
    if (!slash) {
        *len = -1;
        return ios_rib_ipv4(s, n, addr);
    }
    if (!ios_rib_ipv4(s, (size_t)(slash - s), addr))
        return false;
    int64_t l = ios_rib_uint(slash + 1, n - (size_t)(slash - s) - 1);
    if (l == MODEL_ABSENT || l > 32)
        return false;
    *len = (int)l;
    return true;
}

int ios_rib_classful_len(uint32_t addr)
{
    uint32_t first = addr >> 24;
    if (addr == 0)
        return 0; /* "0.0.0.0" alone is the default route */
    return first < 128 ? 8 : first < 192 ? 16 : 24;
}

uint32_t ios_rib_mask(int len)
{
    if (len <= 0)
        return 0;
    return len >= 32 ? 0xffffffffu : 0xffffffffu << (32 - len);
}

int64_t ios_rib_uint(const char *s, size_t n)
{
    return tu_digits(s, n);
}

int64_t ios_rib_asn(const char *s, size_t n)
{
    const char *dot = memchr(s, '.', n);
    if (!dot)
        return ios_rib_uint(s, n);
    int64_t hi = ios_rib_uint(s, (size_t)(dot - s));
    int64_t lo = ios_rib_uint(dot + 1, n - (size_t)(dot - s) - 1);
    if (hi == MODEL_ABSENT || lo == MODEL_ABSENT || hi > 65535 || lo > 65535)
        return MODEL_ABSENT;
    return hi * 65536 + lo;
}

static int64_t unit_secs(char u)
{
    switch (u) {
    case 'y': return 31536000;
    case 'w': return 604800;
    case 'd': return 86400;
    case 'h': return 3600;
    case 'm': return 60;
    case 's': return 1;
    default: return -1;
    }
}

int64_t ios_rib_duration(const char *s, size_t n)
{
    /* "hh:mm:ss" */
    if (n == 8 && s[2] == ':' && s[5] == ':') {
        int64_t h = ios_rib_uint(s, 2), m = ios_rib_uint(s + 3, 2), x = ios_rib_uint(s + 6, 2);
        if (h != MODEL_ABSENT && m != MODEL_ABSENT && x != MODEL_ABSENT)
            return h * 3600 + m * 60 + x;
    }
    /* "1w2d", "3d04h", "1y10w": number+unit pairs only */
    int64_t total = 0, v = 0;
    bool digits = false, any = false;
    int run = 0;
    for (size_t i = 0; i < n; i++) {
        char c = s[i];
        if (c >= '0' && c <= '9') {
            /* a 10-digit part is left to the general parser and its overflow checks; up to
             * 9 digits times a year's seconds cannot overflow here */
            if (++run > 9)
                return tu_duration(s, n);
            v = v * 10 + (c - '0');
            digits = true;
            continue;
        }
        int64_t u = unit_secs(c);
        if (u < 0 || !digits)
            return tu_duration(s, n);
        if (!tu_add_product(&total, v, u))
            return MODEL_ABSENT; /* "999999999y999999999y...": counted as out of range */
        v = 0;
        run = 0;
        digits = false;
        any = true;
    }
    if (digits || !any)
        return tu_duration(s, n);
    return total;
}

void ios_rib_copy(char *dst, size_t size, const char *s, size_t n)
{
    if (n >= size)
        n = size - 1;
    memcpy(dst, s, n);
    dst[n] = '\0';
}

bool ios_rib_starts(const char *s, const char *end, const char *lit)
{
    size_t n = strlen(lit);
    return (size_t)(end - s) >= n && memcmp(s, lit, n) == 0;
}

void ios_rib_command_word_after(parse_run_t *run, const char *word, char *out, size_t size)
{
    const char *cmd = parse_command(run);
    size_t wl = strlen(word);
    out[0] = '\0';
    for (const char *p = cmd; *p; p++) {
        if ((p == cmd || p[-1] == ' ') && strncasecmp(p, word, wl) == 0 && p[wl] == ' ') {
            const char *v = p + wl + 1;
            while (*v == ' ')
                v++;
            size_t n = strcspn(v, " |");
            ios_rib_copy(out, size, v, n);
            return;
        }
    }
}

void ios_rib_command_vrf(parse_run_t *run, char *out, size_t size)
{
    ios_rib_command_word_after(run, "vrf", out, size);
    /* "vrf all" / "vrf *" name no single table: the output's own headers say which. */
    if (strcmp(out, "*") == 0 || strcasecmp(out, "all") == 0)
        out[0] = '\0';
}
