/* ios_route_map.c: IOS "show route-map [NAME]" and route-map configuration
 * ("show running-config partition route-map", "show run | section route-map").
 *
 *   route-map ER-IN, permit, sequence 10          route-map ER-IN permit 10
 *     Match clauses:                               match ip address prefix-list MSFT
 *       ip address prefix-lists: MSFT              set local-preference 200
 *     Set clauses:                                !
 *       local-preference 200
 *     Policy routing matches: 0 packets, 0 bytes
 *
 * Clauses are kept as the device words them, one string each. */
#include <string.h>

#include "parsers/ios/ios_core.h"
#include "parsers/textutil.h"

enum { MODE_NONE, MODE_MATCH, MODE_SET };

static rx_t show_rx = RX("^route-map (?<name>\\S+), (?<act>permit|deny), sequence (?<seq>\\d+)");
static rx_t conf_rx = RX("^route-map (?<name>\\S+)(?: (?<act>permit|deny))?(?: (?<seq>\\d+))?\\s*$");
static rx_t clause_rx = RX("^\\s+(?<kind>match|set) (?<c>.+?)\\s*$");
static rx_t section_rx = RX("^\\s+(?<kind>Match|Set) clauses:\\s*$");
static rx_t text_rx = RX("^\\s+(?<c>\\S.*?)\\s*$");
static rx_t noise_rx = RX("^(?:!.*|Current configuration.*|Configuration of Partition.*|"
                          "\\s+(?:description|continue)\\b.*)$");
static rx_t building_rx = RX("^Building configuration");
static rx_t end_rx = RX("^end\\s*$");
static rx_t policy_rx = RX("^\\s+Policy routing matches:");

static int flush(parse_run_t *run, ios_route_map_state_t *st)
{
    if (!st->open)
        return 0;
    st->open = false;
    return parse_emit(run, &st->rec);
}

static int start(parse_run_t *run, ios_route_map_state_t *st, const rx_caps_t *c)
{
    int rc = flush(run, st);
    parse_begin_record(run, &st->rec, KIND_ROUTE_MAPS);
    route_map_entry_t *e = &st->rec.u.route_map;
    const char *s;
    size_t n;
    rx_copy(c, "name", e->name, sizeof(e->name));
    /* Configuration defaults: "route-map X" alone is "permit 10". */
    e->permit = !(rx_named(c, "act", &s, &n) && *s == 'd');
    e->seq = rx_int(c, "seq");
    if (e->seq == MODEL_ABSENT)
        e->seq = 10;
    st->open = true;
    st->mode = MODE_NONE;
    return rc;
}

static void clause(parse_run_t *run, ios_route_map_state_t *st, int mode, const char *s, size_t n)
{
    route_map_entry_t *e = &st->rec.u.route_map;
    int *count = mode == MODE_MATCH ? &e->n_match : &e->n_set;
    char(*list)[DESC_LEN / 2] = mode == MODE_MATCH ? e->match : e->set;
    if (*count >= MAX_CLAUSES) {
        parse_partial(run, "a route-map entry has more clauses than are kept");
        return;
    }
    field_set(list[*count], sizeof(list[0]), s, (long)n);
    (*count)++;
}

int ios_route_map_line(parse_run_t *run, void *state, const char *line, size_t len)
{
    ios_route_map_state_t *st = state;
    rx_caps_t c;
    const char *s;
    size_t n;
    if (ios_blank(line, len) || rx_match(&noise_rx, line, len, NULL))
        return 0;
    if (rx_match(&building_rx, line, len, NULL)) {
        st->config_whole = true;
        return 0;
    }
    if (rx_match(&end_rx, line, len, NULL)) {
        st->saw_end = true;
        return 0;
    }
    if (rx_match(&show_rx, line, len, &c)) {
        st->show_form = true;
        st->entry_done = false;
        return start(run, st, &c);
    }
    if (rx_match(&conf_rx, line, len, &c))
        return start(run, st, &c);
    if (!st->open) {
        parse_skip(run);
        return 0;
    }
    if (rx_match(&policy_rx, line, len, NULL)) {
        st->entry_done = true;
        st->mode = MODE_NONE;
    } else if (rx_match(&section_rx, line, len, &c)) {
        rx_named(&c, "kind", &s, &n);
        st->mode = *s == 'M' ? MODE_MATCH : MODE_SET;
    } else if (st->mode == MODE_NONE && rx_match(&clause_rx, line, len, &c)) {
        rx_named(&c, "kind", &s, &n);
        int mode = *s == 'm' ? MODE_MATCH : MODE_SET;
        rx_named(&c, "c", &s, &n);
        clause(run, st, mode, s, n);
    } else if (st->mode != MODE_NONE && rx_match(&text_rx, line, len, &c)) {
        rx_named(&c, "c", &s, &n);
        clause(run, st, st->mode, s, n);
    } else {
        parse_skip(run);
    }
    return 0;
}

int ios_route_map_finish(parse_run_t *run, void *state)
{
    ios_route_map_state_t *st = state;
    if ((st->show_form && st->open && !st->entry_done) || (st->config_whole && !st->saw_end))
        parse_truncated(run, "the route-map output ends in the middle of an entry");
    return flush(run, state);
}
