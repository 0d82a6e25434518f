/* run.c: the parse driver.  Splits raw device output into lines, cleans each line of what
 * terminals and pagers leave behind, drops prompts, echoed commands and login banners, and
 * feeds the rest to the vendor parser: line by line to a text parser, or gathered once (no
 * line cap, cleaned in place) and handed over whole, or cut into pieces when it is big
 * (parsers/json_split.h), to a structured one. */
#include "parsers/parser.h"

#include <ctype.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "parsers/clean.h"
#include "parsers/json_split.h"
#include "parsers/record_check.h"
#include "parsers/textutil.h"

/* Lines before the echoed command are a login banner or MOTD: hold this many back until we
 * know whether an echo follows. */
#define BANNER_WINDOW_LINES 64
#define MAX_LINE_BYTES (64u * 1024)

typedef struct {
    char *text;
    size_t len;
    uint64_t line_no;
} held_line_t;

struct parse_run {
    const parser_def_t *def;
    const parser_vendor_t *vendor;
    char command[CMD_LEN];
    char command_norm[CMD_LEN];
    record_sink_fn sink;
    void *sink_ud;
    void *state;
    parse_meta_t meta;

    uint64_t line_no;      /* number of the line being handled (1-based) */
    uint64_t records;
    bool partial;
    char partial_reason[160];
    uint64_t skipped[PARSE_MAX_SKIPPED];
    size_t n_skipped;
    uint64_t skipped_total;
    bool truncated;
    bool failed;
    char error[256];
    parser_filter_t filter; /* the command's output filter (parser_resolve) */
    bool header_fed;        /* def->filter_header went in before a filtered answer */
    int64_t count;          /* a "| count" answer's number, -1 until read */

    /* The record being built, from parse_begin_record() to the next: what of its block the
     * parser could not read.  It stays open after an emit, so that every record one block
     * gives (the paths of one prefix) carries it; the next begin starts afresh. */
    bool rec_open;
    bool rec_partial;
    uint32_t rec_n_skipped;
    uint64_t rec_skipped[RECORD_MAX_SKIPPED];
    uint64_t rec_last_skipped; /* a line skipped twice counts once */

    char *pending; /* bytes of the line not yet ended by '\n' */
    size_t pending_len, pending_cap;
    bool line_too_long;
    uint64_t lines_seen;

    held_line_t held[BANNER_WINDOW_LINES];
    size_t n_held;
    bool banner_done; /* window closed: lines go straight to the parser */

    char *whole; /* structured input, cleaned */
    size_t whole_len, whole_cap;
    size_t whole_line; /* where the line being gathered starts in whole */
    size_t whole_held; /* lines kept before the banner window closed */
    size_t split_bytes;
};

/* A number the parser could not keep (textutil's checked conversions, or the record check
 * below) makes the result partial, and the record being built: the value is absent, and the
 * reader must know why. */
static void partial_number(parse_run_t *run)
{
    char why[96];
    if (run->def->whole)
        snprintf(why, sizeof(why), "a number out of range was left out");
    else
        snprintf(why, sizeof(why), "a number out of range was left out (line %llu)",
                 (unsigned long long)run->line_no);
    parse_partial(run, why);
}

static void note_range_errors(parse_run_t *run)
{
    if (tu_take_range_errors())
        partial_number(run);
}

/* The record going out carries what its block held that the parser could not read. */
static void mark_record(const parse_run_t *run, record_t *rec)
{
    rec->partial = true;
    rec->n_skipped = run->rec_n_skipped;
    memcpy(rec->skipped, run->rec_skipped, sizeof(rec->skipped));
}

void parse_begin_block(parse_run_t *run)
{
    run->rec_open = true;
    run->rec_partial = false;
    run->rec_n_skipped = 0;
    memset(run->rec_skipped, 0, sizeof(run->rec_skipped));
}

