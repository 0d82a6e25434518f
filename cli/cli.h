/* cli.h: subcommands.  Each lives in its own file as a const cli_cmd_t (after tmux's
 * cmd_entry) with a table of its options: main() finds the subcommand by name, and the same
 * table drives getopt_long, `erdiag CMD --help` and the "did you mean" of a mistyped option
 * (cli/options.c), so the help can never list an option the parser does not take, or miss
 * one it does. */
#ifndef ERDIAG_CLI_H
#define ERDIAG_CLI_H

/* Keys of options without a short letter start here. */
#define CLI_LONG_ONLY 256

typedef struct {
    const char *name; /* the long name, without "--"; NULL ends a table */
    int key;          /* its short letter, or CLI_LONG_ONLY + n: what cli_getopt_next returns */
    const char *arg;  /* the argument's name ("FILE"), NULL for a flag */
    const char *help; /* one line */
} cli_option_t;

typedef struct {
    const char *name;
    const char *usage;           /* operands and required options, after the name */
    const char *summary;         /* one line for erdiag --help */
    const cli_option_t *options; /* ends with a NULL name */
    const char *epilog;          /* printed after the options by --help (exit statuses), or NULL */
    int (*exec)(int argc, char **argv); /* argv[0] is the subcommand name */
} cli_cmd_t;

extern const cli_cmd_t cli_cmd_parse;
extern const cli_cmd_t cli_cmd_run;
extern const cli_cmd_t cli_cmd_check;
extern const cli_cmd_t cli_cmd_report;
extern const cli_cmd_t cli_cmd_console;
extern const cli_cmd_t cli_cmd_inventory;
/* Every subcommand, NULL-terminated, in the order erdiag --help lists them (cli/main.c). */
extern const cli_cmd_t *const cli_cmds[];

/* `erdiag __complete WORD...` for the shell completions (cli/complete.c): argv holds the words
 * after "erdiag", the last being the one completed.  Returns the exit status. */
int cli_complete(int argc, char **argv);

/* Exit codes shared by every subcommand. */
enum {
    EXIT_OK = 0,
    EXIT_PARSE_ERROR = 1, /* the input could not be understood at all */
    EXIT_USAGE = 2,       /* unknown vendor, command, option */
    EXIT_IO = 3,          /* a file could not be read or written */
};

#endif
