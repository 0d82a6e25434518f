/* circuit.c: the circuit step (framework/circuit.h): both sessions up, the same prefixes
 * advertised and received on both links, BFD on both; which link carries traffic each way is
 * framework/circuit_pref.c.  The causes found are ranked here and written as one step. */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "framework/circuit_judge.h"

const char *carrier_name(carrier_t c)
{
    static const char *const names[] = {"unknown", "primary", "secondary", "both"};
    return c <= CARRIER_BOTH ? names[c] : "unknown";
}

/* ---------------------------------------------------------------- collecting */

found_t *judge_found(judge_t *j, const char *cause, verdict_t v, circuit_link_id_t link)
{
    if (j->n_found == CIRCUIT_MAX_CAUSES)
        return NULL;
    found_t *f = &j->found[j->n_found++];
    memset(f, 0, sizeof(*f));
    f->cause = cause;
    f->verdict = v;
    f->link = link;
    return f;
}

void found_quote_alt(found_t *f, const fact_t *fact, const char *needle, const char *alt, circuit_link_id_t link)
{
    if (!f || f->n_quotes == FOUND_QUOTES || !fact || !needle[0])
        return;
    quote_t *q = &f->quotes[f->n_quotes++];
    q->f = fact;
    snprintf(q->needle, sizeof(q->needle), "%s", needle);
    snprintf(q->alt, sizeof(q->alt), "%s", alt ? alt : "");
    q->prefix = false;
    q->link = link;
}

void found_quote(found_t *f, const fact_t *fact, const char *needle, bool prefix, circuit_link_id_t link)
{
    int before = f ? f->n_quotes : 0;
    found_quote_alt(f, fact, needle, NULL, link);
    if (f && f->n_quotes > before)
        f->quotes[before].prefix = prefix;
}

/* Appends one formatted row to a fixed table of rows; dropped when the table is full. */
static void add_row(char *rows, size_t row_size, int *n, int max, const char *fmt, va_list ap)
{
    if (*n < max)
        vsnprintf(rows + (size_t)(*n)++ * row_size, row_size, fmt, ap);
}
#define ADD_ROW(table, n, fmt)                                                                                      \
    do {                                                                                                            \
        va_list ap;                                                                                                 \
        va_start(ap, fmt);                                                                                          \
        add_row(&(table)[0][0], sizeof((table)[0]), &(n), (int)(sizeof(table) / sizeof((table)[0])), fmt, ap);      \
        va_end(ap);                                                                                                 \
    } while (0)

void found_note(found_t *f, const char *fmt, ...)
{
    if (f)
        ADD_ROW(f->notes, f->n_notes, fmt);
}

void judge_pass(judge_t *j, const char *fmt, ...)
{
    ADD_ROW(j->pass_words, j->n_pass, fmt);
}

void judge_missing(judge_t *j, const char *fmt, ...)
{
    ADD_ROW(j->missing, j->n_missing, fmt);
}

/* ---------------------------------------------------------------- the sessions */

static void quote_state(found_t *f, const link_view_t *l)
{
    const fact_t *sum = &l->ev->facts[PROBE_BGP_SUMMARY];
    char line[8];
    if (fact_usable(sum) && fact_find_line(sum, (const char *const[]){l->peer, NULL}, line, sizeof(line)))
        found_quote(f, sum, l->peer, false, l->id);
    else if (l->state_fact)
        found_quote(f, l->state_fact, l->state, false, l->id);
}

/* True when both sessions are Established; else the cause (or what is missing) is noted. */
static bool judge_sessions(judge_t *j)
{
    const link_view_t *p = &j->l[CIRCUIT_PRIMARY], *s = &j->l[CIRCUIT_SECONDARY];
    bool p_down = p->state_known && !p->established, s_down = s->state_known && !s->established;
    if (!p_down && !s_down) {
        for (int i = 0; i < CIRCUIT_LINKS; i++)
            if (!j->l[i].state_known)
                judge_missing(j, "the %s link's session state (%s with %s) could not be read from its BGP "
                              "neighbor or summary answer", j->l[i].role, j->l[i].name, j->l[i].peer);
        return !j->n_missing;
    }
    const link_view_t *down = p_down ? p : s, *other = p_down ? s : p;
    found_t *f = judge_found(j, "link_redundancy_lost", VERDICT_FAIL, down->id);
    if (p_down && s_down)
        snprintf(f->text, sizeof(f->text), "Both BGP sessions of the circuit are down (primary %s with %s: %s; secondary "
                 "%s with %s: %s): nothing crosses the circuit, and Microsoft's SLA needs both up.", p->name, p->peer,
                 p->state, s->name, s->peer, s->state);
    else
        snprintf(f->text, sizeof(f->text), "The %s link's BGP session (%s with %s) is %s while the %s's is %s: the "
                 "circuit runs on the %s link alone. Microsoft's SLA needs both sessions of a circuit up; a failure or "
                 "maintenance on the %s now cuts the circuit.", down->role, down->name, down->peer, down->state,
                 other->role, other->state_known ? other->state : "not read", other->role, other->role);
    quote_state(f, down);
    quote_state(f, other);
    found_note(f, "Prefixes, preferences and BFD are compared only while both sessions are Established");
    return false;
}

