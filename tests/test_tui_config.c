/* test_tui_config.c: the console's configuration: theme elements and files, the built-in theme,
 * bad theme and keys.ini files (exact "file:line:" messages, nothing changed), theme lookup and
 * listing, the data and configuration directories, the key map, and a theme on a real (if
 * invisible) curses screen. */
#define _GNU_SOURCE 1
#include <ftw.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "core/datadir.h"
#include "tui/keymap.h"
#include "tui/theme.h"
#include "tests/testhelp.h"

static const char *const shipped[] = {"default", "dark", "light", "high-contrast", "mono"};
static const theme_element_t verdicts[] = {EL_PASS,      EL_WARN,           EL_FAIL,           EL_SKIP,
                                           EL_WAITING,   EL_STATUS_OK,      EL_STATUS_WARNING, EL_STATUS_CRITICAL,
                                           EL_STATUS_UNKNOWN};
#define N_VERDICTS (sizeof(verdicts) / sizeof(verdicts[0]))

static char tmpdir[64];

static int remove_entry(const char *path, const struct stat *st, int flag, struct FTW *ftw)
{
    (void)st, (void)flag, (void)ftw;
    return remove(path);
}

static int make_tmpdir(void **state)
{
    (void)state;
    snprintf(tmpdir, sizeof(tmpdir), "/tmp/erdiag-tui-XXXXXX");
    return mkdtemp(tmpdir) ? 0 : -1;
}

static int remove_tmpdir(void **state)
{
    (void)state;
    return nftw(tmpdir, remove_entry, 16, FTW_DEPTH | FTW_PHYS);
}

/* tmpdir/rel holding text (directories on the way made); the path in a static buffer. */
static const char *write_file(const char *rel, const char *text)
{
    static char path[512];
    snprintf(path, sizeof(path), "%s/%s", tmpdir, rel);
    for (char *slash = strchr(path + strlen(tmpdir) + 1, '/'); slash; slash = strchr(slash + 1, '/')) {
        *slash = '\0';
        mkdir(path, 0700);
        *slash = '/';
    }
    FILE *f = fopen(path, "w");
    assert_non_null(f);
    fputs(text, f);
    assert_int_equal(fclose(f), 0);
    return path;
}

static void load_shipped(const char *name, theme_t *t)
{
    char path[512], err[512] = "";
    snprintf(path, sizeof(path), "%s/%s.ini", THEME_DIR, name);
    if (theme_load_file(t, path, err, sizeof(err)) != 0)
        fail_msg("%s", err);
    assert_string_equal(t->name, name);
}

static void element_names_round_trip(void **state)
{
    (void)state;
    assert_int_equal(EL_COUNT, 24);
    for (int el = 0; el < EL_COUNT; el++) {
        const char *name = theme_element_name((theme_element_t)el);
        assert_non_null(name);
        assert_int_equal(theme_element_from_name(name), el);
    }
    assert_string_equal(theme_element_name(EL_NORMAL), "normal");
    assert_string_equal(theme_element_name(EL_PANE_TITLE_FOCUS), "pane_title_focus");
    assert_string_equal(theme_element_name(EL_SEARCH_MATCH), "search_match");
    assert_string_equal(theme_element_name(EL_NOTE), "note");
    assert_null(theme_element_name(EL_COUNT));
    assert_int_equal(theme_element_from_name("Pass"), EL_COUNT);
    assert_int_equal(theme_element_from_name(""), EL_COUNT);
}

/* Every shipped theme loads, and no verdict is drawn in its own background colour. */
static void shipped_themes_load_and_read(void **state)
{
    (void)state;
    static const int depths[] = {8, 16, 256};
    for (size_t i = 0; i < sizeof(shipped) / sizeof(shipped[0]); i++) {
        theme_t t;
        load_shipped(shipped[i], &t);
        for (size_t v = 0; v < N_VERDICTS; v++)
            for (size_t d = 0; d < 3; d++) {
                short fg, bg;
                unsigned attrs;
                theme_resolve(&t.style[verdicts[v]], depths[d], &fg, &bg, &attrs);
                if (fg == bg && fg != THEME_COLOR_DEFAULT)
                    fail_msg("%s: [%s] is colour %d on %d", shipped[i], theme_element_name(verdicts[v]), fg, bg);
            }
    }
}

