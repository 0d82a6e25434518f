/* incident_int.h: what the incident writers share (report/incident*.c and their tests only):
 * the safe copy of a string (redacted, then made printable or valid UTF-8), times, the root
 * cause, the answer a journal id names, a note's platform, and the Markdown primitives the
 * Markdown writer is built from (report/incident_mdesc.c).
 *
 * Every string that came from a device, a note or a finding reaches a writer only through
 * inc_safe() or inc_json_string(): that is where redaction happens, once per string, in every
 * format. */
#ifndef ERDIAG_INCIDENT_INT_H
#define ERDIAG_INCIDENT_INT_H

#include <jansson.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

#include "report/incident.h"

/* ---- safe strings (report/incident_text.c) ---- */

/* s[0..len) redacted (core/redact) and sanitized (core/sanitize: only printable characters,
 * TAB and LF remain; ESC reads \e, an invalid byte \xNN).  A new NUL-terminated string the caller
 * frees; its length in *out_len when not NULL.  NULL when out of memory. */
char *inc_safe(const char *s, size_t len, size_t *out_len);
/* The same for a NUL-terminated string. */
char *inc_safe_str(const char *s);
/* s[0..len) redacted and made valid UTF-8 (each invalid byte and each NUL U+FFFD) as a JSON
 * string; a new reference, NULL when out of memory. */
json_t *inc_json_string(const char *s, size_t len);
/* inc_json_string of a NUL-terminated string; JSON null when s is empty and null_if_empty. */
json_t *inc_json_str(const char *s, bool null_if_empty);

/* ---- facts about the incident ---- */

/* t as ISO-8601 UTC ("2026-12-07T05:01:21Z", with millis "...21.000Z"); "unknown" when t <= 0. */
void inc_time(double t, bool millis, char *buf, size_t size);
/* A duration in words: "45 s", "3 min 05 s", "2 h 03 min". */
void inc_duration(double seconds, char *buf, size_t size);
/* The raw answer with this journal id, or NULL (0 is never journaled). */
const incident_answer_t *inc_answer(const incident_t *inc, uint64_t journal_id);
/* The step that states the root cause: result.causes[0], or when there is no cause the first
 * step that could not be judged (*cause "evidence_missing"), or -1 when every step passed
 * (*cause "none"). */
int inc_root_step(const runbook_result_t *r, const char **cause);
/* The platform's name for a person ("Cisco IOS / IOS-XE"); the code itself when unknown. */
const char *inc_vendor_title(const char *vendor);
/* "BGP session failure" / "asymmetric routing" for the incident's runbook. */
const char *inc_runbook_title(const incident_t *inc);
/* A note that is a line to type elsewhere ("Azure CLI: az ...", "shell: ...") names its place:
 * returns it ("Azure CLI") and points *line past the prefix; NULL for a note in words. */
const char *inc_note_platform(const char *note, const char **line);
/* The comment leader of the platform's configuration language ("!" or "#"). */
const char *inc_comment_leader(const char *vendor);
/* The first sentence of text (to ". " or the end), at most max_chars characters, cut at a
 * character boundary and then marked "...". */
void inc_first_sentence(const char *text, size_t max_chars, char *out, size_t size);

/* ---- Markdown primitives (report/incident_mdesc.c); s is already safe (inc_safe) ---- */

/* Plain text on one line: newlines become spaces, leading blanks go, and every character
 * Markdown would read as markup is backslash-escaped (inline markers, '<' and '&' so that no
 * HTML is ever raw, a block marker at the start, '|' so that it is safe in a table cell). */
int md_text(FILE *f, const char *s);
/* A code span that holds s whole (one line; '|' escaped when in_cell, as GFM tables want even
 * inside code). An empty s writes nothing. */
int md_code(FILE *f, const char *s, bool in_cell);
/* A fenced code block holding s[0..len) verbatim: the fence is longer than any backtick run in s. */
int md_fence(FILE *f, const char *s, size_t len);
/* Writes a redacted, sanitized copy of s as md_text / md_code; -1 when out of memory or on a
 * write error. */
int md_text_raw(FILE *f, const char *s);
int md_code_raw(FILE *f, const char *s, bool in_cell);
/* fprintf for text we wrote ourselves (markup, numbers, ids): 0, or -1 on a write error. */
int md_printf(FILE *f, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

/* ---- the Markdown writer's sections (report/incident_md*.c) ---- */
int md_header(FILE *f, const incident_t *inc);
int md_summary(FILE *f, const incident_t *inc);
int md_steps(FILE *f, const incident_t *inc);
int md_evidence(FILE *f, const incident_t *inc);
int md_timeline(FILE *f, const incident_t *inc);
int md_actions(FILE *f, const incident_t *inc);
int md_notes(FILE *f, const incident_t *inc);
int md_appendix(FILE *f, const incident_t *inc);

/* ---- the JSON writer's session arrays (report/incident_json_session.c); NULL when out of
 * memory ---- */
bool inc_json_put(json_t *o, const char *key, json_t *v); /* o[key] = v (stolen); false on failure */
bool inc_json_add(json_t *a, json_t *v);                  /* appends v (stolen); false on failure */
json_t *inc_json_time(double t);                          /* ISO-8601 with millis, null when unknown */
json_t *inc_json_id(uint64_t id);                         /* a journal id */
json_t *inc_json_timeline(const incident_t *inc);
json_t *inc_json_notes(const incident_t *inc);
json_t *inc_json_actions(const incident_t *inc);
json_t *inc_json_appendix(const incident_t *inc);

/* ---- HTML (report/incident_html.c) ---- */

/* Renders Markdown with cmark-gfm (tables) into the body of the report: raw HTML other than our
 * own answer anchors becomes text, a link keeps its target only when it is a fragment, verdict
 * words in table cells get a class.  A new string the caller frees, NULL on failure. */
char *inc_markdown_to_html(const char *md, size_t len);
/* A copy of html with every "://" written "&#58;//" and every "src=" (any case) "src&#61;":
 * the same text on screen, nothing to fetch.  The caller frees it; NULL when out of memory. */
char *inc_html_no_fetch(const char *html);

#endif
