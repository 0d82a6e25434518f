/* utctime.h: wall-clock UTC times as erdiag writes and reads them: ISO-8601 with a Z
 * ("2026-11-03T02:14:07Z", optionally with fractions of a second).  Used for the time of each
 * poll in a recording (polls.tsv) and for the "time" of the verdict JSON.  Rates between polls
 * are computed from these on replay; live, they come from the monotonic clock (core/clock.h). */
#ifndef ERDIAG_UTCTIME_H
#define ERDIAG_UTCTIME_H

#include <stdbool.h>
#include <stddef.h>

/* Seconds since the epoch, now (CLOCK_REALTIME). */
double utc_now(void);
/* Writes t as "YYYY-MM-DDTHH:MM:SSZ" (whole seconds) or, with millis, "...SS.mmmZ" into buf;
 * false when t is out of range or buf too small. */
bool utc_format(double t, bool millis, char *buf, size_t size);
/* Reads "YYYY-MM-DDTHH:MM:SS[.fraction](Z|+00:00)" (a space instead of T is taken too) into
 * *t.  False for anything else, an impossible date or a year before 1970. */
bool utc_parse(const char *s, double *t);

#endif
