/* inventory.c: the INI inventory, parsed with inih and checked value by value. */
#include "core/inventory.h"

#include <ctype.h>
#include <errno.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>

#include "core/datadir.h"
#include "core/ini_text.h"
#include "core/inventory_values.h"

typedef struct {
    inventory_t *inv;
    device_t defaults;
    device_t *cur;       /* section being read: &defaults or a device */
    ini_text_t rd;       /* the text, the line inih is on, the earliest error */
    int cur_header;      /* the header line of the section cur belongs to */
    int prefixes_header; /* the header line of the section expect_prefixes was last read in */
    bool credentials;    /* a password_command or identity was read */
} inv_load_t;

static void device_defaults(device_t *d)
{
    memset(d, 0, sizeof(*d));
    d->peer_as = 12076; /* Microsoft's AS on every ExpressRoute peering */
    d->local_as = -1;
    d->hold_time = 180; /* Microsoft fixes 180/60 on its side */
    d->keepalive = 60;
    d->timeout_s = 15;
    d->route_limit = -1;
    snprintf(d->known_hosts, sizeof(d->known_hosts), "~/.ssh/known_hosts");
}

static int fail(inv_load_t *ld, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
static int fail(inv_load_t *ld, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    ini_text_vfail_at(&ld->rd, ld->rd.line, fmt, ap);
    va_end(ap);
    return 0;
}

static int fail_at(inv_load_t *ld, int line, const char *fmt, ...) __attribute__((format(printf, 3, 4)));
static int fail_at(inv_load_t *ld, int line, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    ini_text_vfail_at(&ld->rd, line, fmt, ap);
    va_end(ap);
    return 0;
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

static int set_prefix_list(inv_load_t *ld, device_t *d, const char *value)
{
    char buf[2048];
    if (!copy_text(buf, sizeof(buf), value))
        return fail(ld, "expect_prefixes is too long");
    /* A line holds at most 199 bytes (inih): the list may go on over several lines of the same
     * section, which add up; the first in a section replaces what [defaults] said. */
    if (ld->prefixes_header != ld->cur_header)
        d->n_expect_prefixes = 0;
    ld->prefixes_header = ld->cur_header;
    for (char *save = NULL, *tok = strtok_r(buf, ", \t", &save); tok; tok = strtok_r(NULL, ", \t", &save)) {
        if (d->n_expect_prefixes == INV_MAX_PREFIXES)
            return fail(ld, "expect_prefixes: more than 32 prefixes");
        if (!prefix_parse(tok, &d->expect_prefixes[d->n_expect_prefixes]) || !strchr(tok, '/'))
            return fail(ld, "expect_prefixes: '%s' is not a prefix (a.b.c.d/len)", tok);
        d->n_expect_prefixes++;
    }
    return 1;
}

static const char *const vendors[] = {"ios", "nxos", "iosxr", "eos", "junos", "frr", "linux", NULL};

static int set_vendor(inv_load_t *ld, device_t *d, const char *value)
{
    for (size_t i = 0; vendors[i]; i++)
        if (strcmp(value, vendors[i]) == 0)
            return copy_text(d->vendor, sizeof(d->vendor), value);
    return fail(ld, "vendor '%s' is not one of ios, nxos, iosxr, eos, junos, frr, linux", value);
}

static int set_address(inv_load_t *ld, const char *key, const char *value, ip_addr_t *dst, bool *has)
{
    if (!ip_parse(value, dst))
        return fail(ld, "%s: '%s' is not an IPv4 or IPv6 address", key, value);
    *has = true;
    return 1;
}

static int set_int(inv_load_t *ld, const char *key, const char *value, long min, long max, long *out)
{
    if (!parse_long(value, min, max, out))
        return fail(ld, "%s: '%s' is not a whole number in %ld..%ld", key, value, min, max);
    return 1;
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

static int set_text(inv_load_t *ld, device_t *d, size_t i, const char *value)
{
    char why[400];
    if (!text_keys[i].check(value, why, sizeof(why)))
        return fail(ld, "%s %s", text_keys[i].key, why);
    if (text_keys[i].off == offsetof(device_t, password_command) || text_keys[i].off == offsetof(device_t, identity))
        ld->credentials = true;
    return copy_text((char *)d + text_keys[i].off, text_keys[i].size, value) || fail(ld, "%s is too long", text_keys[i].key);
}

/* One key of a [defaults] or [device] section. */
static int set_key(inv_load_t *ld, device_t *d, const char *key, const char *value)
{
    long n;
    bool b;
    for (size_t i = 0; i < sizeof(text_keys) / sizeof(text_keys[0]); i++)
        if (!strcmp(key, text_keys[i].key))
            return set_text(ld, d, i, value);
    if (!strcmp(key, "vrf")) {
        for (const char *p = value; *p; p++)
            if (!isalnum((unsigned char)*p) && !strchr("_.-", *p))
                return fail(ld, "vrf '%s' may hold only letters, digits and _ . -", value);
        return copy_text(d->vrf, sizeof(d->vrf), value) || fail(ld, "vrf is too long");
    }
    if (!strcmp(key, "vendor")) return set_vendor(ld, d, value);
    if (!strcmp(key, "port")) return set_int(ld, key, value, 1, 65535, &n) && ((d->port = (int)n), 1);
    if (!strcmp(key, "timeout")) return set_int(ld, key, value, 1, 600, &n) && ((d->timeout_s = (int)n), 1);
    if (!strcmp(key, "local_as")) return set_int(ld, key, value, 1, 4294967295L, &n) && ((d->local_as = n), 1);
    if (!strcmp(key, "peer_as")) return set_int(ld, key, value, 1, 4294967295L, &n) && ((d->peer_as = n), 1);
    if (!strcmp(key, "hold_time")) return set_int(ld, key, value, 0, 65535, &n) && ((d->hold_time = (int)n), 1);
    if (!strcmp(key, "keepalive")) return set_int(ld, key, value, 0, 65535, &n) && ((d->keepalive = (int)n), 1);
    if (!strcmp(key, "route_limit")) return set_int(ld, key, value, 1, 10000000, &n) && ((d->route_limit = (int)n), 1);
    if (!strcmp(key, "md5") || !strcmp(key, "bfd") || !strcmp(key, "exec")) {
        if (!parse_bool(value, &b))
            return fail(ld, "%s: '%s' is not yes or no", key, value);
        *(key[0] == 'm' ? &d->md5_expected : key[0] == 'b' ? &d->bfd_expected : &d->exec_mode) = b;
        return 1;
    }
    if (!strcmp(key, "peering")) {
        if (strcmp(value, "private") && strcmp(value, "microsoft"))
            return fail(ld, "peering '%s' is not private or microsoft", value);
        d->peering = value[0] == 'm' ? PEERING_MICROSOFT : PEERING_PRIVATE;
        return 1;
    }
    if (!strcmp(key, "link")) {
        if (strcmp(value, "primary") && strcmp(value, "secondary"))
            return fail(ld, "link '%s' is not primary or secondary", value);
        d->link = value[0] == 's' ? LINK_SECONDARY : LINK_PRIMARY;
        return 1;
    }
    if (!strcmp(key, "subnet")) {
        if (!prefix_parse(value, &d->subnet) || !strchr(value, '/'))
            return fail(ld, "subnet '%s' is not a prefix (a.b.c.d/len)", value);
        d->has_subnet = true;
        return 1;
    }
    if (!strcmp(key, "local_ip")) return set_address(ld, key, value, &d->local_ip, &d->has_local_ip);
    if (!strcmp(key, "peer_ip")) return set_address(ld, key, value, &d->peer_ip, &d->has_peer_ip);
    if (!strcmp(key, "onprem_source")) return set_address(ld, key, value, &d->onprem_source, &d->has_onprem_source);
    if (!strcmp(key, "azure_vm")) return set_address(ld, key, value, &d->azure_vm, &d->has_azure_vm);
    if (!strcmp(key, "expect_prefixes")) return set_prefix_list(ld, d, value);
    return fail(ld, "unknown key '%s'", key);
}

/* Expectations that cannot all be true are refused at load, not discovered mid-incident.
 * Pairs are checked as soon as their second key is read, so the error names that line. */
static int check_pairs(inv_load_t *ld, const device_t *d)
{
    if (d->has_subnet && d->has_peer_ip && !prefix_contains(&d->subnet, &d->peer_ip))
        return fail(ld, "peer_ip is outside subnet");
    if (d->has_subnet && d->has_local_ip && !prefix_contains(&d->subnet, &d->local_ip))
        return fail(ld, "local_ip is outside subnet");
    if (d->has_local_ip && d->has_peer_ip && ip_equal(&d->local_ip, &d->peer_ip))
        return fail(ld, "local_ip equals peer_ip");
    if (d->local_as > 0 && d->local_as == d->peer_as)
        return fail(ld, "local_as equals peer_as on an eBGP circuit");
    return 1;
}

static int check_device(inv_load_t *ld, const device_t *d)
{
    if (!d->host[0])
        return fail_at(ld, d->line, "device '%s' has no host", d->name);
    if (!d->vendor[0])
        return fail_at(ld, d->line, "device '%s' has no vendor", d->name);
    if (d->keepalive > 0 && d->hold_time > 0 && d->keepalive * 3 > d->hold_time)
        return fail_at(ld, d->line, "device '%s': keepalive must be at most a third of hold_time", d->name);
    return 1;
}

/* The first key of a [device NAME] section: a new device, starting from the defaults. */
static int new_device(inv_load_t *ld, const char *name)
{
    inventory_t *inv = ld->inv;
    char why[300];
    const device_t *old = inventory_find(inv, name);
    if (old)
        return fail_at(ld, ld->rd.section_line, "device '%s' is defined twice: [device %s] at lines %d and %d", name, name,
                       old->line, ld->rd.section_line);
    if (!inv_check_name(name, why, sizeof(why)))
        return fail_at(ld, ld->rd.section_line, "device name %s", why);
    device_t *grown = realloc(inv->devices, (inv->n_devices + 1) * sizeof(device_t));
    if (!grown)
        return fail(ld, "out of memory");
    inv->devices = grown;
    ld->cur = &inv->devices[inv->n_devices++];
    *ld->cur = ld->defaults;
    ld->cur->line = ld->rd.section_line;
    return copy_text(ld->cur->name, sizeof(ld->cur->name), name) ||
           fail_at(ld, ld->rd.section_line, "device name '%s' is too long", name);
}

static int on_key(void *user, const char *section, const char *key, const char *value)
{
    inv_load_t *ld = user;
    bool first_key = ld->cur_header != ld->rd.section_line;
    ld->cur_header = ld->rd.section_line;
    if (strcmp(section, "defaults") == 0) {
        ld->cur = &ld->defaults;
    } else if (strncmp(section, "device ", 7) == 0 && section[7]) {
        /* A header seen again, even right after itself, is a second definition. */
        if (first_key && !new_device(ld, section + 7)) {
            ld->cur = NULL;
            return 0;
        }
    } else {
        return fail(ld, "section [%s] is neither [defaults] nor [device NAME]", section);
    }
    return ld->cur && set_key(ld, ld->cur, key, value) && check_pairs(ld, ld->cur);
}

static int load(inventory_t *inv, inv_load_t *ld, char *err, size_t errlen)
{
    memset(inv, 0, sizeof(*inv));
    snprintf(inv->path, sizeof(inv->path), "%s", ld->rd.name);
    ld->inv = inv;
    device_defaults(&ld->defaults);
    ini_text_parse(&ld->rd, on_key, ld);
    for (size_t i = 0; i < inv->n_devices && !ld->rd.err[0]; i++)
        check_device(ld, &inv->devices[i]);
    if (ld->rd.err[0]) {
        snprintf(err, errlen, "%s", ld->rd.err);
        inventory_free(inv);
        return -1;
    }
    return 0;
}

int inventory_load(inventory_t *inv, const char *path, char *err, size_t errlen)
{
    struct stat st;
    memset(inv, 0, sizeof(*inv));
    char *text = ini_text_read_file(path, INV_MAX_FILE, "an inventory", &st, err, errlen);
    if (!text)
        return -1;
    inv_load_t ld = {0};
    ini_text_init(&ld.rd, path, text);
    int rc = load(inv, &ld, err, errlen);
    free(text);
    if (rc == 0 && ld.credentials && (st.st_mode & 077))
        snprintf(inv->warning, sizeof(inv->warning),
                 "%.200s holds password_command or identity and is %s by others (mode %03o): chmod 600 it",
                 path, (st.st_mode & 022) ? "writable" : "readable", (unsigned)(st.st_mode & 0777));
    return rc;
}

int inventory_load_string(inventory_t *inv, const char *name, const char *text, char *err, size_t errlen)
{
    inv_load_t ld = {0};
    ini_text_init(&ld.rd, name, text);
    return load(inv, &ld, err, errlen);
}

void inventory_free(inventory_t *inv)
{
    free(inv->devices);
    inv->devices = NULL;
    inv->n_devices = 0;
}

const device_t *inventory_find(const inventory_t *inv, const char *name)
{
    for (size_t i = 0; i < inv->n_devices; i++)
        if (strcmp(inv->devices[i].name, name) == 0)
            return &inv->devices[i];
    return NULL;
}

void inventory_default_path(char *buf, size_t size)
{
    char dir[4096];
    datadir_config(dir, sizeof(dir));
    snprintf(buf, size, "%s/inventory.ini", dir);
}

static void write_addr(FILE *out, const char *key, bool has, const ip_addr_t *a)
{
    char buf[64];
    if (!has)
        return;
    ip_to_string(a, buf, sizeof(buf));
    fprintf(out, "%s = %s\n", key, buf);
}

int inventory_write_device(FILE *out, const device_t *d)
{
    char buf[64];
    fprintf(out, "[device %s]\nhost = %s\nvendor = %s\n", d->name, d->host, d->vendor);
    for (size_t i = 0; i < sizeof(text_keys) / sizeof(text_keys[0]); i++) {
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
    if (d->has_subnet) {
        prefix_to_string(&d->subnet, false, buf, sizeof(buf));
        fprintf(out, "subnet = %s\n", buf);
    }
    write_addr(out, "local_ip", d->has_local_ip, &d->local_ip);
    write_addr(out, "peer_ip", d->has_peer_ip, &d->peer_ip);
    write_addr(out, "onprem_source", d->has_onprem_source, &d->onprem_source);
    write_addr(out, "azure_vm", d->has_azure_vm, &d->azure_vm);
    if (d->local_as > 0)
        fprintf(out, "local_as = %lld\n", (long long)d->local_as);
    fprintf(out, "peer_as = %lld\nhold_time = %d\nkeepalive = %d\nmd5 = %s\nbfd = %s\n", (long long)d->peer_as,
            d->hold_time, d->keepalive, d->md5_expected ? "yes" : "no", d->bfd_expected ? "yes" : "no");
    if (d->route_limit > 0)
        fprintf(out, "route_limit = %d\n", d->route_limit);
    /* Four to a line: even four IPv6 prefixes fit the 199 bytes a line may hold. */
    for (int i = 0; i < d->n_expect_prefixes; i++) {
        prefix_to_string(&d->expect_prefixes[i], false, buf, sizeof(buf));
        fprintf(out, "%s%s%s", i % 4 ? ", " : "expect_prefixes = ", buf,
                i % 4 == 3 || i + 1 == d->n_expect_prefixes ? "\n" : "");
    }
    return ferror(out) ? -1 : 0;
}
