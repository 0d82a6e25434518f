/* journal.c: writing a session journal (see journal.h for the format and the guarantees).
 *
 * The file is opened O_APPEND and each entry goes out as one write() of the whole line, then
 * fdatasync(): a kill can tear only the line being written, and the reader skips a torn last
 * line.  A write that fails half-way (a full disk) is cut off again with ftruncate, so that the
 * next entry does not start in the middle of a line; when that cannot be done the journal
 * refuses every later entry rather than leave a torn line in the middle of the file. */
#include "core/journal.h"

#include <errno.h>
#include <fcntl.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "core/utctime.h"

/* How many -2, -3... names are tried when the first is taken. */
#define MAX_SUFFIX 1000

struct journal {
    pthread_mutex_t lock; /* one append at a time: ids go to the file in the order given */
    int fd;
    uint64_t last_id;
    off_t size;    /* bytes of whole lines in the file: a failed write is cut back to this */
    bool broken;   /* a write could not be undone, or an fdatasync failed: no more entries */
    bool finished; /* the "end" entry is written */
    double (*now_utc)(void *ud);
    void *ud;
    char path[4096];
};

static double default_clock(void *ud)
{
    (void)ud;
    return utc_now();
}

int journal_default_dir(char *out, size_t size)
{
    const char *xdg = getenv("XDG_STATE_HOME"), *home = getenv("HOME");
    int n = -1;
    if (xdg && xdg[0] == '/') /* the XDG rules: a relative value is to be ignored */
        n = snprintf(out, size, "%s/erdiag/sessions", xdg);
    else if (home && *home)
        n = snprintf(out, size, "%s/.local/state/erdiag/sessions", home);
    if (n < 0 || (size_t)n >= size) {
        if (size)
            out[0] = '\0';
        return -1;
    }
    return 0;
}

/* ---- the directory ---- */

/* mkdir -p of every parent of p (p is written to and restored).  Links among the parents are
 * followed: a ~/.local that is a link is common and harmless; only the last one must not be. */
static int make_parents(char *p)
{
    for (char *s = p + 1; *s; s++) {
        if (*s != '/')
            continue;
        *s = '\0';
        int rc = mkdir(p, 0700) == 0 ? chmod(p, 0700) : errno == EEXIST ? 0 : -1;
        *s = '/';
        if (rc != 0)
            return -1;
    }
    return 0;
}

static const char *why_not_dir(const char *p, int e)
{
    struct stat st;
    if (lstat(p, &st) == 0 && S_ISLNK(st.st_mode))
        return "is a symbolic link: refusing to journal into it";
    return e == ENOTDIR ? "is not a directory" : strerror(e);
}

/* The journal directory p (no trailing slash), created 0700 when missing; ours, not a link,
 * writable by nobody else.  Its descriptor, or -1 with err. */
