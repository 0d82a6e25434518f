/* trace_tracert.c: Windows "tracert" (English).
 *
 *   Tracing route to 10.1.0.4 over a maximum of 30 hops
 *   Tracing route to vm1.example.net [10.1.0.4]
 *   over a maximum of 30 hops:
 *
 *     1    <1 ms    <1 ms    <1 ms  172.16.0.1
 *     2     *        *        *     Request timed out.
 *     3    12 ms    11 ms    12 ms  msee1.example.net [192.168.100.130]
 *     4  192.168.100.130  reports: Destination host unreachable.
 *
 *   Trace complete.
 *
 * The RTT columns come first and the responder last, so every timed probe of a line shares the
 * one address.  "<1 ms" is stored as rtt_ms 0.5 with annotation "<1": the midpoint of what it
 * can mean, and the device's own wording kept. */
#include <string.h>

#include "parsers/rx.h"
#include "parsers/textutil.h"
#include "parsers/trace/trace.h"

static rx_t head_rx = RX("^\\s*Tracing route to (?<t>.+?)(?:\\s+over a maximum of (?<max>\\d+) hops:?)?\\s*$");
static rx_t max_rx = RX("^\\s*over a maximum of (?<max>\\d+) hops:?\\s*$");

/* "reports: Destination host unreachable." -> the Linux-style code the rest of erdiag knows. */
static void report(trace_probe_t *p, const char *s, size_t n)
{
    static const struct { const char *words, *code; } codes[] = {
        {"Destination host unreachable", "!H"}, {"Destination net unreachable", "!N"},
        {"Destination protocol unreachable", "!P"}, {"Destination port unreachable", "!U"},
        {"Communication administratively prohibited", "!X"},
    };
    for (size_t i = 0; i < sizeof(codes) / sizeof(codes[0]); i++)
        if (tu_starts(s, n, codes[i].words)) {
            trace_annotate(p, codes[i].code, 2);
            return;
        }
    trace_annotate(p, s, n);
}

/* The responder after the RTT columns: "10.0.0.1" or "name [10.0.0.1]". */
static bool responder(const trace_tok_t *t, size_t i, size_t nt, char *addr, char *name, size_t *next)
{
    if (i < nt && tu_is_ip(t[i].s, t[i].n)) {
        field_set(addr, ADDR_LEN, t[i].s, (long)t[i].n);
        *next = i + 1;
        return true;
    }
    if (i + 1 < nt && t[i + 1].n > 2 && t[i + 1].s[0] == '[' && t[i + 1].s[t[i + 1].n - 1] == ']' &&
        tu_is_ip(t[i + 1].s + 1, t[i + 1].n - 2)) {
        field_set(name, DESC_LEN / 2, t[i].s, (long)t[i].n);
        field_set(addr, ADDR_LEN, t[i + 1].s + 1, (long)t[i + 1].n - 2);
        *next = i + 2;
        return true;
    }
    return false;
}

/* The RTT columns after the TTL: "*", "12 ms", "<1 ms".  Fills probes (star[k]: a timeout)
 * and returns the index of the first token after them. */
static size_t rtt_columns(const trace_tok_t *t, size_t nt, trace_probe_t *probes, bool *star, int *np)
{
    size_t i = 1;
    while (i < nt && *np < MAX_PROBES) {
        double rtt;
        trace_probe_t *p = &probes[*np];
        trace_probe_init(p);
        star[*np] = tu_eq(t[i].s, t[i].n, "*");
        if (star[*np]) {
            (*np)++, i++;
            continue;
        }
        bool lt = t[i].n > 1 && t[i].s[0] == '<';
        if (i + 1 >= nt || !tu_eq(t[i + 1].s, t[i + 1].n, "ms") || !trace_number(t[i].s + lt, t[i].n - lt, &rtt))
            break;
        p->rtt_ms = lt && rtt >= 0 ? rtt / 2 : rtt;
        if (lt)
            trace_annotate(p, t[i].s, t[i].n);
        (*np)++, i += 2;
    }
    return i;
}

static int hop(parse_run_t *run, trace_state_t *st, const char *line, size_t len)
{
    trace_tok_t t[TRACE_MAX_TOKS];
    size_t nt = trace_tokens(line, len, t, TRACE_MAX_TOKS);
    int64_t ttl = nt ? tu_int(t[0].s, t[0].n) : MODEL_ABSENT;
    if (ttl == MODEL_ABSENT || ttl < 0 || nt < 2) {
        parse_skip_outside(run); /* a hop is its own line: this one is between hops */
        return 0;
    }
    trace_probe_t probes[MAX_PROBES];
    bool star[MAX_PROBES];
    int np = 0;
    size_t i = rtt_columns(t, nt, probes, star, &np);
    char addr[ADDR_LEN] = "", name[DESC_LEN / 2] = "";
    size_t after = i;
    const char *rest = i < nt ? t[i].s : line + len;
    size_t rest_n = (size_t)(line + len - rest);
    bool timed_out = tu_starts(rest, rest_n, "Request timed out");
    bool cut = !timed_out && !responder(t, i, nt, addr, name, &after);
    if (cut && (i < nt || np == 0)) {
        parse_skip_outside(run);
        return 0;
    }
    int rc = trace_hop_begin(run, st, ttl);
    if (cut)
        parse_partial(run, "a hop line is cut off"); /* RTTs read, the responder never printed */
    for (int k = 0; k < np; k++) {
        if (!star[k]) { /* an answer, also when its RTT was out of range */
            FIELD_SET(probes[k].address, addr, -1);
            FIELD_SET(probes[k].name, name, -1);
        }
        trace_hop_add(run, st, &probes[k]);
    }
    if (np == 0 && addr[0]) {
        /* "  4  192.168.100.130  reports: Destination host unreachable." */
        trace_probe_t p;
        trace_probe_init(&p);
        FIELD_SET(p.address, addr, -1);
        FIELD_SET(p.name, name, -1);
        if (after < nt && tu_eq(t[after].s, t[after].n, "reports:") && after + 1 < nt)
            report(&p, t[after + 1].s, (size_t)(line + len - t[after + 1].s));
        trace_hop_add(run, st, &p);
    }
    return rc;
}

int trace_tracert_line(parse_run_t *run, void *state, const char *line, size_t len)
{
    trace_state_t *st = state;
    trace_state_start(st, TRACE_STYLE_LINUX);
    st->tracert = true;
    rx_caps_t c;
    const char *s = line;
    size_t n = len;
    tu_trim(&s, &n);
    if (n == 0)
        return 0;
    if (tu_starts(s, n, "Trace complete")) {
        st->complete = true;
        return 0;
    }
    if (rx_match(&head_rx, line, len, &c)) {
        rx_named(&c, "t", &s, &n);
        trace_set_target(run, s, n);
        st->max_hops = rx_int(&c, "max");
        return 0;
    }
    if (rx_match(&max_rx, line, len, &c)) {
        st->max_hops = rx_int(&c, "max");
        return 0;
    }
    if (tu_starts(s, n, "Unable to resolve target system name"))
        return 0; /* no trace at all: zero hops, nothing cut off */
    return hop(run, st, line, len);
}
