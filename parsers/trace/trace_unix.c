/* trace_unix.c: hop lines as Cisco IOS/IOS-XR and Linux traceroute print them.
 *
 *   Type escape sequence to abort.
 *   Tracing the route to msee1.example.net (192.168.100.130)
 *   VRF info: (vrf in name/id, vrf out name/id)
 *     1 192.168.100.130 [AS 12076] 1 msec 0 msec 1 msec
 *     2 10.1.0.4 [MPLS: Label 24005 Exp 0] 4 msec *  3 msec
 *       10.1.0.8 5 msec                       <- same TTL, another responder
 *     3  *  *  *
 *
 *   traceroute to 10.1.0.4 (10.1.0.4), 30 hops max, 60 byte packets
 *    1  172.16.0.1 (172.16.0.1)  0.412 ms  0.390 ms  0.371 ms
 *    5  10.0.0.1 (10.0.0.1)  1.2 ms 10.0.0.9 (10.0.0.9)  1.3 ms  1.1 ms
 *    6  10.1.0.4 (10.1.0.4)  3.001 ms !H  * 2.9 ms (TOS=0!)
 *
 * Both are a TTL then a run of tokens: an address (optionally "name (address)") switches the
 * responder for the RTTs that follow.  The styles differ on "!H": Cisco prints it instead of an
 * RTT (a probe of its own), Linux after the RTT it qualifies.  A line is checked whole before any
 * of it is applied, so a line we do not understand changes nothing. */
#include <stdio.h>
#include <string.h>

#include "parsers/rx.h"
#include "parsers/textutil.h"
#include "parsers/trace/trace.h"

static rx_t cisco_head_rx = RX("^\\s*Tracing the route to (?<t>.+?)\\s*$");
static rx_t linux_head_rx = RXI("^\\s*traceroute6? to (?<t>.+?)(?:,\\s*(?<max>\\d+) hops max.*)?\\s*$");
static rx_t mpls_rx = RXI("^\\[?MPLS:\\s*Labels?\\s+(?<l>[\\d/]+)\\s+Exp\\s+(?<e>\\d+)\\]?$");
static rx_t linux_mpls_rx = RXI("^<MPLS:L=(?<l>\\d+),E=(?<e>\\d+)");
static rx_t junos_mpls_rx = RX("^\\s+MPLS Label=(?<l>\\d+) CoS=(?<e>\\d+)");
static rx_t vrf_cmd_rx = RXI("\\bvrf (?<vrf>\\S+)");
static rx_t as_rx = RXI("^\\[AS\\s*(?<as>[\\d.]+|\\?+)\\]$");

typedef struct {
    trace_state_t *st;
    parse_run_t *run;
    bool commit;             /* false: only check that every token is understood */
    char addr[ADDR_LEN];
    char name[DESC_LEN / 2];
    char ann[SHORT_LEN];     /* "[MPLS: ...]" / "[AS ...]" qualify the RTTs after them */
    trace_probe_t pend;      /* last probe, still open to a Linux "!H" / "(TOS=0!)" after it */
    bool have_pend;
    bool cut;                /* the line ends in a number without its unit: output cut off */
} walk_t;

static bool tok_is(const trace_tok_t *t, const char *w)
{
    return tu_eq(t->s, t->n, w);
}

static bool is_unit(const trace_tok_t *t)
{
    return tok_is(t, "ms") || tok_is(t, "msec");
}

static void pend_flush(walk_t *w)
{
    if (w->have_pend && w->commit)
        trace_hop_add(w->run, w->st, &w->pend);
    w->have_pend = false;
}

/* Starts a probe from the current responder; rtt < 0 for none. */
static trace_probe_t *pend_new(walk_t *w, double rtt, bool star)
{
    pend_flush(w);
    trace_probe_init(&w->pend);
    w->have_pend = true;
    if (star)
        return &w->pend;
    FIELD_SET(w->pend.address, w->addr, -1);
    FIELD_SET(w->pend.name, w->name, -1);
    w->pend.rtt_ms = rtt;
    if (w->ann[0])
        trace_annotate(&w->pend, w->ann, strlen(w->ann));
    return &w->pend;
}

/* "0.394ms", "1msec" (inetutils glues the unit on). */
static bool glued_rtt(const trace_tok_t *t, double *rtt)
{
    size_t n = t->n;
    if (n > 4 && tu_eq(t->s + n - 4, 4, "msec"))
        n -= 4;
    else if (n > 2 && tu_eq(t->s + n - 2, 2, "ms"))
        n -= 2;
    else
        return false;
    return trace_number(t->s, n, rtt);
}

static void set_ann(walk_t *w, const char *s, size_t n)
{
    if (w->ann[0] && strlen(w->ann) + 2 < sizeof(w->ann)) {
        size_t have = strlen(w->ann);
        w->ann[have] = ' ';
        w->ann[have + 1] = '\0';
        size_t room = sizeof(w->ann) - have - 2;
        strncat(w->ann, s, n < room ? n : room);
    } else if (!w->ann[0]) {
        field_set(w->ann, sizeof(w->ann), s, (long)n);
    }
}

