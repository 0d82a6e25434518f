/* cmd_run.c: `erdiag run`: allowlisted commands on one device (live, replayed, recorded). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cli/cli.h"
#include "cli/options.h"
#include "engine/device_load.h"
#include "cli/tty.h"
#include "core/inventory.h"
#include "core/json_stream.h"
#include "core/redact.h"
#include "core/sanitize.h"
#include "parsers/parse_json.h"
#include "probes/abbrev.h"
#include "probes/command.h"
#include "probes/record_dir.h"
#include "probes/ssh.h"
#include "probes/transport.h"

typedef struct {
    const char *inventory, *replay, *record;
    bool json, accept_new;
} run_opts_t;

static int write_stdout(void *ud, const char *buf, size_t len)
{
    (void)ud;
    return fwrite(buf, 1, len, stdout) == len ? 0 : -1;
}

/* --record DIR: opened, and its device.ini written, before anything connects: a recording
 * that cannot be made costs no session. */
static record_dir_t *open_recording(const run_opts_t *o, const device_t *dev)
{
    char err[700];
    record_dir_t *rd = record_dir_open(o->record, err, sizeof(err));
    if (rd && record_dir_devices(rd, &dev, 1, err, sizeof(err)) != 0) {
        record_dir_close(rd);
        rd = NULL;
    }
    if (!rd)
        sanitize_fprintf(stderr, "erdiag run: cannot record: %s\n", err);
    return rd;
}

static transport_t *open_transport(const run_opts_t *o, const device_t *dev, const vendor_t *v, record_dir_t *rd)
{
    char err[600];
    transport_t *t;
    if (o->replay) {
        t = replay_open(o->replay, v, err, sizeof(err));
        if (!t)
            sanitize_fprintf(stderr, "erdiag run: %s\n", err);
    } else {
        ssh_opts_t so = {.device = dev, .accept_new = o->accept_new, .confirm_hostkey = cli_confirm_hostkey,
                         .ask_secret = cli_ask_secret};
        probe_error_t perr;
        t = ssh_open(&so, &perr, err, sizeof(err));
        if (!t)
            sanitize_fprintf(stderr, "erdiag run: %s: %s: %s\n", dev->name, probe_error_text(perr), err);
    }
    if (t && rd) {
        transport_t *rec = record_open(t, rd, err, sizeof(err));
        if (!rec) {
            sanitize_fprintf(stderr, "erdiag run: %s\n", err);
            transport_close(t);
        }
        t = rec;
    }
    return t;
}

static int print_result(const run_opts_t *o, const vendor_t *v, const char *command, const cmd_result_t *res)
{
    if (!o->json) {
        /* The raw answer is shown, but never a password or key in it, and never a byte the
         * terminal would obey (a title, a reset, a cursor move: core/sanitize.h). */
        size_t n;
        char *clean = redact_text(res->output, res->len, &n);
        if (!clean)
            return EXIT_IO;
        int rc = sanitize_fwrite(stdout, clean, n);
        free(clean);
        return rc == 0 ? EXIT_OK : EXIT_IO;
    }
    const parser_vendor_t *pv = parser_vendor_find(v->name);
    static json_stream_t js;
    js_init(&js, write_stdout, NULL);
    int rc = pv ? parse_json_text(&js, pv, command, res->output, res->len) : 2;
    if (rc == 2) {
        sanitize_fprintf(stderr, "erdiag run: no %s parser for '%s' (try without --json)\n", v->name, command);
        return EXIT_USAGE;
    }
    js_raw(&js, "\n");
    js_flush(&js);
    return rc ? EXIT_PARSE_ERROR : EXIT_OK;
}

/* Every command is written out in full ("sh ip bgp sum" -> "show ip bgp summary") and checked
 * before anything connects: a refused one costs no session.  expanded[i] (owned by the caller,
 * CMD_LEN bytes each) is what is sent. */
static bool all_allowed(const vendor_t *v, char **commands, int n, char (*expanded)[CMD_LEN])
{
    char why[512];
    for (int i = 0; i < n; i++) {
        if (!v || !command_expand_allowed(v, commands[i], expanded[i], CMD_LEN, why, sizeof(why))) {
            sanitize_fprintf(stderr, "erdiag run: refused: %s\n", v ? why : "unknown vendor");
            return false;
        }
    }
    return true;
}

