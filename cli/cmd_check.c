/* cmd_check.c: `erdiag check`: a runbook without the console, for a shell or a monitoring
 * system.  A blocking client of the session engine (engine/): it starts the engine, waits on
 * its fd, answers its questions on the terminal, shows its progress on stderr, then prints each
 * step's verdict and evidence, as text or as DESIGN.md's verdict JSON.  Exit status as a
 * monitoring plugin's: 0 OK, 1 WARNING, 2 CRITICAL, 3 UNKNOWN (also for usage errors and a
 * device that cannot be reached at all: then too a verdict is printed, the UNKNOWN status line
 * or a JSON object, with the error in words). */
#include <errno.h>
#include <jansson.h>
#include <poll.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cli/cli.h"
#include "cli/check_circuit.h"
#include "cli/check_fleet.h"
#include "cli/options.h"
#include "cli/progress.h"
#include "cli/tty.h"
#include "core/clock.h"
#include "core/redact.h"
#include "core/sanitize.h"
#include "core/utctime.h"
#include "engine/engine.h"
#include "framework/evidence.h"
#include "framework/runbook.h"
#include "report/incident.h"
#include "report/verdict.h"
#include "report/wrap.h"

#define CHECK_UNKNOWN 3

typedef struct {
    engine_opts_t e;
    const char *device;
    const char *report;        /* --report FILE: the incident report, written when the session ends */
    bool all;                  /* --all: every device (the fleet) */
    const char *group;         /* --group NAME: its members */
    const char *circuit;       /* --circuit NAME: both links of it, judged together */
    int parallel;              /* --parallel N */
    char **devices;            /* the DEVICE operands (argv) */
    size_t n_devices;
    incident_format_t report_format;
    bool both_families;        /* --family both: each family the device has, even when one was not asked */
    bool family_given;         /* --family ipv4|ipv6: that one only */
    bool json, has_runbook, verbose, has_report_format;
    char error[600]; /* the first usage error (said on stderr; --json also prints it as JSON) */
} check_opts_t;

typedef struct {
    const check_opts_t *o;
    engine_t *engine;
    progress_t progress;
    /* Why nothing could be judged (said on stderr when it happened; printed as the status line
     * or the JSON verdict at the end), with the step and cause the JSON names. */
    char error[1200];
    const char *error_step, *error_cause;
} check_t;

/* Copies in to out with every secret replaced (core/redact.c); returns out. */
static const char *redact(const char *in, char *out, size_t size)
{
    snprintf(out, size, "%s", in);
    redact_inplace(out, size);
    return out;
}

/* Nothing can be judged: says why on stderr now, and keeps it for the verdict printed at the
 * end.  Returns CHECK_UNKNOWN. */
static int check_failed(check_t *c, const char *step, const char *cause, const char *error)
{
    snprintf(c->error, sizeof(c->error), "%s", error);
    c->error_step = step;
    c->error_cause = cause;
    progress_clear(&c->progress);
    sanitize_fprintf(stderr, "erdiag check: %s\n", c->error);
    return CHECK_UNKNOWN;
}

static int engine_failed(check_t *c)
{
    const char *step = "none", *cause = "internal_error";
    const char *error = engine_error(c->engine, &step, &cause);
    return check_failed(c, step, cause, error ? error : "the session failed");
}

/* ---- what the engine says while it works: warnings always, answers with --verbose ---- */

