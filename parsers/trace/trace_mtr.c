/* trace_mtr.c: "mtr --report" (and -r -n, --report-wide, -b, -z).
 *
 *   Start: 2026-11-25T18:40:02+0000
 *   HOST: ce1                        Loss%   Snt   Last   Avg  Best  Wrst StDev
 *     1.|-- 192.168.100.130           0.0%    10    0.5   0.6   0.4   1.0   0.2
 *     2.|-- ???                      100.0    10    0.0   0.0   0.0   0.0   0.0
 *         |  `|-- 10.0.0.9                      <- another responder at the same TTL
 *
 * mtr summarises many probes per TTL, so each hop becomes one probe: the responder, rtt_ms = Avg
 * and annotation "loss=0.0%".  "???" (nothing answered) is a '*' probe. */
#include <stdio.h>
#include <string.h>

#include "parsers/rx.h"
#include "parsers/textutil.h"
#include "parsers/trace/trace.h"

static rx_t host_rx = RX("^\\s*HOST:\\s+\\S+\\s+(?<cols>Loss%.*)$");
static rx_t row_rx = RX("^\\s*(?<ttl>\\d+)\\.\\s*(?:\\|--\\s+)?(?:AS(?:\\d+|\\?+)\\s+)?(?<host>\\S+)"
                        "(?:\\s+\\((?<ip>[^)\\s]+)\\))?(?<nums>(?:\\s+[\\d.]+%?)+)\\s*$");
static rx_t ecmp_rx = RX("^\\s*\\|\\s*`\\|--\\s+(?<host>\\S+)(?:\\s+\\((?<ip>[^)\\s]+)\\))?\\s*$");

/* Which numeric column is Loss% and which Avg: mtr -o can reorder them. */
static void header(trace_state_t *st, const char *s, size_t n)
{
    trace_tok_t t[16];
    size_t nt = trace_tokens(s, n, t, 16);
    for (size_t i = 0; i < nt; i++) {
        if (tu_eq(t[i].s, t[i].n, "Loss%"))
            st->mtr_loss_col = (int)i;
        else if (tu_eq(t[i].s, t[i].n, "Avg"))
            st->mtr_avg_col = (int)i;
    }
}

/* host "???" / "10.0.0.1" / "name" (+ "(10.0.0.1)" with -b) into a probe. */
static void responder(trace_probe_t *p, const rx_caps_t *c)
{
    const char *h, *ip;
    size_t hn, ipn;
    rx_named(c, "host", &h, &hn);
    if (rx_named(c, "ip", &ip, &ipn) && tu_is_ip(ip, ipn)) {
        field_set(p->address, sizeof(p->address), ip, (long)ipn);
        if (!(hn == ipn && memcmp(h, ip, hn) == 0))
            field_set(p->name, sizeof(p->name), h, (long)hn);
    } else if (tu_is_ip(h, hn)) {
        field_set(p->address, sizeof(p->address), h, (long)hn);
    } else if (!(hn == 3 && memcmp(h, "???", 3) == 0)) {
        field_set(p->name, sizeof(p->name), h, (long)hn);
    }
}

static int row(parse_run_t *run, trace_state_t *st, const rx_caps_t *c)
{
    trace_probe_t p;
    trace_probe_init(&p);
    responder(&p, c);
    const char *s;
    size_t n;
    rx_named(c, "nums", &s, &n);
    trace_tok_t t[16];
    size_t nt = trace_tokens(s, n, t, 16);
    double loss = -1, avg = -1;
    if ((size_t)st->mtr_loss_col < nt) {
        trace_tok_t l = t[st->mtr_loss_col];
        if (l.n && l.s[l.n - 1] == '%')
            l.n--;
        if (trace_number(l.s, l.n, &loss) && loss >= 0) {
            char buf[SHORT_LEN];
            snprintf(buf, sizeof(buf), "loss=%.1f%%", loss);
            trace_annotate(&p, buf, strlen(buf));
        }
    }
    if ((size_t)st->mtr_avg_col < nt && trace_number(t[st->mtr_avg_col].s, t[st->mtr_avg_col].n, &avg) &&
        (p.address[0] || p.name[0]) && loss < 100)
        p.rtt_ms = avg; /* at 100% loss mtr prints 0.0: no RTT was measured */
    int rc = trace_hop_begin(run, st, rx_int(c, "ttl"));
    trace_hop_add(run, st, &p);
    return rc;
}

int trace_mtr_line(parse_run_t *run, void *state, const char *line, size_t len)
{
    trace_state_t *st = state;
    trace_state_start(st, TRACE_STYLE_LINUX);
    rx_caps_t c;
    const char *s;
    size_t n;
    s = line;
    n = len;
    tu_trim(&s, &n);
    if (n == 0 || tu_starts(s, n, "Start:"))
        return 0;
    if (rx_match(&host_rx, line, len, &c)) {
        rx_named(&c, "cols", &s, &n);
        header(st, s, n);
        return 0;
    }
    if (rx_match(&row_rx, line, len, &c))
        return row(run, st, &c);
    if (st->open && rx_match(&ecmp_rx, line, len, &c)) {
        trace_probe_t p;
        trace_probe_init(&p);
        responder(&p, &c);
        trace_hop_add(run, st, &p);
        return 0;
    }
    parse_skip_outside(run); /* a hop is its row and the |-- lines under it */
    return 0;
}
