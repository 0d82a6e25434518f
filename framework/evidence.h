/* evidence.h: what the runbooks judge.  Filled by the caller (erdiag check, the console) from
 * probe replies; the framework only reads it.  Everything here is borrowed: the caller keeps
 * the replies alive while the runbook is evaluated. */
#ifndef ERDIAG_EVIDENCE_H
#define ERDIAG_EVIDENCE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "core/inventory.h"
#include "core/model.h"
#include "probes/probe.h"
#include "probes/runner.h"
#include "probes/tcp_probe.h"
#include "probes/transport.h"
#include "probes/vendor.h"

/* One answer: the probe, the command, the raw text and its parse. */
typedef struct {
    bool present;           /* asked and answered (maybe with an error) */
    probe_error_t error;    /* PERR_NONE when the device answered */
    char error_text[512];
    char command[CMD_LEN];
    const char *raw;        /* the answer as received (borrowed) */
    size_t raw_len;
    uint64_t journal_id;    /* where the raw answer is kept (0 = not journaled) */
    kind_t kind;            /* KIND_NONE: no parser reads this command */
    const record_t *records; /* borrowed */
    size_t n_records;
    parse_meta_t meta;
    /* The parser skipped a line somewhere.  Says nothing about any one record: a record whose
     * own block held the line is marked itself (record_t.partial), and only the records a
     * step judges from matter (fact_record_unread). */
    bool partial;
    /* The answer was cut (output cap, a parse that stopped, a block left open at the end): the
     * records after the cut are missing, so a record that is not there was not seen, which
     * is not the same as absent (fact_absence_unproven). */
    bool truncated;
    char partial_reason[160];
    double at;              /* seconds (monotonic) when the answer arrived: for rates */
} fact_t;

typedef struct {
    const device_t *device; /* the circuit's expectations */
    const vendor_t *vendor;
    fact_t facts[PROBE_COUNT];   /* the latest answer per probe */
    fact_t earlier[PROBE_COUNT]; /* an earlier poll (interfaces), for counter growth */
    /* The console host's own connect test to peer:179. */
    bool has_console_tcp;
    tcp_probe_t console_tcp;
    /* Asymmetric-routing runbook. */
    fact_t forward_trace;   /* from the edge or the on-prem host towards the Azure VM */
    fact_t onprem_route;    /* the edge's route lookup for the on-prem source (facts[] holds the VM's) */
    fact_t reverse_trace;   /* from the VM back: a linux device over SSH, or an imported file */
    fact_t azure_routes;    /* imported effective routes (az / PowerShell JSON) */
} evidence_t;

/* IOS, NX-OS, EOS and IOS-XR print no IPv6 address in `show interfaces`: only their IPv6
 * interface overview (PROBE_IP_BRIEF) does.  Copies ifaces' records, adds to each the IPv6
 * addresses brief gives its interface, and points ifaces at the copy, which *out receives: the
 * caller frees it once ifaces is no longer read.  Returns the number of records (0: nothing
 * merged, ifaces untouched, *out NULL). */
size_t fact_merge_ipv6(fact_t *ifaces, const fact_t *brief, record_t **out);
/* Points f at a runner reply (which must outlive f): raw text, records, errors. */
void fact_from_reply(fact_t *f, const probe_reply_t *reply, double at);

/* A usable answer: present, no transport error, parsed (records may still be zero). */
bool fact_usable(const fact_t *f);
/* Why a fact is not usable, in words ("not collected", "timed out: ...", "no parser"). */
const char *fact_problem(const fact_t *f, char *buf, size_t size);
/* The first line of the raw answer holding every needle (NULL-terminated list); copied into
 * line.  False when none does. */
bool fact_find_line(const fact_t *f, const char *const *needles, char *line, size_t size);

/* ---- the records a step judges from ----
 * A step finds the records it needs (the interface holding the peering subnet, the neighbor
 * for the peer, the route for the prefix) and asks about those only: a line the parser could
 * not read elsewhere in the answer does not concern it. */

/* The record of f whose payload (&rec->u.iface, &rec->u.neighbor, ...) payload is; NULL when
 * payload is not one of f's records.  Borrowed from f. */
const record_t *fact_record(const fact_t *f, const void *payload);
/* True when the record holding payload is partial: its block held lines the parser could
 * not read, or it was cut.  Writes which, in words, to buf (empty when whole):
 *   line 14 ("Foo: bar") could not be read
 *   lines 14 ("Foo: bar") and 17 could not be read
 *   it was cut short (the last interface block ends before its output counters) */
bool fact_record_unread(const fact_t *f, const void *payload, char *buf, size_t size);
/* True when the record holding payload is partial (NULL payload: false). */
bool fact_record_partial(const fact_t *f, const void *payload);
/* True when some record of f is partial (a step that needs every record, like a trace). */
bool fact_any_record_unread(const fact_t *f);
/* True when a record that f lacks may simply not have been seen: the answer was cut. */
bool fact_absence_unproven(const fact_t *f);

#endif
