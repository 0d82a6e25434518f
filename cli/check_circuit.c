/* check_circuit.c: the circuit front end of `erdiag check` (see check_circuit.h).  The two
 * links' sessions are the engine's; the judgement is framework/circuit.c's; this file finds the
 * links, drives both engines to the end and prints. */
#include "cli/check_circuit.h"

#include <jansson.h>
#include <poll.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "cli/tty.h"
#include "core/sanitize.h"
#include "core/utctime.h"
#include "framework/circuit.h"
#include "framework/result_json.h"
#include "report/verdict.h"
#include "report/wrap.h"

#define CIRCUIT_UNKNOWN 3

typedef struct {
    char device[CIRCUIT_LINKS][INV_NAME_LEN];
    char replay[CIRCUIT_LINKS][1200];
    engine_t *engine[CIRCUIT_LINKS];
} links_t;

/* The circuit's primary and secondary devices: from the inventory, or, replaying a circuit
 * scenario, from DIR/primary/device.ini and DIR/secondary/device.ini. */
static int find_links(const check_circuit_t *c, links_t *l)
{
    static const char *const side[CIRCUIT_LINKS] = {"primary", "secondary"};
    char path[1100], err[1200];
    for (int k = 0; k < CIRCUIT_LINKS; k++) {
        inventory_t inv = {0};
        if (c->base.replay)
            snprintf(l->replay[k], sizeof(l->replay[k]), "%.1100s/%s", c->base.replay, side[k]);
        if (c->base.inventory)
            snprintf(path, sizeof(path), "%s", c->base.inventory);
        else if (c->base.replay)
            snprintf(path, sizeof(path), "%s/device.ini", l->replay[k]);
        else
            inventory_default_path(path, sizeof(path));
        if (inventory_load(&inv, path, err, sizeof(err)) != 0) {
            sanitize_fprintf(stderr, "erdiag check: %s\n", err);
            return -1;
        }
        for (size_t i = 0; i < inv.n_devices && !l->device[k][0]; i++)
            if (strcmp(inv.devices[i].circuit, c->circuit) == 0 && (int)inv.devices[i].link == k)
                snprintf(l->device[k], sizeof(l->device[k]), "%s", inv.devices[i].name);
        inventory_free(&inv);
        if (!l->device[k][0]) {
            sanitize_fprintf(stderr, "erdiag check: circuit '%s' has no %s link in %s\n", c->circuit, side[k], path);
            return -1;
        }
    }
    return 0;
}

/* The person at the terminal answers host keys and passwords, as for one device. */
static void answer(engine_t *e)
{
    const engine_question_t *q = engine_question(e);
    char secret[256];
    if (!q)
        return;
    if (q->kind == ENGINE_Q_HOSTKEY) {
        engine_answer_hostkey(e, q->id, cli_confirm_hostkey(NULL, q->host, q->fingerprint));
        return;
    }
    bool got = cli_ask_secret(NULL, q->prompt, q->echo, secret, sizeof(secret)) == 0;
    engine_answer_secret(e, q->id, got ? secret : NULL);
    memset(secret, 0, sizeof(secret));
}

/* Both links' sessions, at once, to the end. */
static void run_links(const check_circuit_t *c, links_t *l)
{
    for (int k = 0; k < CIRCUIT_LINKS; k++) {
        engine_opts_t o = c->base;
        o.device = l->device[k];
        o.replay = c->base.replay ? l->replay[k] : NULL;
        o.circuit = true;
        if ((l->engine[k] = engine_new(&o, NULL, NULL)))
            engine_start(l->engine[k]);
    }
    for (;;) {
        struct pollfd p[CIRCUIT_LINKS];
        int n = 0, wait = 1000;
        for (int k = 0; k < CIRCUIT_LINKS; k++) {
            if (!l->engine[k] || engine_state(l->engine[k]) != ENGINE_COLLECTING)
                continue;
            int t = engine_timeout_ms(l->engine[k]);
            wait = t >= 0 && t < wait ? t : wait;
            p[n++] = (struct pollfd){.fd = engine_fd(l->engine[k]), .events = POLLIN};
        }
        if (n == 0)
            return;
        poll(p, (nfds_t)n, wait);
        for (int k = 0; k < CIRCUIT_LINKS; k++)
            if (l->engine[k] && engine_state(l->engine[k]) == ENGINE_COLLECTING) {
                engine_step(l->engine[k]);
                answer(l->engine[k]);
            }
    }
}

static const runbook_result_t *link_result(const links_t *l, int k)
{
    return l->engine[k] && engine_state(l->engine[k]) == ENGINE_JUDGED ? engine_result(l->engine[k]) : NULL;
}

/* ---- text ---- */

static void print_link(const links_t *l, int k, int width)
{
    static const char *const side[CIRCUIT_LINKS] = {"primary", "secondary"};
    const runbook_result_t *r = link_result(l, k);
    const char *error = l->engine[k] ? engine_error(l->engine[k], NULL, NULL) : "out of memory";
    char line[1400];
    const step_result_t *s = r && r->n_causes ? &r->steps[r->causes[0]] : NULL;
    snprintf(line, sizeof(line), "%-9s %-16s %-8s %s%s%s", side[k], l->device[k], r ? r->status : "UNKNOWN",
             s ? s->cause : error ? "device_unreachable" : "none", s || error ? ": " : "",
             s ? s->finding : error ? error : "");
    wrap_write(stdout, width, 4, 0, line);
}

