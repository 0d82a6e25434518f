/* model.h: the typed facts erdiag reads from a router.
 *
 * Every record is a plain struct of fixed-size fields so that a parser can fill one on the
 * stack, hand it to a sink, and reuse it for the next line: a million-route table then costs
 * one record of memory, not a million.  Strings are NUL-terminated and truncated (never
 * overflowed) when the device prints something longer than the field.
 *
 * "Absent" is explicit: integers hold MODEL_ABSENT, strings are empty, tri-states are
 * TRI_ABSENT.  Absent values are omitted from JSON, never printed as "" or 0. */
#ifndef ERDIAG_MODEL_H
#define ERDIAG_MODEL_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#define MODEL_ABSENT INT64_MIN

typedef enum { TRI_ABSENT = 0, TRI_FALSE, TRI_TRUE } tristate_t;

/* Up/down as the contract normalises it; the device's own wording stays in raw_* fields. */
typedef enum { UPDOWN_ABSENT = 0, UPDOWN_UP, UPDOWN_DOWN } updown_t;

typedef enum {
    BGP_STATE_ABSENT = 0,
    BGP_STATE_IDLE,
    BGP_STATE_CONNECT,
    BGP_STATE_ACTIVE,
    BGP_STATE_OPENSENT,
    BGP_STATE_OPENCONFIRM,
    BGP_STATE_ESTABLISHED,
} bgp_state_t;

/* What a parser produces.  One kind per command family; the JSON "kind" is kind_name(). */
typedef enum {
    KIND_NONE = 0,
    KIND_INTERFACES,
    KIND_BGP_SUMMARY,
    KIND_BGP_NEIGHBORS,
    KIND_ROUTES,
    KIND_BGP_TABLE,
    KIND_TRACEROUTE,
    KIND_ARP,
    KIND_PREFIX_LISTS,
    KIND_ROUTE_MAPS,
    KIND_BGP_CONFIG,
    KIND_BFD,
    KIND_VERSION,
    KIND_EFFECTIVE_ROUTES,
    KIND_ROUTE_SUMMARY,
    KIND_COMMUNITY_LISTS,
    KIND_TCP_TEST,
    KIND_PING,
    KIND_COUNT
} kind_t;

/* Field sizes: long enough for every real value we have seen, short enough to stay on stack. */
enum {
    ADDR_LEN = 64,      /* an IPv6 address with %zone (IOS zones are full interface names) */
    PREFIX_LEN = 52,    /* address + "/128" */
    NAME_LEN = 64,      /* interface, VRF, policy and list names */
    DESC_LEN = 240,     /* descriptions and free text */
    SHORT_LEN = 32,     /* states, codes, durations as printed */
    MAC_LEN = 18,       /* "aa:bb:cc:dd:ee:ff" */
    MAX_ADDRS = 8,      /* addresses listed per interface */
    MAX_NEXT_HOPS = 16, /* ECMP next hops per route */
    MAX_PROBES = 16,    /* probes per traceroute hop (IOS "probe 10", ECMP fans) */
    MAX_CLAUSES = 8,    /* match / set clauses per route-map entry */
    ASPATH_LEN = 256,
    CMD_LEN = 512,      /* one command line as sent to a device, with its arguments */
};

typedef struct {
    char name[NAME_LEN];
    char description[DESC_LEN];
    updown_t admin_status, oper_status, protocol_status;
    char raw_status[SHORT_LEN * 2]; /* "administratively down", "notconnect", "err-disabled" */
    int64_t mtu, bandwidth_kbps;
    char mac[MAC_LEN];
    char ipv4[MAX_ADDRS][PREFIX_LEN];
    int n_ipv4;
    char ipv6[MAX_ADDRS][PREFIX_LEN];
    int n_ipv6;
    int64_t in_packets, out_packets, in_errors, out_errors, crc, frame, overrun;
    int64_t in_discards, out_discards, carrier_transitions, resets;
    int64_t in_rate_bps, out_rate_bps;
    int64_t last_flapped; /* seconds since the link last changed state */
    char vrf[NAME_LEN];
} iface_t;

/* One row of a BGP summary.  router_id/local_as repeat the table's own, which matters in
 * multi-VRF output where each VRF has its own. */
typedef struct {
    char peer[ADDR_LEN];
    int64_t remote_as, local_as;
    bgp_state_t state;
    bool admin_down;
    char raw_state[SHORT_LEN];
    int64_t prefixes_received, prefixes_accepted;
    int64_t up_down; /* seconds */
    int64_t msg_rcvd, msg_sent;
    char vrf[NAME_LEN];
    char description[DESC_LEN];
    char router_id[ADDR_LEN];
    char address_family[SHORT_LEN];
} bgp_peer_t;

