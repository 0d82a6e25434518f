/* theme_curses.c: a theme on the terminal: one colour pair per element and the attributes to
 * draw it with.  Kept apart from the data (tui/theme.c) so that only the console needs a screen. */
#include "tui/theme.h"

/* Set by theme_apply(); A_NORMAL until then, which draws everything plainly. */
static attr_t element_attr[EL_COUNT];

static attr_t curses_attrs(unsigned attrs)
{
    attr_t a = A_NORMAL;
    a |= attrs & THEME_A_BOLD ? A_BOLD : 0;
    a |= attrs & THEME_A_DIM ? A_DIM : 0;
    a |= attrs & THEME_A_UNDERLINE ? A_UNDERLINE : 0;
    a |= attrs & THEME_A_REVERSE ? A_REVERSE : 0;
    a |= attrs & THEME_A_STANDOUT ? A_STANDOUT : 0;
#ifdef A_ITALIC
    a |= attrs & THEME_A_ITALIC ? A_ITALIC : 0;
#endif
    return a;
}

void theme_apply(const theme_t *t, int colors)
{
    bool colour = colors > 0 && has_colors() && !theme_is_mono(t);
    /* Without default colours (-1) the terminal's own are guessed: white on black. */
    bool defaults = colour && use_default_colors() == OK;
    for (int el = 0; el < EL_COUNT; el++) {
        short fg, bg;
        unsigned attrs;
        theme_resolve(&t->style[el], colour ? colors : 0, &fg, &bg, &attrs);
        element_attr[el] = curses_attrs(attrs);
        if (!colour || el + 1 >= COLOR_PAIRS)
            continue;
        if (!defaults) {
            fg = fg < 0 ? COLOR_WHITE : fg;
            bg = bg < 0 ? COLOR_BLACK : bg;
        }
        if (init_pair((short)(el + 1), fg, bg) == OK)
            element_attr[el] |= COLOR_PAIR(el + 1);
    }
}

attr_t theme_attr(theme_element_t el)
{
    return (unsigned)el < EL_COUNT ? element_attr[el] : A_NORMAL;
}
