/* iosxr_ipv6.c: IOS-XR "show ipv6 neighbors [vrf X]" and "show ipv6 [vrf X] interface brief".
 *
 * Both tables are IOS's with XR's habits around them (a timestamp line first, a Location
 * column, "[Mcast adjacency]" rows), so the IOS readers read the rows:
 *   IPv6 Address                            Age  Link-layer Addr State Interface            Location
 *   2001:db8:c0de::2                        41   0012.f2a1.0c01  REACH Gi0/0/0/0.100        0/0/CPU0
 *   [Mcast adjacency]                       -    0000.0000.0000  REACH Gi0/0/0/0.100        0/0/CPU0
 * XR's ND age is in seconds. */
#include "parsers/ios/ios_core.h"
#include "parsers/iosxr/iosxr.h"
#include "parsers/textutil.h"

int iosxr_nd_line(parse_run_t *run, void *state, const char *line, size_t len)
{
    (void)state;
    if (iosxr_is_timestamp(line, len) || iosxr_is_message(line, len))
        return 0;
    if (tu_starts(line, len, "[Mcast adjacency]"))
        return 0; /* the interface's multicast entry, not a neighbor */
    return ios_nd_row(run, line, len, 1, true);
}

int iosxr_ipv6_int_brief_line(parse_run_t *run, void *state, const char *line, size_t len)
{
    if (iosxr_is_timestamp(line, len) || iosxr_is_message(line, len))
        return 0;
    return ios_ipv6_int_line(run, state, line, len);
}
