/* cmd_check.c: `erdiag check`: a runbook without the console (being written). */
#include <stdio.h>

#include "cli/cli.h"

static int check_exec(int argc, char **argv)
{
    (void)argc;
    (void)argv;
    fprintf(stderr, "erdiag check: not available in this build\n");
    return 3;
}

const cli_cmd_t cli_cmd_check = {
    .name = "check",
    .usage = "DEVICE --runbook bgp|asym [--reverse-trace FILE] [--azure-routes FILE] [--replay DIR] [--json]",
    .summary = "run a runbook and print each step's verdict (exit 0 OK, 1 WARNING, 2 CRITICAL, 3 UNKNOWN)",
    .exec = check_exec,
};
