/* iosxr_util.c: lines that any IOS-XR answer may carry and no parser wants. */
#include <ctype.h>
#include <string.h>
#include <strings.h>

#include "parsers/iosxr/iosxr.h"
#include "parsers/rx.h"
#include "parsers/textutil.h"

static rx_t stamp_rx = RX("^\\s*(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun) (?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)"
                          "\\s+\\d{1,2} \\d{1,2}:\\d\\d:\\d\\d(?:\\.\\d+)?(?: \\S+)?\\s*$");
static rx_t vrf_rx = RX("^\\s*VRF: (?<vrf>\\S+)\\s*$");

bool iosxr_is_timestamp(const char *line, size_t len)
{
    return len >= 20 && rx_match(&stamp_rx, line, len, NULL);
}

bool iosxr_is_blank(const char *line, size_t len)
{
    for (size_t i = 0; i < len; i++)
        if (!isspace((unsigned char)line[i]))
            return false;
    return true;
}

/* Rules of dashes or equals signs underline titles and separate line cards. */
static bool is_rule(const char *line, size_t len)
{
    size_t n = 0;
    for (size_t i = 0; i < len; i++) {
        if (line[i] == '-' || line[i] == '=')
            n++;
        else if (!isspace((unsigned char)line[i]))
            return false;
    }
    return n >= 3;
}

bool iosxr_is_noise(const char *line, size_t len)
{
    return iosxr_is_blank(line, len) || is_rule(line, len) || iosxr_is_timestamp(line, len);
}

bool iosxr_vrf_header(const char *line, size_t len, char *vrf, size_t size)
{
    rx_caps_t c;
    if (len < 5 || !rx_match(&vrf_rx, line, len, &c))
        return false;
    rx_copy(&c, "vrf", vrf, size);
    return true;
}

bool iosxr_is_message(const char *line, size_t len)
{
    const char *s = line;
    size_t n = len;
    tu_trim(&s, &n);
    return n > 0 && s[0] == '%';
}

bool iosxr_command_vrf(parse_run_t *run, char *vrf, size_t size)
{
    const char *cmd = parse_command(run);
    for (const char *v = cmd; *v; v++) {
        if (strncasecmp(v, " vrf ", 5) != 0)
            continue;
        v += 5;
        while (*v == ' ')
            v++;
        size_t n = strcspn(v, " |");
        if (n == 0 || (n == 3 && strncasecmp(v, "all", 3) == 0))
            return false;
        field_set(vrf, size, v, (long)n);
        return true;
    }
    return false;
}
