/* ios_ip_int_brief.c: IOS "show ip interface brief".
 *
 *   Interface              IP-Address      OK? Method Status                Protocol
 *   GigabitEthernet0/0/0   192.168.100.129 YES manual up                    up
 *   GigabitEthernet0/0/1   unassigned      YES unset  administratively down down
 */
#include <string.h>

#include "parsers/ios/ios.h"
#include "parsers/rx.h"
#include "parsers/textutil.h"

static rx_t header_rx = RX("^\\s*Interface\\s+IP-Address\\s+OK\\?");
static rx_t row_rx = RX("^(?<name>\\S+)\\s+(?<ip>\\S+)\\s+(?:YES|NO)\\s+\\S+\\s+"
                        "(?<status>up|down|administratively down|deleted|reset)\\s+(?<proto>up|down)\\s*$");

int ios_ip_int_brief_line(parse_run_t *run, void *state, const char *line, size_t len)
{
    (void)state;
    rx_caps_t c;
    if (rx_match(&header_rx, line, len, NULL))
        return 0;
    if (!rx_match(&row_rx, line, len, &c)) {
        parse_skip(run);
        return 0;
    }
    record_t rec;
    iface_t *f = rx_brief_iface(&rec, &c);
    const char *s;
    size_t n;
    rx_named(&c, "status", &s, &n);
    FIELD_SET(f->raw_status, s, (long)n);
    f->oper_status = tu_updown(s, n);
    f->admin_status = strncmp(s, "admin", 5) == 0 ? UPDOWN_DOWN : UPDOWN_UP;
    rx_named(&c, "proto", &s, &n);
    f->protocol_status = tu_updown(s, n);
    return parse_emit(run, &rec);
}
