/* main.c: erdiag's entry point: global options and subcommand dispatch. */
#include <stdio.h>
#include <string.h>

#include "cli/cli.h"
#include "config.h"
#include "core/sanitize.h"

static const cli_cmd_t *const cli_cmds[] = {
    &cli_cmd_parse,
    &cli_cmd_run,
    &cli_cmd_check,
    NULL,
};

static void usage(FILE *out)
{
    fprintf(out,
            "erdiag %s: diagnostics for the customer edge of ExpressRoute circuits (and any eBGP edge)\n\n"
            "usage: erdiag [--version | --help] COMMAND [ARGS]\n\ncommands:\n",
            PACKAGE_VERSION);
    for (size_t i = 0; cli_cmds[i]; i++)
        fprintf(out, "  erdiag %s %s\n      %s\n", cli_cmds[i]->name, cli_cmds[i]->usage, cli_cmds[i]->summary);
    fprintf(out, "\nSee erdiag(1) for the details, exit codes and the JSON contract.\n");
}

int main(int argc, char **argv)
{
    if (argc < 2) {
        usage(stderr);
        return EXIT_USAGE;
    }
    if (strcmp(argv[1], "--version") == 0 || strcmp(argv[1], "-V") == 0) {
        printf("erdiag %s\n", PACKAGE_VERSION);
        return EXIT_OK;
    }
    if (strcmp(argv[1], "--help") == 0 || strcmp(argv[1], "-h") == 0 || strcmp(argv[1], "help") == 0) {
        usage(stdout);
        return EXIT_OK;
    }
    for (size_t i = 0; cli_cmds[i]; i++)
        if (strcmp(argv[1], cli_cmds[i]->name) == 0)
            return cli_cmds[i]->exec(argc - 1, argv + 1);
    sanitize_fprintf(stderr, "erdiag: unknown command '%s' (try erdiag --help)\n", argv[1]);
    return EXIT_USAGE;
}
