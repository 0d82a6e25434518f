/* trace_hop.c: the hop being built, shared by every traceroute dialect. */
#include <stdlib.h>
#include <string.h>

#include "parsers/rx.h"
#include "parsers/record_check.h"
#include "parsers/textutil.h"
#include "parsers/trace/trace.h"

size_t trace_tokens(const char *line, size_t len, trace_tok_t *toks, size_t max)
{
    size_t n = 0, i = 0;
    while (i < len && n < max) {
        while (i < len && (line[i] == ' ' || line[i] == '\t'))
            i++;
        if (i == len)
            break;
        size_t start = i;
        while (i < len && line[i] != ' ' && line[i] != '\t')
            i++;
        toks[n++] = (trace_tok_t){line + start, i - start};
    }
    return n;
}

void trace_state_start(trace_state_t *st, trace_style_t style)
{
    if (st->started)
        return;
    st->started = true;
    st->style = style;
    st->max_hops = MODEL_ABSENT;
    st->last_ttl = MODEL_ABSENT;
    st->mtr_loss_col = 0;
    st->mtr_avg_col = 3; /* Loss% Snt Last Avg Best Wrst StDev */
}

int trace_hop_flush(parse_run_t *run, trace_state_t *st)
{
    if (!st->open)
        return 0;
    st->open = false;
    return parse_emit(run, &st->hop);
}

int trace_hop_begin(parse_run_t *run, trace_state_t *st, int64_t ttl)
{
    int rc = trace_hop_flush(run, st);
    parse_begin_record(run, &st->hop, KIND_TRACEROUTE);
    st->hop.u.hop.ttl = ttl;
    st->open = true;
    st->any_hop = true;
    st->last_ttl = ttl;
    st->cur_addr[0] = st->cur_name[0] = '\0';
    return rc;
}

static bool listed(const trace_hop_t *h, const char *addr, int skip)
{
    for (int i = 0; i < h->n_probes; i++)
        if (i != skip && strcmp(h->probes[i].address, addr) == 0)
            return true;
    return false;
}

/* A full hop keeps its responders: a new address replaces the last '*', else the last RTT of an
 * address that is listed twice; a probe from an address already listed is dropped. */
static void add_overflow(trace_hop_t *h, const trace_probe_t *p)
{
    if (!p->address[0] || listed(h, p->address, -1))
        return;
    for (int i = h->n_probes - 1; i >= 0; i--)
        if (!h->probes[i].address[0]) {
            h->probes[i] = *p;
            return;
        }
    for (int i = h->n_probes - 1; i >= 0; i--)
        if (listed(h, h->probes[i].address, i)) {
            h->probes[i] = *p;
            return;
        }
}

void trace_hop_add(parse_run_t *run, trace_state_t *st, const trace_probe_t *p)
{
    trace_hop_t *h = &st->hop.u.hop;
    const parse_meta_t *m = parse_meta(run);
    if (p->address[0] && m->target[0] && strcmp(p->address, m->target) == 0)
        st->ended = true;
    if (p->annotation[0] == '!' && strchr("HNXPA", p->annotation[1]))
        st->ended = true; /* unreachable: the trace stops here, short of max hops */
    if (h->n_probes < MAX_PROBES)
        h->probes[h->n_probes++] = *p;
    else
        add_overflow(h, p);
}

void trace_annotate(trace_probe_t *p, const char *s, size_t n)
{
    size_t have = strlen(p->annotation);
    if (have && have + 1 < sizeof(p->annotation))
        p->annotation[have++] = ' ';
    if (have + 1 >= sizeof(p->annotation))
        return;
    size_t room = sizeof(p->annotation) - have - 1;
    if (n > room)
        n = room;
    memcpy(p->annotation + have, s, n);
    p->annotation[have + n] = '\0';
}

bool trace_number(const char *s, size_t n, double *out)
{
    if (n == 0 || s[0] == '.')
        return false;
    int dots = 0;
    for (size_t i = 0; i < n; i++) {
        if (s[i] == '.')
            dots++;
        else if (s[i] < '0' || s[i] > '9')
            return false;
    }
    if (dots > 1)
        return false;
    /* A number, but maybe no sane RTT ("99999999999999999999999999999999999.5"): it stays a
     * number for the line's layout, its value is absent (and the result partial). */
    if (!tu_real(s, n, RECORD_MAX_RTT_MS, out))
        *out = -1.0;
    return true;
}

/* "dns.google (8.8.8.8)", "host [10.0.0.1]", "10.1.0.4", "10.1.0.4 (10.1.0.4)". */
void trace_set_target(parse_run_t *run, const char *s, size_t n)
{
    trace_tok_t t[3];
    size_t nt = trace_tokens(s, n, t, 3);
    parse_meta_t *m = parse_meta(run);
    if (nt == 0)
        return;
    const char *a = t[0].s;
    size_t an = t[0].n;
    while (an && (a[an - 1] == ',' || a[an - 1] == ':'))
        an--;
    if (nt >= 2 && t[1].n > 2 && (t[1].s[0] == '(' || t[1].s[0] == '[')) {
        const char *ip = t[1].s + 1;
        size_t ipn = t[1].n - 1;
        while (ipn && (ip[ipn - 1] == ')' || ip[ipn - 1] == ']' || ip[ipn - 1] == ','))
            ipn--;
        if (tu_is_ip(ip, ipn)) {
            FIELD_SET(m->target, ip, (long)ipn);
            if (!(an == ipn && memcmp(a, ip, an) == 0))
                FIELD_SET(m->target_name, a, (long)an);
            return;
        }
    }
    if (tu_is_ip(a, an))
        FIELD_SET(m->target, a, (long)an);
    else
        FIELD_SET(m->target_name, a, (long)an);
}

/* IOS-XR stamps every command: "Wed Nov 25 18:42:31.123 UTC". */
static rx_t stamp_rx = RX("^\\s*(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun) (?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)"
                          "\\s+\\d+ \\d+:\\d+:\\d+(?:\\.\\d+)?(?: \\S+)?\\s*$");

bool trace_timestamp_line(const char *line, size_t len)
{
    return rx_match(&stamp_rx, line, len, NULL);
}

int trace_finish(parse_run_t *run, void *state)
{
    trace_state_t *st = state;
    int rc = trace_hop_flush(run, st);
    if (!st->tracert && st->style == TRACE_STYLE_LINUX && st->any_hop && !st->ended && st->max_hops != MODEL_ABSENT &&
        st->last_ttl < st->max_hops)
        parse_truncated(run, "the trace stops before the target and before its maximum hop count");
    if (st->tracert && st->any_hop && !st->complete)
        parse_truncated(run, "no \"Trace complete.\": the trace was cut off");
    return rc;
}
