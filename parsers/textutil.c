/* textutil.c: value conversions shared by the vendor parsers. */
#include "parsers/textutil.h"

#include <ctype.h>
#include <float.h>
#include <limits.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "core/prefix.h"

void tu_trim(const char **s, size_t *len)
{
    while (*len && isspace((unsigned char)**s)) {
        (*s)++;
        (*len)--;
    }
    while (*len && isspace((unsigned char)(*s)[*len - 1]))
        (*len)--;
}

bool tu_eq(const char *s, size_t len, const char *word)
{
    size_t wl = strlen(word);
    return wl == len && strncasecmp(s, word, len) == 0;
}

bool tu_starts(const char *s, size_t len, const char *prefix)
{
    size_t pl = strlen(prefix);
    return pl <= len && strncasecmp(s, prefix, pl) == 0;
}

static _Thread_local unsigned range_errors;

void tu_note_range_error(void)
{
    if (range_errors < UINT_MAX)
        range_errors++;
}

unsigned tu_take_range_errors(void)
{
    unsigned n = range_errors;
    range_errors = 0;
    return n;
}

bool tu_add_product(int64_t *acc, int64_t a, int64_t b)
{
    int64_t p;
    if (__builtin_mul_overflow(a, b, &p) || __builtin_add_overflow(*acc, p, acc)) {
        tu_note_range_error();
        return false;
    }
    return true;
}

/* Accumulates one more decimal digit; false (counted) on overflow. */
static bool push_digit(int64_t *v, char c)
{
    if (__builtin_mul_overflow(*v, 10, v) || __builtin_add_overflow(*v, c - '0', v)) {
        tu_note_range_error();
        return false;
    }
    return true;
}

int64_t tu_digits(const char *s, size_t len)
{
    if (len == 0)
        return MODEL_ABSENT;
    for (size_t i = 0; i < len; i++)
        if (!isdigit((unsigned char)s[i]))
            return MODEL_ABSENT; /* not a number: nothing to count */
    int64_t v = 0;
    for (size_t i = 0; i < len; i++)
        if (!push_digit(&v, s[i]))
            return MODEL_ABSENT;
    return v;
}

int64_t tu_int(const char *s, size_t len)
{
    tu_trim(&s, &len);
    bool neg = len && *s == '-';
    size_t i = neg ? 1 : 0;
    int digits = 0;
    for (size_t k = i; k < len; k++) {
        if (s[k] == ',' || s[k] == '_')
            continue;
        if (!isdigit((unsigned char)s[k]))
            return MODEL_ABSENT;
        digits++;
    }
    if (!digits)
        return MODEL_ABSENT;
    int64_t v = 0;
    for (; i < len; i++)
        if (s[i] != ',' && s[i] != '_' && !push_digit(&v, s[i]))
            return MODEL_ABSENT; /* out of range is not a number we can trust */
    return neg ? -v : v;
}

int64_t tu_int_max(const char *s, size_t len, int64_t max)
{
    int64_t v = tu_int(s, len);
    if (v != MODEL_ABSENT && (v < 0 || v > max)) {
        tu_note_range_error();
        return MODEL_ABSENT;
    }
    return v;
}

bool tu_real(const char *s, size_t len, double max, double *out)
{
    char buf[32];
    tu_trim(&s, &len);
    size_t digits = 0, dots = 0;
    for (size_t i = 0; i < len; i++) {
        if (s[i] == '.')
            dots++;
        else if (isdigit((unsigned char)s[i]))
            digits++;
        else
            return false;
    }
    if (!digits || dots > 1)
        return false;
    /* A number this long cannot be a sane value of anything a router measures. */
    if (len >= sizeof(buf)) {
        tu_note_range_error();
        return false;
    }
    memcpy(buf, s, len);
    buf[len] = '\0';
    double v = strtod(buf, NULL);
    if (!isfinite(v) || v > max) {
        tu_note_range_error();
        return false;
    }
    *out = v;
    return true;
}

