/* step.c: how a step states its verdict, its evidence and what to do next. */
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "framework/runbook.h"

static void set(step_result_t *s, verdict_t v, const char *cause, const char *fmt, va_list ap)
{
    s->verdict = v;
    snprintf(s->cause, sizeof(s->cause), "%s", cause);
    vsnprintf(s->finding, sizeof(s->finding), fmt, ap);
}

void step_pass(step_result_t *s, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    set(s, VERDICT_PASS, "none", fmt, ap);
    va_end(ap);
}

void step_warn(step_result_t *s, const char *cause, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    set(s, VERDICT_WARN, cause, fmt, ap);
    va_end(ap);
}

void step_fail(step_result_t *s, const char *cause, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    set(s, VERDICT_FAIL, cause, fmt, ap);
    va_end(ap);
}

void step_skip(step_result_t *s, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    set(s, VERDICT_SKIP, "evidence_missing", fmt, ap);
    va_end(ap);
}

bool step_need(step_result_t *s, const fact_t *f, const char *what)
{
    char why[400];
    if (fact_usable(f))
        return false;
    step_skip(s, "%s: %s", what, fact_problem(f, why, sizeof(why)));
    /* A platform that has no such command (FRR has no ARP table in vtysh) is not missing
     * evidence: the step says so, and the status need not be UNKNOWN for it. */
    if (f->present && f->error == PERR_UNSUPPORTED)
        snprintf(s->cause, sizeof(s->cause), "not_applicable");
    return true;
}

bool step_note_unread(step_result_t *s, const fact_t *f, const void *payload, const char *name)
{
    char why[240];
    if (!fact_record_unread(f, payload, why, sizeof(why)))
        return false;
    size_t w = strlen(s->finding);
    snprintf(s->finding + w, sizeof(s->finding) - w, "; %s's block in '%.80s': %s; judged from the lines that were read",
             name, f->command, why);
    return true;
}

bool step_need_value(step_result_t *s, const fact_t *f, const void *payload, bool have, const char *what)
{
    char why[240];
    if (have || !fact_record_unread(f, payload, why, sizeof(why)))
        return false;
    step_skip(s, "%s not shown, and the block in '%.80s' that would show it was not read whole: %s", what, f->command, why);
    return true;
}

bool step_absent_unproven(step_result_t *s, const fact_t *f, const char *what)
{
    if (!fact_absence_unproven(f))
        return false;
    step_skip(s, "%s not seen: the output of '%.80s' was cut (%s), so its absence proves nothing", what, f->command,
              f->partial_reason[0] ? f->partial_reason : "cut short");
    return true;
}

bool step_evidence(step_result_t *s, const fact_t *f, const char *const *needles)
{
    if (s->n_evidence == STEP_MAX_EVIDENCE)
        return false;
    evidence_ref_t *e = &s->evidence[s->n_evidence];
    if (!fact_find_line(f, needles, e->line, sizeof(e->line)))
        return false;
    e->journal_id = f->journal_id;
    snprintf(e->command, sizeof(e->command), "%s", f->command);
    s->n_evidence++;
    return true;
}

void step_evidence_text(step_result_t *s, const char *command, const char *line)
{
    if (s->n_evidence == STEP_MAX_EVIDENCE)
        return;
    evidence_ref_t *e = &s->evidence[s->n_evidence++];
    e->journal_id = 0;
    snprintf(e->command, sizeof(e->command), "%s", command);
    snprintf(e->line, sizeof(e->line), "%s", line);
}

void step_next(step_result_t *s, const char *fmt, ...)
{
    if (s->n_next == STEP_MAX_NEXT)
        return;
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(s->next[s->n_next++], sizeof(s->next[0]), fmt, ap);
    va_end(ap);
}

/* IOS and IOS-XR want a dotted mask for IPv4 ("255.255.255.252") and a length for IPv6. */
static void subnet_mask(const ip_prefix_t *p, char *out, size_t size)
{
    if (p->addr.family != 4) {
        snprintf(out, size, "/%d", p->len); /* "ipv6 address X/126" reads with the length glued on */
        return;
    }
    uint32_t m = p->len ? 0xffffffffu << (32 - p->len) : 0;
    snprintf(out, size, "%u.%u.%u.%u", m >> 24, (m >> 16) & 0xff, (m >> 8) & 0xff, m & 0xff);
}

/* The value of one {placeholder} for this device. */
static void placeholder(const evidence_t *ev, const char *name, size_t n, const char *iface, const char *policy,
                        char *out, size_t size)
{
    const device_t *d = ev->device;
    out[0] = '\0';
    if (n == 4 && !strncmp(name, "peer", 4) && d->has_peer_ip)
        ip_to_string(&d->peer_ip, out, size);
    else if (n == 8 && !strncmp(name, "local_ip", 8) && d->has_local_ip)
        ip_to_string(&d->local_ip, out, size);
    else if (n == 7 && !strncmp(name, "peer_as", 7))
        snprintf(out, size, "%lld", (long long)d->peer_as);
    else if (n == 8 && !strncmp(name, "local_as", 8) && d->local_as > 0)
        snprintf(out, size, "%lld", (long long)d->local_as);
    else if (n == 9 && !strncmp(name, "hold_time", 9))
        snprintf(out, size, "%d", d->hold_time);
    else if (n == 9 && !strncmp(name, "keepalive", 9))
        snprintf(out, size, "%d", d->keepalive);
    else if (n == 6 && !strncmp(name, "subnet", 6) && d->has_subnet)
        prefix_to_string(&d->subnet, true, out, size);
    else if (n == 4 && !strncmp(name, "plen", 4) && d->has_subnet)
        snprintf(out, size, "%d", d->subnet.len);
    else if (n == 4 && !strncmp(name, "mask", 4) && d->has_subnet)
        subnet_mask(&d->subnet, out, size);
    else if (n == 3 && !strncmp(name, "vrf", 3))
        snprintf(out, size, "%s", d->vrf[0] ? d->vrf : "default");
    else if (n == 5 && !strncmp(name, "iface", 5))
        snprintf(out, size, "%s", iface && *iface ? iface : d->interface[0] ? d->interface : "<interface>");
    else if ((n == 11 && !strncmp(name, "prefix_list", 11)) || (n == 9 && !strncmp(name, "route_map", 9)))
        snprintf(out, size, "%s", policy && *policy ? policy : "<policy>");
    if (!out[0])
        snprintf(out, size, "<%.*s>", (int)n, name);
}

void step_remedy(step_result_t *s, const evidence_t *ev, const char *cause, const char *iface, const char *policy)
{
    const vendor_remedy_t *r = ev->vendor ? vendor_remedy(ev->vendor, cause) : NULL;
    for (size_t i = 0; r && i < VENDOR_REMEDY_LINES && r->lines[i] && s->n_next < STEP_MAX_NEXT; i++) {
        char *out = s->next[s->n_next++];
        size_t w = 0, size = sizeof(s->next[0]);
        for (const char *p = r->lines[i]; *p && w + 1 < size;) {
            const char *end = *p == '{' ? strchr(p, '}') : NULL;
            if (!end) {
                out[w++] = *p++;
                continue;
            }
            char value[128];
            placeholder(ev, p + 1, (size_t)(end - p - 1), iface, policy, value, sizeof(value));
            w += (size_t)snprintf(out + w, size - w, "%s", value);
            if (w >= size)
                w = size - 1;
            p = end + 1;
        }
        out[w] = '\0';
    }
}
