/* remedy.c: a step's next lines and notes from the vendor's remedy table and Azure's side of the
 * cause, with every placeholder the evidence knows filled (framework/remedy_context.c).
 *
 * A remedy's next lines are added whole or not at all: half a configuration block pasted into
 * a router is worse than none.  A line whose optional placeholder ({name?}) is unknown is left
 * out, and so is a configuration block left empty by that. */
#include <stdio.h>
#include <string.h>

#include "framework/remedy_context.h"

typedef struct {
    char text[VENDOR_REMEDY_NEXT][320];
    bool disruptive[VENDOR_REMEDY_NEXT];
    int n;
} lines_t;

/* A table line with its placeholders filled into out.  False when a placeholder marked
 * optional is not known: the line is to be left out. */
static bool fill_line(const remedy_ctx_t *c, const char *tmpl, char *out, size_t size)
{
    size_t w = 0;
    for (const char *p = tmpl; *p && w + 1 < size;) {
        const char *end = *p == '{' ? strchr(p, '}') : NULL;
        if (!end) {
            out[w++] = *p++;
            continue;
        }
        size_t n = (size_t)(end - p - 1);
        bool optional = n > 0 && p[n] == '?';
        char value[160];
        if (!remedy_value(c, p + 1, n - optional, value, sizeof(value)) && optional)
            return false;
        w += (size_t)snprintf(out + w, size - w, "%s", value);
        w = w < size ? w : size - 1;
        p = end + 1;
    }
    out[w] = '\0';
    return true;
}

static bool is_one_of(const char *line, const char *const *words)
{
    for (; *words; words++)
        if (!strcmp(line, *words))
            return true;
    return false;
}

/* Drops "configure" lines followed directly by the lines that leave configuration mode: the
 * block between them lost all its lines.  Works on any array of lines (n updated). */
static void drop_empty_blocks(char (*text)[320], bool *disruptive, int *n)
{
    static const char *const enter[] = {"configure", "configure terminal", NULL};
    static const char *const leave[] = {"end", "commit", "commit and-quit", NULL};
    int w = 0;
    for (int i = 0; i < *n; i++) {
        int k = i + 1;
        while (is_one_of(text[i], enter) && k < *n && is_one_of(text[k], leave))
            k++;
        if (k > i + 1) {
            i = k - 1;
            continue;
        }
        if (w != i) {
            memcpy(text[w], text[i], sizeof(text[0]));
            disruptive[w] = disruptive[i];
        }
        w++;
    }
    *n = w;
}

static void add_next(step_result_t *s, const remedy_ctx_t *c, const vendor_remedy_t *r)
{
    lines_t l;
    l.n = 0;
    for (int i = 0; i < VENDOR_REMEDY_NEXT && r->next[i]; i++) {
        const char *line = vendor_remedy_line(r->next[i], &l.disruptive[l.n]);
        l.n += fill_line(c, line, l.text[l.n], sizeof(l.text[0]));
    }
    drop_empty_blocks(l.text, l.disruptive, &l.n);
    if (s->n_next + l.n > STEP_MAX_NEXT) {
        step_note(s, "The %d lines for %s were left out: this step's list of next lines is full", l.n, r->cause);
        return;
    }
    for (int i = 0; i < l.n; i++) {
        memcpy(s->next[s->n_next], l.text[i], sizeof(l.text[0]));
        s->next_disruptive[s->n_next++] = l.disruptive[i];
    }
}

/* Notes are added once each: two causes of one step often share Azure's side. */
static void add_notes(step_result_t *s, const remedy_ctx_t *c, const vendor_remedy_t *r)
{
    for (int i = 0; r && i < VENDOR_REMEDY_NOTES && r->note[i] && s->n_note < STEP_MAX_NOTES; i++) {
        char line[sizeof(s->note[0])];
        bool seen = !fill_line(c, r->note[i], line, sizeof(line));
        for (int k = 0; k < s->n_note && !seen; k++)
            seen = !strcmp(s->note[k], line);
        if (!seen)
            memcpy(s->note[s->n_note++], line, sizeof(line));
    }
}

void step_remedy_hint(step_result_t *s, const evidence_t *ev, const char *cause, const remedy_hint_t *hint)
{
    const vendor_remedy_t *r = ev->vendor ? vendor_remedy(ev->vendor, cause) : NULL;
    const vendor_remedy_t *az = azure_remedy(cause);
    if (!r && !az)
        return;
    remedy_ctx_t c;
    remedy_context(ev, hint, &c);
    if (r)
        add_next(s, &c, r);
    add_notes(s, &c, r);
    add_notes(s, &c, az);
}

void step_remedy(step_result_t *s, const evidence_t *ev, const char *cause, const char *iface, const char *policy)
{
    remedy_hint_t h = {.iface = iface, .route_map = policy};
    step_remedy_hint(s, ev, cause, &h);
}

void step_settle_remedies(step_result_t *s, const evidence_t *ev)
{
    if (s->verdict != VERDICT_WARN || !remedy_session_established(ev))
        return;
    int w = 0;
    for (int i = 0; i < s->n_next; i++) {
        if (s->next_disruptive[i]) {
            step_note(s, "Held back while the session is Established (it resets the session: run it in a "
                      "maintenance window if the change must apply at once): %s", s->next[i]);
            continue;
        }
        if (w != i)
            memcpy(s->next[w], s->next[i], sizeof(s->next[0]));
        s->next_disruptive[w++] = false;
    }
    s->n_next = w;
    drop_empty_blocks(s->next, s->next_disruptive, &s->n_next);
}
