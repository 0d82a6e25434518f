/* transport.c: error words and results shared by every transport. */
#include "probes/transport.h"

#include <stdlib.h>

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

void cmd_result_free(cmd_result_t *r)
{
    free(r->output);
    r->output = NULL;
    r->len = 0;
}
