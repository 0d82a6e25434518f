/* eos_ipv6_brief.c: EOS "show ipv6 interface brief".
 *
 *      Interface       Status        MTU       IPv6 Address                     Addr State    Addr Source
 *   --------------- ------------ ---------- -------------------------------- ---------------- -----------
 *      Et1             up            1500      fe80::5254:ff:fe00:101/64        up            link local
 *                                              2001:db8:c0de::1/126             up            config
 *
 * An interface takes one row and then one indented line per further address, so its record is
 * held until the next row, a rule or the end.  The addresses go to iface_t.ipv6 with their
 * length, in the printed order (EOS puts the link-local first). */
#include <string.h>

#include "parsers/eos/eos.h"
#include "parsers/rx.h"
#include "parsers/textutil.h"

typedef struct {
    bool open; /* rec holds an interface whose address lines may still follow */
    record_t rec;
} eos_v6brief_state_t;

_Static_assert(sizeof(eos_v6brief_state_t) <= EOS_STATE_SIZE, "state fits");

static rx_t head_rx = RX("^\\s*Interface\\s+Status\\s+MTU\\s+IPv6 Address|^[\\s-]*$");
static rx_t row_rx = RX("^\\s*(?<name>[A-Za-z]\\S*)\\s+(?<status>admin down|\\S+)\\s+(?<mtu>\\d+)\\s+"
                        "(?<ip>[0-9a-fA-F:]+:[0-9a-fA-F:]*/\\d+)(?:\\s+.*)?$");
static rx_t addr_rx = RX("^\\s+(?<ip>[0-9a-fA-F:]+:[0-9a-fA-F:]*/\\d+)(?:\\s+.*)?$");

static void eos_v6brief_addr(iface_t *f, const rx_caps_t *c)
{
    const char *s;
    size_t n;
    if (!rx_named(c, "ip", &s, &n) || f->n_ipv6 >= MAX_ADDRS || !tu_prefix(s, n, true, f->ipv6[f->n_ipv6], PREFIX_LEN))
        return;
    f->n_ipv6++;
}

static int eos_v6brief_flush(parse_run_t *run, eos_v6brief_state_t *st)
{
    if (!st->open)
        return 0;
    st->open = false;
    return parse_emit(run, &st->rec);
}

int eos_ipv6_int_brief_line(parse_run_t *run, void *state, const char *line, size_t len)
{
    eos_v6brief_state_t *st = state;
    rx_caps_t c;
    if (st->open && rx_match(&addr_rx, line, len, &c)) {
        eos_v6brief_addr(&st->rec.u.iface, &c);
        return 0;
    }
    if (eos_v6brief_flush(run, st))
        return -1;
    if (rx_match(&head_rx, line, len, NULL))
        return 0;
    if (!rx_match(&row_rx, line, len, &c)) {
        parse_skip(run);
        return 0;
    }
    parse_begin_record(run, &st->rec, KIND_INTERFACES);
    iface_t *f = &st->rec.u.iface;
    const char *s;
    size_t n;
    rx_copy(&c, "name", f->name, sizeof(f->name));
    rx_named(&c, "status", &s, &n);
    FIELD_SET(f->raw_status, s, (long)n);
    f->oper_status = eos_updown(s, n);
    f->protocol_status = f->oper_status;
    f->admin_status = tu_starts(s, n, "admin") ? UPDOWN_DOWN : UPDOWN_UP;
    f->mtu = rx_int(&c, "mtu");
    eos_v6brief_addr(f, &c);
    st->open = true;
    return 0;
}

int eos_ipv6_int_brief_finish(parse_run_t *run, void *state)
{
    return eos_v6brief_flush(run, state);
}
