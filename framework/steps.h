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

/* Shared by the steps (framework/step_physical.c): the interface holding the peering subnet
 * (an address in it, else a network holding the peer, else the inventory's name; NULL when none,
 * borrowed from f); whether one of i's addresses lies in the subnet (in_subnet) or its network
 * holds the peer; whether i is down, with the reason in words. */
const iface_t *peering_iface(const fact_t *f, const device_t *d);
bool iface_holds(const iface_t *i, const device_t *d, bool in_subnet);
bool iface_down(const iface_t *i, const char **why);

/* Asymmetric-routing runbook */
void step_forward_trace(const evidence_t *ev, step_result_t *s);
void step_reverse_trace(const evidence_t *ev, step_result_t *s);
void step_path_compare(const evidence_t *ev, step_result_t *s);
void step_edge_routes(const evidence_t *ev, step_result_t *s);
void step_azure_routes(const evidence_t *ev, step_result_t *s);

#endif
