/* dialog.c: dialogs in panels (see dialog.h).  Each dialog owns a window and its panel; the
 * console feeds it keys and redraws it with the screen, so waiting for an answer never stops
 * the loop (a stalled device still shows its seconds, other answers still arrive). */
#include "tui/dialog.h"

#include <curses.h>
#include <panel.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/sanitize.h"
#include "tui/draw.h"
#include "tui/rows.h"

#define DIALOG_MAX_BUTTONS 4
#define DIALOG_WIDTH 72

typedef enum { K_CHOICE, K_INPUT, K_SECRET } dialog_kind_t;

struct dialog {
    dialog_kind_t kind;
    char title[128];
    char body[1200]; /* already sanitized */
    const char *buttons[DIALOG_MAX_BUTTONS];
    int n_buttons, sel;
    char input[256];
    size_t len;
    bool echo;
    dialog_state_t state;
    WINDOW *win;
    PANEL *panel;
};

static dialog_t *dialog_new(dialog_kind_t kind, const char *title, const char *body)
{
    dialog_t *d = calloc(1, sizeof(*d));
    if (!d)
        return NULL;
    d->kind = kind;
    sanitize_buf(title, strlen(title), d->title, sizeof(d->title));
    sanitize_buf(body, strlen(body), d->body, sizeof(d->body));
    return d;
}

dialog_t *dialog_choice(const char *title, const char *text, const char *const *buttons, int initial)
{
    dialog_t *d = dialog_new(K_CHOICE, title, text);
    for (int i = 0; d && buttons[i] && i < DIALOG_MAX_BUTTONS; i++)
        d->buttons[d->n_buttons++] = buttons[i];
    if (d)
        d->sel = initial >= 0 && initial < d->n_buttons ? initial : 0;
    return d;
}

dialog_t *dialog_hostkey(const char *device, const char *host, const char *fingerprint)
{
    static const char *const buttons[] = {"Refuse", "Once", "Always (save it)", NULL};
    char body[1024];
    snprintf(body, sizeof(body),
             "The host key of %s (%s) is not in known_hosts.\n\n  %s\n\nCompare this fingerprint with the one "
             "the device's administrator gave you before you accept it. Once: for this session only; "
             "Always: saved to known_hosts.",
             device, host, fingerprint);
    return dialog_choice("Unknown host key", body, buttons, 0);
}

dialog_t *dialog_secret(const char *device, const char *prompt, bool echo)
{
    char title[160], body[600];
    snprintf(title, sizeof(title), "%s asks", device);
    snprintf(body, sizeof(body), "%s%s", prompt && prompt[0] ? prompt : "Password:",
             echo ? "" : "\n(what you type is not shown)");
    dialog_t *d = dialog_new(K_SECRET, title, body);
    if (d)
        d->echo = echo;
    return d;
}

dialog_t *dialog_input(const char *title, const char *prompt, const char *initial)
{
    dialog_t *d = dialog_new(K_INPUT, title, prompt);
    if (d && initial) {
        snprintf(d->input, sizeof(d->input), "%s", initial);
        d->len = strlen(d->input);
    }
    return d;
}

/* Buttons answer to their first letter as well. */
static int hotkey(const dialog_t *d, int ch)
{
    for (int i = 0; ch > 0 && ch < 0x80 && i < d->n_buttons; i++)
        if ((d->buttons[i][0] | 0x20) == (ch | 0x20))
            return i;
    return -1;
}

static dialog_state_t choice_key(dialog_t *d, int ch)
{
    int hk = hotkey(d, ch);
    if (hk >= 0) {
        d->sel = hk;
        return d->state = DLG_DONE;
    }
    if (ch == KEY_LEFT || ch == KEY_BTAB)
        d->sel = (d->sel + d->n_buttons - 1) % d->n_buttons;
    else if (ch == KEY_RIGHT || ch == '\t')
        d->sel = (d->sel + 1) % d->n_buttons;
    else if (ch == '\n' || ch == '\r' || ch == KEY_ENTER)
        d->state = DLG_DONE;
    return d->state;
}

static dialog_state_t input_key(dialog_t *d, int ch)
{
    if (ch == '\n' || ch == '\r' || ch == KEY_ENTER)
        d->state = DLG_DONE;
    else if ((ch == KEY_BACKSPACE || ch == 127 || ch == 8) && d->len > 0) {
        while (d->len > 0 && ((unsigned char)d->input[--d->len] & 0xc0) == 0x80)
            ; /* a whole UTF-8 character */
        d->input[d->len] = '\0';
    } else if (ch == 21) { /* Ctrl-U */
        memset(d->input, 0, sizeof(d->input));
        d->len = 0;
    } else if (ch >= 0x20 && ch <= 0xff && ch != 0x7f && d->len + 1 < sizeof(d->input)) {
        d->input[d->len++] = (char)ch;
        d->input[d->len] = '\0';
    }
    return d->state;
}

