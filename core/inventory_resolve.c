/* inventory_resolve.c: each device built from the sections read (inventory_int.h): the
 * built-in values, then [defaults], then its groups in the order it names them, then its own
 * keys, each later one winning.  What only the whole device can show is checked here, each
 * error at the line that caused it, the first in reading order kept. */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/inventory_int.h"

void inv_fail_at(inv_loader_t *ld, const inv_pos_t *pos, const char *fmt, ...)
{
    char msg[400];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof(msg), fmt, ap);
    va_end(ap);
    if (!ld->err[0] || pos->seq < ld->err_seq) {
        snprintf(ld->err, sizeof(ld->err), "%s:%d: %s", pos->file, pos->line, msg);
        ld->err_seq = pos->seq;
    }
}

/* The keys two expectations are made of, and where each was last set (pos.file NULL: the
 * built-in value). */
enum {
    ORIGIN_SUBNET, ORIGIN_LOCAL_IP, ORIGIN_PEER_IP, ORIGIN_LOCAL_AS, ORIGIN_PEER_AS,
    ORIGIN_SUBNET6, ORIGIN_LOCAL_IP6, ORIGIN_PEER_IP6, N_ORIGINS
};
static const char *const origin_keys[N_ORIGINS] = {"subnet", "local_ip", "peer_ip", "local_as", "peer_as",
                                                   "subnet6", "local_ip6", "peer_ip6"};

typedef struct {
    inv_loader_t *ld;
    device_t *d;
    inv_apply_t apply;
    long applied;                    /* keys applied so far: later ones win */
    inv_pos_t origin[N_ORIGINS];
    long origin_order[N_ORIGINS];    /* when each was applied */
    inv_pos_t named[INV_MAX_GROUPS]; /* the `group =` line that named each group */
    size_t *group_sec;               /* the section of each of ld->inv's groups */
} resolve_t;

/* One section's keys on the device (group lines only, or all but them). */
static void apply_section(resolve_t *r, size_t sec, bool groups_only)
{
    const inv_section_t *s = &r->ld->sections[sec];
    char why[600];
    r->apply.section = (int)sec;
    for (size_t i = 0; i < s->n_entries; i++) {
        const inv_entry_t *e = &s->entries[i];
        if ((strcmp(e->key, "group") == 0) != groups_only)
            continue;
        int had = r->d->n_groups;
        /* Each value was checked as it was read, in its own section, so this does not fail;
         * were it to, the error would still name the value's line. */
        if (!inv_set_key(r->d, &r->apply, e->key, e->value, why, sizeof(why)))
            inv_fail_at(r->ld, &e->pos, "%s", why);
        for (int g = had; g < r->d->n_groups; g++)
            r->named[g] = e->pos;
        r->applied++;
        for (int k = 0; k < N_ORIGINS; k++)
            if (strcmp(e->key, origin_keys[k]) == 0) {
                r->origin[k] = e->pos;
                r->origin_order[k] = r->applied;
            }
    }
}

/* The key of the two set last (the built-in value never is), where the error is named. */
static const inv_pos_t *later(const resolve_t *r, int a, int b)
{
    const inv_pos_t *pa = &r->origin[a], *pb = &r->origin[b];
    if (!pa->file)
        return pb;
    if (!pb->file)
        return pa;
    return r->origin_order[a] > r->origin_order[b] ? pa : pb;
}

/* One family's peering: both addresses inside the subnet, and not the same. */
static void check_peering(resolve_t *r, const device_t *view, int base)
{
    const device_t *d = view;
    const char *six = base == ORIGIN_SUBNET6 ? "6" : "";
    int subnet = base, local = base + 1, peer = base + 2;
    if (base == ORIGIN_SUBNET)
        local = ORIGIN_LOCAL_IP, peer = ORIGIN_PEER_IP;
    if (d->has_subnet && d->has_peer_ip && !prefix_contains(&d->subnet, &d->peer_ip))
        inv_fail_at(r->ld, later(r, subnet, peer), "peer_ip%s is outside subnet%s", six, six);
    if (d->has_subnet && d->has_local_ip && !prefix_contains(&d->subnet, &d->local_ip))
        inv_fail_at(r->ld, later(r, subnet, local), "local_ip%s is outside subnet%s", six, six);
    if (d->has_local_ip && d->has_peer_ip && ip_equal(&d->local_ip, &d->peer_ip))
        inv_fail_at(r->ld, later(r, local, peer), "local_ip%s equals peer_ip%s", six, six);
}

