/* journal_source.h: a session journal read back as a replay source: `check --replay JOURNAL`
 * and `console --replay JOURNAL` re-run the runbooks on what a session saw, exactly as on a
 * scenario directory.  The journal gives the device (its inventory section), every answer in
 * order, the console's TCP test and the files that were imported. */
#ifndef ERDIAG_ENGINE_JOURNAL_SOURCE_H
#define ERDIAG_ENGINE_JOURNAL_SOURCE_H

#include <stdbool.h>
#include <stddef.h>

#include "core/journal.h"
#include "probes/transport.h"

typedef struct journal_source journal_source_t;

/* True when path names a regular file (a journal), not a scenario directory. */
bool journal_source_is_file(const char *path);
/* Reads the journal at path.  A torn last entry is no error (torn_note says so); a journal that
 * cannot be read, or holds no session entry, is: NULL with err.  The caller frees it after
 * every transport opened on it is closed. */
journal_source_t *journal_source_load(const char *path, char *torn_note, size_t notelen, char *err, size_t errlen);
void journal_source_free(journal_source_t *s);

/* The inventory sections the session journaled (the device and its reverse_from host), or NULL. */
const char *journal_source_devices(const journal_source_t *s);
/* The family the session judged ("ipv4" | "ipv6"), or NULL (a journal from before families). */
const char *journal_source_family(const journal_source_t *s);
/* The console TCP test's result word ("open", "timeout"...), or NULL when none was journaled. */
const char *journal_source_console_tcp(const journal_source_t *s);
/* An imported file's text ("reverse_trace" or "azure_routes") and the path it came from; NULL
 * when none was journaled.  Borrowed. */
const char *journal_source_import(const journal_source_t *s, const char *what, size_t *len, const char **path);

/* A transport that answers device's commands from the journal: the Nth ask of a command gets
 * the Nth answer journaled for it (cycling when asked more often than it was answered), with
 * the time it was journaled, so rates use the real interval.  The allowlist is checked as in
 * every transport.  s is borrowed. */
transport_t *journal_transport_open(const journal_source_t *s, const char *device, const vendor_t *vendor, char *err,
                                    size_t errlen);

#endif
