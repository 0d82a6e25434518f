/* cli.h: subcommands.  Each lives in its own file as a const cli_cmd_t (after tmux's
 * cmd_entry); main() finds it by name and --help is generated from the same table. */
#ifndef ERDIAG_CLI_H
#define ERDIAG_CLI_H

typedef struct {
    const char *name;
    const char *usage;   /* arguments after the name */
    const char *summary; /* one line for --help */
    int (*exec)(int argc, char **argv); /* argv[0] is the subcommand name */
} cli_cmd_t;

extern const cli_cmd_t cli_cmd_parse;
extern const cli_cmd_t cli_cmd_run;
extern const cli_cmd_t cli_cmd_check;

/* Exit codes shared by every subcommand. */
enum {
    EXIT_OK = 0,
    EXIT_PARSE_ERROR = 1, /* the input could not be understood at all */
    EXIT_USAGE = 2,       /* unknown vendor, command, option */
    EXIT_IO = 3,          /* a file could not be read or written */
};

#endif
