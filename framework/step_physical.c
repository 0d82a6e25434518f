/* step_physical.c: steps 1 and 2 of the BGP runbook: the link that holds the peering subnet,
 * and the ARP / ND entry of the peer on it.
 *
 * Physical-layer thresholds (per interval between the two polls of PROBE_INTERFACES):
 *   FAIL interface_errors  input errors (or CRC) grew by more than 0.1% of the frames received
 *                          in the interval (framework/counter_rate.h), or faster than 100
 *                          errors per minute (only when the polls' times are known);
 *   WARN interface_errors  any CRC / input-error growth below that, any new carrier transition,
 *                          any new interface reset (the link is flapping or degrading);
 *   PASS (with a note)     totals that did not move: old damage, not today's fault.
 * Without an earlier poll only totals exist: an error total above 0.1% of all input packets
 * WARNs, a smaller one PASSes with a note that growth was not measured. */
#include <inttypes.h>
#include <math.h>
#include <stdio.h>
#include <string.h>
#include <strings.h>

#include "core/prefix.h"
#include "framework/counter_rate.h"
#include "framework/steps.h"

#define ERR_FAIL_PER_MIN 100.0
#define ERR_FAIL_RATIO 0.001

/* ---- locating the interface ---- */

/* True when one of the interface's addresses satisfies the test. */
bool iface_holds(const iface_t *i, const device_t *d, bool in_subnet)
{
    for (int fam = 0; fam < 2; fam++) {
        int n = fam ? i->n_ipv6 : i->n_ipv4;
        for (int k = 0; k < n && k < MAX_ADDRS; k++) {
            ip_prefix_t p;
            if (!prefix_parse(fam ? i->ipv6[k] : i->ipv4[k], &p))
                continue;
            if (in_subnet ? d->has_subnet && prefix_contains(&d->subnet, &p.addr)
                          : d->has_peer_ip && p.len < (p.addr.family == 4 ? 32 : 128) &&
                                prefix_contains(&p, &d->peer_ip))
                return true;
        }
    }
    return false;
}

/* The interface holding the peering subnet: an address inside the subnet, else a network that
 * contains the peer, else the inventory's interface name.  NULL when none does. */
const iface_t *peering_iface(const fact_t *f, const device_t *d)
{
    for (int pass = 0; pass < 3; pass++) {
        for (size_t r = 0; r < f->n_records; r++) {
            const iface_t *i = &f->records[r].u.iface;
            if (f->records[r].kind != KIND_INTERFACES)
                continue;
            if (pass < 2 ? iface_holds(i, d, pass == 0) : d->interface[0] && !strcmp(i->name, d->interface))
                return i;
        }
    }
    return NULL;
}

static const iface_t *find_by_name(const fact_t *f, const char *name)
{
    for (size_t r = 0; f && r < f->n_records; r++)
        if (f->records[r].kind == KIND_INTERFACES && !strcmp(f->records[r].u.iface.name, name))
            return &f->records[r].u.iface;
    return NULL;
}

/* A sub-interface or logical unit ("Gi0/0/0.100", "xe-0/1/0.0") carries the address, but the
 * errors and carrier are counted on its parent port. */
static const iface_t *find_parent(const fact_t *f, const iface_t *i)
{
    const char *dot = strrchr(i->name, '.');
    if (!dot || dot == i->name)
        return NULL;
    char parent[NAME_LEN];
    snprintf(parent, sizeof(parent), "%.*s", (int)(dot - i->name), i->name);
    return find_by_name(f, parent);
}

/* name stands alone on the line: "Ethernet1/1" is not a piece of "Ethernet1/10",
 * "GigabitEthernet1/1" or "Ethernet1/1.100". */
static bool has_name(const char *line, size_t len, const char *name)
{
    size_t n = strlen(name);
    for (size_t k = 0; n && k + n <= len; k++) {
        if (memcmp(line + k, name, n))
            continue;
        char before = k ? line[k - 1] : ' ', after = k + n < len ? line[k + n] : ' ';
        bool word = (before == ' ' || before == '\t' || before == ':' || before == ',');
        if (word && (after == ' ' || after == ',' || after == '\t' || after == '\r'))
            return true;
    }
    return false;
}

