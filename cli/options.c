/* options.c: getopt_long driven by a subcommand's option table, the --help text written from
 * the same table, and errors that say what was meant. */
#include "cli/options.h"

#include <stdbool.h>
#include <string.h>

#include "core/suggest.h"
#include "core/sanitize.h"

void cli_getopt_init(cli_getopt_t *g, const cli_cmd_t *cmd)
{
    memset(g, 0, sizeof(*g));
    g->cmd = cmd;
    size_t w = 0, n = 0;
    g->shortopts[w++] = ':'; /* a missing argument returns ':' so that it is told apart */
    for (const cli_option_t *o = cmd->options; o && o->name && n < CLI_MAX_OPTIONS; o++, n++) {
        g->longopts[n] = (struct option){o->name, o->arg ? required_argument : no_argument, NULL, o->key};
        if (o->key < CLI_LONG_ONLY) {
            g->shortopts[w++] = (char)o->key;
            if (o->arg)
                g->shortopts[w++] = ':';
        }
    }
    g->shortopts[w] = '\0';
    optind = 1;
    opterr = 0;
}

static const cli_option_t *by_key(const cli_cmd_t *cmd, int key)
{
    for (const cli_option_t *o = cmd->options; o && o->name; o++)
        if (o->key == key)
            return o;
    return NULL;
}

/* "--runbok=x" -> "runbok" in buf. */
static const char *bare_name(const char *arg, char *buf, size_t size)
{
    arg += strspn(arg, "-");
    snprintf(buf, size, "%.*s", (int)strcspn(arg, "="), arg);
    return buf;
}

/* An unknown or ambiguous long option: the options it abbreviates, or the closest name. */
static void unknown_long(const cli_cmd_t *cmd, const char *arg)
{
    char name[SUGGEST_MAX_LEN + 1], also[400] = "";
    size_t len = strlen(bare_name(arg, name, sizeof(name))), w = 0, prefixes = 0;
    suggest_t s;
    suggest_init(&s, name);
    for (const cli_option_t *o = cmd->options; o && o->name; o++) {
        suggest_offer(&s, o->name);
        if (len && strncmp(o->name, name, len) == 0 && w < sizeof(also) && ++prefixes)
            w += (size_t)snprintf(also + w, sizeof(also) - w, "%s--%s", w ? ", " : "", o->name);
    }
    const char *best = suggest_best(&s);
    if (prefixes > 1)
        sanitize_fprintf(stderr, "erdiag %s: ambiguous option '%s': %s?\n", cmd->name, arg, also);
    else if (best)
        sanitize_fprintf(stderr, "erdiag %s: unrecognized option '%s'; did you mean --%s?\n", cmd->name, arg, best);
    else
        sanitize_fprintf(stderr, "erdiag %s: unrecognized option '%s' (erdiag %s --help lists the options)\n", cmd->name,
                         arg, cmd->name);
}

int cli_getopt_next(cli_getopt_t *g, int argc, char **argv)
{
    int key = getopt_long(argc, argv, g->shortopts, g->longopts, NULL);
    if (key == ':') {
        const cli_option_t *o = by_key(g->cmd, optopt);
        sanitize_fprintf(stderr, "erdiag %s: --%s needs an argument (%s)\n", g->cmd->name, o ? o->name : "?",
                         o && o->arg ? o->arg : "?");
        return '?';
    }
    if (key != '?')
        return key;
    const cli_option_t *o = optopt ? by_key(g->cmd, optopt) : NULL;
    if (o) /* "--json=x": a flag given an argument */
        sanitize_fprintf(stderr, "erdiag %s: --%s takes no argument\n", g->cmd->name, o->name);
    else if (optopt && optopt < CLI_LONG_ONLY)
        sanitize_fprintf(stderr, "erdiag %s: unrecognized option '-%c' (erdiag %s --help lists the options)\n",
                         g->cmd->name, optopt, g->cmd->name);
    else
        unknown_long(g->cmd, argv[optind - 1]);
    return '?';
}

/* "  -b, --runbook bgp|asym" for o. */
static void option_words(const cli_option_t *o, char *buf, size_t size)
{
    char letter[8] = "    ";
    if (o->key < CLI_LONG_ONLY)
        snprintf(letter, sizeof(letter), "-%c, ", o->key);
    snprintf(buf, size, "  %s--%s%s%s", letter, o->name, o->arg ? " " : "", o->arg ? o->arg : "");
}

void cli_usage(FILE *out, const cli_cmd_t *cmd)
{
    char words[160];
    int col = 0;
    for (const cli_option_t *o = cmd->options; o && o->name; o++) {
        option_words(o, words, sizeof(words));
        col = (int)strlen(words) > col ? (int)strlen(words) : col;
    }
    fprintf(out, "usage: erdiag %s %s\n%s\n", cmd->name, cmd->usage, cmd->summary);
    if (cmd->options && cmd->options->name)
        fprintf(out, "\noptions:\n");
    for (const cli_option_t *o = cmd->options; o && o->name; o++) {
        option_words(o, words, sizeof(words));
        fprintf(out, "%-*s  %s\n", col, words, o->help);
    }
    if (cmd->epilog)
        fprintf(out, "\n%s", cmd->epilog);
}