static void builtin_equals_default_ini(void **state)
{
    (void)state;
    theme_t builtin, file;
    theme_default(&builtin);
    load_shipped("default", &file);
    assert_string_equal(builtin.name, file.name);
    for (int el = 0; el < EL_COUNT; el++) {
        const theme_style_t *a = &builtin.style[el], *b = &file.style[el];
        if (a->fg != b->fg || a->bg != b->bg || a->fg256 != b->fg256 || a->bg256 != b->bg256 || a->attrs != b->attrs)
            fail_msg("[%s] differs: built-in %d %d %d %d %u, default.ini %d %d %d %d %u", theme_element_name(el), a->fg,
                     a->bg, a->fg256, a->bg256, a->attrs, b->fg, b->bg, b->fg256, b->bg256, b->attrs);
    }
    assert_memory_equal(&builtin, &file, sizeof(builtin));
}

/* Without colour, verdicts stay apart by attribute alone. */
static void mono_verdicts_differ_by_attribute(void **state)
{
    (void)state;
    theme_t mono, def;
    load_shipped("mono", &mono);
    theme_default(&def);
    assert_true(theme_is_mono(&mono));
    assert_false(theme_is_mono(&def));
    static const theme_element_t groups[2][5] = {
        {EL_PASS, EL_WARN, EL_FAIL, EL_SKIP, EL_WAITING},
        {EL_STATUS_OK, EL_STATUS_WARNING, EL_STATUS_CRITICAL, EL_STATUS_UNKNOWN, EL_STATUS_UNKNOWN}};
    for (int g = 0; g < 2; g++)
        for (int i = 0; i < 5; i++) {
            assert_int_not_equal(mono.style[groups[g][i]].attrs, 0);
            for (int j = 0; j < i; j++)
                if (groups[g][i] != groups[g][j])
                    assert_int_not_equal(mono.style[groups[g][i]].attrs, mono.style[groups[g][j]].attrs);
        }
    assert_int_equal(mono.style[EL_FAIL].attrs, THEME_A_REVERSE | THEME_A_BOLD);
}

static void resolve_fits_the_terminal(void **state)
{
    (void)state;
    theme_t t;
    short fg, bg;
    unsigned attrs;
    theme_default(&t);
    theme_resolve(&t.style[EL_PASS], 256, &fg, &bg, &attrs);
    assert_int_equal(fg, 40);
    assert_int_equal(bg, THEME_COLOR_DEFAULT);
    theme_resolve(&t.style[EL_PASS], 8, &fg, &bg, &attrs);
    assert_int_equal(fg, 2);
    theme_resolve(&t.style[EL_STATUS_CRITICAL], 8, &fg, &bg, &attrs); /* bright-white on red */
    assert_int_equal(fg, 7);
    assert_int_equal(bg, 1);
    assert_int_equal(attrs, THEME_A_BOLD);
    theme_resolve(&t.style[EL_STATUS_CRITICAL], 16, &fg, &bg, &attrs);
    assert_int_equal(fg, 15);
    theme_style_t s = {196, 232, THEME_COLOR_UNSET, THEME_COLOR_UNSET, THEME_A_DIM};
    theme_resolve(&s, 16, &fg, &bg, &attrs); /* 256-colour values on 16 colours: the nearest ANSI */
    assert_int_equal(fg, 1);
    assert_int_equal(bg, 0);
    assert_int_equal(attrs, THEME_A_DIM);
    theme_resolve(&s, 0, &fg, &bg, &attrs);
    assert_int_equal(fg, THEME_COLOR_DEFAULT);
    assert_int_equal(bg, THEME_COLOR_DEFAULT);
    assert_int_equal(attrs, THEME_A_DIM);
}