static bool has_text(const char *line, size_t len, const char *text)
{
    size_t n = strlen(text);
    for (size_t k = 0; k + n <= len; k++)
        if (!memcmp(line + k, text, n))
            return true;
    return false;
}

/* A view of f starting at the line that introduces the interface (its name and, preferably,
 * its status), so that evidence searches quote this interface's lines, not another's. */
static fact_t block_of(const fact_t *f, const iface_t *i)
{
    fact_t b = *f;
    const char *end = f->raw ? f->raw + f->raw_len : NULL;
    for (int pass = 0; pass < 2; pass++) {
        for (const char *p = f->raw; p && p < end;) {
            const char *nl = memchr(p, '\n', (size_t)(end - p));
            size_t len = nl ? (size_t)(nl - p) : (size_t)(end - p);
            if (has_name(p, len, i->name) && (pass || (i->raw_status[0] && has_text(p, len, i->raw_status)))) {
                b.raw = p;
                b.raw_len = (size_t)(end - p);
                return b;
            }
            p = nl ? nl + 1 : end;
        }
    }
    return b;
}

/* ---- judging state ---- */

bool iface_down(const iface_t *i, const char **why)
{
    if (i->admin_status == UPDOWN_DOWN) {
        *why = "administratively down";
        return true;
    }
    if (i->oper_status == UPDOWN_DOWN) {
        *why = "down";
        return true;
    }
    if (i->protocol_status == UPDOWN_DOWN) {
        *why = "up, line protocol down";
        return true;
    }
    return false;
}

static void quote_status(step_result_t *s, const fact_t *f, const iface_t *i)
{
    fact_t b = block_of(f, i);
    const char *needles[] = {i->name, NULL};
    step_evidence(s, &b, needles);
}

/* ---- judging counters ---- */

typedef struct {
    const char *what;   /* "CRC errors" */
    const char *needle; /* a word on the line that prints it */
    int64_t now, before;
    bool has_before;
} counter_t;

static bool has(int64_t v)
{
    return v != MODEL_ABSENT;
}

/* Errors proper (input errors, CRC), as opposed to link events (carrier, resets). */
static bool is_error(const counter_t *c)
{
    return strstr(c->what, "errors") != NULL;
}

static int64_t growth(const counter_t *c)
{
    return c->has_before && c->now >= c->before ? c->now - c->before : 0;
}

/* The counters that matter, from the port that counts them. */
static int load_counters(const iface_t *now, const iface_t *before, counter_t out[4])
{
    struct {
        const char *what, *needle;
        int64_t a, b;
    } all[] = {
        {"CRC errors", "CRC", now->crc, before ? before->crc : MODEL_ABSENT},
        {"input errors", "rror", now->in_errors, before ? before->in_errors : MODEL_ABSENT},
        {"carrier transitions", "arrier", now->carrier_transitions, before ? before->carrier_transitions : MODEL_ABSENT},
        {"interface resets", "reset", now->resets, before ? before->resets : MODEL_ABSENT},
    };
    int n = 0;
    for (size_t k = 0; k < sizeof(all) / sizeof(all[0]); k++) {
        if (!has(all[k].a))
            continue;
        out[n] = (counter_t){all[k].what, all[k].needle, all[k].a, all[k].b, has(all[k].b)};
        n++;
    }
    return n;
}

/* num stands alone on the line (not a piece of "1514" or "10Gbps"). */
static bool has_number(const char *line, size_t len, const char *num)
{
    size_t n = strlen(num);
    for (size_t k = 0; k + n <= len; k++) {
        bool left = k == 0 || line[k - 1] < '0' || line[k - 1] > '9';
        bool right = k + n == len || line[k + n] < '0' || line[k + n] > '9';
        if (left && right && !memcmp(line + k, num, n))
            return true;
    }
    return false;
}

/* The line with its digits dropped: "25 input errors, 25 CRC" and "4025 input errors, 4025 CRC"
 * have the same shape, so the earlier poll is quoted from the same line as the latest. */
static void shape_of(const char *line, char *out, size_t size)
{
    size_t w = 0;
    for (const char *p = line; *p && w + 1 < size; p++)
        if (*p < '0' || *p > '9')
            out[w++] = *p;
    out[w] = '\0';
}

