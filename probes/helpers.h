/* helpers.h: the outside programs erdiag runs: the inventory's password_command, and
 * `ssh-keygen -F` to say where a changed host key is.  Both without a shell (probes/spawn.h). */
#ifndef ERDIAG_HELPERS_H
#define ERDIAG_HELPERS_H

#include <stddef.h>

/* Runs command (split by cmdline_split, a leading ~ is $HOME) and puts the first line of its
 * stdout into buf.  Returns 0, or -1 with the reason in err (never any of the output). */
int helper_password(const char *command, char *buf, size_t size, char *err, size_t errlen);

/* Where host (port 0 or 22: the bare name) has its entry in the known_hosts file: "FILE:LINE",
 * or FILE alone when ssh-keygen cannot tell.  ssh-keygen -F knows hashed entries too. */
void helper_known_host(const char *file, const char *host, int port, char *out, size_t size);

#endif
