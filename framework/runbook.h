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
#define STEP_MAX_NEXT 16
#define STEP_MAX_NOTES 16
#define RUNBOOK_MAX_STEPS 8

typedef struct {
    uint64_t journal_id;
    char command[CMD_LEN];
    char line[320]; /* the exact output line that proves the finding */
} evidence_ref_t;

/* A figure a monitoring system graphs: Nagios performance data "label=value[uom];warn;crit;min;max"
 * (report/ writes it).  Thresholds and bounds are NAN where they mean nothing. */
typedef struct {
    char label[32]; /* letters, digits and '_' only */
    double value;
    char uom[4];    /* "s", "%", "c" (a counter) or "" */
    double warn, crit, min, max;
} metric_t;

#define STEP_MAX_METRICS 2
#define RUNBOOK_MAX_METRICS 8

typedef struct {
    const char *id;    /* "physical", "arp", ... (DESIGN.md step ids) */
    const char *title; /* "Physical layer" */
    verdict_t verdict;
    char cause[32];    /* DESIGN.md cause code; "none" on PASS, "evidence_missing" on SKIP */
    char finding[640];
    evidence_ref_t evidence[STEP_MAX_EVIDENCE];
    int n_evidence;
    /* What to type on this platform, in order (commands and configuration lines only);
     * next_disruptive[i]: next[i] resets a session or a link (never next[0] of a WARN on an
     * Established session: runbook_evaluate() holds such lines back as notes). */
    char next[STEP_MAX_NEXT][320];
    bool next_disruptive[STEP_MAX_NEXT];
    int n_next;
    metric_t metrics[STEP_MAX_METRICS]; /* what the step measured (step_metric) */
    int n_metrics;
    /* Set by the ranking when another step's cause explains this step's result (an MD5
     * mismatch also makes TCP 179 time out): the id of that step (static, like id).  cause then
     * names the explaining cause, the finding says how it follows, and next is empty.  NULL
     * when the result stands on its own. */
    const char *follows;
    /* Explanations, and lines for another place ("Azure CLI: ...", "shell: ..."). */
    char note[STEP_MAX_NOTES][480];
    int n_note;
} step_result_t;

/* One distinct cause: every step that found it on its own (an AS mismatch seen in the
 * configuration and in the 2/2 NOTIFICATION is one cause) and each one's deciding line. */
#define CAUSE_MAX_EVIDENCE 4
typedef struct {
    int steps[RUNBOOK_MAX_STEPS]; /* indexes into steps[], the step that states the cause first */
    int n_steps;
    evidence_ref_t evidence[CAUSE_MAX_EVIDENCE]; /* a line from each of those steps: its first one not already here */
    int n_evidence;
} cause_group_t;

typedef struct {
    runbook_id_t runbook;
    family_t family; /* the address family every step judged (the device view's) */
    step_result_t steps[RUNBOOK_MAX_STEPS];
    int n_steps;
    /* Each distinct cause once, most likely first: the index into steps[] of the FAIL/WARN step
     * that states it.  A step whose result follows from another's cause is not listed. */
    int causes[RUNBOOK_MAX_STEPS];
    int n_causes;
    cause_group_t groups[RUNBOOK_MAX_STEPS]; /* groups[i]: the steps and evidence behind causes[i] */
    const char *status;            /* OK | WARNING | CRITICAL | UNKNOWN */
    int exit_code;                 /* 0 | 1 | 2 | 3 (monitoring-plugin convention) */
    char summary[1600];
    /* Performance data: the session's figures (uptime, prefixes), then the steps' metrics. */
    metric_t metrics[RUNBOOK_MAX_METRICS];
    int n_metrics;
} runbook_result_t;

/* A probe the runbook wants, with its arguments (copied in). */
typedef struct {
    probe_id_t probe;
    char peer[ADDR_LEN], prefix[PREFIX_LEN], target[ADDR_LEN], source[ADDR_LEN], iface[NAME_LEN], vrf[NAME_LEN];
    bool twice; /* poll it twice (counters: growth between polls) */
    family_t family; /* the family's command form (the device view's family) */
    /* Where the answer goes: facts[probe], or a named slot of the asymmetric runbook. */
    enum { SLOT_FACTS = 0, SLOT_FORWARD_TRACE, SLOT_ONPREM_ROUTE } slot;
} probe_request_t;

/* What a step judges from, as a bit set: the probes' answers (facts[]), and the named slots
 * and tests beside them.  A session engine shows a step as waiting until each of these that
 * was asked has answered. */
#define NEED(probe) (1u << (probe))
enum {
    NEED_FORWARD_TRACE = 1u << (PROBE_COUNT + 0),
    NEED_REVERSE_TRACE = 1u << (PROBE_COUNT + 1),
    NEED_ONPREM_ROUTE = 1u << (PROBE_COUNT + 2),
    NEED_AZURE_ROUTES = 1u << (PROBE_COUNT + 3),
    NEED_CONSOLE_TCP = 1u << (PROBE_COUNT + 4),
};

typedef struct {
    const char *id;
    const char *title;
    /* Fills out (already holding id and title) from the evidence. */
    void (*evaluate)(const evidence_t *ev, step_result_t *out);
    uint32_t needs; /* NEED(PROBE_...) | NEED_...: what evaluate reads */
    /* What the step checks and why, in one short paragraph for an engineer new to
     * ExpressRoute (the console shows it above the finding). */
    const char *explain;
} step_def_t;

