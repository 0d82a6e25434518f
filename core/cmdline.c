/* cmdline.c: a command line split into words with shell quoting rules and nothing else (see
 * cmdline.h).  Pure: no I/O, no environment. */
#include "core/cmdline.h"

#include <stdarg.h>
#include <stdbool.h>
#include <stdio.h>
#include <string.h>

/* Outside quotes these mean something to a shell that this splitter does not do. */
#define SHELL_SPECIALS ";&|<>()$`*?[]{}"

typedef struct {
    cmdline_t *out;
    size_t pos;      /* next free byte of out->buf */
    bool in_word;    /* a word is open (also an empty quoted one: "") */
    const char *home;
    char *err;
    size_t errlen;
} splitter_t;

static int fail(splitter_t *s, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
static int fail(splitter_t *s, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(s->err, s->errlen, fmt, ap);
    va_end(ap);
    return -1;
}

static int open_word(splitter_t *s)
{
    if (s->in_word)
        return 0;
    if (s->out->argc == CMDLINE_MAX_ARGS)
        return fail(s, "more than %d words", CMDLINE_MAX_ARGS);
    if (s->pos >= sizeof(s->out->buf)) /* no room for even the word's NUL */
        return fail(s, "longer than %d bytes", CMDLINE_MAX_LEN);
    s->out->argv[s->out->argc++] = s->out->buf + s->pos;
    s->in_word = true;
    return 0;
}

static int put(splitter_t *s, char c)
{
    if (open_word(s) != 0)
        return -1;
    if (s->pos + 1 >= sizeof(s->out->buf)) /* room for this byte and the word's NUL */
        return fail(s, "longer than %d bytes", CMDLINE_MAX_LEN);
    s->out->buf[s->pos++] = c;
    return 0;
}

static void end_word(splitter_t *s)
{
    if (s->in_word)
        s->out->buf[s->pos++] = '\0'; /* put() kept a byte free for it */
    s->in_word = false;
}

/* 'text': everything literal up to the next quote.  Returns the bytes consumed or -1. */
static int single_quoted(splitter_t *s, const char *p)
{
    const char *end = strchr(p + 1, '\'');
    if (!end)
        return fail(s, "a ' is not closed");
    if (open_word(s) != 0)
        return -1;
    for (const char *q = p + 1; q < end; q++)
        if (put(s, *q) != 0)
            return -1;
    return (int)(end - p) + 1;
}

/* "text": literal except the escapes \" \\ \$ \`; a bare $ or ` would be expanded by a
 * shell, and silently passing it on would run something other than what was meant. */
static int double_quoted(splitter_t *s, const char *p)
{
    if (open_word(s) != 0)
        return -1;
    const char *q = p + 1;
    for (; *q && *q != '"'; q++) {
        if (*q == '$' || *q == '`')
            return fail(s, "'%c' inside double quotes would be expanded by a shell (use single quotes)", *q);
        if (*q == '\\' && q[1] && strchr("\"\\$`", q[1]))
            q++;
        if (put(s, *q) != 0)
            return -1;
    }
    if (*q != '"')
        return fail(s, "a \" is not closed");
    return (int)(q - p) + 1;
}

static bool word_ends(char c)
{
    return c == '\0' || c == ' ' || c == '\t';
}

/* One unquoted character (or ~ / ~/ at the start of a word, which becomes home). */
static int plain(splitter_t *s, const char *p)
{
    if (strchr(SHELL_SPECIALS, *p))
        return fail(s, "'%c' outside quotes (no shell runs the command: quote it, or put a pipeline in a script)", *p);
    if (!s->in_word && *p == '#')
        return fail(s, "a word starting with '#' would be a comment to a shell (quote it)");
    if (!s->in_word && *p == '~' && s->home && (p[1] == '/' || word_ends(p[1]))) {
        for (const char *h = s->home; *h; h++)
            if (put(s, *h) != 0)
                return -1;
        return open_word(s) == 0 ? 1 : -1; /* an empty home still makes a word */
    }
    return put(s, *p) == 0 ? 1 : -1;
}

static int escaped(splitter_t *s, const char *p)
{
    if (!p[1])
        return fail(s, "a backslash at the end");
    return put(s, p[1]) == 0 ? 2 : -1;
}

int cmdline_split(const char *line, const char *home, cmdline_t *out, char *err, size_t errlen)
{
    splitter_t s = {.out = out, .home = home, .err = err, .errlen = errlen};
    memset(out, 0, sizeof(*out));
    for (const char *p = line; *p; p++)
        if (((unsigned char)*p < 0x20 && *p != '\t') || *p == 0x7f)
            return fail(&s, "a control character (0x%02x)", (unsigned char)*p);
    for (const char *p = line; *p;) {
        int n;
        if (*p == ' ' || *p == '\t') {
            end_word(&s);
            n = 1;
        } else {
            n = *p == '\'' ? single_quoted(&s, p) : *p == '"' ? double_quoted(&s, p)
                : *p == '\\' ? escaped(&s, p) : plain(&s, p);
        }
        if (n < 0)
            return -1;
        p += n;
    }
    end_word(&s);
    if (out->argc == 0)
        return fail(&s, "no command");
    out->argv[out->argc] = NULL;
    return 0;
}
