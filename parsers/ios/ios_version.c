/* ios_version.c: IOS / IOS-XE "show version".
 *
 *   Cisco IOS XE Software, Version 17.03.04a
 *   ce1-nyc uptime is 2 weeks, 3 days, 4 hours, 5 minutes
 *   System image file is "bootflash:packages.conf"
 *   cisco ISR4331/K9 (1RU) processor with 1795979K/6147K bytes of memory.
 *   Processor board ID FDO21520TGH
 *
 * One record, emitted at the end.  The licence text and hardware inventory have no field and
 * are read silently. */
#include <string.h>

#include "parsers/ios/ios_core.h"
#include "parsers/textutil.h"

static rx_t xe_rx = RX("^Cisco IOS[ -]XE Software, Version (?<v>\\S+)");
static rx_t ios_rx = RX("^Cisco IOS Software.*?, Version (?<v>[^ ,]+)");
static rx_t xe_word_rx = RX("IOS[ -]XE|IOSXE");
static rx_t up_rx = RX("^(?<host>\\S+) uptime is (?<t>.+?)\\s*$");
static rx_t image_rx = RX("^System image file is \"(?<img>[^\"]*)\"");
static rx_t model_rx = RX("^[Cc]isco (?<m>\\S+) (?:\\([^)]*\\) )*processor");
static rx_t model2_rx = RX("^(?:Model [Nn]umber\\s*: |[Cc]isco (?=\\S+ .*with .*bytes of memory))(?<m>\\S+)");
static rx_t serial_rx = RX("^(?:Processor board ID|System [Ss]erial [Nn]umber\\s*:) (?<s>[^ ,]+)");

int ios_version_line(parse_run_t *run, void *state, const char *line, size_t len)
{
    (void)run;
    ios_version_state_t *st = state;
    version_t *v = &st->rec.u.version;
    rx_caps_t c;
    if (!st->started) {
        record_init(&st->rec, KIND_VERSION);
        FIELD_SET(v->os, "IOS", -1);
        st->started = true;
    }
    if (rx_match(&xe_rx, line, len, &c)) {
        rx_copy(&c, "v", v->version, sizeof(v->version)); /* the XE release beats the IOSd one */
        FIELD_SET(v->os, "IOS-XE", -1);
    } else if (rx_match(&ios_rx, line, len, &c)) {
        if (!v->version[0])
            rx_copy(&c, "v", v->version, sizeof(v->version));
        if (rx_match(&xe_word_rx, line, len, NULL))
            FIELD_SET(v->os, "IOS-XE", -1);
    } else if (rx_match(&up_rx, line, len, &c)) {
        rx_copy(&c, "host", v->hostname, sizeof(v->hostname));
        v->uptime = ios_rx_duration(&c, "t");
    } else if (rx_match(&image_rx, line, len, &c)) {
        rx_copy(&c, "img", v->image, sizeof(v->image));
    } else if (rx_match(&model_rx, line, len, &c) || rx_match(&model2_rx, line, len, &c)) {
        if (!v->model[0])
            rx_copy(&c, "m", v->model, sizeof(v->model));
    } else if (rx_match(&serial_rx, line, len, &c)) {
        if (!v->serial[0])
            rx_copy(&c, "s", v->serial, sizeof(v->serial));
    }
    return 0;
}

int ios_version_finish(parse_run_t *run, void *state)
{
    ios_version_state_t *st = state;
    version_t *v = &st->rec.u.version;
    if (!st->started || (!v->version[0] && !v->hostname[0]))
        return 0;
    if (!v->hostname[0] || !v->version[0])
        parse_truncated(run, "show version ends before the version or uptime line");
    return parse_emit(run, &st->rec);
}