typedef struct {
    char peer[ADDR_LEN];
    int64_t remote_as, local_as;
    bgp_state_t state;
    bool admin_down;
    char raw_state[SHORT_LEN];
    char description[DESC_LEN];
    char remote_router_id[ADDR_LEN];
    char local_address[ADDR_LEN];
    int64_t local_port, remote_port;
    int64_t hold_time, keepalive;         /* negotiated */
    int64_t cfg_hold_time, cfg_keepalive; /* configured */
    tristate_t md5, bfd;
    int64_t last_reset;            /* seconds ago */
    char last_reset_reason[DESC_LEN];
    char last_error[DESC_LEN];     /* "Hold Timer Expired", or the notification as printed */
    int64_t notification_code, notification_subcode; /* last NOTIFICATION, sent or received */
    char notification_dir[SHORT_LEN];                /* "sent" | "received" */
    char inbound_policy[NAME_LEN], outbound_policy[NAME_LEN];
    char inbound_prefix_list[NAME_LEN], outbound_prefix_list[NAME_LEN];
    int64_t prefixes_received, prefixes_accepted, prefixes_sent;
    int64_t max_prefixes;
    int64_t msg_rcvd, msg_sent;
    int64_t up_down;
    /* The session's history: TCP connections that reached Established and were dropped
     * ("Connections established 2; dropped 1"; Junos counts "Number of flaps" as dropped). */
    int64_t conn_established, conn_dropped;
    char vrf[NAME_LEN];
} bgp_neighbor_t;

typedef struct {
    char address[ADDR_LEN];
    char interface[NAME_LEN];
    char vrf[NAME_LEN];  /* next hop resolved in another VRF */
    char protocol[SHORT_LEN];
    int64_t distance, metric, age;
} next_hop_t;

typedef struct {
    char prefix[PREFIX_LEN]; /* always CIDR */
    char protocol[SHORT_LEN];     /* connected, local, static, bgp, ospf, isis, rip, eigrp, ... */
    char raw_protocol[SHORT_LEN]; /* the device's code, e.g. "O E2" */
    int64_t distance, metric, age;
    char vrf[NAME_LEN];
    next_hop_t next_hops[MAX_NEXT_HOPS];
    int n_next_hops;
    tristate_t best;
} route_t;

typedef struct {
    char prefix[PREFIX_LEN];
    char next_hop[ADDR_LEN];
    int64_t metric, local_pref, weight;
    char as_path[ASPATH_LEN];
    char origin[SHORT_LEN]; /* igp | egp | incomplete */
    tristate_t best, valid;
    char communities[DESC_LEN];
    char vrf[NAME_LEN];
    char neighbor[ADDR_LEN]; /* the peer the path came from, where printed */
} bgp_path_t;

typedef struct {
    char address[ADDR_LEN]; /* empty for a '*' probe */
    char name[DESC_LEN / 2];
    double rtt_ms;          /* < 0 when absent */
    char annotation[SHORT_LEN]; /* !H, !N, MPLS label, ... */
} trace_probe_t;

typedef struct {
    int64_t ttl;
    trace_probe_t probes[MAX_PROBES];
    int n_probes;
} trace_hop_t;

typedef struct {
    char address[ADDR_LEN];
    char mac[MAC_LEN];
    char interface[NAME_LEN];
    int64_t age; /* seconds; absent for static/local entries */
    bool incomplete;
    char state[SHORT_LEN];
    char vrf[NAME_LEN];
} arp_entry_t;

typedef struct {
    char name[NAME_LEN];
    int64_t seq;
    bool permit;
    char prefix[PREFIX_LEN];
    int64_t ge, le;
    int64_t hits; /* matches counted by the device (IOS "hit count"); absent where not shown */
    bool ipv6;
} prefix_list_entry_t;

/* A route-map entry, or a Junos policy-statement term. */
typedef struct {
    char name[NAME_LEN];
    int64_t seq;        /* route-map sequence; term index for Junos */
    char term[NAME_LEN];
    bool permit;
    char match[MAX_CLAUSES][DESC_LEN / 2];
    int n_match;
    char set[MAX_CLAUSES][DESC_LEN / 2];
    int n_set;
} route_map_entry_t;

/* One neighbor as the running configuration states it. */
typedef struct {
    int64_t local_as;
    char router_id[ADDR_LEN];
    char vrf[NAME_LEN];
    char peer[ADDR_LEN];
    int64_t remote_as;
    char description[DESC_LEN];
    char peer_group[NAME_LEN];
    tristate_t md5;      /* a password / authentication-key is configured */
    tristate_t bfd;
    tristate_t shutdown;
    int64_t keepalive, hold_time;
    char inbound_policy[NAME_LEN], outbound_policy[NAME_LEN];
    char inbound_prefix_list[NAME_LEN], outbound_prefix_list[NAME_LEN];
    int64_t max_prefixes;
    char update_source[NAME_LEN];
    int64_t ebgp_multihop;
} bgp_config_neighbor_t;

