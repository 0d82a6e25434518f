/* jobs.c: the probe requests of a session: planning them from the runbook, sending what is
 * due, taking the answers by request id, expiring what is late, and turning the answers into
 * the evidence the runbook judges. */
#include <stdlib.h>
#include <string.h>

#include "core/clock.h"
#include "core/redact.h"
#include "core/utctime.h"
#include "engine/internal.h"
#include "probes/command.h"

static engine_job_t *add_job(engine_t *e, const device_t *dev, int wanted)
{
    if (e->n_jobs >= ENGINE_MAX_JOBS)
        return NULL;
    engine_job_t *j = &e->jobs[e->n_jobs++];
    j->dev = dev;
    j->wanted = wanted;
    return j;
}

void jobs_plan(engine_t *e)
{
    probe_request_t reqs[ENGINE_MAX_JOBS];
    size_t n = runbook_requests(e->o.runbook, e->dev, reqs, ENGINE_MAX_JOBS - 1);
    if (e->o.circuit)
        n += runbook_circuit_requests(e->dev, reqs + n, ENGINE_MAX_JOBS - 1 - n);
    for (size_t i = 0; i < n; i++) {
        engine_job_t *j = add_job(e, e->dev, reqs[i].twice ? 2 : 1);
        if (j)
            j->req = reqs[i];
    }
    engine_job_t *j = e->rev_dev ? add_job(e, e->rev_dev, 1) : NULL;
    if (j) {
        j->req.probe = PROBE_TRACEROUTE;
        j->req.family = e->dev->family;
        ip_to_string(&e->dev->onprem_source, j->req.target, sizeof(j->req.target));
        j->reverse = true;
    }
}

/* A reply made here for a request that never reached the device (refused, timed out). */
static probe_reply_t *local_reply(const engine_job_t *j, probe_error_t err, const char *msg)
{
    probe_reply_t *rp = calloc(1, sizeof(*rp));
    if (!rp)
        return NULL;
    rp->probe = j->req.probe;
    snprintf(rp->device, sizeof(rp->device), "%s", j->dev->name);
    snprintf(rp->command, sizeof(rp->command), "%s", probe_name(j->req.probe));
    rp->result.error = err;
    snprintf(rp->result.message, sizeof(rp->result.message), "%s", msg);
    return rp;
}

/* Keeps the two newest answers: a third poll (live) drops the oldest. */
static int keep_reply(engine_job_t *j)
{
    if (j->done < 2)
        return j->done;
    probe_reply_free(j->reply[0]);
    j->reply[0] = j->reply[1];
    j->journal_id[0] = j->journal_id[1];
    j->at[0] = j->at[1];
    j->utc[0] = j->utc[1];
    return 1;
}

static void finish_poll(engine_t *e, engine_job_t *j, probe_reply_t *rp, double t)
{
    uint64_t jid = rp ? engine_emit(e, ENGINE_EV_REPLY, j, j->done + 1, rp, NULL) : 0;
    if (rp && rp->result.record_error[0]) {
        engine_warn(e, "recording failed: %s", rp->result.record_error);
        e->record_failed = true;
    }
    if (j->done >= 2 && !e->o.live) {
        probe_reply_free(rp);
        return;
    }
    int k = keep_reply(j);
    j->reply[k] = rp;
    j->journal_id[k] = jid;
    /* Replay: the time the recording gives the poll (polls.tsv), never one made up from
     * --interval; without it the rate is per poll, over an unknown interval (a live console
     * replaying the demo has only the clock). */
    double recorded = rp ? rp->result.recorded_utc : 0;
    bool replay = e->o.replay != NULL;
    j->at[k] = replay && (recorded > 0 || !e->o.live) ? recorded : t;
    j->utc[k] = replay ? recorded : utc_now();
    j->done++;
    j->asked = false;
    j->request_id = 0;
    j->due = replay ? t : t + e->o.interval;
    e->last_answer = t;
}

static const char *arg(const char *s)
{
    return s[0] ? s : NULL;
}

