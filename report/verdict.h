/* verdict.h: views of a runbook result (the same structs the console panes will read).
 * Secrets are redacted in every string these write, and every byte from a device is
 * sanitized before it reaches a terminal. */
#ifndef ERDIAG_VERDICT_H
#define ERDIAG_VERDICT_H

#include <jansson.h>
#include <stdio.h>

#include "framework/runbook.h"

/* What the views need besides the result.  Strings are borrowed. */
typedef struct {
    const char *device;  /* as named on the command line */
    const char *vendor;  /* NULL when the device was never found */
    const char *peer;    /* the peer address the status line names; "" or NULL for none */
    const char *runbook; /* "bgp" | "asym"; NULL when unknown */
    double collect_s;    /* seconds spent collecting; < 0 unknown */
    double utc;          /* when the check ran, seconds since the epoch */
    int width;           /* text: fold lines at this many columns */
} verdict_meta_t;

/* Line 1, monitoring-plugin style ("CRITICAL - md5_mismatch on ce1-nyc 192.168.100.130: ... |
 * perfdata"), then the root cause in at most VERDICT_ROOT_LINES lines: its finding, the
 * deciding evidence line and the first next command. */
#define VERDICT_ROOT_LINES 6
void verdict_text_head(FILE *f, const verdict_meta_t *m, const runbook_result_t *r);
/* One block per step: verdict, finding, evidence, next. */
void verdict_text_steps(FILE *f, const verdict_meta_t *m, const runbook_result_t *r);
/* The ranked causes and the ticket summary. */
void verdict_text_causes(FILE *f, const verdict_meta_t *m, const runbook_result_t *r);
/* A check that could not judge at all (device unreachable, bad inventory, usage): the
 * UNKNOWN status line, with cause (e.g. "device_unreachable") and the error in words. */
void verdict_text_error(FILE *f, const verdict_meta_t *m, const char *cause, const char *error);

/* Nagios performance data: "label=value[uom];warn;crit;min;max ..." from r's metrics (r may be
 * NULL) and the collection time.  Labels hold no spaces, so none is quoted. */
void verdict_perfdata(const verdict_meta_t *m, const runbook_result_t *r, char *buf, size_t size);

/* DESIGN.md's verdict contract, then version, vendor and time; the caller owns the result
 * (json_decref). */
json_t *verdict_json(const verdict_meta_t *m, const runbook_result_t *r);
/* The same contract for a check that could not judge: status UNKNOWN, no steps, root_cause
 * {step, cause, finding: the error}, and "error" last. */
json_t *verdict_json_error(const verdict_meta_t *m, const char *step, const char *cause, const char *error);

#endif
