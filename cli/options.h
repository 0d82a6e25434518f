/* options.h: parsing a subcommand's options from its table (cli.h: cli_option_t), and the
 * usage text written from the same table. */
#ifndef ERDIAG_OPTIONS_H
#define ERDIAG_OPTIONS_H

#include <getopt.h>
#include <stdio.h>

#include "cli/cli.h"

#define CLI_MAX_OPTIONS 24

typedef struct {
    const cli_cmd_t *cmd;
    struct option longopts[CLI_MAX_OPTIONS + 1];
    char shortopts[3 * CLI_MAX_OPTIONS + 2];
} cli_getopt_t;

/* Builds getopt_long's tables from cmd->options and resets getopt (optind = 1). */
void cli_getopt_init(cli_getopt_t *g, const cli_cmd_t *cmd);
/* The next option's key (optarg set for one with an argument), -1 after the last, or '?'
 * after telling the user on stderr what was wrong: an unknown option (with the closest known
 * one when it looks like a typo), an ambiguous abbreviation, a missing argument. */
int cli_getopt_next(cli_getopt_t *g, int argc, char **argv);
/* "usage: erdiag CMD USAGE", the summary, one line per option, the epilog. */
void cli_usage(FILE *out, const cli_cmd_t *cmd);

#endif
