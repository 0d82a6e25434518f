/* incident.c: the incident model's life (freeing what it owns), its one-paragraph narrative, and
 * the choice of a writer by format name or file extension.  The narrative is written from the
 * model alone, in a fixed order, so the same journal always tells the same story (the golden
 * tests compare reports byte for byte). */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "core/redact.h"
#include "core/utctime.h"
#include "report/incident_int.h"

void incident_free(incident_t *inc)
{
    for (size_t i = 0; i < inc->n_answers; i++)
        free(inc->answers[i].output);
    free(inc->answers);
    free(inc->events);
    free(inc->notes);
    inc->answers = NULL;
    inc->events = NULL;
    inc->notes = NULL;
    inc->n_answers = inc->n_events = inc->n_notes = 0;
}

/* Appends to the narrative (cut at its size: snprintf never overruns). */
static void say(incident_t *inc, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
static void say(incident_t *inc, const char *fmt, ...)
{
    size_t used = strlen(inc->narrative);
    if (used + 1 >= sizeof(inc->narrative))
        return;
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(inc->narrative + used, sizeof(inc->narrative) - used, fmt, ap);
    va_end(ap);
}

/* "On 2026-12-07 at 05:01 UTC, noc ran the BGP session failure runbook on ce1-nyc (Cisco IOS /
 * IOS-XE), circuit er-nyc-01, private peering, primary link, peer 192.168.100.130." */
static void say_who_what(incident_t *inc)
{
    char when[40] = "";
    if (inc->start_utc > 0 && utc_format(inc->start_utc, false, when, sizeof(when)))
        say(inc, "On %.10s at %.5s UTC, ", when, when + 11);
    say(inc, "%s ran the %s runbook on %s (%s)", inc->operator_name[0] ? inc->operator_name : "the operator",
        inc_runbook_title(inc), inc->device[0] ? inc->device : "an unnamed device", inc_vendor_title(inc->vendor));
    if (inc->circuit[0])
        say(inc, ", circuit %s", inc->circuit);
    if (inc->peering[0])
        say(inc, ", %s peering", inc->peering);
    if (inc->link[0])
        say(inc, ", %s link", inc->link);
    if (inc->peer[0])
        say(inc, ", peer %s", inc->peer);
    say(inc, ". ");
}

/* "The check ended CRITICAL: 5 of 7 steps passed, 2 failed." */
static void say_counts(incident_t *inc)
{
    const runbook_result_t *r = &inc->result;
    int n[4] = {0};
    for (int i = 0; i < r->n_steps; i++)
        if (r->steps[i].verdict <= VERDICT_SKIP)
            n[r->steps[i].verdict]++;
    const char *status = r->status ? r->status : "UNKNOWN";
    if (r->n_steps == 0) {
        say(inc, "The check ended %s: no step was judged. ", status);
        return;
    }
    say(inc, "The check ended %s: %d of %d steps passed", status, n[VERDICT_PASS], r->n_steps);
    static const char *const words[] = {"", "warned", "failed", "could not be judged"};
    for (int v = VERDICT_WARN; v <= VERDICT_SKIP; v++)
        if (n[v])
            say(inc, ", %d %s", n[v], words[v]);
    say(inc, ". ");
}

/* Device text is redacted on its own before it joins a sentence: some secret shapes are only
 * recognised at the start of a line ("  community X;", "snmp-server user ..."). */
static const char *redacted(const char *in, char *out, size_t size)
{
    snprintf(out, size, "%s", in);
    redact_inplace(out, size);
    return out;
}

static void first_sentence_redacted(const char *finding, char *out, size_t size)
{
    char whole[sizeof(((step_result_t *)0)->finding) + 64];
    inc_first_sentence(redacted(finding, whole, sizeof(whole)), 300, out, size);
}

/* The root cause with its deciding line, then the other causes by code. */
static void say_causes(incident_t *inc)
{
    const runbook_result_t *r = &inc->result;
    const char *cause;
    int root = inc_root_step(r, &cause);
    if (root < 0) {
        say(inc, "No fault was found. ");
        return;
    }
    const step_result_t *s = &r->steps[root];
    char finding[400];
    first_sentence_redacted(s->finding, finding, sizeof(finding));
    if (r->n_causes == 0) {
        say(inc, "No fault was found, but the %s step could not be judged: %s. ", s->title, finding);
        return;
    }
    say(inc, "The most likely root cause is %s, found by the %s step: %s", cause, s->title, finding);
    const cause_group_t *g = &r->groups[0];
    const evidence_ref_t *e = g->n_evidence ? &g->evidence[0] : s->n_evidence ? &s->evidence[0] : NULL;
    if (e) {
        char line[sizeof(e->line) + 64], command[sizeof(e->command) + 64]; /* room for "<redacted>" */
        say(inc, ", from the line '%s' of '%s'", redacted(e->line, line, sizeof(line)),
            redacted(e->command, command, sizeof(command)));
    }
    say(inc, ". ");
    for (int c = 1; c < r->n_causes; c++)
        say(inc, "%s%s (%s)", c == 1 ? "Also found: " : ", ", r->steps[r->causes[c]].cause, r->steps[r->causes[c]].id);
    if (r->n_causes > 1)
        say(inc, ". ");
}

void incident_narrative(incident_t *inc)
{
    inc->narrative[0] = '\0';
    say_who_what(inc);
    say_counts(inc);
    say_causes(inc);
    if (!inc->finished)
        say(inc, "The session was cut short: the journal has no end entry%s%s. ", inc->torn_note[0] ? "; " : "",
            inc->torn_note);
    size_t len = strlen(inc->narrative);
    if (len && inc->narrative[len - 1] == ' ')
        inc->narrative[len - 1] = '\0';
}

bool incident_format_from_name(const char *name, incident_format_t *out)
{
    static const struct {
        const char *name;
        incident_format_t fmt;
    } names[] = {{"md", INCIDENT_MD}, {"markdown", INCIDENT_MD}, {"html", INCIDENT_HTML}, {"json", INCIDENT_JSON}};
    for (size_t i = 0; name && i < sizeof(names) / sizeof(names[0]); i++)
        if (strcasecmp(name, names[i].name) == 0) {
            *out = names[i].fmt;
            return true;
        }
    return false;
}

bool incident_format_from_path(const char *path, incident_format_t *out)
{
    const char *slash = path ? strrchr(path, '/') : NULL;
    const char *dot = path ? strrchr(slash ? slash : path, '.') : NULL;
    if (!dot || dot[1] == '\0')
        return false;
    if (strcasecmp(dot + 1, "htm") == 0) {
        *out = INCIDENT_HTML;
        return true;
    }
    return incident_format_from_name(dot + 1, out);
}

int incident_write(FILE *f, const incident_t *inc, incident_format_t fmt)
{
    switch (fmt) {
    case INCIDENT_MD: return incident_write_md(f, inc);
    case INCIDENT_HTML: return incident_write_html(f, inc);
    case INCIDENT_JSON: return incident_write_json(f, inc);
    }
    return -1;
}
