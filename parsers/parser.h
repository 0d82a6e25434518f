/* parser.h: the contract between the parse driver and the vendor parsers.
 *
 * A text parser is a line-at-a-time state machine: the driver splits and cleans the input
 * (CRLF, ANSI escapes, pager residue, prompts and echoed commands, login banners) and calls
 * def->line() once per remaining line; def->finish() flushes whatever record is still open.
 * Records go out through parse_emit() as soon as they are complete, so memory stays flat
 * whatever the table size.  A structured (JSON) parser gets the whole text in def->whole().
 *
 * Parsers do no I/O: they see bytes and emit structs. */
#ifndef ERDIAG_PARSER_H
#define ERDIAG_PARSER_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "core/model.h"

typedef struct parse_run parse_run_t;

/* Receives each record; a non-zero return stops the parse (the sink's error). The record is
 * only valid during the call: copy what you keep. */
typedef int (*record_sink_fn)(void *ud, const record_t *rec);

typedef struct parser_def {
    const char *command; /* canonical form for --list and docs, e.g. "show ip route" */
    const char *pattern; /* PCRE2 regex on the normalised command (lower case, single spaces) */
    kind_t kind;
    size_t state_size;   /* bytes of zeroed per-run state handed to line()/finish() */
    /* Text parsers: return 0, or -1 to abort with parse_fail(). */
    int (*line)(parse_run_t *run, void *state, const char *line, size_t len);
    int (*finish)(parse_run_t *run, void *state);
    /* Structured parsers (whole input at once, e.g. JSON). */
    int (*whole)(parse_run_t *run, const char *text, size_t len);
    /* The table header a text parser reads its rows under (their columns, or where the rows
     * start), as the platform prints it: fed before a filtered answer ("| include 10.1.0"),
     * whose filter removed the device's own.  NULL: the rows read without one. */
    const char *filter_header;
} parser_def_t;

typedef struct parser_vendor {
    const char *name;  /* "ios" */
    const char *title; /* "Cisco IOS / IOS-XE" */
    const parser_def_t *parsers;
    size_t n_parsers;
} parser_vendor_t;

/* ---- for the vendor parsers ---- */

/* Starts the record the next lines build: record_init(rec, kind), and from here to the next
 * begin the driver counts a skipped line as this record's (parse_emit marks it partial, with
 * the line numbers).  A line skipped while no record was begun (a header, a trailer) or after
 * a table row was emitted and before the next begins is the output's alone: call this where a
 * record's block starts, and use plain record_init() for scratch records. */
void parse_begin_record(parse_run_t *run, record_t *rec, kind_t kind);
/* The same for a block whose records are built elsewhere (a configuration section whose
 * neighbors are emitted at its end): every record emitted until the next begin carries what
 * the block held that was not read. */
void parse_begin_block(parse_run_t *run);
/* Hands a finished record to the sink.  Returns the sink's verdict (0 = go on).  The sink gets
 * the record marked partial when its block held a skipped line or a number out of range. */
int parse_emit(parse_run_t *run, const record_t *rec);
/* Marks the current line as not understood: the result becomes partial and lists it, and so
 * does the record being built, if any. */
void parse_skip(parse_run_t *run);
/* The same for a line the parser knows stands outside every record's block (an unindented
 * line between indented blocks): only the output is partial. */
void parse_skip_outside(parse_run_t *run);
/* Marks the result partial for a reason that is not one line (more next hops than a record
 * holds), and the record being built, if any. */
void parse_partial(parse_run_t *run, const char *why);
/* The answer ends where it should not (inside a block, before its total line): as
 * parse_partial, and the result is truncated: records after the cut are missing, so the
 * absence of one proves nothing. */
