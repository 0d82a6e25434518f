/* frr.h: FRRouting (vtysh) parsers (declared here, listed in frr_table.c).
 *
 * Formats are those of FRR 8.4 as captured from the lab in tests/lab/ (fixtures in
 * tests/fixtures/frr/).  Each text parser is a line state machine; the " json" forms are
 * structured parsers in frr_json.c. */
#ifndef ERDIAG_FRR_H
#define ERDIAG_FRR_H

#include "parsers/parser.h"

/* frr_util.c: helpers local to FRR wording. */
const char *frr_route_code_protocol(char code);
/* "OPEN Message Error/Bad Peer AS" -> code 2, subcode 2 (either may stay MODEL_ABSENT). */
void frr_notification_codes(const char *s, size_t len, int64_t *code, int64_t *subcode);
/* Strips FRR's "*" marker (policy defined) from a policy name copied into dst. */
void frr_copy_policy(char *dst, size_t size, const char *s, size_t len);
/* True for a line that is empty or only blanks. */
bool frr_blank(const char *line, size_t len);
/* Marks a line no parser rule read: an indented one belongs to the open record's block, an
 * unindented one (vtysh starts every record at column 0) stands between records. */
void frr_skip(parse_run_t *run, const char *line, size_t len);

typedef struct { char names[96][64]; int n; int daemon; int owner[96]; } frr_seen_t;
/* Per-daemon sections ("ZEBRA:", "BGP:") repeat the same lists: true when name was already
 * listed by another daemon (its entries are then not emitted twice). */
bool frr_seen_elsewhere(frr_seen_t *seen, const char *name);

/* Per-run states (zeroed by the driver; sized in frr_table.c). */
typedef struct {
    record_t rec;
    bool open;
} frr_interface_state_t;
typedef frr_interface_state_t frr_int_brief_state_t; /* the row being read */

typedef struct {
    char vrf[NAME_LEN], af[SHORT_LEN], router_id[ADDR_LEN];
    int64_t local_as;
    bool in_table, section_open, meta_set;
    char pending_peer[ADDR_LEN]; /* an IPv6 peer printed alone, its row on the next line */
} frr_bgp_summary_state_t;

typedef struct {
    record_t rec;
    bool open, complete, in_msgstats;
    char vrf[NAME_LEN];
    int64_t accepted;
} frr_bgp_neighbors_state_t;

typedef struct {
    record_t rec;
    bool open, detail;
    size_t nh_col; /* where the route line's first next hop starts */
    char vrf[NAME_LEN];
} frr_route_state_t;

typedef struct {
    record_t rec;
    bool have_prefix, have_nh; /* a row split over lines */
    char prefix[PREFIX_LEN];
    int metric_end, locprf_end, weight_end;
    bool detail, detail_open;
    char vrf[NAME_LEN];
} frr_bgp_table_state_t;

#define FRR_MAX_CFG_NEIGHBORS 64
typedef struct {
    bool in_bgp, meta_set, saw_header, saw_end;
    int64_t local_as;
    char router_id[ADDR_LEN], vrf[NAME_LEN];
    bgp_config_neighbor_t nb[FRR_MAX_CFG_NEIGHBORS];
    int n;
    bool overflow;
} frr_bgp_config_state_t;

typedef struct {
    frr_seen_t seen;
    char name[NAME_LEN];
    bool ipv6, skip_list;
} frr_prefix_list_state_t;

typedef struct {
    frr_seen_t seen;
    record_t rec;
    bool open, skip_map;
    int section; /* 0 none, 1 match, 2 set, 3 other */
    bool saw_action; /* every entry ends with "Action:" */
    char name[NAME_LEN];
} frr_route_map_state_t;

typedef struct {
    record_t rec;
    bool open;
    int timers; /* 0 none, 1 local, 2 remote */
} frr_bfd_state_t;

typedef struct {
    record_t rec;
    bool open;
} frr_version_state_t;

int frr_interface_line(parse_run_t *run, void *state, const char *line, size_t len);
int frr_interface_finish(parse_run_t *run, void *state);
int frr_int_brief_line(parse_run_t *run, void *state, const char *line, size_t len);
int frr_int_brief_finish(parse_run_t *run, void *state);
int frr_bgp_summary_line(parse_run_t *run, void *state, const char *line, size_t len);
int frr_bgp_summary_finish(parse_run_t *run, void *state);
int frr_bgp_neighbors_line(parse_run_t *run, void *state, const char *line, size_t len);
int frr_bgp_neighbors_finish(parse_run_t *run, void *state);
int frr_route_line(parse_run_t *run, void *state, const char *line, size_t len);
int frr_route_finish(parse_run_t *run, void *state);
int frr_bgp_table_line(parse_run_t *run, void *state, const char *line, size_t len);
int frr_bgp_table_finish(parse_run_t *run, void *state);
int frr_bgp_config_line(parse_run_t *run, void *state, const char *line, size_t len);
int frr_bgp_config_finish(parse_run_t *run, void *state);
int frr_prefix_list_line(parse_run_t *run, void *state, const char *line, size_t len);
int frr_route_map_line(parse_run_t *run, void *state, const char *line, size_t len);
int frr_route_map_finish(parse_run_t *run, void *state);
int frr_bfd_line(parse_run_t *run, void *state, const char *line, size_t len);
int frr_bfd_finish(parse_run_t *run, void *state);
int frr_version_line(parse_run_t *run, void *state, const char *line, size_t len);
int frr_version_finish(parse_run_t *run, void *state);

/* frr_json.c */
int frr_interface_json(parse_run_t *run, const char *text, size_t len);
int frr_bgp_summary_json(parse_run_t *run, const char *text, size_t len);
int frr_bgp_neighbors_json(parse_run_t *run, const char *text, size_t len);
int frr_route_json(parse_run_t *run, const char *text, size_t len);
int frr_bgp_table_json(parse_run_t *run, const char *text, size_t len);
int frr_bfd_json(parse_run_t *run, const char *text, size_t len);

#endif
