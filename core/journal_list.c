/* journal_list.c: the sessions in a journal directory, newest first, so that the console can
 * offer the unfinished ones at start.  Only the first line (when it started, on which device,
 * which runbook) and the last (the "end" entry or not) of each file are read: journals may be
 * hundreds of MiB and the list must come up at once. */
#include "core/journal.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "core/utctime.h"

/* How much of a file's end is read for its last line: an "end" entry is far shorter. */
#define TAIL_BYTES 4096

static char *string_field(const json_t *e, const char *key)
{
    const char *s = json_string_value(json_object_get(e, key));
    return s ? strdup(s) : NULL;
}

/* The first line of f: its time, and device and runbook when it is a "session" entry. */
static void read_first(FILE *f, journal_info_t *info)
{
    char *line = NULL;
    size_t cap = 0;
    ssize_t len = getline(&line, &cap, f);
    json_t *e = len > 0 && line[len - 1] == '\n' ? json_loadb(line, (size_t)len - 1, 0, NULL) : NULL;
    free(line);
    const char *utc = json_string_value(json_object_get(e, "utc")), *kind = json_string_value(json_object_get(e, "kind"));
    if (utc && kind && json_is_integer(json_object_get(e, "id")) && strlen(utc) < sizeof(info->start_utc) &&
        utc_parse(utc, &info->start)) {
        info->readable = true;
        strcpy(info->start_utc, utc);
    }
    if (info->readable && strcmp(kind, JOURNAL_KIND_SESSION) == 0) {
        info->device = string_field(e, "device");
        info->runbook = string_field(e, "runbook");
    }
    json_decref(e);
}

/* Whether the file of size bytes ends with a whole "end" entry. */
static bool ends_finished(FILE *f, off_t size)
{
    char tail[TAIL_BYTES];
    off_t from = size > TAIL_BYTES ? size - TAIL_BYTES : 0;
    if (fseeko(f, from, SEEK_SET) != 0)
        return false;
    size_t n = fread(tail, 1, TAIL_BYTES, f);
    if (n < 2 || tail[n - 1] != '\n')
        return false; /* empty, or torn: the end entry never made it */
    const char *nl = memrchr(tail, '\n', n - 1);
    if (!nl && from > 0)
        return false; /* a last line longer than an end entry */
    const char *start = nl ? nl + 1 : tail;
    json_t *e = json_loadb(start, (size_t)(tail + n - 1 - start), 0, NULL);
    const char *kind = json_string_value(json_object_get(e, "kind"));
    bool end = kind && strcmp(kind, JOURNAL_KIND_END) == 0;
    json_decref(e);
    return end;
}

/* Describes dir/name (a regular file, opened without following a link): 0, or -1 to skip it. */
static int describe(int dfd, const char *dir, const char *name, journal_info_t *info)
{
    memset(info, 0, sizeof(*info));
    int fd = openat(dfd, name, O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC);
    struct stat st;
    FILE *f = NULL;
    if (fd < 0 || fstat(fd, &st) != 0 || !S_ISREG(st.st_mode) || !(f = fdopen(fd, "r"))) {
        if (fd >= 0)
            close(fd);
        return -1;
    }
    size_t len = strlen(dir) + strlen(name) + 2;
    info->path = malloc(len);
    if (info->path) {
        snprintf(info->path, len, "%s/%s", dir, name);
        info->start = (double)st.st_mtime;
        read_first(f, info);
        info->finished = info->readable && ends_finished(f, st.st_size);
    }
    fclose(f);
    return info->path ? 0 : -1;
}

static bool journal_name(const char *name)
{
    size_t n = strlen(name);
    return name[0] != '.' && n > 6 && strcmp(name + n - 6, ".jsonl") == 0;
}

/* Newest first; the path breaks ties so that the order does not depend on readdir. */
static int newest_first(const void *a, const void *b)
{
    const journal_info_t *x = a, *y = b;
    if (x->start != y->start)
        return x->start < y->start ? 1 : -1;
    return strcmp(y->path, x->path);
}

/* Every journal of the open directory d (descriptor dfd) into *out. */
static int list_open(DIR *d, int dfd, const char *dir, journal_info_t **out, size_t *n)
{
    size_t cap = 0;
    struct dirent *de;
    while ((de = readdir(d))) {
        if (!journal_name(de->d_name))
            continue;
        if (*n == cap) {
            journal_info_t *more = realloc(*out, (cap ? cap * 2 : 16) * sizeof(**out));
            if (!more)
                return -1;
            *out = more;
            cap = cap ? cap * 2 : 16;
        }
        if (describe(dfd, dir, de->d_name, &(*out)[*n]) == 0)
            (*n)++;
    }
    if (*n)
        qsort(*out, *n, sizeof(**out), newest_first);
    return 0;
}

int journal_list(const char *dir, journal_info_t **out, size_t *n)
{
    *out = NULL;
    *n = 0;
    int fd = open(dir, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
    struct stat st;
    if (fd < 0 && errno == ENOTDIR && lstat(dir, &st) == 0 && S_ISLNK(st.st_mode))
        errno = ELOOP; /* O_DIRECTORY is checked first: a link to a directory gives ENOTDIR */
    if (fd < 0)
        return errno == ENOENT ? 0 : -1;
    DIR *d = fdopendir(fd);
    if (!d) {
        close(fd);
        return -1;
    }
    int rc = list_open(d, fd, dir, out, n);
    int e = errno;
    closedir(d);
    if (rc != 0) {
        journal_list_free(*out, *n);
        *out = NULL;
        *n = 0;
        errno = e;
    }
    return rc;
}

void journal_list_free(journal_info_t *infos, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        free(infos[i].path);
        free(infos[i].device);
        free(infos[i].runbook);
    }
    free(infos);
}
