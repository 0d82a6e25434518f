/* junos.h: Juniper Junos parsers (declared here, listed in junos_table.c) and the small
 * helpers they share. */
#ifndef ERDIAG_JUNOS_H
#define ERDIAG_JUNOS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "parsers/parser.h"

/* ---- helpers (junos_util.c) ---- */

/* Junos durations: "1w2d 3:04:05", "4:05" (mm:ss), "1:02:03", and the "ago" form of
 * "Last flapped" where a clock after weeks/days is hh:mm ("43w0d 15:54"). */
int64_t junos_duration(const char *s, size_t len);
/* "192.168.100.130+179" -> address and port (port MODEL_ABSENT when not printed). */
void junos_addr_port(const char *s, size_t len, char *addr, size_t size, int64_t *port);
/* Routing table name -> VRF: "BLUE.inet.0" -> "BLUE", "inet.0"/"inet6.0" -> "default". */
void junos_table_vrf(const char *table, size_t len, char *vrf, size_t size);
/* Routing table name -> address family as the other vendors name it: "inet.0"/"BLUE.inet.0" ->
 * "IPv4 Unicast", "inet6.0"/"BLUE.inet6.0" -> "IPv6 Unicast", anything else -> the table name. */
void junos_table_family(const char *table, size_t len, char *family, size_t size);
/* "1000mbps", "10Gbps", "800mbps", "Unlimited" -> kbps or MODEL_ABSENT. */
int64_t junos_speed_kbps(const char *s, size_t len);
/* Adds an address to an interface's ipv4/ipv6 list: local address + the destination's length
 * ("Destination: 10.0.0.0/30, Local: 10.0.0.1" -> "10.0.0.1/30"), a host length without one. */
void junos_iface_add_addr(iface_t *f, const char *local, size_t llen, const char *dest, size_t dlen);
/* Copies "a, b" trimmed of blanks, quotes and a trailing ';'. */
void junos_copy_word(char *dst, size_t size, const char *s, size_t len);
/* True for lines that only carry blanks. */
bool junos_blank(const char *line, size_t len);
/* The word after "<key> " in the normalised command ("instance BLUE"), original case kept;
 * false (dst untouched) when absent. */
bool junos_command_arg(const parse_run_t *run, const char *key, char *dst, size_t size);
/* RFC 4271 error code of an error name as Junos prints it ("Hold Timer Expired Error" -> 4). */
int64_t junos_notification_code(const char *s, size_t n);
/* Leading blanks of a line. */
size_t junos_indent(const char *line, size_t len);

/* ---- per-run parser states (zeroed by the driver) ---- */
typedef struct {
    record_t rec;
    bool open;
    bool logical;     /* the open record is a logical unit */
    bool in_proto;    /* inside a "Protocol inet" block of a unit */
    bool proto_mtu;   /* the unit's MTU came from its first protocol */
    bool flags_seen;  /* the unit's own "Flags:" line was read */
    int err_dir;      /* 1 = "Input errors:" block, 2 = "Output errors:" block */
    bool traffic;     /* inside "Traffic statistics:" */
} junos_if_state_t;

typedef struct {
    record_t rec;
    bool open;
} junos_terse_state_t;

typedef struct {
    record_t rec;
    bool open;
    bool tables;      /* a per-table line (or inline counts) was read for the open peer */
} junos_bgp_summary_state_t;

typedef struct {
    record_t rec;
    bool open;
    bool tail_seen;   /* "Output messages:" closes an Established peer's block */
} junos_bgp_neighbor_state_t;

typedef struct {
    record_t rec;
    bool open;
    char vrf[NAME_LEN];
    char prefix[PREFIX_LEN]; /* destination of the routes being read */
    bool detail;             /* "detail"/"extensive" layout */
    bool no_nh;              /* the open route forwards nowhere (Discard, Reject, Receive) */
    bool ignoring;           /* a destination that is not an IP prefix (mpls.0 labels, iso.0) */
} junos_route_state_t;

typedef struct {
    char vrf[NAME_LEN];
    char neighbor[ADDR_LEN];
    int med_col, lcl_col, as_col; /* header columns, 0 = unknown */
    char pending[PREFIX_LEN];     /* a long prefix printed alone on its line */
    bool pending_best;
} junos_bgp_table_state_t;

typedef struct {
    bool name_col;    /* the header has a Name column (resolved form) */
    bool header;
    bool total;       /* "Total entries:" closes a complete table */
} junos_arp_state_t;

typedef struct {
    bool header;
    bool total;                 /* "Total entries:" closes a complete table */
    char pending[ADDR_LEN];     /* an address printed alone, its row on the next line */
} junos_nd_state_t;

typedef struct {
    char table[NAME_LEN];
    int64_t total, sum; /* the table's routes, and what its protocol lines added up to */
} junos_route_summary_state_t;

typedef struct {
    record_t rec;
    bool open;
    bool done;        /* version: first member emitted; bfd: the totals line was read */
} junos_record_state_t; /* version, bfd, telnet: one open record */

typedef struct {
    record_t rec;
    bool open;
    char cur_addr[ADDR_LEN];      /* responder the next rtt belongs to */
    char cur_name[DESC_LEN / 2];
} junos_trace_state_t;