/* text must be refused with exactly "<path>:<want>" and leave the theme as it was. */
static void refused_theme(const char *text, const char *want)
{
    theme_t t, before;
    char err[512] = "", expect[600];
    load_shipped("dark", &t);
    before = t;
    const char *path = write_file("bad.ini", text);
    snprintf(expect, sizeof(expect), "%s:%s", path, want);
    assert_int_equal(theme_load_file(&t, path, err, sizeof(err)), -1);
    assert_string_equal(err, expect);
    assert_memory_equal(&t, &before, sizeof(t));
}

static void bad_theme_files(void **state)
{
    (void)state;
    refused_theme("[pass]\nfg = green\ncolour = red\n", "3: [pass] has no key 'colour' (fg, bg, fg256, bg256, attr)");
    refused_theme("[theme]\nname = x\n\n[passs]\nfg = red\n", "5: [passs] is not a screen element (see themes/default.ini)");
    refused_theme("[fail]\nfg = 300\n", "2: [fail] fg = 300: out of range (0-255)");
    refused_theme("[fail]\nbg256 = 0256\n", "2: [fail] bg256 = 0256: out of range (0-255)");
    refused_theme("[fail]\nfg = purple\n",
                  "2: [fail] fg = purple: not a colour (black red green yellow blue magenta cyan white, bright-NAME, default, 0-255)");
    refused_theme("[pass]\nattr = bold, blink\n",
                  "2: [pass] attr: 'blink' is not an attribute (bold dim underline reverse standout italic, or none alone)");
    refused_theme("[pass]\nattr = bold, none\n",
                  "2: [pass] attr: 'none' is not an attribute (bold dim underline reverse standout italic, or none alone)");
    refused_theme("[pass]\nfg green\n", "2: not an INI line");
    refused_theme("fg = green\n", "1: 'fg' comes before any [section]");
    refused_theme("[theme]\nstyle = htop\n", "2: [theme] has no key 'style' (name, inherits)");
    refused_theme("[theme]\ninherits = dark\n", "2: inherits: 'dark' is neither default nor none");
    refused_theme("[pass]\nfg = red\n[theme]\ninherits = none\n", "4: inherits must come before the first element section");
    refused_theme("[pass]\nfg = green\nbg = green\n",
                  "3: [pass] the text would not show: foreground and background are both colour 2 on 8 colours");
    refused_theme("[pass]\nfg = bright-green\nbg = green\n",
                  "3: [pass] the text would not show: foreground and background are both colour 2 on 8 colours");
    refused_theme("[warn]\nfg256 = 17\nbg256 = 17\n",
                  "3: [warn] the text would not show: foreground and background are both colour 17 on 256 colours");
    /* The earliest bad line is the one reported, whatever inih saw first. */
    refused_theme("[pass]\nfg = 999\nbogus\n", "2: [pass] fg = 999: out of range (0-255)");
    char line[300];
    snprintf(line, sizeof(line), "[theme]\nname = %0240d\n", 7);
    refused_theme(line, "2: line longer than 199 bytes");
}

static void refused_whole_file(const char *path, const char *want)
{
    theme_t t, before;
    char err[512] = "", expect[600];
    theme_default(&t);
    t.style[EL_NOTE].fg = 99;
    before = t;
    snprintf(expect, sizeof(expect), "%s: %s", path, want);
    assert_int_equal(theme_load_file(&t, path, err, sizeof(err)), -1);
    assert_string_equal(err, expect);
    assert_memory_equal(&t, &before, sizeof(t));
}

static void bad_theme_file_kinds(void **state)
{
    (void)state;
    char *big = malloc(100 * 1024 + 1);
    assert_non_null(big);
    memset(big, ';', 100 * 1024);
    big[100 * 1024] = '\0';
    refused_whole_file(write_file("big.ini", big), "larger than 65536 bytes: not a theme");
    free(big);
    refused_whole_file("/dev/null", "not a regular file");
    refused_whole_file(tmpdir, "not a regular file");
    char missing[128];
    snprintf(missing, sizeof(missing), "%s/none.ini", tmpdir);
    refused_whole_file(missing, "No such file or directory");
}

