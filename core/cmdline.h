/* cmdline.h: an inventory's password_command split into an argument vector, the way a shell
 * would quote it, but without a shell: no variables, no globbing, no command substitution, no
 * pipes or redirections.  What would mean any of those to a shell is refused, so that the
 * command never silently means something other than what was written. */
#ifndef ERDIAG_CMDLINE_H
#define ERDIAG_CMDLINE_H

#include <stddef.h>

#define CMDLINE_MAX_ARGS 32
#define CMDLINE_MAX_LEN 1024

/* The words point into buf: the struct owns everything, nothing to free. */
typedef struct {
    int argc;
    char *argv[CMDLINE_MAX_ARGS + 1]; /* NULL-terminated, for execve */
    char buf[CMDLINE_MAX_LEN + 1];
} cmdline_t;

/* Splits line into words: blanks separate words; 'single quotes' keep everything literally;
 * "double quotes" keep everything but $ and ` (refused: a shell would expand them) and take
 * \" \\ \$ \` as escapes; outside quotes a backslash makes the next character literal.  An
 * unquoted ~ or ~/ starting a word becomes home (when home is NULL it stays as written).
 * Refused, with the reason in err: unquoted ; & | < > ( ) $ ` * ? [ ] { }, a word starting
 * with an unquoted #, control characters, an unterminated quote, no word at all, more than
 * CMDLINE_MAX_ARGS words or CMDLINE_MAX_LEN bytes.  Returns 0 or -1. */
int cmdline_split(const char *line, const char *home, cmdline_t *out, char *err, size_t errlen);

#endif
