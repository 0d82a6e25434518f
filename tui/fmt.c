/* fmt.c: a record's values as the panes show them (see fmt.h). */
#include "tui/fmt.h"

#include <stdio.h>

#include "core/model.h"

const char *fmt_number(char *buf, size_t size, int64_t v)
{
    if (v == MODEL_ABSENT)
        snprintf(buf, size, "-");
    else
        snprintf(buf, size, "%lld", (long long)v);
    return buf;
}

const char *fmt_duration(char *buf, size_t size, int64_t secs)
{
    if (secs == MODEL_ABSENT || secs < 0)
        snprintf(buf, size, "-");
    else if (secs >= 86400)
        snprintf(buf, size, "%lldd%02lldh", (long long)(secs / 86400), (long long)(secs % 86400 / 3600));
    else
        snprintf(buf, size, "%02lld:%02lld:%02lld", (long long)(secs / 3600), (long long)(secs % 3600 / 60),
                 (long long)(secs % 60));
    return buf;
}
