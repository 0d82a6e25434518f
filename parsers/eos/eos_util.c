/* eos_util.c: small EOS-only conversions (candidates for textutil if another vendor needs them). */
#include <stdio.h>
#include <strings.h>
#include <string.h>

#include "core/prefix.h"
#include "parsers/eos/eos.h"
#include "parsers/textutil.h"

bool eos_prefix(const char *s, size_t len, char *out, size_t size)
{
    tu_trim(&s, &len);
    if (memchr(s, '/', len) || memchr(s, ':', len))
        return tu_prefix(s, len, false, out, size);
    ip_addr_t ip;
    if (!ip_parse_n(s, len, &ip) || ip.family != 4)
        return false;
    const uint8_t *o = ip.bytes;
    unsigned a = o[0], b = o[1], c = o[2], d = o[3];
    uint32_t v = (uint32_t)a << 24 | (uint32_t)b << 16 | (uint32_t)c << 8 | d;
    int plen = a < 128 ? 8 : a < 192 ? 16 : a < 224 ? 24 : 32;
    if (v == 0)
        plen = 0;
    /* widen by whole octets until no printed bit falls outside the length */
    while (plen < 32 && (v & (plen ? ~(0xffffffffu << (32 - plen)) : 0xffffffffu)))
        plen = plen + 8 > 32 ? 32 : plen + 8;
    snprintf(out, size, "%u.%u.%u.%u/%d", a, b, c, d, plen);
    return true;
}

updown_t eos_updown(const char *s, size_t len)
{
    tu_trim(&s, &len);
    if (len == 0)
        return UPDOWN_ABSENT;
    if (tu_starts(s, len, "up"))
        return UPDOWN_UP;
    return UPDOWN_DOWN;
}

void eos_meta_vrf(parse_run_t *run, const char *s, size_t len)
{
    parse_meta_t *m = parse_meta(run);
    if (m->vrf[0] == '\0')
        FIELD_SET(m->vrf, s, (long)len);
}

bool eos_contains(const char *s, size_t n, const char *word)
{
    size_t wl = strlen(word);
    for (size_t i = 0; i + wl <= n; i++)
        if (strncasecmp(s + i, word, wl) == 0)
            return true;
    return false;
}

const char *eos_command_family(const parse_run_t *run)
{
    const char *c = parse_command_norm(run);
    return (strstr(c, "ipv6 bgp") || strstr(c, "ipv6 unicast")) ? "IPv6 Unicast" : "";
}
