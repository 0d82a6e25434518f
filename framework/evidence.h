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
    char command[512];
    const char *raw;        /* the answer as received (borrowed) */
    size_t raw_len;
    uint64_t journal_id;    /* where the raw answer is kept (0 = not journaled) */
    kind_t kind;            /* KIND_NONE: no parser reads this command */
    const record_t *records; /* borrowed */
    size_t n_records;
    parse_meta_t meta;
    bool partial;           /* the parser skipped lines or the output was cut */
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

/* Points f at a runner reply (which must outlive f): raw text, records, errors. */
void fact_from_reply(fact_t *f, const probe_reply_t *reply, double at);

/* A usable answer: present, no transport error, parsed (records may still be zero). */
bool fact_usable(const fact_t *f);
/* Why a fact is not usable, in words ("not collected", "timed out: ...", "no parser"). */
const char *fact_problem(const fact_t *f, char *buf, size_t size);
/* The first line of the raw answer holding every needle (NULL-terminated list); copied into
 * line.  False when none does. */
bool fact_find_line(const fact_t *f, const char *const *needles, char *line, size_t size);

#endif
