/* iosxr_traceroute.c: IOS-XR "traceroute [vrf X] A.B.C.D".
 *
 *   Type escape sequence to abort.
 *   Tracing the route to 10.1.0.1
 *
 *    1  192.168.100.130 2 msec  1 msec  1 msec
 *    2  10.0.0.1 [MPLS: Label 24001 Exp 0] 5 msec  4 msec  4 msec
 *    3  *  *  *
 *    4  10.1.0.1 3 msec *  3 msec
 *       10.1.0.5 4 msec                      (another address answering the same TTL)
 */
#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include "parsers/iosxr/iosxr.h"
#include "parsers/rx.h"
#include "parsers/textutil.h"

static rx_t target_rx = RX("^Tracing the route to (?:(?<name>\\S+) \\((?<ip1>[^)]+)\\)|(?<ip2>\\S+))");
static rx_t hop_rx = RX("^\\s*(?<ttl>\\d+)\\s+(?<rest>.*?)\\s*$");
static rx_t more_rx = RX("^\\s+(?<rest>(?:[0-9A-Fa-f.:]+|\\S+ \\([0-9A-Fa-f.:]+\\)) .*?)\\s*$");
static rx_t known_rx = RX("^(?:Type escape sequence|Tracing the route|\\s*$)");

static int flush(parse_run_t *run, iosxr_trace_state_t *st)
{
    if (!st->open)
        return 0;
    st->open = false;
    return parse_emit(run, &st->rec);
}

static trace_probe_t *new_probe(trace_hop_t *h, const char *addr, const char *name)
{
    if (h->n_probes >= MAX_PROBES)
        return NULL;
    trace_probe_t *p = &h->probes[h->n_probes++];
    trace_probe_init(p);
    FIELD_SET(p->address, addr, -1);
    FIELD_SET(p->name, name, -1);
    return p;
}

/* Walks "addr [annotation] N msec * N msec ..." and adds the probes to the hop. */
static void read_probes(trace_hop_t *h, const char *s, size_t len)
{
    char addr[ADDR_LEN] = "", name[DESC_LEN / 2] = "", note[SHORT_LEN] = "";
    size_t i = 0;
    trace_probe_t *last = NULL;
    while (i < len) {
        while (i < len && s[i] == ' ')
            i++;
        if (i >= len)
            break;
        size_t st = i;
        if (s[i] == '[') { /* MPLS label stack: an annotation of the probes that follow */
            const char *close = memchr(s + i, ']', len - i);
            size_t e = close ? (size_t)(close - s) + 1 : len;
            long nl = (long)e - (long)i - 2;
            field_set(note, sizeof(note), s + i + 1, nl > 0 ? nl : 0);
            i = e;
            continue;
        }
        while (i < len && s[i] != ' ')
            i++;
        const char *tok = s + st;
        size_t tl = i - st;
        if (tl == 1 && *tok == '*') {
            last = new_probe(h, "", "");
        } else if (tok[0] == '!' || (tl == 1 && isupper((unsigned char)tok[0]))) {
            if (last)
                field_set(last->annotation, sizeof(last->annotation), tok, (long)tl);
        } else if (tok[0] == '(' && tok[tl - 1] == ')' && tu_is_ip(tok + 1, tl - 2)) {
            field_set(addr, sizeof(addr), tok + 1, (long)(tl - 2));
        } else if (tu_is_ip(tok, tl)) {
            field_set(addr, sizeof(addr), tok, (long)tl);
            name[0] = '\0';
        } else if (isdigit((unsigned char)tok[0]) && i + 5 <= len && strncmp(s + i, " msec", 5) == 0) {
            char num[16];
            field_set(num, sizeof(num), tok, (long)tl);
            last = new_probe(h, addr, name);
            if (last) {
                last->rtt_ms = strtod(num, NULL);
                FIELD_SET(last->annotation, note, -1);
            }
            i += 5;
        } else if (i + 2 <= len && s[i] == ' ' && s[i + 1] == '(') {
            field_set(name, sizeof(name), tok, (long)tl); /* a name; its address follows */
        }
    }
}

int iosxr_traceroute_line(parse_run_t *run, void *state, const char *line, size_t len)
{
    iosxr_trace_state_t *st = state;
    rx_caps_t c;
    const char *s;
    size_t n;
    if (iosxr_is_timestamp(line, len))
        return 0;
    if (rx_match(&target_rx, line, len, &c)) {
        parse_meta_t *m = parse_meta(run);
        if (!rx_copy(&c, "ip1", m->target, sizeof(m->target)))
            rx_copy(&c, "ip2", m->target, sizeof(m->target));
        rx_copy(&c, "name", m->target_name, sizeof(m->target_name));
        return 0;
    }
    if (rx_match(&known_rx, line, len, NULL) || iosxr_is_message(line, len))
        return 0;
    if (rx_match(&hop_rx, line, len, &c)) {
        if (flush(run, st))
            return -1;
        record_init(&st->rec, KIND_TRACEROUTE);
        st->rec.u.hop.ttl = rx_int(&c, "ttl");
        st->open = true;
        rx_named(&c, "rest", &s, &n);
        read_probes(&st->rec.u.hop, s, n);
        if (st->rec.u.hop.n_probes == 0)
            parse_partial(run, "hop line without any probe (cut?)");
        return 0;
    }
    if (st->open && rx_match(&more_rx, line, len, &c)) {
        rx_named(&c, "rest", &s, &n);
        read_probes(&st->rec.u.hop, s, n);
        return 0;
    }
    parse_skip(run);
    return 0;
}

int iosxr_traceroute_finish(parse_run_t *run, void *state)
{
    parse_meta_t *m = parse_meta(run);
    if (!m->target[0]) {
        /* No "Tracing the route" line: the command names the target. */
        const char *cmd = parse_command(run);
        const char *sp = strrchr(cmd, ' ');
        const char *t = sp ? sp + 1 : cmd;
        if (tu_is_ip(t, strlen(t)))
            FIELD_SET(m->target, t, -1);
    }
    return flush(run, state);
}
