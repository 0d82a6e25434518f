/* nxos_util.c: small helpers the NX-OS parsers share. */
#include <ctype.h>
#include <string.h>

#include "parsers/nxos/nxos.h"
#include "parsers/textutil.h"

int64_t nxos_rx_duration(const rx_caps_t *c, const char *name)
{
    const char *s;
    size_t n;
    return rx_named(c, name, &s, &n) ? tu_duration(s, n) : MODEL_ABSENT;
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


