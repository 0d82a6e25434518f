/* trace_tracepath.c: Linux "tracepath" / "tracepath -n" / "tracepath6".
 *
 *    1?: [LOCALHOST]                      pmtu 1500
 *    1:  172.16.0.1                                            0.412ms
 *    1:  172.16.0.1                                            0.390ms
 *    2:  192.168.100.129                                       1.102ms asymm  3
 *    3:  no reply
 *    4:  10.1.0.4                                              3.215ms reached
 *        Resume: pmtu 1500 hops 4 back 4
 *
 * One line per probe; consecutive lines with the same TTL are one hop.  "asymm N" (the reply
 * came back over a path of another length) is kept as the probe's annotation. */
#include <stdio.h>
#include <string.h>

#include "parsers/rx.h"
#include "parsers/textutil.h"
#include "parsers/trace/trace.h"

static rx_t line_rx = RX("^\\s*(?<ttl>\\d+)\\??:\\s+(?<rest>.*?)\\s*$");

static bool probe(trace_state_t *st, const char *s, size_t n, trace_probe_t *p)
{
    trace_tok_t t[12];
    size_t nt = trace_tokens(s, n, t, 12), i = 0;
    double rtt;
    trace_probe_init(p);
    if (nt >= 2 && tu_eq(t[0].s, t[0].n, "no") && tu_eq(t[1].s, t[1].n, "reply"))
        return nt == 2;
    if (nt && tu_is_ip(t[0].s, t[0].n)) {
        field_set(p->address, sizeof(p->address), t[0].s, (long)t[0].n);
        i = 1;
    } else if (nt) {
        field_set(p->name, sizeof(p->name), t[0].s, (long)t[0].n);
        i = 1;
        /* tracepath -b: "name (10.0.0.1)" */
        if (i < nt && t[i].n > 2 && t[i].s[0] == '(' && tu_is_ip(t[i].s + 1, t[i].n - 2)) {
            field_set(p->address, sizeof(p->address), t[i].s + 1, (long)t[i].n - 2);
            if (strcmp(p->address, p->name) == 0)
                p->name[0] = '\0';
            i++;
        }
    }
    if (i >= nt || t[i].n < 3 || !tu_eq(t[i].s + t[i].n - 2, 2, "ms") || !trace_number(t[i].s, t[i].n - 2, &rtt))
        return false;
    p->rtt_ms = rtt;
    for (i++; i < nt; i++) {
        if (tu_eq(t[i].s, t[i].n, "reached")) {
            st->ended = true;
        } else if ((tu_eq(t[i].s, t[i].n, "asymm") || tu_eq(t[i].s, t[i].n, "pmtu")) && i + 1 < nt) {
            char buf[SHORT_LEN];
            int k = snprintf(buf, sizeof(buf), "%.*s %.*s", (int)t[i].n, t[i].s, (int)t[i + 1].n, t[i + 1].s);
            trace_annotate(p, buf, k < 0 ? 0 : (size_t)k);
            i++;
        } else {
            return false;
        }
    }
    return true;
}

int trace_tracepath_line(parse_run_t *run, void *state, const char *line, size_t len)
{
    trace_state_t *st = state;
    trace_state_start(st, TRACE_STYLE_LINUX);
    const char *s = line;
    size_t n = len;
    tu_trim(&s, &n);
    rx_caps_t c;
    if (n == 0 || tu_starts(s, n, "Resume:") || tu_starts(s, n, "Too many hops"))
        return 0;
    if (!rx_match(&line_rx, line, len, &c)) {
        parse_skip_outside(run); /* every hop line is numbered: this one is between hops */
        return 0;
    }
    rx_named(&c, "rest", &s, &n);
    if (tu_starts(s, n, "[LOCALHOST]") || tu_starts(s, n, "send failed"))
        return 0; /* the local PMTU probe, not a hop */
    trace_probe_t p;
    if (!probe(st, s, n, &p)) {
        parse_skip_outside(run);
        return 0;
    }
    int64_t ttl = rx_int(&c, "ttl");
    int rc = 0;
    if (!st->open || st->hop.u.hop.ttl != ttl)
        rc = trace_hop_begin(run, st, ttl);
    trace_hop_add(run, st, &p);
    return rc;
}
