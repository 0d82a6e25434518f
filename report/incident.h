/* incident.h: an incident report: what one session found, told for a ticket.  One model, three
 * writers: Markdown that pastes into ticket systems (GitHub-flavoured tables, fenced output),
 * HTML rendered from that same Markdown with cmark-gfm (self-contained: inline CSS, no script,
 * nothing fetched), and JSON (docs/report-schema.json, "schema_version").
 *
 * The model is filled from a session journal (report/incident_journal.c: the runbook judged
 * again on the journal's answers, the timeline, the notes and every raw answer from its
 * entries).  Every string a writer emits goes through core/redact first: no report format ever
 * holds a secret, even from a journal written with --keep-secrets. */
#ifndef ERDIAG_INCIDENT_H
#define ERDIAG_INCIDENT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#include "framework/runbook.h"

#define INCIDENT_SCHEMA_VERSION 1

/* One line of the session's timeline: a poll, a state change, a question and its answer, a
 * note.  kind: "session" "sent" "answer" "verdict" "question" "answered" "note" "warning"
 * "import" "console_tcp" "end" (the journal entry's kind). */
typedef struct {
    uint64_t journal_id;
    double utc;
    char kind[16];
    char step[32]; /* the step it concerns ("" none): verdicts and notes */
    char text[640]; /* one line, in words ("bgp_summary answered: 12 records", "physical: PASS -> FAIL (interface_errors)") */
} incident_event_t;

/* A raw answer for the appendix, as it arrived (the writers redact it again). */
typedef struct {
    uint64_t journal_id;
    double utc;
    char device[64];
    char command[CMD_LEN];
    char *output; /* owned; NUL-terminated */
    size_t len;
    char error[256]; /* "" when the device answered; else why not ("timed out: ...") */
} incident_answer_t;

typedef struct {
    uint64_t journal_id;
    double utc;
    char step[32];
    char text[1024];
} incident_note_t;

typedef struct {
    /* header */
    char incident_id[96];  /* the journal file's stem: erdiag-<device>-<yyyymmddThhmmssZ>-<pid> */
    char operator_name[64]; /* from the inventory's operator, else $USER */
    double start_utc, end_utc; /* end: the last entry's time */
    bool finished;          /* the journal ended with an "end" entry (else the session was cut) */
    char torn_note[96];     /* the reader's note about a torn last entry, "" when none */
    char device[64], vendor[16], circuit[64], peering[16], link[16], runbook[8], peer[64];
    char version[32];       /* erdiag's version that wrote the journal */
    /* summary: result.status, the root cause (result.causes[0]), result.summary */
    runbook_result_t result;
    char narrative[1600];   /* one paragraph in words (incident_narrative) */
    /* the session, in journal order */
    incident_event_t *events;
    size_t n_events;
    incident_note_t *notes;
    size_t n_notes;
    incident_answer_t *answers;
    size_t n_answers;
} incident_t;

/* Fills inc from the session journal at path (report/incident_journal.c): the header from its
 * session entry, the result from its last judgement entry (a journal cut before the first
 * judgement is judged again by replaying it through the engine), the timeline, the notes and
 * every raw answer.  A torn last entry is no error (inc->torn_note says so).  0, or -1 with err
 * (inc is then empty).  The caller frees with incident_free. */
int incident_from_journal(const char *path, incident_t *inc, char *err, size_t errlen);

/* Frees what the model owns (the arrays and answers' output), not inc itself. */
void incident_free(incident_t *inc);
/* Writes the one-paragraph narrative from the header and the result ("On 2026-12-07 at 05:01
 * UTC, ce1-nyc (Cisco IOS-XE) ... The BGP session to 192.168.100.130 was Active ... The most
 * likely root cause is ... found by ..., from the line '...'. Also found: ...").  Deterministic. */
void incident_narrative(incident_t *inc);

/* The three formats; 0, or -1 when writing failed (errno). */
int incident_write_md(FILE *f, const incident_t *inc);
int incident_write_html(FILE *f, const incident_t *inc);
int incident_write_json(FILE *f, const incident_t *inc);

typedef enum { INCIDENT_MD, INCIDENT_HTML, INCIDENT_JSON } incident_format_t;
/* "md" "markdown" "html" "json"; false when unknown. */
bool incident_format_from_name(const char *name, incident_format_t *out);
/* From a file name's extension (.md .markdown .html .htm .json); false when none fits. */
bool incident_format_from_path(const char *path, incident_format_t *out);
int incident_write(FILE *f, const incident_t *inc, incident_format_t fmt);

/* The report of the journal at journal, in fmt, written to out (a new or replaced 0600 file,
 * never through a symbolic link; NULL: standard output).  in_progress: the session is still
 * running (the console's export), so its journal's missing end is not "cut short".  0, or -1
 * with err (report/incident_export.c). */
int incident_export(const char *journal, const char *out, incident_format_t fmt, bool in_progress, char *err,
                    size_t errlen);

#endif
