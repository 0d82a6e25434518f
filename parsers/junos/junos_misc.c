/* junos_misc.c: Junos "traceroute X" and "telnet X port 179".
 *
 *   traceroute to 10.1.1.1 (10.1.1.1), 30 hops max, 52 byte packets
 *    1  192.168.100.130 (192.168.100.130)  1.234 ms  1.100 ms  1.050 ms
 *    2  * * *
 *    3  msee.example.net (10.0.0.1)  5.123 ms 10.0.0.5 (10.0.0.5)  5.001 ms !H
 *        MPLS Label=299776 CoS=0 TTL=1 S=1
 *
 *   Trying 192.168.100.130...
 *   Connected to 192.168.100.130.                     -> open
 *   telnet: connect to address 192.168.100.130: Connection refused   -> refused
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "parsers/junos/junos.h"
#include "parsers/rx.h"
#include "parsers/record_check.h"
#include "parsers/textutil.h"

static rx_t target_rx = RX("^traceroute6? to (?<name>\\S+)(?: \\((?<ip>[^)]+)\\))?");
static rx_t hop_rx = RX("^\\s*(?<ttl>\\d+)\\s+(?<rest>.*)$");
static rx_t mpls_rx = RX("^\\s+MPLS Label=(?<v>\\d+)");

static int trace_flush(parse_run_t *run, junos_trace_state_t *st)
{
    if (!st->open)
        return 0;
    st->open = false;
    return parse_emit(run, &st->rec);
}

static trace_probe_t *new_probe(trace_hop_t *h)
{
    if (h->n_probes >= MAX_PROBES)
        return NULL;
    trace_probe_t *p = &h->probes[h->n_probes++];
    trace_probe_init(p);
    return p;
}

/* "name (ip) 1.2 ms 1.1 ms * ip2 (ip2) 3 ms !H" */
static void probes(junos_trace_state_t *st, const char *s, size_t len)
{
    trace_hop_t *h = &st->rec.u.hop;
    size_t i = 0;
    while (i < len) {
        while (i < len && s[i] == ' ')
            i++;
        size_t a = i;
        while (i < len && s[i] != ' ')
            i++;
        if (i == a)
            break;
        const char *t = s + a;
        size_t tl = i - a;
        if (tl == 1 && t[0] == '*') {
            new_probe(h);
        } else if (t[0] == '(' && t[tl - 1] == ')') {
            FIELD_SET(st->cur_addr, t + 1, (long)tl - 2);
        } else if (t[0] == '!' && h->n_probes) {
            FIELD_SET(h->probes[h->n_probes - 1].annotation, t, (long)tl);
        } else if ((t[0] >= '0' && t[0] <= '9') && i + 3 <= len && !strncmp(s + i, " ms", 3)) {
            trace_probe_t *p = new_probe(h);
            double rtt;
            if (p) {
                if (tu_real(t, tl, RECORD_MAX_RTT_MS, &rtt))
                    p->rtt_ms = rtt; /* else absent: not a number, or none a probe can measure */
                FIELD_SET(p->address, st->cur_addr, -1);
                FIELD_SET(p->name, st->cur_name, -1);
            }
            i += 3;
        } else {
            /* A responder: a name (its address follows in brackets) or a bare address. */
            if (tu_is_ip(t, tl)) {
                FIELD_SET(st->cur_addr, t, (long)tl);
                st->cur_name[0] = '\0';
            } else {
                FIELD_SET(st->cur_name, t, (long)tl);
                st->cur_addr[0] = '\0';
            }
        }
    }
}

