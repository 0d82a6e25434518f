/* evidence.c: reading facts. */
#include "framework/evidence.h"

#include <stdio.h>
#include <string.h>

void fact_from_reply(fact_t *f, const probe_reply_t *reply, double at)
{
    memset(f, 0, sizeof(*f));
    f->present = true;
    f->error = reply->result.error;
    snprintf(f->error_text, sizeof(f->error_text), "%s", reply->result.message);
    snprintf(f->command, sizeof(f->command), "%s", reply->command);
    f->raw = reply->result.output;
    f->raw_len = reply->result.len;
    f->journal_id = reply->id;
    f->kind = reply->kind;
    f->records = reply->records;
    f->n_records = reply->n_records;
    f->meta = reply->meta;
    f->partial = reply->partial;
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
