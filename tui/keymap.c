/* keymap.c: the actions, their default keys, and looking keys up (loading keys.ini is
 * tui/keymap_ini.c, key names tui/keynames.c). */
#include "tui/keymap.h"

#include <stdio.h>
#include <string.h>
#include <strings.h>

static const struct {
    const char *name;
    const char *help;
    const char *keys; /* the defaults, as keys.ini would write them */
} actions[ACT_COUNT] = {
    [ACT_UP] = {"up", "move up", "Up, k"},
    [ACT_DOWN] = {"down", "move down", "Down, j"},
    [ACT_LEFT] = {"left", "scroll left", "Left, h"},
    [ACT_RIGHT] = {"right", "scroll right", "Right, l"},
    [ACT_PAGE_UP] = {"page_up", "one page up", "PgUp, C-b"},
    [ACT_PAGE_DOWN] = {"page_down", "one page down", "PgDn, C-f"},
    [ACT_HOME] = {"home", "to the top", "Home, g"},
    [ACT_END] = {"end", "to the bottom", "End, G"},
    [ACT_NEXT_PANE] = {"next_pane", "next pane", "Tab"},
    [ACT_PREV_PANE] = {"prev_pane", "previous pane", "S-Tab"},
    [ACT_RERUN_STEP] = {"rerun_step", "run the selected runbook step again (runbook pane)", "Enter"},
    [ACT_REFRESH] = {"refresh", "gather the evidence again", "r"},
    [ACT_PAUSE] = {"pause", "pause or resume the live updates", "Space"},
    [ACT_SEARCH] = {"search", "search the pane", "/"},
    [ACT_SEARCH_NEXT] = {"search_next", "next match", "n"},
    [ACT_SEARCH_PREV] = {"search_prev", "previous match", "N"},
    [ACT_HELP] = {"help", "this help", "?, F1"},
    [ACT_THEME] = {"theme", "next colour theme", "t"},
    [ACT_QUIT] = {"quit", "quit", "q"},
    [ACT_NOTE] = {"note", "add a note to the report", "a"},
    [ACT_IMPORT] = {"import", "import saved evidence", "i"},
    [ACT_EXPORT] = {"export", "export the report", "e"},
    [ACT_PICKER] = {"picker", "back to the device picker", "p"},
    [ACT_SELECT] = {"select", "open the selected item (lists)", "Enter"},
    [ACT_FAMILY] = {"family", "judge the other peering (IPv4 / IPv6) of a dual-stack device", "f"},
};

const char *action_name(action_t a)
{
    return a > ACT_NONE && a < ACT_COUNT ? actions[a].name : NULL;
}

action_t action_from_name(const char *name)
{
    for (int a = ACT_NONE + 1; a < ACT_COUNT; a++)
        if (!strcmp(actions[a].name, name))
            return (action_t)a;
    return ACT_NONE;
}

const char *action_help(action_t a)
{
    return a > ACT_NONE && a < ACT_COUNT ? actions[a].help : "";
}

/* The list as codes into keys/n: each name trimmed, every code of it once. */
static int parse_list(const char *list, int *keys, int *n, char *why, size_t whylen)
{
    char buf[256], *save = NULL;
    *n = 0;
    if (strlen(list) >= sizeof(buf)) {
        snprintf(why, whylen, "a list longer than %zu bytes", sizeof(buf) - 1);
        return -1;
    }
    snprintf(buf, sizeof(buf), "%s", list);
    for (char *name = strtok_r(buf, ",", &save); name; name = strtok_r(NULL, ",", &save)) {
        name += strspn(name, " \t");
        for (size_t len = strlen(name); len && (name[len - 1] == ' ' || name[len - 1] == '\t'); len--)
            name[len - 1] = '\0';
        int codes[KEYMAP_MAX_KEYS], got = keymap_key_codes(name, codes, KEYMAP_MAX_KEYS);
        if (!got) {
            snprintf(why, whylen,
                     "'%s' is not a key name (a character, Space, Enter, Tab, S-Tab, Esc, Up, PgUp, Home, "
                     "F1..F12, C-a..C-z, Backspace, Del, Comma)",
                     name);
            return -1;
        }
        for (int i = 0; i < got; i++) {
            bool seen = false;
            for (int j = 0; j < *n; j++)
                seen |= keys[j] == codes[i];
            if (!seen && *n == KEYMAP_MAX_KEYS) {
                snprintf(why, whylen, "more than %d keys", KEYMAP_MAX_KEYS);
                return -1;
            }
            if (!seen)
                keys[(*n)++] = codes[i];
        }
    }
    return 0;
}

int keymap_bind(keymap_t *k, action_t a, const char *list, char *why, size_t whylen)
{
    int keys[KEYMAP_MAX_KEYS], n = 0;
    bool none = !strcasecmp(list, "none");
    if (a <= ACT_NONE || a >= ACT_COUNT) {
        snprintf(why, whylen, "no such action");
        return -1;
    }
    if (!none && parse_list(list, keys, &n, why, whylen) != 0)
        return -1;
    if (!none && !n) {
        snprintf(why, whylen, "no key given (none unbinds)");
        return -1;
    }
    if (!n && a == ACT_QUIT) {
        snprintf(why, whylen, "quit needs a key: without one the console could not be left");
        return -1;
    }
    memcpy(k->keys[a], keys, (size_t)n * sizeof(keys[0]));
    k->n[a] = (unsigned char)n;
    return 0;
}

void keymap_default(keymap_t *k)
{
    char why[256];
    memset(k, 0, sizeof(*k));
    for (int a = ACT_NONE + 1; a < ACT_COUNT; a++)
        keymap_bind(k, (action_t)a, actions[a].keys, why, sizeof(why)); /* the table's names are valid */
}

bool keymap_bound(const keymap_t *k, action_t a, int key)
{
    if (a <= ACT_NONE || a >= ACT_COUNT)
        return false;
    for (int i = 0; i < k->n[a] && i < KEYMAP_MAX_KEYS; i++)
        if (k->keys[a][i] == key)
            return true;
    return false;
}

action_t keymap_action(const keymap_t *k, int key)
{
    /* select before rerun_step: they share Enter, and "select" is what a key means in a list. */
    if (keymap_bound(k, ACT_SELECT, key))
        return ACT_SELECT;
    for (int a = ACT_NONE + 1; a < ACT_COUNT; a++)
        if (keymap_bound(k, (action_t)a, key))
            return (action_t)a;
    return ACT_NONE;
}

/* Whether the i-th key of a has the name of an earlier one (Enter's three codes are one key). */
static bool named_before(const keymap_t *k, action_t a, int i, const char *name)
{
    char other[16];
    for (int j = 0; j < i; j++)
        if (!strcmp(keymap_key_name(k->keys[a][j], other, sizeof(other)), name))
            return true;
    return false;
}

const char *keymap_describe(const keymap_t *k, action_t a, char *buf, size_t size)
{
    size_t len = 0;
    char name[16];
    if (!size)
        return buf;
    buf[0] = '\0';
    for (int i = 0; a > ACT_NONE && a < ACT_COUNT && i < k->n[a] && i < KEYMAP_MAX_KEYS; i++) {
        keymap_key_name(k->keys[a][i], name, sizeof(name));
        if (named_before(k, a, i, name))
            continue;
        snprintf(buf + len, size - len, "%s%s", len ? ", " : "", name);
        len += strlen(buf + len); /* stays below size: snprintf cut what did not fit */
    }
    return buf;
}
