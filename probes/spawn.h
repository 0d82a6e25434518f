/* spawn.h: running a helper program (the inventory's password_command, ssh-keygen) without a
 * shell: an argument vector, a minimal environment, stdin from /dev/null, stdout read through a
 * pipe with a size cap and a deadline. */
#ifndef ERDIAG_SPAWN_H
#define ERDIAG_SPAWN_H

#include <stdbool.h>
#include <stddef.h>

typedef struct {
    double timeout_s;    /* then the program is killed (SIGKILL) */
    bool quiet_stderr;   /* stderr to /dev/null instead of erdiag's own */
} spawn_opts_t;

/* The only variables a helper sees (when set in erdiag's environment): what finds programs and
 * the user's files, the locale, and what password managers and their agents need.  NULL-ended. */
extern const char *const spawn_env_names[];

/* Runs argv[0] (searched on PATH) with argv.  Its stdout goes into out (NUL-terminated, *out_len
 * bytes); a program that prints out_size bytes or more is killed and that is an error.  Returns
 * the program's exit status (0..255), or -1 with the reason in err (could not start, killed by
 * a signal, too much output, timed out).  argv and out stay the caller's. */
int spawn_capture(char *const argv[], const spawn_opts_t *opts, char *out, size_t out_size, size_t *out_len, char *err,
                  size_t errlen);

#endif
