/* cmd_console.c: `erdiag [console] [DEVICE] [OPTION...]`: the interactive console.  This file
 * only parses the options (from the table below, like every subcommand) and hands them to
 * tui_console_run(); the console itself is tui/. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>

#include "cli/cli.h"
#include "cli/options.h"
#include "core/sanitize.h"
#include "tui/console.h"

enum { OPT_NO_COLOR = CLI_LONG_ONLY, OPT_THEME };

static const cli_option_t console_options[] = {
    {"runbook", 'b', "bgp|asym", "bgp (BGP session failure, the default) or asym (asymmetric routing)"},
    {"family", 'f', "ipv4|ipv6", "the peering judged first on a dual-stack device (f switches; default ipv4)"},
    {"circuit", 'C', "NAME", "open on circuit NAME: both links side by side, the circuit step on top"},
    {"inventory", 'i', "FILE", "the inventory (default $XDG_CONFIG_HOME/erdiag/inventory.ini)"},
    {"replay", 'r', "DIR", "answer from a recording or scenario instead of the device"},
    {"demo", 'd', NULL, "the bundled scenarios, replayed live (DEVICE names one; none: a picker)"},
    {"theme", OPT_THEME, "NAME", "colour theme (default, dark, light, high-contrast, mono, or your own)"},
    {"interval", 'n', "SECONDS", "between two live polls of every probe (default 5; the demo: 2)"},
    {"no-color", OPT_NO_COLOR, NULL, "no colour at all (also when NO_COLOR is set)"},
    {"accept-new", 'a', NULL, "accept and save an unknown host key without asking"},
    {"no-journal", 'J', NULL, "write no session journal ($XDG_STATE_HOME/erdiag/sessions)"},
    {"keep-secrets", 'K', NULL, "journal raw answers unredacted (file 0600; reports still redact)"},
    {"help", 'h', NULL, "show this help"},
    {NULL, 0, NULL, NULL},
};

static int bad(const char *what, const char *value)
{
    sanitize_fprintf(stderr, "erdiag console: %s '%s'\n", what, value);
    return EXIT_USAGE;
}

/* One option's value: 0, or EXIT_USAGE after saying why. */
static int parse_option(tui_opts_t *o, int opt)
{
    char *end;
    switch (opt) {
    case 'b':
        o->has_runbook = runbook_from_name(optarg, &o->runbook);
        return o->has_runbook ? 0 : bad("unknown runbook (bgp or asym):", optarg);
    case 'f':
        o->family = family_from_name(optarg);
        return o->family ? 0 : bad("--family (ipv4 or ipv6):", optarg);
    case 'i': o->inventory = optarg; return 0;
    case 'C': o->circuit = optarg; return 0;
    case 'r': o->replay = optarg; return 0;
    case 'd': o->demo = true; return 0;
    case OPT_THEME: o->theme = optarg; return 0;
    case OPT_NO_COLOR: o->no_color = true; return 0;
    case 'a': o->accept_new = true; return 0;
    case 'J': o->no_journal = true; return 0;
    case 'K': o->keep_secrets = true; return 0;
    case 'n':
        errno = 0;
        o->interval = strtod(optarg, &end);
        if (errno || end == optarg || *end || !(o->interval >= 1 && o->interval <= 3600))
            return bad("--interval: a number of seconds from 1 to 3600, not", optarg);
        return 0;
    default: return EXIT_USAGE;
    }
}

/* 0 to go on, -1 after --help, EXIT_USAGE for a usage error (said on stderr). */
static int parse_options(int argc, char **argv, tui_opts_t *o)
{
    cli_getopt_t g;
    int opt;
    cli_getopt_init(&g, &cli_cmd_console);
    while ((opt = cli_getopt_next(&g, argc, argv)) != -1) {
        if (opt == 'h') {
            cli_usage(stdout, &cli_cmd_console);
            return -1;
        }
        if (opt == '?' || parse_option(o, opt) != 0)
            return EXIT_USAGE;
    }
    if (argc - optind > 1) {
        sanitize_fprintf(stderr, "erdiag console: one DEVICE only ('%s' is one too many)\n", argv[optind + 1]);
        return EXIT_USAGE;
    }
    o->device = optind < argc ? argv[optind] : NULL;
    if (o->demo && o->replay) {
        fprintf(stderr, "erdiag console: --demo replays the bundled scenarios: it takes no --replay\n");
        return EXIT_USAGE;
    }
    return 0;
}

static int console_exec(int argc, char **argv)
{
    tui_opts_t o = {.runbook = RUNBOOK_BGP};
    int rc = parse_options(argc, argv, &o);
    if (rc != 0)
        return rc < 0 ? EXIT_OK : rc;
    return tui_console_run(&o);
}

const cli_cmd_t cli_cmd_console = {
    .name = "console",
    .usage = "[DEVICE] [OPTION...]",
    .summary = "the interactive console (also: erdiag with no command, or erdiag DEVICE)",
    .options = console_options,
    .epilog = "Without DEVICE the console opens the device picker (with --demo: the scenarios).\n"
              "exit: 0 after quitting, 2 usage error, 3 no terminal to use\n",
    .exec = console_exec,
};
