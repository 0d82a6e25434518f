/* transport.c: error words and results shared by every transport. */
#include "probes/transport.h"

#include <stdlib.h>
#include <string.h>

const char *probe_error_text(probe_error_t e)
{
    static const char *const words[] = {
        [PERR_NONE] = "ok",
        [PERR_CONNECT] = "cannot connect (name resolution or TCP connect failed)",
        [PERR_TIMEOUT] = "timed out",
        [PERR_AUTH] = "authentication failed",
        [PERR_HOSTKEY_UNKNOWN] = "host key unknown (not yet accepted)",
        [PERR_HOSTKEY_CHANGED] = "host key CHANGED: refusing to connect",
        [PERR_PROMPT] = "prompt not detected",
        [PERR_PAGING] = "paging could not be disabled",
        [PERR_REJECTED] = "command rejected by the device",
        [PERR_NOT_ALLOWED] = "command refused by erdiag's read-only allowlist",
        [PERR_DISCONNECTED] = "disconnected",
        [PERR_MISSING] = "no recorded answer for this probe",
        [PERR_INTERNAL] = "internal error",
        [PERR_UNSUPPORTED] = "this platform has no command for it",
    };
    return e <= PERR_UNSUPPORTED ? words[e] : "unknown error";
}

static const char *const error_names[] = {
    [PERR_NONE] = "none", [PERR_CONNECT] = "connect", [PERR_TIMEOUT] = "timeout", [PERR_AUTH] = "auth",
    [PERR_HOSTKEY_UNKNOWN] = "hostkey_unknown", [PERR_HOSTKEY_CHANGED] = "hostkey_changed",
    [PERR_PROMPT] = "prompt", [PERR_PAGING] = "paging", [PERR_REJECTED] = "rejected",
    [PERR_NOT_ALLOWED] = "not_allowed", [PERR_DISCONNECTED] = "disconnected", [PERR_MISSING] = "missing",
    [PERR_INTERNAL] = "internal", [PERR_UNSUPPORTED] = "unsupported",
};

const char *probe_error_name(probe_error_t e)
{
    return e <= PERR_UNSUPPORTED ? error_names[e] : "internal";
}

probe_error_t probe_error_from_name(const char *name)
{
    for (int e = PERR_NONE; e <= PERR_UNSUPPORTED; e++)
        if (strcmp(name, error_names[e]) == 0)
            return (probe_error_t)e;
    return PERR_INTERNAL;
}

void cmd_result_free(cmd_result_t *r)
{
    free(r->output);
    r->output = NULL;
    r->len = 0;
}
