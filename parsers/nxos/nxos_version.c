/* nxos_version.c: NX-OS "show version".
 *
 *   NXOS: version 9.3(8)          (older: "system:    version 7.0(3)I7(6)")
 *   NXOS image file is: bootflash:///nxos.9.3.8.bin
 *   cisco Nexus9000 C93180YC-EX chassis
 *   Processor Board ID FDO2222ABCD
 *   Device name: ce1-nyc
 *   Kernel uptime is 12 day(s), 3 hour(s), 4 minute(s), 5 second(s)
 *
 * One record, emitted at the end; the copyright and licence text is ignored. */
#include <string.h>

#include "parsers/nxos/nxos.h"
#include "parsers/textutil.h"

typedef struct {
    record_t rec;
    bool inited, any;
} nxos_ver_state_t;

_Static_assert(sizeof(nxos_ver_state_t) <= NXOS_STATE_SIZE, "state too large");

static rx_t ver_rx = RX("^\\s+(?:NXOS|system):\\s+version (?<v>\\S+)");
static rx_t sysver_rx = RX("^\\s+System version: (?<v>\\S+)");
static rx_t image_rx = RX("^\\s+(?:NXOS|system) image file is:\\s+(?<i>\\S+)");
static rx_t model_rx = RX("^\\s+cisco (?<m>.*?)\\s+[Cc]hassis");
static rx_t serial_rx = RX("^\\s+Processor Board ID (?<s>\\S+)");
static rx_t host_rx = RX("^\\s+Device name: (?<h>\\S+)");
static rx_t up_rx = RX("^Kernel uptime is (?<u>.*?)\\s*$");

int nxos_version_line(parse_run_t *run, void *state, const char *line, size_t len)
{
    (void)run;
    nxos_ver_state_t *st = state;
    if (!st->inited) {
        record_init(&st->rec, KIND_VERSION);
        FIELD_SET(st->rec.u.version.os, "NX-OS", -1);
        st->inited = true;
    }
    version_t *v = &st->rec.u.version;
    rx_caps_t c;
    if (rx_match(&ver_rx, line, len, &c)) {
        rx_copy(&c, "v", v->version, sizeof(v->version));
    } else if (rx_match(&sysver_rx, line, len, &c)) {
        if (!v->version[0])
            rx_copy(&c, "v", v->version, sizeof(v->version));
    } else if (rx_match(&image_rx, line, len, &c)) {
        rx_copy(&c, "i", v->image, sizeof(v->image));
    } else if (rx_match(&model_rx, line, len, &c)) {
        rx_copy(&c, "m", v->model, sizeof(v->model));
    } else if (rx_match(&serial_rx, line, len, &c)) {
        if (!v->serial[0])
            rx_copy(&c, "s", v->serial, sizeof(v->serial));
    } else if (rx_match(&host_rx, line, len, &c)) {
        rx_copy(&c, "h", v->hostname, sizeof(v->hostname));
    } else if (rx_match(&up_rx, line, len, &c)) {
        const char *s;
        size_t n;
        rx_named(&c, "u", &s, &n);
        v->uptime = tu_duration(s, n);
    } else {
        return 0; /* licence text, module and plugin lists: nothing the model keeps */
    }
    st->any = true;
    return 0;
}

int nxos_version_finish(parse_run_t *run, void *state)
{
    nxos_ver_state_t *st = state;
    if (!st->any)
        return 0;
    if (!st->rec.u.version.version[0])
        parse_partial(run, "no NX-OS version line");
    return parse_emit(run, &st->rec);
}