/* ---------------------------------------------------------------- prefixes on both links */

/* The prefixes of a that b lacks, listed (at most CIRCUIT_LIST_MAX, then "and K more"); the
 * count is returned, the first of them copied to first. */
static size_t diff_list(const prefix_set_t *a, const prefix_set_t *b, char *buf, size_t size, char *first)
{
    size_t n = 0, w = 0;
    buf[0] = first[0] = '\0';
    for (size_t i = 0; i < a->n; i++) {
        if (prefix_set_has(b, a->p[i]))
            continue;
        if (n++ == 0)
            snprintf(first, PREFIX_LEN, "%s", a->p[i]);
        if (n <= CIRCUIT_LIST_MAX && w < size)
            w += (size_t)snprintf(buf + w, size - w, "%s%s", n > 1 ? ", " : "", a->p[i]);
    }
    if (n > CIRCUIT_LIST_MAX && w < size)
        snprintf(buf + w, size - w, " and %zu more", n - CIRCUIT_LIST_MAX);
    return n;
}

/* Whether two links' sets of one kind can be compared; says why not. */
static bool comparable(judge_t *j, const prefix_set_t *p, const prefix_set_t *s, const char *what)
{
    const prefix_set_t *sets[] = {p, s};
    for (int i = 0; i < CIRCUIT_LINKS; i++) {
        if (!sets[i]->read)
            judge_missing(j, "the %s link's %s routes were not read: %s", j->l[i].role, what, sets[i]->why);
        else if (sets[i]->cut)
            judge_missing(j, "the %s link's %s routes were cut short, so a prefix they lack may simply not have "
                          "been seen", j->l[i].role, what);
        if (!sets[i]->read || sets[i]->cut)
            return false;
    }
    return true;
}

static void say_set_diff(judge_t *j, found_t **f, const prefix_set_t *p, const prefix_set_t *s, const char *what)
{
    char only_p[300], only_s[300], first_p[PREFIX_LEN], first_s[PREFIX_LEN];
    size_t np = diff_list(p, s, only_p, sizeof(only_p), first_p), ns = diff_list(s, p, only_s, sizeof(only_s), first_s);
    bool adv = p == &j->l[CIRCUIT_PRIMARY].adv;
    if (!np && !ns) {
        judge_pass(j, "the same %zu prefix%s %s on both links", p->n, p->n == 1 ? "" : "es", what);
        return;
    }
    /* The remedy goes to the link that lacks prefixes (the secondary when both do). */
    circuit_link_id_t lacking = ns && !np ? CIRCUIT_PRIMARY : CIRCUIT_SECONDARY;
    if (!*f && !(*f = judge_found(j, "advertisement_mismatch", VERDICT_FAIL, lacking)))
        return;
    size_t w = strlen((*f)->text);
    snprintf((*f)->text + w, sizeof((*f)->text) - w, "%sThe links %s different prefixes: on the primary only: %s; on the "
             "secondary only: %s.", w ? " " : "", adv ? "advertise to Microsoft" : "receive from Microsoft",
             np ? only_p : "none", ns ? only_s : "none");
    if (!(*f)->prefix[0])
        snprintf((*f)->prefix, sizeof((*f)->prefix), "%s", np ? first_p : first_s);
    if (np)
        found_quote(*f, p->fact, first_p, true, CIRCUIT_PRIMARY);
    if (ns)
        found_quote(*f, s->fact, first_s, true, CIRCUIT_SECONDARY);
    if (!np || !ns) /* the other link's count, where its platform prints one */
        found_quote(*f, np ? s->fact : p->fact, "Total number of prefixes", false, np ? CIRCUIT_SECONDARY : CIRCUIT_PRIMARY);
    if (adv)
        found_note(*f, "Azure reaches a prefix advertised on one link only over that link: it has no redundancy, "
                   "and its return traffic never follows the other link");
    else
        found_note(*f, "Microsoft sends the same prefixes on both links: a prefix received on one link only is "
                   "filtered inbound on the other (or withdrawn there)");
}

