/* journal_read.c: reading a session journal back, entry by entry, one line in memory at a time
 * (a journal may be hundreds of MiB).
 *
 * A kill can tear only the last line (see journal.c): a last line without its newline, or one
 * that does not parse, is skipped and reported in the status, never an error.  A bad line with
 * more after it cannot come from a kill: the file was edited or corrupted, so reading stops
 * there with "PATH:LINE: why" and what came before it is kept. */
#include "core/journal.h"

#include <errno.h>
#include <fcntl.h>
#include <inttypes.h>
#include <stdarg.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "core/utctime.h"

typedef struct {
    const char *name;
    journal_entry_fn fn;
    void *ud;
    journal_read_status_t *st;
    char *err;
    size_t errlen;
} reader_t;

static int bad_line(reader_t *r, uint64_t line, const char *fmt, ...) __attribute__((format(printf, 3, 4)));
static int bad_line(reader_t *r, uint64_t line, const char *fmt, ...)
{
    char why[300];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(why, sizeof(why), fmt, ap);
    va_end(ap);
    snprintf(r->err, r->errlen, "%s:%" PRIu64 ": %s", r->name, line, why);
    r->st->partial = true;
    return -1;
}

/* NULL when e is an entry that may follow last_id (its id and kind into *id, *kind); else why
 * not, possibly written into why. */
static const char *check_entry(const json_t *e, uint64_t last_id, uint64_t *id, const char **kind, char *why,
                               size_t size)
{
    double t;
    if (!json_is_object(e))
        return "not a JSON object";
    const json_t *jid = json_object_get(e, "id"), *utc = json_object_get(e, "utc"), *k = json_object_get(e, "kind");
    if (!json_is_integer(jid) || json_integer_value(jid) <= 0)
        return "no positive integer \"id\"";
    if (!json_is_string(utc) || !utc_parse(json_string_value(utc), &t))
        return "no \"utc\" time";
    if (!json_is_string(k) || !*json_string_value(k))
        return "no \"kind\"";
    *id = (uint64_t)json_integer_value(jid);
    *kind = json_string_value(k);
    if (*id <= last_id) {
        snprintf(why, size, "id %" PRIu64 " after id %" PRIu64 ": ids must increase", *id, last_id);
        return why;
    }
    return NULL;
}

/* Hands one parsed line to the caller: 0 go on, 1 stopped by the caller, -1 not an entry. */
static int take(reader_t *r, uint64_t line, const json_t *e)
{
    char buf[120];
    uint64_t id = 0;
    const char *kind = NULL, *why = check_entry(e, r->st->last_id, &id, &kind, buf, sizeof(buf));
    if (why)
        return bad_line(r, line, "%s: the journal was edited or corrupted here", why);
    r->st->entries++;
    r->st->last_id = id;
    if (strcmp(kind, JOURNAL_KIND_END) == 0)
        r->st->finished = true;
    return r->fn && r->fn(r->ud, e, id, kind) != 0 ? 1 : 0;
}

/* A line that is not JSON: torn when it is the last one, else the end of the read. */
static int unparsed(reader_t *r, FILE *f, uint64_t line, size_t len, bool too_long, const json_error_t *jerr)
{
    int c = getc(f);
    if (c == EOF && !ferror(f)) {
        journal_read_status_t *st = r->st;
        st->torn = true;
        st->torn_line = line;
        st->torn_bytes = len;
        snprintf(st->torn_note, sizeof(st->torn_note), "line %" PRIu64 ": torn last entry (%zu bytes), skipped", line,
                 len);
        return 0;
    }
    if (c == EOF)
        return bad_line(r, line, "%s", strerror(errno));
    if (too_long)
        return bad_line(r, line, "longer than any entry (%u bytes): the journal was edited or corrupted here",
                        JOURNAL_MAX_ENTRY);
    return bad_line(r, line, "not JSON (column %d: %s): the journal was edited or corrupted here", jerr->column,
                    jerr->text);
}

int journal_read_stream(FILE *f, const char *name, journal_entry_fn fn, void *ud, journal_read_status_t *st,
                        char *err, size_t errlen)
{
    reader_t r = {name, fn, ud, st, err, errlen};
    memset(st, 0, sizeof(*st));
    char *line = NULL;
    size_t cap = 0;
    uint64_t no = 0;
    int rc = 0;
    ssize_t len;
    errno = 0; /* so that a getline that stops on an error says which */
    while (rc == 0 && (len = getline(&line, &cap, f)) >= 0) {
        no++;
        /* A line without its newline is the file's last: the write of it never finished. */
        bool ended = line[len - 1] == '\n', too_long = (size_t)len > JOURNAL_MAX_ENTRY;
        json_error_t jerr = {0};
        json_t *e = ended && !too_long
                        ? json_loadb(line, (size_t)len - 1, JSON_REJECT_DUPLICATES | JSON_ALLOW_NUL, &jerr)
                        : NULL;
        if (!e) {
            rc = unparsed(&r, f, no, (size_t)len, too_long, &jerr);
            break;
        }
        rc = take(&r, no, e);
        json_decref(e);
    }
    /* getline also stops on a read error or out of memory: then the file was not read to its end. */
    if (rc == 0 && !feof(f))
        rc = bad_line(&r, no + 1, "%s", strerror(errno ? errno : EIO));
    free(line);
    return rc;
}

int journal_read(const char *path, journal_entry_fn fn, void *ud, journal_read_status_t *st, char *err,
                 size_t errlen)
{
    memset(st, 0, sizeof(*st));
    st->partial = true; /* until the file is open */
    /* O_NONBLOCK: a FIFO planted under the name must not hang the open. */
    int fd = open(path, O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC);
    struct stat sb;
    const char *why = NULL;
    if (fd < 0)
        why = errno == ELOOP ? "is a symbolic link: refusing to read it" : strerror(errno);
    else if (fstat(fd, &sb) != 0)
        why = strerror(errno);
    else if (!S_ISREG(sb.st_mode))
        why = "is not a regular file";
    FILE *f = why ? NULL : fdopen(fd, "r");
    if (!f) {
        snprintf(err, errlen, "%s: %s", path, why ? why : strerror(errno));
        if (fd >= 0)
            close(fd);
        return -1;
    }
    int rc = journal_read_stream(f, path, fn, ud, st, err, errlen);
    fclose(f);
    return rc;
}