int junos_traceroute_line(parse_run_t *run, void *state, const char *line, size_t len)
{
    junos_trace_state_t *st = state;
    rx_caps_t c;
    const char *s;
    size_t n;
    if (junos_blank(line, len))
        return 0;
    if (rx_match(&target_rx, line, len, &c)) {
        parse_meta_t *m = parse_meta(run);
        if (!rx_copy(&c, "ip", m->target, sizeof(m->target)))
            rx_copy(&c, "name", m->target, sizeof(m->target));
        rx_named(&c, "name", &s, &n);
        if (!tu_is_ip(s, n))
            FIELD_SET(m->target_name, s, (long)n);
        return 0;
    }
    if (rx_match(&hop_rx, line, len, &c)) {
        if (trace_flush(run, st))
            return -1;
        parse_begin_record(run, &st->rec, KIND_TRACEROUTE);
        st->open = true;
        st->cur_addr[0] = st->cur_name[0] = '\0';
        st->rec.u.hop.ttl = rx_int(&c, "ttl");
        rx_named(&c, "rest", &s, &n);
        probes(st, s, n);
        return 0;
    }
    if (st->open && rx_match(&mpls_rx, line, len, &c)) {
        trace_hop_t *h = &st->rec.u.hop;
        if (h->n_probes)
            snprintf(h->probes[h->n_probes - 1].annotation, SHORT_LEN, "MPLS %lld", (long long)rx_int(&c, "v"));
        return 0;
    }
    parse_skip(run);
    return 0;
}

int junos_traceroute_finish(parse_run_t *run, void *state)
{
    junos_trace_state_t *st = state;
    if (st->open && st->rec.u.hop.n_probes < 3)
        parse_truncated(run, "the last hop has fewer probes than asked (output cut)");
    return trace_flush(run, st);
}

static rx_t trying_rx = RX("^Trying (?<ip>[0-9a-fA-F.:]+?)\\.{0,3}\\s*$");
static rx_t connected_rx = RX("^Connected to (?<ip>\\S+?)\\.?\\s*$");
static rx_t fail_rx = RX("^telnet: (?:connect to address (?<ip>[^:]+(?::[^:]+)*?): )?(?<why>.*?)\\s*$");

static const char *telnet_result(const char *why, size_t n)
{
    static const struct {
        const char *word, *result;
    } map[] = {{"refused", "refused"}, {"timed out", "timeout"}, {"No route", "unreachable"},
               {"unreachable", "unreachable"}, {"Host is down", "unreachable"}};
    for (size_t i = 0; i < sizeof(map) / sizeof(map[0]); i++)
        for (size_t k = 0; k + strlen(map[i].word) <= n; k++)
            if (!strncmp(why + k, map[i].word, strlen(map[i].word)))
                return map[i].result;
    return NULL;
}

int junos_telnet_line(parse_run_t *run, void *state, const char *line, size_t len)
{
    junos_record_state_t *st = state;
    tcp_test_t *t = &st->rec.u.tcp_test;
    rx_caps_t c;
    const char *s;
    size_t n;
    if (!st->open) {
        parse_begin_record(run, &st->rec, KIND_TCP_TEST); /* the whole answer is its one record */
        st->open = true;
        /* "telnet 192.168.100.130 port 179": the target is the word after "telnet". */
        const char *cmd = parse_command(run);
        const char *sp = strchr(cmd, ' ');
        if (sp) {
            while (*sp == ' ')
                sp++;
            FIELD_SET(t->target, sp, (long)strcspn(sp, " "));
        }
        char port[16] = "";
        t->port = junos_command_arg(run, "port", port, sizeof(port)) ? tu_int(port, strlen(port)) : 23;
    }
    if (junos_blank(line, len))
        return 0;
    if (rx_match(&trying_rx, line, len, &c)) {
        rx_copy(&c, "ip", t->target, sizeof(t->target));
        return 0;
    }
    if (rx_match(&connected_rx, line, len, &c)) {
        FIELD_SET(t->result, "open", -1);
        FIELD_SET(t->raw, line, (long)len);
        return 0;
    }
    if (rx_match(&fail_rx, line, len, &c)) {
        rx_named(&c, "why", &s, &n);
        const char *r = telnet_result(s, n);
        if (r && !t->result[0]) {
            FIELD_SET(t->result, r, -1);
            FIELD_SET(t->raw, line, (long)len);
        }
        return 0;
    }
    /* After a connect, the banner or whatever the far end sends is not ours to read. */
    if (!t->result[0] && !tu_starts(line, len, "Escape character"))
        parse_skip(run);
    return 0;
}

int junos_telnet_finish(parse_run_t *run, void *state)
{
    junos_record_state_t *st = state;
    if (!st->open)
        return 0;
    if (!st->rec.u.tcp_test.result[0]) /* "Trying X..." and nothing else: cut, or still waiting */
        parse_partial(run, "no connect result");
    return parse_emit(run, &st->rec);
}