/* Quotes the line of the interface's block that prints counter c with value v; with a shape,
 * only a line of that shape.  Writes the quoted line's shape to shape_out when given. */
static void quote_counter(step_result_t *s, const fact_t *f, const iface_t *i, const counter_t *c, int64_t v,
                          const char *shape, char *shape_out, size_t size)
{
    if (!f || !i)
        return;
    char num[24], line[320], sh[320];
    snprintf(num, sizeof(num), "%" PRId64, v);
    fact_t b = block_of(f, i);
    const char *p = b.raw, *end = b.raw + b.raw_len;
    while (p && p < end) {
        const char *nl = memchr(p, '\n', (size_t)(end - p));
        size_t len = nl ? (size_t)(nl - p) : (size_t)(end - p);
        snprintf(line, sizeof(line), "%.*s", (int)(len < sizeof(line) ? len : sizeof(line) - 1), p);
        size_t w = strlen(line);
        while (w && (line[w - 1] == '\r' || line[w - 1] == ' '))
            line[--w] = '\0'; /* as fact_find_line compares it */
        const char *text = line + strspn(line, " \t");
        shape_of(text, sh, sizeof(sh));
        if (strstr(line, c->needle) && has_number(p, len, num) && (!shape || !strcmp(sh, shape))) {
            const char *needles[] = {text, NULL};
            if (step_evidence(s, &b, needles) && shape_out)
                snprintf(shape_out, size, "%s", sh);
            return;
        }
        p = nl ? nl + 1 : end;
    }
}

typedef struct {
    const fact_t *now_f, *before_f;
    const iface_t *now, *before; /* the port that counts (parent of a sub-interface) */
    double minutes;              /* interval between the polls; <= 0 unknown (no poll times) */
    bool cleared;                /* a counter went backwards: cleared between polls */
} polls_t;

static int64_t packets_between(const polls_t *p)
{
    return has(p->now->in_packets) && p->before && has(p->before->in_packets) ? p->now->in_packets - p->before->in_packets
                                                                              : -1;
}

/* Error growth as a rate (framework/counter_rate.h); FAIL over the thresholds. */
static bool errors_critical(const polls_t *p, int64_t errs, counter_rate_t *rate)
{
    *rate = counter_rate(errs, packets_between(p), p->minutes * 60);
    if (errs > 0 && rate->no_packets)
        return true; /* nothing good arrived, only errors */
    return rate->per_min > ERR_FAIL_PER_MIN || rate->share > ERR_FAIL_RATIO;
}