static void judge_sets(judge_t *j)
{
    link_view_t *p = &j->l[CIRCUIT_PRIMARY], *s = &j->l[CIRCUIT_SECONDARY];
    found_t *f = NULL;
    if (comparable(j, &p->adv, &s->adv, "advertised"))
        say_set_diff(j, &f, &p->adv, &s->adv, "advertised");
    if (comparable(j, &p->rcv, &s->rcv, "received"))
        say_set_diff(j, &f, &p->rcv, &s->rcv, "received");
}

/* ---------------------------------------------------------------- BFD */

static void judge_bfd(judge_t *j)
{
    int up[CIRCUIT_LINKS];
    char why[CIRCUIT_LINKS][240];
    if (!j->l[0].ev->device->bfd_expected && !j->l[1].ev->device->bfd_expected)
        return;
    for (int i = 0; i < CIRCUIT_LINKS; i++) {
        up[i] = link_bfd(&j->l[i], why[i], sizeof(why[i]));
        j->out->links[i].bfd = up[i];
        if (up[i] < 0)
            judge_missing(j, "the %s link's BFD sessions were not read: %s", j->l[i].role, why[i]);
    }
    if (up[0] == 1 && up[1] == 1) {
        judge_pass(j, "BFD up on both links");
        return;
    }
    if (up[0] != 0 && up[1] != 0)
        return;
    int bad = up[0] == 0 ? 0 : 1;
    found_t *f = judge_found(j, "bfd_session_down", VERDICT_WARN, (circuit_link_id_t)bad);
    if (!f)
        return;
    bool neither = up[0] == 0 && up[1] == 0;
    snprintf(f->text, sizeof(f->text), "%s BFD session up with %s while BGP is Established%s: a failure of %s "
             "is noticed only when the 180 s hold timer expires, so failover to the other link is slow.",
             neither ? "Neither link has a" : bad ? "The secondary link has no" : "The primary link has no",
             neither ? "its MSEE" : j->l[bad].peer, up[!bad] == 1 ? " (the other link has one)" : "",
             neither ? "either link" : "that link");
    for (int i = 0; i < CIRCUIT_LINKS; i++)
        found_quote(f, &j->l[i].ev->facts[PROBE_BFD], j->l[i].peer, false, (circuit_link_id_t)i);
}

/* ---------------------------------------------------------------- the step */

static int severity(verdict_t v)
{
    return v == VERDICT_FAIL ? 2 : v == VERDICT_WARN ? 1 : 0;
}

/* FAIL before WARN; within a verdict the order found (sessions, prefixes, preference, BFD). */
static void rank_found(judge_t *j)
{
    for (int i = 1; i < j->n_found; i++)
        for (int k = i; k > 0 && severity(j->found[k].verdict) > severity(j->found[k - 1].verdict); k--) {
            found_t t = j->found[k];
            j->found[k] = j->found[k - 1];
            j->found[k - 1] = t;
        }
}

static void add_quotes(judge_t *j, const found_t *f)
{
    step_result_t *s = &j->out->step;
    for (int i = 0; i < f->n_quotes && s->n_evidence < STEP_MAX_EVIDENCE; i++) {
        const quote_t *q = &f->quotes[i];
        int before = s->n_evidence;
        if (q->prefix ? link_prefix_evidence(s, q->f, q->needle)
                      : step_evidence(s, q->f, (const char *const[]){q->needle, NULL}) ||
                            (q->alt[0] && step_evidence(s, q->f, (const char *const[]){q->alt, NULL})))
            j->out->evidence_link[before] = q->link;
    }
}

static void append(char *buf, size_t size, const char *sep, const char *text)
{
    size_t w = strlen(buf);
    if (w + 1 < size)
        snprintf(buf + w, size - w, "%s%s", w ? sep : "", text);
}

static void write_causes(judge_t *j)
{
    step_result_t *s = &j->out->step;
    const found_t *top = &j->found[0];
    (top->verdict == VERDICT_FAIL ? step_fail : step_warn)(s, top->cause, "%s", top->text);
    for (int i = 0; i < j->n_found; i++) {
        const found_t *f = &j->found[i];
        if (i)
            append(s->finding, sizeof(s->finding), " Also ", f->text);
        snprintf(j->out->causes[i], sizeof(j->out->causes[i]), "%s", f->cause);
        j->out->cause_verdicts[i] = f->verdict;
        j->out->cause_links[i] = f->link;
        add_quotes(j, f);
    }
    j->out->n_causes = j->n_found;
    for (int i = 0; i < j->n_found; i++) {
        const found_t *f = &j->found[i];
        remedy_hint_t h = {.prefix = f->prefix[0] ? f->prefix : NULL};
        for (int k = 0; k < f->n_notes; k++)
            step_note(s, "%s", f->notes[k]);
        step_remedy_hint(s, j->l[f->link].ev, f->cause, &h);
    }
    step_settle_remedies(s, j->l[top->link].ev);
}

