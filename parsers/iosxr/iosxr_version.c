/* iosxr_version.c: IOS-XR "show version".
 *
 *   Cisco IOS XR Software, Version 7.3.2
 *   cisco ASR9K Series (Intel 686 F6M14S4) processor with 6291456K bytes of memory.
 *   ce1-nyc uptime is 2 weeks, 3 days, 4 hours, 5 minutes      (older releases)
 *   System uptime is 4 weeks, 6 days, 1 hour, 42 minutes       (newer releases)
 */
#include <string.h>

#include "parsers/iosxr/iosxr.h"
#include "parsers/rx.h"
#include "parsers/textutil.h"

static rx_t ver_rx = RX("^\\s*Cisco IOS XR Software, Version (?<v>[^\\s\\[]+)");
static rx_t label_rx = RX("^\\s*Label\\s*:\\s*(?<v>\\S+)");
static rx_t model_rx = RX("^\\s*cisco (?<m>.+?) (?:\\(.*?\\) )?processor");
static rx_t uptime_rx = RX("^\\s*(?<host>\\S+) uptime is (?<t>.+?)\\s*$");
static rx_t image_rx = RX("^\\s*System image file is \"(?<img>[^\"]+)\"");
static rx_t serial_rx = RX("^\\s*(?:Processor board ID|SN:?)\\s*(?<sn>\\S+)");

int iosxr_version_line(parse_run_t *run, void *state, const char *line, size_t len)
{
    iosxr_open_state_t *st = state;
    rx_caps_t c;
    if (!st->open) {
        record_init(&st->rec, KIND_VERSION);
        FIELD_SET(st->rec.u.version.os, "IOS-XR", -1);
        st->open = true;
    }
    version_t *v = &st->rec.u.version;
    const char *s;
    size_t n;
    if (rx_match(&ver_rx, line, len, &c)) {
        rx_copy(&c, "v", v->version, sizeof(v->version));
    } else if (rx_match(&label_rx, line, len, &c)) {
        rx_copy(&c, "v", v->version, sizeof(v->version)); /* the full label wins over "7.3.2" */
    } else if (!v->model[0] && rx_match(&model_rx, line, len, &c)) {
        rx_copy(&c, "m", v->model, sizeof(v->model));
    } else if (rx_match(&uptime_rx, line, len, &c)) {
        rx_named(&c, "host", &s, &n);
        if (!tu_eq(s, n, "System"))
            FIELD_SET(v->hostname, s, (long)n);
        rx_named(&c, "t", &s, &n);
        v->uptime = tu_duration(s, n);
    } else if (rx_match(&image_rx, line, len, &c)) {
        rx_copy(&c, "img", v->image, sizeof(v->image));
    } else if (!v->serial[0] && rx_match(&serial_rx, line, len, &c)) {
        rx_copy(&c, "sn", v->serial, sizeof(v->serial));
    }
    /* The rest (build information, memory, interfaces, boot devices) is not wanted. */
    return 0;
}

int iosxr_version_finish(parse_run_t *run, void *state)
{
    iosxr_open_state_t *st = state;
    if (!st->open || !st->rec.u.version.version[0])
        return 0;
    st->open = false;
    if (st->rec.u.version.uptime == MODEL_ABSENT)
        parse_truncated(run, "no uptime line: output cut?");
    return parse_emit(run, &st->rec);
}
