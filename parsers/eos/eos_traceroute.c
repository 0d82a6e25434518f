/* eos_traceroute.c: EOS "traceroute X" (EOS runs the Linux traceroute and prints its output).
 *
 *   traceroute to 10.1.0.4 (10.1.0.4), 30 hops max, 60 byte packets
 *    1  192.168.100.130 (192.168.100.130)  0.512 ms  0.431 ms  0.402 ms
 *    2  * * *
 *    3  10.1.0.4 (10.1.0.4)  2.104 ms 10.1.0.5 (10.1.0.5)  2.201 ms *
 *
 * Tokens are read left to right: a name with "(address)" sets the responder, "N ms" is a
 * probe from the current responder, "*" a lost probe, "!H"-style marks annotate the last probe. */
#include <stdlib.h>
#include <string.h>

#include "parsers/eos/eos.h"
#include "parsers/rx.h"
#include "parsers/textutil.h"

static rx_t head_rx = RX("^traceroute(?:6)? to (?<name>\\S+) \\((?<addr>[^)]+)\\)");
static rx_t hop_rx = RX("^\\s*(?<ttl>\\d+)\\s+(?<rest>.*?)\\s*$");

typedef struct {
    char addr[ADDR_LEN];
    char name[DESC_LEN / 2];
} eos_tr_who_t;

static trace_probe_t *eos_tr_probe(trace_hop_t *h, const eos_tr_who_t *who)
{
    if (h->n_probes >= MAX_PROBES)
        return NULL;
    trace_probe_t *p = &h->probes[h->n_probes++];
    trace_probe_init(p);
    if (who) {
        FIELD_SET(p->address, who->addr, -1);
        FIELD_SET(p->name, who->name, -1);
    }
    return p;
}

static void eos_tr_token(trace_hop_t *h, eos_tr_who_t *who, const char *t, size_t tn, const char *next, size_t nn)
{
    char buf[64];
    if (tn == 1 && t[0] == '*') {
        eos_tr_probe(h, NULL);
    } else if (t[0] == '!') {
        if (h->n_probes)
            FIELD_SET(h->probes[h->n_probes - 1].annotation, t, (long)tn);
    } else if (t[0] == '(' && t[tn - 1] == ')') {
        FIELD_SET(who->addr, t + 1, (long)tn - 2);
    } else if (nn == 2 && strncmp(next, "ms", 2) == 0 && tn < sizeof(buf)) {
        memcpy(buf, t, tn);
        buf[tn] = '\0';
        trace_probe_t *p = eos_tr_probe(h, who->addr[0] ? who : NULL);
        if (p)
            p->rtt_ms = strtod(buf, NULL);
    } else if (!(tn == 2 && strncmp(t, "ms", 2) == 0)) {
        /* a responder: a name now, its address may follow in parentheses */
        FIELD_SET(who->name, t, (long)tn);
        if (tu_is_ip(t, tn))
            FIELD_SET(who->addr, t, (long)tn);
        else
            who->addr[0] = '\0';
    }
}

int eos_traceroute_line(parse_run_t *run, void *state, const char *line, size_t len)
{
    (void)state;
    rx_caps_t c;
    const char *s;
    size_t n;
    if (rx_match(&head_rx, line, len, &c)) {
        parse_meta_t *m = parse_meta(run);
        rx_copy(&c, "addr", m->target, sizeof(m->target));
        rx_copy(&c, "name", m->target_name, sizeof(m->target_name));
        return 0;
    }
    if (len == 0)
        return 0;
    if (!rx_match(&hop_rx, line, len, &c)) {
        parse_skip(run);
        return 0;
    }
    record_t rec;
    record_init(&rec, KIND_TRACEROUTE);
    trace_hop_t *h = &rec.u.hop;
    h->ttl = rx_int(&c, "ttl");
    eos_tr_who_t who = {{0}, {0}};
    rx_named(&c, "rest", &s, &n);
    /* walk tokens, with one token of look-ahead for "ms" */
    size_t i = 0;
    while (i < n) {
        while (i < n && s[i] == ' ')
            i++;
        size_t st = i;
        while (i < n && s[i] != ' ')
            i++;
        if (i == st)
            break;
        size_t j = i;
        while (j < n && s[j] == ' ')
            j++;
        size_t k = j;
        while (k < n && s[k] != ' ')
            k++;
        eos_tr_token(h, &who, s + st, i - st, s + j, k - j);
    }
    if (h->n_probes == 0)
        parse_skip(run);
    return parse_emit(run, &rec);
}