/* A bracketed group spread over tokens: "[MPLS:" "Label" "24005" "Exp" "0]", "[AS" "12076]".
 * Returns the index of its last token, or 0 when it is not one we know. */
static size_t bracket(walk_t *w, const trace_tok_t *t, size_t i, size_t nt)
{
    size_t j = i;
    while (j < nt && t[j].s[t[j].n - 1] != ']')
        j++;
    if (j == nt)
        return 0;
    const char *s = t[i].s;
    size_t n = (size_t)(t[j].s + t[j].n - s);
    rx_caps_t c;
    char buf[SHORT_LEN];
    if (rx_match(&mpls_rx, s, n, &c)) {
        char l[SHORT_LEN] = "", e[8] = "";
        rx_copy(&c, "l", l, sizeof(l));
        rx_copy(&c, "e", e, sizeof(e));
        int k = snprintf(buf, sizeof(buf), "MPLS Label %s Exp %s", l, e);
        set_ann(w, buf, k < 0 ? 0 : (size_t)k >= sizeof(buf) ? sizeof(buf) - 1 : (size_t)k);
        return j;
    }
    if (rx_match(&as_rx, s, n, &c)) {
        char as[16] = "";
        rx_copy(&c, "as", as, sizeof(as));
        if (as[0] != '?') {
            int k = snprintf(buf, sizeof(buf), "AS %s", as);
            set_ann(w, buf, k < 0 ? 0 : (size_t)k);
        }
        return j;
    }
    if (n == 3 && memcmp(s, "[*]", 3) == 0) /* traceroute -A: no AS known */
        return j;
    return 0;
}

/* "!H", "!N", "!X", "!<10>", "!F-1500"; Cisco also prints bare letters for ICMP codes. */
static bool icmp_code(const walk_t *w, const trace_tok_t *t)
{
    if (t->n >= 2 && t->s[0] == '!')
        return true;
    return w->st->style == TRACE_STYLE_CISCO && w->addr[0] && t->n == 1 && strchr("AQUNPH?", t->s[0]);
}

static bool paren_ip(const trace_tok_t *t, const char **ip, size_t *n)
{
    if (t->n < 4 || t->s[0] != '(' || t->s[t->n - 1] != ')')
        return false;
    *ip = t->s + 1;
    *n = t->n - 2;
    return tu_is_ip(*ip, *n);
}

static bool walk(walk_t *w, const trace_tok_t *t, size_t start, size_t nt)
{
    for (size_t i = start; i < nt; i++) {
        double rtt;
        rx_caps_t c;
        const char *ip;
        size_t ipn;
        if (tok_is(&t[i], "*")) {
            pend_new(w, -1, true);
        } else if (trace_number(t[i].s, t[i].n, &rtt)) {
            if (i + 1 == nt) {
                w->cut = true;
                break;
            }
            if (!is_unit(&t[i + 1]))
                return false;
            pend_new(w, rtt, false);
            i++;
        } else if (glued_rtt(&t[i], &rtt)) {
            pend_new(w, rtt, false);
        } else if (i + 1 < nt && paren_ip(&t[i + 1], &ip, &ipn)) {
            field_set(w->name, sizeof(w->name), t[i].s, (long)t[i].n);
            field_set(w->addr, sizeof(w->addr), ip, (long)ipn);
            w->ann[0] = '\0';
            if (strcmp(w->name, w->addr) == 0) /* Linux prints the address twice when unnamed */
                w->name[0] = '\0';
            i++;
        } else if (tu_is_ip(t[i].s, t[i].n)) {
            field_set(w->addr, sizeof(w->addr), t[i].s, (long)t[i].n);
            w->name[0] = w->ann[0] = '\0';
        } else if (t[i].s[0] == '[') {
            size_t j = bracket(w, t, i, nt);
            if (!j)
                return false;
            i = j;
        } else if (rx_match(&linux_mpls_rx, t[i].s, t[i].n, &c)) {
            char buf[SHORT_LEN], l[16] = "", e[8] = "";
            rx_copy(&c, "l", l, sizeof(l));
            rx_copy(&c, "e", e, sizeof(e));
            int k = snprintf(buf, sizeof(buf), "MPLS Label %s Exp %s", l, e);
            set_ann(w, buf, k < 0 ? 0 : (size_t)k >= sizeof(buf) ? sizeof(buf) - 1 : (size_t)k);
        } else if (icmp_code(w, &t[i])) {
            if (w->st->style == TRACE_STYLE_CISCO || !w->have_pend)
                pend_new(w, -1, false);
            trace_annotate(&w->pend, t[i].s, t[i].n);
        } else if ((tu_starts(t[i].s, t[i].n, "(TOS=") || t[i].s[0] == '<') && w->have_pend) {
            trace_annotate(&w->pend, t[i].s, t[i].n); /* "(TOS=0!)", "<syn,ack>" */
        } else {
            return false;
        }
    }
    pend_flush(w);
    return true;
}

