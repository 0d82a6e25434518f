/* command.c: template expansion, value validation, and the read-only allowlist. */
#include "probes/command.h"

#include <ctype.h>
#include <stdio.h>
#include <string.h>

#include "core/prefix.h"
#include "parsers/rx.h"

/* Pipe filters that only narrow what a show command prints.  Anything else after a '|'
 * (IOS "redirect"/"tee"/"append", Junos "save", NX-OS "> file") could write to the device. */
static rx_t filter_rx = RX("^(?:include|exclude|begin|section|count|i|in|inc|ex|be|sec|match|except|grep|"
                           "no-more|json|json-pretty|display (?:json|set|xml)|last [0-9]{1,4})(?: (?<arg>.*))?$");
/* Arguments of filters are regular expressions: no quotes beyond a plain pair, no backticks. */
static rx_t filter_arg_rx = RX("^\"?[A-Za-z0-9 ._:/|()^*+?\\[\\]\\\\-]*\"?$");

static bool has_control_or_shell(const char *s, char *why, size_t whylen)
{
    for (const char *p = s; *p; p++) {
        unsigned char c = (unsigned char)*p;
        if (c < 0x20 || c == 0x7f) {
            snprintf(why, whylen, "control character (0x%02x) in the command", c);
            return true;
        }
        if (strchr(";`$&<>{}!\\", c)) {
            snprintf(why, whylen, "character '%c' is not allowed in a command", c);
            return true;
        }
    }
    return false;
}

static bool matches_any(const char *const *patterns, const char *s, size_t len)
{
    for (size_t i = 0; patterns && patterns[i]; i++) {
        rx_t rx = RX(patterns[i]);
        bool hit = rx_match(&rx, s, len, NULL);
        rx_free(&rx);
        if (hit)
            return true;
    }
    return false;
}

bool command_allowed(const vendor_t *v, const char *command, char *why, size_t whylen)
{
    if (!command || !*command) {
        snprintf(why, whylen, "empty command");
        return false;
    }
    if (strlen(command) > 512) {
        snprintf(why, whylen, "command longer than 512 characters");
        return false;
    }
    if (has_control_or_shell(command, why, whylen))
        return false;
    const char *bar = strchr(command, '|');
    size_t head = bar ? (size_t)(bar - command) : strlen(command);
    while (head && command[head - 1] == ' ')
        head--;
    if (!matches_any(v->allow, command, head)) {
        snprintf(why, whylen, "'%.*s' is not a read-only %s command erdiag allows", (int)head, command, v->name);
        return false;
    }
    /* After the first filter the rest of the line is its argument (IOS reads "a|b" as a regex). */
    while (bar) {
        const char *f = bar + 1;
        while (*f == ' ')
            f++;
        rx_caps_t c;
        const char *arg;
        size_t alen;
        if (!rx_match(&filter_rx, f, strlen(f), &c)) {
            const char *next = strchr(f, '|');
            snprintf(why, whylen, "output filter '| %.*s' is not allowed", next ? (int)(next - f) : (int)strlen(f), f);
            return false;
        }
        if (rx_named(&c, "arg", &arg, &alen)) {
            if (!rx_match(&filter_arg_rx, arg, alen, NULL)) {
                snprintf(why, whylen, "filter argument '%.*s' is not allowed", (int)alen, arg);
                return false;
            }
            break; /* the argument runs to the end of the line */
        }
        bar = strchr(f, '|');
    }
    return true;
}

static bool valid_address(const char *s)
{
    ip_addr_t a;
    return s && ip_parse(s, &a) && !strchr(s, '%');
}

static bool valid_prefix(const char *s)
{
    ip_prefix_t p;
    return s && prefix_parse(s, &p) && !strchr(s, '%');
}

static bool valid_word(const char *s, const char *extra, size_t max)
{
    if (!s || !*s || strlen(s) > max || !isalnum((unsigned char)s[0]))
        return false;
    for (const char *p = s; *p; p++)
        if (!isalnum((unsigned char)*p) && !strchr(extra, *p))
            return false;
    return true;
}

