/* metrics.c: the figures a monitoring system graphs for a circuit: session uptime (0 when the
 * session is not Established), prefixes received and accepted from the peer, then each step's
 * own measurements (the CRC rate of the physical step). */
#include "framework/metrics.h"

#include <math.h>
#include <stdio.h>

static void add(runbook_result_t *r, const metric_t *m)
{
    if (r->n_metrics < RUNBOOK_MAX_METRICS)
        r->metrics[r->n_metrics++] = *m;
}

static void add_count(runbook_result_t *r, const char *label, int64_t v, const char *uom)
{
    metric_t m = {.value = (double)v, .warn = NAN, .crit = NAN, .min = 0, .max = NAN};
    snprintf(m.label, sizeof(m.label), "%s", label);
    snprintf(m.uom, sizeof(m.uom), "%s", uom);
    if (v != MODEL_ABSENT)
        add(r, &m);
}

/* The peer's row: the neighbor detail first (it has both prefix counts), else the summary. */
static bool peer_figures(const evidence_t *ev, bgp_state_t *st, int64_t *up, int64_t *rcvd, int64_t *acc)
{
    static const probe_id_t probes[] = {PROBE_BGP_NEIGHBOR, PROBE_BGP_SUMMARY};
    for (size_t k = 0; k < 2 && ev->device->has_peer_ip; k++) {
        const fact_t *f = &ev->facts[probes[k]];
        for (size_t i = 0; fact_usable(f) && i < f->n_records; i++) {
            const record_t *rec = &f->records[i];
            ip_addr_t a;
            bool nb = rec->kind == KIND_BGP_NEIGHBORS;
            if (!nb && rec->kind != KIND_BGP_SUMMARY)
                continue;
            if (!ip_parse(nb ? rec->u.neighbor.peer : rec->u.peer.peer, &a) || !ip_equal(&a, &ev->device->peer_ip))
                continue;
            *st = nb ? rec->u.neighbor.state : rec->u.peer.state;
            *up = nb ? rec->u.neighbor.up_down : rec->u.peer.up_down;
            *rcvd = nb ? rec->u.neighbor.prefixes_received : rec->u.peer.prefixes_received;
            *acc = nb ? rec->u.neighbor.prefixes_accepted : rec->u.peer.prefixes_accepted;
            return true;
        }
    }
    return false;
}

void runbook_metrics(const evidence_t *ev, runbook_result_t *r)
{
    bgp_state_t st;
    int64_t up, rcvd, acc;
    r->n_metrics = 0;
    if (peer_figures(ev, &st, &up, &rcvd, &acc)) {
        bool established = st == BGP_STATE_ESTABLISHED;
        add_count(r, "uptime", established ? up : 0, "s");
        add_count(r, "prefixes_received", established ? rcvd : 0, "");
        add_count(r, "prefixes_accepted", established ? acc : 0, "");
    }
    for (int i = 0; i < r->n_steps; i++)
        for (int k = 0; k < r->steps[i].n_metrics; k++)
            add(r, &r->steps[i].metrics[k]);
}
