/* inventory_keys.c: the keys of an inventory section, each set on a device with the shape its
 * value must have, and a device written back as a section (for recordings). */
#include <ctype.h>
#include <errno.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "core/inventory_int.h"
#include "core/inventory_values.h"
#include "core/vendor_names.h"

void inv_device_defaults(device_t *d)
{
    memset(d, 0, sizeof(*d));
    d->peer_as = 12076; /* Microsoft's AS on every ExpressRoute peering */
    d->family = FAMILY_IPV4;
    d->local_as = -1;
    d->hold_time = 180; /* Microsoft fixes 180/60 on its side */
    d->keepalive = 60;
    d->timeout_s = 15;
    d->route_limit = -1;
    snprintf(d->known_hosts, sizeof(d->known_hosts), "~/.ssh/known_hosts");
}

/* Writes the reason into why; returns false for a tail call. */
static bool refuse(char *why, size_t whylen, const char *fmt, ...) __attribute__((format(printf, 3, 4)));
static bool refuse(char *why, size_t whylen, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(why, whylen, fmt, ap);
    va_end(ap);
    return false;
}

static bool parse_long(const char *v, long min, long max, long *out)
{
    char *end;
    errno = 0;
    long n = strtol(v, &end, 10);
    if (errno || end == v || *end != '\0' || n < min || n > max)
        return false;
    *out = n;
    return true;
}

static bool parse_bool(const char *v, bool *out)
{
    if (!strcasecmp(v, "yes") || !strcasecmp(v, "true") || !strcmp(v, "1") || !strcasecmp(v, "on")) {
        *out = true;
        return true;
    }
    if (!strcasecmp(v, "no") || !strcasecmp(v, "false") || !strcmp(v, "0") || !strcasecmp(v, "off")) {
        *out = false;
        return true;
    }
    return false;
}

static bool copy_text(char *dst, size_t size, const char *v)
{
    if (strlen(v) >= size)
        return false;
    snprintf(dst, size, "%s", v);
    return true;
}

static bool set_prefix_list(device_t *d, inv_apply_t *a, const char *value, char *why, size_t whylen)
{
    char buf[2048];
    if (!copy_text(buf, sizeof(buf), value))
        return refuse(why, whylen, "expect_prefixes is too long");
    /* A line holds at most 199 bytes (inih): the list may go on over several lines of the same
     * section, which add up; the first in a section replaces what [defaults] or a group said. */
    if (a->prefixes_section != a->section)
        d->n_expect_prefixes = 0;
    a->prefixes_section = a->section;
    for (char *save = NULL, *tok = strtok_r(buf, ", \t", &save); tok; tok = strtok_r(NULL, ", \t", &save)) {
        if (d->n_expect_prefixes == INV_MAX_PREFIXES)
            return refuse(why, whylen, "expect_prefixes: more than 32 prefixes");
        if (!prefix_parse(tok, &d->expect_prefixes[d->n_expect_prefixes]) || !strchr(tok, '/'))
            return refuse(why, whylen, "expect_prefixes: '%s' is not a prefix (a.b.c.d/len)", tok);
        d->n_expect_prefixes++;
    }
    return true;
}

/* group = a, b: a device's groups, in order; more lines of the section add to the list. */
static bool set_groups(device_t *d, const char *value, char *why, size_t whylen)
{
    char buf[256], what[300];
    if (!copy_text(buf, sizeof(buf), value))
        return refuse(why, whylen, "group is too long");
    for (char *save = NULL, *tok = strtok_r(buf, ", \t", &save); tok; tok = strtok_r(NULL, ", \t", &save)) {
        if (!inv_check_name(tok, what, sizeof(what)) || strlen(tok) >= INV_NAME_LEN)
            return refuse(why, whylen, "group name %s", strlen(tok) >= INV_NAME_LEN ? "is too long" : what);
        if (device_in_group(d, tok))
            return refuse(why, whylen, "group '%s' is named twice", tok);
        if (d->n_groups == INV_MAX_GROUPS)
            return refuse(why, whylen, "group: more than %d groups", INV_MAX_GROUPS);
        snprintf(d->groups[d->n_groups++], INV_NAME_LEN, "%s", tok);
    }
    return true;
}

