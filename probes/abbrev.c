/* abbrev.c: writing out abbreviated "show" commands (see probes/abbrev.h for the rules). */
#include "probes/abbrev.h"

#include <ctype.h>
#include <stdio.h>
#include <string.h>
#include <strings.h>

#include "probes/command.h"
#include "probes/pipeline.h"

/* A keyword, the shortest abbreviation of it erdiag writes out, and where it applies: after
 * the word prev somewhere earlier in the head only (NULL: anywhere), on the platform vendor
 * only (NULL: every platform).  The first row that fits wins, so the narrower rows come first. */
typedef struct {
    const char *full;
    size_t min;
    const char *prev;
    const char *vendor;
} keyword_t;

static const keyword_t keywords[] = {
    {"interface", 3, "ip", NULL},
    {"interface", 3, "ipv4", NULL},
    {"interface", 3, "ipv6", NULL},
    {"interface", 3, NULL, "nxos"},
    {"interface", 3, NULL, "frr"},
    {"interfaces", 3, NULL, NULL},
    {"neighbor", 3, NULL, "junos"},
    {"neighbors", 3, NULL, NULL},
    {"summary", 3, NULL, NULL},
    {"brief", 2, NULL, NULL},
    {"running-config", 3, NULL, NULL},
    {"configuration", 4, NULL, "junos"},
    {"route", 2, NULL, NULL},
    {"detail", 3, NULL, NULL},
    {"version", 3, NULL, NULL},
    {"advertised-routes", 3, NULL, NULL},
    {"received-routes", 4, NULL, NULL},
    {"prefix-list", 3, NULL, NULL},
    {"unicast", 3, NULL, NULL},
    {"peers", 3, NULL, "eos"},
};

/* Words after which the rest of the head is a configuration path the device resolves
 * ("show running-config interface Gi0/1", "... router bgp 65010 neighbor X"). */
static const char *const config_heads[] = {"running-config", "configuration", NULL};

/* Words whose next word is a name the user chose (a VRF called "sum" stays "sum"). */
static const char *const takes_name[] = {
    "vrf", "prefix-list", "route-map", "regexp", "instance", "routing-instance", "table", "logical-system",
    "community", "filter-list", "policy", NULL,
};

static bool is_keyword_shaped(const char *w, size_t len)
{
    for (size_t i = 0; i < len; i++)
        if (!isalpha((unsigned char)w[i]) && w[i] != '-')
            return false;
    return len > 0;
}

static bool word_is(const char *w, size_t len, const char *full)
{
    return full && strlen(full) == len && strncasecmp(full, w, len) == 0;
}

static bool word_in(const char *w, size_t len, const char *const *list)
{
    for (size_t i = 0; list[i]; i++)
        if (word_is(w, len, list[i]))
            return true;
    return false;
}

/* A word already written out as some platform's keyword stays as typed: the device knows its
 * own words, and FRR's "interface" is not "interfaces" cut short. */
static bool is_full_keyword(const char *w, size_t len)
{
    for (size_t i = 0; i < sizeof(keywords) / sizeof(keywords[0]); i++)
        if (word_is(w, len, keywords[i].full))
            return true;
    return false;
}

/* The next word of head[0..len) at or after *at: its start (moved into *at) and its length,
 * 0 at the end. */
static size_t next_word(const char *head, size_t len, size_t *at)
{
    while (*at < len && (head[*at] == ' ' || head[*at] == '\t'))
        (*at)++;
    size_t n = 0;
    while (*at + n < len && head[*at + n] != ' ' && head[*at + n] != '\t')
        n++;
    return n;
}

/* True when the word want stands among the head's words before the current one. */
static bool said_before(const char *head, size_t upto, const char *want)
{
    size_t n;
    for (size_t i = 0; (n = next_word(head, upto, &i)) != 0; i += n)
        if (word_is(head + i, n, want))
            return true;
    return false;
}

/* The full keyword the word at head[at..at+len) abbreviates, or NULL to keep it as typed. */
static const char *expansion(const vendor_t *v, const char *head, size_t at, size_t len, const char *prev,
                             size_t plen)
{
    const char *w = head + at;
    if (!is_keyword_shaped(w, len) || word_in(prev, plen, takes_name) || is_full_keyword(w, len))
        return NULL;
    for (size_t i = 0; i < sizeof(keywords) / sizeof(keywords[0]); i++) {
        const keyword_t *k = &keywords[i];
        if ((k->prev && !said_before(head, at, k->prev)) || (k->vendor && strcmp(k->vendor, v->name) != 0))
            continue;
        if (len >= k->min && len <= strlen(k->full) && strncasecmp(k->full, w, len) == 0)
            return k->full;
    }
    return NULL;
}

static int put(char *out, size_t size, size_t *w, const char *s, size_t n)
{
    if (*w + n + 1 > size)
        return -1;
    memcpy(out + *w, s, n);
    *w += n;
    out[*w] = '\0';
    return 0;
}

/* The head's words, written out where they abbreviate a keyword, separated by one blank. */
static int expand_head(const vendor_t *v, const char *head, size_t hlen, char *out, size_t size, size_t *w)
{
    const char *prev = "";
    size_t plen = 0;
    bool config_path = false;
    size_t n;
    for (size_t i = 0; (n = next_word(head, hlen, &i)) != 0; i += n) {
        const char *full = *w == 0 ? "show" : config_path ? NULL : expansion(v, head, i, n, prev, plen);
        if ((*w && put(out, size, w, " ", 1)) || put(out, size, w, full ? full : head + i, full ? strlen(full) : n))
            return -1;
        config_path = config_path || word_in(full ? full : head + i, full ? strlen(full) : n, config_heads);
        prev = head + i;
        plen = n;
    }
    return 0;
}

static bool abbreviates_show(const char *w, size_t len)
{
    return len >= 2 && len <= 4 && strncasecmp("show", w, len) == 0;
}

int command_expand(const vendor_t *v, const char *command, char *out, size_t size)
{
    pipeline_t p;
    char why[128];
    size_t first = strspn(command, " \t"), n = strcspn(command + first, " \t|");
    if (size == 0)
        return -1;
    out[0] = '\0';
    if (!v->abbreviations || !abbreviates_show(command + first, n) || pipeline_split(command, &p, why, sizeof(why)))
        return snprintf(out, size, "%s", command) < (int)size ? 0 : -1;
    size_t w = 0;
    if (expand_head(v, p.stage[0].text, p.stage[0].len, out, size, &w) != 0)
        return -1;
    /* the stages after the head, as typed: the pipeline check reads them */
    const char *rest = p.stage[0].text + p.stage[0].len;
    size_t rlen = strlen(rest);
    while (rlen && (rest[rlen - 1] == ' ' || rest[rlen - 1] == '\t'))
        rlen--;
    return put(out, size, &w, rest, rlen);
}

bool command_expand_allowed(const vendor_t *v, const char *command, char *out, size_t size, char *why,
                            size_t whylen)
{
    if (!v || !command) {
        snprintf(why, whylen, "no platform or no command");
        return false;
    }
    if (command_expand(v, command, out, size) != 0) {
        snprintf(why, whylen, "command too long once its abbreviations are written out");
        return false;
    }
    return command_allowed(v, out, why, whylen);
}
