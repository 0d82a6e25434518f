/* perfdata.c: a runbook result's figures as Nagios performance data, the part of a plugin's
 * first line after the '|': label=value[uom];warn;crit;min;max, separated by spaces, empty
 * trailing fields dropped.  Icinga2 and Naemon graph these per check. */
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "report/verdict.h"

/* A number as plugins print them: integers without a point, others with at most 4 decimals. */
static void number(double v, char *buf, size_t size)
{
    if (isnan(v)) {
        buf[0] = '\0';
        return;
    }
    if (v == floor(v) && fabs(v) < 1e15) {
        snprintf(buf, size, "%.0f", v);
        return;
    }
    snprintf(buf, size, "%.4f", v);
    size_t n = strlen(buf);
    while (n > 1 && buf[n - 1] == '0')
        buf[--n] = '\0';
    if (n && buf[n - 1] == '.')
        buf[--n] = '\0';
}

/* label=value[uom];warn;crit;min;max without the empty fields at the end. */
static void one(const metric_t *m, char *out, size_t size)
{
    char v[5][40];
    const double nums[5] = {m->value, m->warn, m->crit, m->min, m->max};
    for (int i = 0; i < 5; i++)
        number(nums[i], v[i], sizeof(v[i]));
    int last = 4;
    while (last > 0 && !v[last][0])
        last--;
    size_t w = (size_t)snprintf(out, size, "%s=%s%s", m->label, v[0], m->uom);
    for (int i = 1; i <= last && w < size; i++)
        w += (size_t)snprintf(out + w, size - w, ";%s", v[i]);
}

void verdict_perfdata(const verdict_meta_t *m, const runbook_result_t *r, char *buf, size_t size)
{
    char item[200];
    size_t w = 0;
    buf[0] = '\0';
    for (int i = 0; r && i < r->n_metrics; i++) {
        one(&r->metrics[i], item, sizeof(item));
        if (w < size)
            w += (size_t)snprintf(buf + w, size - w, "%s%s", w ? " " : "", item);
    }
    if (m->collect_s >= 0) {
        metric_t t = {"collect_time", m->collect_s, "s", NAN, NAN, 0, NAN};
        t.value = round(m->collect_s * 100) / 100;
        one(&t, item, sizeof(item));
        if (w < size)
            snprintf(buf + w, size - w, "%s%s", w ? " " : "", item);
    }
}
