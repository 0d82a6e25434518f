/* journal.h: the session journal, one JSON Lines file per session, written so that a session
 * killed at any point (SIGKILL, a crash, a power cut) loses at most the entry being written.
 *
 * Each entry is one line, one JSON object, its keys in this order:
 *     {"id":7,"utc":"2026-12-07T05:01:21.125Z","kind":"answer", ...the caller's fields}
 * ids strictly increase from 1; utc is the journal's clock (core/utctime.h, milliseconds);
 * kind names the event.  A "session" entry first (with "device" and "runbook" fields when the
 * caller has them) lets journal_list() describe the file; an "end" entry last marks the session
 * finished: a journal without one is "unfinished".  The writer escapes every control byte and
 * every non-ASCII character (JSON_ENSURE_ASCII), so a line never holds a raw newline or escape.
 *
 * Files live in journal_default_dir(): the directory 0700 and ours, never a symbolic link; each
 * file a new 0600 file (O_EXCL, O_NOFOLLOW) named <stem>-<yyyymmddThhmmssZ>-<pid>.jsonl.  Every
 * entry is one write() of the whole line followed by fdatasync(): once journal_append() has
 * returned its id, the entry survives a kill.  The reader accepts a torn last line and says so.
 *
 * Splits: core/journal.c writes, core/journal_read.c reads, core/journal_list.c lists. */
#ifndef ERDIAG_JOURNAL_H
#define ERDIAG_JOURNAL_H

#include <jansson.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

/* The largest line (newline included) the writer writes and the reader reads. */
#define JOURNAL_MAX_ENTRY (16u * 1024 * 1024)
/* The kind of the entry journal_mark_finished() appends. */
#define JOURNAL_KIND_END "end"
/* The kind of the first entry journal_list() reads "device" and "runbook" from. */
#define JOURNAL_KIND_SESSION "session"

typedef struct journal journal_t;

/* ---- writing (core/journal.c) ---- */

/* $XDG_STATE_HOME/erdiag/sessions (when set and absolute, as the XDG rules want), else
 * $HOME/.local/state/erdiag/sessions, into out.  0, or -1 when neither is usable or out is too
 * small (out is then ""). */
int journal_default_dir(char *out, size_t size);

/* Creates dir (and its missing parents) 0700 when absent, refuses a dir that is a symbolic
 * link, not ours, or writable by group or others, and creates a new journal file in it:
 * <stem>-<UTC yyyymmddThhmmssZ>-<pid>.jsonl, or that name with -2, -3... when it is taken.
 * stem is a plain name (no '/', not starting with '.').  The file's path goes into path_out
 * (size bytes; may be NULL).  NULL with "PATH: reason" in err.  The caller owns the journal and
 * ends it with journal_close(). */
journal_t *journal_create(const char *dir, const char *stem, char *path_out, size_t size, char *err, size_t errlen);

/* The clock utc comes from: now_utc(ud) in seconds since the epoch (default: utc_now()).  For
 * tests that fix the times.  ud is borrowed. */
void journal_set_clock(journal_t *j, double (*now_utc)(void *ud), void *ud);

/* Appends one entry: id, utc and kind, then every key of fields (an object, or NULL for none;
 * borrowed: the caller still owns it).  kind is non-empty; fields may not hold "id", "utc" or
 * "kind"; its strings must be valid UTF-8 (jansson's json_string checks that).  Returns the
 * entry's id once the line is written and fdatasync'd; 0 with err when it was refused or could
 * not be written (an entry over JOURNAL_MAX_ENTRY, a full disk...).  A failed write is cut off
 * the file again; when that or the fdatasync fails, every later append fails too (the file
 * can no longer be trusted to hold whole lines).  Nothing may be appended after the "end".
 * Several threads may append at once: each entry goes out whole, ids in file order. */
uint64_t journal_append(journal_t *j, const char *kind, json_t *fields, char *err, size_t errlen);

/* Appends {"kind":"end"}: the session finished.  Its id, or 0 with err. */
uint64_t journal_mark_finished(journal_t *j, char *err, size_t errlen);

/* The file's path, as journal_create() wrote it into path_out.  Owned by the journal. */
const char *journal_path(const journal_t *j);

/* fsync, close, free.  NULL is fine. */
void journal_close(journal_t *j);

/* ---- reading (core/journal_read.c) ---- */

/* What journal_read() found.  torn_note: "line N: torn last entry (K bytes), skipped" when the
 * last line had no newline or did not parse (that is what a kill mid-write leaves); "" else. */
typedef struct {
    uint64_t entries; /* entries handed to the callback */
    uint64_t last_id; /* the id of the last of them (0: none) */
    bool finished;    /* an "end" entry was read */
    bool torn;        /* the last line was torn and skipped (not an error) */
    uint64_t torn_line;
    size_t torn_bytes;
    char torn_note[96];
    bool partial;     /* reading stopped at an error: the entries before it were handed over */
} journal_read_status_t;

/* Called once per entry, in order.  entry is borrowed for the call (json_incref to keep it); kind
 * points into it.  0 to go on; anything else stops the read.  A NULL fn only fills the status. */
typedef int (*journal_entry_fn)(void *ud, const json_t *entry, uint64_t id, const char *kind);

/* Reads the journal at path (opened O_NOFOLLOW; a regular file only), line by line: memory is
 * bounded by the longest line, not the file.  0 when read to its end (a torn last line is not
 * an error: see st); 1 when fn stopped it; -1 with err, st->partial set, when the file cannot
 * be opened or a line other than the last is not an entry ("PATH:LINE: why"): that means the
 * file was edited or corrupted, and reading stops there.  An entry is an object with a
 * positive integer "id" above the one before, a "utc" string core/utctime.h reads and a
 * non-empty "kind" string; no key twice. */
int journal_read(const char *path, journal_entry_fn fn, void *ud, journal_read_status_t *st, char *err,
                 size_t errlen);
/* The same over an open stream (for journal_read and the fuzz target): name is the path used
 * in messages.  f is borrowed. */
int journal_read_stream(FILE *f, const char *name, journal_entry_fn fn, void *ud, journal_read_status_t *st,
                        char *err, size_t errlen);

/* ---- listing (core/journal_list.c) ---- */

typedef struct {
    char *path;        /* dir/name */
    char *device;      /* from the first entry when it is a "session" one; NULL when absent */
    char *runbook;     /* likewise */
    char start_utc[40]; /* the first entry's "utc", "" when unreadable */
    double start;      /* the same in seconds, or the file's mtime when the first entry is unreadable */
    bool readable;     /* the first entry is a journal entry */
    bool finished;     /* the last line is a whole "end" entry */
} journal_info_t;

/* The sessions of dir (every regular *.jsonl file; links are not followed), newest first,
 * into *out (n of them; the caller frees with journal_list_free()).  Only the first and last
 * lines of each file are read.  0 (a missing dir lists nothing), or -1 with errno (dir is a
 * symbolic link: ELOOP). */
int journal_list(const char *dir, journal_info_t **out, size_t *n);
void journal_list_free(journal_info_t *infos, size_t n);

#endif