/* A hop line: "  2 10.1.0.4 4 msec *  3 msec", or a Cisco continuation "    10.1.0.8 5 msec". */
static int hop_line(parse_run_t *run, trace_state_t *st, const char *line, size_t len)
{
    trace_tok_t t[TRACE_MAX_TOKS];
    size_t nt = trace_tokens(line, len, t, TRACE_MAX_TOKS);
    int64_t ttl = tu_int(t[0].s, t[0].n);
    bool has_ttl = ttl != MODEL_ABSENT && ttl >= 0 && t[0].s[0] != '-';
    if (!has_ttl && !(st->open && (line[0] == ' ' || line[0] == '\t'))) {
        parse_skip_outside(run); /* neither a hop nor an indented continuation of one */
        return 0;
    }
    walk_t w = {.st = st, .run = run};
    if (!has_ttl) {
        memcpy(w.addr, st->cur_addr, sizeof(w.addr));
        memcpy(w.name, st->cur_name, sizeof(w.name));
    }
    walk_t dry = w;
    if (!walk(&dry, t, has_ttl ? 1 : 0, nt)) {
        (has_ttl ? parse_skip_outside : parse_skip)(run); /* a continuation is its hop's */
        return 0;
    }
    int rc = has_ttl ? trace_hop_begin(run, st, ttl) : 0;
    w.commit = true;
    walk(&w, t, has_ttl ? 1 : 0, nt);
    memcpy(st->cur_addr, w.addr, sizeof(st->cur_addr));
    memcpy(st->cur_name, w.name, sizeof(st->cur_name));
    if (w.cut)
        parse_partial(run, "a hop line is cut off");
    return rc;
}

static bool blank(const char *line, size_t len)
{
    for (size_t i = 0; i < len; i++)
        if (line[i] != ' ' && line[i] != '\t')
            return false;
    return true;
}

/* Junos (and Linux traceroute -e on older builds) put the label stack on lines of their own
 * under the hop: "     MPLS Label=24005 CoS=0 TTL=1 S=1".  It qualifies the probes from the
 * hop's current responder. */
static void label_line(trace_state_t *st, const rx_caps_t *c)
{
    char l[16] = "", e[8] = "", buf[SHORT_LEN];
    rx_copy(c, "l", l, sizeof(l));
    rx_copy(c, "e", e, sizeof(e));
    int k = snprintf(buf, sizeof(buf), "MPLS Label %s Exp %s", l, e);
    trace_hop_t *h = &st->hop.u.hop;
    for (int i = 0; i < h->n_probes; i++)
        if (h->probes[i].address[0] && strcmp(h->probes[i].address, st->cur_addr) == 0 &&
            !strstr(h->probes[i].annotation, buf))
            trace_annotate(&h->probes[i], buf, k < 0 ? 0 : (size_t)k);
}

static int unix_line(parse_run_t *run, trace_state_t *st, const char *line, size_t len)
{
    rx_caps_t c;
    const char *s;
    size_t n;
    if (st->open && rx_match(&junos_mpls_rx, line, len, &c)) {
        label_line(st, &c);
        return 0;
    }
    if (blank(line, len) || trace_timestamp_line(line, len) || tu_starts(line, len, "VRF info:") ||
        tu_starts(line, len, "traceroute: ") /* warnings: "Multiple interfaces found" */)
        return 0;
    if (tu_starts(line, len, "Type escape sequence")) {
        st->style = TRACE_STYLE_CISCO;
        return 0;
    }
    if (rx_match(&cisco_head_rx, line, len, &c)) {
        st->style = TRACE_STYLE_CISCO;
        rx_named(&c, "t", &s, &n);
        trace_set_target(run, s, n);
        return 0;
    }
    if (rx_match(&linux_head_rx, line, len, &c)) {
        st->style = TRACE_STYLE_LINUX; /* NX-OS runs the Linux traceroute behind its prompt */
        rx_named(&c, "t", &s, &n);
        trace_set_target(run, s, n);
        st->max_hops = rx_int(&c, "max");
        return 0;
    }
    return hop_line(run, st, line, len);
}

/* "traceroute vrf CUST 10.1.0.4": the trace ran in that VRF (read once, on the first line). */
static void command_vrf(parse_run_t *run)
{
    rx_caps_t c;
    const char *cmd = parse_command(run);
    if (cmd && rx_match(&vrf_cmd_rx, cmd, strlen(cmd), &c))
        rx_copy(&c, "vrf", parse_meta(run)->vrf, sizeof(parse_meta(run)->vrf));
}

int trace_cisco_line(parse_run_t *run, void *state, const char *line, size_t len)
{
    trace_state_t *st = state;
    if (!st->started)
        command_vrf(run);
    trace_state_start(st, TRACE_STYLE_CISCO);
    return unix_line(run, st, line, len);
}

int trace_linux_line(parse_run_t *run, void *state, const char *line, size_t len)
{
    trace_state_t *st = state;
    trace_state_start(st, TRACE_STYLE_LINUX);
    return unix_line(run, st, line, len);
}
