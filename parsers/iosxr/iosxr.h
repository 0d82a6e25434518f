/* iosxr.h: Cisco IOS-XR parsers (declared here, listed in iosxr_table.c). */
#ifndef ERDIAG_IOSXR_H
#define ERDIAG_IOSXR_H

#include <stdbool.h>
#include <stddef.h>

#include "parsers/ios/ios_rib.h"
#include "parsers/parser.h"

/* ---- iosxr_util.c: lines every XR command can print ---- */
/* "Thu Nov 12 10:11:12.123 UTC": XR stamps every answer with the time; it carries no data. */
bool iosxr_is_timestamp(const char *line, size_t len);
bool iosxr_is_blank(const char *line, size_t len);
/* Ignorable noise common to all XR answers: blank, timestamp, "-----" rules. */
bool iosxr_is_noise(const char *line, size_t len);
/* "VRF: BLUE" section header -> copies the name; false otherwise. */
bool iosxr_vrf_header(const char *line, size_t len, char *vrf, size_t size);
/* The VRF a command names ("... vrf BLUE ..."), with its case; false for none or "all". */
bool iosxr_command_vrf(parse_run_t *run, char *vrf, size_t size);
/* A "% ..." device message (e.g. "% Neighbor not found", "% Network not in table"). */
bool iosxr_is_message(const char *line, size_t len);

/* ---- interfaces ---- */
typedef struct {
    record_t rec;
    bool open;
    bool complete; /* the block reached its output counters (or says it has none) */
} iosxr_iface_state_t;
int iosxr_interfaces_line(parse_run_t *run, void *state, const char *line, size_t len);
int iosxr_interfaces_finish(parse_run_t *run, void *state);
int iosxr_int_brief_line(parse_run_t *run, void *state, const char *line, size_t len);
int iosxr_ip_int_brief_line(parse_run_t *run, void *state, const char *line, size_t len);
/* iosxr_ipv6.c: IPv6 ND and interface brief, read by the IOS readers (state: ios_ipv6_int_state_t) */
int iosxr_nd_line(parse_run_t *run, void *state, const char *line, size_t len);
int iosxr_ipv6_int_brief_line(parse_run_t *run, void *state, const char *line, size_t len);

/* ---- bgp ---- */
typedef struct {
    char router_id[48];
    long long local_as;
    bool has_as;
    char vrf[64];
    char pending_peer[48]; /* a long (IPv6) peer printed alone on its line */
    char af[32];           /* the family the command names ("IPv6 Unicast"), else "" */
    bool in_table;
    bool started;
} iosxr_bgp_sum_state_t;
int iosxr_bgp_summary_line(parse_run_t *run, void *state, const char *line, size_t len);
int iosxr_bgp_summary_finish(parse_run_t *run, void *state);

typedef struct {
    record_t rec;
    bool open;
    int afs;           /* address families seen for the open neighbor */
    int notif_dir;     /* 1 = last "Time since last notification" was sent, 2 = received */
    bool complete;     /* "Connections established" seen: the block reached its tail */
    char vrf[64];
    bool started;
} iosxr_bgp_nbr_state_t;
int iosxr_bgp_neighbors_line(parse_run_t *run, void *state, const char *line, size_t len);
int iosxr_bgp_neighbors_finish(parse_run_t *run, void *state);

typedef struct {
    int col_metric, col_locprf, col_weight; /* end columns from the header */
    char prefix[52];
    char vrf[64];
    char pending[52]; /* a prefix too long for its column, path on the next line */
    char pending_status[4];
    bool advertised; /* "Network Next Hop From AS Path" form */
    char adv_pfx[52], adv_nh[64]; /* an advertised row wrapped after its next hop */
    bool cut;        /* the last path had no origin code: output cut mid-line? */
    bool header_seen;
    bool started;
    /* "show bgp PREFIX" answers with one entry, every path in detail: XR's block is IOS's
     * with a few more lines (Versions, Path #N, Received Path ID), so IOS's reader reads it */
    ios_bgp_state_t detail;
} iosxr_bgp_table_state_t;
int iosxr_bgp_table_line(parse_run_t *run, void *state, const char *line, size_t len);
int iosxr_bgp_table_finish(parse_run_t *run, void *state);

typedef struct {
    record_t rec;
    bool open;
    bool detail;        /* "Routing entry for" form */
    char vrf[64];
    bool started;
} iosxr_route_state_t;

/* ---- show ipv4 [vrf X|all] interface [IF] (iosxr_ipv4_int.c) ---- */
typedef struct {
    record_t rec;
    bool open;
    bool complete; /* the open block reached its Table Id line */
} iosxr_ipv4_int_state_t;
int iosxr_ipv4_int_line(parse_run_t *run, void *state, const char *line, size_t len);
int iosxr_ipv4_int_finish(parse_run_t *run, void *state);

/* ---- show route [vrf X|all] [ipv4|ipv6] summary (iosxr_route_summary.c) ---- */
typedef struct {
    char table[64];   /* the VRF of the table being read, "" for the default one */
    int64_t sum;      /* its sources' routes so far */
    bool in_table;    /* after a "Route Source" header */
    bool total_seen;  /* its Total line came */
    bool started;
} iosxr_route_sum_state_t;
int iosxr_route_summary_line(parse_run_t *run, void *state, const char *line, size_t len);
int iosxr_route_summary_finish(parse_run_t *run, void *state);
int iosxr_route_line(parse_run_t *run, void *state, const char *line, size_t len);
int iosxr_route_finish(parse_run_t *run, void *state);

/* ---- arp, bfd, version ---- */
int iosxr_arp_line(parse_run_t *run, void *state, const char *line, size_t len);
typedef struct {
    record_t rec;
    bool open;
} iosxr_open_state_t;
int iosxr_bfd_line(parse_run_t *run, void *state, const char *line, size_t len);
int iosxr_version_line(parse_run_t *run, void *state, const char *line, size_t len);
int iosxr_version_finish(parse_run_t *run, void *state);

/* ---- configuration and policy ---- */
#define IOSXR_MAX_GROUPS 16
typedef struct {
    record_t rec;
    bool open;
    long long local_as;
    char router_id[48];
    char vrf[64];
    int nbr_indent;
    bool in_router;
    /* neighbor-groups seen so far: XR requires a group before its first "use". */
    bgp_config_neighbor_t groups[IOSXR_MAX_GROUPS];
    int n_groups;
    int cur_group;    /* index being read + 1; 0 = none */
    int group_indent;
    bool in_other_group; /* af-group / session-group: not modelled */
} iosxr_bgp_cfg_state_t;
int iosxr_bgp_config_line(parse_run_t *run, void *state, const char *line, size_t len);
int iosxr_bgp_config_finish(parse_run_t *run, void *state);

typedef struct {
    record_t rec;
    bool open;
    int depth;       /* if/elseif nesting */
    long long seq;
    char name[64];
    bool in_set;     /* inside a prefix-set */
    bool ipv6;
} iosxr_rpl_state_t;
int iosxr_route_policy_line(parse_run_t *run, void *state, const char *line, size_t len);
int iosxr_route_policy_finish(parse_run_t *run, void *state);
int iosxr_prefix_set_line(parse_run_t *run, void *state, const char *line, size_t len);
int iosxr_prefix_set_finish(parse_run_t *run, void *state);

#endif