static void submit(engine_t *e, engine_job_t *j, double t)
{
    const probe_request_t *q = &j->req;
    probe_args_t a = {.peer = arg(q->peer), .prefix = arg(q->prefix), .target = arg(q->target),
                      .source = arg(q->source), .iface = arg(q->iface), .vrf = q->vrf, .family = q->family};
    char why[512] = "";
    const vendor_t *v = vendor_find(j->dev->vendor);
    if (v && !vendor_probe_for(v, q->probe, q->vrf, q->family)) {
        /* Not an error: EOS has no telnet, FRR no ARP.  The step says what it could not see. */
        bool six = q->family == FAMILY_IPV6 && vendor_probe(v, q->probe); /* IPv4 has one, IPv6 not */
        snprintf(why, sizeof(why), "%s has no %scommand for the %s probe%s", v->name, six ? "IPv6 " : "",
                 probe_name(q->probe), vendor_probe_for(v, q->probe, NULL, q->family) ? " inside a VRF" : "");
        finish_poll(e, j, local_reply(j, PERR_UNSUPPORTED, why), t);
        return;
    }
    /* The command as the runner builds it: what the console shows and a recording names. */
    uint64_t id = 0;
    if (command_for_probe(v, q->probe, &a, false, j->command, sizeof(j->command), why, sizeof(why)) == 0)
        id = runner_submit(e->runner, j->dev->name, q->probe, &a, false, why, sizeof(why));
    if (id == 0) {
        finish_poll(e, j, local_reply(j, PERR_NOT_ALLOWED, why[0] ? why : "the session runner refused it"), t);
        return;
    }
    j->asked = true;
    j->request_id = id;
    j->asked_at = t;
    engine_emit(e, ENGINE_EV_SENT, j, j->done + 1, NULL, NULL);
}

static bool job_waiting(const engine_job_t *j)
{
    return !j->asked && j->done < j->wanted;
}

/* While the gate is shut, the device's other requests wait for the first answer, not a time. */
static bool job_blocked(const engine_t *e, const engine_job_t *j)
{
    if (!e->gated || j->dev != e->dev)
        return false;
    for (int k = 0; k < e->n_jobs; k++)
        if (e->jobs[k].asked && e->jobs[k].dev == e->dev)
            return true;
    return false;
}

/* Until the device has answered once, one request at a time: an unreachable device then costs
 * one connect timeout, not one per request. */
void jobs_submit_due(engine_t *e, double now)
{
    for (int i = 0; i < e->n_jobs && e->state != ENGINE_FAILED; i++) {
        engine_job_t *j = &e->jobs[i];
        if (job_waiting(j) && j->due <= now && !job_blocked(e, j))
            submit(e, j, now);
    }
}

bool jobs_all_done(const engine_t *e)
{
    for (int i = 0; i < e->n_jobs; i++)
        if (e->jobs[i].done < e->jobs[i].wanted)
            return false;
    return true;
}

double jobs_next_due(const engine_t *e, double limit)
{
    double next = limit;
    for (int i = 0; i < e->n_jobs; i++)
        if (job_waiting(&e->jobs[i]) && !job_blocked(e, &e->jobs[i]) && e->jobs[i].due < next)
            next = e->jobs[i].due;
    return next;
}

/* Errors that mean the session never came up: nothing else will get through either. */
static bool connection_error(probe_error_t err)
{
    return err == PERR_CONNECT || err == PERR_TIMEOUT || err == PERR_AUTH || err == PERR_HOSTKEY_UNKNOWN ||
           err == PERR_HOSTKEY_CHANGED || err == PERR_PROMPT || err == PERR_DISCONNECTED;
}

static void open_gate(engine_t *e, const probe_reply_t *rp)
{
    e->gated = false;
    if (!connection_error(rp->result.error))
        return;
    char why[700];
    snprintf(why, sizeof(why), "%s%s%.500s", probe_error_text(rp->result.error), rp->result.message[0] ? ": " : "",
             rp->result.message);
    redact_inplace(why, sizeof(why)); /* it may quote the device's output */
    engine_fail(e, "connect", "device_unreachable", "%s: cannot reach the device: %s", e->dev->name, why);
}

static engine_job_t *job_of(engine_t *e, uint64_t id)
{
    for (int i = 0; i < e->n_jobs; i++)
        if (e->jobs[i].asked && e->jobs[i].request_id == id)
            return &e->jobs[i];
    return NULL;
}

/* True when an answer came in. */
bool jobs_take_replies(engine_t *e)
{
    probe_reply_t *rp;
    bool took = false;
    while (e->runner && (rp = runner_take(e->runner)) != NULL) {
        engine_job_t *j = job_of(e, rp->id);
        if (!j) { /* an answer that came after its deadline */
            probe_reply_free(rp);
            continue;
        }
        if (e->gated && j->dev == e->dev)
            open_gate(e, rp);
        finish_poll(e, j, rp, clock_now_s());
        took = true;
    }
    return took;
}