void parse_begin_record(parse_run_t *run, record_t *rec, kind_t kind)
{
    record_init(rec, kind);
    parse_begin_block(run);
}

int parse_emit(parse_run_t *run, const record_t *rec)
{
    if (run->failed)
        return -1;
    bool dropped = tu_take_range_errors();
    if (dropped)
        partial_number(run);
    record_t fixed;
    bool in_range = record_in_range(rec);
    bool mark = dropped || !in_range || (run->rec_open && (run->rec_partial || run->rec_n_skipped));
    if (mark) {
        fixed = *rec;
        if (!in_range) {
            record_drop_out_of_range(&fixed);
            partial_number(run);
        }
        fixed.partial = true;
        if (run->rec_open)
            mark_record(run, &fixed);
        rec = &fixed;
    }
    run->records++;
    int rc = run->sink ? run->sink(run->sink_ud, rec) : 0;
    if (rc != 0) {
        run->failed = true;
        snprintf(run->error, sizeof(run->error), "output stopped (sink error %d)", rc);
    }
    return rc;
}

void parse_skip_outside(parse_run_t *run)
{
    bool open = run->rec_open;
    run->rec_open = false;
    parse_skip(run);
    run->rec_open = open;
}

void parse_skip(parse_run_t *run)
{
    run->partial = true;
    run->skipped_total++;
    if (run->n_skipped < PARSE_MAX_SKIPPED &&
        (run->n_skipped == 0 || run->skipped[run->n_skipped - 1] != run->line_no))
        run->skipped[run->n_skipped++] = run->line_no;
    /* Inside a record's block the line is that record's loss; before the first record or
     * between records it is the output's alone. */
    if (run->rec_open && (run->rec_n_skipped == 0 || run->rec_last_skipped != run->line_no)) {
        if (run->rec_n_skipped < RECORD_MAX_SKIPPED)
            run->rec_skipped[run->rec_n_skipped] = run->line_no;
        run->rec_n_skipped++;
        run->rec_last_skipped = run->line_no;
    }
}

void parse_partial(parse_run_t *run, const char *why)
{
    run->partial = true;
    if (run->rec_open)
        run->rec_partial = true;
    if (!run->partial_reason[0])
        snprintf(run->partial_reason, sizeof(run->partial_reason), "%s", why);
}

void parse_truncated(parse_run_t *run, const char *why)
{
    /* A filtered answer ends where the filter's last match is: its missing end (a total line, a
     * closing row) is the filter's doing, not a cut. */
    if (run->filter.filtered)
        return;
    parse_partial(run, why);
    run->truncated = true;
}

int parse_fail(parse_run_t *run, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    if (!run->failed)
        vsnprintf(run->error, sizeof(run->error), fmt, ap);
    va_end(ap);
    run->failed = true;
    return -1;
}

parse_meta_t *parse_meta(parse_run_t *run) { return &run->meta; }
const char *parse_command(const parse_run_t *run) { return run->command; }
const char *parse_command_norm(const parse_run_t *run) { return run->command_norm; }
uint64_t parse_line_no(const parse_run_t *run) { return run->line_no; }
bool parse_filtered(const parse_run_t *run) { return run->filter.filtered; }
const parse_meta_t *parse_run_meta(const parse_run_t *run) { return &run->meta; }

parse_run_t *parse_run_new(const parser_def_t *def, const parser_vendor_t *vendor, const char *command,
                           record_sink_fn sink, void *sink_ud)
{
    parse_run_t *run = calloc(1, sizeof(*run));
    if (!run)
        return NULL;
    run->def = def;
    run->vendor = vendor;
    snprintf(run->command, sizeof(run->command), "%s", command ? command : "");
    parser_normalise_command(run->command, run->command_norm, sizeof(run->command_norm));
    if (vendor && parser_resolve(vendor, run->command, &run->filter) != def)
        memset(&run->filter, 0, sizeof(run->filter)); /* the caller chose def for another form */
    run->count = -1;
    run->sink = sink;
    run->sink_ud = sink_ud;
    meta_init(&run->meta);
    tu_take_range_errors(); /* a count left by anything before this run is not ours */
    run->split_bytes = PARSE_SPLIT_BYTES;
    if (def->state_size) {
        run->state = calloc(1, def->state_size);
        if (!run->state) {
            free(run);
            return NULL;
        }
    }
    return run;
}

