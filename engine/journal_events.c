/* journal_events.c: the session journal's entries (core/journal.h), one per event, written as
 * the event happens so that a session killed at any point keeps everything before it:
 *   session      the device, its inventory section, the runbook, who and which erdiag
 *   sent         a request went out (device, probe, poll, command)
 *   answer       what came back, raw (redacted unless --keep-secrets), or the error
 *   parse        how the parser read that answer (kind, records, partial)
 *   import       a file the user saved (reverse trace, Azure routes), and its text
 *   console_tcp  the console host's connect test
 *   verdict      a step's verdict or cause changed; status: the overall status changed
 *   question / answered   a host key or password asked, and the answer (never the secret)
 *   note         the operator's note on a step (redacted)
 *   warning / error       what the client was told, what stopped the session
 *   end          the session finished (journal_mark_finished)
 * A journal that cannot be written is said once as a warning and the session goes on. */
#include <pwd.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "core/redact.h"
#include "core/utf8.h"
#include "engine/internal.h"
#include "framework/result_json.h"

/* The file's stem: erdiag-<device>, the name kept to [A-Za-z0-9._-]. */
static void stem_of(const char *device, char *out, size_t size)
{
    size_t n = (size_t)snprintf(out, size, "erdiag-%.64s", device && device[0] ? device : "session");
    for (size_t i = 7; i < n && i < size; i++)
        if (!strchr("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789._-", out[i]))
            out[i] = '_';
}

static double clock_of(void *ud)
{
    const engine_t *e = ud;
    return e->o.clock(e->o.clock_ud);
}

void jevents_open(engine_t *e)
{
    char dir[1024], stem[96], err[1300];
    if (e->o.no_journal)
        return;
    if (e->o.journal_dir)
        snprintf(dir, sizeof(dir), "%s", e->o.journal_dir);
    else if (journal_default_dir(dir, sizeof(dir)) != 0) {
        engine_warn(e, "journal: no place for it (set XDG_STATE_HOME or HOME); this session is not journaled");
        return;
    }
    stem_of(e->o.device, stem, sizeof(stem));
    e->journal = journal_create(dir, stem, e->journal_path, sizeof(e->journal_path), err, sizeof(err));
    if (!e->journal)
        engine_warn(e, "journal: %s; this session is not journaled", err);
    else if (e->o.clock)
        journal_set_clock(e->journal, clock_of, e);
}

/* Appends kind with fields (stolen); a failure is said once and ends the journaling. */
static uint64_t put(engine_t *e, const char *kind, json_t *fields)
{
    char err[600];
    uint64_t id = 0;
    if (e->journal && fields)
        id = journal_append(e->journal, kind, fields, err, sizeof(err));
    json_decref(fields);
    if (e->journal && id == 0) {
        journal_close(e->journal);
        e->journal = NULL;
        engine_warn(e, "journal %s: %s; the rest of this session is not journaled", e->journal_path, err);
    }
    return id;
}

/* Text for the journal: valid UTF-8 (jansson refuses anything else), redacted unless keep. */
static json_t *text_of(bool keep, const char *text, size_t len)
{
    size_t n;
    char *clean = keep ? strndup(text, len) : redact_text(text, len, &n);
    if (!clean)
        return json_string("<out of memory>");
    size_t size = strlen(clean) * 3 + 1;
    char *valid = malloc(size);
    json_t *s = valid ? (utf8_repair(clean, valid, size), json_string(valid)) : json_string("<out of memory>");
    free(valid);
    free(clean);
    return s;
}

static json_t *redacted(const char *text)
{
    return text_of(false, text, strlen(text));
}

