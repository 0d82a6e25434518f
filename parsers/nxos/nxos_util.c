/* nxos_util.c: small helpers the NX-OS parsers share. */
#include <ctype.h>
#include <string.h>

#include "parsers/nxos/nxos.h"
#include "parsers/textutil.h"

int64_t nxos_rx_duration(const rx_caps_t *c, const char *name)
{
    const char *s;
    size_t n;
    return rx_named(c, name, &s, &n) ? nxos_duration_text(s, n) : MODEL_ABSENT;
}

int64_t nxos_rx_asn(const rx_caps_t *c, const char *name)
{
    const char *s;
    size_t n;
    return rx_named(c, name, &s, &n) ? tu_asn(s, n) : MODEL_ABSENT;
}

bool nxos_is_rule(const char *line, size_t len)
{
    for (size_t i = 0; i < len; i++)
        if (line[i] != ' ' && line[i] != '\t' && line[i] != '-' && line[i] != '=')
            return false;
    return true;
}

void nxos_split_vrf(const char *s, size_t n, char *addr, size_t asize, char *vrf, size_t vsize)
{
    const char *pct = memchr(s, '%', n);
    size_t alen = pct ? (size_t)(pct - s) : n;
    if (addr)
        field_set(addr, asize, s, (long)alen);
    if (vrf && pct)
        field_set(vrf, vsize, pct + 1, (long)(n - alen - 1));
}

/* ISO 8601 "P1DT2H3M4S" (NX-API uptimes) or the device's own "1d02h" / "00:01:02". */
int64_t nxos_duration_text(const char *s, size_t n)
{
    if (n && isdigit((unsigned char)s[0])) {
        /* "0.106174": seconds with a fraction, printed for very recent events. */
        size_t i = 0;
        int64_t v = 0;
        while (i < n && isdigit((unsigned char)s[i]))
            v = v * 10 + (s[i++] - '0');
        if (i < n && s[i] == '.' && i + 1 < n) {
            size_t k = i + 1;
            while (k < n && isdigit((unsigned char)s[k]))
                k++;
            if (k == n)
                return v;
        }
    }
    if (n == 0 || (s[0] != 'P' && s[0] != 'p'))
        return tu_duration(s, n);
    int64_t total = 0, v = 0;
    bool in_time = false, digits = false;
    for (size_t i = 1; i < n; i++) {
        char c = (char)toupper((unsigned char)s[i]);
        if (isdigit((unsigned char)c)) {
            v = v * 10 + (c - '0');
            digits = true;
            continue;
        }
        if (c == '.') { /* fractions of a second: skip them */
            while (i + 1 < n && isdigit((unsigned char)s[i + 1]))
                i++;
            continue;
        }
        int64_t unit = 0;
        switch (c) {
        case 'T': in_time = true; continue;
        case 'Y': unit = 31536000; break;
        case 'W': unit = 604800; break;
        case 'D': unit = 86400; break;
        case 'H': unit = 3600; break;
        case 'M': unit = in_time ? 60 : 2592000; break;
        case 'S': unit = 1; break;
        default: return MODEL_ABSENT;
        }
        if (!digits)
            return MODEL_ABSENT;
        total += v * unit;
        v = 0;
        digits = false;
    }
    return total;
}

