/* ios_rib.h: Cisco IOS / IOS-XE routing-table parsers ("show ip route", "show ip bgp").
 *
 * Included only by the ios_route*.c / ios_bgp_table*.c files and by ios_table.c (which needs
 * the state sizes).  These parsers are on the million-route hot path: they dispatch on the
 * first characters of a line and scan by hand instead of running regexes per line, and they
 * keep one record in their state that is reset field by field (not memset) between routes. */
#ifndef ERDIAG_IOS_RIB_H
#define ERDIAG_IOS_RIB_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include "parsers/parser.h"

/* ---- show ip route ---- */
typedef struct {
    record_t rec;         /* the open route; its vrf survives from route to route */
    bool open;            /* rec holds a route not yet emitted */
    bool started;         /* the command's own VRF has been applied */
    bool detail;          /* single-prefix "Routing entry for" output */
    bool in_blocks;       /* detail: inside "Routing Descriptor Blocks:" */
    uint32_t major_net;   /* last "is subnetted" header: classful network ... */
    uint32_t major_mask;  /* ... and its classful mask */
    int sub_len;          /* its single mask length; -1 when none applies */
} ios_route_state_t;

int ios_route_line(parse_run_t *run, void *state, const char *line, size_t len);
int ios_route_finish(parse_run_t *run, void *state);
/* internal: emits the open route; the detail form's line handler (ios_route_detail.c) */
int ios_route_flush(parse_run_t *run, ios_route_state_t *st);
int ios_route_detail_line(parse_run_t *run, ios_route_state_t *st, const char *line, const char *e);

/* ---- show ip bgp (table, advertised/received-routes, single-prefix detail) ---- */
typedef struct {
    record_t rec;          /* the path being built; vrf and neighbor survive between paths */
    char prefix[PREFIX_LEN]; /* network of the last path: continuation paths omit it */
    bool started;
    bool in_legend;        /* between "Status codes:" and the column header */
    bool wrap;             /* a prefix line with nothing after it: next hop comes next line */
    tristate_t wrap_valid, wrap_best;
    bool nh_wrap;          /* a long IPv6 next hop ended the line: its numbers come next line */
    int col_nh;            /* header columns: "Next Hop" start, ends of Metric/LocPrf/Weight */
    int end_metric, end_locprf, end_weight;
    int shift;             /* how far this output's rows sit from its header (copy/paste) */
    /* detail ("BGP routing table entry for") */
    bool detail;
    bool path_open;
    bool in_paths;
    bool in_adv;           /* "Advertised to ..." peer/group list lines follow */
    int64_t paths_avail;   /* "Paths: (N available": 0 (unknown) until that line */
    int paths_seen;        /* paths begun since */
} ios_bgp_state_t;

int ios_bgp_table_line(parse_run_t *run, void *state, const char *line, size_t len);
int ios_bgp_table_finish(parse_run_t *run, void *state);
/* internal: the detail form (ios_bgp_table_detail.c) */
int ios_bgp_detail_line(parse_run_t *run, ios_bgp_state_t *st, const char *line, const char *e);
int ios_bgp_detail_flush(parse_run_t *run, ios_bgp_state_t *st);
/* At the end of the output: marks it truncated when the entry's "Paths: (N available" counted
 * more paths than were listed (a capture cut between two paths loses one whole). */
void ios_bgp_detail_count(parse_run_t *run, const ios_bgp_state_t *st);

/* ---- scanning: tables are mostly runs of blanks, so skip and split 8 bytes at a time ---- */
#define IOS_RIB_ONES 0x0101010101010101ull
#define IOS_RIB_HIGHS 0x8080808080808080ull

static inline bool ios_rib_sp(char c) { return c == ' ' || c == '\t'; }

/* Marks (high bit) the bytes of v equal to b; the lowest mark is exact. */
static inline uint64_t ios_rib_w_eq(uint64_t v, unsigned char b)
{
    uint64_t x = v ^ (IOS_RIB_ONES * b);
    return (x - IOS_RIB_ONES) & ~x & IOS_RIB_HIGHS;
}

static inline const char *ios_rib_skip_sp(const char *p, const char *e)
{
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
    while (e - p >= 8) {
        uint64_t v;
        memcpy(&v, p, 8);
        uint64_t x = v ^ (IOS_RIB_ONES * ' ');
        if (x) {
            p += __builtin_ctzll(x) >> 3;
            break;
        }
        p += 8;
    }
#endif
    while (p < e && ios_rib_sp(*p))
        p++;
    return p;
}

static inline const char *ios_rib_token_end(const char *p, const char *e)
{
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
    while (e - p >= 8) {
        uint64_t v;
        memcpy(&v, p, 8);
        uint64_t m = ios_rib_w_eq(v, ' ') | ios_rib_w_eq(v, '\t');
        if (m)
            return p + (__builtin_ctzll(m) >> 3);
        p += 8;
    }
#endif
    while (p < e && !ios_rib_sp(*p))
        p++;
    return p;
}

/* ---- helpers shared by the two (ios_route_util.c) ---- */
/* Exactly a dotted quad in s[0..n). */
bool ios_rib_ipv4(const char *s, size_t n, uint32_t *out);
/* "a.b.c.d/len" with host bits cleared; returns the length written. */
size_t ios_rib_fmt_prefix(char *out, uint32_t addr, int len);
/* A prefix token: "a.b.c.d/len", "a.b.c.d" (len = -1), or anything else via tu_prefix (IPv6). */
bool ios_rib_prefix_token(const char *s, size_t n, uint32_t *addr, int *len);
int ios_rib_classful_len(uint32_t addr);
/* The netmask of a prefix length 0..32 (a shift by 32 would be undefined: /0 is 0). */
uint32_t ios_rib_mask(int len);
/* Durations as IOS prints them in tables ("00:01:02", "1w2d", "3d04h"), fast path first. */
int64_t ios_rib_duration(const char *s, size_t n);
/* Digits only -> number; anything else -> MODEL_ABSENT (tu_digits: overflow is counted). */
int64_t ios_rib_uint(const char *s, size_t n);
/* "12076" or asdot "64086.59905" -> asplain; MODEL_ABSENT when neither. */
int64_t ios_rib_asn(const char *s, size_t n);
/* The word after " vrf " in the command as the user typed it (keeps its case). */
void ios_rib_command_vrf(parse_run_t *run, char *out, size_t size);
/* The argument after "neighbors " in the command. */
void ios_rib_command_word_after(parse_run_t *run, const char *word, char *out, size_t size);
void ios_rib_copy(char *dst, size_t size, const char *s, size_t n);
bool ios_rib_starts(const char *s, const char *end, const char *lit);

#endif
