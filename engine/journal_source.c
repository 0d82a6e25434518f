/* journal_source.c: a journal loaded for replay (see journal_source.h): its answers indexed by
 * device and command, and a transport over them. */
#include "engine/journal_source.h"

#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "core/utctime.h"
#include "probes/command.h"

typedef struct {
    char *device, *command, *output, *message;
    size_t len;
    probe_error_t error;
    double utc;
} answer_t;

struct journal_source {
    char *devices;     /* the session entry's device_ini */
    char *console_tcp; /* the console_tcp entry's result */
    char *family;      /* the session entry's family ("ipv4" | "ipv6"; NULL in older journals) */
    char *import_text[2], *import_path[2];
    answer_t *answers;
    size_t n, cap;
};

bool journal_source_is_file(const char *path)
{
    struct stat st;
    return path && stat(path, &st) == 0 && S_ISREG(st.st_mode);
}

static char *dup_field(const json_t *entry, const char *key)
{
    const char *v = json_string_value(json_object_get(entry, key));
    return v ? strdup(v) : NULL;
}

static int add_answer(journal_source_t *s, const json_t *entry)
{
    if (s->n == s->cap) {
        size_t cap = s->cap ? s->cap * 2 : 32;
        answer_t *grown = realloc(s->answers, cap * sizeof(*grown));
        if (!grown)
            return -1;
        s->answers = grown;
        s->cap = cap;
    }
    answer_t *a = &s->answers[s->n];
    memset(a, 0, sizeof(*a));
    a->device = dup_field(entry, "device");
    a->command = dup_field(entry, "command");
    a->output = dup_field(entry, "output");
    a->message = dup_field(entry, "message");
    a->len = a->output ? strlen(a->output) : 0;
    const char *err = json_string_value(json_object_get(entry, "error"));
    a->error = err ? probe_error_from_name(err) : PERR_INTERNAL;
    /* When the answer itself was replayed, the time it was first polled; else when it came. */
    const json_t *recorded = json_object_get(entry, "recorded_utc");
    if (json_is_number(recorded))
        a->utc = json_number_value(recorded);
    else if (!utc_parse(json_string_value(json_object_get(entry, "utc")), &a->utc))
        a->utc = 0;
    if (!a->device || !a->command)
        return -1;
    s->n++;
    return 0;
}

static void keep_import(journal_source_t *s, const json_t *entry)
{
    const char *what = json_string_value(json_object_get(entry, "what"));
    int i = what && strcmp(what, "reverse_trace") == 0 ? 0 : what && strcmp(what, "azure_routes") == 0 ? 1 : -1;
    if (i < 0)
        return;
    free(s->import_text[i]);
    free(s->import_path[i]);
    s->import_text[i] = dup_field(entry, "output");
    s->import_path[i] = dup_field(entry, "path");
}

static int take_entry(void *ud, const json_t *entry, uint64_t id, const char *kind)
{
    (void)id;
    journal_source_t *s = ud;
    if (strcmp(kind, JOURNAL_KIND_SESSION) == 0 && !s->devices) {
        s->devices = dup_field(entry, "device_ini");
        s->family = dup_field(entry, "family");
    } else if (strcmp(kind, "answer") == 0)
        return add_answer(s, entry);
    else if (strcmp(kind, "console_tcp") == 0 && !s->console_tcp)
        s->console_tcp = dup_field(entry, "result");
    else if (strcmp(kind, "import") == 0)
        keep_import(s, entry);
    return 0;
}

journal_source_t *journal_source_load(const char *path, char *torn_note, size_t notelen, char *err, size_t errlen)
{
    journal_source_t *s = calloc(1, sizeof(*s));
    journal_read_status_t st;
    if (!s) {
        snprintf(err, errlen, "out of memory");
        return NULL;
    }
    int rc = journal_read(path, take_entry, s, &st, err, errlen);
    snprintf(torn_note, notelen, "%s", st.torn ? st.torn_note : "");
    if (rc == 1)
        snprintf(err, errlen, "%s: an answer entry without device or command, or out of memory", path);
    else if (rc == 0 && !s->devices)
        snprintf(err, errlen, "%s: no session entry with the device's inventory section: not an erdiag journal", path);
    if (rc != 0 || !s->devices) {
        journal_source_free(s);
        return NULL;
    }
    return s;
}

