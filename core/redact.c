/* redact.c: applies core/redact_rules.c to text, line by line, in linear time, failing closed
 * (see redact.h for the contract). */
#define PCRE2_CODE_UNIT_WIDTH 8
#include "core/redact.h"

#include <pcre2.h>
#include <pthread.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/redact_rules.h"

#define MAX_RULES 32

/* The backstop: PCRE2's match limit for an attempt on a line of n bytes is base + per_byte * n
 * (PCRE2 counts per start position).  The rules need about one step per byte from any start;
 * one that went quadratic by mistake hits this and the line fails closed instead of taking
 * minutes. */
static unsigned budget_base = 100000, budget_per_byte = 16;

static pcre2_code *rule_code[MAX_RULES], *trigger_code, *header_code;
static bool compiled_ok;
static pthread_once_t compile_once = PTHREAD_ONCE_INIT;

static pcre2_code *compile(const char *pattern)
{
    int err;
    PCRE2_SIZE off;
    pcre2_code *code = pcre2_compile((PCRE2_SPTR)pattern, PCRE2_ZERO_TERMINATED, PCRE2_CASELESS, &err, &off, NULL);
    if (!code) {
        PCRE2_UCHAR msg[160];
        pcre2_get_error_message(err, msg, sizeof(msg));
        fprintf(stderr, "erdiag: redaction pattern /%s/ at %zu: %s\n", pattern, (size_t)off, (const char *)msg);
        return NULL;
    }
    /* JIT is an optimisation: without it (no JIT support, no executable memory) pcre2_match
     * interprets the same pattern, under the same match limit. */
    (void)pcre2_jit_compile(code, PCRE2_JIT_COMPLETE);
    return code;
}

static void compile_all(void)
{
    bool ok = redact_n_rules <= MAX_RULES;
    for (size_t i = 0; ok && i < redact_n_rules; i++)
        ok = (rule_code[i] = compile(redact_rules[i].pattern)) != NULL;
    ok = ok && (trigger_code = compile(redact_trigger)) && (header_code = compile(redact_block_header));
    compiled_ok = ok;
}

void redact_set_match_budget(unsigned base, unsigned per_byte)
{
    budget_base = base;
    budget_per_byte = per_byte;
}

/* ---- a growing output buffer ---- */

typedef struct {
    char *data;
    size_t len, cap;
    bool oom;
} buf_t;

static void buf_add(buf_t *b, const char *s, size_t n)
{
    if (b->oom || n == 0)
        return;
    if (b->len + n + 1 > b->cap) {
        size_t cap = b->cap ? b->cap : 256;
        while (cap < b->len + n + 1)
            cap *= 2;
        char *grown = realloc(b->data, cap);
        if (!grown) {
            b->oom = true;
            return;
        }
        b->data = grown;
        b->cap = cap;
    }
    memcpy(b->data + b->len, s, n);
    b->len += n;
    b->data[b->len] = '\0';
}

static void buf_add_str(buf_t *b, const char *s) { buf_add(b, s, strlen(s)); }

/* ---- matching ---- */

typedef struct {
    pcre2_match_data *md;
    pcre2_match_context *mc;
    buf_t scratch[2]; /* a line between two rules */
    size_t header_scanned; /* block state is known up to here (a line start) */
    bool in_block;
} redactor_t;

/* 1 matched, 0 no match, -1 failed (the caller fails closed). */
static int find(redactor_t *r, const pcre2_code *code, const char *s, size_t len, size_t from)
{
    uint64_t budget = budget_base + (uint64_t)budget_per_byte * len;
    pcre2_set_match_limit(r->mc, budget > UINT32_MAX ? UINT32_MAX : (uint32_t)budget);
    int rc = pcre2_match(code, (PCRE2_SPTR)s, len, from, 0, r->md, r->mc);
    if (rc == PCRE2_ERROR_NOMATCH)
        return 0;
    return rc > 0 ? 1 : -1; /* rc 0: the ovector is too small, which no rule needs */
}

/* Writes line with every secret rule finds (its group 1) replaced into out.  Returns how many
 * it replaced (out untouched when 0), or -1 when matching failed. */
static int apply_rule(redactor_t *r, const pcre2_code *rule, const char *line, size_t len, buf_t *out)
{
    size_t from = 0, kept = 0;
    int n = 0, rc = 0;
    while (from <= len && (rc = find(r, rule, line, len, from)) == 1) {
        const PCRE2_SIZE *ov = pcre2_get_ovector_pointer(r->md);
        if (ov[2] != PCRE2_UNSET && ov[2] >= kept) {
            if (n++ == 0)
                out->len = 0;
            buf_add(out, line + kept, ov[2] - kept);
            buf_add_str(out, REDACTED);
            kept = ov[3];
        }
        from = ov[1] > ov[0] ? ov[1] : ov[0] + 1;
    }
    if (rc < 0)
        return -1;
    if (n > 0)
        buf_add(out, line + kept, len - kept);
    return n;
}

static char ascii_lower(char c) { return c >= 'A' && c <= 'Z' ? (char)(c - 'A' + 'a') : c; }

/* Whether s[0..len) holds word in any ASCII case (word is lower case), as PCRE2_CASELESS sees
 * it.  Cheaper than a PCRE2 call on the short lines that make up most text. */