static int run_one(const run_opts_t *o, transport_t *t, const device_t *dev, const char *command)
{
    cmd_result_t res;
    int rc;
    int failed = transport_run(t, PROBE_COUNT, command, &res);
    redact_inplace(res.message, sizeof(res.message)); /* it may quote the device's output */
    if (failed) {
        sanitize_fprintf(stderr, "erdiag run: %s: %s%s%s\n", dev->name, probe_error_text(res.error),
                         res.message[0] ? ": " : "", res.message);
        rc = res.error == PERR_NOT_ALLOWED || res.error == PERR_REJECTED ? EXIT_USAGE : EXIT_IO;
    } else {
        if (res.truncated)
            sanitize_fprintf(stderr, "erdiag run: output truncated: %s\n", res.message);
        rc = print_result(o, t->vendor, command, &res);
    }
    if (res.record_error[0]) {
        sanitize_fprintf(stderr, "erdiag run: recording failed: %s\n", res.record_error);
        rc = rc > EXIT_IO ? rc : EXIT_IO;
    }
    cmd_result_free(&res);
    return rc;
}

/* Runs the commands in order over one session; the exit status is the worst of them. */
static int run_commands(const run_opts_t *o, const char *name, char **commands, int n)
{
    inventory_t inv = {0};
    const device_t *dev = NULL;
    char err[1200];
    int loaded = device_load(o->replay, o->inventory, name, &inv, &dev, err, sizeof(err));
    if (inv.warning[0])
        sanitize_fprintf(stderr, "erdiag run: warning: %s\n", inv.warning);
    if (loaded != 0) {
        sanitize_fprintf(stderr, "erdiag run: %s\n", err);
        inventory_free(&inv);
        return EXIT_USAGE;
    }
    int rc = EXIT_OK;
    const vendor_t *v = vendor_find(dev->vendor);
    char(*expanded)[CMD_LEN] = calloc((size_t)n, sizeof(*expanded));
    bool allowed = expanded && all_allowed(v, commands, n, expanded);
    if (!allowed) {
        rc = expanded ? EXIT_USAGE : EXIT_IO;
        free(expanded);
        inventory_free(&inv);
        return rc;
    }
    record_dir_t *rd = o->record ? open_recording(o, dev) : NULL;
    transport_t *t = o->record && !rd ? NULL : open_transport(o, dev, v, rd);
    bool opened = t != NULL;
    for (int i = 0; t && i < n; i++) {
        int one = run_one(o, t, dev, expanded[i]);
        if (one > rc)
            rc = one;
    }
    transport_close(t);
    record_dir_close(rd);
    free(expanded);
    inventory_free(&inv);
    return opened ? rc : EXIT_IO;
}

static const cli_option_t run_options[] = {
    {"json", 'j', NULL, "print each answer parsed: the JSON contract, one object per line"},
    {"replay", 'r', "DIR", "answer from a recording or scenario instead of the device"},
    {"record", 'R', "DIR", "also save every answer (redacted) into DIR for --replay"},
    {"inventory", 'i', "FILE", "the inventory (default $XDG_CONFIG_HOME/erdiag/inventory.ini)"},
    {"accept-new", 'a', NULL, "accept and save an unknown host key without asking"},
    {"help", 'h', NULL, "show this help"},
    {NULL, 0, NULL, NULL},
};

static int run_exec(int argc, char **argv)
{
    run_opts_t o = {0};
    cli_getopt_t g;
    int opt;
    cli_getopt_init(&g, &cli_cmd_run);
    while ((opt = cli_getopt_next(&g, argc, argv)) != -1) {
        switch (opt) {
        case 'j': o.json = true; break;
        case 'r': o.replay = optarg; break;
        case 'R': o.record = optarg; break;
        case 'i': o.inventory = optarg; break;
        case 'a': o.accept_new = true; break;
        case 'h': cli_usage(stdout, &cli_cmd_run); return EXIT_OK;
        default: return EXIT_USAGE;
        }
    }
    if (argc - optind < 2) {
        sanitize_fprintf(stderr, "erdiag run: need DEVICE and \"COMMAND\"\n");
        return EXIT_USAGE;
    }
    if (o.replay && o.record) {
        sanitize_fprintf(stderr, "erdiag run: --replay and --record do not go together\n");
        return EXIT_USAGE;
    }
    return run_commands(&o, argv[optind], argv + optind + 1, argc - optind - 1);
}

const cli_cmd_t cli_cmd_run = {
    .name = "run",
    .usage = "DEVICE \"COMMAND\" [\"COMMAND\"...] [OPTION...]",
    .summary = "run read-only commands over one session and print the answers (or their parsed JSON, one per line)",
    .options = run_options,
    .epilog = "exit: 0 done, 1 an answer could not be parsed (--json), 2 usage error or a command refused\n"
              "      (by erdiag's allowlist or by the device), 3 no connection, or --record could not write\n",
    .exec = run_exec,
};