static void write_step(judge_t *j)
{
    step_result_t *s = &j->out->step;
    char words[640] = "";
    for (int i = 0; i < j->n_pass; i++)
        append(words, sizeof(words), "; ", j->pass_words[i]);
    if (j->n_found) {
        write_causes(j);
        if (words[0])
            step_note(s, "What holds: %s", words);
    } else if (j->n_missing) {
        step_skip(s, "Not judged: %s%s%s", j->missing[0], words[0] ? ". What holds: " : "", words);
    } else {
        step_pass(s, "Both sessions Established; %s.", words);
        found_t pass = {.n_quotes = 0};
        for (int i = 0; i < CIRCUIT_LINKS; i++)
            quote_state(&pass, &j->l[i]);
        add_quotes(j, &pass);
    }
    for (int i = j->n_found || !j->n_missing ? 0 : 1; i < j->n_missing; i++)
        step_note(s, "Not judged: %s", j->missing[i]);
}

static void set_status(circuit_result_t *c)
{
    verdict_t v = c->step.verdict;
    bool unjudged = v == VERDICT_SKIP && strcmp(c->step.cause, "not_applicable") != 0;
    c->exit_code = v == VERDICT_FAIL ? 2 : v == VERDICT_WARN ? 1 : unjudged ? 3 : 0;
    c->status = v == VERDICT_FAIL ? "CRITICAL" : v == VERDICT_WARN ? "WARNING" : unjudged ? "UNKNOWN" : "OK";
}

static void fill_links(judge_t *j)
{
    for (int i = 0; i < CIRCUIT_LINKS; i++) {
        const link_view_t *l = &j->l[i];
        circuit_link_t *o = &j->out->links[i];
        snprintf(o->device, sizeof(o->device), "%s", l->name);
        snprintf(o->peer, sizeof(o->peer), "%s", l->peer);
        snprintf(o->state, sizeof(o->state), "%s", l->state);
        o->state_known = l->state_known;
        o->established = l->established;
        o->n_advertised = l->adv.read ? (long)l->adv.n : -1;
        o->n_received = l->rcv.read ? (long)l->rcv.n : -1;
        o->local_pref = MODEL_ABSENT;
        o->out_path_len = o->in_path_len = o->prepends = o->bfd = -1;
    }
}

void circuit_judge(const evidence_t *primary, const evidence_t *secondary, circuit_result_t *out)
{
    judge_t *j = calloc(1, sizeof(*j));
    memset(out, 0, sizeof(*out));
    out->step.id = "circuit";
    out->step.title = "Circuit redundancy";
    if (!j) {
        step_skip(&out->step, "Not judged: out of memory");
        set_status(out);
        return;
    }
    j->out = out;
    link_read(&j->l[CIRCUIT_PRIMARY], primary, CIRCUIT_PRIMARY);
    link_read(&j->l[CIRCUIT_SECONDARY], secondary, CIRCUIT_SECONDARY);
    fill_links(j);
    if (judge_sessions(j)) {
        judge_sets(j);
        judge_preference(j);
        judge_bfd(j);
    }
    rank_found(j);
    write_step(j);
    set_status(out);
    link_free(&j->l[CIRCUIT_PRIMARY]);
    link_free(&j->l[CIRCUIT_SECONDARY]);
    free(j);
}

/* ---------------------------------------------------------------- the circuit's status */

/* How bad an exit code is: CRITICAL > WARNING > UNKNOWN > OK. */
static int badness(int exit_code)
{
    static const int rank[] = {0, 2, 3, 1};
    return exit_code >= 0 && exit_code <= 3 ? rank[exit_code] : 1;
}

void circuit_combine(circuit_result_t *c, const runbook_result_t *primary, const runbook_result_t *secondary)
{
    const runbook_result_t *links[] = {primary, secondary};
    for (int i = 0; i < CIRCUIT_LINKS; i++)
        if (links[i] && badness(links[i]->exit_code) > badness(c->exit_code)) {
            c->exit_code = links[i]->exit_code;
            c->status = links[i]->status;
        }
}
