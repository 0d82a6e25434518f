/* demo.c: the scenarios the demo offers (see demo.h). */
#include "tui/demo.h"

#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

/* "; expect: bgp md5_mismatch" -> runbook and cause. */
static void read_expect(demo_scenario_t *s, const char *path)
{
    FILE *f = fopen(path, "r");
    char line[512], rb[16] = "", cause[64] = "";
    s->runbook = RUNBOOK_BGP;
    while (f && fgets(line, sizeof(line), f)) {
        if (sscanf(line, "; expect: %15s %63s", rb, cause) == 2) {
            runbook_from_name(rb, &s->runbook);
            snprintf(s->expect, sizeof(s->expect), "%s", cause);
            break;
        }
    }
    if (f)
        fclose(f);
}

static bool is_file(const char *path)
{
    struct stat st;
    return stat(path, &st) == 0 && S_ISREG(st.st_mode);
}

static void saved_files(demo_scenario_t *s)
{
    char path[sizeof(s->reverse_trace)];
    snprintf(path, sizeof(path), "%s/reverse_trace.txt", s->dir);
    if (is_file(path))
        snprintf(s->reverse_trace, sizeof(s->reverse_trace), "%s", path);
    snprintf(path, sizeof(path), "%s/azure_routes.json", s->dir);
    if (is_file(path))
        snprintf(s->azure_routes, sizeof(s->azure_routes), "%s", path);
}

/* Fills s from root/name; false when it is no scenario. */
static bool load_one(demo_scenario_t *s, const char *root, const char *name)
{
    char ini[1200], err[512];
    memset(s, 0, sizeof(*s));
    snprintf(s->name, sizeof(s->name), "%s", name);
    snprintf(s->dir, sizeof(s->dir), "%s/%s", root, name);
    snprintf(ini, sizeof(ini), "%s/device.ini", s->dir);
    inventory_t inv = {0};
    if (!is_file(ini) || inventory_load(&inv, ini, err, sizeof(err)) != 0 || inv.n_devices == 0) {
        inventory_free(&inv);
        return false;
    }
    snprintf(s->device, sizeof(s->device), "%s", inv.devices[0].name);
    snprintf(s->vendor, sizeof(s->vendor), "%s", inv.devices[0].vendor);
    inventory_free(&inv);
    read_expect(s, ini);
    saved_files(s);
    return true;
}

static int by_name(const void *a, const void *b)
{
    return strcmp(((const demo_scenario_t *)a)->name, ((const demo_scenario_t *)b)->name);
}

int demo_list(const char *root, demo_scenario_t **out, size_t *n, char *err, size_t errlen)
{
    *out = NULL;
    *n = 0;
    DIR *d = opendir(root);
    if (!d) {
        snprintf(err, errlen, "%s: %s", root, strerror(errno));
        return -1;
    }
    size_t cap = 0;
    struct dirent *e;
    while ((e = readdir(d))) {
        if (e->d_name[0] == '.')
            continue;
        if (*n == cap) {
            cap = cap ? cap * 2 : 32;
            demo_scenario_t *grown = realloc(*out, cap * sizeof(**out));
            if (!grown)
                break;
            *out = grown;
        }
        if (load_one(&(*out)[*n], root, e->d_name))
            (*n)++;
    }
    closedir(d);
    if (*n)
        qsort(*out, *n, sizeof(**out), by_name);
    return 0;
}

const demo_scenario_t *demo_find(const demo_scenario_t *list, size_t n, const char *name)
{
    for (size_t i = 0; name && i < n; i++)
        if (strcmp(list[i].name, name) == 0)
            return &list[i];
    return NULL;
}
