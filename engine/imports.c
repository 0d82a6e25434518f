/* imports.c: the files a user saved for the asymmetric runbook (the Azure VM's trace back to
 * on-prem, the VM NIC's effective routes), read and parsed as the runner parses device answers. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "engine/internal.h"

/* The whole file, NUL-terminated, at most TRANSPORT_MAX_OUTPUT; NULL with err set.  The caller
 * frees it. */
static char *read_whole(const char *path, size_t *len, char *err, size_t errlen)
{
    FILE *f = fopen(path, "rb");
    if (!f) {
        snprintf(err, errlen, "%s: %s", path, strerror(errno));
        return NULL;
    }
    size_t cap = 8192, n;
    char *buf = malloc(cap);
    *len = 0;
    while (buf && (n = fread(buf + *len, 1, cap - *len - 1, f)) > 0) {
        *len += n;
        if (*len + 1 == cap) {
            char *grown = cap < TRANSPORT_MAX_OUTPUT ? realloc(buf, cap * 2) : NULL;
            if (!grown)
                free(buf);
            buf = grown;
            cap *= 2;
        }
    }
    fclose(f);
    if (!buf)
        snprintf(err, errlen, "%s: too large or out of memory", path);
    else
        buf[*len] = '\0';
    return buf;
}

/* Saved traceroutes come from any host: the format tells which parser reads it. */
static const char *trace_format(const char *text, const char **vendor)
{
    *vendor = "linux";
    if (strstr(text, "Tracing route"))
        return *vendor = "windows", "tracert";
    if (strstr(text, "HOST:") || strstr(text, "Loss%"))
        return "mtr --report";
    return "traceroute";
}

/* Parses text (owned: it goes into the reply) saved from path as a trace or Azure routes. */
static probe_reply_t *import_text(engine_t *e, const char *path, char *text, size_t len, bool trace, char *err,
                                  size_t errlen)
{
    probe_reply_t *rp = calloc(1, sizeof(*rp));
    if (!rp) {
        free(text);
        snprintf(err, errlen, "out of memory");
        return NULL;
    }
    const char *vendor = "azure", *command = "az network nic show-effective-route-table";
    if (trace)
        command = trace_format(text, &vendor);
    rp->probe = trace ? PROBE_TRACEROUTE : PROBE_COUNT;
    rp->result.output = text;
    rp->result.len = len;
    probe_reply_parse(rp, vendor, command);
    snprintf(rp->command, sizeof(rp->command), "%s (imported from %.400s)", command, path);
    if (rp->kind == KIND_NONE || rp->n_records == 0)
        engine_warn(e, "%s: read as %s output, but %s", path, command,
                    rp->parse_error[0] ? rp->parse_error : "nothing in it was understood");
    return rp;
}

static probe_reply_t *import_file(engine_t *e, const char *path, bool trace, char *err, size_t errlen)
{
    size_t len;
    char *text = read_whole(path, &len, err, errlen);
    return text ? import_text(e, path, text, len, trace, err, errlen) : NULL;
}

/* Replaying a journal: the file the session imported, unless the user names another. */
static probe_reply_t *import_journaled(engine_t *e, int i, char *err, size_t errlen)
{
    size_t len;
    const char *path, *text = journal_source_import(e->source, i == 0 ? "reverse_trace" : "azure_routes", &len, &path);
    char *copy = text ? strdup(text) : NULL;
    if (!text)
        return NULL;
    if (!copy) {
        snprintf(err, errlen, "out of memory");
        return NULL;
    }
    return import_text(e, path ? path : "the journal", copy, len, i == 0, err, errlen);
}

int imports_read(engine_t *e)
{
    char err[700] = "";
    const char *paths[2] = {e->o.reverse_trace, e->o.azure_routes};
    for (int i = 0; i < 2; i++) {
        if (!paths[i] && e->source) {
            e->imported[i] = import_journaled(e, i, err, sizeof(err));
            if (!e->imported[i] && err[0])
                return engine_fail(e, "none", "internal_error", "%s", err);
        }
        if (!paths[i] && !e->imported[i])
            continue;
        if (paths[i])
            e->imported[i] = import_file(e, paths[i], i == 0, err, sizeof(err));
        if (!e->imported[i])
            return engine_fail(e, "none", "usage_error", "%s", err);
        e->imported_jid[i] = engine_emit(e, ENGINE_EV_IMPORTED, NULL, 0, e->imported[i], NULL);
    }
    return 0;
}