static void print_text(const check_circuit_t *c, const links_t *l, const circuit_result_t *cr)
{
    int width = cli_width(STDOUT_FILENO, 100);
    const step_result_t *s = &cr->step;
    char line[2000];
    bool none = strcmp(s->cause, "none") == 0;
    snprintf(line, sizeof(line), "%s - circuit %s: %s%s%s", cr->status, c->circuit, none ? "" : s->cause, none ? "" : ": ",
             none ? "both links up, the same prefixes on both, one path each way" : s->finding);
    wrap_write(stdout, width, 2, 0, line);
    snprintf(line, sizeof(line), "Circuit redundancy: %s (%s). Outbound (to Azure) on %s, inbound (from Azure) on %s.",
             verdict_name(s->verdict), s->cause, carrier_name(cr->outbound), carrier_name(cr->inbound));
    wrap_write(stdout, width, 2, 0, line);
    for (int i = 0; i < s->n_evidence; i++) {
        snprintf(line, sizeof(line), "  %s: %s  (%s)", cr->evidence_link[i] == CIRCUIT_PRIMARY ? "primary" : "secondary",
                 s->evidence[i].line, s->evidence[i].command);
        wrap_write(stdout, width, 4, 0, line);
    }
    for (int i = 0; i < s->n_next; i++) {
        snprintf(line, sizeof(line), "  next%s: %s", s->next_disruptive[i] ? " (disruptive)" : "", s->next[i]);
        wrap_write(stdout, width, 4, 0, line);
    }
    printf("\nLinks:\n");
    for (int k = 0; k < CIRCUIT_LINKS; k++)
        print_link(l, k, width);
}

/* ---- JSON ---- */

static json_t *link_json(const links_t *l, int k, const check_circuit_t *c)
{
    const runbook_result_t *r = link_result(l, k);
    const device_t *d = l->engine[k] ? engine_device(l->engine[k]) : NULL;
    char peer[ADDR_LEN] = "";
    if (d && d->has_peer_ip)
        ip_to_string(&d->peer_ip, peer, sizeof(peer));
    verdict_meta_t m = {.device = l->device[k], .vendor = d ? d->vendor : NULL, .peer = peer,
                        .runbook = runbook_name(c->base.runbook), .collect_s = -1, .utc = utc_now()};
    const char *step = "connect", *cause = "device_unreachable";
    const char *error = l->engine[k] ? engine_error(l->engine[k], &step, &cause) : "out of memory";
    return r ? verdict_json(&m, r) : verdict_json_error(&m, step, cause, error ? error : "nothing was judged");
}

static void print_json(const check_circuit_t *c, const links_t *l, const circuit_result_t *cr)
{
    json_t *o = json_pack("{s:s, s:s, s:i, s:s, s:s}", "circuit", c->circuit, "status", cr->status, "exit_code",
                          cr->exit_code, "outbound", carrier_name(cr->outbound), "inbound", carrier_name(cr->inbound));
    json_object_set_new(o, "circuit_step", step_result_json(&cr->step));
    json_object_set_new(o, "links", json_pack("{s:o, s:o}", "primary", link_json(l, 0, c), "secondary", link_json(l, 1, c)));
    json_dumpf(o, stdout, JSON_INDENT(2) | JSON_PRESERVE_ORDER | JSON_ENSURE_ASCII);
    fputc('\n', stdout);
    json_decref(o);
}

int check_circuit(const check_circuit_t *c)
{
    links_t l;
    static circuit_result_t cr;
    memset(&l, 0, sizeof(l));
    if (find_links(c, &l) != 0)
        return CIRCUIT_UNKNOWN;
    run_links(c, &l);
    const evidence_t *ev[CIRCUIT_LINKS];
    for (int k = 0; k < CIRCUIT_LINKS; k++)
        ev[k] = l.engine[k] ? engine_evidence(l.engine[k]) : NULL;
    if (ev[0] && ev[1] && engine_device(l.engine[0]) && engine_device(l.engine[1])) {
        circuit_judge(ev[0], ev[1], &cr);
    } else { /* a link that cannot even be loaded: the circuit cannot be judged */
        memset(&cr, 0, sizeof(cr));
        cr.step = (step_result_t){.id = "circuit", .title = "Circuit redundancy", .verdict = VERDICT_SKIP};
        snprintf(cr.step.cause, sizeof(cr.step.cause), "evidence_missing");
        snprintf(cr.step.finding, sizeof(cr.step.finding), "a link of the circuit could not be loaded");
    }
    circuit_combine(&cr, link_result(&l, 0), link_result(&l, 1));
    if (c->json)
        print_json(c, &l, &cr);
    else
        print_text(c, &l, &cr);
    fflush(stdout);
    for (int k = 0; k < CIRCUIT_LINKS; k++)
        engine_free(l.engine[k]);
    return cr.exit_code;
}
