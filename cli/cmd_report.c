/* cmd_report.c: `erdiag report`: a session journal as an incident report (Markdown, HTML or
 * JSON), and the list of journals (unfinished ones marked). */
#include <stdio.h>
#include <string.h>

#include "cli/cli.h"
#include "cli/options.h"
#include "core/journal.h"
#include "core/sanitize.h"
#include "report/incident.h"

static const cli_option_t report_options[] = {
    {"format", 'f', "md|html|json", "the report's format (default: from -o's extension, else md)"},
    {"output", 'o', "FILE", "write the report to FILE (0600) instead of standard output"},
    {"list", 'l', NULL, "list the session journals, newest first (unfinished ones marked)"},
    {"help", 'h', NULL, "show this help"},
    {NULL, 0, NULL, NULL},
};

static int list_journals(void)
{
    char dir[1024];
    journal_info_t *infos;
    size_t n;
    if (journal_default_dir(dir, sizeof(dir)) != 0 || journal_list(dir, &infos, &n) != 0) {
        sanitize_fprintf(stderr, "erdiag report: cannot list the journals in %s\n", dir);
        return EXIT_IO;
    }
    for (size_t i = 0; i < n; i++)
        sanitize_fprintf(stdout, "%-24s %-10s %-16s %-5s %s\n", infos[i].start_utc, infos[i].finished ? "finished" : "UNFINISHED",
                         infos[i].device ? infos[i].device : "?", infos[i].runbook ? infos[i].runbook : "?", infos[i].path);
    journal_list_free(infos, n);
    return EXIT_OK;
}

static int usage_error(const char *msg, const char *what)
{
    sanitize_fprintf(stderr, "erdiag report: %s%s (try erdiag report --help)\n", msg, what ? what : "");
    return EXIT_USAGE;
}

static int report_exec(int argc, char **argv)
{
    const char *format = NULL, *out = NULL;
    bool list = false;
    cli_getopt_t g;
    int opt;
    cli_getopt_init(&g, &cli_cmd_report);
    while ((opt = cli_getopt_next(&g, argc, argv)) != -1) {
        switch (opt) {
        case 'f': format = optarg; break;
        case 'o': out = optarg; break;
        case 'l': list = true; break;
        case 'h': cli_usage(stdout, &cli_cmd_report); return EXIT_OK;
        default: return EXIT_USAGE;
        }
    }
    if (list)
        return list_journals();
    if (argc - optind != 1)
        return usage_error(argc - optind < 1 ? "need JOURNAL" : "one JOURNAL only", NULL);
    incident_format_t fmt = INCIDENT_MD;
    if (format && !incident_format_from_name(format, &fmt))
        return usage_error("unknown format (md, html or json): ", format);
    if (!format && out && !incident_format_from_path(out, &fmt))
        fmt = INCIDENT_MD; /* an extension that says nothing: Markdown, which reads anywhere */
    char err[1400];
    if (incident_export(argv[optind], out, fmt, false, err, sizeof(err)) != 0) {
        sanitize_fprintf(stderr, "erdiag report: %s\n", err);
        return EXIT_IO;
    }
    return EXIT_OK;
}

const cli_cmd_t cli_cmd_report = {
    .name = "report",
    .usage = "JOURNAL [--format md|html|json] [-o FILE]",
    .summary = "write a session journal as an incident report (Markdown, HTML or JSON)",
    .options = report_options,
    .epilog = "Journals are in $XDG_STATE_HOME/erdiag/sessions/ (erdiag report --list).\n"
              "exit: 0 written, 2 usage error, 3 the journal could not be read or the report written\n",
    .exec = report_exec,
};
