/* physical_common.h: building evidence for the physical, arp and addressing step tests from the
 * fixtures under tests/fixtures/framework/physical/. */
#ifndef ERDIAG_TEST_PHYSICAL_COMMON_H
#define ERDIAG_TEST_PHYSICAL_COMMON_H

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "framework/steps.h"
#include "tests/testhelp.h"

/* The command each probe sends, per vendor (as probes/vendor_*.c words it for this peer). */
typedef struct {
    const char *vendor, *ifaces, *arp, *config, *neighbor;
} cmds_t;

static const cmds_t CMDS[] = {
    {"ios", "show interfaces", "show ip arp 192.168.100.130", "show running-config | section router bgp",
     "show ip bgp neighbors 192.168.100.130"},
    {"junos", "show interfaces extensive", "show arp no-resolve hostname 192.168.100.130", "show configuration protocols bgp",
     "show bgp neighbor 192.168.100.130"},
    {"nxos", "show interface", "show ip arp 192.168.100.130", "show running-config bgp", "show ip bgp neighbors 192.168.100.130"},
    {"eos", "show interfaces", "show ip arp 192.168.100.130", "show running-config section router bgp",
     "show ip bgp neighbors 192.168.100.130"},
    {"frr", "show interface", "show ip arp 192.168.100.130", "show running-config", "show bgp neighbors 192.168.100.130"},
};

static inline const cmds_t *cmds(const char *vendor)
{
    for (size_t i = 0; i < sizeof(CMDS) / sizeof(CMDS[0]); i++)
        if (!strcmp(CMDS[i].vendor, vendor))
            return &CMDS[i];
    fail_msg("no commands for %s", vendor);
    return NULL;
}

typedef struct {
    device_t dev;
    evidence_t ev;
    step_result_t s;
} ctx_t;

/* A circuit: subnet, local and peer address (NULL: not in the inventory). */
static inline ctx_t *ctx_new(const char *vendor, const char *subnet, const char *local, const char *peer)
{
    ctx_t *c = calloc(1, sizeof(*c));
    assert_non_null(c);
    snprintf(c->dev.name, sizeof(c->dev.name), "ce1-%s", vendor);
    snprintf(c->dev.vendor, sizeof(c->dev.vendor), "%s", vendor);
    snprintf(c->dev.circuit, sizeof(c->dev.circuit), "7c1e");
    c->dev.peer_as = 12076;
    c->dev.local_as = 65010;
    c->dev.hold_time = 180;
    c->dev.keepalive = 60;
    if (subnet)
        assert_true(c->dev.has_subnet = prefix_parse(subnet, &c->dev.subnet));
    if (local)
        assert_true(c->dev.has_local_ip = ip_parse(local, &c->dev.local_ip));
    if (peer)
        assert_true(c->dev.has_peer_ip = ip_parse(peer, &c->dev.peer_ip));
    c->ev.device = &c->dev;
    c->ev.vendor = vendor_find(vendor);
    assert_non_null(c->ev.vendor);
    return c;
}

static inline ctx_t *ctx_std(const char *vendor)
{
    return ctx_new(vendor, "192.168.100.128/30", "192.168.100.129", "192.168.100.130");
}

static inline void ctx_free(ctx_t *c)
{
    for (int p = 0; p < PROBE_COUNT; p++) {
        if (c->ev.facts[p].present)
            th_fact_free(&c->ev.facts[p]);
        if (c->ev.earlier[p].present)
            th_fact_free(&c->ev.earlier[p]);
    }
    free(c);
}

static inline void load(fact_t *f, const char *vendor, const char *command, const char *name, double at)
{
    char rel[256];
    snprintf(rel, sizeof(rel), "framework/physical/%s", name);
    th_fact_fixture(f, vendor, command, rel);
    f->at = at;
}

/* A fact the device answered with an error (timed out, refused...). */
static inline void failed(fact_t *f, const char *command, probe_error_t err, const char *text)
{
    memset(f, 0, sizeof(*f));
    f->present = true;
    f->error = err;
    snprintf(f->command, sizeof(f->command), "%s", command);
    snprintf(f->error_text, sizeof(f->error_text), "%s", text);
}

static inline void run(ctx_t *c, void (*step)(const evidence_t *, step_result_t *), const char *id)
{
    memset(&c->s, 0, sizeof(c->s));
    c->s.id = id;
    c->s.title = id;
    step(&c->ev, &c->s);
}

/* The verdict, the cause, a fragment of the finding and one of an evidence line. */
static inline void expect(const ctx_t *c, verdict_t v, const char *cause, const char *finding, const char *evidence)
{
    const step_result_t *s = &c->s;
    if (getenv("SHOW_STEPS")) { /* eyeballing findings: SHOW_STEPS=1 make check */
        printf("%s %s %s: %s\n", verdict_name(s->verdict), s->cause, c->dev.vendor, s->finding);
        for (int i = 0; i < s->n_evidence; i++)
            printf("    [%s] %s\n", s->evidence[i].command, s->evidence[i].line);
        for (int i = 0; i < s->n_next; i++)
            printf("    next: %s\n", s->next[i]);
    }
    if (s->verdict != v || strcmp(s->cause, cause) || (finding && !strstr(s->finding, finding)))
        fail_msg("got %s %s: \"%s\"; wanted %s %s with \"%s\"", verdict_name(s->verdict), s->cause, s->finding,
                 verdict_name(v), cause, finding ? finding : "");
    if (!evidence)
        return;
    for (int i = 0; i < s->n_evidence; i++)
        if (strstr(s->evidence[i].line, evidence))
            return;
    fail_msg("no evidence line holds \"%s\" (%d lines%s%s)", evidence, s->n_evidence, s->n_evidence ? ", first: " : "",
             s->n_evidence ? s->evidence[0].line : "");
}

#endif