void journal_source_free(journal_source_t *s)
{
    if (!s)
        return;
    for (size_t i = 0; i < s->n; i++) {
        free(s->answers[i].device);
        free(s->answers[i].command);
        free(s->answers[i].output);
        free(s->answers[i].message);
    }
    for (int i = 0; i < 2; i++) {
        free(s->import_text[i]);
        free(s->import_path[i]);
    }
    free(s->answers);
    free(s->devices);
    free(s->console_tcp);
    free(s->family);
    free(s);
}

const char *journal_source_devices(const journal_source_t *s)
{
    return s->devices;
}

const char *journal_source_family(const journal_source_t *s)
{
    return s->family;
}

const char *journal_source_console_tcp(const journal_source_t *s)
{
    return s->console_tcp;
}

const char *journal_source_import(const journal_source_t *s, const char *what, size_t *len, const char **path)
{
    int i = strcmp(what, "reverse_trace") == 0 ? 0 : 1;
    *len = s->import_text[i] ? strlen(s->import_text[i]) : 0;
    *path = s->import_path[i];
    return s->import_text[i];
}

/* ---- the transport ---- */

typedef struct {
    transport_t base;
    const journal_source_t *s;
    char device[64];
    unsigned *asks; /* per answer index of a command's first answer: how often it was asked */
} jtransport_t;

/* The nth (0-based) of the answers journaled for device and command, cycling; NULL: none. */
static const answer_t *nth_answer(const jtransport_t *t, const char *command, unsigned n, size_t *first)
{
    size_t count = 0;
    const answer_t *pick = NULL;
    for (int pass = 0; pass < 2 && !pick; pass++) {
        size_t k = 0;
        for (size_t i = 0; i < t->s->n; i++) {
            const answer_t *a = &t->s->answers[i];
            if (strcmp(a->device, t->device) != 0 || strcmp(a->command, command) != 0)
                continue;
            if (k == 0)
                *first = i;
            if (pass == 1 && k == n % count)
                pick = a;
            k++;
        }
        count = k;
        if (count == 0)
            return NULL;
    }
    return pick;
}

static int jtransport_run(transport_t *base, probe_id_t probe, const char *command, cmd_result_t *res)
{
    (void)probe;
    jtransport_t *t = (jtransport_t *)base;
    memset(res, 0, sizeof(*res));
    if (!command_allowed(base->vendor, command, res->message, sizeof(res->message))) {
        res->error = PERR_NOT_ALLOWED;
        return -1;
    }
    size_t first = 0;
    const answer_t *a = nth_answer(t, command, 0, &first);
    if (a)
        a = nth_answer(t, command, t->asks[first]++, &first);
    if (!a) {
        res->error = PERR_MISSING;
        snprintf(res->message, sizeof(res->message), "the journal has no answer for '%.300s'", command);
        return -1;
    }
    res->error = a->error;
    res->recorded_utc = a->utc;
    snprintf(res->message, sizeof(res->message), "%s", a->message ? a->message : "");
    if (a->output && !(res->output = strdup(a->output))) {
        res->error = PERR_INTERNAL;
        return -1;
    }
    res->len = a->len;
    return a->error == PERR_NONE ? 0 : -1;
}

static void jtransport_close(transport_t *base)
{
    jtransport_t *t = (jtransport_t *)base;
    free(t->asks);
    free(t);
}

static const transport_ops_t jtransport_ops = {jtransport_run, jtransport_close, NULL};

transport_t *journal_transport_open(const journal_source_t *s, const char *device, const vendor_t *vendor, char *err,
                                    size_t errlen)
{
    jtransport_t *t = calloc(1, sizeof(*t));
    if (t)
        t->asks = calloc(s->n ? s->n : 1, sizeof(*t->asks));
    if (!t || !t->asks) {
        free(t);
        snprintf(err, errlen, "out of memory");
        return NULL;
    }
    t->base.ops = &jtransport_ops;
    t->base.vendor = vendor;
    t->s = s;
    snprintf(t->device, sizeof(t->device), "%s", device);
    return &t->base;
}
