/* command.c: template expansion, value validation, and the read-only allowlist: the line as a
 * whole (characters, length), its head (the vendor's read-only shapes), then its stages
 * (probes/pipeline.c). */
#include "probes/command.h"

#include <ctype.h>
#include <stdio.h>
#include <string.h>
#include <strings.h>

#include "core/prefix.h"
#include "probes/pattern.h"
#include "probes/pipeline.h"

/* The longest command erdiag sends. */
#define COMMAND_MAX 512

/* Words no read-only head ever holds: where a platform lets a command write without a '|'
 * (or a future one does), the word that does it is one of these. */
static const char *const head_write_words[] = {
    "redirect", "tee", "append", "save", "copy", "write", "xargs", "bash", "python", NULL,
};

/* Control characters, anything beyond ASCII (lookalikes of '|' or of keywords), and what a
 * shell or the CLI reads as syntax: a command separator, a substitution, a redirection. */
static bool has_control_or_shell(const char *s, char *why, size_t whylen)
{
    for (const char *p = s; *p; p++) {
        unsigned char c = (unsigned char)*p;
        if (c < 0x20 || c == 0x7f) {
            snprintf(why, whylen, "control character (0x%02x) in the command", c);
            return true;
        }
        if (c > 0x7f) {
            snprintf(why, whylen, "non-ASCII byte (0x%02x) in the command", c);
            return true;
        }
        if (strchr(";`$&<>{}!\\", c)) {
            snprintf(why, whylen, "character '%c' is not allowed in a command", c);
            return true;
        }
    }
    return false;
}

/* A vendor that names its characters (a Linux shell) takes nothing else. */
static bool outside_charset(const vendor_t *v, const char *s, char *why, size_t whylen)
{
    for (const char *p = s; v->charset && *p; p++)
        if (!isalnum((unsigned char)*p) && !strchr(v->charset, *p)) {
            snprintf(why, whylen, "character '%c' is not allowed in a %s command", *p, v->name);
            return true;
        }
    return false;
}

static bool line_plain(const vendor_t *v, const char *command, char *why, size_t whylen)
{
    if (!command || !*command) {
        snprintf(why, whylen, "empty command");
        return false;
    }
    if (strlen(command) > COMMAND_MAX) {
        snprintf(why, whylen, "command longer than %d characters", COMMAND_MAX);
        return false;
    }
    return !has_control_or_shell(command, why, whylen) && !outside_charset(v, command, why, whylen);
}

static bool head_names_write_word(const pipe_stage_t *head, char *why, size_t whylen)
{
    for (size_t i = 0; i < head->len;) {
        size_t n = strcspn(head->text + i, " ");
        if (n > head->len - i)
            n = head->len - i;
        for (size_t k = 0; head_write_words[k]; k++)
            if (strlen(head_write_words[k]) == n && strncasecmp(head_write_words[k], head->text + i, n) == 0) {
                snprintf(why, whylen, "'%.*s' names '%s': a read-only command never does", (int)head->len,
                         head->text, head_write_words[k]);
                return true;
            }
        i += n + 1;
    }
    return false;
}

static bool head_allowed(const vendor_t *v, const pipe_stage_t *head, char *why, size_t whylen)
{
    if (pattern_match_any(v->allow, head->text, head->len, NULL) < 0) {
        snprintf(why, whylen, "'%.*s' is not a read-only %s command erdiag allows", (int)head->len, head->text,
                 v->name);
        return false;
    }
    return !head_names_write_word(head, why, whylen);
}

bool command_allowed(const vendor_t *v, const char *command, char *why, size_t whylen)
{
    pipeline_t p;
    return line_plain(v, command, why, whylen) && pipeline_split(command, &p, why, whylen) == 0 &&
           head_allowed(v, &p.stage[0], why, whylen) && pipeline_filters_allowed(v, &p, why, whylen);
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

/* The raw value a placeholder names (NULL when the caller gave none). */
static const char *arg_named(const probe_args_t *a, const char *name, size_t n)
{
    const struct {
        const char *name, *value;
    } args[] = {{"peer", a->peer},     {"prefix", a->prefix}, {"target", a->target},
                {"source", a->source}, {"iface", a->iface},   {"vrf", a->vrf}};
    for (size_t i = 0; i < sizeof(args) / sizeof(args[0]); i++)
        if (strlen(args[i].name) == n && !strncmp(args[i].name, name, n))
            return args[i].value;
    return NULL;
}

/* An optional part "[ source {source}]" stays only when every placeholder in it has a value:
 * without one the device picks for itself (its egress interface's address, which for a
 * connected peer is the session's own). */
static bool optional_filled(const char *open, const char *close, const probe_args_t *a)
{
    for (const char *p = open; p < close; p++) {
        const char *end = *p == '{' ? memchr(p, '}', (size_t)(close - p)) : NULL;
        if (!end)
            continue;
        const char *v = arg_named(a, p + 1, (size_t)(end - p - 1));
        if (!v || !*v)
            return false;
        p = end;
    }
    return true;
}

static void expand(const char *tmpl, const probe_args_t *args, char *out, size_t size, char *why, size_t whylen,
                   int *rc)
{
    size_t w = 0;
    *rc = 0;
    for (const char *p = tmpl; *p && *rc == 0;) {
        if (*p == '[' || *p == ']') {
            const char *close = *p == '[' ? strchr(p, ']') : NULL;
            p = close && !optional_filled(p, close, args) ? close + 1 : p + 1;
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
    family_t family = args->family == FAMILY_IPV6 ? FAMILY_IPV6 : FAMILY_IPV4;
    const vendor_probe_t *vp = vendor_probe_for(v, probe, args->vrf, family);
    bool in_vrf = args->vrf && *args->vrf && strcmp(args->vrf, "default") != 0;
    if (!vp) {
        bool six = family == FAMILY_IPV6 && vendor_probe(v, probe); /* IPv4 has one, IPv6 not */
        snprintf(why, whylen, "%s has no %scommand for the %s probe%s", v->name, six ? "IPv6 " : "",
                 probe_name(probe), in_vrf ? " inside a VRF" : "");
        return -1;
    }
    const char *tmpl = structured && vp->structured && !in_vrf ? vp->structured
                       : in_vrf && vp->command_vrf        ? vp->command_vrf
                                                          : vp->command;
    int rc;
    expand(tmpl, args, out, size, why, whylen, &rc);
    if (rc == 0 && !command_allowed(v, out, why, whylen))
        rc = -1;
    return rc;
}
