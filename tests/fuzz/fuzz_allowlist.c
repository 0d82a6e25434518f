/* fuzz_allowlist.c: a libFuzzer target over the read-only allowlist of every platform.
 *
 * The first byte picks the platform, the rest is the command line.  Property: whatever
 * command_allowed() lets through holds no forbidden character (none at all outside the
 * platform's charset), and no stage after the head begins with a word that writes or runs
 * something: neither as the splitter cuts it, nor (checked independently of the splitter) as
 * the first word after any '|'.  A violation aborts. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "probes/command.h"
#include "probes/pipeline.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static const vendor_t *const vendors[] = {
    &vendor_ios, &vendor_nxos, &vendor_iosxr, &vendor_eos, &vendor_junos, &vendor_frr, &vendor_linux,
};

/* The words that must never start a stage, spelled out here rather than taken from the splitter. */
static const char *const never_after_pipe[] = {
    "redirect", "tee", "append", "save", "request", "file", "copy", "write", "sed", "awk", "xargs",
    "sh", "bash", "python", "perl", "run", "vsh", "email", "utility", "start", "exec", NULL,
};

static void violation(const vendor_t *v, const char *line, const char *what)
{
    fprintf(stderr, "allowlist property broken on %s: %s\n  line: '%s'\n", v->name, what, line);
    abort();
}

static bool forbidden_char(const vendor_t *v, unsigned char c)
{
    bool alnum = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
    if (c < 0x20 || c >= 0x7f || strchr(";`$&<>{}!\\", c))
        return true;
    return v->charset && !alnum && !strchr(v->charset, c);
}

/* The first letters-and-digits word after the '|' at bar, past any blanks or punctuation. */
static bool pipe_then_write_word(const char *bar)
{
    const char *w = bar + 1;
    while (*w && *w != '|' && !((*w >= 'a' && *w <= 'z') || (*w >= 'A' && *w <= 'Z') || (*w >= '0' && *w <= '9')))
        w++;
    size_t n = strspn(w, "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789");
    for (size_t i = 0; never_after_pipe[i]; i++)
        if (strlen(never_after_pipe[i]) == n && strncasecmp(never_after_pipe[i], w, n) == 0)
            return true;
    return false;
}

static void check_allowed_line(const vendor_t *v, const char *line)
{
    char why[512];
    if (strlen(line) > 512)
        violation(v, line, "longer than 512");
    for (const char *p = line; *p; p++) {
        if (forbidden_char(v, (unsigned char)*p))
            violation(v, line, "forbidden character");
        if (*p == '|' && pipe_then_write_word(p))
            violation(v, line, "a write word after a '|'");
    }
    pipeline_t pl;
    if (pipeline_split(line, &pl, why, sizeof(why)) != 0)
        violation(v, line, "allowed but cannot be split");
    for (size_t i = 1; i < pl.n; i++)
        if (pl.stage[i].len == 0 || pipeline_stage_writes(&pl.stage[i]))
            violation(v, line, "an empty or writing stage");
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size < 1 || size > 2048)
        return 0;
    const vendor_t *v = vendors[data[0] % (sizeof(vendors) / sizeof(vendors[0]))];
    char *line = malloc(size);
    if (!line)
        return 0;
    memcpy(line, data + 1, size - 1);
    line[size - 1] = '\0';
    char why[512];
    if (command_allowed(v, line, why, sizeof(why)))
        check_allowed_line(v, line);
    free(line);
    return 0;
}
