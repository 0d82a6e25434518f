/* record_dir.c: a recording directory written through one directory descriptor, each file a new
 * 0600 file renamed into place (see record_dir.h for the rules and why). */
#include "probes/record_dir.h"

#include <errno.h>
#include <fcntl.h>
#include <stdarg.h>
#include <stdatomic.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "core/redact.h"
#include "core/utctime.h"

#define INDEX_NAME "index.tsv"
#define INDEX_MAX (16u * 1024 * 1024)
#define MAX_NUMBERED 100000

struct record_dir {
    int fd;
    char path[1024]; /* for messages */
};

/* Temporary names differ between threads and processes: ".NAME.PID.SERIAL.tmp". */
static atomic_ulong tmp_serial;

static int fail(const record_dir_t *d, const char *name, char *err, size_t errlen, const char *fmt, ...)
    __attribute__((format(printf, 5, 6)));
static int fail(const record_dir_t *d, const char *name, char *err, size_t errlen, const char *fmt, ...)
{
    char why[300];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(why, sizeof(why), fmt, ap);
    va_end(ap);
    snprintf(err, errlen, "%s/%s: %s", d->path, name, why);
    return -1;
}

/* A name inside DIR, never a path: no '/', no leading '.' (our temporary files), not empty. */
static bool plain_name(const char *name)
{
    return name[0] && name[0] != '.' && !strchr(name, '/') && strlen(name) < 200;
}

/* ---- opening ---- */

static const char *why_not_dir(int at, const char *path, int e)
{
    struct stat st;
    if (fstatat(at, path, &st, AT_SYMLINK_NOFOLLOW) == 0 && S_ISLNK(st.st_mode))
        return "is a symbolic link: refusing to record into it";
    return e == ENOTDIR ? "is not a directory" : strerror(e);
}

/* mkdir 0700 when missing, then open without following a link; ours only. */
static record_dir_t *open_dir(int at, const char *path, const char *shown, char *err, size_t errlen)
{
    bool created = mkdirat(at, path, 0700) == 0;
    if (!created && errno != EEXIST) {
        snprintf(err, errlen, "%s: %s", shown, strerror(errno));
        return NULL;
    }
    int fd = openat(at, path, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
    struct stat st;
    if (fd < 0) {
        snprintf(err, errlen, "%s: %s", shown, why_not_dir(at, path, errno));
        return NULL;
    }
    record_dir_t *d = calloc(1, sizeof(*d));
    if (fstat(fd, &st) != 0 || st.st_uid != geteuid() || (created && fchmod(fd, 0700) != 0) || !d) {
        snprintf(err, errlen, "%s: %s", shown,
                 !d ? "out of memory" : st.st_uid != geteuid() ? "belongs to another user: refusing to record into it"
                                                               : strerror(errno));
        close(fd);
        free(d);
        return NULL;
    }
    d->fd = fd;
    snprintf(d->path, sizeof(d->path), "%s", shown);
    return d;
}

record_dir_t *record_dir_open(const char *path, char *err, size_t errlen)
{
    char p[1024];
    /* "DIR/" would make the kernel follow a link named DIR: the slash goes. */
    size_t len = strlen(path);
    while (len > 1 && path[len - 1] == '/')
        len--;
    if (len == 0 || len >= sizeof(p)) {
        snprintf(err, errlen, "'%.200s': not a usable directory name", path);
        return NULL;
    }
    memcpy(p, path, len);
    p[len] = '\0';
    return open_dir(AT_FDCWD, p, p, err, errlen);
}

record_dir_t *record_dir_sub(const record_dir_t *parent, const char *name, char *err, size_t errlen)
{
    char shown[1300];
    if (!plain_name(name)) {
        fail(parent, name, err, errlen, "not a plain directory name");
        return NULL;
    }
    snprintf(shown, sizeof(shown), "%s/%s", parent->path, name);
    return open_dir(parent->fd, name, shown, err, errlen);
}

void record_dir_close(record_dir_t *d)
{
    if (!d)
        return;
    close(d->fd);
    free(d);
}

const char *record_dir_path(const record_dir_t *d)
{
    return d->path;
}

/* ---- writing ---- */

/* An existing NAME may be replaced only when it is a regular file of ours. */
static int replaceable(const record_dir_t *d, const char *name, char *err, size_t errlen)
{
    struct stat st;
    if (fstatat(d->fd, name, &st, AT_SYMLINK_NOFOLLOW) != 0)
        return errno == ENOENT ? 0 : fail(d, name, err, errlen, "%s", strerror(errno));
    if (S_ISLNK(st.st_mode))
        return fail(d, name, err, errlen, "is a symbolic link: refusing to write through or over it");
    if (!S_ISREG(st.st_mode) || st.st_uid != geteuid())
        return fail(d, name, err, errlen, "is not a regular file of ours: refusing to replace it");
    return 0;
}

static int write_all(int fd, const char *bytes, size_t len)
{
    while (len) {
        ssize_t n = write(fd, bytes, len);
        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0)
            return -1;
        bytes += n;
        len -= (size_t)n;
    }
    return 0;
}

