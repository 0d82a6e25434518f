/* registry.c: vendor tables and command-to-parser resolution. */
#include <ctype.h>
#include <stdio.h>
#include <string.h>

#include "core/vendor_names.h"
#include "parsers/parser.h"
#include "parsers/rx.h"
#include "parsers/vendors.h"

static const parser_vendor_t *const all_vendors[] = {
    &parser_vendor_ios, &parser_vendor_nxos, &parser_vendor_iosxr, &parser_vendor_eos,
    &parser_vendor_junos, &parser_vendor_frr, &parser_vendor_linux, &parser_vendor_windows,
    &parser_vendor_azure, NULL,
};

const parser_vendor_t *const *parser_vendors(void)
{
    return all_vendors;
}

const parser_vendor_t *parser_vendor_find(const char *name)
{
    /* The aliases are core/vendor_names.c's: the inventory takes the same ones. */
    name = vendor_canonical(name);
    for (size_t i = 0; name && all_vendors[i]; i++)
        if (strcmp(name, all_vendors[i]->name) == 0)
            return all_vendors[i];
    return NULL;
}

void parser_normalise_command(const char *command, char *out, size_t size)
{
    size_t w = 0;
    bool space = false;
    for (const char *p = command; *p && w + 1 < size; p++) {
        if (isspace((unsigned char)*p)) {
            space = w > 0;
            continue;
        }
        if (*p == '|' && w > 0)
            space = true; /* "cmd|json" reads like "cmd | json" */
        if (space && w + 2 < size)
            out[w++] = ' ';
        space = false;
        out[w++] = (char)tolower((unsigned char)*p);
        if (*p == '|')
            space = true;
    }
    out[w] = '\0';
    /* Pagers and width settings change nothing in what the parser reads. */
    static const char *const drop[] = {" | no-more", " | nomore", " | no-more |", " | cat"};
    for (size_t i = 0; i < sizeof(drop) / sizeof(drop[0]); i++) {
        char *hit;
        while ((hit = strstr(out, drop[i])) != NULL)
            memmove(hit, hit + strlen(drop[i]), strlen(hit + strlen(drop[i])) + 1);
    }
}

/* The output filters of every platform (the words after a '|' that only narrow what the head
 * prints).  Which of them a platform has is probes/vendor_*.c's `pipes`; the parser only needs to
 * know where the head ends. */
static const char *const filter_words[] = {
    "include", "inc", "in", "i", "exclude", "exc", "ex", "begin", "beg", "be", "section", "sec", "s",
    "count", "match", "except", "grep", "egrep", "find", "last", NULL,
};

static bool is_filter_word(const char *w, size_t len)
{
    for (size_t i = 0; filter_words[i]; i++)
        if (strlen(filter_words[i]) == len && strncmp(filter_words[i], w, len) == 0)
            return true;
    return false;
}

/* Where the first output-filter stage starts in a normalised command (its " | "), or NULL. */
static const char *first_filter(const char *norm, parser_filter_t *f)
{
    for (const char *bar = strstr(norm, " | "); bar; bar = strstr(bar + 1, " | ")) {
        const char *w = bar + 3;
        size_t len = strcspn(w, " |");
        if (!is_filter_word(w, len))
            continue;
        snprintf(f->filter, sizeof(f->filter), "%.*s", (int)len, w);
        f->count = strcmp(f->filter, "count") == 0 || strstr(w, "| count") != NULL;
        return bar;
    }
    return NULL;
}

/* Commands whose output looks like one a parser reads but means something else: an MPLS LSP
 * traceroute prints hops like an IP one, yet its addresses are label-switched routers and its
 * codes are LSP return codes, so reading it as an IP path would judge the wrong thing. */
static const struct {
    const char *pattern;
    const char *reason;
} refused[] = {
    {"^tr(a(c(e(r(o(u(t(e)?)?)?)?)?)?)?)? mpls( |$)", "MPLS LSP traceroute is not an IP trace"},
};

const char *parser_refusal(const char *command)
{
    char norm[CMD_LEN];
    parser_normalise_command(command, norm, sizeof(norm));
    for (size_t i = 0; i < sizeof(refused) / sizeof(refused[0]); i++) {
        rx_t rx = RX(refused[i].pattern);
        bool hit = rx_match(&rx, norm, strlen(norm), NULL);
        rx_free(&rx);
        if (hit)
            return refused[i].reason;
    }
    return NULL;
}

static const parser_def_t *match(const parser_vendor_t *vendor, const char *norm)
{
    for (size_t i = 0; i < vendor->n_parsers; i++) {
        /* Command patterns are matched once per parse, so a compile per lookup is cheap and
         * keeps the vendor tables plain const data. */
        rx_t rx = RX(vendor->parsers[i].pattern);
        bool hit = rx_match(&rx, norm, strlen(norm), NULL);
        rx_free(&rx);
        if (hit)
            return &vendor->parsers[i];
    }
    return NULL;
}

const parser_def_t *parser_resolve(const parser_vendor_t *vendor, const char *command, parser_filter_t *f)
{
    char norm[CMD_LEN];
    parser_filter_t none;
    f = f ? f : &none;
    memset(f, 0, sizeof(*f));
    if (parser_refusal(command))
        return NULL; /* whatever it looks like, no parser may read it */
    parser_normalise_command(command, norm, sizeof(norm));
    const parser_def_t *whole = match(vendor, norm);
    /* A parser written for one filtered form ("show running-config | section router bgp") reads
     * that form's whole answer: it is not a filtered one. */
    if (whole && strstr(whole->pattern, "\\|"))
        return whole;
    parser_filter_t found = {0};
    const char *bar = first_filter(norm, &found);
    if (!bar)
        return whole;
    norm[bar - norm] = '\0';
    const parser_def_t *base = match(vendor, norm);
    if (base) {
        *f = found;
        f->filtered = true;
    }
    return base ? base : whole;
}

const parser_def_t *parser_find(const parser_vendor_t *vendor, const char *command)
{
    return parser_resolve(vendor, command, NULL);
}
