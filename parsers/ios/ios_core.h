/* ios_core.h: IOS / IOS-XE interface, BGP session, ARP, policy, BFD, version and telnet parsers.
 *
 * The per-run state structs live here (not in the .c files) because ios_table.c needs their
 * sizes for parser_def_t.state_size. */
#ifndef ERDIAG_IOS_CORE_H
#define ERDIAG_IOS_CORE_H

#include "parsers/parser.h"
#include "parsers/rx.h"

/* ---- small helpers shared by the files below (ios_util.c) ---- */

/* A named capture read as an ASN (asplain or asdot), or MODEL_ABSENT. */
int64_t ios_rx_asn(const rx_caps_t *c, const char *name);
/* A named capture read as a duration in seconds, or MODEL_ABSENT. */
int64_t ios_rx_duration(const rx_caps_t *c, const char *name);
/* The word after " vrf " in the normalised command ("all" is not a VRF name), or "". */
void ios_command_vrf(parse_run_t *run, char *out, size_t size);
/* True when the line holds nothing but blanks. */
bool ios_blank(const char *line, size_t len);

/* ---- show interfaces ---- */
typedef struct {
    record_t rec;
    bool open;
    bool saw_tail;     /* an output-counter line: the block was not cut short */
    bool saw_clearing; /* "Last clearing of counters" */
    bool counters_due; /* a rate or queue line: counter lines must follow */
} ios_interfaces_state_t;
int ios_interfaces_line(parse_run_t *run, void *state, const char *line, size_t len);
int ios_interfaces_finish(parse_run_t *run, void *state);

/* ---- show ip bgp summary (all address families / VRFs) ---- */
typedef struct {
    char router_id[48];
    int64_t local_as;
    char af[32];
    char vrf[64];
    bool in_table;       /* after the "Neighbor V AS ..." header */
    char wrapped[48];    /* an IPv6 peer printed alone on its line; the row follows */
    bool started;
} ios_bgp_sum_state_t;
int ios_bgp_sum_line(parse_run_t *run, void *state, const char *line, size_t len);
int ios_bgp_sum_finish(parse_run_t *run, void *state);

/* ---- show ip bgp neighbors ---- */
typedef struct {
    record_t rec;
    bool open;
    bool in_msgstats; /* between "Message statistics:" and its Total: row */
    bool saw_tcp;     /* "Local host:" or "No active TCP connection": the block is complete */
    int64_t saved;    /* "Saved (soft-reconfig)" rows: what arrived before inbound policy */
} ios_bgp_nei_state_t;
int ios_bgp_nei_line(parse_run_t *run, void *state, const char *line, size_t len);
int ios_bgp_nei_finish(parse_run_t *run, void *state);

/* ---- show ip arp ---- */
int ios_arp_line(parse_run_t *run, void *state, const char *line, size_t len);

/* ---- show ipv6 neighbors (ios_nd.c): ND entries as ARP records ---- */
int ios_nd_line(parse_run_t *run, void *state, const char *line, size_t len);
/* One line of the table (header, blank or row); age_unit: seconds per Age unit (IOS 60, XR 1);
 * location: the row must end with a Location column (XR). */
int ios_nd_row(parse_run_t *run, const char *line, size_t len, int64_t age_unit, bool location);

/* ---- show ipv6 interface [brief] (ios_ipv6_int.c) ---- */
typedef struct {
    record_t rec;
    bool open;
    bool brief; /* the open interface came from a "Name [up/up]" line: addresses follow alone */
    bool body;  /* its block reached a line that proves it whole (an address line; "MTU is") */
} ios_ipv6_int_state_t;
int ios_ipv6_int_line(parse_run_t *run, void *state, const char *line, size_t len);
int ios_ipv6_int_finish(parse_run_t *run, void *state);

/* ---- show ip prefix-list ---- */
typedef struct {
    char name[64];
    bool ipv6;
} ios_prefix_list_state_t;
int ios_prefix_list_line(parse_run_t *run, void *state, const char *line, size_t len);

/* ---- show route-map, and route-map configuration ---- */
typedef struct {
    record_t rec;
    bool open;
    int mode;          /* 0 none, 1 match clauses, 2 set clauses */
    bool show_form;    /* "show route-map": each entry ends with "Policy routing matches" */
    bool entry_done;   /* that line was seen for the open entry */
    bool config_whole; /* "Building configuration...": the output must end with "end" */
    bool saw_end;
} ios_route_map_state_t;
int ios_route_map_line(parse_run_t *run, void *state, const char *line, size_t len);
int ios_route_map_finish(parse_run_t *run, void *state);

/* ---- show running-config | section router bgp ---- */
#define IOS_BGP_CONFIG_MAX 256
typedef struct {
    bgp_config_neighbor_t n;
    bool is_group; /* a peer-group template, not a session */
    char group_vrf[64];
} ios_bgp_cfg_entry_t;
typedef struct {
    bool in_router;
    int64_t local_as;
    char router_id[48];
    char vrf[64];
    bool in_af;                          /* inside address-family ... exit-address-family */
    bool config_whole;                   /* "Building configuration...": must end with "end" */
    bool saw_end;
    int64_t keepalive, hold_time;        /* router-level "timers bgp" */
    int64_t vrf_keepalive, vrf_hold_time; /* "timers bgp" inside an address-family vrf */
    char vrf_router_id[48];               /* "bgp router-id" inside an address-family vrf */
    int n;
    bool overflow;
    ios_bgp_cfg_entry_t e[IOS_BGP_CONFIG_MAX];
} ios_bgp_cfg_state_t;
int ios_bgp_cfg_line(parse_run_t *run, void *state, const char *line, size_t len);
int ios_bgp_cfg_finish(parse_run_t *run, void *state);

/* ---- show bfd neighbors [details] ---- */
typedef struct {
    record_t rec;
    bool open;
    bool ipv6;
} ios_bfd_state_t;
int ios_bfd_line(parse_run_t *run, void *state, const char *line, size_t len);
int ios_bfd_finish(parse_run_t *run, void *state);

/* ---- show version ---- */
typedef struct {
    record_t rec;
    bool started;
} ios_version_state_t;
int ios_version_line(parse_run_t *run, void *state, const char *line, size_t len);
int ios_version_finish(parse_run_t *run, void *state);

/* ---- telnet X 179 ---- */
typedef struct {
    record_t rec;
    bool started;
} ios_telnet_state_t;
int ios_telnet_line(parse_run_t *run, void *state, const char *line, size_t len);
int ios_telnet_finish(parse_run_t *run, void *state);

#endif