static void good_theme_texts(void **state)
{
    (void)state;
    theme_t t, def;
    char err[512] = "";
    theme_default(&def);
    /* Empty: the default under the file's name. */
    assert_int_equal(theme_load_file(&t, write_file("empty.ini", ""), err, sizeof(err)), 0);
    assert_string_equal(t.name, "empty");
    assert_memory_equal(t.style, def.style, sizeof(t.style));
    /* Indented keys are keys, not continuations of the line before. */
    assert_int_equal(theme_load_string(&t, "s", "[theme]\n  name = Mine\n[pass]\n  fg = blue\n  bg = default\n", err,
                                       sizeof(err)), 0);
    assert_string_equal(t.name, "Mine");
    assert_int_equal(t.style[EL_PASS].fg, 4);
    assert_int_equal(t.style[EL_PASS].bg, THEME_COLOR_DEFAULT);
    /* fg alone drops the inherited fg256; fg256 given in the same file stays. */
    assert_int_equal(t.style[EL_PASS].fg256, THEME_COLOR_UNSET);
    assert_int_equal(theme_load_string(&t, "s", "[pass]\nfg256 = 33\nfg = blue\nattr = none\n", err, sizeof(err)), 0);
    assert_int_equal(t.style[EL_PASS].fg256, 33);
    assert_int_equal(t.style[EL_PASS].attrs, 0);
    assert_int_equal(t.style[EL_FAIL].fg256, 196); /* untouched elements keep the default */
    assert_int_equal(theme_load_string(&t, "s", "[theme]\ninherits = none\n[fail]\nattr = Bold, ITALIC\nfg = Bright-Red\n",
                                       err, sizeof(err)), 0);
    assert_int_equal(t.style[EL_FAIL].attrs, THEME_A_BOLD | THEME_A_ITALIC);
    assert_int_equal(t.style[EL_FAIL].fg, 9);
    assert_int_equal(t.style[EL_PASS].fg, THEME_COLOR_DEFAULT);
    assert_int_equal(t.style[EL_PASS].attrs, 0);
}

static void use_dirs(const char *data)
{
    char config[128];
    snprintf(config, sizeof(config), "%s/config", tmpdir);
    setenv("XDG_CONFIG_HOME", config, 1);
    if (data)
        setenv("ERDIAG_DATA_DIR", data, 1);
    else
        unsetenv("ERDIAG_DATA_DIR");
}

static void theme_lookup(void **state)
{
    (void)state;
    theme_t t, def;
    char err[512] = "", expect[600];
    theme_default(&def);
    use_dirs(THEME_DIR "/..");
    write_file("config/erdiag/themes/mine.ini", "[theme]\nname = mine\n[pass]\nfg = blue\n");
    write_file("config/erdiag/themes/dark.ini", "[theme]\nname = my dark\n");
    char broken[512];
    snprintf(broken, sizeof(broken), "%s", write_file("config/erdiag/themes/broken.ini", "[pass]\n\nfg = 300\n"));
    write_file("config/erdiag/themes/.hidden.ini", "");
    write_file("config/erdiag/themes/notes.txt", "");
    assert_int_equal(theme_find("mine", &t, err, sizeof(err)), 0);
    assert_int_equal(t.style[EL_PASS].fg, 4);
    assert_int_equal(theme_find("dark", &t, err, sizeof(err)), 0);
    assert_string_equal(t.name, "my dark"); /* the user's theme of a name replaces the shipped one */
    assert_int_equal(theme_find("light", &t, err, sizeof(err)), 0);
    assert_string_equal(t.name, "light");
    assert_int_equal(theme_find("broken", &t, err, sizeof(err)), -1);
    snprintf(expect, sizeof(expect), "%s:3: [pass] fg = 300: out of range (0-255)", broken);
    assert_string_equal(err, expect);
    assert_memory_equal(&t, &def, sizeof(t));
    assert_int_equal(theme_find("nope", &t, err, sizeof(err)), -1);
    assert_non_null(strstr(err, "no theme 'nope' in "));
    assert_memory_equal(&t, &def, sizeof(t));
    assert_int_equal(theme_find("../themes/dark", &t, err, sizeof(err)), -1);
    assert_string_equal(err, "theme name '../themes/dark' is not a plain name (letters, digits, '.', '_', '-')");
    assert_int_equal(theme_find("default", &t, err, sizeof(err)), 0);
    assert_memory_equal(&t, &def, sizeof(t));
    char names[16][THEME_NAME_LEN];
    static const char *const want[] = {"default", "broken", "dark", "high-contrast", "light", "mine", "mono"};
    assert_int_equal(theme_names(names, 16), 7);
    for (int i = 0; i < 7; i++)
        assert_string_equal(names[i], want[i]);
    assert_int_equal(theme_names(names, 2), 2);
    assert_string_equal(names[1], "broken");
}

