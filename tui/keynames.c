/* keynames.c: key names as keys.ini and the help overlay write them, and their wgetch() codes. */
#include "tui/keymap.h"

#include <curses.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

/* A name may stand for several codes: Enter arrives as '\n' (nl mode), '\r' (nonl) or the keypad's
 * KEY_ENTER.  The first entry of a code names it. */
static const struct {
    const char *name;
    int code;
} named_keys[] = {
    {"Space", ' '},        {"Enter", '\n'},      {"Enter", '\r'},    {"Enter", KEY_ENTER}, {"Tab", '\t'},
    {"S-Tab", KEY_BTAB},   {"Esc", 27},          {"Up", KEY_UP},     {"Down", KEY_DOWN},   {"Left", KEY_LEFT},
    {"Right", KEY_RIGHT},  {"PgUp", KEY_PPAGE},  {"PgDn", KEY_NPAGE}, {"Home", KEY_HOME},  {"End", KEY_END},
    {"Backspace", KEY_BACKSPACE}, {"Backspace", 127}, {"Del", KEY_DC}, {"Comma", ','},
};
#define N_NAMED (sizeof(named_keys) / sizeof(named_keys[0]))

/* "F1".."F12" -> 1..12, else 0. */
static int function_key(const char *name)
{
    if ((name[0] != 'F' && name[0] != 'f') || !name[1] || strspn(name + 1, "0123456789") != strlen(name + 1) ||
        strlen(name + 1) > 2)
        return 0;
    int n = atoi(name + 1);
    return n >= 1 && n <= 12 ? n : 0;
}

int keymap_key_codes(const char *name, int *codes, int max)
{
    int n = 0;
    for (size_t i = 0; i < N_NAMED; i++)
        if (!strcasecmp(name, named_keys[i].name) && n < max)
            codes[n++] = named_keys[i].code;
    if (n || max < 1)
        return n;
    int f = function_key(name);
    if (f)
        codes[n++] = KEY_F(f);
    else if ((name[0] == 'C' || name[0] == 'c') && name[1] == '-' && name[2] && !name[3] &&
             strchr("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ", name[2]))
        codes[n++] = name[2] & 0x1f;
    else if (name[0] > ' ' && name[0] < 0x7f && !name[1])
        codes[n++] = name[0];
    return n;
}

const char *keymap_key_name(int key, char *buf, size_t size)
{
    for (size_t i = 0; i < N_NAMED; i++)
        if (named_keys[i].code == key) {
            snprintf(buf, size, "%s", named_keys[i].name);
            return buf;
        }
    if (key >= KEY_F(1) && key <= KEY_F(12))
        snprintf(buf, size, "F%d", key - KEY_F(0));
    else if (key >= 1 && key <= 26)
        snprintf(buf, size, "C-%c", 'a' + key - 1);
    else if (key > ' ' && key < 0x7f)
        snprintf(buf, size, "%c", key);
    else
        snprintf(buf, size, "?");
    return buf;
}