/* The value for a placeholder, validated; NULL with why set when it is missing or bad. */
static const char *placeholder_value(const char *name, size_t nlen, const probe_args_t *a, char *why, size_t whylen)
{
    struct {
        const char *name, *value;
        bool (*check)(const char *);
        const char *what;
    } slots[] = {
        {"peer", a->peer, valid_address, "an IP address"},
        {"target", a->target, valid_address, "an IP address"},
        {"prefix", a->prefix, valid_prefix, "an address or prefix"},
    };
    for (size_t i = 0; i < sizeof(slots) / sizeof(slots[0]); i++) {
        if (strlen(slots[i].name) != nlen || strncmp(slots[i].name, name, nlen) != 0)
            continue;
        if (!slots[i].check(slots[i].value)) {
            snprintf(why, whylen, "%s '%s' is not %s", slots[i].name, slots[i].value ? slots[i].value : "(missing)",
                     slots[i].what);
            return NULL;
        }
        return slots[i].value;
    }
    const char *value = NULL;
    bool ok = false;
    if (nlen == 3 && !strncmp(name, "vrf", 3)) {
        value = a->vrf;
        ok = valid_word(value, "_.-", 32);
    } else if (nlen == 5 && !strncmp(name, "iface", 5)) {
        value = a->iface;
        ok = valid_word(value, "/._:-", 64);
    } else if (nlen == 6 && !strncmp(name, "source", 6)) {
        value = a->source;
        ok = valid_address(value) || valid_word(value, "/._:-", 64);
    } else {
        snprintf(why, whylen, "unknown placeholder {%.*s}", (int)nlen, name);
        return NULL;
    }
    if (!ok) {
        snprintf(why, whylen, "%.*s '%s' is not valid", (int)nlen, name, value ? value : "(missing)");
        return NULL;
    }
    return value;
}

/* Drops " source {source}" from a template when no source is given: the device picks one. */
static void expand(const char *tmpl, const probe_args_t *args, char *out, size_t size, char *why, size_t whylen,
                   int *rc)
{
    size_t w = 0;
    *rc = 0;
    for (const char *p = tmpl; *p && *rc == 0;) {
        if (!args->source && strncmp(p, " source {source}", 16) == 0) {
            p += 16;
            continue;
        }
        if (*p != '{') {
            if (w + 1 < size)
                out[w++] = *p;
            p++;
            continue;
        }
        const char *end = strchr(p, '}');
        if (!end) {
            snprintf(why, whylen, "bad template");
            *rc = -1;
            break;
        }
        const char *value = placeholder_value(p + 1, (size_t)(end - p - 1), args, why, whylen);
        if (!value) {
            *rc = -1;
            break;
        }
        size_t n = strlen(value);
        if (w + n + 1 >= size) {
            snprintf(why, whylen, "command too long");
            *rc = -1;
            break;
        }
        memcpy(out + w, value, n);
        w += n;
        p = end + 1;
    }
    out[w < size ? w : size - 1] = '\0';
}

int command_for_probe(const vendor_t *v, probe_id_t probe, const probe_args_t *args, bool structured, char *out,
                      size_t size, char *why, size_t whylen)
{
    const vendor_probe_t *vp = vendor_probe(v, probe);
    if (!vp) {
        snprintf(why, whylen, "%s has no command for the %s probe", v->name, probe_name(probe));
        return -1;
    }
    bool in_vrf = args->vrf && *args->vrf && strcmp(args->vrf, "default") != 0;
    const char *tmpl = structured && vp->structured && !in_vrf ? vp->structured
                       : in_vrf && vp->command_vrf        ? vp->command_vrf
                                                          : vp->command;
    int rc;
    expand(tmpl, args, out, size, why, whylen, &rc);
    if (rc == 0 && !command_allowed(v, out, why, whylen))
        rc = -1;
    return rc;
}
