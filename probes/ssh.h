/* ssh.h: the SSH transport (libssh): one interactive shell with a PTY per device.
 *
 * Blocking by design: it runs in the device's worker thread (probes/runner.c), never on the
 * UI thread, and every wait has a deadline. */
#ifndef ERDIAG_SSH_H
#define ERDIAG_SSH_H

#include <stdbool.h>
#include <stddef.h>

#include "core/inventory.h"
#include "probes/transport.h"

/* A person's answer about an unknown host key. */
typedef enum {
    HOSTKEY_REFUSE = 0,
    HOSTKEY_ACCEPT_ONCE, /* this connection only: nothing is saved */
    HOSTKEY_ACCEPT_SAVE, /* saved to the known_hosts file */
} hostkey_answer_t;

typedef struct {
    const device_t *device; /* copied at open */
    bool accept_new;        /* accept an unknown host key without asking (--accept-new) */
    /* Shows an unknown key's SHA256 fingerprint and asks what to do with it.  NULL = refuse
     * unknown keys unless accept_new (which saves them). */
    hostkey_answer_t (*confirm_hostkey)(void *ud, const char *host, const char *fingerprint);
    /* Asks the user for a password or keyboard-interactive answer; 0 when buf was filled. */
    int (*ask_secret)(void *ud, const char *prompt, bool echo, char *buf, size_t size);
    void *ud;
} ssh_opts_t;

/* Connects, verifies the host key, authenticates, opens the shell, finds the prompt and turns
 * paging off.  NULL on failure with *err and msg set. */
transport_t *ssh_open(const ssh_opts_t *opts, probe_error_t *err, char *msg, size_t msglen);
/* Sends an empty line and waits for the prompt: keeps idle sessions past exec-timeout. */
int ssh_keepalive(transport_t *t);

#endif
