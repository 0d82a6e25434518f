/* iosxr_rpl.c: IOS-XR routing policy language.
 *
 * "show rpl route-policy [NAME]" -> one route_maps record per policy:
 *   route-policy ER-IN
 *     if destination in ER-PREFIXES then
 *       set local-preference 200
 *       pass
 *     else
 *       drop
 *     endif
 *   end-policy
 * conditions become match clauses, actions (set/pass/drop/apply/prepend/done) set clauses.
 *
 * "show rpl prefix-set [NAME]" -> one prefix_lists record per entry:
 *   prefix-set ER-PREFIXES
 *     10.50.0.0/16 le 24,
 *     192.168.100.128/30
 *   end-set
 */
#include <string.h>

#include "parsers/iosxr/iosxr.h"
#include "parsers/rx.h"
#include "parsers/textutil.h"

static rx_t policy_rx = RX("^\\s*route-policy (?<name>[^\\s(]+)");
static rx_t end_policy_rx = RX("^\\s*end-policy\\s*$");
static rx_t set_start_rx = RX("^\\s*(?<kind>prefix-set|as-path-set|community-set|extcommunity-set|large-community-set|rd-set|tag-set) (?<name>\\S+)");
static rx_t end_set_rx = RX("^\\s*end-set\\s*$");
static rx_t cond_rx = RX("^\\s*(?:if|elseif) (?<cond>.+?) then\\s*$");
static rx_t else_rx = RX("^\\s*(?:else|endif)\\s*$");
static rx_t action_rx = RX("^\\s*(?<act>(?:set|pass|drop|done|apply|prepend|delete|remove|suppress-route|unsuppress-route)\\b.*?)\\s*$");
static rx_t comment_rx = RX("^\\s*#");
static rx_t listing_rx = RX("^\\s*Listing for ");

static void add_clause(char arr[][DESC_LEN / 2], int *n, const char *s, size_t len)
{
    if (*n >= MAX_CLAUSES)
        return; /* the first clauses tell the story; the record stays fixed-size */
    field_set(arr[*n], DESC_LEN / 2, s, (long)len);
    (*n)++;
}

static int flush_policy(parse_run_t *run, iosxr_rpl_state_t *st)
{
    if (!st->open)
        return 0;
    st->open = false;
    return parse_emit(run, &st->rec);
}

int iosxr_route_policy_line(parse_run_t *run, void *state, const char *line, size_t len)
{
    iosxr_rpl_state_t *st = state;
    rx_caps_t c;
    const char *s;
    size_t n;
    if (iosxr_is_noise(line, len) || rx_match(&comment_rx, line, len, NULL) ||
        rx_match(&listing_rx, line, len, NULL) || iosxr_is_message(line, len))
        return 0;
    if (line[strspn(line, " ")] == '!')
        return 0;
    /* "detail" output lists the sets a policy uses: they are not statements. */
    if (st->in_set) {
        st->in_set = !rx_match(&end_set_rx, line, len, NULL);
        return 0;
    }
    if (!st->open && rx_match(&set_start_rx, line, len, NULL)) {
        st->in_set = true;
        return 0;
    }
    if (rx_match(&policy_rx, line, len, &c)) {
        if (flush_policy(run, st))
            return -1;
        parse_begin_record(run, &st->rec, KIND_ROUTE_MAPS);
        rx_copy(&c, "name", st->rec.u.route_map.name, NAME_LEN);
        st->rec.u.route_map.seq = ++st->seq;
        st->open = true;
        return 0;
    }
    if (!st->open) {
        parse_skip(run);
        return 0;
    }
    route_map_entry_t *r = &st->rec.u.route_map;
    if (rx_match(&end_policy_rx, line, len, NULL))
        return flush_policy(run, st);
    if (rx_match(&cond_rx, line, len, &c)) {
        rx_named(&c, "cond", &s, &n);
        add_clause(r->match, &r->n_match, s, n);
    } else if (rx_match(&action_rx, line, len, &c)) {
        rx_named(&c, "act", &s, &n);
        add_clause(r->set, &r->n_set, s, n);
        /* A policy that can pass anything is a permit; one that only drops is a deny. */
        if (!tu_starts(s, n, "drop"))
            r->permit = true;
    } else if (!rx_match(&else_rx, line, len, NULL)) {
        parse_skip(run);
    }
    return 0;
}

int iosxr_route_policy_finish(parse_run_t *run, void *state)
{
    iosxr_rpl_state_t *st = state;
    if (st->open)
        parse_truncated(run, "route-policy cut before end-policy");
    return flush_policy(run, st);
}

static rx_t entry_rx = RX("^\\s*(?<pfx>[0-9A-Fa-f.:]+/\\d+)(?:\\s+(?<op1>ge|le|eq)\\s+(?<v1>\\d+))?"
                          "(?:\\s+(?<op2>ge|le|eq)\\s+(?<v2>\\d+))?\\s*,?\\s*$");

static void apply_op(prefix_list_entry_t *e, rx_caps_t *c, const char *op, const char *val)
{
    const char *s;
    size_t n;
    if (!rx_named(c, op, &s, &n))
        return;
    int64_t v = rx_int(c, val);
    if (s[0] == 'g' || s[0] == 'e')
        e->ge = v;
    if (s[0] == 'l' || s[0] == 'e')
        e->le = v;
}

int iosxr_prefix_set_line(parse_run_t *run, void *state, const char *line, size_t len)
{
    iosxr_rpl_state_t *st = state;
    rx_caps_t c;
    if (iosxr_is_noise(line, len) || rx_match(&comment_rx, line, len, NULL) ||
        rx_match(&listing_rx, line, len, NULL) || iosxr_is_message(line, len))
        return 0;
    if (line[strspn(line, " ")] == '!')
        return 0;
    if (rx_match(&set_start_rx, line, len, &c)) {
        rx_copy(&c, "name", st->name, sizeof(st->name));
        st->in_set = true;
        st->seq = 0;
        return 0;
    }
    if (rx_match(&end_set_rx, line, len, NULL)) {
        st->in_set = false;
        return 0;
    }
    if (!st->in_set || !rx_match(&entry_rx, line, len, &c)) {
        parse_skip(run);
        return 0;
    }
    record_t rec;
    record_init(&rec, KIND_PREFIX_LISTS);
    prefix_list_entry_t *e = &rec.u.prefix_list;
    const char *s;
    size_t n;
    FIELD_SET(e->name, st->name, -1);
    e->seq = ++st->seq; /* XR sets are unordered lists: the position stands in */
    e->permit = true;
    rx_named(&c, "pfx", &s, &n);
    if (!tu_prefix(s, n, false, e->prefix, sizeof(e->prefix)))
        FIELD_SET(e->prefix, s, (long)n);
    e->ipv6 = memchr(s, ':', n) != NULL;
    apply_op(e, &c, "op1", "v1");
    apply_op(e, &c, "op2", "v2");
    return parse_emit(run, &rec);
}

int iosxr_prefix_set_finish(parse_run_t *run, void *state)
{
    iosxr_rpl_state_t *st = state;
    if (st->in_set)
        parse_truncated(run, "prefix-set cut before end-set");
    return 0;
}