int64_t tu_round(double v)
{
    /* 2^63 is exactly representable: anything at or beyond it does not fit. */
    if (!isfinite(v) || v >= 9223372036854775808.0 || v <= -9223372036854775808.0) {
        tu_note_range_error();
        return MODEL_ABSENT;
    }
    return (int64_t)(v < 0 ? v - 0.5 : v + 0.5);
}

int64_t tu_scale(int64_t v, int64_t mul, int64_t div)
{
    if (v == MODEL_ABSENT)
        return v;
    int64_t p;
    if (v < 0 || __builtin_mul_overflow(v, mul, &p)) {
        tu_note_range_error();
        return MODEL_ABSENT;
    }
    return p / div;
}

static int64_t unit_seconds(const char *u, size_t ulen)
{
    if (ulen == 0)
        return 0;
    switch (tolower((unsigned char)u[0])) {
    case 'y': return 31536000;
    case 'w': return 604800;
    case 'd': return 86400;
    case 'h': return 3600;
    case 'm':
        /* "m", "min", "minutes" but not "ms"/"msec" (milliseconds, not a duration here) */
        if (ulen >= 2 && tolower((unsigned char)u[1]) == 's')
            return -1;
        return 60;
    case 's': return 1;
    default: return -1;
    }
}

/* Parses "mm:ss", "h:mm:ss" or "d:hh:mm:ss" (with an optional ".fraction") at s; returns
 * chars used, 0 when it is not a clock.  *out is MODEL_ABSENT when the clock overflows. */
static size_t parse_clock(const char *s, size_t len, int64_t *out)
{
    int64_t parts[4];
    int n = 0;
    size_t i = 0;
    bool overflow = false;
    while (i < len && n < 4) {
        if (!isdigit((unsigned char)s[i]))
            break;
        int64_t v = 0;
        while (i < len && isdigit((unsigned char)s[i]))
            if (!push_digit(&v, s[i++]))
                overflow = true; /* keep scanning: the clock's extent still matters */
        parts[n++] = v;
        if (i < len && s[i] == ':' && i + 1 < len && isdigit((unsigned char)s[i + 1]))
            i++;
        else
            break;
    }
    if (n < 2)
        return 0;
    if (i < len && s[i] == '.') /* fractional seconds */
        for (i++; i < len && isdigit((unsigned char)s[i]); i++)
            ;
    static const int64_t units[4][4] = {{0}, {0}, {60, 1}, {3600, 60, 1}};
    static const int64_t days[4] = {86400, 3600, 60, 1};
    const int64_t *unit = n == 4 ? days : units[n];
    int64_t secs = 0;
    for (int k = 0; k < n && !overflow; k++)
        overflow = !tu_add_product(&secs, parts[k], unit[k]);
    *out = overflow ? MODEL_ABSENT : secs;
    return i;
}

static int64_t iso8601_unit(char c, bool in_time)
{
    switch (c) {
    case 'Y': return 31536000;
    case 'W': return 604800;
    case 'D': return 86400;
    case 'H': return 3600;
    case 'M': return in_time ? 60 : 2592000;
    case 'S': return 1;
    default: return -1;
    }
}

/* ISO 8601 durations ("P1DT2H3M4S", "PT5M"), as NX-API prints uptimes. */
static int64_t iso8601_duration(const char *s, size_t n)
{
    int64_t total = 0, v = 0;
    bool in_time = false, digits = false;
    for (size_t i = 1; i < n; i++) {
        char c = (char)toupper((unsigned char)s[i]);
        if (isdigit((unsigned char)c)) {
            if (!push_digit(&v, c))
                return MODEL_ABSENT;
            digits = true;
            continue;
        }
        if (c == '.') { /* fractions of a second do not matter here */
            while (i + 1 < n && isdigit((unsigned char)s[i + 1]))
                i++;
            continue;
        }
        if (c == 'T') {
            in_time = true;
            continue;
        }
        int64_t unit = iso8601_unit(c, in_time);
        if (unit < 0 || !digits)
            return MODEL_ABSENT;
        if (!tu_add_product(&total, v, unit))
            return MODEL_ABSENT;
        v = 0;
        digits = false;
    }
    return total;
}

