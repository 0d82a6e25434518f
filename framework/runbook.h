/* runbook.h: the BGP-session-failure and asymmetric-routing runbooks.
 *
 * A runbook is a table of steps.  Each step declares the probes it needs and judges the
 * evidence against the device's expectations: PASS / WARN / FAIL / SKIP, a cause code, a
 * finding in words, the output lines that prove it, and the vendor's next commands or config.
 * runbook_evaluate() then ranks the causes (most likely root cause first) and writes the
 * summary a NOC engineer pastes into a ticket.  Pure: no I/O, no curses, no sockets. */
#ifndef ERDIAG_RUNBOOK_H
#define ERDIAG_RUNBOOK_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "framework/evidence.h"

typedef enum { VERDICT_PASS = 0, VERDICT_WARN, VERDICT_FAIL, VERDICT_SKIP } verdict_t;

typedef enum { RUNBOOK_BGP = 0, RUNBOOK_ASYM, RUNBOOK_COUNT } runbook_id_t;

#define STEP_MAX_EVIDENCE 4
#define STEP_MAX_NEXT 8
#define RUNBOOK_MAX_STEPS 8

typedef struct {
    uint64_t journal_id;
    char command[512];
    char line[320]; /* the exact output line that proves the finding */
} evidence_ref_t;

typedef struct {
    const char *id;    /* "physical", "arp", ... (DESIGN.md step ids) */
    const char *title; /* "Physical layer" */
    verdict_t verdict;
    char cause[32];    /* DESIGN.md cause code; "none" on PASS, "evidence_missing" on SKIP */
    char finding[640];
    evidence_ref_t evidence[STEP_MAX_EVIDENCE];
    int n_evidence;
    char next[STEP_MAX_NEXT][320]; /* vendor-specific commands or config lines */
    int n_next;
} step_result_t;

typedef struct {
    runbook_id_t runbook;
    step_result_t steps[RUNBOOK_MAX_STEPS];
    int n_steps;
    int causes[RUNBOOK_MAX_STEPS]; /* indexes into steps[] of FAIL/WARN steps, most likely first */
    int n_causes;
    const char *status;            /* OK | WARNING | CRITICAL | UNKNOWN */
    int exit_code;                 /* 0 | 1 | 2 | 3 (monitoring-plugin convention) */
    char summary[1600];
} runbook_result_t;

/* A probe the runbook wants, with its arguments (copied in). */
typedef struct {
    probe_id_t probe;
    char peer[ADDR_LEN], prefix[PREFIX_LEN], target[ADDR_LEN], source[ADDR_LEN], iface[NAME_LEN], vrf[NAME_LEN];
    bool twice; /* poll it twice (counters: growth between polls) */
    /* Where the answer goes: facts[probe], or a named slot of the asymmetric runbook. */
    enum { SLOT_FACTS = 0, SLOT_FORWARD_TRACE, SLOT_ONPREM_ROUTE } slot;
} probe_request_t;

typedef struct {
    const char *id;
    const char *title;
    /* Fills out (already holding id and title) from the evidence. */
    void (*evaluate)(const evidence_t *ev, step_result_t *out);
} step_def_t;

const char *runbook_name(runbook_id_t rb); /* "bgp" | "asym" */
bool runbook_from_name(const char *name, runbook_id_t *out);
const char *verdict_name(verdict_t v);     /* "PASS" ... */
/* The probes a runbook needs for this device; returns how many were written (<= max). */
size_t runbook_requests(runbook_id_t rb, const device_t *dev, probe_request_t *out, size_t max);
/* Runs every step, ranks the causes and writes the summary. */
void runbook_evaluate(runbook_id_t rb, const evidence_t *ev, runbook_result_t *out);

/* ---- for the steps (framework/step.c) ---- */
void step_pass(step_result_t *s, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
void step_warn(step_result_t *s, const char *cause, const char *fmt, ...) __attribute__((format(printf, 3, 4)));
void step_fail(step_result_t *s, const char *cause, const char *fmt, ...) __attribute__((format(printf, 3, 4)));
/* SKIP with cause "evidence_missing": a step without usable evidence never PASSes.  (step_need
 * uses cause "not_applicable" when the platform has no command for the probe: such a SKIP does
 * not make the status UNKNOWN.) */
void step_skip(step_result_t *s, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
/* Adds the first line of f's answer holding every needle (NULL-terminated) as evidence;
 * false (and nothing added) when no line does. */
bool step_evidence(step_result_t *s, const fact_t *f, const char *const *needles);
/* Adds a line of evidence that is not from a device answer (the console's TCP test). */
void step_evidence_text(step_result_t *s, const char *command, const char *line);
void step_next(step_result_t *s, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
/* Adds the vendor's remedy lines for cause (probes/vendor_*.c), placeholders filled from the
 * device: {peer} {local_ip} {peer_as} {local_as} {hold_time} {keepalive} {iface} {vrf}
 * {subnet} {plen} {mask} {prefix_list} {route_map}. extra fills {iface}/{prefix_list}/{route_map} when known. */
void step_remedy(step_result_t *s, const evidence_t *ev, const char *cause, const char *iface, const char *policy);
/* SKIPs s when f is not usable and returns true, so a step can start: if (step_need(...)) return; */
bool step_need(step_result_t *s, const fact_t *f, const char *what);

/* Record-level partial evidence (evidence.h): only the records a step judges from count.
 * After a verdict judged from the record holding payload (one of f's, &rec->u.iface ...):
 * when that record's block held lines the parser could not read, the finding says which
 * (name is the record, "GigabitEthernet0/0/0"); the verdict stands on the lines that were
 * read.  Returns whether it said so. */
bool step_note_unread(step_result_t *s, const fact_t *f, const void *payload, const char *name);
/* A value the verdict needs (have false: missing) from the record holding payload: when that
 * record is partial, the unread line may have held it: s SKIPs naming the line, and true is
 * returned.  False when the value is there or the record is whole. */
bool step_need_value(step_result_t *s, const fact_t *f, const void *payload, bool have, const char *what);
/* A record the step needs (what, "an interface in 192.168.100.128/30") is not in f: when f
 * was cut, that proves nothing: s SKIPs "... not seen (the output was cut: ...)" and true is
 * returned.  False when f is whole, so its absence is a finding. */
bool step_absent_unproven(step_result_t *s, const fact_t *f, const char *what);

/* The step tables (framework/bgp_*.c, framework/asym_*.c). */
extern const step_def_t bgp_steps[];
extern const size_t bgp_n_steps;
extern const step_def_t asym_steps[];
extern const size_t asym_n_steps;

#endif
