/* cmd_parse.c: `erdiag parse`: saved CLI output -> the JSON contract. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cli/cli.h"
#include "cli/options.h"
#include "core/json_stream.h"
#include "core/sanitize.h"
#include "parsers/parse_json.h"
#include "parsers/parser.h"
#include "probes/pipeline.h"
#include "probes/vendor.h"

static int write_stdout(void *ud, const char *buf, size_t len)
{
    (void)ud;
    return fwrite(buf, 1, len, stdout) == len ? 0 : -1;
}

static void print_list(void)
{
    const parser_vendor_t *const *vendors = parser_vendors();
    printf("%-8s %-16s %s\n", "vendor", "kind", "command");
    for (size_t v = 0; vendors[v]; v++)
        for (size_t i = 0; i < vendors[v]->n_parsers; i++)
            printf("%-8s %-16s %s\n", vendors[v]->name, kind_name(vendors[v]->parsers[i].kind),
                   vendors[v]->parsers[i].command);
}

/* Streams the input through the parser in fixed chunks: the file is never held whole. */
static int parse_stream(FILE *in, const char *path, parse_run_t *run)
{
    static char chunk[256 * 1024];
    size_t n;
    while ((n = fread(chunk, 1, sizeof(chunk), in)) > 0)
        if (parse_run_feed(run, chunk, n) != 0)
            break;
    if (ferror(in)) {
        sanitize_fprintf(stderr, "erdiag parse: cannot read %s: %s\n", path, strerror(errno));
        return EXIT_IO;
    }
    return EXIT_OK;
}

static const cli_option_t parse_options[] = {
    {"vendor", 'v', "VENDOR", "the platform: ios nxos iosxr eos junos frr linux windows azure"},
    {"command", 'c', "COMMAND", "the command that printed the output (it picks the parser)"},
    {"list", 'l', NULL, "list every vendor and command, with the kind of records it gives"},
    {"help", 'h', NULL, "show this help"},
    {NULL, 0, NULL, NULL},
};

/* A filter the platform does not have ("| grep" on IOS, "| section" on Junos): that command
 * never printed this capture.  Said on stderr; the capture is still read as the head's output. */
static void warn_foreign_filter(const char *vendor_name, const char *command)
{
    const vendor_t *v = vendor_find(vendor_name);
    pipeline_t p;
    char why[256];
    if (!v || !strchr(command, '|') || pipeline_split(command, &p, why, sizeof(why)) != 0 || p.n < 2)
        return;
    if (!pipeline_filters_allowed(v, &p, why, sizeof(why)))
        sanitize_fprintf(stderr, "erdiag parse: warning: %s: read as the output of the command before the '|'\n", why);
}

static int parse_exec(int argc, char **argv)
{
    const char *vendor_name = NULL, *command = NULL;
    cli_getopt_t g;
    int opt;
    cli_getopt_init(&g, &cli_cmd_parse);
    while ((opt = cli_getopt_next(&g, argc, argv)) != -1) {
        switch (opt) {
        case 'v': vendor_name = optarg; break;
        case 'c': command = optarg; break;
        case 'l': print_list(); return EXIT_OK;
        case 'h': cli_usage(stdout, &cli_cmd_parse); return EXIT_OK;
        default: return EXIT_USAGE;
        }
    }
    if (!vendor_name || !command) {
        sanitize_fprintf(stderr,
                         "erdiag parse: --vendor and --command are required (erdiag parse --list shows both)\n");
        return EXIT_USAGE;
    }
    const parser_vendor_t *vendor = parser_vendor_find(vendor_name);
    if (!vendor) {
        sanitize_fprintf(stderr,
                         "erdiag parse: unknown vendor '%s' (one of: ios nxos iosxr eos junos frr linux windows azure)\n",
                         vendor_name);
        return EXIT_USAGE;
    }
    const char *refusal = parser_refusal(command);
    if (refusal) {
        sanitize_fprintf(stderr, "erdiag parse: %s ('%s' is not read)\n", refusal, command);
        return EXIT_USAGE;
    }
    const parser_def_t *def = parser_find(vendor, command);
    if (!def) {
        sanitize_fprintf(stderr,
                         "erdiag parse: no %s parser for '%s' (erdiag parse --list shows the supported commands)\n",
                         vendor->name, command);
        return EXIT_USAGE;
    }
    warn_foreign_filter(vendor->name, command);
    const char *path = optind < argc ? argv[optind] : "-";
    FILE *in = strcmp(path, "-") == 0 ? stdin : fopen(path, "rb");
    if (!in) {
        sanitize_fprintf(stderr, "erdiag parse: cannot open %s: %s\n", path, strerror(errno));
        return EXIT_IO;
    }
    static json_stream_t js;
    js_init(&js, write_stdout, NULL);
    parse_json_t pj;
    parse_json_begin(&pj, &js, vendor->name, command, def->kind);
    parse_run_t *run = parse_run_new(def, vendor, command, parse_json_sink, &pj);
    if (!run) {
        sanitize_fprintf(stderr, "erdiag parse: out of memory\n");
        return EXIT_IO;
    }
    int rc = parse_stream(in, path, run);
    if (in != stdin)
        fclose(in);
    int parse_rc = parse_run_finish(run);
    parse_json_end(&pj, run);
    js_raw(&js, "\n");
    parse_status_t st;
    parse_run_status(run, &st);
    if (st.error)
        sanitize_fprintf(stderr, "erdiag parse: %s\n", st.error);
    parse_run_free(run);
    if (js_flush(&js) != 0 || fflush(stdout) != 0) {
        sanitize_fprintf(stderr, "erdiag parse: cannot write the output\n");
        return EXIT_IO;
    }
    if (rc != EXIT_OK)
        return rc;
    return parse_rc ? EXIT_PARSE_ERROR : EXIT_OK;
}

const cli_cmd_t cli_cmd_parse = {
    .name = "parse",
    .usage = "--vendor VENDOR --command \"COMMAND\" [FILE] | --list",
    .summary = "parse saved CLI output into JSON (stdin when no FILE)",
    .options = parse_options,
    .epilog = "exit: 0 parsed (a partial parse included), 1 nothing could be parsed, 2 usage error or no\n"
              "      parser for the command, 3 the file could not be read or the output written\n",
    .exec = parse_exec,
};
