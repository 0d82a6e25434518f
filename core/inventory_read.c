/* inventory_read.c: the inventory's files read into sections of keys (inventory_int.h): inih
 * over each file, `include = PATTERN` lines read where they stand, every value checked on the
 * line that holds it.
 *
 * Includes: only before a file's first section (a section's keys are never interrupted by
 * another file's); PATTERN is a glob(3) pattern, relative to the including file's directory
 * unless absolute; the matches are read in byte order (not the locale's); a pattern with a
 * wildcard that matches nothing is no error (an empty conf.d/), a plain name that names no file
 * is.  Files nest at most INV_MAX_INCLUDE_DEPTH deep and a file that includes itself, directly
 * or not, is refused.  An included file's error names that file's line; the file that included
 * it stops reading there, so the error stays the first bad line in reading order. */
#include <glob.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "core/ini_text.h"
#include "core/inventory_int.h"
#include "core/inventory_values.h"

/* One file being read (the top one, or one included: parent says by which). */
typedef struct inv_file {
    inv_loader_t *ld;
    struct inv_file *parent;
    ini_text_t rd;
    int depth;           /* 0 for the top file */
    bool from_string;    /* no directory to include from */
    dev_t dev;           /* for the cycle check */
    ino_t ino;
    int cur_header;      /* header line of the section being read; 0 before the first */
    size_t sec;          /* that section in ld->sections */
    device_t scratch;    /* its keys so far, set as they are read: each value is checked here */
    inv_apply_t apply;
    bool credentials;    /* a password_command or identity was read */
} inv_file_t;

/* What read_file returns: 0, or why it failed (err then says so). */
enum { READ_REFUSED = -1, /* the file cannot be read at all: "path: reason" */
       READ_BAD_LINE = -2 /* a line of it (or of a file it includes) is bad: "file:line: reason" */ };

static int read_file(inv_loader_t *ld, inv_file_t *parent, const char *path, char *err, size_t errlen);

const char *inv_keep_name(inv_loader_t *ld, const char *name)
{
    char **grown = realloc(ld->names, (ld->n_names + 1) * sizeof(*grown));
    if (!grown)
        return NULL;
    ld->names = grown;
    return (ld->names[ld->n_names] = strdup(name)) ? ld->names[ld->n_names++] : NULL;
}

