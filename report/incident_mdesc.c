/* incident_mdesc.c: Markdown that says exactly what the text says.  A report is pasted into
 * GitHub, Jira and ServiceNow, and rendered to HTML by cmark-gfm: a '*' in a finding must not
 * start emphasis, a '<' from a device must never become a tag, a '|' must not split a table
 * cell, and an answer holding ``` must not end its fence.  Plain text is backslash-escaped
 * (CommonMark lets any ASCII punctuation be escaped, and every renderer we paste into follows
 * that); device output goes in code spans and fenced blocks, which are literal. */
#include <ctype.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "report/incident_int.h"

/* Characters that are markup wherever they stand ('<' and '&' start HTML; with '<' escaped no
 * '>' can end a tag).  '_' only at a word's edge (intraword '_' never makes emphasis), '#' only
 * where it could start or close a heading, '\' only before what it would escape. */
static bool always_escaped(char c)
{
    return strchr("*`[]<&|~", c) != NULL;
}

static bool needs_escape(const char *s, size_t i, size_t start)
{
    char c = s[i], prev = i > start ? s[i - 1] : ' ', next = s[i + 1];
    if (always_escaped(c))
        return true;
    if (c == '_')
        return !(isalnum((unsigned char)prev) && isalnum((unsigned char)next));
    if (c == '#')
        return prev == ' ' || prev == '\t' || i == start;
    if (c == '\\')
        return next == '\0' || ispunct((unsigned char)next);
    return false;
}

/* The index of the character that makes the start of s a block: a quote ("> "), a list ("- ",
 * "+ ", "1. ", "1) "), a setext underline or a thematic break ("=", "--"); -1 when none. */
static size_t block_marker_at(const char *s)
{
    if (s[0] == '>')
        return 0;
    if ((s[0] == '-' || s[0] == '+' || s[0] == '=') && (s[1] == ' ' || s[1] == '\t' || s[1] == '\0' || s[1] == s[0]))
        return 0;
    size_t d = 0;
    while (isdigit((unsigned char)s[d]) && d < 10)
        d++;
    if (d == 0 || d == 10 || (s[d] != '.' && s[d] != ')'))
        return (size_t)-1;
    return s[d + 1] == ' ' || s[d + 1] == '\t' || s[d + 1] == '\0' ? d : (size_t)-1;
}

int md_text(FILE *f, const char *s)
{
    while (*s == ' ' || *s == '\t' || *s == '\n')
        s++;
    size_t marker = block_marker_at(s);
    for (size_t i = 0; s[i]; i++) {
        char c = s[i] == '\n' ? ' ' : s[i];
        if ((i == marker || needs_escape(s, i, 0)) && fputc('\\', f) == EOF)
            return -1;
        if (fputc(c, f) == EOF)
            return -1;
    }
    return 0;
}

/* The longest run of backticks in s[0..len). */
static size_t longest_backticks(const char *s, size_t len)
{
    size_t best = 0, run = 0;
    for (size_t i = 0; i < len; i++) {
        run = s[i] == '`' ? run + 1 : 0;
        if (run > best)
            best = run;
    }
    return best;
}

static int put_ticks(FILE *f, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (fputc('`', f) == EOF)
            return -1;
    return 0;
}

int md_code(FILE *f, const char *s, bool in_cell)
{
    size_t len = strlen(s);
    if (len == 0)
        return 0;
    size_t ticks = longest_backticks(s, len) + 1;
    /* One space each side is stripped when both are there: pad when the text starts or ends
     * with a backtick, or starts and ends with a space. */
    bool pad = s[0] == '`' || s[len - 1] == '`' || (s[0] == ' ' && s[len - 1] == ' ');
    if (put_ticks(f, ticks) < 0 || (pad && fputc(' ', f) == EOF))
        return -1;
    for (size_t i = 0; i < len; i++) {
        char c = s[i] == '\n' ? ' ' : s[i];
        if (in_cell && c == '|' && fputc('\\', f) == EOF)
            return -1;
        if (fputc(c, f) == EOF)
            return -1;
    }
    if ((pad && fputc(' ', f) == EOF) || put_ticks(f, ticks) < 0)
        return -1;
    return 0;
}

int md_fence(FILE *f, const char *s, size_t len)
{
    size_t ticks = longest_backticks(s, len) + 1;
    if (ticks < 3)
        ticks = 3;
    if (put_ticks(f, ticks) < 0 || fputs("text\n", f) == EOF)
        return -1;
    if (len && fwrite(s, 1, len, f) != len)
        return -1;
    if (len && s[len - 1] != '\n' && fputc('\n', f) == EOF)
        return -1;
    if (put_ticks(f, ticks) < 0 || fputs("\n\n", f) == EOF)
        return -1;
    return 0;
}

int md_text_raw(FILE *f, const char *s)
{
    char *safe = inc_safe_str(s);
    int rc = safe ? md_text(f, safe) : -1;
    free(safe);
    return rc;
}

int md_code_raw(FILE *f, const char *s, bool in_cell)
{
    char *safe = inc_safe_str(s);
    int rc = safe ? md_code(f, safe, in_cell) : -1;
    free(safe);
    return rc;
}

int md_printf(FILE *f, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    int n = vfprintf(f, fmt, ap);
    va_end(ap);
    return n < 0 ? -1 : 0;
}
