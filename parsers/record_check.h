/* record_check.h: the last guard of the rule "a number out of range is left out, never
 * printed wrong or negative".  The conversions in textutil.c catch overflow where text becomes
 * a number; this catches what arithmetic after them (unit changes, sums, a JSON number cast)
 * can still get wrong, for every parser at once. */
#ifndef ERDIAG_RECORD_CHECK_H
#define ERDIAG_RECORD_CHECK_H

#include <stdbool.h>

#include "core/model.h"

/* The largest traceroute RTT kept: a probe answered after an hour is not a measurement. */
#define RECORD_MAX_RTT_MS 3600000.0

/* True when every integer of rec is absent or within its field's range (never negative; AS
 * numbers, metrics, local preference and weight within 32 bits; ports and timers within 16;
 * TTLs and notification codes within 8) and every RTT is absent or finite and plausible. */
bool record_in_range(const record_t *rec);
/* Makes every out-of-range value of rec absent.  Returns how many were. */
unsigned record_drop_out_of_range(record_t *rec);
/* The same for the answer's top-level fields (the local AS). */
unsigned meta_drop_out_of_range(parse_meta_t *meta);

#endif