static void data_and_config_dirs(void **state)
{
    (void)state;
    char out[512], expect[512];
    write_file("data/themes/x.ini", "");
    snprintf(expect, sizeof(expect), "%s/data", tmpdir);
    use_dirs(expect);
    assert_int_equal(datadir_find("themes", out, sizeof(out)), 0);
    snprintf(expect, sizeof(expect), "%s/data/themes", tmpdir);
    assert_string_equal(out, expect);
    /* Not under $ERDIAG_DATA_DIR: the installed or the source tree's. */
    assert_int_equal(datadir_find("scenarios", out, sizeof(out)), 0);
    assert_string_equal(out + strlen(out) - strlen("/scenarios"), "/scenarios");
    assert_int_equal(datadir_find("no-such-directory", out, sizeof(out)), -1);
    assert_string_equal(out, "");
    assert_int_equal(datadir_find("themes", out, 8), -1); /* does not fit: not found */
    setenv("XDG_CONFIG_HOME", "/x/conf", 1);
    datadir_config(out, sizeof(out));
    assert_string_equal(out, "/x/conf/erdiag");
    unsetenv("XDG_CONFIG_HOME");
    setenv("HOME", "/home/op", 1);
    datadir_config(out, sizeof(out));
    assert_string_equal(out, "/home/op/.config/erdiag");
}

static void keymap_defaults(void **state)
{
    (void)state;
    keymap_t k;
    keymap_default(&k);
    assert_int_equal(keymap_action(&k, 'q'), ACT_QUIT);
    assert_int_equal(keymap_action(&k, KEY_BTAB), ACT_PREV_PANE);
    assert_int_equal(keymap_action(&k, '\t'), ACT_NEXT_PANE);
    assert_int_equal(keymap_action(&k, KEY_F(1)), ACT_HELP);
    assert_int_equal(keymap_action(&k, '?'), ACT_HELP);
    static const int enter[] = {'\n', '\r', KEY_ENTER};
    for (int i = 0; i < 3; i++) {
        assert_int_equal(keymap_action(&k, enter[i]), ACT_SELECT);
        assert_true(keymap_bound(&k, ACT_RERUN_STEP, enter[i]));
    }
    assert_int_equal(keymap_action(&k, 'k'), ACT_UP);
    assert_int_equal(keymap_action(&k, KEY_DOWN), ACT_DOWN);
    assert_int_equal(keymap_action(&k, 'h'), ACT_LEFT);
    assert_int_equal(keymap_action(&k, 'l'), ACT_RIGHT);
    assert_int_equal(keymap_action(&k, 2), ACT_PAGE_UP); /* C-b */
    assert_int_equal(keymap_action(&k, KEY_NPAGE), ACT_PAGE_DOWN);
    assert_int_equal(keymap_action(&k, 'g'), ACT_HOME);
    assert_int_equal(keymap_action(&k, 'G'), ACT_END);
    assert_int_equal(keymap_action(&k, ' '), ACT_PAUSE);
    assert_int_equal(keymap_action(&k, 'N'), ACT_SEARCH_PREV);
    assert_int_equal(keymap_action(&k, 'p'), ACT_PICKER);
    assert_int_equal(keymap_action(&k, 'x'), ACT_NONE);
    assert_int_equal(keymap_action(&k, KEY_F(10)), ACT_NONE);
    /* No key means two things, but for Enter's select/rerun_step. */
    for (int a = 1; a < ACT_COUNT; a++) {
        assert_true(k.n[a] > 0);
        for (int i = 0; i < k.n[a]; i++) {
            action_t got = keymap_action(&k, k.keys[a][i]);
            assert_true((int)got == a || (a == ACT_RERUN_STEP && got == ACT_SELECT));
        }
    }
}