static int append(char **buf, size_t *len, size_t *cap, const char *s, size_t n)
{
    if (*len + n + 1 > *cap) {
        size_t want = *cap ? *cap : 256;
        while (want < *len + n + 1)
            want *= 2;
        char *p = realloc(*buf, want);
        if (!p)
            return -1;
        *buf = p;
        *cap = want;
    }
    memcpy(*buf + *len, s, n);
    *len += n;
    (*buf)[*len] = '\0';
    return 0;
}

/* A "| count" answer is one number ("Number of lines which match regexp = 12" on IOS, "12" on
 * NX-OS, "Count: 12 lines" on Junos): the last number of a line is kept, nothing is parsed. */
static void read_count(parse_run_t *run, const char *line, size_t len)
{
    size_t end = len;
    while (end && !isdigit((unsigned char)line[end - 1]))
        end--;
    size_t start = end;
    while (start && isdigit((unsigned char)line[start - 1]))
        start--;
    if (end > start && end - start < 12)
        run->count = strtoll(line + start, NULL, 10);
}

/* A cleaned, non-noise line reaches the parser (or the structured buffer) here. */
static int deliver(parse_run_t *run, const char *line, size_t len, uint64_t line_no)
{
    if (run->failed)
        return -1;
    run->line_no = line_no;
    if (run->filter.count) {
        read_count(run, line, len);
        return 0;
    }
    if (run->filter.filtered && run->def->filter_header && !run->header_fed) {
        run->header_fed = true; /* a header the filter kept comes again: parsers take it twice */
        if (run->def->line(run, run->state, run->def->filter_header, strlen(run->def->filter_header)) != 0)
            return -1;
    }
    int rc = run->def->line(run, run->state, line, len);
    note_range_errors(run);
    return rc ? -1 : 0;
}

static void release_held(parse_run_t *run, bool deliver_them)
{
    for (size_t i = 0; i < run->n_held; i++) {
        if (deliver_them)
            deliver(run, run->held[i].text, run->held[i].len, run->held[i].line_no);
        free(run->held[i].text);
    }
    run->n_held = 0;
    run->banner_done = true;
}

static int hold(parse_run_t *run, const char *line, size_t len, uint64_t line_no)
{
    char *copy = malloc(len + 1);
    if (!copy)
        return parse_fail(run, "out of memory");
    memcpy(copy, line, len);
    copy[len] = '\0';
    run->held[run->n_held++] = (held_line_t){copy, len, line_no};
    if (run->n_held == BANNER_WINDOW_LINES)
        release_held(run, true);
    return 0;
}

/* One raw line (without its '\n').  Cleans it, then decides: noise, banner, or content. */
static int handle_line(parse_run_t *run, char *raw, size_t len, uint64_t line_no)
{
    run->line_no = line_no;
    bool had_pager = false;
    len = clean_line(raw, len, &had_pager);
    line_class_t cls = clean_classify(raw, len);
    if (cls == LINE_ECHO) {
        /* Everything before the echoed command was a banner or an earlier prompt. */
        if (!run->banner_done)
            release_held(run, false);
        return 0;
    }
    if (cls == LINE_PROMPT || (had_pager && cls == LINE_BLANK))
        return 0;
    if (!run->banner_done)
        return hold(run, raw, len, line_no);
    return deliver(run, raw, len, line_no);
}