/* Junos configuration, either as braces or as "set" lines, walked statement by statement. */
enum { JC_MAX_TOK = 40, JC_TOK_LEN = 120, JC_MAX_DEPTH = 24 };
typedef struct {
    char tok[JC_MAX_TOK][JC_TOK_LEN]; /* the open blocks' words, then the statement's */
    int ntok;
    int frame[JC_MAX_DEPTH];          /* words each open block added */
    bool frame_inactive[JC_MAX_DEPTH]; /* opened with "inactive:" */
    int depth;
    bool based;                       /* the command's own path was put at the root */
    int base_depth;                   /* 1 when it was: that frame never closes */
} junos_cfg_path_t;

typedef struct {
    junos_cfg_path_t path;
    bool open;                        /* a neighbor is being read */
    char vrf[NAME_LEN], group[NAME_LEN], peer[ADDR_LEN];
    bgp_config_neighbor_t global, grp, nbr; /* settings at each level (absent = inherit) */
    char inst_vrf[NAME_LEN];          /* the instance whose routing-options were read */
    int64_t master_as, inst_as;
    char master_rid[ADDR_LEN], inst_rid[ADDR_LEN];
} junos_bgp_config_state_t;

typedef struct {
    junos_cfg_path_t path;
    record_t rec;
    bool open;
} junos_policy_state_t;

typedef struct {
    junos_cfg_path_t path;
    char name[NAME_LEN];
    int64_t seq;
} junos_prefix_list_state_t;

/* STATES */

/* ---- configuration walker (junos_cfgwalk.c) ---- */
typedef struct {
    /* A statement (or a block being opened, opening = true) with its full path from the
     * configuration root: "protocols bgp group MSEE neighbor 192.168.100.130 peer-as 12076".
     * inactive_at: -1, or the index of the first word of the deactivated element the statement
     * sits in ("inactive: neighbor X {" -> the index of "neighbor"; "deactivate ... neighbor X"
     * -> the index of X).  A statement itself marked inactive is not delivered at all. */
    int (*leaf)(parse_run_t *run, void *st, char (*tok)[JC_TOK_LEN], int n, int inactive_at, bool opening);
    /* A block closed; tok/n is its full path. */
    int (*close)(parse_run_t *run, void *st, char (*tok)[JC_TOK_LEN], int n);
} junos_cfg_ops_t;
int junos_cfg_line(parse_run_t *run, junos_cfg_path_t *p, const char *line, size_t len, const junos_cfg_ops_t *ops,
                   void *st);
/* Joins tok[from..n) with single blanks (list brackets dropped). */
void junos_cfg_join(char (*tok)[JC_TOK_LEN], int from, int n, char *dst, size_t size);

/* ---- text parsers ---- */
int junos_interfaces_line(parse_run_t *run, void *state, const char *line, size_t len);
int junos_interfaces_finish(parse_run_t *run, void *state);
int junos_terse_line(parse_run_t *run, void *state, const char *line, size_t len);
int junos_terse_finish(parse_run_t *run, void *state);
int junos_bgp_summary_line(parse_run_t *run, void *state, const char *line, size_t len);
int junos_bgp_summary_finish(parse_run_t *run, void *state);
int junos_bgp_neighbor_line(parse_run_t *run, void *state, const char *line, size_t len);
int junos_bgp_neighbor_finish(parse_run_t *run, void *state);
int junos_route_line(parse_run_t *run, void *state, const char *line, size_t len);
int junos_route_finish(parse_run_t *run, void *state);
int junos_bgp_table_line(parse_run_t *run, void *state, const char *line, size_t len);
int junos_bgp_table_finish(parse_run_t *run, void *state);
int junos_arp_line(parse_run_t *run, void *state, const char *line, size_t len);
int junos_arp_finish(parse_run_t *run, void *state);
int junos_nd_line(parse_run_t *run, void *state, const char *line, size_t len);
int junos_nd_finish(parse_run_t *run, void *state);
int junos_route_summary_line(parse_run_t *run, void *state, const char *line, size_t len);
int junos_route_summary_finish(parse_run_t *run, void *state);
int junos_version_line(parse_run_t *run, void *state, const char *line, size_t len);
int junos_version_finish(parse_run_t *run, void *state);
int junos_bfd_line(parse_run_t *run, void *state, const char *line, size_t len);
int junos_bfd_finish(parse_run_t *run, void *state);
int junos_bgp_config_line(parse_run_t *run, void *state, const char *line, size_t len);
int junos_bgp_config_finish(parse_run_t *run, void *state);
int junos_policy_line(parse_run_t *run, void *state, const char *line, size_t len);
int junos_policy_finish(parse_run_t *run, void *state);
int junos_prefix_list_line(parse_run_t *run, void *state, const char *line, size_t len);
int junos_prefix_list_finish(parse_run_t *run, void *state);
int junos_traceroute_line(parse_run_t *run, void *state, const char *line, size_t len);
int junos_traceroute_finish(parse_run_t *run, void *state);
int junos_telnet_line(parse_run_t *run, void *state, const char *line, size_t len);
int junos_telnet_finish(parse_run_t *run, void *state);



/* ---- JSON ("| display json") parsers (junos_json.c) ---- */
int junos_json_interfaces(parse_run_t *run, const char *text, size_t len);
int junos_json_bgp_summary(parse_run_t *run, const char *text, size_t len);
int junos_json_bgp_neighbor(parse_run_t *run, const char *text, size_t len);
int junos_json_route(parse_run_t *run, const char *text, size_t len);
int junos_json_bgp_table(parse_run_t *run, const char *text, size_t len);
int junos_json_arp(parse_run_t *run, const char *text, size_t len);
int junos_json_nd(parse_run_t *run, const char *text, size_t len);
int junos_json_route_summary(parse_run_t *run, const char *text, size_t len);

#endif
