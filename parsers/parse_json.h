/* parse_json.h: a parse streamed as the JSON object of the `erdiag parse` contract.
 *
 *   {"vendor": ..., "command": ..., "kind": ..., "<list key>": [records...],
 *    <top-level fields>, "partial": bool, "lines": N, "records": N, "skipped_lines": [...]}
 *
 * Records are written as the parser emits them, so memory stays flat. */
#ifndef ERDIAG_PARSE_JSON_H
#define ERDIAG_PARSE_JSON_H

#include "core/json_stream.h"
#include "parsers/parser.h"

typedef struct {
    json_stream_t *js;
    kind_t kind;
} parse_json_t;

/* Opens the object and the record list.  pj borrows js. */
void parse_json_begin(parse_json_t *pj, json_stream_t *js, const char *vendor, const char *command, kind_t kind);
/* The record sink to pass to parse_run_new() with pj as its user data. */
int parse_json_sink(void *pj, const record_t *rec);
/* Closes the list and writes the top-level fields and the parse status. */
void parse_json_end(parse_json_t *pj, const parse_run_t *run);

/* Convenience for whole buffers: parses text with the vendor's parser for command and writes
 * the contract object into js.  Returns 0, 1 when the input could not be parsed, 2 when the
 * vendor has no parser for the command. */
int parse_json_text(json_stream_t *js, const parser_vendor_t *vendor, const char *command, const char *text,
                    size_t len);

#endif
