/* inventory_values.c: the shapes inventory values must have (see inventory_values.h). */
#include "core/inventory_values.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/cmdline.h"
#include "core/prefix.h"

#define INV_HOST_MAX 190
#define INV_HOST_MAX_TEXT "190"

/* Letters, digits, the characters of extra; not empty; not starting with one of lead. */
static bool word_of(const char *v, size_t len, const char *extra, const char *lead)
{
    if (len == 0 || strchr(lead, v[0]))
        return false;
    for (size_t i = 0; i < len; i++)
        if (!isalnum((unsigned char)v[i]) && !strchr(extra, v[i]))
            return false;
    return true;
}

static bool has_control(const char *v)
{
    for (; *v; v++)
        if ((unsigned char)*v < 0x20 || *v == 0x7f)
            return true;
    return false;
}

/* An IPv6 address as written (hex digits, colons, dots of an embedded IPv4), nothing more:
 * ip_parse also takes a %zone suffix, which must not reach a shell. */
static bool ipv6_literal(const char *v, size_t len)
{
    char buf[64];
    ip_addr_t a;
    if (len == 0 || len >= sizeof(buf) || !word_of(v, len, ":.", ""))
        return false;
    memcpy(buf, v, len);
    buf[len] = '\0';
    return strspn(buf, "0123456789abcdefABCDEF:.") == len && ip_parse(buf, &a) && a.family == 6;
}

static bool host_literal(const char *v, size_t len)
{
    if (memchr(v, ':', len))
        return ipv6_literal(v, len);
    return word_of(v, len, "._-", "-.");
}

static bool port_digits(const char *v, int *port)
{
    char *end;
    if (!isdigit((unsigned char)v[0]) || strlen(v) > 5)
        return false;
    long n = strtol(v, &end, 10);
    if (*end || n < 1 || n > 65535)
        return false;
    *port = (int)n;
    return true;
}

/* "[v6]:port", "[v6]", "name:port" or "name" into out->host and out->port. */
static bool jump_host(const char *v, inv_jump_t *out)
{
    const char *colon;
    size_t len;
    if (v[0] == '[') {
        const char *close = strchr(v, ']');
        if (!close || !ipv6_literal(v + 1, (size_t)(close - v - 1)) || (close[1] && close[1] != ':'))
            return false;
        colon = close[1] ? close + 1 : NULL;
        v++;
        len = (size_t)(close - v);
    } else {
        colon = strchr(v, ':');
        len = colon ? (size_t)(colon - v) : strlen(v);
        if (!word_of(v, len, "._-", "-."))
            return false;
    }
    if (len >= sizeof(out->host) || (colon && !port_digits(colon + 1, &out->port)))
        return false;
    memcpy(out->host, v, len);
    out->host[len] = '\0';
    return true;
}

bool inventory_parse_jump(const char *value, inv_jump_t *out)
{
    memset(out, 0, sizeof(*out));
    const char *at = strchr(value, '@');
    if (at) {
        size_t len = (size_t)(at - value);
        if (len >= sizeof(out->user) || !word_of(value, len, "._-", "-"))
            return false;
        memcpy(out->user, value, len);
        value = at + 1;
    }
    return jump_host(value, out);
}

/* Refusals name the value, unless it holds control characters (they would reach the terminal). */
static bool refuse(const char *value, char *why, size_t whylen, const char *what)
{
    if (has_control(value))
        snprintf(why, whylen, "holds a control character");
    else
        snprintf(why, whylen, "'%.200s' %s", value, what);
    return false;
}

bool inv_check_host(const char *value, char *why, size_t whylen)
{
    if (strlen(value) > INV_HOST_MAX) /* DNS allows 253; "host = NAME" must fit one inih line */
        return refuse(value, why, whylen, "is longer than " INV_HOST_MAX_TEXT " characters");
    return host_literal(value, strlen(value)) ||
           refuse(value, why, whylen, "is not a host name (letters, digits, . _ -) or an IP address");
}

bool inv_check_user(const char *value, char *why, size_t whylen)
{
    return word_of(value, strlen(value), "._-@\\", "-") ||
           refuse(value, why, whylen, "may hold only letters, digits and . _ - @ \\ (not starting with -)");
}

bool inv_check_jump(const char *value, char *why, size_t whylen)
{
    inv_jump_t j;
    return inventory_parse_jump(value, &j) ||
           refuse(value, why, whylen, "is not [user@]host[:port] (letters, digits, . _ -; an IPv6 address in [ ])");
}

bool inv_check_path(const char *value, char *why, size_t whylen)
{
    if (!has_control(value) && (value[0] == '/' || (value[0] == '~' && value[1] == '/')))
        return true;
    return refuse(value, why, whylen, "must be an absolute path or start with ~/");
}

bool inv_check_command(const char *value, char *why, size_t whylen)
{
    cmdline_t cl;
    char reason[200];
    if (cmdline_split(value, NULL, &cl, reason, sizeof(reason)) == 0)
        return true;
    snprintf(why, whylen, "is run without a shell: %s", reason);
    return false;
}

bool inv_check_name(const char *value, char *why, size_t whylen)
{
    return word_of(value, strlen(value), "._-", "-.") ||
           refuse(value, why, whylen, "may hold only letters, digits and . _ - (not starting with . or -)");
}

bool inv_check_text(const char *value, char *why, size_t whylen)
{
    return !has_control(value) || refuse(value, why, whylen, "");
}
