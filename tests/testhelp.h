/* testhelp.h: running a parser over a fixture and looking at what came out. */
#ifndef ERDIAG_TESTHELP_H
#define ERDIAG_TESTHELP_H

#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include "core/model.h"
#include "parsers/parser.h"

typedef struct {
    record_t *recs; /* every record, in order */
    size_t n, cap;
    parse_meta_t meta;
    bool partial;
    bool truncated;
    char partial_reason[160];
    bool failed;
    char error[256];
    uint64_t skipped[PARSE_MAX_SKIPPED];
    size_t n_skipped;
    uint64_t lines;
    kind_t kind;
    char *json; /* the contract JSON of the same input */
} parsed_t;

/* Reads tests/fixtures/<rel> whole; fails the test if it cannot.  Caller frees. */
char *th_read_fixture(const char *rel, size_t *len);
/* Parses text (or a fixture) with the vendor's parser for command.  Fails the test when the
 * vendor or command is unknown.  Caller frees with th_free(). */
parsed_t *th_parse_text(const char *vendor, const char *command, const char *text, size_t len);
parsed_t *th_parse_fixture(const char *vendor, const char *command, const char *rel);
void th_free(parsed_t *p);
/* The first record whose key (interface name, peer, prefix, address, list name...) equals key. */
const record_t *th_find(const parsed_t *p, const char *key);
/* Same as th_find but fails the test when absent. */
const record_t *th_must_find(const parsed_t *p, const char *key);
/* The contract JSON of text parsed with def: fed in chunks of chunk bytes (0: at once), a
 * structured answer cut into pieces of split bytes (0: the default).  *records gets the count
 * the sink saw.  Caller frees. */
char *th_contract_json_with(const parser_vendor_t *v, const parser_def_t *def, const char *text, size_t len,
                            size_t chunk, size_t split, uint64_t *records);
/* Feeds text in chunks of every size from 1 to max_chunk and checks the records do not depend
 * on how the input was split. */
void th_assert_split_invariant(const char *vendor, const char *command, const char *text, size_t max_chunk);

/* A fresh directory /tmp/erdiag-WHAT.XXXXXX, its name in dir.  0 or -1. */
int th_tmpdir(char *dir, size_t size, const char *what);
/* Removes dir and everything under it (a th_tmpdir name).  0 or -1. */
int th_rmtree(const char *dir);

/* A fact as the runbooks see it, from a device answer: the vendor's parser for command runs over
 * text.  The records and a copy of the text belong to the fact until th_fact_free(). */
#include "framework/evidence.h"
void th_fact(fact_t *f, const char *vendor, const char *command, const char *text);
void th_fact_fixture(fact_t *f, const char *vendor, const char *command, const char *rel);
void th_fact_free(fact_t *f);

#endif
