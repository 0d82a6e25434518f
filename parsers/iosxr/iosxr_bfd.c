/* iosxr_bfd.c: IOS-XR "show bfd session[s]".
 *
 *   Interface           Dest Addr           Local det time(int*mult)      State
 *                                       Echo             Async   H/W   NPU
 *   ------------------- --------------- ---------------- ---------------- ----------
 *   Gi0/0/0/0           192.168.100.130 0s(0s*0)         900ms(300ms*3)   UP
 *                                                                No    n/a
 */
#include <string.h>

#include "parsers/iosxr/iosxr.h"
#include "parsers/rx.h"
#include "parsers/textutil.h"

static rx_t head_rx = RX("^(?:Interface\\s+Dest Addr|\\s+Echo\\s+Async)");
static rx_t row_rx = RX("^(?<if>\\S+)\\s+(?<dst>[0-9A-Fa-f.:]+)\\s+(?<echo>\\S+\\(\\S+\\))\\s+"
                        "(?<async>\\S+\\((?<int>\\d+)(?<unit>ms|s|us)\\*(?<mult>\\d+)\\))\\s+(?<st>\\S+)");
static rx_t hw_rx = RX("^\\s+(?:Yes|No)\\s+(?:n/a|Yes|No|[0-9/]+)\\s*$");

int iosxr_bfd_line(parse_run_t *run, void *state, const char *line, size_t len)
{
    (void)state;
    rx_caps_t c;
    if (iosxr_is_noise(line, len) || iosxr_is_message(line, len) || rx_match(&head_rx, line, len, NULL) ||
        rx_match(&hw_rx, line, len, NULL))
        return 0;
    if (!rx_match(&row_rx, line, len, &c)) {
        parse_skip(run);
        return 0;
    }
    record_t rec;
    record_init(&rec, KIND_BFD);
    bfd_session_t *b = &rec.u.bfd;
    const char *s;
    size_t n;
    rx_copy(&c, "if", b->interface, sizeof(b->interface));
    rx_copy(&c, "dst", b->peer, sizeof(b->peer));
    rx_named(&c, "st", &s, &n);
    FIELD_SET(b->raw_state, s, (long)n);
    b->state = tu_updown(s, n);
    int64_t v = rx_int(&c, "int");
    rx_named(&c, "unit", &s, &n);
    v = *s == 'm' ? v : *s == 'u' ? tu_scale(v, 1, 1000) : tu_scale(v, 1000, 1);
    b->tx_interval_ms = b->rx_interval_ms = v;
    b->multiplier = rx_int(&c, "mult");
    return parse_emit(run, &rec);
}
