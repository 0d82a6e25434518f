/* tty.h: asking the person at the terminal (/dev/tty, never stdin: output may be piped), and
 * the terminal's width. */
#ifndef ERDIAG_TTY_H
#define ERDIAG_TTY_H

#include <stdbool.h>
#include <stddef.h>

#include "probes/ssh.h"

/* Shows an unknown host key's fingerprint and asks to accept (and save) it; refused without a
 * terminal. */
hostkey_answer_t cli_confirm_hostkey(void *ud, const char *host, const char *fingerprint);
/* Asks for a password or keyboard-interactive answer (not echoed unless echo); 0 when answered. */
int cli_ask_secret(void *ud, const char *prompt, bool echo, char *buf, size_t size);

/* Columns to fold text at on fd: a terminal's width (TIOCGWINSZ; when it reports none, as a
 * fresh pty does, $COLUMNS, else 80); not_tty when fd is no terminal (a pipe, a file). */
int cli_width(int fd, int not_tty);

#endif
