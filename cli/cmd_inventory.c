/* cmd_inventory.c: `erdiag inventory check|list`: the inventory as erdiag resolved it (each
 * device after [defaults], its groups and its own keys), for whoever maintains it.  check
 * validates and shows where each device is defined; list prints a table or JSON for scripts,
 * never how to log in (no identity, password_command, jump or known_hosts). */
#include <jansson.h>
#include <stdio.h>
#include <string.h>

#include "cli/cli.h"
#include "cli/options.h"
#include "core/inventory.h"
#include "core/sanitize.h"
#include "core/suggest.h"
#include "core/utf8.h"
#include "engine/device_load.h"

static const cli_option_t inventory_options[] = {
    {"inventory", 'i', "FILE", "the inventory (default $XDG_CONFIG_HOME/erdiag/inventory.ini)"},
    {"group", 'g', "GROUP", "list: only the devices of GROUP"},
    {"json", 'j', NULL, "list: one JSON array of devices (nothing about logging in)"},
    {"help", 'h', NULL, "show this help"},
    {NULL, 0, NULL, NULL},
};

typedef struct {
    const char *action, *inventory, *group;
    bool json;
} inventory_opts_t;

static int usage_error(const char *fmt, const char *what)
{
    char msg[400];
    snprintf(msg, sizeof(msg), fmt, what);
    sanitize_fprintf(stderr, "erdiag inventory: %s (try erdiag inventory --help)\n", msg);
    return EXIT_USAGE;
}

/* ---- the table ---- */

typedef enum { COL_DEVICE, COL_VENDOR, COL_HOST, COL_CIRCUIT, COL_LINK, COL_PEERING, COL_GROUPS, COL_WHERE } column_t;
static const char *const column_names[] = {"DEVICE", "VENDOR", "HOST", "CIRCUIT", "LINK", "PEERING", "GROUPS", "WHERE"};

/* d's groups, "a,b", or "-". */
static void group_list(const device_t *d, char *buf, size_t size)
{
    size_t w = 0;
    buf[0] = '\0';
    for (int i = 0; i < d->n_groups && w < size; i++)
        w += (size_t)snprintf(buf + w, size - w, "%s%s", i ? "," : "", d->groups[i]);
    if (!d->n_groups)
        snprintf(buf, size, "-");
}

static void cell(const device_t *d, column_t c, char *buf, size_t size)
{
    switch (c) {
    case COL_DEVICE: snprintf(buf, size, "%s", d->name); break;
    case COL_VENDOR: snprintf(buf, size, "%s", d->vendor); break;
    case COL_HOST: snprintf(buf, size, "%s", d->host); break;
    case COL_CIRCUIT: snprintf(buf, size, "%s", d->circuit[0] ? d->circuit : "-"); break;
    case COL_LINK: snprintf(buf, size, "%s", d->link == LINK_SECONDARY ? "secondary" : "primary"); break;
    case COL_PEERING: snprintf(buf, size, "%s", d->peering == PEERING_MICROSOFT ? "microsoft" : "private"); break;
    case COL_GROUPS: group_list(d, buf, size); break;
    case COL_WHERE: snprintf(buf, size, "%s:%d", d->file, d->line); break;
    }
}

static bool shown(const device_t *d, const char *group)
{
    return !group || device_in_group(d, group);
}

/* One line per device (of group, when given) under a header, columns as wide as their widest. */
static void print_table(const inventory_t *inv, const char *group, const column_t *cols, int n)
{
    char buf[INV_TEXT_LEN + 16];
    int width[8] = {0};
    for (int c = 0; c < n; c++)
        width[c] = (int)strlen(column_names[cols[c]]);
    for (size_t i = 0; i < inv->n_devices; i++)
        for (int c = 0; c < n && shown(&inv->devices[i], group); c++) {
            cell(&inv->devices[i], cols[c], buf, sizeof(buf));
            width[c] = (int)strlen(buf) > width[c] ? (int)strlen(buf) : width[c];
        }
    for (int c = 0; c < n; c++)
        printf("%-*s%s", c + 1 < n ? width[c] : 0, column_names[cols[c]], c + 1 < n ? "  " : "\n");
    for (size_t i = 0; i < inv->n_devices; i++)
        for (int c = 0; c < n && shown(&inv->devices[i], group); c++) {
            cell(&inv->devices[i], cols[c], buf, sizeof(buf));
            sanitize_fprintf(stdout, "%-*s%s", c + 1 < n ? width[c] : 0, buf, c + 1 < n ? "  " : "\n");
        }
}

/* ---- JSON ---- */

/* Text as a JSON string (bytes that are no UTF-8 as U+FFFD: jansson takes only UTF-8), or
 * null when empty. */
static json_t *text_json(const char *s)
{
    char buf[4 * INV_TEXT_LEN];
    if (!s[0])
        return json_null();
    utf8_repair(s, buf, sizeof(buf));
    return json_string(buf);
}