static int fail(inv_file_t *f, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
static int fail(inv_file_t *f, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    ini_text_vfail_at(&f->rd, f->rd.line, fmt, ap);
    va_end(ap);
    return 0;
}

/* ---- sections ---- */

/* The section of that kind and name read before, or NULL. */
static const inv_section_t *find_section(const inv_loader_t *ld, inv_sec_kind_t kind, const char *name)
{
    for (size_t i = 0; i < ld->n_sections; i++)
        if (ld->sections[i].kind == kind && strcmp(ld->sections[i].name, name) == 0)
            return &ld->sections[i];
    return NULL;
}

/* A [group NAME] or [device NAME] header: a name of the right shape, not defined before. */
static int check_name(inv_file_t *f, const char *what, inv_sec_kind_t kind, const char *name)
{
    char why[300];
    const inv_section_t *old = find_section(f->ld, kind, name);
    if (old)
        return ini_text_fail_at(&f->rd, f->rd.section_line, "%s '%s' is defined twice (first at %s:%d)", what, name,
                                old->pos.file, old->pos.line);
    if (!inv_check_name(name, why, sizeof(why)))
        return ini_text_fail_at(&f->rd, f->rd.section_line, "%s name %s", what, why);
    if (strlen(name) >= INV_NAME_LEN)
        return ini_text_fail_at(&f->rd, f->rd.section_line, "%s name '%s' is too long", what, name);
    return 1;
}

/* The first key under a header: the section starts (a header seen again, even right after
 * itself, is a second definition). */
static int open_section(inv_file_t *f, const char *section)
{
    inv_loader_t *ld = f->ld;
    inv_sec_kind_t kind;
    const char *name = "";
    if (strcmp(section, "defaults") == 0) {
        kind = INV_SEC_DEFAULTS;
    } else if (strncmp(section, "group ", 6) == 0 && section[6]) {
        kind = INV_SEC_GROUP;
        name = section + 6;
    } else if (strncmp(section, "device ", 7) == 0 && section[7]) {
        kind = INV_SEC_DEVICE;
        name = section + 7;
    } else {
        return fail(f, "section [%s] is neither [defaults], [group NAME] nor [device NAME]", section);
    }
    if (kind != INV_SEC_DEFAULTS && !check_name(f, kind == INV_SEC_GROUP ? "group" : "device", kind, name))
        return 0;
    inv_section_t *grown = realloc(ld->sections, (ld->n_sections + 1) * sizeof(*grown));
    if (!grown)
        return fail(f, "out of memory");
    ld->sections = grown;
    f->sec = ld->n_sections++;
    inv_section_t *s = &ld->sections[f->sec];
    *s = (inv_section_t){.kind = kind, .pos = {f->rd.name, f->rd.section_line, ++ld->seq}};
    snprintf(s->name, sizeof(s->name), "%s", name);
    inv_device_defaults(&f->scratch);
    f->apply = (inv_apply_t){.section = (int)f->sec, .prefixes_section = -1};
    return 1;
}

/* A key of the open section: checked on the scratch device, then kept as written. */
static int add_entry(inv_file_t *f, const char *key, const char *value)
{
    char why[600];
    inv_section_t *s = &f->ld->sections[f->sec];
    if (strcmp(key, "include") == 0)
        return fail(f, "include must stand before the file's first section");
    if (strcmp(key, "group") == 0 && s->kind != INV_SEC_DEVICE)
        return fail(f, s->kind == INV_SEC_GROUP ? "a [group] may not name groups: groups do not nest"
                                                : "group names a device's groups: not in [defaults]");
    if (!inv_set_key(&f->scratch, &f->apply, key, value, why, sizeof(why)))
        return fail(f, "%s", why);
    f->credentials |= inv_key_is_credential(key);
    if (s->n_entries == s->cap) {
        size_t cap = s->cap ? 2 * s->cap : 8;
        inv_entry_t *grown = realloc(s->entries, cap * sizeof(*grown));
        if (!grown)
            return fail(f, "out of memory");
        s->entries = grown;
        s->cap = cap;
    }
    inv_entry_t *e = &s->entries[s->n_entries];
    *e = (inv_entry_t){strdup(key), strdup(value), {f->rd.name, f->rd.line, ++f->ld->seq}};
    if (!e->key || !e->value) {
        free(e->key);
        free(e->value);
        return fail(f, "out of memory");
    }
    s->n_entries++;
    return 1;
}

/* ---- includes ---- */

/* dir + "/" + pattern into out, dir's own glob characters escaped: only the pattern globs. */
static bool join_pattern(const char *file, const char *pattern, char *out, size_t size)
{
    if (pattern[0] == '/')
        return (size_t)snprintf(out, size, "%s", pattern) < size;
    const char *slash = strrchr(file, '/'), *dir = slash ? file : ".";
    size_t w = 0, dirlen = slash ? (size_t)(slash - file) : 1;
    for (size_t i = 0; i < dirlen && w + 2 < size; i++) {
        if (strchr("*?[\\", dir[i]))
            out[w++] = '\\';
        out[w++] = dir[i];
    }
    return (size_t)snprintf(out + w, size - w, "/%s", pattern) < size - w;
}

static int by_bytes(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

/* Each match of the pattern read in turn; the first failure stops (its error is in f->rd). */
static int read_matches(inv_file_t *f, const char *value, glob_t *g)
{
    char err[600];
    qsort(g->gl_pathv, g->gl_pathc, sizeof(char *), by_bytes);
    for (size_t i = 0; i < g->gl_pathc; i++) {
        int rc = read_file(f->ld, f, g->gl_pathv[i], err, sizeof(err));
        /* A file that could not be read at all has no line of its own: the include line is it. */
        if (rc == READ_REFUSED)
            return fail(f, "include = %s: %s", value, err);
        if (rc == READ_BAD_LINE)
            return ini_text_fail_raw(&f->rd, f->rd.line, err);
    }
    return 1;
}

/* include = PATTERN: the files it matches, read here. */
static int include(inv_file_t *f, const char *value)
{
    char pattern[4096];
    if (f->from_string)
        return fail(f, "include is read only from an inventory file (this text has no directory)");
    if (f->depth >= INV_MAX_INCLUDE_DEPTH)
        return fail(f, "include = %s: files included more than %d deep", value, INV_MAX_INCLUDE_DEPTH);
    if (!value[0] || !join_pattern(f->rd.name, value, pattern, sizeof(pattern)))
        return fail(f, "include = '%s' is not a file pattern", value);
    glob_t g;
    int rc = glob(pattern, GLOB_NOSORT, NULL, &g);
    if (rc == GLOB_NOMATCH) {
        globfree(&g);
        if (strpbrk(value, "*?[") != NULL)
            return 1; /* an empty conf.d/ is no mistake */
        return fail(f, "include = %s: no such file", value);
    }
    if (rc != 0) {
        globfree(&g);
        return fail(f, "include = %s: %s", value, rc == GLOB_NOSPACE ? "out of memory" : "a directory cannot be read");
    }
    rc = read_matches(f, value, &g);
    globfree(&g);
    return rc;
}

/* ---- inih's handler ---- */

static int on_key(void *user, const char *section, const char *key, const char *value)
{
    inv_file_t *f = user;
    if (!section[0]) {
        if (strcmp(key, "include") != 0)
            return fail(f, "'%s' outside a section (only include = may stand before the first section)", key);
        return include(f, value);
    }
    if (f->cur_header != f->rd.section_line) {
        f->cur_header = f->rd.section_line;
        if (!open_section(f, section)) {
            f->cur_header = -1; /* reading stops here; no key of it may land in the section before */
            return 0;
        }
    }
    return f->cur_header > 0 && add_entry(f, key, value);
}

/* ---- files ---- */

/* A file already being read, up the chain of includes: a cycle. */
static const inv_file_t *on_stack(const inv_file_t *f, const struct stat *st)
{
    for (; f; f = f->parent)
        if (!f->from_string && f->dev == st->st_dev && f->ino == st->st_ino)
            return f;
    return NULL;
}

static void warn_permissions(inv_loader_t *ld, const char *path, const struct stat *st)
{
    if (ld->inv->warning[0] || !(st->st_mode & 077))
        return;
    snprintf(ld->inv->warning, sizeof(ld->inv->warning),
             "%.200s holds password_command or identity and is %s by others (mode %03o): chmod 600 it", path,
             (st->st_mode & 022) ? "writable" : "readable", (unsigned)(st->st_mode & 0777));
}

/* Runs inih over the text; its error, if any, in err (and then READ_BAD_LINE). */
static int parse(inv_file_t *f, char *err, size_t errlen)
{
    ini_text_parse(&f->rd, on_key, f);
    if (!f->rd.err[0])
        return 0;
    snprintf(err, errlen, "%s", f->rd.err);
    return READ_BAD_LINE;
}

static int read_file(inv_loader_t *ld, inv_file_t *parent, const char *path, char *err, size_t errlen)
{
    struct stat st;
    char *text = ini_text_read_file(path, INV_MAX_FILE, "an inventory", &st, err, errlen);
    if (!text)
        return READ_REFUSED;
    bool cycle = on_stack(parent, &st) != NULL;
    const char *name = cycle ? NULL : inv_keep_name(ld, path);
    if (!name) {
        snprintf(err, errlen, "%s: %s", path, cycle ? "it is being read already: a cycle of includes" : "out of memory");
        free(text);
        return READ_REFUSED;
    }
    inv_file_t *f = calloc(1, sizeof(*f));
    int rc = READ_REFUSED;
    if (f) {
        *f = (inv_file_t){.ld = ld, .parent = parent, .depth = parent ? parent->depth + 1 : 0,
                          .dev = st.st_dev, .ino = st.st_ino};
        ini_text_init(&f->rd, name, text);
        rc = parse(f, err, errlen);
        if (rc == 0 && f->credentials)
            warn_permissions(ld, path, &st);
    } else {
        snprintf(err, errlen, "%s: out of memory", path);
    }
    free(f);
    free(text);
    return rc;
}

int inv_read_file(inv_loader_t *ld, const char *path, char *err, size_t errlen)
{
    return read_file(ld, NULL, path, err, errlen);
}

int inv_read_string(inv_loader_t *ld, const char *name, const char *text, char *err, size_t errlen)
{
    const char *kept = inv_keep_name(ld, name);
    inv_file_t *f = calloc(1, sizeof(*f));
    int rc = -1;
    if (kept && f) {
        *f = (inv_file_t){.ld = ld, .from_string = true};
        ini_text_init(&f->rd, kept, text);
        rc = parse(f, err, errlen);
    } else {
        snprintf(err, errlen, "%s: out of memory", name);
    }
    free(f);
    return rc;
}