/* Judges growth between two polls; returns true when it gave a verdict (FAIL/WARN). */
static bool judge_growth(step_result_t *s, const evidence_t *ev, const polls_t *p, const char *iface, char *note, size_t size)
{
    counter_t c[4];
    int n = load_counters(p->now, p->before, c);
    const counter_t *err = NULL, *worst = NULL;
    char grew[320] = "";
    size_t w = 0;
    for (int k = 0; k < n; k++) {
        int64_t g = growth(&c[k]);
        if (!g)
            continue;
        if (is_error(&c[k]) && (!err || g > growth(err)))
            err = &c[k];
        if (!worst)
            worst = &c[k];
        if (p->minutes > 0)
            w += (size_t)snprintf(grew + w, w < sizeof(grew) ? sizeof(grew) - w : 0, "%s+%" PRId64 " %s (%.1f/min)",
                                  w ? ", " : "", g, c[k].what, (double)g / p->minutes);
        else
            w += (size_t)snprintf(grew + w, w < sizeof(grew) ? sizeof(grew) - w : 0, "%s+%" PRId64 " %s", w ? ", " : "", g,
                                  c[k].what);
    }
    if (!worst) {
        /* A large total that does not move is old damage: noted, not judged. */
        const counter_t *old = NULL;
        for (int k = 0; k < n && !old; k++)
            old = is_error(&c[k]) && c[k].now > 0 ? &c[k] : NULL;
        char total[96] = "";
        if (old)
            snprintf(total, sizeof(total), " (%" PRId64 " %s in total, none new)", old->now, old->what);
        snprintf(note, size, "; counters steady between the two polls%s%s", p->minutes > 0 ? "" : " (interval unknown)", total);
        return false;
    }
    counter_rate_t rate = {-1, -1, false};
    bool fail = err && errors_critical(p, growth(err), &rate);
    /* Without poll times there is no per-minute figure: the growth is per poll, and says so. */
    char interval[96] = " between two polls of unknown interval (per poll: no poll times recorded)";
    if (p->minutes > 0)
        snprintf(interval, sizeof(interval), " in %.1f min", p->minutes);
    char share[80] = "";
    if (rate.share >= 0)
        snprintf(share, sizeof(share), ", %.2f%% of the frames received", rate.share * 100);
    else if (err && rate.no_packets)
        snprintf(share, sizeof(share), ", and no good packet received between the polls");
    char limit[48] = "";
    if (p->minutes > 0)
        snprintf(limit, sizeof(limit), "%.0f/min %s ", ERR_FAIL_PER_MIN, fail ? "or" : "and");
    if (fail)
        step_fail(s, "interface_errors", "%s errors are rising: %s%s%s (FAIL above %s%.1f%% of the frames)", iface, grew,
                  interval, share, limit, ERR_FAIL_RATIO * 100);
    else
        step_warn(s, "interface_errors", "%s counters are rising: %s%s%s (below the failure threshold of %s%.1f%% of the frames)",
                  iface, grew, interval, share, limit, ERR_FAIL_RATIO * 100);
    char shape[320] = "";
    quote_counter(s, p->now_f, p->now, worst, worst->now, NULL, shape, sizeof(shape));
    quote_counter(s, p->before_f, p->before, worst, worst->before, shape[0] ? shape : NULL, NULL, 0);
    step_remedy(s, ev, "interface_errors", iface, NULL);
    return true;
}

/* Only totals (no earlier poll, or counters cleared): a high error share WARNs. */
static bool judge_totals(step_result_t *s, const evidence_t *ev, const polls_t *p, const char *iface, const char *why,
                         char *note, size_t size)
{
    counter_t c[4];
    int n = load_counters(p->now, NULL, c);
    const counter_t *err = NULL, *first = NULL;
    for (int k = 0; k < n; k++) {
        if (c[k].now > 0 && !err && is_error(&c[k]))
            err = &c[k];
        if (c[k].now > 0 && !first && is_error(&c[k]))
            first = &c[k];
    }
    if (!first) {
        snprintf(note, size, "; no error counted (%s)", why);
        return false;
    }
    double share = err && has(p->now->in_packets) && p->now->in_packets > 0 ? (double)err->now / (double)p->now->in_packets : 0;
    if (err && (share > ERR_FAIL_RATIO || p->now->in_packets == 0)) {
        step_warn(s, "interface_errors", "%s has %" PRId64 " %s in total (%.2f%% of input packets); %s, so whether they are still rising is unknown",
                  iface, err->now, err->what, share * 100, why);
        quote_counter(s, p->now_f, p->now, err, err->now, NULL, NULL, 0);
        step_remedy(s, ev, "interface_errors", iface, NULL);
        return true;
    }
    if (err)
        first = err;
    snprintf(note, size, "; %" PRId64 " %s in total, a small share of traffic (%s: growth not measured)", first->now,
             first->what, why);
    quote_counter(s, p->now_f, p->now, first, first->now, NULL, NULL, 0);
    return false;
}

/* Performance data: the CRC total, and its share of the frames between the polls. */
static void measure_crc(step_result_t *s, const polls_t *p)
{
    if (!has(p->now->crc))
        return;
    step_metric(s, "crc_errors", (double)p->now->crc, "c", NAN, NAN, 0, NAN);
    if (!p->before || p->cleared || !has(p->before->crc))
        return;
    counter_rate_t r = counter_rate(p->now->crc - p->before->crc, packets_between(p), p->minutes * 60);
    if (r.share >= 0)
        step_metric(s, "crc_rate", r.share * 100, "%", 0, ERR_FAIL_RATIO * 100, 0, 100);
}

