/* redact.c: PCRE2 substitution of secrets. */
#define PCRE2_CODE_UNIT_WIDTH 8
#include "core/redact.h"

#include <pcre2.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Each pattern captures what stays in group 1; the secret that follows goes.  A value that
 * starts with '<' is a placeholder of ours ("password <shared key>"), never a secret.  Written for the
 * configuration and log lines of IOS/IOS-XE, NX-OS, IOS-XR, EOS, Junos and FRR. */
static const char *const secret_patterns[] = {
    /* password 7 0822455D0A16 / secret 5 $1$... / neighbor X password erdiag-key; not "Password is" */
    ("(\\b(?:password|secret)(?:\\s+(?:encrypted|clear|[0-9]{1,2}))?\\s+)"
    "(?!(?:is|configured|enabled|disabled|for|authentication|required|not|missing|set|expected|mismatch|"
    "mismatches|absent|present|on|of|and|or|the|but|none|md5|\\(md5\\))(?:\\b|$)|<)(\"[^\"]*\"|\\S+)"),
    "(\\bauthentication-key\\s+)(\"[^\"]*\"|\\S+)",
    ("(\\b(?:pre-shared-key|shared-key|key-string)\\s+(?:(?:local|remote|ascii-text|hexadecimal)\\s+)?(?:[0-9]\\s+)?)"
    "(\"[^\"]*\"|\\S+)"),
    "(\\bkey\\s+[0-9]\\s+)(\\S+)",
    "(\\b(?:tacacs|radius)(?:-server)?\\b[^\\n]*?\\bkey\\s+(?:[0-9]\\s+)?)(\\S+)",
    "(\\bsnmp(?:-server)?\\s+community\\s+)(\"[^\"]*\"|\\S+)",
    "()(\\$9\\$[^\\s\";]+)", /* Junos encrypted strings, wherever they stand */
};
#define N_PATTERNS (sizeof(secret_patterns) / sizeof(secret_patterns[0]))

static pcre2_code *compiled[N_PATTERNS];
static pthread_once_t compile_once = PTHREAD_ONCE_INIT;

static void compile_patterns(void)
{
    for (size_t i = 0; i < N_PATTERNS; i++) {
        int err;
        PCRE2_SIZE off;
        compiled[i] = pcre2_compile((PCRE2_SPTR)secret_patterns[i], PCRE2_ZERO_TERMINATED, PCRE2_CASELESS, &err, &off,
                                    NULL);
        if (!compiled[i]) {
            fprintf(stderr, "erdiag: bad redaction pattern %zu at %zu\n", i, (size_t)off);
            abort();
        }
    }
}

/* One substitution pass; returns a new buffer or NULL. */
static char *substitute(pcre2_code *code, const char *in, size_t len, size_t *out_len)
{
    PCRE2_SIZE cap = len + len / 2 + 64;
    for (int attempt = 0; attempt < 4; attempt++) {
        char *out = malloc(cap);
        if (!out)
            return NULL;
        PCRE2_SIZE n = cap;
        int rc = pcre2_substitute(code, (PCRE2_SPTR)in, len, 0,
                                  PCRE2_SUBSTITUTE_GLOBAL | PCRE2_SUBSTITUTE_OVERFLOW_LENGTH, NULL, NULL,
                                  (PCRE2_SPTR) "$1" REDACTED, PCRE2_ZERO_TERMINATED, (PCRE2_UCHAR *)out, &n);
        if (rc >= 0) {
            *out_len = n;
            return out;
        }
        free(out);
        if (rc != PCRE2_ERROR_NOMEMORY)
            return NULL;
        cap = n + 1; /* OVERFLOW_LENGTH told us what is needed */
    }
    return NULL;
}

char *redact_text(const char *text, size_t len)
{
    pthread_once(&compile_once, compile_patterns);
    char *cur = malloc(len + 1);
    if (!cur)
        return NULL;
    memcpy(cur, text, len);
    cur[len] = '\0';
    size_t cur_len = len;
    for (size_t i = 0; i < N_PATTERNS; i++) {
        size_t next_len;
        char *next = substitute(compiled[i], cur, cur_len, &next_len);
        free(cur);
        if (!next)
            return NULL;
        cur = next;
        cur_len = next_len;
    }
    return cur;
}

void redact_inplace(char *buf, size_t size)
{
    char *r = redact_text(buf, strlen(buf));
    if (!r) {
        snprintf(buf, size, "%s", REDACTED); /* when in doubt, show nothing */
        return;
    }
    snprintf(buf, size, "%s", r);
    free(r);
}