static bool holds_word(const char *s, size_t len, const char *word, size_t n)
{
    for (size_t i = 0; i + n <= len; i++) {
        size_t k = 0;
        while (k < n && ascii_lower(s[i + k]) == word[k])
            k++;
        if (k == n)
            return true;
    }
    return false;
}

/* Whether the line holds one of the rule's needles ("a|b"); a rule can only match if so.  A
 * long line goes straight to PCRE2, whose JIT scans it faster than this loop. */
static bool may_match(const redact_rule_t *rule, const char *line, size_t len)
{
    if (len > 512)
        return true;
    for (const char *w = rule->needles; *w;) {
        size_t n = strcspn(w, "|");
        if (holds_word(line, len, w, n))
            return true;
        w += n + (w[n] == '|');
    }
    return false;
}

/* Every rule in turn, each on what the one before left. */
static int redact_line(redactor_t *r, const char *line, size_t len, buf_t *out)
{
    const char *cur = line;
    size_t cur_len = len;
    int next = 0;
    for (size_t i = 0; i < redact_n_rules; i++) {
        if ((redact_rules[i].in_block_only && !r->in_block) || !may_match(&redact_rules[i], cur, cur_len))
            continue;
        buf_t *dst = &r->scratch[next];
        int n = apply_rule(r, rule_code[i], cur, cur_len, dst);
        if (n < 0)
            return -1;
        if (dst->oom) {
            out->oom = true;
            return 0;
        }
        if (n > 0) {
            cur = dst->data ? dst->data : "";
            cur_len = dst->len;
            next ^= 1;
        }
    }
    buf_add(out, cur, cur_len);
    return 0;
}

/* ---- RADIUS/TACACS+ server blocks ---- */

static bool is_header_line(const char *s, size_t len) { return len > 0 && s[0] != ' ' && s[0] != '\t' && s[0] != '\r'; }

/* A non-indented line opens a server block or ends one.  When matching fails, the block is
 * taken as open: its " key XXXX" lines are then redacted (fail closed). */
static void enter_line(redactor_t *r, const char *s, size_t len)
{
    r->in_block = find(r, header_code, s, len, 0) != 0;
}

/* Whether the line at line_start lies in a server block: the last non-indented line before it
 * decides.  Reads each byte of the text at most once, backwards from the line, down to where
 * the state is already known. */
static void update_block_state(redactor_t *r, const char *text, size_t line_start)
{
    size_t end = line_start; /* text[end - 1] is the '\n' ending the line before */
    while (end > r->header_scanned) {
        size_t start = end - 1;
        while (start > r->header_scanned && text[start - 1] != '\n')
            start--;
        if (is_header_line(text + start, end - 1 - start)) {
            enter_line(r, text + start, end - 1 - start);
            break;
        }
        end = start;
    }
}

/* ---- the text ---- */

/* Redacts the line holding text[hit]; returns where the rest of the text starts. */
static size_t redact_hit_line(redactor_t *r, const char *text, size_t len, size_t from, size_t hit, buf_t *out)
{
    size_t start = hit, end;
    while (start > from && text[start - 1] != '\n')
        start--;
    const char *nl = memchr(text + hit, '\n', len - hit);
    end = nl ? (size_t)(nl - text) : len;
    buf_add(out, text + from, start - from);
    update_block_state(r, text, start);
    if (redact_line(r, text + start, end - start, out) < 0)
        buf_add_str(out, REDACTED); /* fail closed: the whole line goes */
    if (is_header_line(text + start, end - start))
        enter_line(r, text + start, end - start);
    r->header_scanned = end < len ? end + 1 : len;
    return end;
}

static void redact_all(redactor_t *r, const char *text, size_t len, buf_t *out)
{
    size_t from = 0;
    while (from < len && !out->oom) {
        int rc = find(r, trigger_code, text, len, from);
        if (rc == 0) {
            buf_add(out, text + from, len - from);
            return;
        }
        if (rc < 0) {
            buf_add_str(out, REDACTED); /* fail closed: the rest of the text goes */
            return;
        }
        from = redact_hit_line(r, text, len, from, pcre2_get_ovector_pointer(r->md)[0], out);
    }
}

char *redact_text(const char *text, size_t len, size_t *out_len)
{
    pthread_once(&compile_once, compile_all);
    buf_t out = {0};
    redactor_t r = {.md = pcre2_match_data_create(4, NULL), .mc = pcre2_match_context_create(NULL)};
    if (!compiled_ok)
        buf_add_str(&out, REDACTED); /* fail closed: nothing can be checked, nothing is shown */
    else if (r.md && r.mc)
        redact_all(&r, text, len, &out);
    else
        out.oom = true;
    pcre2_match_data_free(r.md);
    pcre2_match_context_free(r.mc);
    free(r.scratch[0].data);
    free(r.scratch[1].data);
    if (!out.oom && !out.data)
        out.data = calloc(1, 1); /* empty text, empty answer */
    if (out.oom || !out.data) {
        free(out.data);
        return NULL;
    }
    if (out_len)
        *out_len = out.len;
    return out.data;
}

void redact_inplace(char *buf, size_t size)
{
    char *r = redact_text(buf, strlen(buf), NULL);
    snprintf(buf, size, "%s", r ? r : REDACTED); /* when in doubt, show nothing */
    free(r);
}
