/* frr_version.c: FRR "show version".
 *
 *   FRRouting 8.4.4 (erd-ce) on Linux(6.1.0-18-amd64).
 *   Copyright 1996-2005 Kunihiro Ishiguro, et al.
 *   configured with:
 *       '--build=x86_64-linux-gnu' ...
 *
 * The name in brackets is the host name, the part after "on" the kernel. */
#include <string.h>

#include "parsers/frr/frr.h"
#include "parsers/rx.h"
#include "parsers/textutil.h"

static rx_t ver_rx = RX("^(?<os>FRRouting|Quagga) (?<v>\\S+) \\((?<host>[^)]*)\\)(?: on (?<kern>[^.(]+)(?:\\((?<kv>[^)]*)\\))?)?");
static rx_t known_rx = RX("^(?:Copyright|configured with:|\\s+'|\\s*--)");

int frr_version_line(parse_run_t *run, void *state, const char *line, size_t len)
{
    frr_version_state_t *st = state;
    rx_caps_t c;
    if (frr_blank(line, len))
        return 0;
    if (rx_match(&ver_rx, line, len, &c)) {
        record_init(&st->rec, KIND_VERSION);
        version_t *v = &st->rec.u.version;
        rx_copy(&c, "os", v->os, sizeof(v->os));
        rx_copy(&c, "v", v->version, sizeof(v->version));
        rx_copy(&c, "host", v->hostname, sizeof(v->hostname));
        rx_copy(&c, "kern", v->model, sizeof(v->model)); /* the platform FRR runs on */
        rx_copy(&c, "kv", v->image, sizeof(v->image));   /* its kernel release */
        st->open = true;
        return 0;
    }
    if (rx_match(&known_rx, line, len, NULL))
        return 0;
    parse_skip(run);
    return 0;
}

int frr_version_finish(parse_run_t *run, void *state)
{
    frr_version_state_t *st = state;
    if (!st->open)
        return 0;
    st->open = false;
    return parse_emit(run, &st->rec);
}
