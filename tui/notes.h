/* notes.h: what the engineer noted during a session ("called the carrier, ticket 4711"),
 * each note tied to a runbook step and stamped with the UTC time.  Kept in the console's
 * session state so that the incident report (and the journal, issue #10) can carry them:
 * tui_notes_count / tui_notes_get read them in the order they were added.
 *
 * Text is stored as typed, minus control characters (a note is one line), and redacted
 * (core/redact.h): a password pasted into a note is not kept. */
#ifndef ERDIAG_TUI_NOTES_H
#define ERDIAG_TUI_NOTES_H

#include <stddef.h>

#define NOTE_STEP_LEN 32
#define NOTE_TEXT_LEN 512

typedef struct {
    char step[NOTE_STEP_LEN]; /* the step id ("physical"), or "" for the session */
    double utc;               /* seconds since the epoch */
    char text[NOTE_TEXT_LEN];
} tui_note_t;

/* Owned by whoever holds it; starts zeroed (or tui_notes_init) and ends with tui_notes_free. */
typedef struct {
    tui_note_t *items;
    size_t n, cap;
} tui_notes_t;

void tui_notes_init(tui_notes_t *notes);
/* Adds a note (text cut at NOTE_TEXT_LEN - 1 bytes, never inside a UTF-8 character).  0, or -1
 * when out of memory or the text is empty after taking out control characters. */
int tui_notes_add(tui_notes_t *notes, const char *step, double utc, const char *text);
size_t tui_notes_count(const tui_notes_t *notes);
/* The i-th note (borrowed until the next add), or NULL. */
const tui_note_t *tui_notes_get(const tui_notes_t *notes, size_t i);
/* How many notes belong to step. */
size_t tui_notes_for_step(const tui_notes_t *notes, const char *step);
void tui_notes_free(tui_notes_t *notes);

#endif