/* One "<number> <unit>" term of a duration ("3 days", "2d", "40week(s)", "0.106174") at *i:
 * adds it to *total.  Returns false when the text is not a duration (or overflows). */
static bool duration_term(const char *s, size_t len, size_t *ip, int64_t *total)
{
    size_t i = *ip;
    int64_t v = 0;
    while (i < len && isdigit((unsigned char)s[i]))
        if (!push_digit(&v, s[i++]))
            return false;
    if (i + 1 < len && s[i] == '.' && isdigit((unsigned char)s[i + 1]))
        for (i++; i < len && isdigit((unsigned char)s[i]); i++)
            ; /* "0.106174" seconds: the fraction does not matter */
    while (i < len && s[i] == ' ')
        i++;
    size_t u = i;
    while (i < len && isalpha((unsigned char)s[i]))
        i++;
    /* "and" after a bare number is the next word, not a unit */
    if (i - u == 3 && strncasecmp(s + u, "and", 3) == 0)
        i = u;
    int64_t mult = unit_seconds(s + u, i - u);
    if (i < len && s[i] == '(' && len - i >= 3 && s[i + 1] == 's' && s[i + 2] == ')')
        i += 3; /* "week(s)" */
    if (mult < 0 || (i == u && i < len && !isspace((unsigned char)s[i])))
        return false;
    *ip = i;
    return tu_add_product(total, v, i == u ? 1 : mult);
}

int64_t tu_duration(const char *s, size_t len)
{
    tu_trim(&s, &len);
    if (len == 0 || tu_eq(s, len, "never") || tu_eq(s, len, "-") || tu_eq(s, len, "n/a"))
        return MODEL_ABSENT;
    if (s[0] == 'P' || s[0] == 'p')
        return iso8601_duration(s, len);
    int64_t total = 0;
    bool any = false;
    size_t i = 0;
    while (i < len) {
        char c = s[i];
        if (isspace((unsigned char)c) || c == ',') {
            i++;
            continue;
        }
        /* EOS: "1 hour and 5 minutes" */
        if (len - i >= 3 && strncasecmp(s + i, "and", 3) == 0 && (i + 3 == len || isspace((unsigned char)s[i + 3]))) {
            i += 3;
            continue;
        }
        if (!isdigit((unsigned char)c))
            return MODEL_ABSENT;
        int64_t clock;
        size_t used = parse_clock(s + i, len - i, &clock);
        if (used && (clock == MODEL_ABSENT || !tu_add_product(&total, clock, 1)))
            return MODEL_ABSENT;
        if (!used && !duration_term(s, len, &i, &total))
            return MODEL_ABSENT;
        i += used;
        any = true;
    }
    return any ? total : MODEL_ABSENT;
}

int64_t tu_asn(const char *s, size_t len)
{
    tu_trim(&s, &len);
    const char *dot = memchr(s, '.', len);
    if (!dot)
        return tu_int_max(s, len, UINT32_MAX); /* 4-byte AS numbers */
    int64_t hi = tu_int_max(s, (size_t)(dot - s), 65535);
    int64_t lo = tu_int_max(dot + 1, len - (size_t)(dot - s) - 1, 65535);
    if (hi == MODEL_ABSENT || lo == MODEL_ABSENT)
        return MODEL_ABSENT;
    return hi * 65536 + lo;
}

/* The decimal number at s (at most len bytes), and how many bytes it took; 0 when none. */
static size_t leading_number(const char *s, size_t len, int64_t *out)
{
    size_t n = 0;
    while (n < len && isdigit((unsigned char)s[n]))
        n++;
    if (n)
        *out = tu_int(s, n);
    return n;
}