static void keymap_names_and_describe(void **state)
{
    (void)state;
    keymap_t k;
    char buf[128];
    keymap_default(&k);
    static const struct {
        action_t a;
        const char *keys;
    } want[] = {{ACT_UP, "Up, k"},        {ACT_PAGE_UP, "PgUp, C-b"}, {ACT_PAGE_DOWN, "PgDn, C-f"},
                {ACT_HELP, "?, F1"},      {ACT_SELECT, "Enter"},      {ACT_RERUN_STEP, "Enter"},
                {ACT_PAUSE, "Space"},     {ACT_PREV_PANE, "S-Tab"},   {ACT_END, "End, G"},
                {ACT_SEARCH, "/"},        {ACT_QUIT, "q"}};
    for (size_t i = 0; i < sizeof(want) / sizeof(want[0]); i++)
        assert_string_equal(keymap_describe(&k, want[i].a, buf, sizeof(buf)), want[i].keys);
    assert_string_equal(keymap_describe(&k, ACT_PAGE_UP, buf, 7), "PgUp, "); /* cut, still a string */
    assert_string_equal(keymap_describe(&k, ACT_NONE, buf, sizeof(buf)), "");
    for (int a = 1; a < ACT_COUNT; a++) {
        assert_int_equal(action_from_name(action_name((action_t)a)), a);
        assert_true(strlen(action_help((action_t)a)) > 3);
    }
    assert_string_equal(action_name(ACT_RERUN_STEP), "rerun_step");
    assert_string_equal(action_name(ACT_PAGE_DOWN), "page_down");
    assert_null(action_name(ACT_NONE));
    assert_int_equal(action_from_name("Quit"), ACT_NONE);
    int codes[8];
    assert_int_equal(keymap_key_codes("F12", codes, 8), 1);
    assert_int_equal(codes[0], KEY_F(12));
    assert_int_equal(keymap_key_codes("c-Z", codes, 8), 1);
    assert_int_equal(codes[0], 26);
    assert_int_equal(keymap_key_codes("enter", codes, 8), 3);
    assert_int_equal(keymap_key_codes("Comma", codes, 8), 1);
    assert_int_equal(codes[0], ',');
    assert_int_equal(keymap_key_codes("F13", codes, 8), 0);
    assert_int_equal(keymap_key_codes("F0", codes, 8), 0);
    assert_int_equal(keymap_key_codes("C-1", codes, 8), 0);
    assert_int_equal(keymap_key_codes("é", codes, 8), 0);
    assert_int_equal(keymap_key_codes("", codes, 8), 0);
    assert_string_equal(keymap_key_name(KEY_DC, buf, sizeof(buf)), "Del");
    assert_string_equal(keymap_key_name(10, buf, sizeof(buf)), "Enter"); /* C-j is Enter */
    assert_string_equal(keymap_key_name(8, buf, sizeof(buf)), "C-h");
    assert_string_equal(keymap_key_name(KEY_F(7), buf, sizeof(buf)), "F7");
    assert_string_equal(keymap_key_name(0x1234, buf, sizeof(buf)), "?");
}