static void say(check_t *c, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
static void say(check_t *c, const char *fmt, ...)
{
    char text[2400];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(text, sizeof(text), fmt, ap);
    va_end(ap);
    progress_clear(&c->progress);
    sanitize_fprintf(stderr, "erdiag check: %s\n", text);
}

static void on_event(void *ud, const engine_event_t *ev)
{
    check_t *c = ud;
    const probe_reply_t *rp = ev->reply;
    switch (ev->kind) {
    case ENGINE_EV_WARNING: say(c, "%s", ev->text); break;
    case ENGINE_EV_REPLY:
        if (c->o->verbose)
            say(c, "%s poll %d: %s: '%s': %s, %zu records%s", ev->job->dev->name, ev->poll,
                probe_name(ev->job->req.probe), rp->command, probe_error_text(rp->result.error), rp->n_records,
                rp->partial ? " (partial)" : "");
        break;
    case ENGINE_EV_IMPORTED:
        if (c->o->verbose)
            say(c, "imported %s: %zu records%s", rp->command, rp->n_records, rp->partial ? " (partial)" : "");
        break;
    case ENGINE_EV_CONSOLE_TCP:
        if (c->o->verbose)
            say(c, "%s", ev->text);
        break;
    default: break;
    }
}

/* The engine asks; the person at the terminal answers (refused without one). */
static void answer_question(check_t *c)
{
    const engine_question_t *q = engine_question(c->engine);
    if (!q)
        return;
    progress_clear(&c->progress);
    if (q->kind == ENGINE_Q_HOSTKEY) {
        engine_answer_hostkey(c->engine, q->id, cli_confirm_hostkey(NULL, q->host, q->fingerprint));
        return;
    }
    char secret[256];
    bool got = cli_ask_secret(NULL, q->prompt, q->echo, secret, sizeof(secret)) == 0;
    engine_answer_secret(c->engine, q->id, got ? secret : NULL);
    memset(secret, 0, sizeof(secret));
}

/* ---- collecting ---- */

/* The progress line: polls answered of polls asked, and the request out longest. */
static void show_progress(check_t *c, double t)
{
    int answered = 0, asked = 0;
    const engine_job_t *slowest = NULL;
    for (size_t i = 0; i < engine_job_count(c->engine); i++) {
        const engine_job_t *j = engine_job(c->engine, i);
        answered += j->done;
        asked += j->wanted;
        if (j->asked && (!slowest || j->asked_at < slowest->asked_at))
            slowest = j;
    }
    char what[96] = "";
    if (slowest)
        snprintf(what, sizeof(what), "%s%s%s", probe_name(slowest->req.probe), slowest->reverse ? " on " : "",
                 slowest->reverse ? slowest->dev->name : "");
    progress_show(&c->progress, answered, asked, slowest ? what : NULL, slowest ? t - slowest->asked_at : 0, t);
}

/* Blocks until the engine has judged every answer (or failed). */
static int collect(check_t *c)
{
    engine_state_t st = engine_state(c->engine);
    while (st == ENGINE_COLLECTING) {
        show_progress(c, clock_now_s());
        struct pollfd p = {.fd = engine_fd(c->engine), .events = POLLIN};
        int wait = engine_timeout_ms(c->engine);
        if (c->progress.on && (wait < 0 || wait > 200))
            wait = 200; /* the seconds shown keep counting */
        if (poll(&p, 1, wait) < 0 && errno != EINTR) {
            char why[300];
            snprintf(why, sizeof(why), "%s: cannot reach the device: %s", engine_device(c->engine)->name,
                     strerror(errno));
            return check_failed(c, "connect", "device_unreachable", why);
        }
        st = engine_step(c->engine);
        answer_question(c);
    }
    progress_clear(&c->progress);
    return st == ENGINE_FAILED ? engine_failed(c) : 0;
}

/* ---- output (report/verdict_*.c renders the result; collection problems are ours) ---- */

/* Probes that gave nothing usable, with the reason: the steps say what they lack, this says why. */
static void print_problems_text(const check_t *c, int width)
{
    char why[1200], a[2048], line[2200];
    bool header = false;
    for (size_t i = 0; i < engine_job_count(c->engine); i++) {
        const engine_job_t *j = engine_job(c->engine, i);
        for (int k = 0; k < j->done && k < 2; k++) {
            const probe_reply_t *rp = j->reply[k];
            if (!rp || probe_reply_ok(rp))
                continue;
            fact_t f;
            fact_from_reply(&f, rp, 0);
            if (!header)
                printf("\nNot collected:\n");
            header = true;
            snprintf(line, sizeof(line), "  %s%s: %s", probe_name(j->req.probe), k ? " (second poll)" : "",
                     redact(fact_problem(&f, why, sizeof(why)), a, sizeof(a)));
            wrap_write(stdout, width, 4, 0, line);
        }
    }
}

/* What the report needs besides the result: names, the width, the time taken. */
static verdict_meta_t meta_of(const check_t *c, char *peer, size_t size)
{
    const device_t *d = c->engine ? engine_device(c->engine) : NULL;
    double started = c->engine ? engine_started(c->engine) : 0, utc = c->engine ? engine_started_utc(c->engine) : 0;
    peer[0] = '\0';
    if (d && c->o->e.runbook == RUNBOOK_ASYM && d->has_azure_vm)
        ip_to_string(&d->azure_vm, peer, size);
    else if (d && d->has_peer_ip)
        ip_to_string(&d->peer_ip, peer, size);
    return (verdict_meta_t){
        .device = d ? d->name : c->o->device ? c->o->device : "",
        .vendor = d ? d->vendor : NULL,
        .peer = peer,
        .runbook = c->o->has_runbook ? runbook_name(c->o->e.runbook) : NULL,
        .collect_s = started > 0 ? clock_now_s() - started : -1,
        .utc = utc > 0 ? utc : utc_now(),
        .width = cli_width(STDOUT_FILENO, 100),
    };
}

static void print_text(const check_t *c)
{
    char peer[ADDR_LEN];
    verdict_meta_t m = meta_of(c, peer, sizeof(peer));
    const runbook_result_t *r = engine_result(c->engine);
    verdict_text_head(stdout, &m, r);
    verdict_text_steps(stdout, &m, r);
    print_problems_text(c, m.width);
    verdict_text_causes(stdout, &m, r);
}

/* ASCII only: every character past 0x7f as a \u escape, so the C1 controls a terminal obeys
 * (U+009B is CSI) never reach it raw; jansson escapes ESC and the other C0 controls itself. */
static int dump_json(json_t *root)
{
    int rc = root ? json_dumpf(root, stdout, JSON_INDENT(2) | JSON_PRESERVE_ORDER | JSON_ENSURE_ASCII) : -1;
    fputc('\n', stdout);
    json_decref(root);
    return rc;
}

static int print_json(const check_t *c)
{
    char peer[ADDR_LEN];
    verdict_meta_t m = meta_of(c, peer, sizeof(peer));
    return dump_json(verdict_json(&m, engine_result(c->engine)));
}

/* Nothing could be judged (c->error): still one verdict on stdout, UNKNOWN, the error in words
 * (a monitoring system shows stdout's first line; --json consumers always get an object). */
static void print_error(const check_t *c)
{
    char peer[ADDR_LEN];
    verdict_meta_t m = meta_of(c, peer, sizeof(peer));
    if (c->o->json)
        dump_json(verdict_json_error(&m, c->error_step, c->error_cause, c->error));
    else
        verdict_text_error(stdout, &m, c->error_cause, c->error);
    fflush(stdout);
}

/* In JSON mode the contract has no place for collection errors: they go to stderr. */
static void print_problems_stderr(const check_t *c)
{
    char why[1200], a[2048];
    for (size_t i = 0; i < engine_job_count(c->engine); i++) {
        const engine_job_t *j = engine_job(c->engine, i);
        for (int k = 0; k < j->done && k < 2; k++) {
            fact_t f;
            if (!j->reply[k] || probe_reply_ok(j->reply[k]))
                continue;
            fact_from_reply(&f, j->reply[k], 0);
            sanitize_fprintf(stderr, "erdiag check: %s: %s\n", probe_name(j->req.probe),
                             redact(fact_problem(&f, why, sizeof(why)), a, sizeof(a)));
        }
    }
}

/* ---- the command ---- */

static int check_run(check_t *c)
{
    c->engine = engine_new(&c->o->e, on_event, c);
    if (!c->engine)
        return check_failed(c, "none", "internal_error", "out of memory");
    if (engine_start(c->engine) != 0)
        return engine_failed(c);
    if (collect(c) != 0)
        return CHECK_UNKNOWN;
    if (c->o->json) {
        print_problems_stderr(c);
        if (print_json(c) != 0)
            return CHECK_UNKNOWN;
    } else {
        print_text(c);
    }
    fflush(stdout);
    bool record_failed = engine_record_failed(c->engine);
    if (record_failed)
        sanitize_fprintf(stderr, "erdiag check: exit 3 (UNKNOWN): the recording in %s is incomplete\n", c->o->e.record);
    return record_failed ? CHECK_UNKNOWN : engine_result(c->engine)->exit_code;
}

/* Says what was wrong on stderr and keeps the first such message for the JSON verdict. */
static int usage_error(check_opts_t *o, const char *fmt, const char *what)
{
    char msg[500];
    snprintf(msg, sizeof(msg), fmt, what);
    if (!o->error[0])
        snprintf(o->error, sizeof(o->error), "%s", msg);
    sanitize_fprintf(stderr, "erdiag check: %s (try erdiag check --help)\n", msg);
    return CHECK_UNKNOWN;
}

static const cli_option_t check_options[] = {
    {"runbook", 'b', "bgp|asym", "bgp (BGP session failure) or asym (asymmetric routing); required"},
    {"family", 'f', "ipv4|ipv6|both", "the peering's address family (default: every family the device has)"},
    {"replay", 'r', "DIR", "answer from a recording or scenario instead of the device"},
    {"record", 'R', "DIR", "also save the answers (redacted), poll times and console TCP test"},
    {"inventory", 'i', "FILE", "the inventory (default $XDG_CONFIG_HOME/erdiag/inventory.ini)"},
    {"interval", 'n', "SECONDS", "between the two counter polls (default 10; a replay: as recorded)"},
    {"reverse-trace", 't', "FILE", "asym: the VM's trace back to on-prem (tracert, traceroute, mtr)"},
    {"azure-routes", 'z', "FILE", "asym: the VM NIC's effective routes (az or Get-AzEffectiveRouteTable)"},
    {"accept-new", 'a', NULL, "accept and save an unknown host key without asking"},
    {"json", 'j', NULL, "print the verdict as one JSON object, also when nothing was judged"},
    {"verbose", 'v', NULL, "report each answer on stderr as it arrives"},
    {"all", 'A', NULL, "every device of the inventory at once, one line each, worst first"},
    {"group", 'G', "NAME", "every member of the inventory group NAME at once"},
    {"circuit", 'C', "NAME", "both links of circuit NAME at once, and the circuit step"},
    {"parallel", 'P', "N", "several devices: sessions at once (default 16; 4 per jump host)"},
    {"report", 'O', "FILE", "also write the session's incident report to FILE (0600)"},
    {"format", 'F', "md|html|json", "the report's format (default: from FILE's extension, else md)"},
    {"no-journal", 'J', NULL, "write no session journal ($XDG_STATE_HOME/erdiag/sessions)"},
    {"keep-secrets", 'K', NULL, "journal raw answers unredacted (file 0600; reports still redact)"},
    {"help", 'h', NULL, "show this help"},
    {NULL, 0, NULL, NULL},
};

/* One option's value; a bad one is a usage error (kept, so that parsing goes on to --json). */
static int parse_option(check_opts_t *o, int opt)
{
    char *end;
    switch (opt) {
    case 'b':
        o->has_runbook = runbook_from_name(optarg, &o->e.runbook);
        return o->has_runbook ? 0 : usage_error(o, "unknown runbook '%s' (bgp or asym)", optarg);
    case 'f':
        o->both_families = strcmp(optarg, "both") == 0;
        o->e.family = family_from_name(optarg);
        o->family_given = o->e.family != 0;
        return o->both_families || o->family_given ? 0 : usage_error(o, "--family '%s': ipv4, ipv6 or both", optarg);
    case 't': o->e.reverse_trace = optarg; return 0;
    case 'z': o->e.azure_routes = optarg; return 0;
    case 'r': o->e.replay = optarg; return 0;
    case 'R': o->e.record = optarg; return 0;
    case 'i': o->e.inventory = optarg; return 0;
    case 'a': o->e.accept_new = true; return 0;
    case 'j': o->json = true; return 0;
    case 'v': o->verbose = true; return 0;
    case 'J': o->e.no_journal = true; return 0;
    case 'O': o->report = optarg; return 0;
    case 'A': o->all = true; return 0;
    case 'G': o->group = optarg; return 0;
    case 'C': o->circuit = optarg; return 0;
    case 'P':
        errno = 0;
        o->parallel = (int)strtol(optarg, &end, 10);
        if (errno || end == optarg || *end || o->parallel < 1 || o->parallel > 256)
            return usage_error(o, "--parallel '%s': a number of sessions from 1 to 256", optarg);
        return 0;
    case 'F':
        o->has_report_format = incident_format_from_name(optarg, &o->report_format);
        return o->has_report_format ? 0 : usage_error(o, "--format '%s': md, html or json", optarg);
    case 'K': o->e.keep_secrets = true; return 0;
    case 'n':
        errno = 0;
        o->e.interval = strtod(optarg, &end);
        if (errno || end == optarg || *end || !(o->e.interval >= 0 && o->e.interval <= 3600))
            return usage_error(o, "--interval '%s': a number of seconds from 0 to 3600", optarg);
        return 0;
    default: return CHECK_UNKNOWN;
    }
}

static bool fleet_mode(const check_opts_t *o)
{
    return o->all || o->group || o->circuit || o->n_devices > 1;
}

/* 0 to go on, -1 after --help, CHECK_UNKNOWN for a usage error (o->error holds it unless
 * getopt stopped on an unknown option, which cli_getopt_next has told already). */
static int parse_options(int argc, char **argv, check_opts_t *o)
{
    cli_getopt_t g;
    int opt, rc = 0;
    cli_getopt_init(&g, &cli_cmd_check);
    while ((opt = cli_getopt_next(&g, argc, argv)) != -1) {
        if (opt == 'h') {
            cli_usage(stdout, &cli_cmd_check);
            return -1;
        }
        if (opt == '?')
            return CHECK_UNKNOWN;
        if (parse_option(o, opt) != 0)
            rc = CHECK_UNKNOWN;
    }
    if (optind < argc)
        o->device = o->e.device = argv[optind];
    o->devices = argv + optind;
    o->n_devices = (size_t)(argc - optind);
    if (rc != 0)
        return rc;
    if (argc - optind < 1 && !o->all && !o->group && !o->circuit)
        return usage_error(o, "%s", "need DEVICE (or several, --group NAME, --circuit NAME or --all)");
    if ((o->all || o->group || o->circuit) && argc - optind > 0)
        return usage_error(o, "%s", "--all, --group, --circuit or DEVICE..., one of them");
    if (o->circuit && (o->all || o->group))
        return usage_error(o, "%s", "--circuit takes no --all or --group");
    if (fleet_mode(o) && (o->e.record || o->report || o->e.reverse_trace || o->e.azure_routes))
        return usage_error(o, "%s", "--record, --report, --reverse-trace and --azure-routes take one DEVICE");
    if (!o->has_runbook)
        return usage_error(o, "%s", "need --runbook bgp|asym");
    if (o->e.replay && o->e.record)
        return usage_error(o, "%s", "--replay and --record do not go together");
    if (o->report && o->e.no_journal)
        return usage_error(o, "%s", "--report needs the session's journal: not with --no-journal");
    return 0;
}

/* --report FILE: the incident report of the session just journaled. */
static int write_report(const check_opts_t *o, const char *journal)
{
    char err[1400];
    incident_format_t fmt = o->report_format;
    if (!o->has_report_format && !incident_format_from_path(o->report, &fmt))
        fmt = INCIDENT_MD;
    if (!journal[0]) {
        sanitize_fprintf(stderr, "erdiag check: no report: the session has no journal\n");
        return -1;
    }
    if (incident_export(journal, o->report, fmt, false, err, sizeof(err)) != 0) {
        sanitize_fprintf(stderr, "erdiag check: report: %s\n", err);
        return -1;
    }
    return 0;
}

/* The family to judge after the one just judged: IPv6 after IPv4 when the device has both and
 * no single family was asked for; 0 when none. */
static family_t next_family(const check_t *c)
{
    const device_t *d = c->engine ? engine_loaded_device(c->engine) : NULL;
    const runbook_result_t *r = c->engine ? engine_result(c->engine) : NULL;
    family_t fams[2];
    if (c->o->family_given || c->error[0] || !d || !r || device_families(d, fams) < 2 || r->family == FAMILY_IPV6)
        return 0;
    return FAMILY_IPV6;
}

/* --report FILE for the second family judged: FILE with "-ipv6" before its extension. */
static void family_report_path(const char *path, char *out, size_t size)
{
    const char *slash = strrchr(path, '/'), *dot = strrchr(path, '.');
    if (!dot || (slash && dot < slash) || dot == (slash ? slash + 1 : path))
        dot = path + strlen(path);
    snprintf(out, size, "%.*s-ipv6%s", (int)(dot - path), path, dot);
}

/* One device, one family: the verdict printed, the engine ended, the report written.  *next
 * gets the family to judge after it (0: none). */
static int check_one(check_opts_t *o, family_t *next)
{
    check_t *c = calloc(1, sizeof(*c));
    if (!c) {
        sanitize_fprintf(stderr, "erdiag check: out of memory\n");
        return CHECK_UNKNOWN;
    }
    c->o = o;
    progress_init(&c->progress);
    int rc = check_run(c);
    *next = rc >= 0 ? next_family(c) : 0;
    if (c->error[0])
        print_error(c);
    char journal[1200] = "";
    if (c->engine && engine_journal_path(c->engine))
        snprintf(journal, sizeof(journal), "%s", engine_journal_path(c->engine));
    engine_free(c->engine); /* ends the journal: the report reads it whole */
    free(c);
    if (rc >= 0 && o->report && write_report(o, journal) != 0)
        rc = CHECK_UNKNOWN;
    return rc;
}

/* Each family the device has (or the one asked for), IPv4 first; the exit status is the worse. */
static int check_families(check_opts_t *o)
{
    family_t next;
    int rc = check_one(o, &next);
    if (!next)
        return rc;
    char report[1400];
    if (o->report) {
        family_report_path(o->report, report, sizeof(report));
        o->report = report;
    }
    o->e.family = next;
    if (!o->json)
        fputc('\n', stdout);
    int rc6 = check_one(o, &next);
    return runbook_exit_severity(rc6) > runbook_exit_severity(rc) ? rc6 : rc;
}

/* A usage error, said as the verdict a caller waits for: the UNKNOWN status line, or JSON. */
static void print_usage_error(const check_opts_t *o)
{
    check_t c = {.o = o, .error_step = "none", .error_cause = "usage_error"};
    snprintf(c.error, sizeof(c.error), "%s", o->error);
    print_error(&c);
}

static int check_exec(int argc, char **argv)
{
    check_opts_t o = {.e.interval = 10};
    int rc = parse_options(argc, argv, &o);
    if (rc == 0 && o.circuit) {
        check_circuit_t cc = {.base = o.e, .circuit = o.circuit, .json = o.json};
        return check_circuit(&cc);
    }
    if (rc == 0 && fleet_mode(&o)) {
        check_fleet_t f = {.fleet = {.base = o.e, .parallel = o.parallel}, .all = o.all, .group = o.group, .devices = o.devices,
                           .n_devices = o.n_devices, .json = o.json};
        return check_fleet(&f);
    }
    if (rc == 0)
        return check_families(&o);
    if (rc > 0 && o.error[0])
        print_usage_error(&o);
    return rc < 0 ? EXIT_OK : rc;
}

const cli_cmd_t cli_cmd_check = {
    .name = "check",
    .usage = "DEVICE... | --circuit C | --group G | --all  --runbook bgp|asym [OPTION...]",
    .summary = "run a runbook and print each step's verdict (exit 0 OK, 1 WARNING, 2 CRITICAL, 3 UNKNOWN)",
    .options = check_options,
    .epilog = "exit: 0 OK, 1 WARNING, 2 CRITICAL, 3 UNKNOWN (also: usage error, device unreachable,\n"
              "      a recording that could not be written)\n",
    .exec = check_exec,
};
