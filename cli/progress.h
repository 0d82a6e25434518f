/* progress.h: what `erdiag check` is waiting for, on stderr while it collects: one line redrawn
 * in place ("collecting: 5 of 12 answered; waiting 2.3 s for bgp_neighbor"), only when stderr
 * is a terminal.  When it is not (a log, a monitoring system) nothing is written at all. */
#ifndef ERDIAG_PROGRESS_H
#define ERDIAG_PROGRESS_H

#include <stdbool.h>

typedef struct {
    bool on;     /* stderr is a terminal */
    bool shown;  /* a line is on the screen (to be cleared) */
    double last; /* when it was last drawn */
    int answered;
    int width;
} progress_t;

void progress_init(progress_t *p);
/* Redraws the line (at most ten times a second unless the count changed): answered of asked,
 * and the request in flight longest (waiting_for, NULL when none) with its seconds so far. */
void progress_show(progress_t *p, int answered, int asked, const char *waiting_for, double waited, double now);
/* Takes the line off the screen, before anything else is written to stderr or when done. */
void progress_clear(progress_t *p);

#endif