/* The device keeps the canonical name, whichever alias the file used. */
static bool set_vendor(device_t *d, const char *value, char *why, size_t whylen)
{
    static const char *const device_vendors[] = {"ios", "nxos", "iosxr", "eos", "junos", "frr", "linux", NULL};
    const char *name = vendor_canonical(value);
    for (size_t i = 0; name && device_vendors[i]; i++)
        if (strcmp(name, device_vendors[i]) == 0)
            return copy_text(d->vendor, sizeof(d->vendor), name);
    return refuse(why, whylen,
                  "vendor '%s' is not one of ios, nxos, iosxr, eos, junos, frr, linux (or an alias: cisco_ios, "
                  "cisco_xe, cisco_nxos, nxos_ssh, cisco_xr, juniper_junos, arista_eos, ...)",
                  value);
}

static bool set_address(const char *key, const char *value, ip_addr_t *dst, bool *has, char *why, size_t whylen)
{
    if (!ip_parse(value, dst))
        return refuse(why, whylen, "%s: '%s' is not an IPv4 or IPv6 address", key, value);
    *has = true;
    return true;
}

/* The peering's own keys, one family each: an address of the other family goes in the other key. */
#define PEERING_KEY(k, is_prefix, fam) {#k, offsetof(device_t, k), offsetof(device_t, has_##k), is_prefix, fam}
static const struct {
    const char *key;
    size_t off, has_off;
    bool prefix;
    int family;
} peering_keys[] = {
    PEERING_KEY(subnet, true, 4),     PEERING_KEY(local_ip, false, 4), PEERING_KEY(peer_ip, false, 4),
    PEERING_KEY(subnet6, true, 6),    PEERING_KEY(local_ip6, false, 6), PEERING_KEY(peer_ip6, false, 6),
    PEERING_KEY(onprem_source6, false, 6), PEERING_KEY(azure_vm6, false, 6),
};
#undef PEERING_KEY

static bool set_peering_key(device_t *d, size_t i, const char *value, char *why, size_t whylen)
{
    char *base = (char *)d;
    ip_prefix_t p;
    const char *key = peering_keys[i].key, *want = peering_keys[i].family == 4 ? "IPv4" : "IPv6";
    bool slash = strchr(value, '/') != NULL;
    if (!prefix_parse(value, &p) || slash != peering_keys[i].prefix) {
        if (peering_keys[i].prefix)
            return refuse(why, whylen, "%s '%s' is not a prefix (%s)", key, value,
                          peering_keys[i].family == 4 ? "a.b.c.d/len" : "x:x::/len");
        return refuse(why, whylen, "%s: '%s' is not an %s address", key, value, want);
    }
    if (p.addr.family != peering_keys[i].family) {
        bool six = peering_keys[i].family == 4;
        return refuse(why, whylen, "%s '%s' is %s: write it as %.*s%s", key, value, six ? "IPv6" : "IPv4",
                      (int)strlen(key) - (six ? 0 : 1), key, six ? "6" : "");
    }
    if (peering_keys[i].prefix)
        *(ip_prefix_t *)(void *)(base + peering_keys[i].off) = p;
    else
        *(ip_addr_t *)(void *)(base + peering_keys[i].off) = p.addr;
    *(bool *)(void *)(base + peering_keys[i].has_off) = true;
    return true;
}

/* Text keys, the shape each must have, and whether a recording's device.ini keeps it (how to
 * log in stays out: it is no business of whoever gets the recording). */
#define TEXT_KEY(k, check, recorded) {#k, offsetof(device_t, k), sizeof(((device_t *)0)->k), check, recorded}
static const struct {
    const char *key;
    size_t off, size;
    bool (*check)(const char *value, char *why, size_t whylen);
    bool recorded;
} text_keys[] = {
    TEXT_KEY(host, inv_check_host, true),
    TEXT_KEY(user, inv_check_user, true),
    TEXT_KEY(identity, inv_check_path, false),
    TEXT_KEY(password_command, inv_check_command, false),
    TEXT_KEY(jump, inv_check_jump, false),
    TEXT_KEY(known_hosts, inv_check_path, false),
    TEXT_KEY(circuit, inv_check_text, true),
    TEXT_KEY(operator, inv_check_text, true),
    TEXT_KEY(reverse_from, inv_check_name, true),
    TEXT_KEY(interface, inv_check_text, true),
};
#define N_TEXT_KEYS (sizeof(text_keys) / sizeof(text_keys[0]))

bool inv_key_is_credential(const char *key)
{
    return strcmp(key, "password_command") == 0 || strcmp(key, "identity") == 0;
}

