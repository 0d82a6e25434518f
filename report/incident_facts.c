/* incident_facts.c: what every incident writer asks of the model in the same words: times,
 * durations, the root cause step, the answer a journal id names, platform and runbook names,
 * the place a note's line is typed, and a finding's first sentence. */
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "core/utctime.h"
#include "core/utf8.h"
#include "probes/vendor.h"
#include "report/incident_int.h"

void inc_time(double t, bool millis, char *buf, size_t size)
{
    if (t <= 0 || !utc_format(t, millis, buf, size))
        snprintf(buf, size, "unknown");
}

void inc_duration(double seconds, char *buf, size_t size)
{
    long s = seconds > 0 ? lround(seconds) : 0;
    if (s < 60)
        snprintf(buf, size, "%ld s", s);
    else if (s < 3600)
        snprintf(buf, size, "%ld min %02ld s", s / 60, s % 60);
    else
        snprintf(buf, size, "%ld h %02ld min", s / 3600, s % 3600 / 60);
}

const incident_answer_t *inc_answer(const incident_t *inc, uint64_t journal_id)
{
    for (size_t i = 0; journal_id && i < inc->n_answers; i++)
        if (inc->answers[i].journal_id == journal_id)
            return &inc->answers[i];
    return NULL;
}

int inc_root_step(const runbook_result_t *r, const char **cause)
{
    if (r->n_causes > 0) {
        *cause = r->steps[r->causes[0]].cause;
        return r->causes[0];
    }
    int skipped, first = runbook_first_unjudged(r, &skipped);
    *cause = first < 0 ? "none" : "evidence_missing";
    return first;
}

const char *inc_vendor_title(const char *vendor)
{
    const vendor_t *v = vendor && vendor[0] ? vendor_find(vendor) : NULL;
    return v ? v->title : vendor && vendor[0] ? vendor : "unknown platform";
}

const char *inc_runbook_title(const incident_t *inc)
{
    runbook_id_t rb = inc->result.runbook;
    if (inc->runbook[0])
        runbook_from_name(inc->runbook, &rb);
    return rb == RUNBOOK_ASYM ? "asymmetric routing" : "BGP session failure";
}

/* The places a remedy note's line is typed, as framework/ and probes/ prefix them. */
static const char *const note_places[] = {"Azure PowerShell", "Azure CLI", "shell"};

const char *inc_note_platform(const char *note, const char **line)
{
    for (size_t i = 0; i < sizeof(note_places) / sizeof(note_places[0]); i++) {
        size_t n = strlen(note_places[i]);
        if (strncmp(note, note_places[i], n) == 0 && strncmp(note + n, ": ", 2) == 0) {
            *line = note + n + 2;
            return note_places[i];
        }
    }
    *line = note;
    return NULL;
}

const char *inc_comment_leader(const char *vendor)
{
    return strcmp(vendor, "junos") == 0 || strcmp(vendor, "linux") == 0 ? "#" : "!";
}

/* Bytes of s[0..len) that hold at most max characters, ending at a character boundary. */
static size_t fit_chars(const char *s, size_t len, size_t max)
{
    size_t i = 0;
    for (size_t chars = 0; i < len && chars < max; chars++) {
        int n = utf8_check((const unsigned char *)s + i, len - i);
        i += n > 0 ? (size_t)n : 1;
    }
    return i;
}

void inc_first_sentence(const char *text, size_t max_chars, char *out, size_t size)
{
    const char *stop = strstr(text, ". ");
    size_t len = stop ? (size_t)(stop - text) + 1 : strlen(text);
    size_t cut = fit_chars(text, len, max_chars);
    if (cut < len) {
        size_t keep = fit_chars(text, cut, max_chars > 3 ? max_chars - 3 : 0);
        snprintf(out, size, "%.*s...", (int)keep, text);
    } else {
        snprintf(out, size, "%.*s", (int)len, text);
    }
}
