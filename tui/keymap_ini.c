/* keymap_ini.c: keys.ini, a [keys] section of "action = key, key" lines (inih through
 * core/ini_text.c, which counts the lines).  Each line replaces its action's keys; conflicts are
 * looked for once the whole file is read, so that two lines may swap two actions' keys. */
#include "tui/keymap.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "core/datadir.h"
#include "core/ini_text.h"

typedef struct {
    keymap_t k;              /* being built: copied out only when every line was good */
    ini_text_t rd;           /* the text, the line, the earliest error */
    int line[ACT_COUNT];     /* the line that bound each action; 0: as it was */
} keymap_load_t;

/* "up, down, ...": every action name, for the message about an unknown one. */
static const char *action_list(char *buf, size_t size)
{
    size_t len = 0;
    buf[0] = '\0';
    for (int a = ACT_NONE + 1; a < ACT_COUNT && len < size; a++) {
        snprintf(buf + len, size - len, "%s%s", len ? " " : "", action_name((action_t)a));
        len += strlen(buf + len);
    }
    return buf;
}

static int on_key(void *user, const char *section, const char *key, const char *value)
{
    keymap_load_t *ld = user;
    char why[300];
    if (!*section)
        return ini_text_fail(&ld->rd, "'%s' comes before [keys]", key);
    if (strcmp(section, "keys"))
        return ini_text_fail(&ld->rd, "[%s] is not [keys], the one section of keys.ini", section);
    action_t a = action_from_name(key);
    if (a == ACT_NONE)
        return ini_text_fail(&ld->rd, "no action '%s' (%s)", key, action_list(why, sizeof(why)));
    if (keymap_bind(&ld->k, a, value, why, sizeof(why)) != 0)
        return ini_text_fail(&ld->rd, "%s: %s", key, why);
    ld->line[a] = ld->rd.line;
    return 1;
}

static const char *where(const keymap_load_t *ld, action_t a, char *buf, size_t size)
{
    if (ld->line[a])
        snprintf(buf, size, "line %d", ld->line[a]);
    else
        snprintf(buf, size, "default");
    return buf;
}

/* The first key of a that b also has, or -1.  select and rerun_step may share keys. */
static int shared_key(const keymap_t *k, action_t a, action_t b)
{
    if ((a == ACT_RERUN_STEP && b == ACT_SELECT) || (a == ACT_SELECT && b == ACT_RERUN_STEP))
        return -1;
    for (int i = 0; i < k->n[a]; i++)
        if (keymap_bound(k, b, k->keys[a][i]))
            return k->keys[a][i];
    return -1;
}

/* A key bound to two actions, reported at the later of the two lines that bound them. */
static void check_conflicts(void *user)
{
    keymap_load_t *ld = user;
    for (int a = ACT_NONE + 1; a < ACT_COUNT; a++)
        for (int b = a + 1; b < ACT_COUNT; b++) {
            int key = shared_key(&ld->k, (action_t)a, (action_t)b);
            if (key < 0 || (!ld->line[a] && !ld->line[b]))
                continue;
            char name[16], wa[16], wb[16];
            ini_text_fail_at(&ld->rd, ld->line[a] > ld->line[b] ? ld->line[a] : ld->line[b],
                             "%s is bound to both %s (%s) and %s (%s)", keymap_key_name(key, name, sizeof(name)),
                             action_name((action_t)a), where(ld, (action_t)a, wa, sizeof(wa)),
                             action_name((action_t)b), where(ld, (action_t)b, wb, sizeof(wb)));
        }
}

static int load(keymap_t *k, const char *label, const char *text, char *err, size_t errlen)
{
    keymap_load_t ld = {.k = *k};
    ini_text_init(&ld.rd, label, text);
    ld.rd.strip_indent = true;
    if (ini_text_run(&ld.rd, on_key, check_conflicts, &ld, err, errlen) != 0)
        return -1;
    *k = ld.k;
    return 0;
}

int keymap_load_string(keymap_t *k, const char *text, char *err, size_t errlen)
{
    return load(k, "keys.ini", text, err, errlen);
}

int keymap_load_file(keymap_t *k, const char *path, char *err, size_t errlen)
{
    char *text = ini_text_read_file(path, KEYMAP_MAX_FILE, "a key map", NULL, err, errlen);
    if (!text)
        return -1;
    int rc = load(k, path, text, err, errlen);
    free(text);
    return rc;
}

int keymap_load_config(keymap_t *k, char *err, size_t errlen)
{
    char dir[4096], path[4096 + 16];
    struct stat st;
    datadir_config(dir, sizeof(dir));
    snprintf(path, sizeof(path), "%s/keys.ini", dir);
    if (lstat(path, &st) != 0 && errno == ENOENT)
        return 0;
    return keymap_load_file(k, path, err, errlen);
}
