/* prefix.h: IPv4/IPv6 addresses and prefixes, and the arithmetic the runbooks need. */
#ifndef ERDIAG_PREFIX_H
#define ERDIAG_PREFIX_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* An address family: what a probe reads or a runbook judges (the values are ip_addr_t.family's). */
typedef enum { FAMILY_IPV4 = 4, FAMILY_IPV6 = 6 } family_t;

/* "ipv4" | "ipv6". */
const char *family_name(family_t f);
/* FAMILY_IPV4 for "ipv4"/"4", FAMILY_IPV6 for "ipv6"/"6", else 0. */
family_t family_from_name(const char *s);

typedef struct {
    int family;        /* 4 or 6; 0 = not an address */
    uint8_t bytes[16]; /* network order; IPv4 uses the first 4 */
} ip_addr_t;

typedef struct {
    ip_addr_t addr; /* as written: host bits may be set ("192.168.0.1/30") */
    int len;
} ip_prefix_t;

/* Parses a bare address.  Accepts an IPv6 zone suffix ("fe80::1%eth0") and an NX-OS VRF
 * suffix ("10.0.0.1%vrf"), which are dropped. */
bool ip_parse(const char *s, ip_addr_t *out);
bool ip_parse_n(const char *s, size_t len, ip_addr_t *out);
/* "a.b.c.d/len", "a::/len", or a bare address (a host prefix). */
bool prefix_parse(const char *s, ip_prefix_t *out);
/* A dotted netmask to a length; -1 if it is not a contiguous mask. */
int netmask_to_len(const char *mask);
/* The classful length of an IPv4 network (A=8, B=16, C=24), used when IOS omits the mask. */
int ipv4_classful_len(const ip_addr_t *a);

void ip_to_string(const ip_addr_t *a, char *buf, size_t size);
/* Writes "network/len" (host bits cleared) when canonical, else "addr/len" as given. */
void prefix_to_string(const ip_prefix_t *p, bool canonical, char *buf, size_t size);

bool ip_equal(const ip_addr_t *a, const ip_addr_t *b);
int ip_compare(const ip_addr_t *a, const ip_addr_t *b);
/* The network of a prefix (host bits cleared). */
void prefix_network(const ip_prefix_t *p, ip_prefix_t *out);
bool prefix_contains(const ip_prefix_t *p, const ip_addr_t *a);
/* outer contains inner entirely (same family, outer->len <= inner->len). */
bool prefix_covers(const ip_prefix_t *outer, const ip_prefix_t *inner);
bool prefix_overlap(const ip_prefix_t *a, const ip_prefix_t *b);
bool prefix_equal(const ip_prefix_t *a, const ip_prefix_t *b);
/* Address n inside the prefix's network (n = 1: first usable of a /30 or /126). */
bool prefix_host(const ip_prefix_t *p, uint32_t n, ip_addr_t *out);
/* The customer takes the first usable address of a /30 (or /126), Microsoft the second. */
bool prefix_first_usable(const ip_prefix_t *p, ip_addr_t *out);
bool prefix_second_usable(const ip_prefix_t *p, ip_addr_t *out);
/* Normalises any address/prefix text into canonical CIDR; false if not one. */
bool prefix_normalise(const char *s, char *buf, size_t size);

#endif