static json_t *addr_json(bool has, const ip_addr_t *a)
{
    char buf[64];
    if (!has)
        return json_null();
    ip_to_string(a, buf, sizeof(buf));
    return json_string(buf);
}

static json_t *int_or_null(bool has, json_int_t n)
{
    return has ? json_integer(n) : json_null();
}

static json_t *list_json(const device_t *d, bool prefixes)
{
    json_t *a = json_array();
    char buf[64];
    for (int i = 0; prefixes && i < d->n_expect_prefixes; i++) {
        prefix_to_string(&d->expect_prefixes[i], false, buf, sizeof(buf));
        json_array_append_new(a, json_string(buf));
    }
    for (int i = 0; !prefixes && i < d->n_groups; i++)
        json_array_append_new(a, json_string(d->groups[i]));
    return a;
}

/* Which device, where it is and what it belongs to: nothing about logging in. */
static void put_identity(json_t *o, const device_t *d)
{
    json_object_set_new(o, "name", json_string(d->name));
    json_object_set_new(o, "vendor", json_string(d->vendor));
    json_object_set_new(o, "host", json_string(d->host));
    json_object_set_new(o, "port", int_or_null(d->port > 0, d->port));
    json_object_set_new(o, "user", text_json(d->user));
    json_object_set_new(o, "timeout", json_integer(d->timeout_s));
    json_object_set_new(o, "exec", json_boolean(d->exec_mode));
    json_object_set_new(o, "groups", list_json(d, false));
    json_object_set_new(o, "operator", text_json(d->operator));
    json_object_set_new(o, "file", text_json(d->file));
    json_object_set_new(o, "line", json_integer(d->line));
}

/* What the circuit is expected to look like. */
static void put_circuit(json_t *o, const device_t *d)
{
    char subnet[64] = "";
    if (d->has_subnet)
        prefix_to_string(&d->subnet, false, subnet, sizeof(subnet));
    json_object_set_new(o, "circuit", text_json(d->circuit));
    json_object_set_new(o, "link", json_string(d->link == LINK_SECONDARY ? "secondary" : "primary"));
    json_object_set_new(o, "peering", json_string(d->peering == PEERING_MICROSOFT ? "microsoft" : "private"));
    json_object_set_new(o, "vrf", text_json(d->vrf));
    json_object_set_new(o, "interface", text_json(d->interface));
    json_object_set_new(o, "subnet", text_json(subnet));
    json_object_set_new(o, "local_ip", addr_json(d->has_local_ip, &d->local_ip));
    json_object_set_new(o, "peer_ip", addr_json(d->has_peer_ip, &d->peer_ip));
    json_object_set_new(o, "local_as", int_or_null(d->local_as > 0, d->local_as));
    json_object_set_new(o, "peer_as", json_integer(d->peer_as));
    json_object_set_new(o, "hold_time", json_integer(d->hold_time));
    json_object_set_new(o, "keepalive", json_integer(d->keepalive));
    json_object_set_new(o, "md5", json_boolean(d->md5_expected));
    json_object_set_new(o, "bfd", json_boolean(d->bfd_expected));
    json_object_set_new(o, "expect_prefixes", list_json(d, true));
    json_object_set_new(o, "route_limit", int_or_null(d->route_limit > 0, d->route_limit));
    json_object_set_new(o, "onprem_source", addr_json(d->has_onprem_source, &d->onprem_source));
    json_object_set_new(o, "azure_vm", addr_json(d->has_azure_vm, &d->azure_vm));
    json_object_set_new(o, "reverse_from", text_json(d->reverse_from));
}

static json_t *device_json(const device_t *d)
{
    json_t *o = json_object();
    if (o) {
        put_identity(o, d);
        put_circuit(o, d);
    }
    return o;
}

/* ASCII only, as `check --json`: no raw byte past 0x7f reaches a terminal. */
static int print_json(const inventory_t *inv, const char *group)
{
    json_t *all = json_array();
    for (size_t i = 0; all && i < inv->n_devices; i++)
        if (shown(&inv->devices[i], group) && json_array_append_new(all, device_json(&inv->devices[i])) != 0) {
            json_decref(all);
            all = NULL;
        }
    int rc = all ? json_dumpf(all, stdout, JSON_INDENT(2) | JSON_PRESERVE_ORDER | JSON_ENSURE_ASCII) : -1;
    fputc('\n', stdout);
    json_decref(all);
    if (rc != 0)
        sanitize_fprintf(stderr, "erdiag inventory: out of memory\n");
    return rc == 0 ? EXIT_OK : EXIT_IO;
}

/* ---- the actions ---- */

