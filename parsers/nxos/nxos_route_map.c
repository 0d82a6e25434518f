/* nxos_route_map.c: NX-OS "show route-map [NAME]".
 *
 *   route-map RM-MSFT-IN, permit, sequence 10
 *     Match clauses:
 *       ip address prefix-lists: PL-MSFT-IN
 *     Set clauses:
 *       local-preference 200
 *
 * One record per entry, emitted at the next entry or the end. */
#include <string.h>

#include "parsers/nxos/nxos.h"
#include "parsers/textutil.h"

typedef struct {
    record_t rec;
    bool open;
    int section; /* 0 none, 1 match, 2 set */
} nxos_rmap_state_t;

_Static_assert(sizeof(nxos_rmap_state_t) <= NXOS_STATE_SIZE, "state too large");

static rx_t entry_rx = RX("^route-map (?<name>[^,\\s]+), (?<action>permit|deny), sequence (?<seq>\\d+)");
static rx_t match_rx = RX("^\\s+Match clauses:\\s*$");
static rx_t set_rx = RX("^\\s+Set clauses:\\s*$");
static rx_t clause_rx = RX("^\\s+(?<c>\\S.*?)\\s*$");

static int nxos_rmap_flush(parse_run_t *run, nxos_rmap_state_t *st)
{
    if (!st->open)
        return 0;
    st->open = false;
    return parse_emit(run, &st->rec);
}

int nxos_route_map_line(parse_run_t *run, void *state, const char *line, size_t len)
{
    nxos_rmap_state_t *st = state;
    route_map_entry_t *e = &st->rec.u.route_map;
    rx_caps_t c;
    const char *s;
    size_t n;
    if (rx_match(&entry_rx, line, len, &c)) {
        int rc = nxos_rmap_flush(run, st);
        parse_begin_record(run, &st->rec, KIND_ROUTE_MAPS);
        st->open = true;
        st->section = 0;
        rx_copy(&c, "name", e->name, sizeof(e->name));
        rx_named(&c, "action", &s, &n);
        e->permit = tu_eq(s, n, "permit");
        e->seq = rx_int(&c, "seq");
        return rc;
    }
    if (nxos_is_rule(line, len))
        return 0;
    if (st->open && rx_match(&match_rx, line, len, NULL)) {
        st->section = 1;
        return 0;
    }
    if (st->open && rx_match(&set_rx, line, len, NULL)) {
        st->section = 2;
        return 0;
    }
    if (st->open && st->section && rx_match(&clause_rx, line, len, &c)) {
        rx_named(&c, "c", &s, &n);
        bool match = st->section == 1;
        int *count = match ? &e->n_match : &e->n_set;
        if (*count < MAX_CLAUSES) {
            char *dst = match ? e->match[*count] : e->set[*count];
            field_set(dst, sizeof(e->match[0]), s, (long)n);
            (*count)++;
        }
        return 0;
    }
    parse_skip(run);
    return 0;
}

int nxos_route_map_finish(parse_run_t *run, void *state)
{
    return nxos_rmap_flush(run, state);
}
