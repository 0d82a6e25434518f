/* vendor.c: the vendor tables by name. */
#include "probes/vendor.h"

#include "core/prefix.h"

#include <stdbool.h>
#include <string.h>

static const vendor_t *const all_vendors[] = {
    &vendor_ios, &vendor_nxos, &vendor_iosxr, &vendor_eos, &vendor_junos, &vendor_frr, &vendor_linux, NULL,
};

const vendor_t *vendor_find(const char *name)
{
    for (size_t i = 0; name && all_vendors[i]; i++)
        if (strcmp(all_vendors[i]->name, name) == 0)
            return all_vendors[i];
    return NULL;
}

static const vendor_probe_t *find_probe(const vendor_probe_t *table, size_t n, probe_id_t probe)
{
    for (size_t i = 0; i < n; i++)
        if (table[i].probe == probe)
            return &table[i];
    return NULL;
}

const vendor_probe_t *vendor_probe(const vendor_t *v, probe_id_t probe)
{
    return find_probe(v->probes, v->n_probes, probe);
}

const vendor_remedy_t *remedy_find(const vendor_remedy_t *table, size_t n, const char *cause)
{
    for (size_t i = 0; i < n; i++)
        if (strcmp(table[i].cause, cause) == 0)
            return &table[i];
    return NULL;
}

const vendor_probe_t *vendor_probe_for(const vendor_t *v, probe_id_t probe, const char *vrf, family_t family)
{
    const vendor_probe_t *p = family == FAMILY_IPV6 && !probe_family_neutral(probe)
                                  ? find_probe(v->probes6, v->n_probes6, probe)
                                  : vendor_probe(v, probe);
    bool in_vrf = vrf && *vrf && strcmp(vrf, "default") != 0;
    return p && in_vrf && p->command_vrf && !*p->command_vrf ? NULL : p;
}

const vendor_probe_t *vendor_probe_in(const vendor_t *v, probe_id_t probe, const char *vrf)
{
    return vendor_probe_for(v, probe, vrf, FAMILY_IPV4);
}

const vendor_remedy_t *vendor_remedy(const vendor_t *v, const char *cause)
{
    return remedy_find(v->remedies, v->n_remedies, cause);
}

const vendor_remedy_t *vendor_remedy_for(const vendor_t *v, const char *cause, family_t family)
{
    const vendor_remedy_t *r = family == FAMILY_IPV6 ? remedy_find(v->remedies6, v->n_remedies6, cause) : NULL;
    return r ? r : vendor_remedy(v, cause);
}

const char *vendor_remedy_line(const char *line, bool *disruptive)
{
    bool mark = line[0] == VENDOR_DISRUPTIVE_MARK;
    if (disruptive)
        *disruptive = mark;
    return line + mark;
}

/* Does command have the shape of template?  Each {placeholder} stands for one word, or the
 * part of one before what the template glues to it (Junos "table {vrf}.inet.0"); an optional
 * "[...]" part may be there or not. */
static bool template_matches(const char *tmpl, const char *cmd)
{
    while (*tmpl && *cmd) {
        if (*tmpl == '[') {
            const char *close = strchr(tmpl, ']');
            if (!close)
                return false;
            if (template_matches(close + 1, cmd))
                return true;
            tmpl++; /* with the part: go on inside it, and skip its ']' below */
            continue;
        }
        if (*tmpl == ']') {
            tmpl++;
            continue;
        }
        if (*tmpl == '{') {
            const char *end = strchr(tmpl, '}');
            if (!end)
                return false;
            size_t word = strcspn(cmd, " ");
            for (size_t k = 1; k < word && end[1] && end[1] != ' ' && end[1] != '['; k++)
                if (template_matches(end + 1, cmd + k))
                    return true;
            tmpl = end + 1;
            cmd += word;
            continue;
        }
        if (*tmpl++ != *cmd++)
            return false;
    }
    while (*tmpl == ']' || (*tmpl == '[' && strchr(tmpl, ']'))) /* optional parts left out at the end */
        tmpl = *tmpl == ']' ? tmpl + 1 : strchr(tmpl, ']') + 1;
    return *tmpl == '\0' && *cmd == '\0';
}

static bool probe_matches(const vendor_probe_t *p, const char *command)
{
    return template_matches(p->command, command) || (p->command_vrf && template_matches(p->command_vrf, command)) ||
           (p->structured && template_matches(p->structured, command));
}

/* The entry of table[0..n) whose template command has the shape of, or NULL. */
static const vendor_probe_t *match_table(const vendor_probe_t *table, size_t n, const char *command)
{
    for (size_t i = 0; i < n; i++)
        if (probe_matches(&table[i], command))
            return &table[i];
    return NULL;
}

probe_id_t vendor_probe_for_command(const vendor_t *v, const char *command)
{
    const vendor_probe_t *p = match_table(v->probes, v->n_probes, command);
    if (!p)
        p = match_table(v->probes6, v->n_probes6, command);
    return p ? p->probe : PROBE_COUNT;
}

/* Whether a word of command is an IPv6 address or prefix. */
static bool holds_ipv6(const char *command)
{
    for (const char *w = command; *w;) {
        size_t n = strcspn(w, " ");
        char word[64];
        ip_prefix_t p;
        if (n && n < sizeof(word) && memchr(w, ':', n)) {
            memcpy(word, w, n);
            word[n] = '\0';
            if (prefix_parse(word, &p) && p.addr.family == 6)
                return true;
        }
        w += n;
        w += strspn(w, " ");
    }
    return false;
}

family_t vendor_command_family(const vendor_t *v, const char *command)
{
    const vendor_probe_t *p6 = match_table(v->probes6, v->n_probes6, command);
    if (!p6)
        return FAMILY_IPV4;
    const vendor_probe_t *p4 = match_table(v->probes, v->n_probes, command);
    return !p4 || holds_ipv6(command) ? FAMILY_IPV6 : FAMILY_IPV4;
}
