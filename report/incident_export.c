/* incident_export.c: a session journal turned into a report file, the one way `erdiag
 * report`, `check --report` and the console's export all write it. */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "report/incident.h"

/* The file is ours alone (0600, whatever the umask) and never written through a symbolic link. */
static FILE *open_report(const char *path, char *err, size_t errlen)
{
    int fd = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_NOFOLLOW | O_CLOEXEC, 0600);
    FILE *f = fd >= 0 && fchmod(fd, 0600) == 0 ? fdopen(fd, "w") : NULL;
    if (!f) {
        snprintf(err, errlen, "%s: %s", path, errno == ELOOP ? "a symbolic link: not written through" : strerror(errno));
        if (fd >= 0)
            close(fd);
    }
    return f;
}

int incident_export(const char *journal, const char *out, incident_format_t fmt, bool in_progress, char *err,
                    size_t errlen)
{
    static incident_t inc; /* large (the result): not on the stack */
    if (incident_from_journal(journal, &inc, err, errlen) != 0)
        return -1;
    if (in_progress)
        inc.finished = true; /* a live session exported: running, not cut short */
    FILE *f = out ? open_report(out, err, errlen) : stdout;
    int rc = f ? incident_write(f, &inc, fmt) : -1;
    if (f && rc != 0)
        snprintf(err, errlen, "%s: %s", out ? out : "standard output", strerror(errno));
    if (f && f != stdout && fclose(f) != 0 && rc == 0) {
        snprintf(err, errlen, "%s: %s", out, strerror(errno));
        rc = -1;
    }
    incident_free(&inc);
    return rc;
}
