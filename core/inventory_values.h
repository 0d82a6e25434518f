/* inventory_values.h: what an inventory value may look like.  Values reach libssh, a
 * ProxyCommand that libssh runs through /bin/sh, ssh-keygen's argument vector and file names
 * of recordings: each is checked at load against a strict shape, so that a value is only ever
 * data.  Every check returns true, or false with a phrase for "file:line: KEY <phrase>" in why. */
#ifndef ERDIAG_INVENTORY_VALUES_H
#define ERDIAG_INVENTORY_VALUES_H

#include <stdbool.h>
#include <stddef.h>

#include "core/inventory.h"

/* jump = [user@]host[:port], or [user@][IPv6]:port with the address in brackets. */
typedef struct {
    char user[INV_NAME_LEN]; /* "" when not given */
    char host[INV_TEXT_LEN]; /* without brackets */
    int port;                /* 0 when not given */
} inv_jump_t;

/* Splits and checks a jump value: user and host names of letters, digits and . _ - (not
 * starting with -), or an IPv6 address in brackets; port 1..65535. */
bool inventory_parse_jump(const char *value, inv_jump_t *out);

/* A host name or ~/.ssh/config alias (letters, digits, . _ -, not starting with -) or an IPv4 or
 * IPv6 address. */
bool inv_check_host(const char *value, char *why, size_t whylen);
/* A login name: letters, digits, . _ - @ and \ (domain users), not starting with -. */
bool inv_check_user(const char *value, char *why, size_t whylen);
bool inv_check_jump(const char *value, char *why, size_t whylen);
/* identity, known_hosts: absolute or ~/..., no control characters. */
bool inv_check_path(const char *value, char *why, size_t whylen);
/* password_command: what cmdline_split accepts. */
bool inv_check_command(const char *value, char *why, size_t whylen);
/* A device name (also a directory name in a recording): letters, digits, . _ -, not starting
 * with . or -. */
bool inv_check_name(const char *value, char *why, size_t whylen);
/* Any other text: no control characters. */
bool inv_check_text(const char *value, char *why, size_t whylen);

#endif
