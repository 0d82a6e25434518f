/* incident_html_render.c: the report's Markdown rendered to HTML with cmark-gfm (the table
 * extension), so the HTML says exactly what the Markdown says.
 *
 * The render runs with CMARK_OPT_UNSAFE only because the appendix anchors (<a id="answer-N">)
 * are raw HTML: cmark gives headings no ids.  That is made safe on the tree, before rendering,
 * whatever the Markdown holds: every raw HTML node other than such an anchor pair becomes
 * text (so even a '<' that escaped our escaping shows as "&lt;"), every image is dropped and
 * every link that is not to a fragment ("#answer-N") loses its target.  Device text is in code
 * spans and blocks anyway, which cmark always escapes.  inc_html_no_fetch() then writes "://"
 * and "src=" as character references over the whole page: the file holds nothing a browser or
 * a scanner would fetch, even where a device answer quotes a URL. */
#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <cmark-gfm-core-extensions.h>
#include <cmark-gfm.h>

#include "report/incident_int.h"

static bool is_anchor_open(const char *s)
{
    if (!s || strncmp(s, "<a id=\"answer-", 14) != 0 || !isdigit((unsigned char)s[14]))
        return false;
    s += 14;
    while (isdigit((unsigned char)*s))
        s++;
    return strcmp(s, "\">") == 0;
}

static bool is_html(cmark_node *n)
{
    cmark_node_type t = n ? cmark_node_get_type(n) : CMARK_NODE_NONE;
    return t == CMARK_NODE_HTML_INLINE || t == CMARK_NODE_HTML_BLOCK;
}

/* Replaces a raw HTML node with text (inline) or a code block (block) of the same literal. */
static cmark_node *defuse(cmark_node *n)
{
    bool block = cmark_node_get_type(n) == CMARK_NODE_HTML_BLOCK;
    cmark_node *t = cmark_node_new(block ? CMARK_NODE_CODE_BLOCK : CMARK_NODE_TEXT);
    if (!t)
        return NULL;
    cmark_node_set_literal(t, cmark_node_get_literal(n));
    cmark_node_replace(n, t);
    cmark_node_free(n);
    return t;
}

/* Our anchors, and links to them, are the only HTML and the only links the report needs.
 * Returns the node that stands where n stood (NULL when n was dropped); *failed when out of
 * memory. */
static cmark_node *defuse_node(cmark_node *n, cmark_node **next, bool *failed)
{
    cmark_node_type t = cmark_node_get_type(n);
    if (is_html(n)) {
        const char *lit = cmark_node_get_literal(n);
        cmark_node *close = cmark_node_next(n);
        if (t == CMARK_NODE_HTML_INLINE && is_anchor_open(lit) && close &&
            cmark_node_get_type(close) == CMARK_NODE_HTML_INLINE &&
            strcmp(cmark_node_get_literal(close), "</a>") == 0) {
            *next = cmark_node_next(close);
            return n;
        }
        cmark_node *text = defuse(n);
        *failed = text == NULL;
        return text;
    }
    if (t == CMARK_NODE_IMAGE) {
        cmark_node_free(n);
        return NULL;
    }
    if (t == CMARK_NODE_LINK) { /* a fragment never fetches anything */
        const char *url = cmark_node_get_url(n);
        if (!url || url[0] != '#')
            cmark_node_set_url(n, "");
    }
    return n;
}

static bool defuse_tree(cmark_node *parent)
{
    bool failed = false;
    for (cmark_node *n = cmark_node_first_child(parent), *next; n && !failed; n = next) {
        next = cmark_node_next(n);
        cmark_node *kept = defuse_node(n, &next, &failed);
        if (kept && cmark_node_first_child(kept) && !defuse_tree(kept))
            return false;
    }
    return !failed;
}

/* ---- verdict and status words get a class (a colour that also prints in grey) ---- */

static const struct {
    const char *word, *cls;
} marks[] = {{"PASS", "v-pass"}, {"OK", "v-pass"},       {"WARN", "v-warn"}, {"WARNING", "v-warn"},
             {"FAIL", "v-fail"}, {"CRITICAL", "v-fail"}, {"SKIP", "v-skip"}, {"UNKNOWN", "v-skip"}};

