/* incident_html.c: the incident report as one self-contained HTML file: the Markdown report
 * (incident_write_md, into memory) rendered by cmark-gfm (incident_html_render.c), in a page
 * with its style inline.  Nothing in it runs or is fetched: no script, no external URL, no
 * src attribute, no font or image; it reads on screen and prints (tables with borders, code
 * that wraps, verdict colours that stay apart in grey).  It is well-formed XML (cmark writes
 * <br /> and <hr />, the head's void elements are closed), so `xmllint --noout` accepts it. */
#include <stdlib.h>
#include <string.h>

#include "report/incident_int.h"

static const char style[] =
    "body{font-family:system-ui,\"Segoe UI\",Roboto,\"Helvetica Neue\",Arial,sans-serif;line-height:1.45;"
    "color:#1b1b1b;background:#fff;margin:0}\n"
    "main{max-width:72rem;margin:0 auto;padding:1.5rem}\n"
    "h1{font-size:1.6rem;border-bottom:2px solid #333;padding-bottom:.3rem}\n"
    "h2{font-size:1.3rem;border-bottom:1px solid #999;margin-top:2rem}\n"
    "h3{font-size:1.05rem;margin-top:1.4rem}\n"
    "table{border-collapse:collapse;margin:.5rem 0 1rem}\n"
    "th,td{border:1px solid #777;padding:.25rem .5rem;text-align:left;vertical-align:top}\n"
    "th{background:#e6e6e6}\n"
    "code{font-family:\"DejaVu Sans Mono\",Menlo,Consolas,monospace;font-size:.9em;background:#f2f2f2;"
    "overflow-wrap:anywhere}\n"
    "pre{background:#f6f6f6;border:1px solid #bbb;padding:.6rem;white-space:pre-wrap;overflow-wrap:anywhere}\n"
    "pre code{background:none}\n"
    ".v-pass,.v-warn,.v-fail,.v-skip{font-weight:bold;padding:0 .35em;border:1px solid #333;border-radius:3px}\n"
    ".v-pass{background:#d7f0dc;color:#0b3d17}\n"
    ".v-warn{background:#ffe9a8;color:#4d3b00}\n"
    ".v-fail{background:#b71c1c;color:#fff}\n"
    ".v-skip{background:#fff;color:#333;border-style:dashed}\n"
    "@media print{\n"
    "body{font-size:10pt}\n"
    "main{max-width:none;padding:0}\n"
    "a{color:inherit;text-decoration:none}\n"
    "h2,h3{page-break-after:avoid}\n"
    "tr{page-break-inside:avoid}\n"
    "*{-webkit-print-color-adjust:exact;print-color-adjust:exact}\n"
    ".v-pass{background:#fff;color:#000}\n"
    ".v-warn{background:#ccc;color:#000}\n"
    ".v-fail{background:#444;color:#fff}\n"
    ".v-skip{background:#fff;color:#000;border-style:dashed}\n"
    "}\n";

/* Text for an element or an attribute: & < > " as references. */
static int xml_text(FILE *f, const char *s)
{
    for (; *s; s++) {
        const char *ref = *s == '&' ? "&amp;" : *s == '<' ? "&lt;" : *s == '>' ? "&gt;" : *s == '"' ? "&quot;" : NULL;
        if (ref ? fputs(ref, f) == EOF : fputc(*s, f) == EOF)
            return -1;
    }
    return 0;
}

/* "Incident ID: STATUS on DEVICE", each part made safe. */
static int title(FILE *f, const incident_t *inc)
{
    char *id = inc_safe_str(inc->incident_id), *device = inc_safe_str(inc->device);
    int rc = -1;
    if (id && device) {
        rc = md_printf(f, "<title>Incident ") | xml_text(f, id);
        rc |= md_printf(f, ": %s on ", inc->result.status ? inc->result.status : "UNKNOWN") | xml_text(f, device);
        rc |= md_printf(f, "</title>\n");
    }
    free(id);
    free(device);
    return rc;
}

static int page(FILE *f, const incident_t *inc, const char *body)
{
    int rc = md_printf(f, "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\" />\n"
                          "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\" />\n"
                          "<meta name=\"generator\" content=\"erdiag\" />\n");
    rc |= title(f, inc);
    rc |= md_printf(f, "<style>\n%s</style>\n</head>\n<body>\n<main>\n%s</main>\n</body>\n</html>\n", style, body);
    return rc;
}

/* Runs write(m, inc, arg) into memory; the text (the caller frees it), or NULL. */
static char *to_memory(int (*write)(FILE *, const incident_t *, const char *), const incident_t *inc, const char *arg,
                       size_t *len)
{
    char *buf = NULL;
    FILE *m = open_memstream(&buf, len);
    if (!m)
        return NULL;
    int rc = write(m, inc, arg);
    if (fclose(m) != 0 || rc != 0) {
        free(buf);
        return NULL;
    }
    return buf;
}

static int markdown(FILE *f, const incident_t *inc, const char *unused)
{
    (void)unused;
    return incident_write_md(f, inc);
}

int incident_write_html(FILE *f, const incident_t *inc)
{
    size_t len = 0;
    char *md = to_memory(markdown, inc, NULL, &len);
    char *body = md ? inc_markdown_to_html(md, len) : NULL;
    char *doc = body ? to_memory(page, inc, body, &len) : NULL;
    char *safe = doc ? inc_html_no_fetch(doc) : NULL;
    int rc = safe && fputs(safe, f) != EOF && fflush(f) == 0 && !ferror(f) ? 0 : -1;
    free(safe);
    free(doc);
    free(body);
    free(md);
    return rc;
}
