/* transcript.h: every command the console sent and every answer it got, as lines to show in
 * the raw pane and to search.  A data module (no curses), like mtr's net.c: the engine's SENT
 * and REPLY events go in, the raw pane reads lines out.
 *
 * What is stored is already safe to show: each answer is cleaned of what a terminal would
 * obey (parsers/clean.h: CSI, OSC such as a title change, C1 controls, backspaces, pager
 * prompts), redacted (core/redact.h: passwords and keys become <redacted>), tabs expanded to
 * spaces, and sanitized (core/sanitize.h), so that a line holds printable characters only and
 * a router's escape sequences never reach the terminal.
 *
 * Lines are numbered from 0 for the life of the transcript.  Past max_lines the oldest quarter
 * is dropped; numbers do not move (transcript_first() rises). */
#ifndef ERDIAG_TUI_TRANSCRIPT_H
#define ERDIAG_TUI_TRANSCRIPT_H

#include <stdbool.h>
#include <stddef.h>

typedef enum {
    TLINE_COMMAND, /* "> ce1-nyc# show ip bgp summary" */
    TLINE_ANSWER,  /* a line of the device's answer */
    TLINE_INFO,    /* what erdiag says: an error, a timeout, "(no output)" */
} tline_kind_t;

typedef struct transcript transcript_t;

/* NULL when out of memory.  max_lines 0: the default (200,000). */
transcript_t *transcript_new(size_t max_lines);
void transcript_free(transcript_t *t);

/* "HH:MM:SS device# command" (utc 0: no time).  0, or -1 when out of memory. */
int transcript_add_command(transcript_t *t, double utc, const char *device, const char *command);
/* The answer text[0..len), split into lines, cleaned, redacted and sanitized. */
int transcript_add_answer(transcript_t *t, const char *text, size_t len);
/* One line of erdiag's own (also sanitized: it may quote a device). */
int transcript_add_info(transcript_t *t, const char *text);

/* Lines held: numbers first .. end-1. */
size_t transcript_first(const transcript_t *t);
size_t transcript_end(const transcript_t *t);
/* Line n (borrowed until the next add), or NULL outside first .. end-1. */
const char *transcript_line(const transcript_t *t, size_t n, tline_kind_t *kind);
/* Its width in columns (UTF-8 characters: every stored character is one column wide or an
 * escape written in ASCII). */
size_t transcript_line_width(const transcript_t *t, size_t n);
/* The widest line held. */
size_t transcript_max_width(const transcript_t *t);

/* The next line holding needle (a fixed string, ASCII case-insensitive) after `from` (dir 1)
 * or before it (dir -1), wrapping around once; `from` itself is looked at last.  -1 when no
 * line holds it (or needle is empty). */
long transcript_search(const transcript_t *t, const char *needle, size_t from, int dir);
/* Where needle starts in line n (a byte offset), or -1. */
long transcript_match_at(const transcript_t *t, size_t n, const char *needle);
/* Column of byte offset off in line n (for the highlight). */
size_t transcript_column(const transcript_t *t, size_t n, size_t off);

#endif
