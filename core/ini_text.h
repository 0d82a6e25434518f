/* ini_text.h: INI text for inih, read by us line by line so that errors can name their line.
 *
 * inih (Debian's build) does not tell its handler which line it is on, and it silently splits a
 * line longer than its buffer into two.  ini_text_parse() feeds inih through a reader that
 * counts lines, remembers the line of the last [section] header, refuses a line that does not
 * fit and keeps the earliest error as "name:line: message".  ini_text_read_file() is the one way
 * a configuration file is read: a regular file, at most a given size, no NUL byte. */
#ifndef ERDIAG_INI_TEXT_H
#define ERDIAG_INI_TEXT_H

#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <sys/stat.h>

typedef struct {
    const char *name;  /* for messages: a path or a label (borrowed, outlives the parse) */
    const char *text;  /* NUL-terminated (borrowed) */
    size_t off;        /* reader position in text */
    int line;          /* the line inih is reading (1-based) */
    int section_line;  /* the line of the last [section] header */
    bool strip_indent; /* give inih lines without leading blanks: no line continues a value */
    char err[512];     /* the earliest error: inih goes on after a handler fails */
    int err_line;
} ini_text_t;

/* Reads text (kept borrowed) named name in messages. */
void ini_text_init(ini_text_t *r, const char *name, const char *text);

/* Records "name:line: message" unless an earlier line already failed.  Returns 0, which is
 * what an inih handler returns to say it failed. */
int ini_text_fail_at(ini_text_t *r, int line, const char *fmt, ...) __attribute__((format(printf, 3, 4)));
int ini_text_vfail_at(ini_text_t *r, int line, const char *fmt, va_list ap);
/* Records msg as it is, as the error of line (which keeps it only when no earlier line failed):
 * for a message that names another file's line already (an included file's).  Returns 0. */
int ini_text_fail_raw(ini_text_t *r, int line, const char *msg);
/* The same at the line inih is reading. */
int ini_text_fail(ini_text_t *r, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

/* Runs inih over the text, handler(user, section, key, value) for each key.  0 when every line
 * was read and no handler failed; -1 with r->err set otherwise. */
int ini_text_parse(ini_text_t *r, int (*handler)(void *, const char *, const char *, const char *), void *user);
/* ini_text_parse(), then after(user) (which may fail lines too) when every line was good; the
 * error, if any, copied to err.  0, or -1. */
int ini_text_run(ini_text_t *r, int (*handler)(void *, const char *, const char *, const char *),
                 void (*after)(void *), void *user, char *err, size_t errlen);

/* The whole file at path if it is a regular file of at most max bytes without a NUL byte, else
 * NULL with "path: why" in err (what names the kind of file: "an inventory", "a theme").  st
 * (may be NULL) gets the file's status.  Caller frees the text. */
char *ini_text_read_file(const char *path, size_t max, const char *what, struct stat *st, char *err, size_t errlen);

#endif
