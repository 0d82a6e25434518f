/* prefix.c: address parsing and prefix arithmetic on top of inet_pton/inet_ntop. */
#include "core/prefix.h"

#include <arpa/inet.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

bool ip_parse_n(const char *s, size_t len, ip_addr_t *out)
{
    char buf[64];
    /* Zone ("%eth0") and NX-OS VRF ("%default") suffixes name where, not what: drop them. */
    const char *pct = memchr(s, '%', len);
    if (pct)
        len = (size_t)(pct - s);
    if (len == 0 || len >= sizeof(buf))
        return false;
    memcpy(buf, s, len);
    buf[len] = '\0';
    memset(out, 0, sizeof(*out));
    if (inet_pton(AF_INET, buf, out->bytes) == 1) {
        out->family = 4;
        return true;
    }
    if (inet_pton(AF_INET6, buf, out->bytes) == 1) {
        out->family = 6;
        return true;
    }
    out->family = 0;
    return false;
}

bool ip_parse(const char *s, ip_addr_t *out)
{
    return ip_parse_n(s, strlen(s), out);
}

static int family_bits(int family)
{
    return family == 4 ? 32 : 128;
}

bool prefix_parse(const char *s, ip_prefix_t *out)
{
    const char *slash = strchr(s, '/');
    if (!slash) {
        if (!ip_parse(s, &out->addr))
            return false;
        out->len = family_bits(out->addr.family);
        return true;
    }
    if (!ip_parse_n(s, (size_t)(slash - s), &out->addr))
        return false;
    const char *lp = slash + 1;
    if (strchr(lp, '.')) { /* "10.0.0.0/255.255.255.0" */
        out->len = netmask_to_len(lp);
        return out->addr.family == 4 && out->len >= 0;
    }
    char *end;
    long len = strtol(lp, &end, 10);
    if (end == lp || *end != '\0' || len < 0 || len > family_bits(out->addr.family))
        return false;
    out->len = (int)len;
    return true;
}

int netmask_to_len(const char *mask)
{
    ip_addr_t m;
    if (!ip_parse(mask, &m) || m.family != 4)
        return -1;
    uint32_t v = ((uint32_t)m.bytes[0] << 24) | ((uint32_t)m.bytes[1] << 16) |
                 ((uint32_t)m.bytes[2] << 8) | m.bytes[3];
    int len = 0;
    while (len < 32 && (v & (0x80000000u >> len)))
        len++;
    /* Anything set after the first zero bit makes it a wildcard or garbage, not a mask. */
    if (len < 32 && (v << len) != 0)
        return -1;
    return len;
}

int ipv4_classful_len(const ip_addr_t *a)
{
    if (a->family != 4)
        return -1;
    if (a->bytes[0] < 128)
        return 8;
    if (a->bytes[0] < 192)
        return 16;
    return 24;
}

void ip_to_string(const ip_addr_t *a, char *buf, size_t size)
{
    if (a->family == 0 || !inet_ntop(a->family == 4 ? AF_INET : AF_INET6, a->bytes, buf, (socklen_t)size)) {
        if (size)
            buf[0] = '\0';
    }
}

void prefix_network(const ip_prefix_t *p, ip_prefix_t *out)
{
    *out = *p;
    int nbytes = p->addr.family == 4 ? 4 : 16;
    for (int i = 0; i < nbytes; i++) {
        int bits = p->len - i * 8;
        uint8_t mask = bits >= 8 ? 0xff : bits <= 0 ? 0 : (uint8_t)(0xff << (8 - bits));
        out->addr.bytes[i] &= mask;
    }
}

void prefix_to_string(const ip_prefix_t *p, bool canonical, char *buf, size_t size)
{
    ip_prefix_t net;
    char addr[64];
    if (canonical)
        prefix_network(p, &net);
    else
        net = *p;
    ip_to_string(&net.addr, addr, sizeof(addr));
    snprintf(buf, size, "%s/%d", addr, p->len);
}

bool ip_equal(const ip_addr_t *a, const ip_addr_t *b)
{
    return a->family == b->family && memcmp(a->bytes, b->bytes, 16) == 0;
}

int ip_compare(const ip_addr_t *a, const ip_addr_t *b)
{
    if (a->family != b->family)
        return a->family - b->family;
    return memcmp(a->bytes, b->bytes, a->family == 4 ? 4 : 16);
}

bool prefix_contains(const ip_prefix_t *p, const ip_addr_t *a)
{
    if (p->addr.family != a->family)
        return false;
    ip_prefix_t net, host = {*a, p->len};
    prefix_network(p, &net);
    prefix_network(&host, &host);
    return ip_equal(&net.addr, &host.addr);
}

bool prefix_covers(const ip_prefix_t *outer, const ip_prefix_t *inner)
{
    return outer->len <= inner->len && prefix_contains(outer, &inner->addr);
}

bool prefix_overlap(const ip_prefix_t *a, const ip_prefix_t *b)
{
    return prefix_covers(a, b) || prefix_covers(b, a);
}

bool prefix_equal(const ip_prefix_t *a, const ip_prefix_t *b)
{
    ip_prefix_t na, nb;
    if (a->len != b->len)
        return false;
    prefix_network(a, &na);
    prefix_network(b, &nb);
    return ip_equal(&na.addr, &nb.addr);
}

bool prefix_host(const ip_prefix_t *p, uint32_t n, ip_addr_t *out)
{
    int bits = family_bits(p->addr.family);
    int host_bits = bits - p->len;
    if (p->addr.family == 0 || (host_bits < 32 && n >= (1u << host_bits)))
        return false;
    ip_prefix_t net;
    prefix_network(p, &net);
    *out = net.addr;
    /* Add n to the low 32 bits with carry into the bytes above. */
    int last = bits / 8 - 1;
    uint64_t carry = n;
    for (int i = last; i >= 0 && carry; i--) {
        uint64_t v = out->bytes[i] + (carry & 0xff);
        out->bytes[i] = (uint8_t)v;
        carry = (carry >> 8) + (v >> 8);
    }
    return true;
}

bool prefix_first_usable(const ip_prefix_t *p, ip_addr_t *out)
{
    return prefix_host(p, 1, out);
}

bool prefix_second_usable(const ip_prefix_t *p, ip_addr_t *out)
{
    return prefix_host(p, 2, out);
}

bool prefix_normalise(const char *s, char *buf, size_t size)
{
    ip_prefix_t p;
    if (!prefix_parse(s, &p))
        return false;
    prefix_to_string(&p, true, buf, size);
    return true;
}

const char *family_name(family_t f)
{
    return f == FAMILY_IPV6 ? "ipv6" : "ipv4";
}

family_t family_from_name(const char *s)
{
    if (!strcmp(s, "ipv4") || !strcmp(s, "4"))
        return FAMILY_IPV4;
    if (!strcmp(s, "ipv6") || !strcmp(s, "6"))
        return FAMILY_IPV6;
    return (family_t)0;
}