void jevents_session(engine_t *e)
{
    char *ini = NULL, peer[ADDR_LEN] = "";
    size_t n = 0;
    const device_t *d = e->dev;
    FILE *f = d ? open_memstream(&ini, &n) : NULL;
    if (f) {
        inventory_write_device(f, e->loaded ? e->loaded : d);
        if (e->rev_dev)
            inventory_write_device(f, e->rev_dev);
        fclose(f);
    }
    if (d && d->has_peer_ip)
        ip_to_string(&d->peer_ip, peer, sizeof(peer));
    const char *user = getenv("USER");
    const struct passwd *pw = user && user[0] ? NULL : getpwuid(getuid());
    if (pw)
        user = pw->pw_name; /* $USER unset (cron, a service): the account */
    json_t *o = json_pack("{s:s, s:s, s:s, s:s?, s:b, s:f}", "device", e->o.device ? e->o.device : "", "runbook",
                          runbook_name(e->o.runbook), "erdiag", PACKAGE_VERSION, "replay", e->o.replay, "live",
                          e->o.live, "interval", e->o.interval);
    if (d) {
        json_object_set_new(o, "vendor", json_string(d->vendor));
        json_object_set_new(o, "circuit", json_string(d->circuit));
        json_object_set_new(o, "peering", json_string(d->peering == PEERING_MICROSOFT ? "microsoft" : "private"));
        json_object_set_new(o, "link", json_string(d->link == LINK_SECONDARY ? "secondary" : "primary"));
        json_object_set_new(o, "peer", json_string(peer));
        json_object_set_new(o, "family", json_string(family_name(d->family)));
    }
    json_object_set_new(o, "operator", redacted(d && d->operator[0] ? d->operator : user ? user : ""));
    if (ini)
        json_object_set_new(o, "device_ini", redacted(ini));
    free(ini);
    put(e, JOURNAL_KIND_SESSION, o);
}

static uint64_t answer(engine_t *e, const engine_event_t *ev)
{
    const probe_reply_t *rp = ev->reply;
    const cmd_result_t *r = &rp->result;
    json_t *o = json_pack("{s:s, s:s, s:i, s:s, s:I, s:s, s:f, s:b}", "device", ev->job->dev->name, "probe",
                          probe_name(ev->job->req.probe), "poll", ev->poll, "command", rp->command, "request",
                          (json_int_t)rp->id, "error", probe_error_name(r->error), "seconds", r->seconds, "truncated",
                          r->truncated);
    if (r->message[0])
        json_object_set_new(o, "message", redacted(r->message));
    if (r->output)
        json_object_set_new(o, "output", text_of(e->o.keep_secrets, r->output, r->len));
    json_object_set_new(o, "redacted", json_boolean(!e->o.keep_secrets));
    if (r->recorded_utc > 0)
        json_object_set_new(o, "recorded_utc", json_real(r->recorded_utc));
    return put(e, "answer", o);
}

/* How the parser read the answer journaled as id. */
static void parse_result(engine_t *e, uint64_t id, const probe_reply_t *rp)
{
    if (id == 0 || !rp->result.output)
        return;
    json_t *o = json_pack("{s:I, s:s, s:I, s:b, s:b}", "answer", (json_int_t)id, "record_kind", kind_name(rp->kind),
                          "records", (json_int_t)rp->n_records, "partial", rp->partial, "truncated", rp->truncated);
    if (rp->partial_reason[0])
        json_object_set_new(o, "partial_reason", json_string(rp->partial_reason));
    if (rp->parse_error[0])
        json_object_set_new(o, "parse_error", redacted(rp->parse_error));
    put(e, "parse", o);
}

static uint64_t import(engine_t *e, const probe_reply_t *rp)
{
    bool trace = rp->probe == PROBE_TRACEROUTE;
    json_t *o = json_pack("{s:s, s:s}", "what", trace ? "reverse_trace" : "azure_routes", "command", rp->command);
    const char *path = trace ? e->o.reverse_trace : e->o.azure_routes;
    json_object_set_new(o, "path", redacted(path ? path : e->o.replay ? e->o.replay : ""));
    json_object_set_new(o, "output", text_of(e->o.keep_secrets, rp->result.output, rp->result.len));
    uint64_t id = put(e, "import", o);
    parse_result(e, id, rp);
    return id;
}

uint64_t jevents_event(engine_t *e, const engine_event_t *ev)
{
    uint64_t id = 0;
    if (!e->journal)
        return 0;
    switch (ev->kind) {
    case ENGINE_EV_SENT:
        put(e, "sent", json_pack("{s:s, s:s, s:i, s:s, s:I}", "device", ev->job->dev->name, "probe",
                                 probe_name(ev->job->req.probe), "poll", ev->poll, "command", ev->job->command,
                                 "request", (json_int_t)ev->job->request_id));
        break;
    case ENGINE_EV_REPLY:
        id = answer(e, ev);
        parse_result(e, id, ev->reply);
        break;
    case ENGINE_EV_IMPORTED: id = import(e, ev->reply); break;
    case ENGINE_EV_CONSOLE_TCP:
        put(e, "console_tcp", json_pack("{s:s, s:s, s:s}", "result", tcp_result_name(e->ev.console_tcp.result),
                                        "message", e->ev.console_tcp.message, "text", ev->text));
        break;
    case ENGINE_EV_WARNING: put(e, "warning", json_pack("{s:o}", "text", redacted(ev->text))); break;
    default: break;
    }
    return id;
}

