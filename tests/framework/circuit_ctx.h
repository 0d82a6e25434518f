/* circuit_ctx.h: the circuit the step tests judge (ce1, 192.168.100.128/30, peer .130, AS 65010)
 * and the evidence built for it from device answers (tests/testhelp.h th_fact*). */
#ifndef ERDIAG_TEST_CIRCUIT_CTX_H
#define ERDIAG_TEST_CIRCUIT_CTX_H

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "framework/steps.h"
#include "tests/testhelp.h"

typedef struct {
    inventory_t inv;
    evidence_t ev;
    step_result_t s;
    runbook_result_t rb;
    const char *vendor;
} ctx_t;

/* A device ce1 of that vendor peering with 192.168.100.130, plus extra inventory lines.  The
 * caller frees it with ctx_free(). */
static inline ctx_t *ctx_new(const char *vendor, const char *extra)
{
    ctx_t *c = calloc(1, sizeof(*c));
    assert_non_null(c);
    char ini[2048], err[256];
    snprintf(ini, sizeof(ini),
             "[device ce1]\nhost = 10.0.0.1\nvendor = %s\nsubnet = 192.168.100.128/30\nlocal_ip = 192.168.100.129\n"
             "peer_ip = 192.168.100.130\nlocal_as = 65010\n%s\n",
             vendor, extra ? extra : "");
    if (inventory_load_string(&c->inv, "test.ini", ini, err, sizeof(err)) != 0)
        fail_msg("inventory: %s", err);
    c->ev.device = &c->inv.devices[0];
    c->ev.vendor = vendor_find(vendor);
    c->vendor = vendor;
    return c;
}

/* The answer to probe, from text the vendor's parser for command reads. */
static inline void load_text(ctx_t *c, probe_id_t probe, const char *command, const char *text)
{
    th_fact(&c->ev.facts[probe], c->vendor, command, text);
}

static inline void ctx_free(ctx_t *c)
{
    for (int i = 0; i < PROBE_COUNT; i++)
        if (c->ev.facts[i].present)
            th_fact_free(&c->ev.facts[i]);
    inventory_free(&c->inv);
    free(c);
}

#endif