static void keys_ini_override(void **state)
{
    (void)state;
    keymap_t k;
    char err[512] = "", buf[128];
    keymap_default(&k);
    assert_int_equal(keymap_load_string(&k, "; my keys\n[keys]\nquit = q, F10\n  search = C-s\nnote = none\n", err,
                                        sizeof(err)), 0);
    assert_int_equal(keymap_action(&k, KEY_F(10)), ACT_QUIT);
    assert_int_equal(keymap_action(&k, 'q'), ACT_QUIT);
    assert_int_equal(keymap_action(&k, 19), ACT_SEARCH);
    assert_int_equal(keymap_action(&k, '/'), ACT_NONE);
    assert_int_equal(keymap_action(&k, 'a'), ACT_NONE);
    assert_string_equal(keymap_describe(&k, ACT_QUIT, buf, sizeof(buf)), "q, F10");
    assert_string_equal(keymap_describe(&k, ACT_NOTE, buf, sizeof(buf)), "");
    /* Two lines may swap keys: conflicts are looked for at the end. */
    keymap_default(&k);
    assert_int_equal(keymap_load_string(&k, "[keys]\nquit = x\nnote = q\nselect = Enter, o, Enter\n", err, sizeof(err)), 0);
    assert_int_equal(keymap_action(&k, 'q'), ACT_NOTE);
    assert_int_equal(keymap_action(&k, 'x'), ACT_QUIT);
    assert_string_equal(keymap_describe(&k, ACT_SELECT, buf, sizeof(buf)), "Enter, o");
    const char *path = write_file("keys.ini", "[keys]\nhelp = F1, H\n");
    assert_int_equal(keymap_load_file(&k, path, err, sizeof(err)), 0);
    assert_int_equal(keymap_action(&k, 'H'), ACT_HELP);
    assert_int_equal(keymap_action(&k, '?'), ACT_NONE);
}

/* $XDG_CONFIG_HOME/erdiag/keys.ini: none is fine, one is applied, a bad one is reported. */
static void keys_ini_in_config(void **state)
{
    (void)state;
    keymap_t k, def;
    char err[512] = "", config[128], expect[600];
    keymap_default(&def);
    k = def;
    snprintf(config, sizeof(config), "%s/keyconf", tmpdir);
    setenv("XDG_CONFIG_HOME", config, 1);
    assert_int_equal(keymap_load_config(&k, err, sizeof(err)), 0);
    assert_memory_equal(&k, &def, sizeof(k));
    write_file("keyconf/erdiag/keys.ini", "[keys]\ntheme = T\n");
    assert_int_equal(keymap_load_config(&k, err, sizeof(err)), 0);
    assert_int_equal(keymap_action(&k, 'T'), ACT_THEME);
    const char *path = write_file("keyconf/erdiag/keys.ini", "[keys]\ntheme = q\n");
    snprintf(expect, sizeof(expect), "%s:2: q is bound to both theme (line 2) and quit (default)", path);
    k = def;
    assert_int_equal(keymap_load_config(&k, err, sizeof(err)), -1);
    assert_string_equal(err, expect);
    assert_memory_equal(&k, &def, sizeof(k));
}

static void refused_keys(const char *text, const char *want)
{
    keymap_t k, before;
    char err[600] = "";
    keymap_default(&k);
    before = k;
    assert_int_equal(keymap_load_string(&k, text, err, sizeof(err)), -1);
    assert_string_equal(err, want);
    assert_memory_equal(&k, &before, sizeof(k));
}

