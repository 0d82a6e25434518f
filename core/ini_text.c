/* ini_text.c: inih fed by a line-counting reader; configuration files read whole, with limits. */
#include "core/ini_text.h"

#include <errno.h>
#include <fcntl.h>
#include <ini.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

void ini_text_init(ini_text_t *r, const char *name, const char *text)
{
    memset(r, 0, sizeof(*r));
    r->name = name;
    r->text = text;
}

int ini_text_vfail_at(ini_text_t *r, int line, const char *fmt, va_list ap)
{
    char msg[400], full[sizeof(r->err)];
    vsnprintf(msg, sizeof(msg), fmt, ap);
    snprintf(full, sizeof(full), "%s:%d: %s", r->name, line, msg);
    /* A syntax error inih reports at the end may lie before a bad value already recorded. */
    return ini_text_fail_raw(r, line, full);
}

int ini_text_fail_raw(ini_text_t *r, int line, const char *msg)
{
    if (!r->err[0] || line < r->err_line) {
        snprintf(r->err, sizeof(r->err), "%s", msg);
        r->err_line = line;
    }
    return 0;
}

int ini_text_fail_at(ini_text_t *r, int line, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    ini_text_vfail_at(r, line, fmt, ap);
    va_end(ap);
    return 0;
}

int ini_text_fail(ini_text_t *r, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    ini_text_vfail_at(r, r->line, fmt, ap);
    va_end(ap);
    return 0;
}

/* One line of the text into str (at most num - 1 bytes and the NUL, inih's fixed buffer).  A
 * line that does not fit would reach inih as two lines, the rest read as a key of its own: it
 * is refused instead.  NULL at the end or after an error. */
static char *next_line(ini_text_t *r, char *str, int num)
{
    if (!r->text[r->off] || r->err[0])
        return NULL;
    size_t n = 0;
    while (r->text[r->off] && n + 1 < (size_t)num) {
        char c = r->text[r->off++];
        str[n++] = c;
        if (c == '\n')
            break;
    }
    str[n] = '\0';
    if (n && str[n - 1] != '\n' && r->text[r->off]) {
        const char *rest = r->text + r->off;
        size_t eol = rest[0] == '\r' && rest[1] == '\n' ? 2 : rest[0] == '\n' ? 1 : 0;
        if (!eol) {
            ini_text_fail_at(r, r->line + 1, "line longer than %d bytes", num - 1);
            return NULL;
        }
        r->off += eol; /* exactly num - 1 bytes: the line ends here */
    }
    return str;
}

/* inih's reader: we count lines here because its handler is not told them. */
static char *read_line(char *str, int num, void *stream)
{
    ini_text_t *r = stream;
    char *line = next_line(r, str, num);
    if (!line)
        return NULL;
    r->line++;
    size_t indent = strspn(line, " \t");
    if (line[indent] == '[')
        r->section_line = r->line;
    if (r->strip_indent && indent)
        memmove(line, line + indent, strlen(line + indent) + 1);
    return line;
}

int ini_text_parse(ini_text_t *r, int (*handler)(void *, const char *, const char *, const char *), void *user)
{
    int rc = ini_parse_stream(read_line, r, handler, user);
    if (rc > 0)
        ini_text_fail_at(r, rc, "not an INI line"); /* kept only when no earlier line was bad */
    if (rc != 0 && !r->err[0])
        snprintf(r->err, sizeof(r->err), "%s: cannot be read", r->name);
    return r->err[0] ? -1 : 0;
}

int ini_text_run(ini_text_t *r, int (*handler)(void *, const char *, const char *, const char *),
                 void (*after)(void *), void *user, char *err, size_t errlen)
{
    if (ini_text_parse(r, handler, user) == 0 && after)
        after(user);
    if (!r->err[0])
        return 0;
    snprintf(err, errlen, "%s", r->err);
    return -1;
}

/* Reads fd to its end into text (cap bytes at most).  The byte count, or -1. */
static ssize_t read_all(int fd, char *text, size_t cap)
{
    size_t n = 0;
    while (n < cap) {
        ssize_t got = read(fd, text + n, cap - n);
        if (got < 0 && errno == EINTR)
            continue;
        if (got < 0)
            return -1;
        if (got == 0)
            break;
        n += (size_t)got;
    }
    return (ssize_t)n;
}

/* text holds n bytes: it is returned when none is NUL, else freed with err naming the line. */
static char *refuse_nul(char *text, ssize_t n, const char *path, char *err, size_t errlen)
{
    text[n] = '\0';
    if (memchr(text, '\0', (size_t)n) == NULL)
        return text;
    int line = 1;
    for (const char *p = text; *p; p++)
        line += *p == '\n';
    snprintf(err, errlen, "%s:%d: a NUL byte: not a text file", path, line);
    free(text);
    return NULL;
}

/* Not /dev/zero, not a FIFO that never ends, not a directory: O_NONBLOCK so that opening a FIFO
 * does not wait for a writer before fstat() says what it is. */
char *ini_text_read_file(const char *path, size_t max, const char *what, struct stat *st, char *err, size_t errlen)
{
    struct stat own;
    st = st ? st : &own;
    int fd = open(path, O_RDONLY | O_NONBLOCK | O_NOCTTY | O_CLOEXEC);
    char *text = NULL;
    ssize_t n = -1;
    if (fd < 0 || fstat(fd, st) != 0)
        snprintf(err, errlen, "%s: %s", path, strerror(errno));
    else if (!S_ISREG(st->st_mode))
        snprintf(err, errlen, "%s: not a regular file", path);
    else if ((size_t)st->st_size > max)
        snprintf(err, errlen, "%s: larger than %zu bytes: not %s", path, max, what);
    else if (!(text = malloc((size_t)st->st_size + 2)))
        snprintf(err, errlen, "%s: out of memory", path);
    else if ((n = read_all(fd, text, (size_t)st->st_size + 1)) < 0 || n > st->st_size)
        snprintf(err, errlen, "%s: %s", path, n < 0 ? strerror(errno) : "grew while being read");
    if (fd >= 0)
        close(fd);
    if (text && n >= 0 && n <= st->st_size)
        return refuse_nul(text, n, path, err, errlen);
    free(text);
    return NULL;
}
