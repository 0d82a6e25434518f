/* theme.c: the screen elements, the built-in default theme and how a style meets a terminal.
 * Loading files is tui/theme_ini.c, finding them tui/theme_find.c, curses tui/theme_curses.c. */
#include "tui/theme.h"

#include <stdio.h>
#include <string.h>

static const char *const element_names[EL_COUNT] = {
    "normal",        "header",     "status_ok", "status_warning",   "status_critical", "status_unknown",
    "pass",          "warn",       "fail",      "skip",             "waiting",         "selection",
    "pane_title",    "pane_title_focus",        "border",           "evidence",        "command",
    "rising",        "search_match",            "dialog",           "dialog_title",    "help_key",
    "dim",           "note",
};

const char *theme_element_name(theme_element_t el)
{
    return (unsigned)el < EL_COUNT ? element_names[el] : NULL;
}

theme_element_t theme_element_from_name(const char *name)
{
    for (int el = 0; el < EL_COUNT; el++)
        if (strcmp(element_names[el], name) == 0)
            return (theme_element_t)el;
    return EL_COUNT;
}

enum { D = THEME_COLOR_DEFAULT, U = THEME_COLOR_UNSET, BOLD = THEME_A_BOLD, DIM = THEME_A_DIM };
enum { BLACK, RED, GREEN, YELLOW, BLUE, MAGENTA, CYAN, WHITE, BRIGHT_WHITE = 15 };

/* themes/default.ini says the same (tests/test_tui_config.c compares them): for a terminal of
 * any background, verdicts in their traffic-light colours, bold where they call for action. */
static const theme_style_t default_styles[EL_COUNT] = {
    [EL_NORMAL] = {D, D, U, U, 0},
    [EL_HEADER] = {WHITE, BLUE, U, 24, BOLD},
    [EL_STATUS_OK] = {BLACK, GREEN, U, U, BOLD},
    [EL_STATUS_WARNING] = {BLACK, YELLOW, U, U, BOLD},
    [EL_STATUS_CRITICAL] = {BRIGHT_WHITE, RED, U, U, BOLD},
    [EL_STATUS_UNKNOWN] = {BLACK, MAGENTA, U, U, BOLD},
    [EL_PASS] = {GREEN, D, 40, U, BOLD},
    [EL_WARN] = {YELLOW, D, 214, U, BOLD},
    [EL_FAIL] = {RED, D, 196, U, BOLD},
    [EL_SKIP] = {CYAN, D, U, U, 0},
    [EL_WAITING] = {D, D, U, U, DIM},
    [EL_SELECTION] = {BLACK, CYAN, U, U, 0},
    [EL_PANE_TITLE] = {CYAN, D, U, U, BOLD},
    [EL_PANE_TITLE_FOCUS] = {BLACK, CYAN, U, U, BOLD},
    [EL_BORDER] = {BLUE, D, 67, U, 0},
    [EL_EVIDENCE] = {D, D, U, U, 0},
    [EL_COMMAND] = {CYAN, D, U, U, 0},
    [EL_RISING] = {RED, D, U, U, BOLD},
    [EL_SEARCH_MATCH] = {BLACK, YELLOW, U, U, 0},
    [EL_DIALOG] = {BLACK, WHITE, 16, 252, 0},
    [EL_DIALOG_TITLE] = {BLUE, WHITE, U, 252, BOLD},
    [EL_HELP_KEY] = {YELLOW, D, U, U, BOLD},
    [EL_DIM] = {D, D, U, U, DIM},
    [EL_NOTE] = {MAGENTA, D, U, U, 0},
};

void theme_default(theme_t *t)
{
    memset(t, 0, sizeof(*t));
    snprintf(t->name, sizeof(t->name), "default");
    memcpy(t->style, default_styles, sizeof(t->style));
}

/* 16-231 are a 6x6x6 cube, 232-255 a grey ramp: the nearest of the eight ANSI colours, whose
 * bits are red 1, green 2, blue 4. */
static short to_ansi8(short c)
{
    if (c >= 232)
        return c >= 244 ? WHITE : BLACK;
    int r = (c - 16) / 36, g = (c - 16) / 6 % 6, b = (c - 16) % 6;
    return (short)((r >= 3) | (g >= 3) << 1 | (b >= 3) << 2);
}

/* c on a terminal of colors colours; *bright (may be NULL) when a bright colour lost its
 * brightness on the way. */
static short fit_colour(short c, int colors, bool *bright)
{
    if (bright)
        *bright = false;
    if (c < 0)
        return THEME_COLOR_DEFAULT;
    if (c < colors)
        return c;
    if (c >= 16)
        return to_ansi8(c);
    if (bright)
        *bright = true;
    return (short)(c - 8);
}

void theme_resolve(const theme_style_t *s, int colors, short *fg, short *bg, unsigned *attrs)
{
    *attrs = s->attrs;
    if (colors < 8) {
        *fg = *bg = THEME_COLOR_DEFAULT;
        return;
    }
    bool wide = colors >= 256, bright = false;
    *fg = fit_colour(wide && s->fg256 != THEME_COLOR_UNSET ? s->fg256 : s->fg, colors, &bright);
    *bg = fit_colour(wide && s->bg256 != THEME_COLOR_UNSET ? s->bg256 : s->bg, colors, NULL);
    if (bright)
        *attrs |= THEME_A_BOLD; /* the classic way of a bright foreground on 8 colours */
}

bool theme_is_mono(const theme_t *t)
{
    for (int el = 0; el < EL_COUNT; el++) {
        const theme_style_t *s = &t->style[el];
        if (s->fg >= 0 || s->bg >= 0 || s->fg256 >= 0 || s->bg256 >= 0)
            return false;
    }
    return true;
}