/* The deadline passed: whatever is still asked or waiting gets a timeout in words. */
void jobs_expire(engine_t *e, double now)
{
    char msg[128];
    snprintf(msg, sizeof(msg), "no answer within the session's %d s budget", e->budget_s);
    for (int i = 0; i < e->n_jobs; i++)
        while (e->jobs[i].done < e->jobs[i].wanted)
            finish_poll(e, &e->jobs[i], local_reply(&e->jobs[i], PERR_TIMEOUT, msg), now);
}

/* The device's timeout for every poll still to come, plus the pause between two polls. */
int jobs_budget_s(const engine_t *e)
{
    double total = e->o.interval + 5;
    for (int i = 0; i < e->n_jobs; i++) {
        const engine_job_t *j = &e->jobs[i];
        total += (double)(j->wanted - j->done) * (j->dev->timeout_s > 0 ? j->dev->timeout_s : 15);
    }
    return (int)total;
}

/* One more poll of every job whose answer fills one of needs (all: ~0u), from now. */
void jobs_poll_again(engine_t *e, uint32_t needs, double now)
{
    for (int i = 0; i < e->n_jobs; i++) {
        engine_job_t *j = &e->jobs[i];
        if (!(runbook_need_bit(&j->req, j->reverse) & needs) || j->done < j->wanted)
            continue;
        j->wanted = j->done + 1;
        j->due = now;
    }
}

/* ---- evidence ---- */

static fact_t *job_slot(engine_t *e, const engine_job_t *j)
{
    if (j->reverse)
        return &e->ev.reverse_trace;
    if (j->req.slot == SLOT_FORWARD_TRACE)
        return &e->ev.forward_trace;
    if (j->req.slot == SLOT_ONPREM_ROUTE)
        return &e->ev.onprem_route;
    return &e->ev.facts[j->req.probe];
}

/* Two polls: the first is the earlier snapshot, the second the latest.  When the second failed
 * the first still tells the state, only without growth. */
static void job_facts(engine_t *e, const engine_job_t *j)
{
    fact_t *latest = job_slot(e, j);
    int k = j->done >= 2 && probe_reply_ok(j->reply[1]) ? 1 : 0;
    if (k == 1 && probe_reply_ok(j->reply[0])) {
        fact_from_reply(&e->ev.earlier[j->req.probe], j->reply[0], j->at[0]);
        e->ev.earlier[j->req.probe].journal_id = j->journal_id[0];
    }
    if (j->reply[k]) {
        fact_from_reply(latest, j->reply[k], j->at[k]);
        latest->journal_id = j->journal_id[k];
    }
}

/* The evidence from scratch: what the answers, the imports and the TCP test hold now. */
void jobs_build_evidence(engine_t *e)
{
    evidence_t *ev = &e->ev;
    bool had_tcp = ev->has_console_tcp;
    tcp_probe_t tcp = ev->console_tcp;
    memset(ev, 0, sizeof(*ev));
    ev->device = e->dev;
    ev->vendor = e->vendor;
    ev->has_console_tcp = had_tcp;
    ev->console_tcp = tcp;
    fact_t *imports[2] = {&ev->reverse_trace, &ev->azure_routes};
    for (int i = 0; i < 2; i++) {
        if (!e->imported[i])
            continue;
        fact_from_reply(imports[i], e->imported[i], 0);
        imports[i]->journal_id = e->imported_jid[i];
    }
    for (int i = 0; i < e->n_jobs; i++)
        job_facts(e, &e->jobs[i]);
    free(e->merged_ifaces);
    e->merged_ifaces = NULL;
    if (e->dev && e->dev->family == FAMILY_IPV6)
        fact_merge_ipv6(&ev->facts[PROBE_INTERFACES], &ev->facts[PROBE_IP_BRIEF], &e->merged_ifaces);
}

void jobs_free(engine_t *e)
{
    free(e->merged_ifaces);
    e->merged_ifaces = NULL;
    for (int i = 0; i < e->n_jobs; i++)
        for (int k = 0; k < 2; k++)
            probe_reply_free(e->jobs[i].reply[k]);
}