bool tu_connections(const char *s, size_t len, int64_t *established, int64_t *dropped)
{
    static const char head[] = "Connections established ", mid[] = " dropped ";
    tu_trim(&s, &len);
    if (len < sizeof(head) || strncmp(s, head, sizeof(head) - 1) != 0)
        return false;
    size_t i = sizeof(head) - 1;
    int64_t est = MODEL_ABSENT, drop = MODEL_ABSENT;
    size_t n = leading_number(s + i, len - i, &est);
    i += n;
    if (!n || i >= len || (s[i] != ';' && s[i] != ','))
        return false;
    i++;
    if (len - i < sizeof(mid) - 1 || strncmp(s + i, mid, sizeof(mid) - 1) != 0 ||
        !leading_number(s + i + sizeof(mid) - 1, len - i - (sizeof(mid) - 1), &drop))
        return false;
    *established = est;
    *dropped = drop;
    return true;
}

bgp_state_t tu_bgp_state(const char *s, size_t len, bool *admin_down)
{
    tu_trim(&s, &len);
    bool admin = false;
    for (size_t i = 0; i + 5 <= len; i++)
        if (strncasecmp(s + i, "admin", 5) == 0)
            admin = true;
    if (tu_starts(s, len, "shut") || tu_starts(s, len, "disabled"))
        admin = true;
    if (admin_down)
        *admin_down = admin;
    if (admin)
        return BGP_STATE_IDLE;
    static const struct {
        const char *prefix;
        bgp_state_t state;
    } states[] = {
        {"established", BGP_STATE_ESTABLISHED}, {"estab", BGP_STATE_ESTABLISHED},
        {"idle", BGP_STATE_IDLE}, {"connect", BGP_STATE_CONNECT}, {"active", BGP_STATE_ACTIVE},
        {"opensent", BGP_STATE_OPENSENT}, {"openconfirm", BGP_STATE_OPENCONFIRM},
        {"open sent", BGP_STATE_OPENSENT}, {"open confirm", BGP_STATE_OPENCONFIRM},
        {"established", BGP_STATE_ESTABLISHED}, {"up", BGP_STATE_ESTABLISHED},
    };
    for (size_t i = 0; i < sizeof(states) / sizeof(states[0]); i++)
        if (tu_starts(s, len, states[i].prefix))
            return states[i].state;
    return BGP_STATE_ABSENT;
}

updown_t tu_updown(const char *s, size_t len)
{
    tu_trim(&s, &len);
    if (len == 0)
        return UPDOWN_ABSENT;
    static const char *const up[] = {"up", "link-up", "connected", "enabled", "active"};
    static const char *const down[] = {
        "down", "administratively down", "admin down", "admin-down", "disabled", "notconnect",
        "notconnected", "not connected", "lowerlayerdown", "notpresent", "not present",
        "err-disabled", "errdisabled", "link-down", "xcvrabsen", "sfpabsent", "suspended",
        "inactive", "shutdown", "deleted", "monitoring", "dormant", "testing", "reset",
    };
    for (size_t i = 0; i < sizeof(down) / sizeof(down[0]); i++)
        if (tu_starts(s, len, down[i]))
            return UPDOWN_DOWN;
    for (size_t i = 0; i < sizeof(up) / sizeof(up[0]); i++)
        if (tu_starts(s, len, up[i]))
            return UPDOWN_UP;
    return UPDOWN_ABSENT;
}

bool tu_mac(const char *s, size_t len, char out[MAC_LEN])
{
    char hex[12];
    int n = 0;
    for (size_t i = 0; i < len; i++) {
        char c = (char)tolower((unsigned char)s[i]);
        if (isxdigit((unsigned char)c)) {
            if (n == 12)
                return false;
            hex[n++] = c;
        } else if (c != '.' && c != ':' && c != '-') {
            return false;
        }
    }
    if (n != 12)
        return false;
    snprintf(out, MAC_LEN, "%.2s:%.2s:%.2s:%.2s:%.2s:%.2s", hex, hex + 2, hex + 4, hex + 6, hex + 8,
             hex + 10);
    return true;
}