static int open_dir(char *p, char *err, size_t errlen)
{
    if (make_parents(p) != 0) {
        snprintf(err, errlen, "%s: cannot create its parents: %s", p, strerror(errno));
        return -1;
    }
    bool created = mkdir(p, 0700) == 0;
    if (!created && errno != EEXIST) {
        snprintf(err, errlen, "%s: %s", p, strerror(errno));
        return -1;
    }
    int fd = open(p, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
    if (fd < 0) {
        snprintf(err, errlen, "%s: %s", p, why_not_dir(p, errno));
        return -1;
    }
    struct stat st;
    const char *why = NULL;
    if (fstat(fd, &st) != 0 || (created && fchmod(fd, 0700) != 0))
        why = strerror(errno);
    else if (st.st_uid != geteuid())
        why = "belongs to another user: refusing to journal into it";
    else if (!created && (st.st_mode & 022))
        why = "is writable by group or others: refusing to journal into it (chmod 700 it)";
    if (why) {
        snprintf(err, errlen, "%s: %s", p, why);
        close(fd);
        return -1;
    }
    return fd;
}

/* ---- the file ---- */

/* "<stem>-<yyyymmddThhmmssZ>-<pid>.jsonl", or with "-<n>" before ".jsonl" when n > 1. */
static bool file_name(char *name, size_t size, const char *stem, const char *when, int n)
{
    int len = n > 1 ? snprintf(name, size, "%s-%s-%ld-%d.jsonl", stem, when, (long)getpid(), n)
                    : snprintf(name, size, "%s-%s-%ld.jsonl", stem, when, (long)getpid());
    return len > 0 && (size_t)len < size;
}

/* The current UTC time as "yyyymmddThhmmssZ". */
static void compact_now(char *out, size_t size)
{
    char iso[40];
    size_t n = 0;
    if (!utc_format(utc_now(), false, iso, sizeof(iso)))
        snprintf(iso, sizeof(iso), "19700101T000000Z");
    for (const char *s = iso; *s && n + 1 < size; s++)
        if (*s != '-' && *s != ':')
            out[n++] = *s;
    out[n] = '\0';
}

/* A new 0600 file in dfd under the first free name; its descriptor, or -1 with err. */
static int create_file(int dfd, const char *dir, const char *stem, char *name, size_t size, char *err, size_t errlen)
{
    char when[32];
    compact_now(when, sizeof(when));
    for (int n = 1; n <= MAX_SUFFIX; n++) {
        if (!file_name(name, size, stem, when, n)) {
            snprintf(err, errlen, "%s/%s: name too long", dir, stem);
            return -1;
        }
        int fd = openat(dfd, name, O_CREAT | O_EXCL | O_NOFOLLOW | O_WRONLY | O_APPEND | O_CLOEXEC, 0600);
        if (fd >= 0 && fchmod(fd, 0600) == 0)
            return fd;
        if (fd >= 0 || errno != EEXIST) {
            snprintf(err, errlen, "%s/%s: %s", dir, name, strerror(errno));
            if (fd >= 0)
                close(fd);
            return -1;
        }
    }
    snprintf(err, errlen, "%s/%s: no free name up to -%d", dir, name, MAX_SUFFIX);
    return -1;
}

static bool plain_stem(const char *stem)
{
    return stem[0] && stem[0] != '.' && !strchr(stem, '/') && strlen(stem) < 128;
}

journal_t *journal_create(const char *dir, const char *stem, char *path_out, size_t size, char *err, size_t errlen)
{
    char p[3800], name[256];
    size_t len = strlen(dir);
    while (len > 1 && dir[len - 1] == '/') /* "DIR/" would follow a link named DIR */
        len--;
    if (len == 0 || len >= sizeof(p) || !plain_stem(stem)) {
        snprintf(err, errlen, "'%.200s/%.200s': not a usable journal directory and name", dir, stem);
        return NULL;
    }
    memcpy(p, dir, len);
    p[len] = '\0';
    int dfd = open_dir(p, err, errlen);
    if (dfd < 0)
        return NULL;
    journal_t *j = calloc(1, sizeof(*j));
    int fd = j ? create_file(dfd, p, stem, name, sizeof(name), err, errlen) : -1;
    if (!j)
        snprintf(err, errlen, "%s: out of memory", p);
    /* The new name must outlive a power cut as much as the entries written into it. */
    if (fd >= 0)
        fsync(dfd);
    close(dfd);
    if (fd < 0) {
        free(j);
        return NULL;
    }
    pthread_mutex_init(&j->lock, NULL);
    j->fd = fd;
    j->now_utc = default_clock;
    snprintf(j->path, sizeof(j->path), "%s/%s", p, name);
    if (path_out)
        snprintf(path_out, size, "%s", j->path);
    return j;
}

void journal_set_clock(journal_t *j, double (*now_utc)(void *ud), void *ud)
{
    j->now_utc = now_utc ? now_utc : default_clock;
    j->ud = now_utc ? ud : NULL;
}

const char *journal_path(const journal_t *j)
{
    return j->path;
}

void journal_close(journal_t *j)
{
    if (!j)
        return;
    fsync(j->fd);
    close(j->fd);
    pthread_mutex_destroy(&j->lock);
    free(j);
}

/* ---- one entry ---- */

/* The line being built by json_dump_callback: never more than JOURNAL_MAX_ENTRY bytes, the
 * newline included, so that an oversized entry is refused before it is all in memory. */
typedef struct {
    FILE *f; /* open_memstream */
    size_t len;
    bool too_big;
} line_t;

static int line_put(const char *s, size_t n, void *data)
{
    line_t *l = data;
    if (n >= JOURNAL_MAX_ENTRY - l->len) { /* room is kept for the newline */
        l->too_big = true;
        return -1;
    }
    if (fwrite(s, 1, n, l->f) != n)
        return -1;
    l->len += n;
    return 0;
}

/* {"id","utc","kind", ...fields} as one line with its newline into *buf (*len bytes; the
 * caller frees); NULL, or why not. */
static const char *build_line(journal_t *j, uint64_t id, const char *kind, json_t *fields, char **buf, size_t *len)
{
    char utc[40];
    if (!utc_format(j->now_utc(j->ud), true, utc, sizeof(utc)))
        return "the clock is out of range";
    json_t *e = json_object();
    if (!e || json_object_set_new(e, "id", json_integer((json_int_t)id)) != 0 ||
        json_object_set_new(e, "utc", json_string(utc)) != 0 || json_object_set_new(e, "kind", json_string(kind)) != 0 ||
        (fields && json_object_update(e, fields) != 0)) {
        json_decref(e);
        return "out of memory, or a kind that is not UTF-8";
    }
    line_t l = {open_memstream(buf, len), 0, false};
    int rc = l.f ? json_dump_callback(e, line_put, &l, JSON_COMPACT | JSON_ENSURE_ASCII) : -1;
    json_decref(e);
    if (rc == 0 && fputc('\n', l.f) == EOF)
        rc = -1;
    if (l.f && fclose(l.f) != 0)
        rc = -1;
    if (rc != 0)
        return l.too_big ? "entry larger than 16 MiB refused"
                         : "cannot be written as JSON (a string that is not UTF-8?), or out of memory";
    return NULL;
}

/* The whole line, starting with one write() of all of it. */
static int write_all(int fd, const char *buf, size_t len)
{
    while (len) {
        ssize_t n = write(fd, buf, len);
        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0) {
            if (n == 0)
                errno = EIO;
            return -1;
        }
        buf += n;
        len -= (size_t)n;
    }
    return 0;
}

