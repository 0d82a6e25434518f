/* fmt.h: how the panes write a record's values: an absent one as "-" (core/model.h: absent
 * is never 0), seconds as "2d03h" or "04:05:06". */
#ifndef ERDIAG_TUI_FMT_H
#define ERDIAG_TUI_FMT_H

#include <stddef.h>
#include <stdint.h>

/* Both return buf. */
const char *fmt_number(char *buf, size_t size, int64_t v);
const char *fmt_duration(char *buf, size_t size, int64_t secs);

#endif
