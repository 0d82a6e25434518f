/* eos_policy.c: EOS "show ip prefix-list", "show route-map" and "show bfd peers".
 *
 *   ip prefix-list MSEE-IN
 *         seq 10 permit 10.1.0.0/16 le 24
 *
 *   route-map MSEE-IN permit 10
 *     Match clauses:
 *       match ip address prefix-list MSEE-IN
 *     Set clauses:
 *       set local-preference 200
 *
 *   DstAddr          MyDisc     YourDisc   Interface/Transport  Type    LastUp          LastDown  LastDiag       State
 *   192.168.100.130  2384022861 3914417112 Ethernet1(15)        normal  11/20/25 10:02  NA        No Diagnostic  Up
 */
#include <string.h>

#include "parsers/eos/eos.h"
#include "parsers/rx.h"
#include "parsers/textutil.h"

/* ---- prefix lists ---- */
typedef struct {
    char name[NAME_LEN];
    bool ipv6;
} eos_pl_state_t;

_Static_assert(sizeof(eos_pl_state_t) <= EOS_STATE_SIZE, "state fits");

static rx_t pl_head_rx = RX("^\\s*(?<af>ip|ipv6) prefix-list (?<n>[^\\s:]+)");
static rx_t pl_seq_rx = RX("^\\s*seq (?<seq>\\d+) (?<act>permit|deny) (?<p>[0-9a-fA-F.:]+/\\d+)"
                           "(?:\\s+(?:ge (?<ge>\\d+)|le (?<le>\\d+)|eq (?<eq>\\d+)))*\\s*$");