dialog_state_t dialog_key(dialog_t *d, int ch)
{
    if (d->state != DLG_OPEN)
        return d->state;
    if (ch == 27)
        return d->state = DLG_CANCELLED;
    return d->kind == K_CHOICE ? choice_key(d, ch) : input_key(d, ch);
}

dialog_state_t dialog_state(const dialog_t *d)
{
    return d->state;
}

int dialog_button(const dialog_t *d)
{
    return d->kind == K_CHOICE && d->state == DLG_DONE ? d->sel : -1;
}

const char *dialog_text(const dialog_t *d)
{
    return d->input;
}

/* The body folded into rows of width columns (each line of it on its own). */
static void body_rows(const dialog_t *d, int width, rows_t *rows)
{
    const char *p = d->body;
    while (*p) {
        size_t len = strcspn(p, "\n");
        char line[sizeof(d->body)];
        snprintf(line, sizeof(line), "%.*s", (int)len, p);
        rows_wrap(rows, EL_DIALOG, width, "", line);
        p += len + (p[len] == '\n');
    }
}

static void draw_buttons(const dialog_t *d, int y, int w)
{
    int x = 2;
    for (int i = 0; i < d->n_buttons && x < w; i++) {
        char b[64];
        snprintf(b, sizeof(b), i == d->sel ? "[>%s<]" : "[ %s ]", d->buttons[i]);
        x += draw_text(y, x, w - x - 1, b, 0, theme_attr(i == d->sel ? EL_SELECTION : EL_DIALOG), false) + 2;
    }
}

static void draw_input(const dialog_t *d, int y, int w)
{
    char shown[sizeof(d->input) + 8];
    if (d->kind == K_SECRET && !d->echo)
        snprintf(shown, sizeof(shown), "> ");
    else
        snprintf(shown, sizeof(shown), "> %s", d->input);
    /* The end of a long line stays in view. */
    size_t cols = draw_columns(shown), room = (size_t)(w - 4);
    draw_text(y, 2, w - 4, shown, cols > room ? cols - room : 0, theme_attr(EL_SELECTION), true);
}

/* (Re)creates the window for the current screen size. */
static void place(dialog_t *d, int h, int w)
{
    int y = (LINES - h) / 2, x = (COLS - w) / 2;
    if (d->win && getmaxy(d->win) == h && getmaxx(d->win) == w) {
        move_panel(d->panel, y > 0 ? y : 0, x > 0 ? x : 0);
        return;
    }
    if (d->panel)
        del_panel(d->panel);
    if (d->win)
        delwin(d->win);
    d->win = newwin(h, w, y > 0 ? y : 0, x > 0 ? x : 0);
    d->panel = d->win ? new_panel(d->win) : NULL;
}

void dialog_draw(dialog_t *d)
{
    int w = COLS - 4 < DIALOG_WIDTH ? COLS - 4 : DIALOG_WIDTH;
    rows_t rows;
    rows_init(&rows);
    body_rows(d, w - 4, &rows);
    int h = (int)rows.n + 4; /* the borders, a blank line, the buttons or the input */
    if (h > LINES - 2)
        h = LINES - 2;
    place(d, h, w);
    if (!d->win) {
        rows_free(&rows);
        return;
    }
    WINDOW *old = draw_target(d->win);
    wbkgdset(d->win, ' ' | theme_attr(EL_DIALOG));
    werase(d->win);
    tui_rect_t all = {0, 0, h, w};
    draw_box(&all, d->title, true);
    for (int i = 0; i < (int)rows.n && i < h - 4; i++)
        draw_text(1 + i, 2, w - 4, rows_text(&rows, (size_t)i), 0, theme_attr(EL_DIALOG), true);
    if (d->kind == K_CHOICE)
        draw_buttons(d, h - 2, w);
    else
        draw_input(d, h - 2, w);
    draw_target(old);
    top_panel(d->panel);
    rows_free(&rows);
}

void dialog_free(dialog_t *d)
{
    if (!d)
        return;
    if (d->panel)
        del_panel(d->panel);
    if (d->win)
        delwin(d->win);
    /* A typed password does not outlive the dialog (volatile: the wipe is not optimised away). */
    volatile char *p = d->input;
    for (size_t i = 0; i < sizeof(d->input); i++)
        p[i] = 0;
    free(d);
}