/* bytes into a new 0600 file of DIR, whose name goes into tmp. */
static int write_temp(const record_dir_t *d, const char *name, const char *bytes, size_t len, char *tmp, size_t size,
                      char *err, size_t errlen)
{
    int fd = -1;
    for (int tries = 0; fd < 0 && tries < 100; tries++) {
        snprintf(tmp, size, ".%s.%ld.%lu.tmp", name, (long)getpid(), (unsigned long)atomic_fetch_add(&tmp_serial, 1));
        fd = openat(d->fd, tmp, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0600);
        if (fd < 0 && errno != EEXIST)
            return fail(d, name, err, errlen, "%s", strerror(errno));
    }
    if (fd < 0)
        return fail(d, name, err, errlen, "no free temporary name");
    int rc = fchmod(fd, 0600) == 0 && write_all(fd, bytes, len) == 0 ? 0 : -1;
    int e = errno;
    if (close(fd) != 0 && rc == 0) {
        rc = -1;
        e = errno;
    }
    if (rc != 0) {
        unlinkat(d->fd, tmp, 0);
        return fail(d, name, err, errlen, "%s", strerror(e));
    }
    return 0;
}

/* Writes NAME: replacing a regular file of ours, or (exclusive) only where nothing is: then 1
 * means the name is taken. */
static int store(record_dir_t *d, const char *name, bool exclusive, const char *bytes, size_t len, char *err,
                 size_t errlen)
{
    char tmp[300];
    if (!plain_name(name))
        return fail(d, name, err, errlen, "not a plain file name");
    if (!exclusive && replaceable(d, name, err, errlen) != 0)
        return -1;
    if (write_temp(d, name, bytes, len, tmp, sizeof(tmp), err, errlen) != 0)
        return -1;
    /* rename replaces a name without following it; link never replaces anything. */
    int rc = exclusive ? linkat(d->fd, tmp, d->fd, name, 0) : renameat(d->fd, tmp, d->fd, name);
    int e = errno;
    if (exclusive || rc != 0)
        unlinkat(d->fd, tmp, 0);
    if (rc != 0)
        return exclusive && e == EEXIST ? 1 : fail(d, name, err, errlen, "%s", strerror(e));
    return 0;
}

int record_dir_write(record_dir_t *d, const char *name, const char *bytes, size_t len, char *err, size_t errlen)
{
    return store(d, name, false, bytes, len, err, errlen);
}

/* The first free STEM-N.txt. */
static int store_numbered(record_dir_t *d, const char *stem, char *name, size_t size, const char *bytes, size_t len,
                          char *err, size_t errlen)
{
    struct stat st;
    for (int n = 1; n <= MAX_NUMBERED; n++) {
        snprintf(name, size, "%s-%d.txt", stem, n);
        if (fstatat(d->fd, name, &st, AT_SYMLINK_NOFOLLOW) == 0)
            continue;
        int rc = store(d, name, true, bytes, len, err, errlen);
        if (rc != 1)
            return rc;
    }
    return fail(d, stem, err, errlen, "no free name up to %s-%d.txt", stem, MAX_NUMBERED);
}

/* Every device answer that goes into a recording passes here, and only here: redacted first,
 * then stored as name, or (taken not NULL) under the first free NAME-N.txt, written into taken. */
static int store_capture(record_dir_t *d, const char *name, char *taken, size_t size, const char *text, size_t len,
                         char *err, size_t errlen)
{
    size_t n;
    char *clean = redact_text(text, len, &n);
    if (!clean)
        return fail(d, name, err, errlen, "out of memory");
    int rc = taken ? store_numbered(d, name, taken, size, clean, n, err, errlen)
                   : store(d, name, false, clean, n, err, errlen);
    free(clean);
    return rc;
}

int record_dir_capture(record_dir_t *d, const char *name, const char *text, size_t len, char *err, size_t errlen)
{
    return store_capture(d, name, NULL, 0, text, len, err, errlen);
}

int record_dir_capture_new(record_dir_t *d, const char *stem, char *name, size_t size, const char *text, size_t len,
                           char *err, size_t errlen)
{
    return store_capture(d, stem, name, size, text, len, err, errlen);
}

