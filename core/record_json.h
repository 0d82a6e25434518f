/* record_json.h: the JSON form of every model record (the contract of `erdiag parse`). */
#ifndef ERDIAG_RECORD_JSON_H
#define ERDIAG_RECORD_JSON_H

#include "core/json_stream.h"
#include "core/model.h"

/* Writes one record as a JSON object; absent fields are omitted. */
void record_json_write(json_stream_t *js, const record_t *rec);
/* Writes the members of a version record into the object already open (kind "version" puts
 * its fields at the top level rather than in a list). */
void record_json_version_members(json_stream_t *js, const version_t *v);
/* Writes the top-level fields of a parse (router_id, local_as, vrf, target). */
void record_json_meta_members(json_stream_t *js, const parse_meta_t *meta);

#endif
