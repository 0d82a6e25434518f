/* ios_prefix_list.c: IOS "show ip prefix-list [detail] [NAME]", "show ipv6 prefix-list", and
 * the configuration form ("ip prefix-list NAME seq 5 permit 10.0.0.0/8 le 24").
 *
 *   ip prefix-list ER-IN: 3 entries
 *      seq 5 permit 10.1.0.0/16 le 24
 *
 * The detail form names a list without its entry count and counts the hits of each entry:
 *
 *   Prefix-list with the last deletion/insertion: ER-IN
 *   ip prefix-list ER-IN:
 *      count: 1, range entries: 0, sequences: 10 - 10, refcount: 2
 *      seq 10 deny 0.0.0.0/0 (hit count: 7, refcount: 1)
 */
#include <string.h>

#include "parsers/ios/ios_core.h"
#include "parsers/textutil.h"

static rx_t list_rx = RX("^(?<af>ip|ipv6) prefix-list (?<name>\\S+?)(?::? (?<n>\\d+) entr(?:y|ies)|:)\\s*$");
static rx_t conf_rx = RX("^(?<af>ip|ipv6) prefix-list (?<name>\\S+) (?<rest>(?:seq \\d+ )?(?:permit|deny) .*)$");
static rx_t entry_rx = RX("^\\s*(?:seq (?<seq>\\d+) )?(?<act>permit|deny) (?<pfx>[0-9A-Fa-f:./]+)"
                          "(?: ge (?<ge>\\d+))?(?: le (?<le>\\d+))?"
                          "(?:\\s+\\(hit count: (?<hits>\\d+)(?:, refcount: \\d+)?\\))?\\s*$");
static rx_t other_rx = RX("^(?:\\s+(?:Description:|count:|[a-z ]*refcount)|(?:ip|ipv6) prefix-list (?:\\S+ )?description "
                          "|Prefix-list with the last deletion/insertion: )");

static int entry(parse_run_t *run, const ios_prefix_list_state_t *st, const char *s, size_t len)
{
    rx_caps_t c;
    if (!rx_match(&entry_rx, s, len, &c)) {
        parse_skip(run);
        return 0;
    }
    record_t rec;
    record_init(&rec, KIND_PREFIX_LISTS);
    prefix_list_entry_t *e = &rec.u.prefix_list;
    const char *p;
    size_t n;
    FIELD_SET(e->name, st->name, -1);
    e->ipv6 = st->ipv6;
    e->seq = rx_int(&c, "seq");
    rx_named(&c, "act", &p, &n);
    e->permit = *p == 'p';
    rx_named(&c, "pfx", &p, &n);
    if (!tu_prefix(p, n, false, e->prefix, sizeof(e->prefix))) {
        parse_skip(run);
        return 0;
    }
    e->ge = rx_int(&c, "ge");
    e->le = rx_int(&c, "le");
    e->hits = rx_int(&c, "hits");
    return parse_emit(run, &rec);
}

int ios_prefix_list_line(parse_run_t *run, void *state, const char *line, size_t len)
{
    ios_prefix_list_state_t *st = state;
    rx_caps_t c;
    const char *s;
    size_t n;
    if (ios_blank(line, len) || rx_match(&other_rx, line, len, NULL))
        return 0;
    if (rx_match(&list_rx, line, len, &c) || rx_match(&conf_rx, line, len, &c)) {
        rx_copy(&c, "name", st->name, sizeof(st->name));
        rx_named(&c, "af", &s, &n);
        st->ipv6 = n == 4;
        if (rx_named(&c, "rest", &s, &n))
            return entry(run, st, s, n);
        return 0;
    }
    if (!st->name[0]) {
        parse_skip(run);
        return 0;
    }
    return entry(run, st, line, len);
}
