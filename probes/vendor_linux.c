/* vendor_linux.c: a Linux host (the Azure VM or an on-prem host) for traces and connect tests. */
#include "probes/vendor.h"

static const char *const linux_paging_off[] = {NULL};
static const char *const linux_errors[] = {"command not found$", "^[a-z]+: invalid option", NULL};
static const char *const linux_allow[] = {
    "^traceroute( -n)?( -w [0-9])?( -q [0-9])?( -s [0-9a-fA-F.:]+)? [0-9a-fA-F.:]+$",
    "^mtr (--report|-r) (-n )?(-c [0-9]{1,2} )?[0-9a-fA-F.:]+$",
    "^ip (-[46] )?(route|neigh|addr)( show| get [0-9a-fA-F.:]+)?$",
    "^ping -c [0-9]{1,2}( -W [0-9]{1,2})? [0-9a-fA-F.:]+$",
    "^nc -z -v -w [0-9]{1,2} [0-9a-fA-F.:]+ 179$",
    NULL,
};

static const vendor_probe_t linux_probes[] = {
    {PROBE_TRACEROUTE, "traceroute -n -w 2 -q 3 {target}", NULL, NULL},
    {PROBE_ROUTE_LOOKUP, "ip route get {prefix}", NULL, NULL},
    {PROBE_TCP_179, "nc -z -v -w 5 {peer} 179", NULL, NULL},
};

const vendor_t vendor_linux = {
    .name = "linux", .title = "Linux host", .paging_off = linux_paging_off,
    .prompt = "^[^\\s]*[$#]\\s*$", .errors = linux_errors, .allow = linux_allow,
    .probes = linux_probes, .n_probes = sizeof(linux_probes) / sizeof(linux_probes[0]), .exec_channel = true,
};
