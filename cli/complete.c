/* complete.c: `erdiag __complete WORD...`, the hidden helper behind the shell completions
 * (completions/erdiag.bash, completions/_erdiag).  The scripts pass the words after "erdiag" up
 * to the one being completed (the last, maybe empty); this answers from the same option tables
 * that drive getopt and --help, and from the inventory the line names (--inventory, else a
 * --replay directory's device.ini, else the default), so completion can never offer what
 * erdiag would refuse or miss what it takes.
 *
 * Output: "words" or "files" on the first line (files: let the shell complete file names),
 * then one candidate per line, only those that start with the word being completed.
 * An option's value is known by the option's name (group, circuit, vendor) or its argument's
 * (FILE and DIR are file names; "bgp|asym" lists the choices): a new option in a table is
 * completed without a change here. */
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "cli/cli.h"
#include "core/inventory.h"
#include "parsers/parser.h"

typedef struct {
    const cli_cmd_t *cmd;
    const char *cur;     /* the word being completed (after "--option=" when it has one) */
    char prefix[80];     /* printed before each candidate: "--format=" for "--format=m", or "" */
    const char *inventory, *replay;
    int operands;        /* operands before the current word */
    bool kind_said;      /* "words" or "files" is printed */
} complete_t;

static void say_files(complete_t *c)
{
    if (!c->kind_said)
        puts("files");
    c->kind_said = true;
}

static void offer(complete_t *c, const char *word)
{
    if (!c->kind_said)
        puts("words");
    c->kind_said = true;
    if (strncmp(word, c->cur, strlen(c->cur)) == 0)
        printf("%s%s\n", c->prefix, word);
}

static const cli_cmd_t *find_cmd(const char *name)
{
    for (size_t i = 0; cli_cmds[i]; i++)
        if (strcmp(name, cli_cmds[i]->name) == 0)
            return cli_cmds[i];
    return NULL;
}

/* The option a word names ("--runbook", "-b", or "--runbook=bgp" with *value then pointing at
 * "bgp"; else *value is NULL), or NULL. */
static const cli_option_t *option_of(const cli_cmd_t *cmd, const char *word, const char **value)
{
    *value = NULL;
    if (word[0] != '-')
        return NULL;
    const char *eq = word[1] == '-' ? strchr(word, '=') : NULL;
    size_t len = eq ? (size_t)(eq - word) : strlen(word);
    *value = eq ? eq + 1 : NULL;
    for (const cli_option_t *o = cmd->options; o && o->name; o++) {
        if (word[1] == '-' && len == strlen(o->name) + 2 && strncmp(word + 2, o->name, len - 2) == 0)
            return o;
        if (word[1] == o->key && !word[2] && o->key < CLI_LONG_ONLY)
            return o;
    }
    return NULL;
}

/* ---- names from the inventory ---- */

/* The inventory the line being completed would use; loaded quietly (inv empty on failure). */
static void load_inventory(const complete_t *c, inventory_t *inv)
{
    char path[4096], err[800];
    struct stat st;
    const char *home = getenv("HOME");
    if (c->inventory && strncmp(c->inventory, "~/", 2) == 0 && home)
        snprintf(path, sizeof(path), "%s/%s", home, c->inventory + 2);
    else if (c->inventory)
        snprintf(path, sizeof(path), "%s", c->inventory);
    else if (c->replay && snprintf(path, sizeof(path), "%s/device.ini", c->replay) > 0 && stat(path, &st) == 0)
        ; /* a recording names its device */
    else
        inventory_default_path(path, sizeof(path));
    if (inventory_load(inv, path, err, sizeof(err)) != 0)
        memset(inv, 0, sizeof(*inv));
}

typedef enum { NAMES_DEVICES, NAMES_GROUPS, NAMES_CIRCUITS } names_t;

static void offer_names(complete_t *c, names_t which)
{
    inventory_t inv;
    load_inventory(c, &inv);
    for (size_t i = 0; which == NAMES_GROUPS && i < inv.n_groups; i++)
        offer(c, inv.groups[i].name);
    for (size_t i = 0; which != NAMES_GROUPS && i < inv.n_devices; i++) {
        if (which == NAMES_DEVICES)
            offer(c, inv.devices[i].name);
        else if (inventory_circuit_first(&inv, i))
            offer(c, inv.devices[i].circuit);
    }
    inventory_free(&inv);
}

/* ---- what each position takes ---- */

