/* incident_text.c: the strings the incident writers emit, made safe once: redacted first (a
 * secret must never reach a report, whatever the format), then sanitized for Markdown and HTML
 * (a report pasted into a terminal or a ticket must not carry an escape sequence; XML forbids
 * most control characters anyway) or made valid UTF-8 for JSON (jansson refuses anything else,
 * and a Latin-1 byte must not make an answer vanish from the report). */
#include <stdlib.h>
#include <string.h>

#include "core/redact.h"
#include "core/sanitize.h"
#include "core/utf8.h"
#include "report/incident_int.h"

char *inc_safe(const char *s, size_t len, size_t *out_len)
{
    size_t rlen = 0;
    char *red = redact_text(s ? s : "", s ? len : 0, &rlen);
    if (!red)
        return NULL;
    char *clean = sanitize_dup(red, rlen);
    free(red);
    if (clean && out_len)
        *out_len = strlen(clean); /* sanitized text holds no NUL: it reads \x00 */
    return clean;
}

char *inc_safe_str(const char *s)
{
    return inc_safe(s, s ? strlen(s) : 0, NULL);
}

/* in[0..len) with each byte that is not part of a valid character, and each NUL, replaced by
 * U+FFFD (3 bytes): many JSON readers refuse "\u0000" (jansson by default, PostgreSQL's jsonb).
 * out has room for 3 * len bytes. */
static size_t repair_utf8(const char *in, size_t len, char *out)
{
    size_t o = 0;
    for (size_t i = 0; i < len;) {
        int n = in[i] ? utf8_check((const unsigned char *)in + i, len - i) : 0;
        if (n > 0) {
            memcpy(out + o, in + i, (size_t)n);
            o += (size_t)n;
            i += (size_t)n;
        } else {
            memcpy(out + o, "\xef\xbf\xbd", 3);
            o += 3;
            i++;
        }
    }
    return o;
}

json_t *inc_json_string(const char *s, size_t len)
{
    size_t rlen = 0;
    char *red = redact_text(s ? s : "", s ? len : 0, &rlen);
    if (!red)
        return NULL;
    char *valid = malloc(3 * rlen + 1);
    json_t *j = NULL;
    if (valid)
        j = json_stringn(valid, repair_utf8(red, rlen, valid));
    free(valid);
    free(red);
    return j;
}

json_t *inc_json_str(const char *s, bool null_if_empty)
{
    if (null_if_empty && (!s || !s[0]))
        return json_null();
    return inc_json_string(s, s ? strlen(s) : 0);
}
