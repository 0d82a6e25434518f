/* fuzz_incident.c: a libFuzzer target over the incident report writers (report/incident*.c).
 *
 * The input is a device answer and an operator's note: the first byte says how many of the
 * following bytes (up to 255) are the note, the rest is the answer's raw output.  Properties,
 * read back with cmark-gfm:
 *   - Markdown: the answer is exactly one fenced block whose text is the answer made safe
 *     (redacted, sanitized): nothing it holds ends the fence early; the note (and every other
 *     line) makes no markup: no raw HTML but the answer's anchor pair, no link, image or
 *     emphasis, only the report's own two bold labels;
 *   - HTML: no "<script", no "://", no "src=", no control character;
 *   - JSON: it parses. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmark-gfm.h>
#include <jansson.h>

#include "report/incident.h"
#include "report/incident_int.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static char *write_fmt(const incident_t *inc, incident_format_t fmt, size_t *len)
{
    char *buf = NULL;
    FILE *m = open_memstream(&buf, len);
    if (!m)
        abort();
    if (incident_write(m, inc, fmt) != 0)
        abort();
    fclose(m);
    return buf;
}

static void build(incident_t *inc, incident_answer_t *a, const uint8_t *data, size_t size)
{
    memset(inc, 0, sizeof(*inc));
    size_t note = size ? data[0] : 0;
    if (note > size - (size ? 1 : 0))
        note = size ? size - 1 : 0;
    static incident_note_t n;
    memset(&n, 0, sizeof(n));
    memcpy(n.text, data + 1, note); /* the note stops at its first NUL, as a C string */
    n.journal_id = 2;
    inc->notes = &n;
    inc->n_notes = 1;
    memset(a, 0, sizeof(*a));
    a->journal_id = 1;
    snprintf(a->command, sizeof(a->command), "show running-config");
    a->len = size ? size - 1 - note : 0;
    a->output = malloc(a->len + 1);
    memcpy(a->output, data + (size ? 1 + note : 0), a->len);
    a->output[a->len] = '\0';
    inc->answers = a;
    inc->n_answers = 1;
    inc->result.status = "OK";
    inc->finished = true;
    snprintf(inc->device, sizeof(inc->device), "ce1-nyc");
}

/* Counts the node types the escaping must keep out; checks the one code block. */
static void check_markdown(const char *md, size_t len, const incident_answer_t *a)
{
    size_t safe_len = 0;
    char *safe = inc_safe(a->output, a->len, &safe_len);
    cmark_node *doc = cmark_parse_document(md, len, CMARK_OPT_DEFAULT);
    cmark_iter *it = cmark_iter_new(doc);
    int code = 0, html = 0, strong = 0;
    while (cmark_iter_next(it) != CMARK_EVENT_DONE) {
        if (cmark_iter_get_event_type(it) != CMARK_EVENT_ENTER)
            continue;
        cmark_node *n = cmark_iter_get_node(it);
        switch (cmark_node_get_type(n)) {
        case CMARK_NODE_CODE_BLOCK: {
            const char *lit = cmark_node_get_literal(n);
            size_t l = strlen(lit), want = safe_len + (safe_len && safe[safe_len - 1] != '\n');
            if (l != want || memcmp(lit, safe, safe_len) != 0)
                abort(); /* the answer left its fence, or something else made a block */
            code++;
            break;
        }
        case CMARK_NODE_HTML_INLINE: html++; break;
        case CMARK_NODE_STRONG: strong++; break;
        case CMARK_NODE_HTML_BLOCK:
        case CMARK_NODE_LINK:
        case CMARK_NODE_IMAGE:
        case CMARK_NODE_EMPH: abort(); /* markup from text that should have been escaped */
        default: break;
        }
    }
    if (html != 2 || strong != 2 || code != (a->len ? 1 : 0))
        abort();
    cmark_iter_free(it);
    cmark_node_free(doc);
    free(safe);
}

static void check_html(const char *html, size_t len)
{
    if (strcasestr(html, "<script") || strstr(html, "://") || strcasestr(html, "src=") || strlen(html) != len)
        abort();
    for (size_t i = 0; i < len; i++)
        if ((unsigned char)html[i] < 0x20 && html[i] != '\n' && html[i] != '\t')
            abort();
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    incident_t inc;
    incident_answer_t a;
    build(&inc, &a, data, size);
    incident_narrative(&inc);
    size_t len;
    char *md = write_fmt(&inc, INCIDENT_MD, &len);
    check_markdown(md, len, &a);
    free(md);
    char *html = write_fmt(&inc, INCIDENT_HTML, &len);
    check_html(html, len);
    free(html);
    char *js = write_fmt(&inc, INCIDENT_JSON, &len);
    json_t *root = json_loadb(js, len, 0, NULL);
    if (!root)
        abort();
    json_decref(root);
    free(js);
    free(a.output);
    return 0;
}