bool tu_prefix(const char *s, size_t len, bool host, char *out, size_t size)
{
    char buf[PREFIX_LEN + 8];
    ip_prefix_t p;
    tu_trim(&s, &len);
    if (len == 0 || len >= sizeof(buf))
        return false;
    memcpy(buf, s, len);
    buf[len] = '\0';
    if (!prefix_parse(buf, &p))
        return false;
    if (!memchr(buf, '/', len)) {
        /* A bare address stays bare: inventing a /32 would claim a length the device never said. */
        ip_to_string(&p.addr, out, size);
        return true;
    }
    prefix_to_string(&p, !host, out, size);
    return true;
}

bool tu_is_ip(const char *s, size_t len)
{
    ip_addr_t a;
    return ip_parse_n(s, len, &a);
}

int64_t tu_rate_bps(const char *value, size_t vlen, const char *unit, size_t ulen)
{
    double v;
    if (!tu_real(value, vlen, DBL_MAX, &v))
        return MODEL_ABSENT;
    double mult = 1;
    tu_trim(&unit, &ulen);
    if (ulen) {
        switch (tolower((unsigned char)unit[0])) {
        case 'k': mult = 1e3; break;
        case 'm': mult = 1e6; break;
        case 'g': mult = 1e9; break;
        case 't': mult = 1e12; break;
        default: mult = 1; break;
        }
    }
    return tu_round(v * mult);
}

const char *tu_route_code_protocol(const char *code, size_t len)
{
    tu_trim(&code, &len);
    while (len && (code[len - 1] == '*' || code[len - 1] == '+' || code[len - 1] == '%' ||
                   code[len - 1] == '&' || code[len - 1] == '>'))
        len--;
    if (len == 0)
        return NULL;
    switch (code[0]) {
    case 'C': return "connected";
    case 'L': return "local";
    case 'S': return "static";
    case 'B': case 'b': return "bgp";
    case 'O': return "ospf";
    case 'D': return "eigrp";
    case 'R': return "rip";
    case 'i': case 'I': return "isis";
    case 'K': return "kernel";
    case 'A': return "aggregate";
    case 'E': return "egp";
    case 'M': return "mobile";
    case 'o': return "odr";
    case 'H': return "nhrp";
    case 'l': return "lisp";
    default: return "other";
    }
}

const char *tu_protocol_word(const char *s, size_t len)
{
    static const struct {
        const char *word, *proto;
    } words[] = {
        {"connected", "connected"}, {"direct", "connected"}, {"local", "local"},
        {"static", "static"}, {"bgp", "bgp"}, {"ospfv3", "ospf"}, {"ospf", "ospf"},
        {"isis", "isis"}, {"is-is", "isis"}, {"rip", "rip"}, {"eigrp", "eigrp"},
        {"kernel", "kernel"}, {"aggregate", "aggregate"}, {"access-internal", "local"},
        {"am", "other"}, {"hsrp", "other"}, {"vrrp", "other"},
    };
    tu_trim(&s, &len);
    for (size_t i = 0; i < sizeof(words) / sizeof(words[0]); i++)
        if (tu_starts(s, len, words[i].word))
            return words[i].proto;
    return len ? "other" : NULL;
}

void tu_command_af(const char *cmd, char *out, size_t size)
{
    static const char *const afis[][2] = {{"ipv4", "IPv4"}, {"ipv6", "IPv6"}, {"vpnv4", "VPNv4"}, {"vpnv6", "VPNv6"}};
    out[0] = '\0';
    for (const char *w = cmd; *w;) {
        size_t n = strcspn(w, " ");
        for (size_t i = 0; i < sizeof(afis) / sizeof(afis[0]); i++) {
            if (n != strlen(afis[i][0]) || strncmp(w, afis[i][0], n) != 0)
                continue;
            bool multicast = strncmp(w + n, " multicast", 10) == 0;
            snprintf(out, size, "%s %s", afis[i][1], multicast ? "Multicast" : "Unicast");
            return;
        }
        w += n;
        while (*w == ' ')
            w++;
    }
}
