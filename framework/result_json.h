/* result_json.h: a runbook result as JSON and back.  The step object is the verdict contract's
 * (DESIGN.md: id, title, verdict, cause, finding, evidence, next, note, disruptive, follows),
 * so `check --json` and the session journal say a step the same way.  The whole result goes
 * into the journal after each judged round ("judgement" entries) and comes back out of it for
 * the incident report, exactly as the session judged it.  Every string is redacted
 * (core/redact) and made valid UTF-8 on the way out. */
#ifndef ERDIAG_RESULT_JSON_H
#define ERDIAG_RESULT_JSON_H

#include <jansson.h>

#include "framework/runbook.h"

/* A string for JSON: redacted, valid UTF-8 (at most 4 KiB of s).  New reference. */
json_t *result_json_string(const char *s);
/* {journal_id, command, line}.  New reference. */
json_t *evidence_ref_json(const evidence_ref_t *e);
/* The contract's step object.  New reference. */
json_t *step_result_json(const step_result_t *s);

/* {runbook, status, exit_code, summary, steps, causes (indexes), groups}.  New reference. */
json_t *runbook_result_to_json(const runbook_result_t *r);
/* Back from runbook_result_to_json's form: 0, or -1 when j is not one (an unknown runbook or
 * step id, an index out of range).  Step ids, titles and follows point into the step tables,
 * as runbook_evaluate's do; metrics are not kept. */
int runbook_result_from_json(const json_t *j, runbook_result_t *out);

#endif