/* Expectations that cannot all be true are refused at load, not discovered mid-incident. */
static void check_pairs(resolve_t *r)
{
    const device_t *d = r->d;
    device_t v6;
    check_peering(r, d, ORIGIN_SUBNET);
    device_family_view(d, FAMILY_IPV6, &v6);
    check_peering(r, &v6, ORIGIN_SUBNET6);
    if (d->local_as > 0 && d->local_as == d->peer_as)
        inv_fail_at(r->ld, later(r, ORIGIN_LOCAL_AS, ORIGIN_PEER_AS), "local_as equals peer_as on an eBGP circuit");
}

static void check_device(inv_loader_t *ld, const device_t *d, const inv_pos_t *header)
{
    if (!d->host[0])
        inv_fail_at(ld, header, "device '%s' has no host", d->name);
    else if (!d->vendor[0])
        inv_fail_at(ld, header, "device '%s' has no vendor", d->name);
    else if (d->keepalive > 0 && d->hold_time > 0 && d->keepalive * 3 > d->hold_time)
        inv_fail_at(ld, header, "device '%s': keepalive must be at most a third of hold_time", d->name);
}

/* Which layers apply, precedence order: base ([defaults] applied), each group named, the
 * device's own keys. */
static void resolve_device(const resolve_t *base, size_t sec, device_t *d)
{
    inv_loader_t *ld = base->ld;
    const inv_section_t *s = &ld->sections[sec];
    resolve_t r = *base;
    r.d = d;
    *d = *base->d;
    snprintf(d->name, sizeof(d->name), "%s", s->name);
    snprintf(d->file, sizeof(d->file), "%s", s->pos.file);
    d->line = s->pos.line;
    apply_section(&r, sec, true); /* only d->groups: no other layer touches them */
    for (int g = 0; g < d->n_groups; g++) {
        inv_group_t *group = NULL;
        for (size_t k = 0; k < ld->inv->n_groups && !group; k++)
            if (strcmp(ld->inv->groups[k].name, d->groups[g]) == 0)
                group = &ld->inv->groups[k];
        if (!group) {
            inv_fail_at(ld, &r.named[g], "device '%s': no group '%s' (no [group %s] section)", d->name,
                        d->groups[g], d->groups[g]);
            continue;
        }
        group->n_members++;
        apply_section(&r, base->group_sec[group - ld->inv->groups], false);
    }
    apply_section(&r, sec, false);
    check_pairs(&r);
    check_device(ld, d, &s->pos);
}

/* The groups, as their sections were read; group_sec (allocated here) gets their sections. */
static int list_groups(inv_loader_t *ld, size_t **group_sec)
{
    inventory_t *inv = ld->inv;
    size_t n = 0;
    for (size_t i = 0; i < ld->n_sections; i++)
        n += ld->sections[i].kind == INV_SEC_GROUP;
    if (!n)
        return 0;
    inv->groups = calloc(n, sizeof(*inv->groups));
    *group_sec = calloc(n, sizeof(**group_sec));
    if (!inv->groups || !*group_sec)
        return -1;
    for (size_t i = 0; i < ld->n_sections; i++) {
        const inv_section_t *s = &ld->sections[i];
        if (s->kind != INV_SEC_GROUP)
            continue;
        (*group_sec)[inv->n_groups] = i;
        inv_group_t *g = &inv->groups[inv->n_groups++];
        g->line = s->pos.line;
        snprintf(g->name, sizeof(g->name), "%s", s->name);
        snprintf(g->file, sizeof(g->file), "%s", s->pos.file);
    }
    return 0;
}

int inv_resolve(inv_loader_t *ld)
{
    inventory_t *inv = ld->inv;
    device_t base_device;
    resolve_t base = {.ld = ld, .d = &base_device, .apply.prefixes_section = -1};
    size_t n = 0;
    for (size_t i = 0; i < ld->n_sections; i++)
        n += ld->sections[i].kind == INV_SEC_DEVICE;
    if (list_groups(ld, &base.group_sec) != 0 || (n && !(inv->devices = calloc(n, sizeof(device_t))))) {
        free(base.group_sec);
        snprintf(ld->err, sizeof(ld->err), "%s: out of memory", inv->path);
        return -1;
    }
    inv_device_defaults(&base_device);
    for (size_t i = 0; i < ld->n_sections; i++)
        if (ld->sections[i].kind == INV_SEC_DEFAULTS)
            apply_section(&base, i, false);
    for (size_t i = 0; i < ld->n_sections; i++)
        if (ld->sections[i].kind == INV_SEC_DEVICE)
            resolve_device(&base, i, &inv->devices[inv->n_devices++]);
    free(base.group_sec);
    return ld->err[0] ? -1 : 0;
}
