/* steps.h: every step's evaluate function, one file per step (framework/step_*.c). */
#ifndef ERDIAG_STEPS_H
#define ERDIAG_STEPS_H

#include "framework/runbook.h"

/* BGP-session-failure runbook */
void step_physical(const evidence_t *ev, step_result_t *s);
void step_arp(const evidence_t *ev, step_result_t *s);
void step_bgp_config(const evidence_t *ev, step_result_t *s);
void step_addressing(const evidence_t *ev, step_result_t *s);
void step_route_filters(const evidence_t *ev, step_result_t *s);
void step_tcp179(const evidence_t *ev, step_result_t *s);
void step_session(const evidence_t *ev, step_result_t *s);

/* Asymmetric-routing runbook */
void step_forward_trace(const evidence_t *ev, step_result_t *s);
void step_reverse_trace(const evidence_t *ev, step_result_t *s);
void step_path_compare(const evidence_t *ev, step_result_t *s);
void step_edge_routes(const evidence_t *ev, step_result_t *s);
void step_azure_routes(const evidence_t *ev, step_result_t *s);

#endif