int eos_prefix_list_line(parse_run_t *run, void *state, const char *line, size_t len)
{
    eos_pl_state_t *st = state;
    rx_caps_t c;
    const char *s;
    size_t n;
    if (len == 0)
        return 0;
    if (rx_match(&pl_head_rx, line, len, &c)) {
        rx_copy(&c, "n", st->name, sizeof(st->name));
        rx_named(&c, "af", &s, &n);
        st->ipv6 = n == 4;
        /* the one-line form "ip prefix-list X seq 10 permit P" carries its entry */
        const char *seq = strstr(line, " seq ");
        if (!seq || (size_t)(seq - line) >= len)
            return 0;
        len -= (size_t)(seq - line);
        line = seq;
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
    rx_named(&c, "act", &s, &n);
    e->permit = s[0] == 'p';
    rx_named(&c, "p", &s, &n);
    tu_prefix(s, n, false, e->prefix, sizeof(e->prefix));
    e->ge = rx_int(&c, "ge");
    e->le = rx_int(&c, "le");
    if (rx_int(&c, "eq") != MODEL_ABSENT)
        e->ge = e->le = rx_int(&c, "eq");
    return parse_emit(run, &rec);
}

/* ---- route maps ---- */
typedef struct {
    record_t rec;
    bool open;
    char section; /* 'm' after "Match clauses:", 's' after "Set clauses:" */
} eos_rm_state_t;

_Static_assert(sizeof(eos_rm_state_t) <= EOS_STATE_SIZE, "state fits");

/* "route-map X permit 10" (EOS) or "route-map X, permit, sequence 10" (the Cisco-style form) */
static rx_t rm_head_rx = RX("^route-map (?<n>[^\\s,]+),? (?<act>permit|deny),? (?:sequence )?(?<seq>\\d+)");
static rx_t rm_clause_rx = RX("^\\s+(?<kind>match|set|continue|sub-route-map) (?<c>.*?)\\s*$");
static rx_t rm_section_rx = RX("^\\s+(?<s>Match|Set) clauses:\\s*$");
static rx_t rm_bare_rx = RX("^\\s{3,}(?<c>\\S.*?)\\s*$");
static rx_t rm_ignore_rx = RX("^\\s+(?:Description:?.*|SubRouteMap:.*|Continue:.*|Policy routing matches:.*)\\s*$|^\\s*$");

int eos_route_map_finish(parse_run_t *run, void *state)
{
    eos_rm_state_t *st = state;
    if (!st->open)
        return 0;
    st->open = false;
    return parse_emit(run, &st->rec);
}

int eos_route_map_line(parse_run_t *run, void *state, const char *line, size_t len)
{
    eos_rm_state_t *st = state;
    route_map_entry_t *e = &st->rec.u.route_map;
    rx_caps_t c;
    const char *s;
    size_t n;
    if (rx_match(&rm_head_rx, line, len, &c)) {
        int rc = eos_route_map_finish(run, st);
        parse_begin_record(run, &st->rec, KIND_ROUTE_MAPS);
        st->open = true;
        rx_copy(&c, "n", e->name, sizeof(e->name));
        rx_named(&c, "act", &s, &n);
        e->permit = s[0] == 'p';
        e->seq = rx_int(&c, "seq");
        st->section = 0;
        return rc;
    }
    if (rx_match(&rm_ignore_rx, line, len, NULL))
        return 0;
    if (st->open && rx_match(&rm_section_rx, line, len, &c)) {
        rx_named(&c, "s", &s, &n);
        st->section = s[0] == 'M' ? 'm' : 's';
        return 0;
    }
    bool set;
    if (st->open && rx_match(&rm_clause_rx, line, len, &c)) {
        rx_named(&c, "kind", &s, &n);
        set = s[0] == 's' && s[1] == 'e';
    } else if (st->open && st->section && rx_match(&rm_bare_rx, line, len, &c)) {
        rx_named(&c, "c", &s, &n); /* a clause printed without its verb, under its section */
        set = st->section == 's';
    } else {
        parse_skip(run);
        return 0;
    }
    const char *all = s; /* keep "match ..." / "set ..." whole: the verb is part of the clause */
    size_t alln = len - (size_t)(all - line);
    while (alln && (all[alln - 1] == ' ' || all[alln - 1] == '\t'))
        alln--;
    if (set && e->n_set < MAX_CLAUSES)
        FIELD_SET(e->set[e->n_set++], all, (long)alln);
    else if (!set && e->n_match < MAX_CLAUSES)
        FIELD_SET(e->match[e->n_match++], all, (long)alln);
    return 0;
}

/* ---- BFD peers ----
 * On a normal-width terminal EOS splits the table in two: the peers first (address, discs,
 * interface, type, last up), then the same rows' last down, last diag and state.  The first
 * half is held (bounded) until the second half names each row's state. */
enum { EOS_BFD_HELD = 256 };

typedef struct {
    char peer[ADDR_LEN];
    char interface[NAME_LEN];
} eos_bfd_row_t;

typedef struct {
    char vrf[NAME_LEN];
    eos_bfd_row_t held[EOS_BFD_HELD];
    char held_vrf[NAME_LEN];
    int n_held, n_done;
    bool dropped;
} eos_bfd_state_t;

_Static_assert(sizeof(eos_bfd_state_t) <= EOS_BFD_STATE_SIZE, "state fits");

static rx_t bfd_vrf_rx = RX("^\\s*VRF name: (?<vrf>\\S+)");
static rx_t bfd_row_rx = RX("^\\s*(?<peer>[0-9a-fA-F.:]+)\\s+\\d+\\s+\\d+\\s+(?<if>[^\\s(]+)(?:\\(\\d+\\))?\\s+\\S+\\s+"
                            ".*?\\s(?<st>Up|Down|Init|AdminDown)\\s*$");
static rx_t bfd_half_rx = RX("^\\s*(?<peer>[0-9a-fA-F.:]+)\\s+\\d+\\s+\\d+\\s+(?<if>[^\\s(]+)(?:\\(\\d+\\))?\\s+\\S+"
                             "(?:\\s+(?:NA|\\d+/\\d+/\\d+ \\d+:\\d+))?\\s*$");
static rx_t bfd_tail_rx = RX("^\\s*(?:NA|\\d+/\\d+/\\d+ \\d+:\\d+)\\s+.*?\\s(?<st>Up|Down|Init|AdminDown)\\s*$");
static rx_t bfd_ignore_rx = RX("^\\s*(?:-+[ -]*|DstAddr.*|Peer.*|LastDown.*)$|^\\s*$");

typedef void (*eos_bfd_cut_fn)(parse_run_t *run, const char *why);

/* One row; cut (parse_partial or parse_truncated) when the table stopped before its state. */
static int eos_bfd_emit(parse_run_t *run, const char *vrf, const char *peer, size_t pn, const char *ifn, size_t in,
                        const char *st, size_t sn, eos_bfd_cut_fn cut)
{
    record_t rec;
    parse_begin_record(run, &rec, KIND_BFD);
    if (cut)
        cut(run, "BFD table cut off before the peers' state");
    bfd_session_t *b = &rec.u.bfd;
    FIELD_SET(b->peer, peer, (long)pn);
    FIELD_SET(b->interface, ifn, (long)in);
    if (sn) {
        FIELD_SET(b->raw_state, st, (long)sn);
        b->state = tu_eq(st, sn, "Up") ? UPDOWN_UP : UPDOWN_DOWN;
    }
    FIELD_SET(b->vrf, vrf, -1);
    return parse_emit(run, &rec);
}

/* Flushes held first-half rows that never got their state (a cut table): each is a partial
 * record; at_end, the answer was cut there. */
static int eos_bfd_flush(parse_run_t *run, eos_bfd_state_t *st, bool at_end)
{
    int rc = 0;
    for (int i = st->n_done; i < st->n_held && rc == 0; i++)
        rc = eos_bfd_emit(run, st->held_vrf, st->held[i].peer, strlen(st->held[i].peer), st->held[i].interface,
                          strlen(st->held[i].interface), "", 0, at_end ? parse_truncated : parse_partial);
    st->n_held = st->n_done = 0;
    return rc;
}

int eos_bfd_finish(parse_run_t *run, void *state)
{
    eos_bfd_state_t *st = state;
    if (st->dropped)
        parse_truncated(run, "more BFD peers than erdiag holds; the rest were dropped");
    return eos_bfd_flush(run, st, true);
}

int eos_bfd_line(parse_run_t *run, void *state, const char *line, size_t len)
{
    eos_bfd_state_t *st = state;
    rx_caps_t c;
    const char *s, *i, *t;
    size_t n, in, tn;
    if (rx_match(&bfd_vrf_rx, line, len, &c)) {
        int rc = eos_bfd_flush(run, st, false);
        rx_copy(&c, "vrf", st->vrf, sizeof(st->vrf));
        return rc;
    }
    if (rx_match(&bfd_ignore_rx, line, len, NULL))
        return 0;
    if (rx_match(&bfd_row_rx, line, len, &c) && rx_named(&c, "peer", &s, &n) && tu_is_ip(s, n)) {
        rx_named(&c, "if", &i, &in);
        rx_named(&c, "st", &t, &tn);
        return eos_bfd_emit(run, st->vrf, s, n, i, in, t, tn, NULL);
    }
    if (rx_match(&bfd_half_rx, line, len, &c) && rx_named(&c, "peer", &s, &n) && tu_is_ip(s, n)) {
        if (st->n_done && st->n_done == st->n_held) /* a new first half (the IPv6 table) */
            st->n_held = st->n_done = 0;
        if (st->n_held >= EOS_BFD_HELD) {
            st->dropped = true;
            return 0;
        }
        eos_bfd_row_t *r = &st->held[st->n_held++];
        FIELD_SET(r->peer, s, (long)n);
        rx_copy(&c, "if", r->interface, sizeof(r->interface));
        FIELD_SET(st->held_vrf, st->vrf, -1);
        return 0;
    }
    if (rx_match(&bfd_tail_rx, line, len, &c) && st->n_done < st->n_held) {
        eos_bfd_row_t *r = &st->held[st->n_done++];
        rx_named(&c, "st", &t, &tn);
        return eos_bfd_emit(run, st->held_vrf, r->peer, strlen(r->peer), r->interface, strlen(r->interface), t, tn,
                            NULL);
    }
    parse_skip(run);
    return 0;
}
