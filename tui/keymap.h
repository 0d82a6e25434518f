/* keymap.h: the console's key bindings: every action has a few keys, changeable in
 * $XDG_CONFIG_HOME/erdiag/keys.ini:
 *
 *   [keys]
 *   quit = q, F10        ; replaces the keys of quit; "none" unbinds an action (not quit)
 *
 * Keys are wgetch() codes.  A key bound to two actions is refused ("file:line: ..."), except
 * that select and rerun_step share Enter by default: the console decides by pane.
 *
 * Memory: keymap_t is a plain value (no pointers); callers own it. */
#ifndef ERDIAG_TUI_KEYMAP_H
#define ERDIAG_TUI_KEYMAP_H

#include <stdbool.h>
#include <stddef.h>

#define KEYMAP_MAX_KEYS 8 /* codes per action ("Enter" is three: '\n', '\r', KEY_ENTER) */
#define KEYMAP_MAX_FILE (64 * 1024)

typedef enum {
    ACT_NONE = 0,
    ACT_UP,
    ACT_DOWN,
    ACT_LEFT,
    ACT_RIGHT,
    ACT_PAGE_UP,
    ACT_PAGE_DOWN,
    ACT_HOME,
    ACT_END,
    ACT_NEXT_PANE,
    ACT_PREV_PANE,
    ACT_RERUN_STEP,
    ACT_REFRESH,
    ACT_PAUSE,
    ACT_SEARCH,
    ACT_SEARCH_NEXT,
    ACT_SEARCH_PREV,
    ACT_HELP,
    ACT_THEME,
    ACT_QUIT,
    ACT_NOTE,
    ACT_IMPORT,
    ACT_EXPORT,
    ACT_PICKER,
    ACT_SELECT,
    ACT_FAMILY,
    ACT_COUNT
} action_t;

typedef struct keymap {
    int keys[ACT_COUNT][KEYMAP_MAX_KEYS]; /* wgetch() codes, in the order written */
    unsigned char n[ACT_COUNT];
} keymap_t;

/* arrows and hjkl, PgUp/PgDn and C-b/C-f, Home/End and g/G, Tab/S-Tab, Enter (rerun_step and
 * select), r, Space, / n N, ? and F1, t, q, a, i, e, p. */
void keymap_default(keymap_t *k);

/* Applies a keys.ini (a regular file of at most KEYMAP_MAX_FILE bytes) over what k holds (start
 * from keymap_default()).  0 on success; -1 with "path:line: message" (or "path: message" for
 * the file as a whole) in err, k untouched. */
int keymap_load_file(keymap_t *k, const char *path, char *err, size_t errlen);
/* The same for text in memory; messages name it "keys.ini". */
int keymap_load_string(keymap_t *k, const char *text, char *err, size_t errlen);
/* The user's datadir_config()/keys.ini when there is one: 0 when there is none or it loaded,
 * -1 as keymap_load_file() (a file that exists but is not a regular file is an error too). */
int keymap_load_config(keymap_t *k, char *err, size_t errlen);

/* Replaces a's keys with a ", "-separated list of key names ("none": no key).  0, or -1 with why
 * (a bad name, too many keys) and k untouched.  Does not look at other actions' keys. */
int keymap_bind(keymap_t *k, action_t a, const char *list, char *why, size_t whylen);

/* The action of a key, ACT_NONE when unbound; ACT_SELECT for a key select shares with
 * rerun_step (the console turns it into rerun_step in the runbook pane). */
action_t keymap_action(const keymap_t *k, int key);
/* Whether key is one of a's keys. */
bool keymap_bound(const keymap_t *k, action_t a, int key);
/* All keys of a, ", "-joined ("PgUp, C-b"; "" when none), in buf; returns buf. */
const char *keymap_describe(const keymap_t *k, action_t a, char *buf, size_t size);

/* "up", "page_down", ... as in keys.ini; NULL outside the enum or for ACT_NONE. */
const char *action_name(action_t a);
/* The action named name, or ACT_NONE. */
action_t action_from_name(const char *name);
/* One line for the help overlay; "" for ACT_NONE. */
const char *action_help(action_t a);

/* Key names (tui/keynames.c): "q", "Space", "Enter", "Tab", "S-Tab", "Esc", "Up", "PgUp",
 * "F1".."F12", "C-a".."C-z", "Backspace", "Del", "Comma" (case does not matter but for single
 * characters).  The codes a name stands for (at most max), how many: 0 when it is no key. */
int keymap_key_codes(const char *name, int *codes, int max);
/* The name of a code in buf ("?" when it has none); returns buf. */
const char *keymap_key_name(int key, char *buf, size_t size);

#endif
