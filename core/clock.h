/* clock.h: monotonic seconds, for deadlines and rates (never the wall clock, which can jump). */
#ifndef ERDIAG_CLOCK_H
#define ERDIAG_CLOCK_H

double clock_now_s(void);

#endif