static void subnet_text(const device_t *d, char *buf, size_t size)
{
    char a[ADDR_LEN] = "";
    if (d->has_subnet)
        prefix_to_string(&d->subnet, true, buf, size);
    else if (d->has_peer_ip) {
        ip_to_string(&d->peer_ip, a, sizeof(a));
        snprintf(buf, size, "the network of peer %s", a);
    } else
        snprintf(buf, size, "%s", d->interface[0] ? d->interface : "(no subnet, peer or interface in the inventory)");
}

static bool counters_went_back(const iface_t *now, const iface_t *before)
{
    return (has(now->in_packets) && has(before->in_packets) && now->in_packets < before->in_packets) ||
           (has(now->crc) && has(before->crc) && now->crc < before->crc) ||
           (has(now->in_errors) && has(before->in_errors) && now->in_errors < before->in_errors);
}

/* The state of the holding interface and its parent port: FAIL link_down when either is down. */
static bool judge_state(step_result_t *s, const evidence_t *ev, const fact_t *f, const iface_t *hold, const iface_t *port)
{
    const char *why = NULL;
    const iface_t *bad = iface_down(port, &why) ? port : iface_down(hold, &why) ? hold : NULL;
    if (!bad)
        return false;
    char sub[PREFIX_LEN + 32];
    subnet_text(ev->device, sub, sizeof(sub));
    bool say_raw = bad->raw_status[0] && !strstr(why, bad->raw_status);
    step_fail(s, "link_down", "%s is %s%s%s%s (it holds %s)", bad->name, why, say_raw ? " (\"" : "",
              say_raw ? bad->raw_status : "", say_raw ? "\")" : "", sub);
    quote_status(s, f, bad);
    if (bad != hold)
        quote_status(s, f, hold);
    step_remedy(s, ev, "link_down", bad->name, NULL); /* the one that is down: the port or the unit */
    return true;
}

static bool has_state(const iface_t *i)
{
    return i->admin_status != UPDOWN_ABSENT || i->oper_status != UPDOWN_ABSENT || i->protocol_status != UPDOWN_ABSENT;
}

/* A state missing from an interface whose block was not read whole may be in the unread
 * part: SKIPs s and returns true. */
static bool state_unread(step_result_t *s, const fact_t *f, const iface_t *i)
{
    char what[NAME_LEN + 32];
    snprintf(what, sizeof(what), "the state of %s", i->name);
    return step_need_value(s, f, i, has_state(i), what);
}

/* Counters missing from a port whose block was cut (not merely holding an unknown line) may
 * be past the cut, and they decide between PASS and interface_errors: SKIPs s, true. */
static bool counters_cut(step_result_t *s, const fact_t *f, const iface_t *port)
{
    const record_t *r = fact_record(f, port);
    bool cut = r && r->partial && r->n_skipped == 0;
    char what[NAME_LEN + 32];
    snprintf(what, sizeof(what), "the error counters of %s", port->name);
    return step_need_value(s, f, port, !cut || has(port->crc) || has(port->in_errors), what);
}

/* The verdict from the holding interface and its port; *hold_out and *port_out say which records it
 * was judged from (NULL when none). */