/* The step table of a runbook and its length. */
const step_def_t *runbook_steps(runbook_id_t rb, size_t *n);
/* The explanation of step_id in runbook rb (step_def_t.explain), or NULL for an unknown id. */
const char *runbook_step_explain(runbook_id_t rb, const char *step_id);
/* The NEED_ bit an answer fills: its probe's, or its slot's. */
uint32_t runbook_need_bit(const probe_request_t *req, bool reverse);

const char *runbook_name(runbook_id_t rb); /* "bgp" | "asym" */
bool runbook_from_name(const char *name, runbook_id_t *out);
const char *verdict_name(verdict_t v);     /* "PASS" ... */
/* The probes a runbook needs for this device; returns how many were written (<= max). */
/* How bad an exit code is, for ordering: CRITICAL (2) worst, then UNKNOWN (3), WARNING (1), OK (0). */
int runbook_exit_severity(int exit_code);
size_t runbook_requests(runbook_id_t rb, const device_t *dev, probe_request_t *out, size_t max);
/* What a link of a circuit collects beyond its runbook's probes (framework/circuit.h): what it
 * advertises to and receives from the peer, and the BGP table's view of the first expected
 * prefix.  Returns how many were written (<= max). */
size_t runbook_circuit_requests(const device_t *dev, probe_request_t *out, size_t max);
/* Runs every step, ranks the causes and writes the summary. */
void runbook_evaluate(runbook_id_t rb, const evidence_t *ev, runbook_result_t *out);
/* The ranking alone, over steps already judged (framework/runbook_causes.c): marks the steps
 * whose result follows from another step's cause (and rewrites their finding), merges steps
 * that found the same cause, and fills causes[] and groups[].  ev may be NULL (the peer's
 * address then reads "the peer" in the words it writes). */
void runbook_rank_causes(const evidence_t *ev, runbook_result_t *r);

/* ---- for the steps (framework/step.c) ---- */
void step_pass(step_result_t *s, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
void step_warn(step_result_t *s, const char *cause, const char *fmt, ...) __attribute__((format(printf, 3, 4)));
void step_fail(step_result_t *s, const char *cause, const char *fmt, ...) __attribute__((format(printf, 3, 4)));
/* SKIP with cause "evidence_missing": a step without usable evidence never PASSes.  (step_need
 * uses cause "not_applicable" when the platform has no command for the probe: such a SKIP does
 * not make the status UNKNOWN.) */
void step_skip(step_result_t *s, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
/* Marks a SKIP as not_applicable: nothing is missing (the platform has no such command, the
 * evidence is optional, or another step's cause explains the result), so it does not make the
 * status UNKNOWN. */
void step_not_applicable(step_result_t *s);
/* The first step that could not be judged (a SKIP other than not_applicable), or -1; count
 * gets how many there are.  The views and the summary say these instead of "no fault found". */
int runbook_first_unjudged(const runbook_result_t *r, int *count);
/* Adds the first line of f's answer holding every needle (NULL-terminated) as evidence;
 * false (and nothing added) when no line does. */
bool step_evidence(step_result_t *s, const fact_t *f, const char *const *needles);
/* Adds a line of evidence that is not from a device answer (the console's TCP test). */
void step_evidence_text(step_result_t *s, const char *command, const char *line);
/* A line to type on the platform (a command or configuration line, never prose). */
void step_next(step_result_t *s, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
/* Adds a measured figure (see metric_t); ignored past STEP_MAX_METRICS. */
void step_metric(step_result_t *s, const char *label, double value, const char *uom, double warn, double crit,
                 double min, double max);
/* Adds the vendor's remedy lines for cause (probes/vendor_*.c), placeholders filled from the
 * device: {peer} {local_ip} {peer_as} {local_as} {hold_time} {keepalive} {iface} {vrf}
 * {subnet} {plen} {mask} {prefix_list} {route_map}. extra fills {iface}/{prefix_list}/{route_map} when known. */
/* An explanation, or a line typed elsewhere, prefixed with where ("Azure CLI: ..."). */
void step_note(step_result_t *s, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

/* What a step knows better than the evidence at large; empty or NULL fields come from the
 * evidence (framework/remedy_context.c).  Borrowed for the call only. */
typedef struct {
    const char *iface;       /* the interface the step judged */
    const char *route_map;   /* the inbound policy that decided */
    const char *prefix_list; /* the prefix-list that decided */
    const char *prefix;      /* the expected Azure prefix that was denied */
} remedy_hint_t;
/* Adds the vendor's remedy for cause (probes/vendor_*.c: next lines, all or none, and notes)
 * and the notes that hold on every platform, Microsoft's side included (probes/remedy_common.c),
 * every {placeholder} filled from the evidence and the inventory; what erdiag cannot know stays
 * <like-this>. */
void step_remedy_hint(step_result_t *s, const evidence_t *ev, const char *cause, const remedy_hint_t *hint);
/* The same with only the interface and the inbound policy known (either may be NULL). */
void step_remedy(step_result_t *s, const evidence_t *ev, const char *cause, const char *iface, const char *policy);
/* After a step ran: a WARN on an Established session keeps no disruptive line in next (each
 * becomes a note saying it resets the session), so the first suggestion never breaks a working
 * session. */
void step_settle_remedies(step_result_t *s, const evidence_t *ev);
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
