/* nxos_json.h: the NX-API walker the NX-OS JSON parsers share (nxos_json.c). */
#ifndef ERDIAG_NXOS_JSON_H
#define ERDIAG_NXOS_JSON_H

#include <jansson.h>

#include "parsers/parser.h"

/* What a row inherits from the tables above it. */
typedef struct {
    char vrf[NAME_LEN];
    char router_id[ADDR_LEN];
    int64_t local_as;
    char af[SHORT_LEN];
} nxos_jctx_t;

#define NXOS_JCTX_INIT {.vrf = "", .router_id = "", .local_as = MODEL_ABSENT, .af = ""}

typedef int (*nxos_jrow_fn)(parse_run_t *run, const json_t *row, const nxos_jctx_t *ctx, void *ud);

/* ju_load(), except that a blank answer (NX-OS' empty table) sets *empty and is no failure. */
json_t *nxos_json_load(parse_run_t *run, const char *text, size_t len, bool *empty);
void nxos_jctx_update(nxos_jctx_t *ctx, const json_t *obj);
/* Calls fn for every object under v that has member key (not looking inside such objects). */
int nxos_json_walk(parse_run_t *run, const json_t *v, const char *key, nxos_jctx_t ctx, nxos_jrow_fn fn, void *ud);
int64_t nxos_json_duration(const json_t *obj, const char *key);

#endif
