/* remedy.c: a step's next lines and notes from the vendor's remedy table and the notes every platform
 * shares (Azure's side included), every placeholder the evidence knows filled
 * (framework/remedy_context.c).
 *
 * A remedy's next lines are added whole or not at all: half a configuration block pasted into
 * a router is worse than none.  A line whose optional placeholder ({name?}, or the bare
 * condition {?name}) is unknown is left out with its sub-block, and so is what that leaves
 * empty (a parent line, a configure ... end pair). */
#include <stdio.h>
#include <string.h>

#include "framework/remedy_context.h"

/* Lines to type being put together: text[i] (disruptive[i]) goes out when keep[i]. */
typedef struct {
    char (*text)[320];
    bool *disruptive, *keep;
    int n;
} view_t;

/* A table line with its placeholders filled into out.  False when the line is to be left out:
 * a value marked optional ({name?}: the value, {?name}: nothing) is not known. */
static bool fill_line(const remedy_ctx_t *c, const char *tmpl, char *out, size_t size)
{
    size_t w = 0;
    bool keep = true;
    for (const char *p = tmpl; *p && w + 1 < size;) {
        const char *end = *p == '{' ? strchr(p, '}') : NULL;
        if (!end) {
            out[w++] = *p++;
            continue;
        }
        const char *name = p + 1;
        size_t n = (size_t)(end - name);
        bool condition = n > 0 && name[0] == '?', optional = condition || (n > 0 && name[n - 1] == '?');
        char value[160];
        keep &= remedy_value(c, name + condition, n - optional, value, sizeof(value)) || !optional;
        w += (size_t)snprintf(out + w, size - w, "%s", condition ? "" : value);
        w = w < size ? w : size - 1;
        p = end + 1;
    }
    out[w] = '\0';
    return keep;
}

static int indent_of(const char *line)
{
    return (int)strspn(line, " ");
}

/* The end of line i's sub-block: the lines after it indented deeper. */
static int block_end(const view_t *v, int i)
{
    int k = i + 1;
    while (k < v->n && indent_of(v->text[k]) > indent_of(v->text[i]))
        k++;
    return k;
}

/* A line left out takes its sub-block along ("route-map X permit 10" and its " set ..."); a
 * line whose whole sub-block went goes too ("router bgp N" with nothing under it). */
static void prune_blocks(view_t *v)
{
    for (int i = 0; i < v->n; i++)
        for (int k = i + 1; !v->keep[i] && k < block_end(v, i); k++)
            v->keep[k] = false;
    for (int i = v->n - 1; i >= 0; i--) {
        int end = block_end(v, i);
        bool kept_child = false;
        for (int k = i + 1; k < end; k++)
            kept_child |= v->keep[k];
        if (end > i + 1 && !kept_child)
            v->keep[i] = false;
    }
}

static bool is_one_of(const char *line, const char *const *words)
{
    for (; *words; words++)
        if (!strcmp(line, *words))
            return true;
    return false;
}

/* A "configure" line followed directly by the lines that leave configuration mode: the block
 * between them lost all its lines. */
static void prune_empty_modes(view_t *v)
{
    static const char *const enter[] = {"configure", "configure terminal", NULL};
    static const char *const leave[] = {"end", "commit", "commit and-quit", NULL};
    for (int i = 0; i < v->n; i++) {
        if (!v->keep[i] || !is_one_of(v->text[i], enter))
            continue;
        int k = i + 1;
        while (k < v->n && !v->keep[k])
            k++;
        if (k == v->n || !is_one_of(v->text[k], leave))
            continue;
        for (v->keep[i] = false; k < v->n && (!v->keep[k] || is_one_of(v->text[k], leave)); k++)
            v->keep[k] = false;
    }
}

/* Leaves out what is not kept and what that leaves empty; the rest moves up, in order. */
static void compact(view_t *v)
{
    prune_blocks(v);
    prune_empty_modes(v);
    int w = 0;
    for (int i = 0; i < v->n; i++) {
        if (!v->keep[i])
            continue;
        if (w != i)
            memcpy(v->text[w], v->text[i], sizeof(v->text[0]));
        v->disruptive[w] = v->disruptive[i];
        v->keep[w++] = true;
    }
    v->n = w;
}

static void add_next(step_result_t *s, const remedy_ctx_t *c, const vendor_remedy_t *r)
{
    char text[VENDOR_REMEDY_NEXT][320];
    bool disruptive[VENDOR_REMEDY_NEXT], keep[VENDOR_REMEDY_NEXT];
    view_t v = {text, disruptive, keep, 0};
    for (; v.n < VENDOR_REMEDY_NEXT && r->next[v.n]; v.n++) {
        const char *line = vendor_remedy_line(r->next[v.n], &disruptive[v.n]);
        keep[v.n] = fill_line(c, line, text[v.n], sizeof(text[0]));
    }
    compact(&v);
    if (s->n_next + v.n > STEP_MAX_NEXT) {
        step_note(s, "The %d lines for %s were left out: this step's list of next lines is full", v.n, r->cause);
        return;
    }
    for (int i = 0; i < v.n; i++) {
        memcpy(s->next[s->n_next], text[i], sizeof(text[0]));
        s->next_disruptive[s->n_next++] = disruptive[i];
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
    const vendor_remedy_t *r = ev->vendor ? vendor_remedy_for(ev->vendor, cause, ev->device ? ev->device->family : FAMILY_IPV4) : NULL;
    const vendor_remedy_t *common = common_remedy(cause);
    if (!r && !common)
        return;
    remedy_ctx_t c;
    remedy_context(ev, hint, &c);
    if (r)
        add_next(s, &c, r);
    add_notes(s, &c, r);
    add_notes(s, &c, common);
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
    bool keep[STEP_MAX_NEXT];
    view_t v = {s->next, s->next_disruptive, keep, s->n_next};
    for (int i = 0; i < v.n; i++) {
        keep[i] = !s->next_disruptive[i];
        if (!keep[i])
            step_note(s, "Held back while the session is Established (it resets the session: run it in a "
                      "maintenance window if the change must apply at once): %s", s->next[i] + indent_of(s->next[i]));
    }
    compact(&v);
    s->n_next = v.n;
}
