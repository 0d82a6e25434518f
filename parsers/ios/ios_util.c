/* ios_util.c: helpers the IOS parsers share (captures as ASNs and durations, the VRF named in
 * the command). */
#include <ctype.h>
#include <string.h>

#include "parsers/ios/ios_core.h"
#include "parsers/textutil.h"

int64_t ios_rx_asn(const rx_caps_t *c, const char *name)
{
    const char *s;
    size_t n;
    return rx_named(c, name, &s, &n) ? tu_asn(s, n) : MODEL_ABSENT;
}

int64_t ios_rx_duration(const rx_caps_t *c, const char *name)
{
    const char *s;
    size_t n;
    return rx_named(c, name, &s, &n) ? tu_duration(s, n) : MODEL_ABSENT;
}

static rx_t cmd_vrf_rx = RXI(" vrf (?<vrf>[^ |]+)");

void ios_command_vrf(parse_run_t *run, char *out, size_t size)
{
    /* The original spelling keeps the VRF name's case; the normalised one is only for matching. */
    const char *cmd = parse_command(run);
    rx_caps_t c;
    out[0] = '\0';
    if (!rx_match(&cmd_vrf_rx, cmd, strlen(cmd), &c))
        return;
    const char *s;
    size_t n;
    rx_named(&c, "vrf", &s, &n);
    if (tu_eq(s, n, "all") || tu_eq(s, n, "*"))
        return;
    field_set(out, size, s, (long)n);
}

bool ios_blank(const char *line, size_t len)
{
    for (size_t i = 0; i < len; i++)
        if (!isspace((unsigned char)line[i]))
            return false;
    return true;
}
