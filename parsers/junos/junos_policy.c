/* junos_policy.c: Junos "show configuration policy-options [| display set]" as route-map
 * entries, and "show configuration policy-options prefix-list" as prefix-list entries.
 *
 *   policy-statement IMPORT-FROM-MS {
 *       term ALLOW {
 *           from { protocol bgp; prefix-list MS-PREFIXES; route-filter 10.0.0.0/8 orlonger; }
 *           then { local-preference 200; accept; }
 *       }
 *       term DENY { then reject; }
 *   }
 *   prefix-list MS-PREFIXES { 10.1.0.0/16; 2001:db8:1::/48; }
 *
 * A policy-statement term is one route_maps record (seq = the term's position, match = its
 * from/to clauses, set = its then clauses; "reject" makes it a deny).  A policy without terms
 * is one record with no term name. */
#include <string.h>

#include "parsers/junos/junos.h"
#include "parsers/textutil.h"

static int policy_emit(parse_run_t *run, junos_policy_state_t *st)
{
    if (!st->open)
        return 0;
    st->open = false;
    return parse_emit(run, &st->rec);
}

static void clause(char (*list)[DESC_LEN / 2], int *count, char (*t)[JC_TOK_LEN], int from, int n)
{
    if (*count >= MAX_CLAUSES || from >= n)
        return;
    junos_cfg_join(t, from, n, list[*count], DESC_LEN / 2);
    (*count)++;
}

static int policy_leaf(parse_run_t *run, void *state, char (*t)[JC_TOK_LEN], int n, int inactive_at, bool opening)
{
    junos_policy_state_t *st = state;
    if (inactive_at >= 0)
        return 0; /* a deactivated policy, term or clause does not apply */
    int i = 0;
    while (i < n && strcmp(t[i], "policy-statement"))
        i++;
    if (i + 1 >= n)
        return 0; /* prefix-lists, communities, as-paths: not route-map entries */
    const char *name = t[i + 1], *term = "";
    i += 2;
    if (i + 1 < n && !strcmp(t[i], "term")) {
        term = t[i + 1];
        i += 2;
    }
    route_map_entry_t *e = &st->rec.u.route_map;
    if (!st->open || strcmp(e->name, name) || strcmp(e->term, term)) {
        int64_t seq = st->open || e->seq != MODEL_ABSENT ? e->seq : 0;
        bool same_policy = !strcmp(e->name, name);
        if (policy_emit(run, st))
            return -1;
        if (opening && i >= n && !term[0])
            return 0; /* "policy-statement X {": wait for a term or a clause */
        parse_begin_record(run, &st->rec, KIND_ROUTE_MAPS);
        FIELD_SET(e->name, name, -1);
        FIELD_SET(e->term, term, -1);
        e->seq = same_policy && seq != MODEL_ABSENT ? seq + 1 : 1;
        e->permit = true;
        st->open = true;
    }
    if (i >= n)
        return 0;
    if (!strcmp(t[i], "from") || !strcmp(t[i], "to")) {
        int from = !strcmp(t[i], "from") ? i + 1 : i;
        if (!(opening && from >= n))
            clause(e->match, &e->n_match, t, from, n);
    } else if (!strcmp(t[i], "then") && !(opening && i + 1 >= n)) {
        clause(e->set, &e->n_set, t, i + 1, n);
        if (i + 1 < n && !strcmp(t[i + 1], "reject"))
            e->permit = false;
        else if (i + 1 < n && !strcmp(t[i + 1], "accept"))
            e->permit = true;
    }
    return 0;
}

static int policy_close(parse_run_t *run, void *state, char (*t)[JC_TOK_LEN], int n)
{
    junos_policy_state_t *st = state;
    if (n >= 2 && (!strcmp(t[n - 2], "term") || !strcmp(t[n - 2], "policy-statement")))
        return policy_emit(run, st);
    return 0;
}

static const junos_cfg_ops_t policy_ops = {policy_leaf, policy_close};

int junos_policy_line(parse_run_t *run, void *state, const char *line, size_t len)
{
    junos_policy_state_t *st = state;
    return junos_cfg_line(run, &st->path, line, len, &policy_ops, st);
}

int junos_policy_finish(parse_run_t *run, void *state)
{
    junos_policy_state_t *st = state;
    if (st->path.depth > st->path.base_depth)
        parse_truncated(run, "configuration cut inside a block");
    return policy_emit(run, st);
}

static int plist_leaf(parse_run_t *run, void *state, char (*t)[JC_TOK_LEN], int n, int inactive_at, bool opening)
{
    junos_prefix_list_state_t *st = state;
    if (inactive_at >= 0)
        return 0; /* a deactivated list or entry does not apply */
    int i = 0;
    while (i < n && strcmp(t[i], "prefix-list"))
        i++;
    if (i + 2 >= n || opening || !strcmp(t[i + 2], "apply-path"))
        return 0;
    if (strcmp(st->name, t[i + 1])) {
        FIELD_SET(st->name, t[i + 1], -1);
        st->seq = 0;
    }
    record_t rec;
    record_init(&rec, KIND_PREFIX_LISTS);
    prefix_list_entry_t *e = &rec.u.prefix_list;
    FIELD_SET(e->name, st->name, -1);
    e->seq = ++st->seq; /* Junos lists have no sequence numbers: the entry's position */
    e->permit = true;
    const char *p = t[i + 2];
    if (!tu_prefix(p, strlen(p), false, e->prefix, sizeof(e->prefix))) {
        parse_skip(run);
        return 0;
    }
    e->ipv6 = strchr(e->prefix, ':') != NULL;
    return parse_emit(run, &rec);
}

static const junos_cfg_ops_t plist_ops = {plist_leaf, NULL};

int junos_prefix_list_line(parse_run_t *run, void *state, const char *line, size_t len)
{
    junos_prefix_list_state_t *st = state;
    return junos_cfg_line(run, &st->path, line, len, &plist_ops, st);
}

int junos_prefix_list_finish(parse_run_t *run, void *state)
{
    junos_prefix_list_state_t *st = state;
    if (st->path.depth > st->path.base_depth)
        parse_truncated(run, "configuration cut inside a block");
    return 0;
}