/* FNV-1a: enough to tell that a finding's words changed. */
static uint32_t text_hash(const char *s)
{
    uint32_t h = 2166136261u;
    while (*s)
        h = (h ^ (unsigned char)*s++) * 16777619u;
    return h;
}

/* A "judgement" entry (the whole result, as runbook_result_to_json writes it) after a judged
 * round whose result differs from the last one journaled: what an incident report tells. */
static void judgement(engine_t *e, bool changed)
{
    const runbook_result_t *r = &e->result;
    for (int i = 0; i < r->n_steps; i++) {
        uint32_t h = text_hash(r->steps[i].finding);
        changed |= h != e->last_finding[i];
        e->last_finding[i] = h;
    }
    if (e->journal && e->state == ENGINE_JUDGED && (changed || !e->judgement_written)) {
        put(e, "judgement", json_pack("{s:o}", "result", runbook_result_to_json(r)));
        e->judgement_written = true;
    }
}

/* A "verdict" entry for each step whose verdict or cause changed since the last one (a step
 * still waiting for its probes is not judged yet), and a "status" entry when the overall
 * status of a judged round did. */
void jevents_verdicts(engine_t *e)
{
    const runbook_result_t *r = &e->result;
    bool changed = false;
    for (int i = 0; i < r->n_steps && e->journal; i++) {
        const step_result_t *s = &r->steps[i];
        if (engine_step_waiting(e, i))
            continue; /* judged on part of its evidence: not yet a verdict */
        bool had = e->last_cause[i][0] != '\0';
        if (had && e->last_verdict[i] == s->verdict && strcmp(e->last_cause[i], s->cause) == 0)
            continue;
        json_t *o = json_pack("{s:s, s:s, s:s, s:s}", "step", s->id, "title", s->title, "verdict",
                              verdict_name(s->verdict), "cause", s->cause);
        json_object_set_new(o, "finding", redacted(s->finding));
        if (had)
            json_object_set_new(o, "was", json_pack("{s:s, s:s}", "verdict", verdict_name(e->last_verdict[i]),
                                                    "cause", e->last_cause[i]));
        put(e, "verdict", o);
        changed = true;
        e->last_verdict[i] = s->verdict;
        snprintf(e->last_cause[i], sizeof(e->last_cause[i]), "%s", s->cause);
    }
    if (e->journal && e->state == ENGINE_JUDGED && (!e->last_status || strcmp(e->last_status, r->status) != 0)) {
        const char *root = r->n_causes ? r->steps[r->causes[0]].cause : "none";
        put(e, "status", json_pack("{s:s, s:i, s:s}", "status", r->status, "exit_code", r->exit_code, "root_cause", root));
        e->last_status = r->status;
        changed = true;
    }
    judgement(e, changed);
}

void jevents_question(engine_t *e, const engine_question_t *q)
{
    bool hk = q->kind == ENGINE_Q_HOSTKEY;
    json_t *o = json_pack("{s:I, s:s, s:s, s:s}", "question", (json_int_t)q->id, "asks", hk ? "hostkey" : "secret",
                          "device", q->device, "host", q->host);
    json_object_set_new(o, hk ? "fingerprint" : "prompt", redacted(hk ? q->fingerprint : q->prompt));
    put(e, "question", o);
}

void jevents_answered(engine_t *e, uint64_t question, const char *answer)
{
    put(e, "answered", json_pack("{s:I, s:s}", "question", (json_int_t)question, "answer", answer));
}

void jevents_error(engine_t *e)
{
    json_t *o = json_pack("{s:s, s:s}", "step", e->error_step ? e->error_step : "none", "cause",
                          e->error_cause ? e->error_cause : "internal_error");
    json_object_set_new(o, "error", redacted(e->error));
    put(e, "error", o);
}

uint64_t engine_note(engine_t *e, const char *step, const char *text)
{
    json_t *o = json_pack("{s:s}", "step", step ? step : "");
    json_object_set_new(o, "text", redacted(text));
    return e->journal ? put(e, "note", o) : (json_decref(o), 0);
}

const char *engine_journal_path(const engine_t *e)
{
    return e->journal_path[0] ? e->journal_path : NULL;
}

void jevents_close(engine_t *e)
{
    char err[600];
    if (!e->journal)
        return;
    if (journal_mark_finished(e->journal, err, sizeof(err)) == 0)
        engine_warn(e, "journal %s: %s", e->journal_path, err);
    journal_close(e->journal);
    e->journal = NULL;
}
