/* progress.c: a one-line progress report on a terminal's stderr, redrawn with CR and erased
 * with "erase to end of line" (CSI K): nothing that scrolls, nothing left behind. */
#include "cli/progress.h"

#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "cli/tty.h"

void progress_init(progress_t *p)
{
    memset(p, 0, sizeof(*p));
    p->on = isatty(STDERR_FILENO);
    p->width = cli_width(STDERR_FILENO, 80);
    p->answered = -1;
}

void progress_show(progress_t *p, int answered, int asked, const char *waiting_for, double waited, double now)
{
    if (!p->on || (answered == p->answered && now - p->last < 0.1))
        return;
    char line[256];
    int n = snprintf(line, sizeof(line), "erdiag check: collecting: %d of %d answered", answered, asked);
    if (waiting_for && n > 0 && (size_t)n < sizeof(line))
        snprintf(line + n, sizeof(line) - (size_t)n, "; waiting %.1f s for %s", waited, waiting_for);
    int room = p->width > 1 ? p->width - 1 : 1; /* the last column would wrap on some terminals */
    fprintf(stderr, "\r%.*s\033[K", room, line);
    fflush(stderr);
    p->shown = true;
    p->last = now;
    p->answered = answered;
}

void progress_clear(progress_t *p)
{
    if (!p->shown)
        return;
    fputs("\r\033[K", stderr);
    fflush(stderr);
    p->shown = false;
}