/* The class of the word text starts with (then the end, ' ' or ','), its length in *len. */
static const char *mark_of(const char *text, size_t *len)
{
    for (size_t i = 0; text && i < sizeof(marks) / sizeof(marks[0]); i++) {
        size_t n = strlen(marks[i].word);
        if (strncmp(text, marks[i].word, n) == 0 && (text[n] == '\0' || text[n] == ' ' || text[n] == ',')) {
            *len = n;
            return marks[i].cls;
        }
    }
    return NULL;
}

/* text (a TEXT node) = [spaces] WORD rest  ->  [spaces] <span class=...>WORD</span> rest */
static bool mark_text(cmark_node *text, bool whole_only)
{
    const char *lit = cmark_node_get_literal(text);
    size_t lead = strspn(lit ? lit : "", " "), len = 0;
    const char *cls = mark_of(lit ? lit + lead : NULL, &len);
    if (!cls || (whole_only && lit[lead + len] != '\0'))
        return true;
    char span[96], *rest = strdup(lit + lead + len), *pre = strndup(lit, lead);
    cmark_node *html = cmark_node_new(CMARK_NODE_HTML_INLINE);
    bool ok = rest && pre && html;
    if (ok) {
        snprintf(span, sizeof(span), "%s<span class=\"%s\">%.*s</span>", pre, cls, (int)len, lit + lead);
        cmark_node_set_literal(html, span);
        cmark_node_insert_before(text, html);
        cmark_node_set_literal(text, rest);
        html = NULL;
    }
    if (html)
        cmark_node_free(html);
    free(rest);
    free(pre);
    return ok;
}

static bool is_status_label(cmark_node *n)
{
    cmark_node *t = n && cmark_node_get_type(n) == CMARK_NODE_STRONG ? cmark_node_first_child(n) : NULL;
    return t && cmark_node_get_type(t) == CMARK_NODE_TEXT && strcmp(cmark_node_get_literal(t), "Status:") == 0;
}

/* A table cell that is a verdict word, and the word after "**Status:**". */
static bool mark_tree(cmark_node *parent)
{
    bool cell = strcmp(cmark_node_get_type_string(parent), "table_cell") == 0;
    for (cmark_node *n = cmark_node_first_child(parent); n; n = cmark_node_next(n)) {
        bool text = cmark_node_get_type(n) == CMARK_NODE_TEXT;
        if (text && cell && !mark_text(n, true))
            return false;
        if (text && is_status_label(cmark_node_previous(n)) && !mark_text(n, false))
            return false;
        if (cmark_node_first_child(n) && !mark_tree(n))
            return false;
    }
    return true;
}

/* ---- rendering ---- */

/* A copy of html with every "://" written "&#58;//" and every "src=" written "src&#61;" (any
 * case): the text reads the same, and nothing in the file names a URL to fetch
 * or a source to load. */
char *inc_html_no_fetch(const char *html)
{
    size_t len = strlen(html), o = 0;
    char *out = malloc(5 * len + 1); /* each replaced byte grows to 5 */
    if (!out)
        return NULL;
    for (size_t i = 0; i < len; i++) {
        if (html[i] == ':' && html[i + 1] == '/' && html[i + 2] == '/') {
            memcpy(out + o, "&#58;", 5);
            o += 5;
        } else if (html[i] == '=' && i >= 3 && strncasecmp(html + i - 3, "src", 3) == 0) {
            memcpy(out + o, "&#61;", 5);
            o += 5;
        } else {
            out[o++] = html[i];
        }
    }
    out[o] = '\0';
    return out;
}

static cmark_node *parse(const char *md, size_t len, cmark_parser **parser)
{
    cmark_gfm_core_extensions_ensure_registered();
    cmark_syntax_extension *table = cmark_find_syntax_extension("table");
    *parser = cmark_parser_new(CMARK_OPT_VALIDATE_UTF8);
    if (!*parser || !table || !cmark_parser_attach_syntax_extension(*parser, table))
        return NULL;
    cmark_parser_feed(*parser, md, len);
    return cmark_parser_finish(*parser);
}

char *inc_markdown_to_html(const char *md, size_t len)
{
    cmark_parser *parser = NULL;
    cmark_node *doc = parse(md, len, &parser);
    char *html = NULL;
    if (doc && defuse_tree(doc) && mark_tree(doc))
        html = cmark_render_html(doc, CMARK_OPT_UNSAFE, cmark_parser_get_syntax_extensions(parser));
    if (doc)
        cmark_node_free(doc);
    if (parser)
        cmark_parser_free(parser);
    return html;
}
