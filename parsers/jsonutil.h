/* jsonutil.h: reading the JSON that routers print (EOS/NX-OS "| json", Junos
 * "| display json", FRR "... json") with jansson, smoothing over each platform's habits. */
#ifndef ERDIAG_JSONUTIL_H
#define ERDIAG_JSONUTIL_H

#include <jansson.h>
#include <stdint.h>

#include "parsers/parser.h"

/* Loads the JSON document in text, skipping anything before the first '{' or '['.  On error
 * fails the run with the line and column and returns NULL.  The caller owns the result. */
json_t *ju_load(parse_run_t *run, const char *text, size_t len);
/* A member, unwrapping Junos' [{"data": value}] leaf form.  Borrowed reference or NULL. */
json_t *ju_get(const json_t *obj, const char *key);
/* Dotted path of members ("vrfs.default.peers"); Junos lists of one object are stepped into. */
json_t *ju_path(const json_t *root, const char *path);
/* A member as text (strings; numbers printed) copied into a fixed field; false if absent. */
bool ju_copy(const json_t *obj, const char *key, char *dst, size_t size);
/* A member as an integer (JSON number or numeric string), or MODEL_ABSENT. */
int64_t ju_int(const json_t *obj, const char *key);
/* A member as a bool (true/false, "true"/"yes"/"enabled"), or TRI_ABSENT. */
tristate_t ju_bool(const json_t *obj, const char *key);
/* NX-OS turns a one-row table into an object: both forms read as rows here. */
size_t ju_rows(const json_t *v);
json_t *ju_row(const json_t *v, size_t i);

#endif