void parse_truncated(parse_run_t *run, const char *why);
/* Fails the parse with a message (printf-style); returns -1 for convenient tail calls. */
int parse_fail(parse_run_t *run, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
/* Top-level fields (router id, local AS, VRF, traceroute target). */
parse_meta_t *parse_meta(parse_run_t *run);
/* The command as the user gave it (trimmed, original case) and normalised (lower case). */
const char *parse_command(const parse_run_t *run);
const char *parse_command_norm(const parse_run_t *run);
uint64_t parse_line_no(const parse_run_t *run);
/* The answer went through an output filter ("| include X"): lines between the ones read may be
 * gone, a table's preamble among them. */
bool parse_filtered(const parse_run_t *run);

/* ---- for the callers (cli, probes) ---- */

/* Resolution: vendor name or alias ("ios", "iosxe", "cisco_ios", ...) -> vendor table. */
const parser_vendor_t *parser_vendor_find(const char *name);
/* NULL-terminated list of every vendor table, in --list order. */
const parser_vendor_t *const *parser_vendors(void);
/* Why no parser may read this command's output whatever its pattern ("MPLS LSP traceroute is
 * not an IP trace"), as a static string; NULL for an ordinary command. */
const char *parser_refusal(const char *command);
/* The parser for a command on that vendor, or NULL (always NULL for a refused command).  A
 * command with output filters ("show ip bgp summary | include 10.1", "sh ip arp | i Gi0",
 * "... | count") resolves to its head's parser unless a parser is written for that very
 * filtered form. */
const parser_def_t *parser_find(const parser_vendor_t *vendor, const char *command);

/* What parser_resolve() learnt about the output filters of a command. */
typedef struct {
    bool filtered; /* the parser is the head's: the answer holds only what the filter left */
    bool count;    /* a "| count" stage: the answer is a number of lines, no records */
    char filter[16]; /* the first filter's word as typed, lower case ("include", "i", "count") */
} parser_filter_t;

/* parser_find(), and into f (may be NULL; caller-owned) whether the answer is filtered. */
const parser_def_t *parser_resolve(const parser_vendor_t *vendor, const char *command, parser_filter_t *f);
/* Normalises a command for matching: lower case, single spaces, "| no-more" dropped. */
void parser_normalise_command(const char *command, char *out, size_t size);

typedef struct {
    uint64_t lines;      /* input lines seen */
    uint64_t records;    /* records emitted */
    bool partial;        /* something was skipped somewhere (the records say where) */
    bool truncated;      /* the answer was cut: records after the cut are missing */
    uint64_t skipped_total;
    const uint64_t *skipped; /* first PARSE_MAX_SKIPPED skipped line numbers */
    size_t n_skipped;
    char partial_reason[160];
    const char *error;   /* set when the parse failed; the records emitted so far still stand */
    parser_filter_t filter; /* the command's output filter: what it removed is neither partial nor truncated */
    int64_t count;       /* a "| count" answer's number of lines; -1 when none was read */
} parse_status_t;

#define PARSE_MAX_SKIPPED 200

/* Creates a run.  The run borrows def, vendor and the sink; it copies command. */
parse_run_t *parse_run_new(const parser_def_t *def, const parser_vendor_t *vendor, const char *command,
                           record_sink_fn sink, void *sink_ud);
/* Feeds a chunk of raw device output (any split, any size).  Returns 0, or -1 once failed. */
int parse_run_feed(parse_run_t *run, const char *buf, size_t len);
/* Ends the input: flushes the last line and the parser's open record. */
int parse_run_finish(parse_run_t *run);
void parse_run_status(const parse_run_t *run, parse_status_t *out);
const parse_meta_t *parse_run_meta(const parse_run_t *run);
void parse_run_free(parse_run_t *run);

/* Caps a structured input: its text is held whole, so a hostile 2 GB answer must stop early. */
#define PARSE_MAX_STRUCTURED_BYTES (256u * 1024 * 1024)
/* A structured input longer than this reaches def->whole() in pieces of at most this size
 * (parsers/json_split.h): the jansson tree of a piece, not of the whole answer, is what is
 * held, so memory stays near the text's own size. */
#define PARSE_SPLIT_BYTES (512u * 1024)
/* Sets the piece size of a run (tests cut tiny documents into many pieces with it). */
void parse_run_set_split_bytes(parse_run_t *run, size_t bytes);

#endif
