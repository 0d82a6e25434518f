/* notes.c: the session's notes, one per line, tied to a step (see notes.h). */
#include "tui/notes.h"

#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/redact.h"

void tui_notes_init(tui_notes_t *notes)
{
    memset(notes, 0, sizeof(*notes));
}

/* Copies text without control characters (C0, DEL), cut at a character boundary. */
static void one_line(char *out, size_t size, const char *text)
{
    size_t w = 0;
    const unsigned char *p = (const unsigned char *)text;
    for (; *p && w + 1 < size; p++)
        if (*p >= 0x20 && *p != 0x7f)
            out[w++] = (char)*p;
    if ((*p & 0xc0) == 0x80) { /* cut inside a character: drop its first bytes too */
        while (w > 0 && ((unsigned char)out[w - 1] & 0xc0) == 0x80)
            w--;
        if (w > 0 && ((unsigned char)out[w - 1] & 0xc0) == 0xc0)
            w--;
    }
    out[w] = '\0';
}

static bool blank(const char *s)
{
    return s[strspn(s, " ")] == '\0';
}

int tui_notes_add(tui_notes_t *notes, const char *step, double utc, const char *text)
{
    tui_note_t note = {.utc = utc};
    snprintf(note.step, sizeof(note.step), "%s", step ? step : "");
    one_line(note.text, sizeof(note.text), text ? text : "");
    redact_inplace(note.text, sizeof(note.text));
    if (blank(note.text))
        return -1;
    if (notes->n == notes->cap) {
        size_t cap = notes->cap ? notes->cap * 2 : 8;
        tui_note_t *items = realloc(notes->items, cap * sizeof(*items));
        if (!items)
            return -1;
        notes->items = items;
        notes->cap = cap;
    }
    notes->items[notes->n++] = note;
    return 0;
}

size_t tui_notes_count(const tui_notes_t *notes)
{
    return notes->n;
}

const tui_note_t *tui_notes_get(const tui_notes_t *notes, size_t i)
{
    return i < notes->n ? &notes->items[i] : NULL;
}

size_t tui_notes_for_step(const tui_notes_t *notes, const char *step)
{
    size_t n = 0;
    for (size_t i = 0; i < notes->n; i++)
        n += strcmp(notes->items[i].step, step) == 0;
    return n;
}

void tui_notes_free(tui_notes_t *notes)
{
    free(notes->items);
    tui_notes_init(notes);
}
