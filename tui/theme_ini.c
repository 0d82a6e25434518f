/* theme_ini.c: a theme from INI text (inih through core/ini_text.c, which counts the lines).
 *
 *   [theme]            name = NAME (optional), inherits = default | none (before any element)
 *   [ELEMENT]          fg, bg, fg256, bg256 = COLOUR; attr = bold, dim, ... | none
 *
 * COLOUR: black red green yellow blue magenta cyan white, bright-NAME, default, or 0-255. */
#include "tui/theme.h"

#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "core/ini_text.h"

typedef struct {
    theme_t t;                 /* being built: copied out only when every line was good */
    ini_text_t rd;             /* the text, the line, the earliest error */
    bool element_seen;         /* `inherits` must come before the first element */
    int el_line[EL_COUNT];     /* the last line that set each element (0: as inherited) */
    unsigned own256[EL_COUNT]; /* 1: this text set fg256, 2: bg256 */
} theme_load_t;

static const char *const colour_names[8] = {"black", "red", "green", "yellow", "blue", "magenta", "cyan", "white"};
static const struct {
    const char *name;
    unsigned bit;
} attr_names[] = {
    {"bold", THEME_A_BOLD},       {"dim", THEME_A_DIM},           {"underline", THEME_A_UNDERLINE},
    {"reverse", THEME_A_REVERSE}, {"standout", THEME_A_STANDOUT}, {"italic", THEME_A_ITALIC},
};

/* A colour name, bright-NAME, default or 0-255 into *out; false with *why otherwise. */
static bool parse_colour(const char *v, short *out, const char **why)
{
    *why = "not a colour (black red green yellow blue magenta cyan white, bright-NAME, default, 0-255)";
    if (!strcasecmp(v, "default")) {
        *out = THEME_COLOR_DEFAULT;
        return true;
    }
    size_t digits = strspn(v, "0123456789");
    if (digits && !v[digits]) {
        *why = "out of range (0-255)";
        if (digits > 3 || atoi(v) > 255)
            return false;
        *out = (short)atoi(v);
        return true;
    }
    bool bright = !strncasecmp(v, "bright-", 7);
    for (short c = 0; c < 8; c++)
        if (!strcasecmp(v + (bright ? 7 : 0), colour_names[c])) {
            *out = (short)(bright ? c + 8 : c);
            return true;
        }
    return false;
}

static bool attr_bit(const char *word, unsigned *bit)
{
    for (size_t i = 0; i < sizeof(attr_names) / sizeof(attr_names[0]); i++)
        if (!strcasecmp(word, attr_names[i].name)) {
            *bit = attr_names[i].bit;
            return true;
        }
    return false;
}

/* "bold, underline" or "none" into el's attributes. */
static int parse_attrs(theme_load_t *ld, theme_element_t el, const char *value)
{
    char buf[256];
    snprintf(buf, sizeof(buf), "%s", value); /* shorter than a line: inih's lines are shorter */
    if (!strcasecmp(buf, "none")) {
        ld->t.style[el].attrs = 0;
        return 1;
    }
    unsigned attrs = 0;
    char *save = NULL, *word = strtok_r(buf, ",", &save);
    for (; word; word = strtok_r(NULL, ",", &save)) {
        word += strspn(word, " \t");
        for (size_t n = strlen(word); n && (word[n - 1] == ' ' || word[n - 1] == '\t'); n--)
            word[n - 1] = '\0';
        unsigned bit;
        if (!attr_bit(word, &bit))
            return ini_text_fail(&ld->rd,
                                 "[%s] attr: '%s' is not an attribute (bold dim underline reverse standout italic, "
                                 "or none alone)",
                                 theme_element_name(el), word);
        attrs |= bit;
    }
    if (!attrs)
        return ini_text_fail(&ld->rd, "[%s] attr: no attribute given (none for none)", theme_element_name(el));
    ld->t.style[el].attrs = attrs;
    return 1;
}

static int set_name(theme_load_t *ld, const char *value)
{
    size_t len = strlen(value);
    if (!len || len >= sizeof(ld->t.name))
        return ini_text_fail(&ld->rd, "name: 1 to %zu bytes", sizeof(ld->t.name) - 1);
    for (const unsigned char *p = (const unsigned char *)value; *p; p++)
        if (*p < 0x20 || *p == 0x7f)
            return ini_text_fail(&ld->rd, "name: a control character");
    memcpy(ld->t.name, value, len + 1);
    return 1;
}

/* The base every element starts from: the built-in default, or nothing (terminal colours). */
static int set_inherits(theme_load_t *ld, const char *value)
{
    if (ld->element_seen)
        return ini_text_fail(&ld->rd, "inherits must come before the first element section");
    if (!strcasecmp(value, "default")) {
        theme_t base;
        theme_default(&base);
        memcpy(ld->t.style, base.style, sizeof(ld->t.style));
        return 1;
    }
    if (strcasecmp(value, "none"))
        return ini_text_fail(&ld->rd, "inherits: '%s' is neither default nor none", value);
    for (int el = 0; el < EL_COUNT; el++)
        ld->t.style[el] = (theme_style_t){THEME_COLOR_DEFAULT, THEME_COLOR_DEFAULT, THEME_COLOR_UNSET,
                                          THEME_COLOR_UNSET, 0};
    return 1;
}