/* Passes the completed pending line on and starts the next one. */
static int end_line(parse_run_t *run)
{
    static char empty[1];
    run->lines_seen++;
    int rc = handle_line(run, run->pending ? run->pending : empty, run->pending_len, run->lines_seen);
    run->pending_len = 0;
    run->line_too_long = false;
    return rc;
}

/* A structured line is complete at whole[whole_line..whole_len), with its '\n' when it had
 * one (a document cut mid-string must stay cut there): cleaned where it lies, then kept or
 * dropped by the same rules as a text line.  It only ever shrinks, so the '\n' and the NUL
 * after it always have room. */
static void end_structured_line(parse_run_t *run, bool newline)
{
    run->lines_seen++;
    run->line_no = run->lines_seen;
    char *line = run->whole + run->whole_line;
    size_t len = run->whole_len - run->whole_line - (newline ? 1 : 0);
    bool had_pager = false;
    len = len ? clean_line(line, len, &had_pager) : 0;
    line_class_t cls = clean_classify(line, len);
    size_t keep_to = run->whole_line; /* the line dropped */
    if (cls == LINE_ECHO && !run->banner_done) {
        keep_to = 0; /* everything before the echoed command was a banner */
        run->banner_done = true;
    } else if (cls != LINE_ECHO && cls != LINE_PROMPT && !(had_pager && cls == LINE_BLANK)) {
        keep_to = run->whole_line + len;
        if (newline)
            run->whole[keep_to++] = '\n';
        if (!run->banner_done && ++run->whole_held == BANNER_WINDOW_LINES)
            run->banner_done = true;
    }
    run->whole_len = run->whole_line = keep_to;
    run->whole[keep_to] = '\0';
}

/* Structured input goes straight into run->whole: no per-line copy and no line cap, so a
 * one-line 250 MB answer costs its size once. */
static int feed_structured(parse_run_t *run, const char *buf, size_t len)
{
    size_t i = 0;
    while (i < len && !run->failed) {
        const char *nl = memchr(buf + i, '\n', len - i);
        size_t take = nl ? (size_t)(nl - (buf + i)) + 1 : len - i; /* with its '\n' */
        if (run->whole_len + take + 1 > PARSE_MAX_STRUCTURED_BYTES)
            return parse_fail(run, "structured output larger than %u MiB", PARSE_MAX_STRUCTURED_BYTES >> 20);
        if (append(&run->whole, &run->whole_len, &run->whole_cap, buf + i, take))
            return parse_fail(run, "out of memory");
        i += take;
        if (nl)
            end_structured_line(run, true);
    }
    return run->failed ? -1 : 0;
}

int parse_run_feed(parse_run_t *run, const char *buf, size_t len)
{
    if (run->def->whole && !run->filter.count)
        return feed_structured(run, buf, len);
    size_t i = 0;
    while (i < len && !run->failed) {
        const char *nl = memchr(buf + i, '\n', len - i);
        size_t take = nl ? (size_t)(nl - (buf + i)) : len - i;
        size_t room = MAX_LINE_BYTES > run->pending_len ? MAX_LINE_BYTES - run->pending_len : 0;
        if (take > room && !run->line_too_long) {
            /* A line longer than any router prints is garbage or hostile: keep its start only. */
            parse_partial(run, "a line longer than 64 KiB was cut");
            run->line_too_long = true;
        }
        size_t keep = take < room ? take : room;
        if (keep && append(&run->pending, &run->pending_len, &run->pending_cap, buf + i, keep))
            return parse_fail(run, "out of memory");
        i += take;
        if (!nl)
            break;
        i++; /* the '\n' */
        end_line(run);
    }
    return run->failed ? -1 : 0;
}

/* Top-level fields a piece set keep the first value any piece gave them: a parser that takes
 * the router id from "the first VRF" sees a first VRF in every piece. */
