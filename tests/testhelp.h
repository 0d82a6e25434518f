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

/* How a parser meets a line it does not know inside a record: */
typedef enum {
    TH_MARKS,   /* it skips the line and the record whose block held it is partial */
    TH_BETWEEN, /* records are rows: the line stands between two, only the output is partial */
    TH_SILENT,  /* it reads every line of a block as that record's detail: nothing is partial */
} th_unknown_t;

/* One unknown line in three places (tests/testhelp_unknown.c): tests/fixtures/<stem>.txt is a
 * clean answer, <stem>_unknown_header.txt / _other.txt / _used.txt add one line before the first
 * record, after a line of the record keyed other (th_find), after a line of the one keyed
 * used.  Every variant must give the clean answer's records with the same values; the header
 * one every record whole (the output partial, unless the parser reads a preamble as such);
 * the other two as how says. */
void th_assert_unknown_lines(const char *vendor, const char *command, const char *stem, const char *used,
                             const char *other, th_unknown_t how);

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
