/* incident_build.h: incidents for the report tests (tests/report/incident_build.c), filled as a
 * journal would fill them, with a test clock: entry n at IB_T0 + n - 1 seconds. */
#ifndef ERDIAG_TESTS_INCIDENT_BUILD_H
#define ERDIAG_TESTS_INCIDENT_BUILD_H

#include <stdbool.h>
#include <stdint.h>

#include "report/incident.h"

#define IB_T0 1796619681.0 /* 2026-12-07T05:01:21Z */

/* A header for device (fixed id, operator, circuit, peer, version "0.1.0"); everything else
 * empty. */
void ib_header(incident_t *inc, const char *device, const char *vendor, const char *runbook);
/* Journal entry id (at IB_T0 + id - 1); each returns the next id. */
uint64_t ib_event(incident_t *inc, uint64_t id, const char *kind, const char *step, const char *text);
uint64_t ib_note(incident_t *inc, uint64_t id, const char *step, const char *text);
uint64_t ib_answer(incident_t *inc, uint64_t id, const char *command, const char *output, size_t len,
                   const char *error);
/* Points every evidence line at the newest answer of its command (0 when none answered it). */
void ib_link_evidence(incident_t *inc);
/* The scenario (scenarios/<name>, relative to the current directory) judged by the engine, its
 * answers journaled in job order then the imports (asym: reverse_trace.txt, azure_routes.json),
 * a verdict event, two notes and the end; the narrative written.  Free with incident_free. */
void ib_scenario(incident_t *inc, const char *scenario, runbook_id_t rb, bool imports);

#endif