static void bad_keys_ini(void **state)
{
    (void)state;
    refused_keys("[keys]\nnote = q\n", "keys.ini:2: q is bound to both quit (default) and note (line 2)");
    refused_keys("[keys]\n\nhelp = z\ntheme = Z, z\n", "keys.ini:4: z is bound to both help (line 3) and theme (line 4)");
    refused_keys("[keys]\nquit = Ctrl-Q\n",
                 "keys.ini:2: quit: 'Ctrl-Q' is not a key name (a character, Space, Enter, Tab, S-Tab, Esc, Up, PgUp, "
                 "Home, F1..F12, C-a..C-z, Backspace, Del, Comma)");
    refused_keys("[keys]\nquit = none\n", "keys.ini:2: quit: quit needs a key: without one the console could not be left");
    refused_keys("[keys]\nhelp =\n", "keys.ini:2: help: no key given (none unbinds)");
    refused_keys("[keys]\nhelp = a, b, c, d, e, f, g, h, i\n", "keys.ini:2: help: more than 8 keys");
    refused_keys("[keymap]\nquit = q\n", "keys.ini:2: [keymap] is not [keys], the one section of keys.ini");
    refused_keys("quit = q\n", "keys.ini:1: 'quit' comes before [keys]");
    refused_keys("[keys]\nquit q\n", "keys.ini:2: not an INI line");
    keymap_t k;
    char err[600];
    keymap_default(&k);
    assert_int_equal(keymap_load_string(&k, "[keys]\nexit = q\n", err, sizeof(err)), -1);
    assert_non_null(strstr(err, "keys.ini:2: no action 'exit' (up down left right "));
    assert_non_null(strstr(err, " picker select family)"));
    assert_int_equal(keymap_load_file(&k, tmpdir, err, sizeof(err)), -1);
    assert_non_null(strstr(err, ": not a regular file"));
}

/* A theme on a curses screen that writes to /dev/null: the colour pairs and attributes. */
static void theme_on_a_screen(void **state)
{
    (void)state;
    FILE *out = fopen("/dev/null", "w"), *in = fopen("/dev/null", "r");
    assert_non_null(out);
    assert_non_null(in);
    SCREEN *screen = newterm("xterm-256color", out, in);
    if (!screen) {
        fclose(out);
        fclose(in);
        skip(); /* no terminfo entry for xterm-256color here */
    }
    start_color();
    theme_t def, mono;
    short fg, bg;
    theme_default(&def);
    load_shipped("mono", &mono);
    theme_apply(&def, COLORS);
    assert_int_equal(PAIR_NUMBER(theme_attr(EL_PASS)), EL_PASS + 1);
    assert_int_equal(pair_content(EL_PASS + 1, &fg, &bg), OK);
    assert_int_equal(fg, 40);
    assert_int_equal(bg, -1);
    assert_true(theme_attr(EL_PASS) & A_BOLD);
    assert_true(theme_attr(EL_WAITING) & A_DIM);
    theme_apply(&def, 8);
    assert_int_equal(pair_content(EL_PASS + 1, &fg, &bg), OK);
    assert_int_equal(fg, 2);
    theme_apply(&mono, COLORS);
    assert_int_equal(PAIR_NUMBER(theme_attr(EL_FAIL)), 0);
    assert_int_equal(theme_attr(EL_FAIL), A_REVERSE | A_BOLD);
    theme_apply(&def, 0); /* NO_COLOR */
    assert_int_equal(theme_attr(EL_PASS), A_BOLD);
    assert_int_equal(theme_attr(EL_COUNT), A_NORMAL);
    endwin();
    delscreen(screen);
    fclose(out);
    fclose(in);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(element_names_round_trip),
        cmocka_unit_test(shipped_themes_load_and_read),
        cmocka_unit_test(builtin_equals_default_ini),
        cmocka_unit_test(mono_verdicts_differ_by_attribute),
        cmocka_unit_test(resolve_fits_the_terminal),
        cmocka_unit_test(bad_theme_files),
        cmocka_unit_test(bad_theme_file_kinds),
        cmocka_unit_test(good_theme_texts),
        cmocka_unit_test(theme_lookup),
        cmocka_unit_test(data_and_config_dirs),
        cmocka_unit_test(keymap_defaults),
        cmocka_unit_test(keymap_names_and_describe),
        cmocka_unit_test(keys_ini_override),
        cmocka_unit_test(keys_ini_in_config),
        cmocka_unit_test(bad_keys_ini),
        cmocka_unit_test(theme_on_a_screen),
    };
    return cmocka_run_group_tests(tests, make_tmpdir, remove_tmpdir);
}
