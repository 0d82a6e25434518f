/* nxos_lists.c: NX-OS "show ip prefix-list [NAME]" / "show ipv6 prefix-list" and
 * "show ip community-list [NAME]".
 *
 *   ip prefix-list PL-MSFT-IN: 2 entries
 *      seq 5 permit 10.50.0.0/16 le 24
 *      seq 10 deny 0.0.0.0/0 le 32
 *
 *   Standard Community List CL-MSFT
 *       1 permit 12076:51004
 *   Expanded Community List CL-ANY
 *       1 permit "12076:.*" */
#include <string.h>

#include "parsers/nxos/nxos.h"
#include "parsers/textutil.h"

typedef struct {
    char name[NAME_LEN];
    bool ipv6;
    char type[SHORT_LEN];
} nxos_list_state_t;

_Static_assert(sizeof(nxos_list_state_t) <= NXOS_STATE_SIZE, "state too large");

static rx_t pl_head_rx = RX("^(?<af>ip|ipv6) prefix-list (?<name>[^:\\s]+):");
static rx_t pl_seq_rx = RX("^\\s+seq (?<seq>\\d+) (?<action>permit|deny) (?<p>[0-9A-Fa-f.:]+/\\d+)"
                           "(?:\\s+ge (?<ge>\\d+))?(?:\\s+le (?<le>\\d+))?(?:\\s+eq (?<eq>\\d+))?");
static rx_t pl_desc_rx = RX("^\\s+description ");

int nxos_prefix_list_line(parse_run_t *run, void *state, const char *line, size_t len)
{
    nxos_list_state_t *st = state;
    rx_caps_t c;
    const char *s;
    size_t n;
    if (nxos_is_rule(line, len) || rx_match(&pl_desc_rx, line, len, NULL))
        return 0;
    if (rx_match(&pl_head_rx, line, len, &c)) {
        rx_copy(&c, "name", st->name, sizeof(st->name));
        rx_named(&c, "af", &s, &n);
        st->ipv6 = n == 4;
        return 0;
    }
    if (!st->name[0] || !rx_match(&pl_seq_rx, line, len, &c)) {
        parse_skip(run);
        return 0;
    }
    record_t rec;
    record_init(&rec, KIND_PREFIX_LISTS);
    prefix_list_entry_t *e = &rec.u.prefix_list;
    FIELD_SET(e->name, st->name, -1);
    e->ipv6 = st->ipv6;
    e->seq = rx_int(&c, "seq");
    rx_named(&c, "action", &s, &n);
    e->permit = tu_eq(s, n, "permit");
    rx_named(&c, "p", &s, &n);
    if (!tu_prefix(s, n, false, e->prefix, sizeof(e->prefix)))
        FIELD_SET(e->prefix, s, (long)n);
    e->ge = rx_int(&c, "ge");
    e->le = rx_int(&c, "le");
    if (rx_named(&c, "eq", &s, &n))
        e->ge = e->le = tu_int(s, n); /* "eq N" is "ge N le N" */
    return parse_emit(run, &rec);
}

int nxos_prefix_list_finish(parse_run_t *run, void *state)
{
    (void)run;
    (void)state;
    return 0;
}

static rx_t cl_head_rx = RX("^(?<type>Standard|Expanded) Community List (?<name>\\S+)");
static rx_t cl_row_rx = RX("^\\s+(?<seq>\\d+) (?<action>permit|deny) (?<v>.*?)\\s*$");

int nxos_community_list_line(parse_run_t *run, void *state, const char *line, size_t len)
{
    nxos_list_state_t *st = state;
    rx_caps_t c;
    const char *s;
    size_t n;
    if (nxos_is_rule(line, len))
        return 0;
    if (rx_match(&cl_head_rx, line, len, &c)) {
        rx_copy(&c, "name", st->name, sizeof(st->name));
        rx_named(&c, "type", &s, &n);
        FIELD_SET(st->type, s[0] == 'S' ? "standard" : "expanded", -1);
        return 0;
    }
    if (!st->name[0] || !rx_match(&cl_row_rx, line, len, &c)) {
        parse_skip(run);
        return 0;
    }
    record_t rec;
    record_init(&rec, KIND_COMMUNITY_LISTS);
    community_list_entry_t *e = &rec.u.community_list;
    FIELD_SET(e->name, st->name, -1);
    FIELD_SET(e->type, st->type, -1);
    e->seq = rx_int(&c, "seq");
    rx_named(&c, "action", &s, &n);
    e->permit = tu_eq(s, n, "permit");
    rx_named(&c, "v", &s, &n);
    /* Expanded lists print their regex in quotes; the value is the regex itself. */
    if (n >= 2 && s[0] == '"' && s[n - 1] == '"') {
        s++;
        n -= 2;
    }
    FIELD_SET(e->value, s, (long)n);
    return parse_emit(run, &rec);
}

int nxos_community_list_finish(parse_run_t *run, void *state)
{
    (void)run;
    (void)state;
    return 0;
}