static void judge_physical(const evidence_t *ev, step_result_t *s, const iface_t **hold_out, const iface_t **port_out)
{
    const fact_t *f = &ev->facts[PROBE_INTERFACES];
    if (step_need(s, f, "interfaces"))
        return;
    if (f->kind != KIND_INTERFACES) {
        step_skip(s, "no parser reads '%s': interface state cannot be judged", f->command);
        return;
    }
    const iface_t *hold = peering_iface(f, ev->device);
    char sub[PREFIX_LEN + 80];
    subnet_text(ev->device, sub, sizeof(sub));
    if (!hold) {
        step_skip(s, "no interface in '%s' holds %s%s (the addressing step judges the subnet)", f->command, sub,
                  fact_absence_unproven(f) ? "; the output was cut, so it may be past the cut" : "");
        return;
    }
    const iface_t *parent = find_parent(f, hold);
    const iface_t *port = parent ? parent : hold;
    *hold_out = hold;
    *port_out = port;
    if (state_unread(s, f, hold) || state_unread(s, f, port) || judge_state(s, ev, f, hold, port))
        return;

    const fact_t *e = &ev->earlier[PROBE_INTERFACES];
    const iface_t *before = fact_usable(e) && e->kind == KIND_INTERFACES ? find_by_name(e, port->name) : NULL;
    /* at is 0 when a replayed poll has no recorded time: then the interval is unknown. */
    bool timed = before && f->at > 0 && e->at > 0;
    polls_t p = {f, before ? e : NULL, port, before, timed ? (f->at - e->at) / 60.0 : 0, false};
    p.cleared = before && counters_went_back(port, before);
    measure_crc(s, &p);
    char note[400] = "";
    if (before && !p.cleared) {
        if (judge_growth(s, ev, &p, port->name, note, sizeof(note)))
            return;
    } else {
        const char *why = p.cleared ? "counters were cleared between the polls" : "no earlier poll";
        if (judge_totals(s, ev, &p, port->name, why, note, sizeof(note)))
            return;
    }
    if (counters_cut(s, f, port))
        return;
    step_pass(s, "%s holds %s and is up/up%s%s%s", hold->name, sub, parent ? " on " : "", parent ? parent->name : "", note);
    quote_status(s, f, hold);
    if (parent)
        quote_status(s, f, parent);
}

/* A line the parser could not read elsewhere in the answer does not matter; one in the block
 * of the interface or port judged from is said, after the verdict it did not prevent. */
void step_physical(const evidence_t *ev, step_result_t *s)
{
    const iface_t *hold = NULL, *port = NULL;
    judge_physical(ev, s, &hold, &port);
    const fact_t *f = &ev->facts[PROBE_INTERFACES];
    if (s->verdict == VERDICT_SKIP)
        return; /* a SKIP already says why */
    if (hold)
        step_note_unread(s, f, hold, hold->name);
    if (port && port != hold)
        step_note_unread(s, f, port, port->name);
}

/* ---- ARP / neighbor discovery ---- */

static const arp_entry_t *find_arp(const fact_t *f, const ip_addr_t *peer)
{
    for (size_t r = 0; r < f->n_records; r++) {
        ip_addr_t a;
        if (f->records[r].kind == KIND_ARP && ip_parse(f->records[r].u.arp.address, &a) && ip_equal(&a, peer))
            return &f->records[r].u.arp;
    }
    return NULL;
}

/* ExpressRoute: the customer takes the first usable address (odd last octet, ::1 of a /126),
 * Microsoft the second (even).  An odd peer means the addresses are the wrong way round. */
static bool peer_is_odd(const device_t *d)
{
    const ip_addr_t *a = &d->peer_ip;
    int last = a->family == 4 ? 3 : 15;
    int len = d->has_subnet ? d->subnet.len : (a->family == 4 ? 30 : 126);
    bool pair = (a->family == 4 && (len == 30 || len == 29)) || (a->family == 6 && (len == 126 || len == 125));
    return pair && (a->bytes[last] & 1);
}

/* The interface that holds addr itself, or NULL. */
static const iface_t *iface_holding(const fact_t *f, const ip_addr_t *addr, const char **text)
{
    for (size_t r = 0; r < f->n_records; r++) {
        const iface_t *i = &f->records[r].u.iface;
        for (int k = 0; f->records[r].kind == KIND_INTERFACES && k < i->n_ipv4 + i->n_ipv6 && k < 2 * MAX_ADDRS; k++) {
            const char *t = k < i->n_ipv4 ? i->ipv4[k] : i->ipv6[k - i->n_ipv4];
            ip_prefix_t p;
            if (prefix_parse(t, &p) && ip_equal(&p.addr, addr)) {
                *text = t;
                return i;
            }
        }
    }
    return NULL;
}

/* The peer's address is this router's own: the swapped-address fault, never an ARP PASS.  An
 * interface holding it decides; without a whole interface answer, an ARP entry the platform
 * marks as the router's own (IOS "-" age, IOS-XR "Interface") does. */
