/* counter_rate.c: error growth as a share of the frames of the same interval, and per minute
 * (see counter_rate.h for why the denominator holds the errored frames too). */
#include "framework/counter_rate.h"

counter_rate_t counter_rate(int64_t errors, int64_t packets, double seconds)
{
    counter_rate_t r = {-1, -1, false};
    if (errors < 0)
        errors = 0;
    if (seconds > 0)
        r.per_min = (double)errors * 60.0 / seconds;
    if (packets == 0)
        r.no_packets = true;
    else if (packets > 0)
        r.share = (double)errors / ((double)packets + (double)errors);
    return r;
}