/* Why this entry may not be appended, or NULL. */
static const char *refused(const journal_t *j, const char *kind, const json_t *fields)
{
    if (j->broken)
        return "an earlier write failed: the journal takes no more entries";
    if (j->finished)
        return "the session is finished: nothing goes after its end entry";
    if (!kind || !*kind)
        return "an entry needs a kind";
    if (fields && !json_is_object(fields))
        return "the fields must be a JSON object";
    if (fields && (json_object_get(fields, "id") || json_object_get(fields, "utc") || json_object_get(fields, "kind")))
        return "\"id\", \"utc\" and \"kind\" are the journal's own keys";
    return NULL;
}

/* The line on disk for good, or -1 with err (and the file cut back, or the journal broken). */
static int store_line(journal_t *j, const char *line, size_t len, char *err, size_t errlen)
{
    if (write_all(j->fd, line, len) != 0) {
        int e = errno;
        if (ftruncate(j->fd, j->size) != 0)
            j->broken = true;
        snprintf(err, errlen, "%s: %s", j->path, strerror(e));
        return -1;
    }
    j->size += (off_t)len;
    if (fdatasync(j->fd) != 0) {
        /* After a failed fdatasync what reached the disk is unknown: stop here. */
        j->broken = true;
        snprintf(err, errlen, "%s: %s", j->path, strerror(errno));
        return -1;
    }
    return 0;
}

/* journal_append with the lock held. */
static uint64_t append_locked(journal_t *j, const char *kind, json_t *fields, char *err, size_t errlen)
{
    const char *why = refused(j, kind, fields);
    char *line = NULL;
    size_t len = 0;
    if (!why)
        why = build_line(j, j->last_id + 1, kind, fields, &line, &len);
    if (why) {
        snprintf(err, errlen, "%s: %s", j->path, why);
        free(line);
        return 0;
    }
    int rc = store_line(j, line, len, err, errlen);
    free(line);
    if (rc != 0)
        return 0; /* the id is not spent: the line was cut off, or the journal is broken */
    j->last_id++;
    j->finished = strcmp(kind, JOURNAL_KIND_END) == 0;
    return j->last_id;
}

uint64_t journal_append(journal_t *j, const char *kind, json_t *fields, char *err, size_t errlen)
{
    pthread_mutex_lock(&j->lock);
    uint64_t id = append_locked(j, kind, fields, err, errlen);
    pthread_mutex_unlock(&j->lock);
    return id;
}

uint64_t journal_mark_finished(journal_t *j, char *err, size_t errlen)
{
    return journal_append(j, JOURNAL_KIND_END, NULL, err, errlen);
}
