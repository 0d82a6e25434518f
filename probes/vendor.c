/* vendor.c: the vendor tables by name. */
#include "probes/vendor.h"

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

const vendor_probe_t *vendor_probe(const vendor_t *v, probe_id_t probe)
{
    for (size_t i = 0; i < v->n_probes; i++)
        if (v->probes[i].probe == probe)
            return &v->probes[i];
    return NULL;
}

const vendor_remedy_t *remedy_find(const vendor_remedy_t *table, size_t n, const char *cause)
{
    for (size_t i = 0; i < n; i++)
        if (strcmp(table[i].cause, cause) == 0)
            return &table[i];
    return NULL;
}

const vendor_probe_t *vendor_probe_in(const vendor_t *v, probe_id_t probe, const char *vrf)
{
    const vendor_probe_t *p = vendor_probe(v, probe);
    bool in_vrf = vrf && *vrf && strcmp(vrf, "default") != 0;
    return p && in_vrf && p->command_vrf && !*p->command_vrf ? NULL : p;
}

const vendor_remedy_t *vendor_remedy(const vendor_t *v, const char *cause)
{
    return remedy_find(v->remedies, v->n_remedies, cause);
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

probe_id_t vendor_probe_for_command(const vendor_t *v, const char *command)
{
    for (size_t i = 0; i < v->n_probes; i++) {
        const vendor_probe_t *p = &v->probes[i];
        if (template_matches(p->command, command) || (p->command_vrf && template_matches(p->command_vrf, command)) ||
            (p->structured && template_matches(p->structured, command)))
            return p->probe;
    }
    return PROBE_COUNT;
}