static bool set_text(device_t *d, size_t i, const char *value, char *why, size_t whylen)
{
    char what[400];
    if (!text_keys[i].check(value, what, sizeof(what)))
        return refuse(why, whylen, "%s %s", text_keys[i].key, what);
    return copy_text((char *)d + text_keys[i].off, text_keys[i].size, value) ||
           refuse(why, whylen, "%s is too long", text_keys[i].key);
}

/* Whole numbers: the key, its range, and where it goes. */
#define NUM_KEY(k, field, min, max) {#k, offsetof(device_t, field), sizeof(((device_t *)0)->field), min, max}
static const struct {
    const char *key;
    size_t off, size; /* an int or an int64_t */
    long min, max;
} number_keys[] = {
    NUM_KEY(port, port, 1, 65535),           NUM_KEY(timeout, timeout_s, 1, 600),
    NUM_KEY(local_as, local_as, 1, 4294967295L), NUM_KEY(peer_as, peer_as, 1, 4294967295L),
    NUM_KEY(hold_time, hold_time, 0, 65535), NUM_KEY(keepalive, keepalive, 0, 65535),
    NUM_KEY(route_limit, route_limit, 1, 10000000),
};

static bool set_number(device_t *d, size_t i, const char *value, char *why, size_t whylen)
{
    long n;
    if (!parse_long(value, number_keys[i].min, number_keys[i].max, &n))
        return refuse(why, whylen, "%s: '%s' is not a whole number in %ld..%ld", number_keys[i].key, value,
                      number_keys[i].min, number_keys[i].max);
    char *field = (char *)d + number_keys[i].off;
    if (number_keys[i].size == sizeof(int64_t))
        *(int64_t *)(void *)field = n;
    else
        *(int *)(void *)field = (int)n;
    return true;
}

/* Keys with a few words or one shape of their own. */
static bool set_other(device_t *d, inv_apply_t *a, const char *key, const char *value, char *why, size_t whylen)
{
    bool b;
    if (!strcmp(key, "md5") || !strcmp(key, "bfd") || !strcmp(key, "exec")) {
        if (!parse_bool(value, &b))
            return refuse(why, whylen, "%s: '%s' is not yes or no", key, value);
        *(key[0] == 'm' ? &d->md5_expected : key[0] == 'b' ? &d->bfd_expected : &d->exec_mode) = b;
        return true;
    }
    if (!strcmp(key, "peering")) {
        if (strcmp(value, "private") && strcmp(value, "microsoft"))
            return refuse(why, whylen, "peering '%s' is not private or microsoft", value);
        d->peering = value[0] == 'm' ? PEERING_MICROSOFT : PEERING_PRIVATE;
        return true;
    }
    if (!strcmp(key, "sku")) {
        if (strcmp(value, "standard") && strcmp(value, "premium") && strcmp(value, "local"))
            return refuse(why, whylen, "sku '%s' is not standard, premium or local", value);
        d->sku = value[0] == 'p' ? SKU_PREMIUM : value[0] == 'l' ? SKU_LOCAL : SKU_STANDARD;
        return true;
    }
    if (!strcmp(key, "link")) {
        if (strcmp(value, "primary") && strcmp(value, "secondary"))
            return refuse(why, whylen, "link '%s' is not primary or secondary", value);
        d->link = value[0] == 's' ? LINK_SECONDARY : LINK_PRIMARY;
        return true;
    }
    if (!strcmp(key, "vrf")) {
        for (const char *p = value; *p; p++)
            if (!isalnum((unsigned char)*p) && !strchr("_.-", *p))
                return refuse(why, whylen, "vrf '%s' may hold only letters, digits and _ . -", value);
        return copy_text(d->vrf, sizeof(d->vrf), value) || refuse(why, whylen, "vrf is too long");
    }
    if (!strcmp(key, "onprem_source")) return set_address(key, value, &d->onprem_source, &d->has_onprem_source, why, whylen);
    if (!strcmp(key, "azure_vm")) return set_address(key, value, &d->azure_vm, &d->has_azure_vm, why, whylen);
    if (!strcmp(key, "expect_prefixes")) return set_prefix_list(d, a, value, why, whylen);
    if (!strcmp(key, "vendor")) return set_vendor(d, value, why, whylen);
    if (!strcmp(key, "group")) return set_groups(d, value, why, whylen);
    return refuse(why, whylen, "unknown key '%s'", key);
}

