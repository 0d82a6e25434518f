/* json_split.h: one big JSON document cut into small documents of the same shape.
 *
 * Loading a device's 250 MB "| json" answer into a jansson tree costs 6-14 times the text.
 * Instead, a byte scanner (strings and escapes aware, no values built) finds the containers
 * bigger than a piece and cuts their members into runs of at most max_piece bytes.  Each run
 * is handed over as a complete document: the path from the root down to the run's container,
 * each container on the way keeping its scalar members (and Junos' [{"data": x}] leaves) as
 * context, e.g. for an EOS route table
 *
 *   {"vrfs": {"default": {"routes": {"10.0.0.0/24": {...}, ..., "10.0.9.0/24": {...}}}}}
 *
 * so a parser written for the whole document reads each piece unchanged, and the records of
 * all pieces together are the records of the whole (in document order).  Memory: the text, a
 * plan of a few entries per max_piece bytes, and one piece (with its jansson tree) at a time.
 *
 * What a piece cannot carry: members of an ancestor that are neither scalars nor leaves (a
 * sibling table) are not repeated in the pieces under that ancestor, so each is read once. */
#ifndef ERDIAG_JSON_SPLIT_H
#define ERDIAG_JSON_SPLIT_H

#include <stdbool.h>
#include <stddef.h>

/* Receives one piece (a complete JSON document, not NUL-terminated, valid only during the
 * call); a non-zero return stops the split and is returned. */
typedef int (*json_piece_fn)(void *ud, const char *doc, size_t len);

typedef struct {
    size_t offset;   /* where the text stopped being JSON, from the start of text */
    const char *why; /* a static phrase: "expected ':'", "unexpected end of input", ... */
    bool cut_short;  /* the text ended inside the document: pieces before the cut were handed over */
} json_split_error_t;

/* Where the document starts: the first line whose first non-blank byte is '{' or '[' (what
 * comes before, a warning or a leftover prompt, is not part of it); len when there is none. */
size_t json_split_start(const char *text, size_t len);

/* Splits the document at text[0] (a '{' or '[').  Text after the document is ignored.
 * Returns 0 when every piece was handed over, the callback's non-zero value when it stopped,
 * or -1 with *err filled when the text is not well-formed JSON (when it merely ends early,
 * err->cut_short is set and the pieces that were complete have been handed over). */
int json_split(const char *text, size_t len, size_t max_piece, json_piece_fn fn, void *ud,
               json_split_error_t *err);

#endif
