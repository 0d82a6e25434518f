/* theme_find.c: themes by name: the user's configuration directory first (a theme of the same
 * name there replaces the shipped one), then the installed data directory. */
#include "tui/theme.h"

#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "core/datadir.h"

#define THEME_DIR_LEN 4096
#define THEME_MAX_LISTED 1024 /* theme_names() reads no more names than this */

/* A file name without its .ini: letters, digits, '.', '_', '-', not starting with '.' (no
 * hidden files, no "..", no '/'). */
static bool plain_name(const char *name, size_t len)
{
    if (!len || len >= THEME_NAME_LEN || name[0] == '.')
        return false;
    for (size_t i = 0; i < len; i++)
        if (!strchr("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789._-", name[i]) || !name[i])
            return false;
    return true;
}

/* The two theme directories, in the order they are searched; "" when there is none. */
static void theme_dirs(char dirs[2][THEME_DIR_LEN])
{
    char config[THEME_DIR_LEN - 8];
    datadir_config(config, sizeof(config));
    snprintf(dirs[0], THEME_DIR_LEN, "%s/themes", config);
    if (datadir_find("themes", dirs[1], THEME_DIR_LEN) != 0)
        dirs[1][0] = '\0';
}

int theme_find(const char *name, theme_t *t, char *err, size_t errlen)
{
    theme_default(t);
    if (!plain_name(name, strlen(name))) {
        snprintf(err, errlen, "theme name '%.64s' is not a plain name (letters, digits, '.', '_', '-')", name);
        return -1;
    }
    char dirs[2][THEME_DIR_LEN], path[THEME_DIR_LEN + THEME_NAME_LEN + 8];
    theme_dirs(dirs);
    for (int i = 0; i < 2; i++) {
        struct stat st;
        int n = snprintf(path, sizeof(path), "%s/%s.ini", dirs[i], name);
        if (!dirs[i][0] || n < 0 || (size_t)n >= sizeof(path) || stat(path, &st) != 0)
            continue;
        theme_t loaded;
        if (theme_load_file(&loaded, path, err, errlen) != 0)
            return -1; /* t stays the default; err says file:line */
        *t = loaded;
        return 0;
    }
    if (!strcmp(name, "default"))
        return 0;
    snprintf(err, errlen, "no theme '%s' in %s or %s", name, dirs[0], dirs[1][0] ? dirs[1] : "the data directory");
    return -1;
}

typedef struct {
    char (*names)[THEME_NAME_LEN];
    size_t n, cap;
} name_list_t;

static void add_name(name_list_t *l, const char *name, size_t len)
{
    for (size_t i = 0; i < l->n; i++)
        if (strlen(l->names[i]) == len && !memcmp(l->names[i], name, len))
            return;
    if (l->n == l->cap) {
        size_t cap = l->cap ? l->cap * 2 : 16;
        void *grown = l->n < THEME_MAX_LISTED ? realloc(l->names, cap * sizeof(*l->names)) : NULL;
        if (!grown)
            return;
        l->names = grown;
        l->cap = cap;
    }
    snprintf(l->names[l->n++], THEME_NAME_LEN, "%.*s", (int)len, name);
}

static void add_dir(name_list_t *l, const char *dir)
{
    DIR *d = dir[0] ? opendir(dir) : NULL;
    if (!d)
        return;
    for (struct dirent *e; (e = readdir(d));) {
        size_t len = strlen(e->d_name);
        if (len > 4 && !strcmp(e->d_name + len - 4, ".ini") && plain_name(e->d_name, len - 4))
            add_name(l, e->d_name, len - 4);
    }
    closedir(d);
}

static int by_name(const void *a, const void *b)
{
    return strcmp(a, b);
}

size_t theme_names(char names[][THEME_NAME_LEN], size_t max)
{
    name_list_t l = {0};
    char dirs[2][THEME_DIR_LEN];
    theme_dirs(dirs);
    add_name(&l, "default", strlen("default"));
    add_dir(&l, dirs[0]);
    add_dir(&l, dirs[1]);
    if (l.n > 1)
        qsort(l.names + 1, l.n - 1, sizeof(*l.names), by_name);
    size_t n = l.n < max ? l.n : max;
    if (n)
        memcpy(names, l.names, n * sizeof(*l.names));
    free(l.names);
    return n;
}
