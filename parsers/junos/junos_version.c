/* junos_version.c: Junos "show version".
 *
 *   fpc0:                                      (virtual chassis / cluster member header)
 *   --------------------------------------------------------------------------
 *   Hostname: edge-01
 *   Model: mx204
 *   Junos: 21.4R3-S3.4
 *   JUNOS OS Kernel 64-bit  [20230517.f0321c3_builder_stable_12]
 *
 * One record: the first member's (a virtual chassis or cluster repeats the same release for
 * each member, and the contract has one version object).  Releases without a "Junos:" line
 * name the release in a package line: the first bracketed release number is taken. */
#include <string.h>

#include "parsers/junos/junos.h"
#include "parsers/rx.h"
#include "parsers/textutil.h"

static rx_t host_rx = RX("^Hostname: (?<v>\\S+)");
static rx_t model_rx = RX("^Model: (?<v>\\S+)");
static rx_t junos_rx = RX("^Junos: (?<v>\\S+)");
static rx_t serial_rx = RX("^(?:Serial Number|Chassis Serial Number): (?<v>\\S+)");
static rx_t pkg_rx = RX("^(?:JUNOS|Junos)\\b.*\\[(?<v>\\d+\\.\\d+[A-Z][\\w.-]*)\\]\\s*$");
static rx_t member_rx = RX("^(?:[a-z]+\\d+:|-{10,})\\s*$");

static int flush(parse_run_t *run, junos_record_state_t *st)
{
    if (!st->open)
        return 0;
    st->open = false;
    st->done = true;
    return parse_emit(run, &st->rec);
}

int junos_version_line(parse_run_t *run, void *state, const char *line, size_t len)
{
    junos_record_state_t *st = state;
    version_t *v = &st->rec.u.version;
    rx_caps_t c;
    if (st->done || junos_blank(line, len) || rx_match(&member_rx, line, len, NULL))
        return 0;
    if (rx_match(&host_rx, line, len, &c)) {
        if (st->open)
            return flush(run, st); /* the next member: same software, not a second record */
        record_init(&st->rec, KIND_VERSION);
        st->open = true;
        FIELD_SET(v->os, "Junos", -1);
        rx_copy(&c, "v", v->hostname, sizeof(v->hostname));
        return 0;
    }
    if (!st->open) {
        /* Some platforms print no hostname: the first fact opens the record. */
        record_init(&st->rec, KIND_VERSION);
        st->open = true;
        FIELD_SET(v->os, "Junos", -1);
    }
    if (rx_match(&model_rx, line, len, &c))
        rx_copy(&c, "v", v->model, sizeof(v->model));
    else if (rx_match(&junos_rx, line, len, &c))
        rx_copy(&c, "v", v->version, sizeof(v->version));
    else if (rx_match(&serial_rx, line, len, &c))
        rx_copy(&c, "v", v->serial, sizeof(v->serial));
    else if (!v->version[0] && rx_match(&pkg_rx, line, len, &c))
        rx_copy(&c, "v", v->version, sizeof(v->version));
    /* Every other line names an installed package: part of the answer, nothing we model. */
    return 0;
}

int junos_version_finish(parse_run_t *run, void *state)
{
    junos_record_state_t *st = state;
    if (st->open && !st->rec.u.version.model[0])
        parse_truncated(run, "no Model line (output cut)");
    return flush(run, st);
}
