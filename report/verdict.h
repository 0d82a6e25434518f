/* verdict.h: views of a runbook result (the same structs the console panes will read).
 * Secrets are redacted in every string these write. */
#ifndef ERDIAG_VERDICT_H
#define ERDIAG_VERDICT_H

#include <jansson.h>
#include <stdio.h>

#include "framework/runbook.h"

/* The header (device, runbook, status) and one block per step. */
void verdict_text_steps(FILE *f, const char *device, const char *vendor, const runbook_result_t *r);
/* The ranked causes and the ticket summary. */
void verdict_text_causes(FILE *f, const runbook_result_t *r);
/* DESIGN.md's verdict contract; the caller owns the result (json_decref). */
json_t *verdict_json(const char *device, const runbook_result_t *r);

#endif
