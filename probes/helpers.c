/* helpers.c: the password_command and ssh-keygen -F, run with argument vectors (spawn.c). */
#include "probes/helpers.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/cmdline.h"
#include "probes/spawn.h"

/* A password manager may ask for its own passphrase (pinentry): give the user time to type. */
#define PASSWORD_TIMEOUT_S 60
#define KEYGEN_TIMEOUT_S 10

int helper_password(const char *command, char *buf, size_t size, char *err, size_t errlen)
{
    cmdline_t cl;
    char out[4096], why[300];
    size_t len;
    if (cmdline_split(command, getenv("HOME"), &cl, why, sizeof(why)) != 0) {
        snprintf(err, errlen, "password_command is run without a shell: %s", why);
        return -1;
    }
    /* stderr stays the user's: "gpg: decryption failed" is what they need to see. */
    spawn_opts_t o = {.timeout_s = PASSWORD_TIMEOUT_S, .quiet_stderr = false};
    int status = spawn_capture(cl.argv, &o, out, sizeof(out), &len, why, sizeof(why));
    int rc = -1;
    if (status < 0)
        snprintf(err, errlen, "password_command: %s", why);
    else if (status != 0)
        snprintf(err, errlen, "password_command: %.200s exited with status %d", cl.argv[0], status);
    else if (strcspn(out, "\r\n") == 0)
        snprintf(err, errlen, "password_command: %.200s printed no password", cl.argv[0]);
    else if (size == 0 || strcspn(out, "\r\n") >= size)
        snprintf(err, errlen, "password_command: the password is longer than %zu bytes", size ? size - 1 : 0);
    else
        rc = 0;
    if (rc == 0)
        snprintf(buf, size, "%.*s", (int)strcspn(out, "\r\n"), out);
    memset(out, 0, sizeof(out)); /* the password does not outlive its use in the caller's buffer */
    return rc;
}

void helper_known_host(const char *file, const char *host, int port, char *out, size_t size)
{
    char target[300], found[65536], why[200];
    size_t len;
    if (port && port != 22)
        snprintf(target, sizeof(target), "[%s]:%d", host, port);
    else
        snprintf(target, sizeof(target), "%s", host);
    snprintf(out, size, "%s", file);
    char *argv[] = {"ssh-keygen", "-F", target, "-f", (char *)file, NULL};
    spawn_opts_t o = {.timeout_s = KEYGEN_TIMEOUT_S, .quiet_stderr = true};
    if (spawn_capture(argv, &o, found, sizeof(found), &len, why, sizeof(why)) != 0)
        return;
    for (char *line = found; line && *line; line = strchr(line, '\n') ? strchr(line, '\n') + 1 : NULL) {
        int n;
        if (sscanf(line, "# Host %*s found: line %d", &n) == 1) {
            snprintf(out, size, "%s:%d", file, n);
            return;
        }
    }
}