bool inv_set_key(device_t *d, inv_apply_t *a, const char *key, const char *value, char *why, size_t whylen)
{
    for (size_t i = 0; i < N_TEXT_KEYS; i++)
        if (!strcmp(key, text_keys[i].key))
            return set_text(d, i, value, why, whylen);
    for (size_t i = 0; i < sizeof(number_keys) / sizeof(number_keys[0]); i++)
        if (!strcmp(key, number_keys[i].key))
            return set_number(d, i, value, why, whylen);
    for (size_t i = 0; i < sizeof(peering_keys) / sizeof(peering_keys[0]); i++)
        if (!strcmp(key, peering_keys[i].key))
            return set_peering_key(d, i, value, why, whylen);
    return set_other(d, a, key, value, why, whylen);
}

bool device_in_group(const device_t *d, const char *group)
{
    for (int i = 0; i < d->n_groups; i++)
        if (strcmp(d->groups[i], group) == 0)
            return true;
    return false;
}

/* ---- a device written back as a section ---- */

static void write_addr(FILE *out, const char *key, bool has, const ip_addr_t *a)
{
    char buf[64];
    if (!has)
        return;
    ip_to_string(a, buf, sizeof(buf));
    fprintf(out, "%s = %s\n", key, buf);
}

static void write_prefixes(FILE *out, const device_t *d)
{
    char buf[64];
    /* Four to a line: even four IPv6 prefixes fit the 199 bytes a line may hold. */
    for (int i = 0; i < d->n_expect_prefixes; i++) {
        prefix_to_string(&d->expect_prefixes[i], false, buf, sizeof(buf));
        fprintf(out, "%s%s%s", i % 4 ? ", " : "expect_prefixes = ", buf,
                i % 4 == 3 || i + 1 == d->n_expect_prefixes ? "\n" : "");
    }
}

int inventory_write_device(FILE *out, const device_t *d)
{
    char buf[64];
    fprintf(out, "[device %s]\nhost = %s\nvendor = %s\n", d->name, d->host, d->vendor);
    for (size_t i = 0; i < N_TEXT_KEYS; i++) {
        const char *v = (const char *)d + text_keys[i].off;
        if (*v && text_keys[i].recorded && strcmp(text_keys[i].key, "host") != 0)
            fprintf(out, "%s = %s\n", text_keys[i].key, v);
    }
    if (d->port)
        fprintf(out, "port = %d\n", d->port);
    if (d->vrf[0])
        fprintf(out, "vrf = %s\n", d->vrf);
    if (d->exec_mode)
        fputs("exec = yes\n", out);
    fprintf(out, "peering = %s\nlink = %s\n", d->peering == PEERING_MICROSOFT ? "microsoft" : "private",
            d->link == LINK_SECONDARY ? "secondary" : "primary");
    for (size_t i = 0; i < sizeof(peering_keys) / sizeof(peering_keys[0]); i++) {
        const char *base = (const char *)d;
        if (!*(const bool *)(const void *)(base + peering_keys[i].has_off))
            continue;
        if (peering_keys[i].prefix)
            prefix_to_string((const ip_prefix_t *)(const void *)(base + peering_keys[i].off), false, buf, sizeof(buf));
        else
            ip_to_string((const ip_addr_t *)(const void *)(base + peering_keys[i].off), buf, sizeof(buf));
        fprintf(out, "%s = %s\n", peering_keys[i].key, buf);
    }
    write_addr(out, "onprem_source", d->has_onprem_source, &d->onprem_source);
    write_addr(out, "azure_vm", d->has_azure_vm, &d->azure_vm);
    if (d->local_as > 0)
        fprintf(out, "local_as = %lld\n", (long long)d->local_as);
    fprintf(out, "peer_as = %lld\nhold_time = %d\nkeepalive = %d\nmd5 = %s\nbfd = %s\n", (long long)d->peer_as,
            d->hold_time, d->keepalive, d->md5_expected ? "yes" : "no", d->bfd_expected ? "yes" : "no");
    if (d->route_limit > 0)
        fprintf(out, "route_limit = %d\n", d->route_limit);
    if (d->sku != SKU_STANDARD)
        fprintf(out, "sku = %s\n", d->sku == SKU_PREMIUM ? "premium" : "local");
    write_prefixes(out, d);
    return ferror(out) ? -1 : 0;
}