static int on_theme_key(theme_load_t *ld, const char *key, const char *value)
{
    if (!strcmp(key, "name"))
        return set_name(ld, value);
    if (!strcmp(key, "inherits"))
        return set_inherits(ld, value);
    return ini_text_fail(&ld->rd, "[theme] has no key '%s' (name, inherits)", key);
}

/* fg or bg: a colour for every terminal, so it also drops the 256-colour one this text did not
 * give (what the file says is what a 256-colour terminal shows). */
static int set_colour(theme_load_t *ld, theme_element_t el, const char *key, const char *value)
{
    theme_style_t *st = &ld->t.style[el];
    bool is_bg = key[0] == 'b', wide = strlen(key) > 2;
    short c;
    const char *why;
    if (!parse_colour(value, &c, &why))
        return ini_text_fail(&ld->rd, "[%s] %s = %s: %s", theme_element_name(el), key, value, why);
    if (wide) {
        *(is_bg ? &st->bg256 : &st->fg256) = c;
        ld->own256[el] |= is_bg ? 2u : 1u;
    } else {
        *(is_bg ? &st->bg : &st->fg) = c;
        if (!(ld->own256[el] & (is_bg ? 2u : 1u)))
            *(is_bg ? &st->bg256 : &st->fg256) = THEME_COLOR_UNSET;
    }
    return 1;
}

static int on_element_key(theme_load_t *ld, theme_element_t el, const char *key, const char *value)
{
    ld->element_seen = true;
    ld->el_line[el] = ld->rd.line;
    if (!strcmp(key, "fg") || !strcmp(key, "bg") || !strcmp(key, "fg256") || !strcmp(key, "bg256"))
        return set_colour(ld, el, key, value);
    if (!strcmp(key, "attr"))
        return parse_attrs(ld, el, value);
    return ini_text_fail(&ld->rd, "[%s] has no key '%s' (fg, bg, fg256, bg256, attr)", theme_element_name(el), key);
}

static int on_key(void *user, const char *section, const char *key, const char *value)
{
    theme_load_t *ld = user;
    if (!*section)
        return ini_text_fail(&ld->rd, "'%s' comes before any [section]", key);
    if (!strcmp(section, "theme"))
        return on_theme_key(ld, key, value);
    theme_element_t el = theme_element_from_name(section);
    if (el == EL_COUNT)
        return ini_text_fail(&ld->rd, "[%s] is not a screen element (see themes/default.ini)", section);
    return on_element_key(ld, el, key, value);
}

/* Text in the same colour as its background does not show: refused for any element this text
 * changed, on 8, 16 and 256 colours. */
static void check_readable(void *user)
{
    theme_load_t *ld = user;
    static const int depths[] = {8, 16, 256};
    for (int el = 0; el < EL_COUNT; el++)
        for (size_t i = 0; ld->el_line[el] && i < sizeof(depths) / sizeof(depths[0]); i++) {
            short fg, bg;
            unsigned attrs;
            theme_resolve(&ld->t.style[el], depths[i], &fg, &bg, &attrs);
            if (fg == bg && fg != THEME_COLOR_DEFAULT) {
                ini_text_fail_at(&ld->rd, ld->el_line[el],
                                 "[%s] the text would not show: foreground and background are both colour %d on %d "
                                 "colours",
                                 theme_element_name(el), fg, depths[i]);
                break;
            }
        }
}

/* label names the text in messages; name is the theme's name unless [theme] gives one. */
static int load(theme_t *t, const char *label, const char *name, size_t name_len, const char *text, char *err,
                size_t errlen)
{
    theme_load_t ld = {0};
    theme_default(&ld.t);
    snprintf(ld.t.name, sizeof(ld.t.name), "%.*s", (int)name_len, name);
    ini_text_init(&ld.rd, label, text);
    ld.rd.strip_indent = true;
    if (ini_text_run(&ld.rd, on_key, check_readable, &ld, err, errlen) != 0)
        return -1;
    *t = ld.t;
    return 0;
}

int theme_load_string(theme_t *t, const char *name, const char *text, char *err, size_t errlen)
{
    return load(t, name, name, strlen(name), text, err, errlen);
}

int theme_load_file(theme_t *t, const char *path, char *err, size_t errlen)
{
    char *text = ini_text_read_file(path, THEME_MAX_FILE, "a theme", NULL, err, errlen);
    if (!text)
        return -1;
    const char *base = strrchr(path, '/') ? strrchr(path, '/') + 1 : path;
    size_t len = strlen(base);
    if (len > 4 && !strcmp(base + len - 4, ".ini"))
        len -= 4;
    int rc = load(t, path, base, len, text, err, errlen);
    free(text);
    return rc;
}
