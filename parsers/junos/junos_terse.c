/* junos_terse.c: Junos "show interfaces terse".
 *
 *   Interface               Admin Link Proto    Local                 Remote
 *   ge-0/0/0                up    up
 *   ge-0/0/0.0              up    up   inet     192.168.100.129/30
 *                                      inet6    2001:db8:100::1/126
 *   lo0.0                   up    up   inet     10.255.255.1        --> 0/0
 *
 * A line that starts with blanks continues the interface above (another family/address).
 * Local values that are not addresses ("tnp 0x1") are read and passed over. */
#include <stdio.h>
#include <string.h>

#include "parsers/junos/junos.h"
#include "parsers/rx.h"
#include "parsers/textutil.h"

static rx_t header_rx = RX("^Interface\\s+Admin\\s+Link");
static rx_t row_rx = RX("^(?<name>\\S+)\\s+(?<admin>up|down)\\s+(?<link>up|down)(?:\\s+(?<fam>[a-z][\\w-]*)"
                        "(?:\\s+(?<loc>(?!-->)\\S+))?(?:\\s+-->\\s+\\S+)?)?\\s*$");
static rx_t more_rx = RX("^\\s+(?:(?<fam>[a-z][\\w-]*)(?:\\s+|$))?(?<loc>(?!-->)\\S+)?"
                         "(?:\\s+-->\\s+\\S+)?\\s*$");

static void address(iface_t *f, const rx_caps_t *c)
{
    const char *s;
    size_t n;
    if (!rx_named(c, "loc", &s, &n))
        return;
    const char *slash = memchr(s, '/', n);
    if (slash)
        junos_iface_add_addr(f, s, (size_t)(slash - s), slash, n - (size_t)(slash - s));
    else
        junos_iface_add_addr(f, s, n, "", 0);
}

int junos_terse_line(parse_run_t *run, void *state, const char *line, size_t len)
{
    junos_terse_state_t *st = state;
    rx_caps_t c;
    if (junos_blank(line, len) || rx_match(&header_rx, line, len, NULL))
        return 0;
    if (rx_match(&row_rx, line, len, &c)) {
        if (st->open && parse_emit(run, &st->rec))
            return -1;
        parse_begin_record(run, &st->rec, KIND_INTERFACES); /* the row and its continuation lines */
        st->open = true;
        iface_t *f = &st->rec.u.iface;
        const char *s;
        size_t n;
        rx_copy(&c, "name", f->name, sizeof(f->name));
        rx_named(&c, "admin", &s, &n);
        f->admin_status = tu_updown(s, n);
        rx_named(&c, "link", &s, &n);
        f->oper_status = tu_updown(s, n);
        snprintf(f->raw_status, sizeof(f->raw_status), "%s/%s", f->admin_status == UPDOWN_UP ? "up" : "down",
                 f->oper_status == UPDOWN_UP ? "up" : "down");
        address(f, &c);
        return 0;
    }
    if (st->open && rx_match(&more_rx, line, len, &c)) {
        address(&st->rec.u.iface, &c);
        return 0;
    }
    if (junos_indent(line, len) > 0)
        parse_skip(run); /* indented: a continuation of the open row */
    else
        parse_skip_outside(run);
    return 0;
}

int junos_terse_finish(parse_run_t *run, void *state)
{
    junos_terse_state_t *st = state;
    return st->open ? parse_emit(run, &st->rec) : 0;
}