static void keep_first_meta(parse_meta_t *m, const parse_meta_t *before)
{
    if (before->router_id[0])
        memcpy(m->router_id, before->router_id, sizeof(m->router_id));
    if (before->local_as != MODEL_ABSENT)
        m->local_as = before->local_as;
    if (before->vrf[0])
        memcpy(m->vrf, before->vrf, sizeof(m->vrf));
    if (before->target[0])
        memcpy(m->target, before->target, sizeof(m->target));
    if (before->target_name[0])
        memcpy(m->target_name, before->target_name, sizeof(m->target_name));
}

/* One piece of a split document (json_split.h) goes to the structured parser. */
static int structured_piece(void *ud, const char *doc, size_t len)
{
    parse_run_t *run = ud;
    parse_meta_t before = run->meta;
    int rc = run->def->whole(run, doc, len);
    keep_first_meta(&run->meta, &before);
    note_range_errors(run);
    return rc || run->failed ? 1 : 0;
}

/* "line L, column C" of an offset in the structured text, as jansson words its errors. */
static int fail_at(parse_run_t *run, size_t offset, const char *why)
{
    size_t line = 1, col = 1;
    for (size_t i = 0; i < offset && i < run->whole_len; i++, col++)
        if (run->whole[i] == '\n')
            line++, col = 0;
    return parse_fail(run, "invalid JSON at line %zu, column %zu: %s", line, col, why);
}

/* Small documents go to the parser whole; a big one in pieces of at most split_bytes, so its
 * jansson tree never exists at once.  A document the input cut short keeps its complete
 * pieces. */
static int run_structured(parse_run_t *run)
{
    const char *text = run->whole ? run->whole : "";
    size_t len = run->whole_len, start = json_split_start(text, len);
    if (len <= run->split_bytes || start == len)
        return run->def->whole(run, text, len);
    json_split_error_t err;
    int rc = json_split(text + start, len - start, run->split_bytes, structured_piece, run, &err);
    if (rc < 0 && err.cut_short) {
        parse_truncated(run, "the JSON answer was cut short: the records before the cut are kept");
        return 0;
    }
    if (rc < 0)
        return fail_at(run, start + err.offset, err.why);
    return rc ? -1 : 0;
}

void parse_run_set_split_bytes(parse_run_t *run, size_t bytes)
{
    run->split_bytes = bytes ? bytes : 1;
}

int parse_run_finish(parse_run_t *run)
{
    if (run->def->whole && !run->filter.count && run->whole_len > run->whole_line && !run->failed)
        end_structured_line(run, false); /* output cut without a final newline */
    if (run->pending_len && !run->failed)
        end_line(run); /* output cut without a final newline */
    if (!run->banner_done)
        release_held(run, true);
    if (run->failed)
        return -1;
    run->line_no = run->lines_seen + 1;
    int rc;
    if (run->filter.count)
        rc = 0; /* a count holds no records */
    else if (run->def->whole)
        rc = run_structured(run);
    else
        rc = run->def->finish ? run->def->finish(run, run->state) : 0;
    note_range_errors(run);
    if (meta_drop_out_of_range(&run->meta))
        partial_number(run);
    return rc || run->failed ? -1 : 0;
}

void parse_run_status(const parse_run_t *run, parse_status_t *out)
{
    memset(out, 0, sizeof(*out));
    out->lines = run->lines_seen;
    out->records = run->records;
    out->partial = run->partial;
    out->truncated = run->truncated;
    out->skipped_total = run->skipped_total;
    out->skipped = run->skipped;
    out->n_skipped = run->n_skipped;
    snprintf(out->partial_reason, sizeof(out->partial_reason), "%s", run->partial_reason);
    out->error = run->failed ? run->error : NULL;
    out->filter = run->filter;
    out->count = run->count;
}

void parse_run_free(parse_run_t *run)
{
    if (!run)
        return;
    for (size_t i = 0; i < run->n_held; i++)
        free(run->held[i].text);
    free(run->pending);
    free(run->whole);
    free(run->state);
    free(run);
}
