/* main.c: erdiag's entry point: global options and subcommand dispatch.  What is not a
 * subcommand opens the console: no argument, an option, or a device name (unless it looks like
 * a mistyped subcommand, which is said). */
#include <stdbool.h>
#include <stdio.h>
#include <string.h>

#include "cli/cli.h"
#include "cli/options.h"
#include "core/suggest.h"
#include "config.h"
#include "core/sanitize.h"

const cli_cmd_t *const cli_cmds[] = {
    &cli_cmd_parse,
    &cli_cmd_run,
    &cli_cmd_check,
    &cli_cmd_report,
    &cli_cmd_inventory,
    &cli_cmd_console,
    NULL,
};

static void usage(FILE *out)
{
    fprintf(out,
            "erdiag %s: diagnostics for the customer edge of ExpressRoute circuits (and any eBGP edge)\n\n"
            "usage: erdiag [--version | --help] COMMAND [ARGS]\n"
            "       erdiag [DEVICE] [OPTION...]     the console (erdiag console --help)\n"
            "       erdiag help COMMAND\n\ncommands:\n",
            PACKAGE_VERSION);
    for (size_t i = 0; cli_cmds[i]; i++)
        fprintf(out, "  %-10s %s\n", cli_cmds[i]->name, cli_cmds[i]->summary);
    fprintf(out, "\n'erdiag COMMAND --help' lists a command's options; erdiag(1) has the details, the\n"
                 "inventory, the environment, the files and the exit statuses.\n");
}

static const cli_cmd_t *find_cmd(const char *name)
{
    for (size_t i = 0; cli_cmds[i]; i++)
        if (strcmp(name, cli_cmds[i]->name) == 0)
            return cli_cmds[i];
    return NULL;
}

/* The subcommand name is close to (a typo), or NULL. */
static const char *close_cmd(const char *name)
{
    suggest_t s;
    suggest_init(&s, name);
    for (size_t i = 0; cli_cmds[i]; i++)
        suggest_offer(&s, cli_cmds[i]->name);
    return suggest_best(&s);
}

static int unknown_cmd(const char *name)
{
    const char *best = close_cmd(name);
    if (best)
        sanitize_fprintf(stderr, "erdiag: unknown command '%s'; did you mean '%s'? (a device called so: erdiag console %s)\n",
                         name, best, name);
    else
        sanitize_fprintf(stderr, "erdiag: unknown command '%s' (erdiag --help lists them)\n", name);
    return EXIT_USAGE;
}

int main(int argc, char **argv)
{
    if (argc < 2)
        return cli_cmd_console.exec(argc, argv);
    if (strcmp(argv[1], "__complete") == 0) /* hidden: the shell completions ask it */
        return cli_complete(argc - 2, argv + 2);
    if (strcmp(argv[1], "--version") == 0 || strcmp(argv[1], "-V") == 0) {
        printf("erdiag %s\n", PACKAGE_VERSION);
        return EXIT_OK;
    }
    bool help = strcmp(argv[1], "--help") == 0 || strcmp(argv[1], "-h") == 0 || strcmp(argv[1], "help") == 0;
    if (help && argc > 2) {
        const cli_cmd_t *cmd = find_cmd(argv[2]);
        if (!cmd)
            return unknown_cmd(argv[2]);
        cli_usage(stdout, cmd);
        return EXIT_OK;
    }
    if (help) {
        usage(stdout);
        return EXIT_OK;
    }
    const cli_cmd_t *cmd = find_cmd(argv[1]);
    if (cmd)
        return cmd->exec(argc - 1, argv + 1);
    /* An option or a device name: the console, with argv[0] standing for its name. */
    if (argv[1][0] == '-' || !close_cmd(argv[1]))
        return cli_cmd_console.exec(argc, argv);
    return unknown_cmd(argv[1]);
}
