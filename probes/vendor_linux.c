/* vendor_linux.c: a Linux host (the Azure VM or an on-prem host) for traces and connect tests. */
#include "probes/vendor.h"

static const char *const linux_paging_off[] = {NULL};
static const char *const linux_errors[] = {"command not found$", "^[a-z]+: invalid option", NULL};
/* A shell reads what we send: no '|' at all (pipes = NULL), only the characters of charset, and
 * only these shapes, each read-only with bounded counts and waits.  ADDR is an IP address. */
#define ADDR "[0-9a-fA-F.:]+"
static const char *const linux_allow[] = {
    "^traceroute( -n)?( -w [1-9])?( -q [1-5])?( -m [0-9]{1,2})?( -s " ADDR ")? " ADDR "$",
    "^tracepath( -n)?( -m [0-9]{1,2})? " ADDR "$",
    "^mtr (--report|-r)( -n)?( -c [0-9]{1,2})? " ADDR "$",
    "^ping( -n)? -c ([1-9]|10)( -W ([1-9]|10))?( -s [0-9]{1,4})?( -M (do|dont))? " ADDR "$",
    "^ip (-[46] )?route get [0-9a-fA-F.:/]+$",
    "^ip (-[46] )?(route|addr)( show)?$",
    "^ip (-[46] )?neigh( show( " ADDR ")?( dev [A-Za-z0-9._-]{1,15})?)?$",
    "^ss -ta?n( state (established|syn-sent|syn-recv|listening|time-wait))?( (dst|src) " ADDR ")?$",
    "^nc (-z -v|-zv|-vz) -w ([1-9]|10) " ADDR " 179$",
    NULL,
};
#undef ADDR

static const vendor_probe_t linux_probes[] = {
    {PROBE_TRACEROUTE, "traceroute -n -w 2 -q 3 {target}", NULL, NULL},
    {PROBE_ROUTE_LOOKUP, "ip route get {prefix}", NULL, NULL},
    {PROBE_TCP_179, "nc -z -v -w 5 {peer} 179", NULL, NULL},
};

/* IPv6: traceroute, ip and nc take either family's address as it is. */
static const vendor_probe_t linux_probes6[] = {
    {PROBE_TRACEROUTE, "traceroute -n -w 2 -q 3 {target}", NULL, NULL},
    {PROBE_ROUTE_LOOKUP, "ip route get {prefix}", NULL, NULL},
    {PROBE_TCP_179, "nc -z -v -w 5 {peer} 179", NULL, NULL},
};

/* What to type next on a host (the Azure VM or an on-prem host), for the causes a host can
 * confirm or fix: shell commands.  Format and placeholders: probes/vendor.h and
 * framework/remedy_context.c. */
static const vendor_remedy_t linux_remedies[] = {
    {"asymmetric_path", {"ip route get {azure_vm}", "traceroute -n {azure_vm}", "ip rule show", "sysctl net.ipv4.conf.all.rp_filter"},
     {"Compare the trace with the one from the other side; strict rp_filter (1) drops asymmetric replies",
      "On-prem: route the Azure prefixes via the ExpressRoute edge: ip route replace {prefix} via <ce-address>"}},
    {"return_via_internet", {"ip route get {onprem_source}", "traceroute -n {onprem_source}"},
     {"On the CE: advertise the on-prem (or NAT pool) prefix to Microsoft; check NAT on the on-prem edge"}},
    {"forced_tunneling", {"ip route get {onprem_source}", "traceroute -n {onprem_source}"}, {NULL}},
    {"tcp179_blocked", {"nc -zv -w 5 {peer} 179", "ip route get {peer}", "nft list ruleset | grep -n -e 179 -e bgp"},
     {"A timeout means a filter drops TCP 179 on the way: check this host's firewall, then every ACL and firewall to "
      "{peer}"}},
    {"tcp179_refused", {"nc -zv -w 5 {peer} 179", "ip route get {peer}"},
     {"A reset means {peer} has no BGP listener for this source: test from the CE ({local_ip}), the only address the "
      "MSEE peers with"}},
};

const vendor_t vendor_linux = {
    .name = "linux", .title = "Linux host", .paging_off = linux_paging_off,
    .prompt = "^[^\\s]*[$#]\\s*$", .errors = linux_errors, .allow = linux_allow,
    .pipes = NULL, .charset = " ._:/-",
    .probes = linux_probes, .n_probes = sizeof(linux_probes) / sizeof(linux_probes[0]), .exec_channel = true,
    .probes6 = linux_probes6, .n_probes6 = sizeof(linux_probes6) / sizeof(linux_probes6[0]),
    .remedies = linux_remedies, .n_remedies = sizeof(linux_remedies) / sizeof(linux_remedies[0]),
};
