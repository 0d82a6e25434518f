/* frr_policy.c: FRR "show ip prefix-list" / "show ipv6 prefix-list" and "show route-map".
 *
 *   BGP: ip prefix-list FROM-MSEE: 2 entries
 *      seq 5 permit 10.0.0.0/8 ge 16 le 24
 *   ZEBRA:
 *
 *   BGP:
 *   route-map: RM-MSEE-IN Invoked: 8 Optimization: enabled Processed Change: false
 *    permit, sequence 10 Invoked 8
 *     Match clauses:
 *       ip address prefix-list FROM-MSEE
 *     Set clauses:
 *       local-preference 200
 *     Call clause:
 *     Action:
 *       Exit routemap
 *
 * vtysh asks every daemon, so a list configured in several daemons is printed once per
 * daemon: it is reported once, from the first daemon that lists it. */
#include <string.h>

#include "parsers/frr/frr.h"
#include "parsers/rx.h"
#include "parsers/textutil.h"

static rx_t daemon_rx = RX("^(?<d>[A-Z][A-Z0-9]+):\\s*(?<rest>.*)$");
static rx_t plist_rx = RX("^(?<v6>ipv6|ip) prefix-list (?<name>\\S+?):? (?:\\d+ entries|.*)$");
static rx_t pentry_rx = RX("^\\s+seq (?<seq>\\d+) (?<act>permit|deny) (?<pfx>\\S+)(?: ge (?<ge>\\d+))?(?: le (?<le>\\d+))?");
static rx_t pignore_rx = RX("^\\s*(?:Description:|count:|\\(hit count|% )");

static void daemon_section(frr_seen_t *seen, const rx_caps_t *c)
{
    (void)c;
    seen->daemon++;
}

int frr_prefix_list_line(parse_run_t *run, void *state, const char *line, size_t len)
{
    frr_prefix_list_state_t *st = state;
    rx_caps_t c;
    const char *s;
    size_t n;
    if (frr_blank(line, len))
        return 0;
    if (rx_match(&daemon_rx, line, len, &c)) {
        daemon_section(&st->seen, &c);
        rx_named(&c, "rest", &s, &n);
        if (n == 0)
            return 0;
        line = s; /* "BGP: ip prefix-list ..." on one line */
        len = n;
    }
    if (rx_match(&plist_rx, line, len, &c)) {
        rx_copy(&c, "name", st->name, sizeof(st->name));
        rx_named(&c, "v6", &s, &n);
        st->ipv6 = n == 4;
        st->skip_list = frr_seen_elsewhere(&st->seen, st->name);
        return 0;
    }
    if (st->name[0] && rx_match(&pentry_rx, line, len, &c)) {
        if (st->skip_list)
            return 0;
        record_t rec;
        parse_begin_record(run, &rec, KIND_PREFIX_LISTS);
        prefix_list_entry_t *e = &rec.u.prefix_list;
        FIELD_SET(e->name, st->name, -1);
        e->seq = rx_int(&c, "seq");
        rx_named(&c, "act", &s, &n);
        e->permit = n == 6;
        rx_named(&c, "pfx", &s, &n);
        if (!tu_prefix(s, n, false, e->prefix, sizeof(e->prefix)))
            field_set(e->prefix, sizeof(e->prefix), s, (long)n); /* "any" */
        e->ge = rx_int(&c, "ge");
        e->le = rx_int(&c, "le");
        e->ipv6 = st->ipv6;
        return parse_emit(run, &rec);
    }
    if (rx_match(&pignore_rx, line, len, NULL))
        return 0;
    parse_skip(run);
    return 0;
}

/* ---- route-map ---- */
static rx_t map_rx = RX("^route-map:? (?<name>[^ ,]+)(?: Invoked: \\d+ Optimization: \\S+ Processed Change: "
                        "(?:true|false))?\\s*$");
static rx_t old_entry_rx = RX("^route-map (?<name>\\S+), (?<act>permit|deny), sequence (?<seq>\\d+)");
static rx_t rentry_rx = RX("^\\s(?<act>permit|deny), sequence (?<seq>\\d+)");
static rx_t section_rx = RX("^\\s+(?<s>Match clauses|Set clauses|Call clause|Action|Description):");
static rx_t clause_rx = RX("^\\s{3,}(?<c>\\S.*?)\\s*$");

static int rm_flush(parse_run_t *run, frr_route_map_state_t *st)
{
    if (!st->open)
        return 0;
    st->open = false;
    if (st->skip_map)
        return 0;
    return parse_emit(run, &st->rec);
}

static int rm_entry(parse_run_t *run, frr_route_map_state_t *st, const rx_caps_t *c)
{
    int rc = rm_flush(run, st);
    parse_begin_record(run, &st->rec, KIND_ROUTE_MAPS);
    route_map_entry_t *e = &st->rec.u.route_map;
    rx_copy(c, "name", st->name, sizeof(st->name)); /* only the old one-line form has it */
    FIELD_SET(e->name, st->name, -1);
    e->seq = rx_int(c, "seq");
    const char *s;
    size_t n;
    rx_named(c, "act", &s, &n);
    e->permit = n == 6;
    st->open = true;
    st->saw_action = false;
    st->section = 0;
    return rc;
}

static void rm_clause(frr_route_map_state_t *st, const rx_caps_t *c)
{
    route_map_entry_t *e = &st->rec.u.route_map;
    const char *s;
    size_t n;
    rx_named(c, "c", &s, &n);
    if (st->section == 1 && e->n_match < MAX_CLAUSES)
        field_set(e->match[e->n_match++], sizeof(e->match[0]), s, (long)n);
    else if (st->section == 2 && e->n_set < MAX_CLAUSES)
        field_set(e->set[e->n_set++], sizeof(e->set[0]), s, (long)n);
}

int frr_route_map_line(parse_run_t *run, void *state, const char *line, size_t len)
{
    frr_route_map_state_t *st = state;
    rx_caps_t c;
    int rc = 0;
    if (frr_blank(line, len))
        return 0;
    if (rx_match(&daemon_rx, line, len, &c)) {
        rc = rm_flush(run, st);
        daemon_section(&st->seen, &c);
        return rc;
    }
    if (rx_match(&old_entry_rx, line, len, &c)) {
        rc = rm_entry(run, st, &c);
        st->skip_map = frr_seen_elsewhere(&st->seen, st->name);
        return rc;
    }
    if (rx_match(&map_rx, line, len, &c)) {
        rc = rm_flush(run, st);
        rx_copy(&c, "name", st->name, sizeof(st->name));
        st->skip_map = frr_seen_elsewhere(&st->seen, st->name);
        return rc;
    }
    if (st->name[0] && rx_match(&rentry_rx, line, len, &c))
        return rm_entry(run, st, &c);
    if (st->open && rx_match(&section_rx, line, len, &c)) {
        const char *s;
        size_t n;
        rx_named(&c, "s", &s, &n);
        st->section = s[0] == 'M' ? 1 : s[0] == 'S' ? 2 : 3;
        if (s[0] == 'A')
            st->saw_action = true;
        return 0;
    }
    if (st->open && rx_match(&clause_rx, line, len, &c)) {
        rm_clause(st, &c);
        return 0;
    }
    parse_skip(run);
    return 0;
}

int frr_route_map_finish(parse_run_t *run, void *state)
{
    frr_route_map_state_t *st = state;
    if (st->open && !st->saw_action)
        parse_truncated(run, "route-map entry cut off");
    return rm_flush(run, state);
}
