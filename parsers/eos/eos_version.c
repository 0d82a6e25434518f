/* eos_version.c: EOS "show version".
 *
 *   Arista DCS-7280SR-48C6
 *   Hardware version: 11.00
 *   Serial number: JPE19990001
 *   Software image version: 4.28.3M
 *   Uptime: 3 weeks, 0 days, 20 hours and 45 minutes
 */
#include <string.h>

#include "parsers/eos/eos.h"
#include "parsers/rx.h"
#include "parsers/textutil.h"

typedef struct {
    record_t rec;
    bool started;
} eos_ver_state_t;

_Static_assert(sizeof(eos_ver_state_t) <= EOS_STATE_SIZE, "state fits");

static rx_t model_rx = RX("^Arista (?<m>\\S+)\\s*$");
static rx_t kv_rx = RX("^\\s*(?<k>[A-Za-z][A-Za-z ]*?):\\s*(?<v>.*?)\\s*$");

static void eos_ver_kv(version_t *v, const char *k, size_t kn, const char *s, size_t n)
{
    if (tu_eq(k, kn, "Serial number"))
        FIELD_SET(v->serial, s, (long)n);
    else if (tu_eq(k, kn, "Software image version"))
        FIELD_SET(v->version, s, (long)n);
    else if (tu_eq(k, kn, "Internal build version"))
        FIELD_SET(v->image, s, (long)n);
    else if (tu_eq(k, kn, "Uptime"))
        v->uptime = tu_duration(s, n);
}

int eos_version_line(parse_run_t *run, void *state, const char *line, size_t len)
{
    eos_ver_state_t *st = state;
    version_t *v = &st->rec.u.version;
    rx_caps_t c;
    const char *k, *s;
    size_t kn, n;
    if (!st->started) {
        record_init(&st->rec, KIND_VERSION);
        FIELD_SET(v->os, "EOS", -1);
        st->started = true;
    }
    if (rx_match(&model_rx, line, len, &c)) {
        rx_copy(&c, "m", v->model, sizeof(v->model));
        return 0;
    }
    if (len == 0)
        return 0;
    if (!rx_match(&kv_rx, line, len, &c)) {
        parse_skip(run);
        return 0;
    }
    rx_named(&c, "k", &k, &kn);
    rx_named(&c, "v", &s, &n);
    eos_ver_kv(v, k, kn, s, n);
    return 0;
}

int eos_version_finish(parse_run_t *run, void *state)
{
    eos_ver_state_t *st = state;
    if (!st->started || (st->rec.u.version.version[0] == '\0' && st->rec.u.version.model[0] == '\0'))
        return 0;
    if (st->rec.u.version.uptime == MODEL_ABSENT)
        parse_truncated(run, "show version cut off before the uptime");
    return parse_emit(run, &st->rec);
}
