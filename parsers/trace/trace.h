/* trace.h: traceroute parsers shared by every vendor that prints a traceroute.
 *
 * Cisco-style output (IOS / IOS-XE, IOS-XR, and NX-OS, whose traceroute is the Linux one behind
 * a Cisco prompt) goes through trace_cisco_line(); Linux traceroute / traceroute6 / inetutils
 * through trace_linux_line(); mtr --report through trace_mtr_line(); Windows tracert through
 * trace_tracert_line().  All four share trace_state_t and one finish function, so a vendor
 * table entry is:
 *
 *   {.command = "traceroute", .pattern = "^traceroute( .*)?$", .kind = KIND_TRACEROUTE,
 *    .state_size = sizeof(trace_state_t), .line = trace_cisco_line, .finish = trace_finish}
 *
 * Records are hops: one record per TTL, probes in the order printed.  A '*' probe has no address
 * and no RTT.  A hop that prints more than MAX_PROBES probes (IOS "probe 10", ECMP fans) keeps
 * every responding address: extra RTTs from an address already listed are dropped first. */
#ifndef ERDIAG_TRACE_H
#define ERDIAG_TRACE_H

#include <stdbool.h>

#include "parsers/parser.h"

typedef enum {
    TRACE_STYLE_CISCO = 1, /* "1 msec", "!H" stands for a probe of its own */
    TRACE_STYLE_LINUX,     /* "1.2 ms", "!H" annotates the probe before it */
} trace_style_t;

typedef struct {
    record_t hop;           /* the open hop (kind traceroute) */
    bool open;              /* hop holds a TTL not yet emitted */
    trace_style_t style;
    char cur_addr[ADDR_LEN]; /* responder of the open hop: Cisco continuation lines reuse it */
    char cur_name[DESC_LEN / 2];
    int64_t max_hops;       /* from "30 hops max" / "a maximum of 30 hops", or MODEL_ABSENT */
    int64_t last_ttl;
    bool any_hop;
    bool ended;             /* target reached, or an unreachable (!H/!N/!X) stopped the trace */
    bool complete;          /* tracert's "Trace complete." */
    bool tracert;           /* Windows: a trace without "Trace complete." was cut off */
    bool started;           /* state initialised (the driver hands us zeroed memory) */
    int mtr_loss_col, mtr_avg_col; /* mtr report: which numeric column is Loss% / Avg */
} trace_state_t;

/* Cisco IOS / IOS-XE / IOS-XR / NX-OS "traceroute ...". */
int trace_cisco_line(parse_run_t *run, void *state, const char *line, size_t len);
/* Linux / BSD "traceroute", "traceroute6", inetutils traceroute. */
int trace_linux_line(parse_run_t *run, void *state, const char *line, size_t len);
/* "mtr --report" / "mtr -r -n" / "mtr --report-wide". */
int trace_mtr_line(parse_run_t *run, void *state, const char *line, size_t len);
/* Linux "tracepath" / "tracepath6" (one line per probe). */
int trace_tracepath_line(parse_run_t *run, void *state, const char *line, size_t len);
/* Windows "tracert" (English). */
int trace_tracert_line(parse_run_t *run, void *state, const char *line, size_t len);
/* Flushes the open hop and marks a trace that stops early as partial.  Shared by all four. */
int trace_finish(parse_run_t *run, void *state);
/* Aliases for vendor tables that want a name that reads like the line function. */
#define trace_cisco_finish trace_finish
#define trace_linux_finish trace_finish

/* ---- internal, shared by the files of parsers/trace/ ---- */

typedef struct {
    const char *s;
    size_t n;
} trace_tok_t;

#define TRACE_MAX_TOKS 96

/* Splits a line on blanks; returns the token count (at most max). */
size_t trace_tokens(const char *line, size_t len, trace_tok_t *toks, size_t max);
void trace_state_start(trace_state_t *st, trace_style_t style);
/* Emits the open hop (if any) and opens a new one for ttl. */
int trace_hop_begin(parse_run_t *run, trace_state_t *st, int64_t ttl);
/* Adds a probe to the open hop under the MAX_PROBES policy described above. */
void trace_hop_add(parse_run_t *run, trace_state_t *st, const trace_probe_t *p);
int trace_hop_flush(parse_run_t *run, trace_state_t *st);
/* Appends text to a probe's annotation, space-separated, truncating. */
void trace_annotate(trace_probe_t *p, const char *s, size_t n);
/* "12", "0.394" -> milliseconds; false if not a plain non-negative number.  A number beyond
 * RECORD_MAX_RTT_MS (or too long to read) gives true with *out = -1: absent, and counted as
 * out of range (textutil.h). */
bool trace_number(const char *s, size_t n, double *out);
/* "traceroute to NAME (ADDR), 30 hops max, ..." and "Tracing the route to NAME (ADDR)" tails. */
void trace_set_target(parse_run_t *run, const char *s, size_t n);
bool trace_timestamp_line(const char *line, size_t len);

#endif
