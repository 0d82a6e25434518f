/* evidence.c: reading facts, and the records in them that a step judges from. */
#include "framework/evidence.h"

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

void fact_from_reply(fact_t *f, const probe_reply_t *reply, double at)
{
    memset(f, 0, sizeof(*f));
    f->present = true;
    f->error = reply->result.error;
    snprintf(f->error_text, sizeof(f->error_text), "%s", reply->result.message);
    snprintf(f->command, sizeof(f->command), "%s", reply->command);
    f->raw = reply->result.output;
    f->raw_len = reply->result.len;
    f->journal_id = 0; /* the session engine sets it: the answer's journal entry */
    f->kind = reply->kind;
    f->records = reply->records;
    f->n_records = reply->n_records;
    f->meta = reply->meta;
    f->partial = reply->partial;
    f->truncated = reply->truncated;
    snprintf(f->partial_reason, sizeof(f->partial_reason), "%s", reply->partial_reason);
    f->at = at;
}

bool fact_usable(const fact_t *f)
{
    return f->present && f->error == PERR_NONE && f->raw != NULL;
}

const char *fact_problem(const fact_t *f, char *buf, size_t size)
{
    if (!f->present)
        snprintf(buf, size, "not collected");
    else if (f->error != PERR_NONE)
        snprintf(buf, size, "'%s' failed: %s%s%s", f->command, probe_error_text(f->error), f->error_text[0] ? ": " : "",
                 f->error_text);
    else if (!f->raw)
        snprintf(buf, size, "'%s' gave no answer", f->command);
    else
        snprintf(buf, size, "usable");
    return buf;
}

static bool line_has_all(const char *line, size_t len, const char *const *needles)
{
    for (size_t i = 0; needles && needles[i]; i++) {
        size_t n = strlen(needles[i]);
        bool hit = false;
        for (size_t k = 0; !hit && n <= len && k + n <= len; k++)
            hit = memcmp(line + k, needles[i], n) == 0;
        if (!hit)
            return false;
    }
    return true;
}

bool fact_find_line(const fact_t *f, const char *const *needles, char *line, size_t size)
{
    if (!f->raw)
        return false;
    const char *p = f->raw, *end = f->raw + f->raw_len;
    while (p < end) {
        const char *nl = memchr(p, '\n', (size_t)(end - p));
        size_t len = nl ? (size_t)(nl - p) : (size_t)(end - p);
        while (len && (p[len - 1] == '\r' || p[len - 1] == ' '))
            len--;
        if (len && line_has_all(p, len, needles)) {
            const char *s = p;
            while (len && (*s == ' ' || *s == '\t')) {
                s++;
                len--;
            }
            snprintf(line, size, "%.*s", (int)len, s);
            return true;
        }
        p = nl ? nl + 1 : end;
    }
    return false;
}

const record_t *fact_record(const fact_t *f, const void *payload)
{
    /* Every union member starts where the union does: the record is found by address. */
    uintptr_t base = (uintptr_t)f->records, p = (uintptr_t)payload, off = offsetof(record_t, u);
    if (!f->records || !f->n_records || p < base + off)
        return NULL;
    uintptr_t i = (p - base - off) / sizeof(record_t);
    if (i >= f->n_records || (p - base - off) % sizeof(record_t))
        return NULL;
    return &f->records[i];
}

/* Line n (1-based) of the raw answer, trimmed and shortened, into out; false past the end. */
static bool raw_line(const fact_t *f, uint64_t n, char *out, size_t size)
{
    const char *p = f->raw, *end = f->raw ? f->raw + f->raw_len : NULL;
    for (uint64_t k = 1; p && p < end; k++) {
        const char *nl = memchr(p, '\n', (size_t)(end - p));
        size_t len = nl ? (size_t)(nl - p) : (size_t)(end - p);
        if (k == n) {
            while (len && (*p == ' ' || *p == '\t'))
                p++, len--;
            while (len && (p[len - 1] == '\r' || p[len - 1] == ' '))
                len--;
            snprintf(out, size, "%.*s%s", (int)(len > 72 ? 72 : len), p, len > 72 ? "..." : "");
            return true;
        }
        p = nl ? nl + 1 : end;
    }
    return false;
}

bool fact_record_unread(const fact_t *f, const void *payload, char *buf, size_t size)
{
    const record_t *r = payload ? fact_record(f, payload) : NULL;
    buf[0] = '\0';
    if (!fact_record_partial(f, payload))
        return false;
    if (r->n_skipped == 0) {
        snprintf(buf, size, "it was cut short (%s)", f->partial_reason[0] ? f->partial_reason : "the answer stopped inside it");
        return true;
    }
    char text[96];
    if (!raw_line(f, r->skipped[0], text, sizeof(text)))
        text[0] = '\0';
    int w = snprintf(buf, size, "line%s %llu%s%s%s", r->n_skipped > 1 ? "s" : "", (unsigned long long)r->skipped[0],
                     text[0] ? " (\"" : "", text, text[0] ? "\")" : "");
    if (w > 0 && (size_t)w < size && r->n_skipped > 1)
        w += snprintf(buf + w, size - (size_t)w, " and %u more", (unsigned)(r->n_skipped - 1));
    if (w > 0 && (size_t)w < size)
        snprintf(buf + w, size - (size_t)w, " could not be read");
    return true;
}

bool fact_record_partial(const fact_t *f, const void *payload)
{
    const record_t *r = payload ? fact_record(f, payload) : NULL;
    return r && r->partial;
}

bool fact_any_record_unread(const fact_t *f)
{
    for (size_t i = 0; i < f->n_records; i++)
        if (f->records[i].partial)
            return true;
    return false;
}

bool fact_absence_unproven(const fact_t *f)
{
    return f->truncated;
}

/* Adds brief's IPv6 addresses of interface name to i (those it does not list already). */
static void add_ipv6_of(iface_t *i, const fact_t *brief)
{
    for (size_t r = 0; r < brief->n_records; r++) {
        const iface_t *b = &brief->records[r].u.iface;
        if (brief->records[r].kind != KIND_INTERFACES || strcmp(b->name, i->name) != 0)
            continue;
        for (int k = 0; k < b->n_ipv6 && i->n_ipv6 < MAX_ADDRS; k++) {
            bool have = false;
            for (int m = 0; m < i->n_ipv6 && !have; m++)
                have = strcasecmp(i->ipv6[m], b->ipv6[k]) == 0;
            if (!have)
                snprintf(i->ipv6[i->n_ipv6++], PREFIX_LEN, "%s", b->ipv6[k]);
        }
    }
}

size_t fact_merge_ipv6(fact_t *ifaces, const fact_t *brief, record_t **out)
{
    *out = NULL;
    if (!fact_usable(ifaces) || !fact_usable(brief) || ifaces->kind != KIND_INTERFACES ||
        brief->kind != KIND_INTERFACES || !ifaces->n_records)
        return 0;
    record_t *copy = malloc(ifaces->n_records * sizeof(*copy));
    if (!copy)
        return 0;
    memcpy(copy, ifaces->records, ifaces->n_records * sizeof(*copy));
    for (size_t r = 0; r < ifaces->n_records; r++)
        if (copy[r].kind == KIND_INTERFACES)
            add_ipv6_of(&copy[r].u.iface, brief);
    ifaces->records = copy;
    *out = copy;
    return ifaces->n_records;
}