static size_t count_circuits(const inventory_t *inv)
{
    size_t n = 0;
    for (size_t i = 0; i < inv->n_devices; i++)
        n += inventory_circuit_first(inv, i);
    return n;
}

static int check_action(const inventory_t *inv)
{
    static const column_t cols[] = {COL_DEVICE, COL_VENDOR, COL_HOST, COL_CIRCUIT, COL_LINK, COL_GROUPS, COL_WHERE};
    print_table(inv, NULL, cols, (int)(sizeof(cols) / sizeof(cols[0])));
    size_t circuits = count_circuits(inv);
    printf("%zu device%s, %zu group%s, %zu circuit%s: ok\n", inv->n_devices, inv->n_devices == 1 ? "" : "s",
           inv->n_groups, inv->n_groups == 1 ? "" : "s", circuits, circuits == 1 ? "" : "s");
    return EXIT_OK;
}

/* "no group 'nyk' in PATH; did you mean 'nyc'?" */
static int unknown_group(const inventory_t *inv, const char *path, const char *group)
{
    suggest_t s;
    suggest_init(&s, group);
    for (size_t i = 0; i < inv->n_groups; i++)
        suggest_offer(&s, inv->groups[i].name);
    const char *best = suggest_best(&s);
    sanitize_fprintf(stderr, "erdiag inventory: no group '%s' in %s%s%s%s\n", group, path,
                     best ? "; did you mean '" : "", best ? best : "", best ? "'?" : "");
    return EXIT_USAGE;
}

static int list_action(const inventory_t *inv, const char *path, const inventory_opts_t *o)
{
    static const column_t cols[] = {COL_DEVICE, COL_VENDOR, COL_CIRCUIT, COL_LINK, COL_PEERING, COL_GROUPS, COL_HOST};
    if (o->group && !inventory_find_group(inv, o->group))
        return unknown_group(inv, path, o->group);
    if (o->json)
        return print_json(inv, o->group);
    print_table(inv, o->group, cols, (int)(sizeof(cols) / sizeof(cols[0])));
    return EXIT_OK;
}

/* 0 to go on, -1 after --help, or EXIT_USAGE after saying why. */
static int parse_options(int argc, char **argv, inventory_opts_t *o)
{
    cli_getopt_t g;
    int opt;
    cli_getopt_init(&g, &cli_cmd_inventory);
    while ((opt = cli_getopt_next(&g, argc, argv)) != -1) {
        switch (opt) {
        case 'i': o->inventory = optarg; break;
        case 'g': o->group = optarg; break;
        case 'j': o->json = true; break;
        case 'h': cli_usage(stdout, &cli_cmd_inventory); return -1;
        default: return EXIT_USAGE;
        }
    }
    if (argc - optind != 1)
        return usage_error("%s", argc - optind < 1 ? "need check or list" : "one of check or list only");
    o->action = argv[optind];
    if (strcmp(o->action, "check") != 0 && strcmp(o->action, "list") != 0) {
        suggest_t s;
        suggest_init(&s, o->action);
        suggest_offer(&s, "check");
        suggest_offer(&s, "list");
        char msg[300];
        if (suggest_best(&s))
            snprintf(msg, sizeof(msg), "unknown action '%s'; did you mean '%s'?", o->action, suggest_best(&s));
        else
            snprintf(msg, sizeof(msg), "unknown action '%s' (check or list)", o->action);
        return usage_error("%s", msg);
    }
    if (strcmp(o->action, "check") == 0 && (o->group || o->json))
        return usage_error("%s", "--group and --json go with list");
    return 0;
}

static int inventory_exec(int argc, char **argv)
{
    inventory_opts_t o = {0};
    int rc = parse_options(argc, argv, &o);
    if (rc != 0)
        return rc < 0 ? EXIT_OK : rc;
    inventory_t inv;
    char path[1100], err[1400];
    if (device_load_inventory(o.inventory, &inv, path, sizeof(path), err, sizeof(err)) != 0) {
        sanitize_fprintf(stderr, "erdiag inventory: %s\n", err);
        inventory_free(&inv);
        return EXIT_USAGE;
    }
    if (inv.warning[0])
        sanitize_fprintf(stderr, "erdiag inventory: warning: %s\n", inv.warning);
    rc = strcmp(o.action, "check") == 0 ? check_action(&inv) : list_action(&inv, path, &o);
    inventory_free(&inv);
    return rc;
}

const cli_cmd_t cli_cmd_inventory = {
    .name = "inventory",
    .usage = "check|list [--inventory FILE] [--group GROUP] [--json]",
    .summary = "validate the inventory and show its devices as resolved (groups, includes, defaults)",
    .options = inventory_options,
    .epilog = "check prints each device with where it is defined, then \"N devices, M groups, K circuits: ok\".\n"
              "exit: 0 valid, 2 the inventory's first error (file:line: reason) or a usage error\n",
    .exec = inventory_exec,
};