static void offer_value(complete_t *c, const cli_option_t *o)
{
    char choice[64];
    if (!strcmp(o->name, "group") || !strcmp(o->name, "circuit")) {
        offer_names(c, o->name[0] == 'g' ? NAMES_GROUPS : NAMES_CIRCUITS);
    } else if (!strcmp(o->name, "vendor")) {
        for (const parser_vendor_t *const *v = parser_vendors(); *v; v++)
            offer(c, (*v)->name);
    } else if (!strcmp(o->arg, "FILE") || !strcmp(o->arg, "DIR")) {
        say_files(c);
    } else if (strchr(o->arg, '|')) {
        for (const char *p = o->arg; *p; p += strcspn(p, "|"), p += *p == '|') {
            snprintf(choice, sizeof(choice), "%.*s", (int)strcspn(p, "|"), p);
            offer(c, choice);
        }
    }
}

static void offer_options(complete_t *c)
{
    char word[80];
    for (const cli_option_t *o = c->cmd->options; o && o->name; o++) {
        snprintf(word, sizeof(word), "--%s", o->name);
        offer(c, word);
    }
}

/* An operand: what the subcommand takes at that place. */
static void offer_operand(complete_t *c)
{
    const char *name = c->cmd->name;
    if (!strcmp(name, "check") || ((!strcmp(name, "console") || !strcmp(name, "run")) && c->operands == 0)) {
        offer_names(c, NAMES_DEVICES);
    } else if (!strcmp(name, "inventory") && c->operands == 0) {
        offer(c, "check");
        offer(c, "list");
    } else if (!strcmp(name, "report") || !strcmp(name, "parse")) {
        say_files(c);
    }
}

/* An option's value given on the line: the inventory and the replay matter to the names. */
static void note_value(complete_t *c, const cli_option_t *o, const char *value)
{
    if (!strcmp(o->name, "inventory"))
        c->inventory = value;
    else if (!strcmp(o->name, "replay"))
        c->replay = value;
}

/* Reads the words before the current one: the inventory and replay named, operands seen.  The
 * option whose value the current word is, or NULL. */
static const cli_option_t *scan(complete_t *c, int argc, char **argv, int first)
{
    const cli_option_t *pending = NULL;
    for (int i = first; i < argc - 1; i++) {
        const char *value;
        const cli_option_t *o = pending ? NULL : option_of(c->cmd, argv[i], &value);
        if (pending && strcmp(argv[i], "=") != 0) { /* bash splits "--format=md" at the "=" */
            note_value(c, pending, argv[i]);
            pending = NULL;
        } else if (o && o->arg && value) {
            note_value(c, o, value);
        } else if (o && o->arg) {
            pending = o;
        } else if (argv[i][0] != '-' && !pending) {
            c->operands++;
        }
    }
    return pending;
}

/* The words after the subcommand (first: where they start). */
static void complete_args(complete_t *c, int argc, char **argv, int first)
{
    const char *value;
    const cli_option_t *value_of = scan(c, argc, argv, first);
    const cli_option_t *o = value_of ? NULL : option_of(c->cmd, c->cur, &value);
    if (value_of) {
        offer_value(c, value_of);
    } else if (value && (size_t)(value - c->cur) < sizeof(c->prefix)) {
        /* "--format=m" in one word (zsh; bash splits it): values, each after "--format=" */
        snprintf(c->prefix, sizeof(c->prefix), "%.*s", (int)(value - c->cur), c->cur);
        c->cur = value;
        if (o && o->arg)
            offer_value(c, o);
    } else if (c->cur[0] == '-') {
        offer_options(c);
    } else {
        offer_operand(c);
    }
}

int cli_complete(int argc, char **argv)
{
    complete_t c = {.cur = argc > 0 ? argv[argc - 1] : ""};
    const cli_cmd_t *cmd = argc > 1 ? find_cmd(argv[0]) : NULL;
    if (argc <= 1 && c.cur[0] != '-') {
        for (size_t i = 0; cli_cmds[i]; i++)
            offer(&c, cli_cmds[i]->name);
    } else if (argc == 2 && !strcmp(argv[0], "help")) {
        for (size_t i = 0; cli_cmds[i]; i++)
            offer(&c, cli_cmds[i]->name);
    } else {
        /* No subcommand named: the console, whose first word may be a device. */
        c.cmd = cmd ? cmd : &cli_cmd_console;
        if (argc <= 1)
            offer(&c, "--version"); /* besides the console's options, --help among them */
        complete_args(&c, argc, argv, cmd ? 1 : 0);
    }
    if (!c.kind_said)
        puts("words");
    return fflush(stdout) == 0 ? EXIT_OK : EXIT_IO;
}