/* ---- index.tsv and device.ini ---- */

/* The current index (a regular file of ours, opened without following a link), or "". */
static char *read_index(const record_dir_t *d, size_t *len, char *err, size_t errlen)
{
    struct stat st;
    char *text = NULL;
    ssize_t n = 0;
    *len = 0;
    int fd = openat(d->fd, INDEX_NAME, O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC);
    if (fd < 0 && errno != ENOENT) {
        fail(d, INDEX_NAME, err, errlen, "%s", errno == ELOOP ? "is a symbolic link: refusing to read or replace it"
                                                               : strerror(errno));
        return NULL;
    }
    if (fd >= 0 && (fstat(fd, &st) != 0 || !S_ISREG(st.st_mode) || st.st_uid != geteuid() || st.st_size > INDEX_MAX))
        fail(d, INDEX_NAME, err, errlen, "is not a regular file of ours of at most %u bytes", INDEX_MAX);
    else if (!(text = malloc(fd >= 0 ? (size_t)st.st_size + 1 : 1)))
        fail(d, INDEX_NAME, err, errlen, "out of memory");
    else if (fd >= 0 && (n = read(fd, text, (size_t)st.st_size)) < 0)
        fail(d, INDEX_NAME, err, errlen, "%s", strerror(errno));
    if (fd >= 0)
        close(fd);
    if (!text || n < 0) {
        free(text);
        return NULL;
    }
    text[n] = '\0';
    *len = (size_t)n;
    return text;
}

int record_dir_index(record_dir_t *d, const char *command, const char *file, char *err, size_t errlen)
{
    if (strpbrk(command, "\t\r\n") || strpbrk(file, "\t\r\n") || !plain_name(file))
        return fail(d, INDEX_NAME, err, errlen, "a command or file name that cannot be an index line");
    size_t old_len, cmd_len = strlen(command), n = 0;
    char *old = read_index(d, &old_len, err, errlen);
    if (!old)
        return -1;
    char *text = malloc(cmd_len + strlen(file) + old_len + 3);
    if (!text) {
        free(old);
        return fail(d, INDEX_NAME, err, errlen, "out of memory");
    }
    n = (size_t)sprintf(text, "%s\t%s\n", command, file);
    for (char *line = old, *next; *line; line = next) {
        next = line + strcspn(line, "\n");
        next += *next == '\n';
        if (!(strncmp(line, command, cmd_len) == 0 && line[cmd_len] == '\t')) {
            memcpy(text + n, line, (size_t)(next - line));
            n += (size_t)(next - line);
        }
    }
    int rc = store(d, INDEX_NAME, false, text, n, err, errlen);
    free(text);
    free(old);
    return rc;
}

int record_dir_devices(record_dir_t *d, const device_t *const *devices, size_t n, char *err, size_t errlen)
{
    char *text = NULL;
    size_t len = 0;
    FILE *f = open_memstream(&text, &len);
    int rc = f ? 0 : -1;
    for (size_t i = 0; i < n && rc == 0; i++)
        rc = (i ? fputc('\n', f) == EOF : 0) || inventory_write_device(f, devices[i]) != 0 ? -1 : 0;
    if (f && fclose(f) != 0)
        rc = -1;
    rc = rc == 0 ? store(d, "device.ini", false, text, len, err, errlen) : fail(d, "device.ini", err, errlen, "out of memory");
    free(text);
    return rc;
}

int record_dir_polls(record_dir_t *d, const record_poll_t *polls, size_t n, char *err, size_t errlen)
{
    char *text = NULL, when[40];
    size_t len = 0;
    FILE *f = open_memstream(&text, &len);
    int rc = f && fprintf(f, "# probe\tpoll\tfile\tutc\n") > 0 ? 0 : -1;
    for (size_t i = 0; i < n && rc == 0; i++) {
        if (!plain_name(polls[i].file) || strpbrk(polls[i].probe, "\t\r\n") ||
            !utc_format(polls[i].utc, true, when, sizeof(when)))
            rc = -2;
        else if (fprintf(f, "%s\t%d\t%s\t%s\n", polls[i].probe, polls[i].poll, polls[i].file, when) < 0)
            rc = -1;
    }
    if (f && fclose(f) != 0)
        rc = -1;
    if (rc == 0)
        rc = store(d, RECORD_POLLS, false, text, len, err, errlen);
    else
        fail(d, RECORD_POLLS, err, errlen, "%s", rc == -2 ? "a poll that cannot be a polls.tsv line" : "out of memory");
    free(text);
    return rc == 0 ? 0 : -1;
}
