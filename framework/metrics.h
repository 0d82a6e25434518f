/* metrics.h: the performance data of a runbook result (runbook_result_t.metrics), gathered once
 * the steps have run: the BGP session's own figures from the evidence, then what each step
 * measured. */
#ifndef ERDIAG_METRICS_H
#define ERDIAG_METRICS_H

#include "framework/runbook.h"

/* Fills r->metrics from ev and r->steps (r->n_steps already set). */
void runbook_metrics(const evidence_t *ev, runbook_result_t *r);

#endif