typedef struct {
    char peer[ADDR_LEN];
    char local[ADDR_LEN];
    char interface[NAME_LEN];
    updown_t state;
    char raw_state[SHORT_LEN];
    int64_t tx_interval_ms, rx_interval_ms, multiplier;
    int64_t up_time;
    char vrf[NAME_LEN];
} bfd_session_t;

typedef struct {
    char hostname[NAME_LEN];
    char os[NAME_LEN];
    char version[NAME_LEN];
    char model[NAME_LEN];
    char serial[NAME_LEN];
    char image[DESC_LEN];
    int64_t uptime; /* seconds */
} version_t;

/* Azure's effective route table row (az network nic show-effective-route-table). */
typedef struct {
    char source[SHORT_LEN];  /* Default | User | VirtualNetworkGateway */
    char state[SHORT_LEN];   /* Active | Invalid */
    char prefixes[4][PREFIX_LEN];
    int n_prefixes;
    char next_hop_type[SHORT_LEN]; /* Internet | VirtualAppliance | VirtualNetworkGateway | ... */
    char next_hop[ADDR_LEN];
    char name[NAME_LEN];
} effective_route_t;

typedef struct {
    char table[NAME_LEN];
    char protocol[SHORT_LEN];
    int64_t routes, active_routes;
} route_summary_t;

typedef struct {
    char name[NAME_LEN];
    int64_t seq;
    bool permit;
    char type[SHORT_LEN]; /* standard | expanded */
    char value[DESC_LEN];
} community_list_entry_t;

/* The result of a router's own connect test (IOS "telnet X 179", Junos "telnet X port 179"). */
typedef struct {
    char target[ADDR_LEN];
    int64_t port;
    char result[SHORT_LEN]; /* open | refused | timeout | unreachable */
    char raw[DESC_LEN];
} tcp_test_t;

/* The router's own ping (IOS "Success rate is 100 percent (5/5)", Junos/NX-OS "5 packets
 * transmitted, 5 packets received", Linux/EOS/FRR "5 packets transmitted, 5 received"). */
typedef struct {
    char target[ADDR_LEN];
    int64_t sent, received;
    double rtt_min_ms, rtt_avg_ms, rtt_max_ms; /* < 0 when absent */
    char raw[DESC_LEN];                        /* the summary line (or the last reply line) */
} ping_result_t;

/* A record is partial when its own block held a line the parser could not read, or was cut
 * (parsers/run.c decides, for every parser alike): the lines are numbered as in the input.
 * Only the first few numbers are kept, so that a record stays fixed-size; n_skipped counts
 * them all.  A line before the first record or between records leaves every record whole. */
#define RECORD_MAX_SKIPPED 4

typedef struct {
    kind_t kind;
    bool partial;
    uint32_t n_skipped;                   /* lines of its block not understood */
    uint64_t skipped[RECORD_MAX_SKIPPED]; /* the first of them (1-based input line numbers) */
    union {
        iface_t iface;
        bgp_peer_t peer;
        bgp_neighbor_t neighbor;
        route_t route;
        bgp_path_t path;
        trace_hop_t hop;
        arp_entry_t arp;
        prefix_list_entry_t prefix_list;
        route_map_entry_t route_map;
        bgp_config_neighbor_t bgp_config;
        bfd_session_t bfd;
        version_t version;
        effective_route_t effective_route;
        route_summary_t route_summary;
        community_list_entry_t community_list;
        tcp_test_t tcp_test;
        ping_result_t ping;
    } u;
} record_t;

/* Fields that belong to the whole answer rather than to one record. */
typedef struct {
    char router_id[ADDR_LEN];
    int64_t local_as;
    char vrf[NAME_LEN];
    char target[ADDR_LEN];  /* traceroute destination */
    char target_name[DESC_LEN / 2];
} parse_meta_t;

/* Resets a record to "everything absent" for the given kind. */
void record_init(record_t *rec, kind_t kind);
void meta_init(parse_meta_t *meta);
void next_hop_init(next_hop_t *nh);
void trace_probe_init(trace_probe_t *p);

const char *kind_name(kind_t kind);
/* The JSON key under which a kind's records are listed ("interfaces", "neighbors", ...). */
const char *kind_list_key(kind_t kind);
const char *bgp_state_name(bgp_state_t state);
const char *updown_name(updown_t v);

/* Copies src (len bytes, or up to NUL when len < 0) into a fixed field, truncating. */
void field_set(char *dst, size_t size, const char *src, long len);
#define FIELD_SET(dst, src, len) field_set((dst), sizeof(dst), (src), (len))

#endif