static bool judge_own_address(step_result_t *s, const evidence_t *ev, const arp_entry_t *a, const char *peer)
{
    const fact_t *fi = &ev->facts[PROBE_INTERFACES], *fa = &ev->facts[PROBE_ARP];
    const char *text = NULL;
    const iface_t *own = NULL;
    bool whole = fact_usable(fi) && fi->kind == KIND_INTERFACES && !fi->partial;
    if (fact_usable(fi) && fi->kind == KIND_INTERFACES)
        own = iface_holding(fi, &ev->device->peer_ip, &text);
    bool arp_own = a && !strcasecmp(a->state, "interface");
    if (!own && (whole || !arp_own))
        return false;
    char held[NAME_LEN + PREFIX_LEN + 16] = "";
    if (own)
        snprintf(held, sizeof(held), " (%s holds %s)", own->name, text);
    step_fail(s, "address_swapped", "%s is this router's own address%s%s: the CE holds the address meant for the "
              "MSEE, so the two addresses of the peering subnet are swapped", peer, held,
              arp_own ? "; its ARP entry has no age, as the router's own entries have" : "");
    const char *needles[] = {peer, NULL};
    if (a)
        step_evidence(s, fa, needles);
    if (own) {
        char bare[PREFIX_LEN];
        snprintf(bare, sizeof(bare), "%.*s", (int)strcspn(text, "/"), text);
        const char *addr[] = {bare, NULL};
        step_evidence(s, fi, addr);
    }
    step_remedy(s, ev, "address_swapped", own ? own->name : a ? a->interface : NULL, NULL);
    return true;
}

void step_arp(const evidence_t *ev, step_result_t *s)
{
    const device_t *d = ev->device;
    const fact_t *f = &ev->facts[PROBE_ARP];
    if (!d->has_peer_ip) {
        step_skip(s, "no peer_ip in the inventory: nothing to look up");
        return;
    }
    if (step_need(s, f, d->peer_ip.family == 6 ? "neighbor discovery" : "ARP"))
        return;
    char peer[ADDR_LEN];
    ip_to_string(&d->peer_ip, peer, sizeof(peer));
    if (f->kind != KIND_ARP) {
        step_skip(s, "no parser reads '%s': the entry for %s cannot be judged", f->command, peer);
        return;
    }
    const char *table = d->peer_ip.family == 6 ? "neighbor (ND) entry" : "ARP entry";
    char odd[200] = "";
    if (peer_is_odd(d))
        snprintf(odd, sizeof(odd), "; %s has an odd last octet, but Microsoft takes the second (even) address and the customer the first (odd)", peer);
    const arp_entry_t *a = find_arp(f, &d->peer_ip);
    const char *needles[] = {peer, NULL};
    if (judge_own_address(s, ev, a, peer))
        return;
    if (!a) {
        char what[ADDR_LEN + 48];
        snprintf(what, sizeof(what), "the %s for %s", table, peer);
        if (step_absent_unproven(s, f, what))
            return;
        step_fail(s, "arp_incomplete", "no %s for %s: the MSEE does not answer on the link%s", table, peer, odd);
        /* Quote the entry count when the device prints one, else its first line. */
        if (!step_evidence(s, f, (const char *const[]){"entries", NULL}) && !step_evidence(s, f, (const char *const[]){NULL}))
            step_evidence_text(s, f->command, "(empty answer)");
        step_remedy(s, ev, "arp_incomplete", NULL, NULL);
        return;
    }
    if (!a->incomplete && step_need_value(s, f, a, a->mac[0] != '\0', "the MAC of the entry"))
        return;
    if (a->incomplete || !a->mac[0]) {
        step_fail(s, "arp_incomplete", "%s for %s is incomplete%s%s: no reply from the MSEE%s", table, peer,
                  a->interface[0] ? " on " : "", a->interface, odd);
        step_evidence(s, f, needles);
        step_remedy(s, ev, "arp_incomplete", a->interface, NULL);
        return;
    }
    if (odd[0]) {
        step_warn(s, "address_swapped", "%s for %s resolves to %s%s", table, peer, a->mac, odd);
        step_evidence(s, f, needles);
        step_remedy(s, ev, "address_swapped", a->interface, NULL);
        return;
    }
    step_pass(s, "%s for %s resolves to %s%s%s", table, peer, a->mac, a->interface[0] ? " on " : "", a->interface);
    step_evidence(s, f, needles);
    step_note_unread(s, f, a, peer);
}
