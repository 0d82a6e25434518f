/* theme.h: the console's colour schemes (htop's idea: every screen element has a style, and a
 * theme is data in an INI file).
 *
 * A theme gives each screen element a foreground and background colour for terminals of 8 or
 * 16 colours, optionally finer ones for terminals of 256 colours, and attributes.  Themes are
 * read with inih from NAME.ini files (themes/ in the data directory, or themes/ in the user's
 * configuration directory); every bad line is refused as "file:line: what is wrong" and leaves
 * the theme as it was.  The built-in default equals themes/default.ini.
 *
 * Memory: a theme_t is a plain value (no pointers); callers own it, copy it freely. */
#ifndef ERDIAG_TUI_THEME_H
#define ERDIAG_TUI_THEME_H

#include <stdbool.h>
#include <stddef.h>
#include <curses.h>

#define THEME_NAME_LEN 64
#define THEME_MAX_FILE (64 * 1024)
#define THEME_COLOR_DEFAULT (-1) /* the terminal's own foreground or background */
#define THEME_COLOR_UNSET (-2)   /* fg256/bg256 only: use fg/bg on 256 colours too */

/* Attribute bits of theme_style_t.attrs (mapped to curses A_* by theme_attr()). */
enum {
    THEME_A_BOLD = 1u << 0,
    THEME_A_DIM = 1u << 1,
    THEME_A_UNDERLINE = 1u << 2,
    THEME_A_REVERSE = 1u << 3,
    THEME_A_STANDOUT = 1u << 4,
    THEME_A_ITALIC = 1u << 5,
};

/* The screen elements; their INI section names are theme_element_name(). */
typedef enum {
    EL_NORMAL,
    EL_HEADER,
    EL_STATUS_OK,
    EL_STATUS_WARNING,
    EL_STATUS_CRITICAL,
    EL_STATUS_UNKNOWN,
    EL_PASS,
    EL_WARN,
    EL_FAIL,
    EL_SKIP,
    EL_WAITING,
    EL_SELECTION,
    EL_PANE_TITLE,
    EL_PANE_TITLE_FOCUS,
    EL_BORDER,
    EL_EVIDENCE,
    EL_COMMAND,
    EL_RISING,
    EL_SEARCH_MATCH,
    EL_DIALOG,
    EL_DIALOG_TITLE,
    EL_HELP_KEY,
    EL_DIM,
    EL_NOTE,
    EL_COUNT
} theme_element_t;

/* Colours: THEME_COLOR_DEFAULT or 0-255 (0-7 the ANSI colours, 8-15 their bright forms).  fg and
 * bg serve terminals of fewer than 256 colours (a colour the terminal lacks is approximated);
 * fg256/bg256, unless THEME_COLOR_UNSET, replace them on terminals of 256 colours. */
typedef struct {
    short fg, bg;
    short fg256, bg256;
    unsigned attrs; /* THEME_A_* */
} theme_style_t;

typedef struct {
    char name[THEME_NAME_LEN];
    theme_style_t style[EL_COUNT];
} theme_t;

/* "normal", "status_ok", ...; NULL outside the enum. */
const char *theme_element_name(theme_element_t el);
/* The element named name, or EL_COUNT. */
theme_element_t theme_element_from_name(const char *name);

/* The built-in theme "default": always valid, equal to themes/default.ini. */
void theme_default(theme_t *t);

/* Loads a theme file (a regular file of at most THEME_MAX_FILE bytes).  It starts from the
 * built-in default unless it says `inherits = none`; its name is the file's name without .ini
 * unless [theme] name says otherwise.  0 on success; -1 with "path:line: message" (or "path:
 * message" for the file as a whole) in err, t untouched. */
int theme_load_file(theme_t *t, const char *path, char *err, size_t errlen);
/* The same for text in memory; name is the theme's name and the file name in messages. */
int theme_load_string(theme_t *t, const char *name, const char *text, char *err, size_t errlen);

/* Finds NAME.ini in datadir_config()/themes, then in datadir_find("themes"), and loads it.
 * "default" without a file is the built-in.  0 when the theme was loaded; -1 when the name is
 * not a plain name, no file has it or the file is bad: t is then the built-in default and err
 * says why ("file:line: ..." for a bad file).  t is always a usable theme afterwards. */
int theme_find(const char *name, theme_t *t, char *err, size_t errlen);

/* Every theme name available: "default" first, then the other NAME.ini files of both
 * directories, de-duplicated and sorted.  Fills at most max names; returns how many. */
size_t theme_names(char names[][THEME_NAME_LEN], size_t max);

/* What to draw a style with on a terminal of `colors` colours (0: no colour): the colours,
 * THEME_COLOR_DEFAULT or below `colors`, and the attributes (a bright colour on a terminal of
 * 8 colours becomes its plain colour and bold). */
void theme_resolve(const theme_style_t *s, int colors, short *fg, short *bg, unsigned *attrs);
/* True when the theme gives no colour at all (mono): it is drawn with attributes only. */
bool theme_is_mono(const theme_t *t);

/* curses side (tui/theme_curses.c).  Call after initscr()/newterm() and, when colors > 0,
 * start_color().  colors: the terminal's COLORS, or 0 for no colour (NO_COLOR, --no-color); a
 * mono theme uses none either way.  Sets one colour pair per element (pairs 1..EL_COUNT). */
void theme_apply(const theme_t *t, int colors);
/* The attributes (colour pair included) to draw el with since the last theme_apply(). */
attr_t theme_attr(theme_element_t el);

#endif
