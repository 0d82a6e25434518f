/* vendor.h: everything erdiag knows about talking to one platform, as const data.
 *
 * One table per vendor (probes/vendor_ios.c, ...): how to turn paging off, what its prompt
 * and error messages look like, which command answers each probe (with a structured variant
 * where the platform has one), and which command shapes are read-only (the allowlist: the first
 * stage of a command by `allow`, every stage after a '|' by `pipes`; see probes/pipeline.h). */
#ifndef ERDIAG_VENDOR_H
#define ERDIAG_VENDOR_H

#include <stdbool.h>
#include <stddef.h>

#include "probes/probe.h"

/* Templates hold {peer}, {prefix}, {iface}, {target}, {source}, {vrf}; a template with {vrf}
 * is used only when the device has a VRF, its plain twin only when it has none.  A part in
 * brackets, "[ source {source}]", is left out when a placeholder in it has no value. */
typedef struct {
    probe_id_t probe;
    const char *command;     /* text form, default VRF */
    const char *command_vrf; /* text form inside {vrf}; NULL: same as command; "": none in a VRF */
    const char *structured;  /* JSON form; NULL where the platform has none */
} vendor_probe_t;

/* What to do next for a runbook cause (DESIGN.md cause codes), filled by framework/remedy.c.
 *
 * next: only lines that can be typed on this platform, in the order they are typed: commands
 *       that confirm the cause, then the configuration that fixes it (with the platform's own
 *       way into and out of configuration mode), then commands that confirm the fix.  A line
 *       that resets a session or takes a link down or up now (a hard "clear bgp", shutdown /
 *       no shutdown, an address, AS, key or encapsulation change on a live neighbor or
 *       interface) is written DISRUPTIVE("..."): the report marks it, and it is never the
 *       first line of a remedy.  Soft resets ("clear ip bgp X soft in") are not disruptive.
 * note: explanations, and lines for another place, each prefixed with where it is typed
 *       ("shell: ..." for the Linux host under FRR); what holds on every platform, Azure's
 *       side included, comes from common_remedy().
 *
 * {placeholders} name what the evidence or the inventory knows (framework/remedy_context.c);
 * what erdiag cannot know is written <like-this> and stays so (a value starting with '<' is
 * never rewritten by core/redact.c, so "password <shared-key>" survives redaction). */
#define VENDOR_REMEDY_NEXT 10
#define VENDOR_REMEDY_NOTES 5
#define VENDOR_DISRUPTIVE_MARK '!'
#define DISRUPTIVE(line) "!" line
typedef struct {
    const char *cause;
    const char *next[VENDOR_REMEDY_NEXT];  /* NULL-terminated when shorter */
    const char *note[VENDOR_REMEDY_NOTES]; /* NULL-terminated when shorter */
} vendor_remedy_t;

/* A table line without its DISRUPTIVE mark; *disruptive says whether it had one (may be NULL). */
const char *vendor_remedy_line(const char *line, bool *disruptive);

/* How a platform prints the AS path of the routes it advertises to a neighbor
 * (PROBE_BGP_ADVERTISED): before the outbound policy, without our AS (IOS, NX-OS: a prepend
 * set by the route-map does not show); after the policy, without the AS eBGP adds on the wire
 * (FRR: "65010 65010 65010" for three prepends); or as sent, our AS included (IOS-XR, Junos,
 * which brackets it: "[65010] 65010 65010"; EOS UNVERIFIED). */
typedef enum { ADV_PATH_PRE_POLICY = 0, ADV_PATH_POST_POLICY, ADV_PATH_AS_SENT } adv_path_t;

typedef struct {
    const char *name;               /* "ios": also the parser vendor */
    const char *title;
    const char *const *paging_off;  /* commands sent after login, NULL-terminated */
    const char *prompt;             /* PCRE2: a whole line that is the prompt */
    const char *const *errors;      /* PCRE2: a line meaning the device rejected the command */
    const char *const *allow;       /* PCRE2: read-only command shapes (anchored, the whole first stage) */
    /* PCRE2, NULL-terminated: the output filters allowed after a '|' (anchored, one whole stage,
     * blanks trimmed); a named group "arg" is also checked as a filter argument (plain regular
     * expression characters, bounded length).  NULL: the platform takes no '|' at all. */
    const char *const *pipes;
    const char *charset;            /* characters besides letters and digits a command may hold;
                                     * NULL: those the shared checks leave (probes/command.c) */
    const vendor_probe_t *probes;
    size_t n_probes;
    /* The IPv6 forms of the probes that are not family-neutral (probe_family_neutral()): a
     * family-specific probe missing here has no IPv6 command on the platform. */
    const vendor_probe_t *probes6;
    size_t n_probes6;
    bool exec_channel;              /* commands may run over an SSH exec channel */
    bool abbreviations;             /* the CLI takes "sh ip bgp sum": probes/abbrev.h writes it out */
    /* The router's own "telnet X 179" stays connected when the port is open: tcp_connected (PCRE2,
     * multiline) recognises that, and tcp_hangup is typed to end it and get the CLI back (an
     * escape character, then the close command and any confirmation). NULL: no such test. */
    const char *tcp_connected;
    const char *tcp_hangup;
    /* A command that never ends by itself (vtysh's ping runs the system ping, which pings until
     * interrupted): PCRE2 on the command.  After VENDOR_ENDLESS_SECONDS its output so far is the
     * answer and interrupt is typed to get the CLI back (an exec channel is closed instead).
     * NULL: none. */
    const char *endless;
    const char *interrupt;
    const vendor_remedy_t *remedies;
    size_t n_remedies;
    /* The causes whose lines differ for the IPv6 peering (ND, ipv6 address, the ipv6 unicast
     * family); any other cause's lines are the IPv4 table's. */
    const vendor_remedy_t *remedies6;
    size_t n_remedies6;
    adv_path_t advertised_path;
} vendor_t;

extern const vendor_t vendor_ios, vendor_nxos, vendor_iosxr, vendor_eos, vendor_junos, vendor_frr, vendor_linux;

const vendor_t *vendor_find(const char *name);
const vendor_probe_t *vendor_probe(const vendor_t *v, probe_id_t probe);
/* The probe's entry when the platform has a command for it in that VRF (NULL or "" = the
 * default one), else NULL: IPv4, or the family's (vendor_probe_for). */
const vendor_probe_t *vendor_probe_in(const vendor_t *v, probe_id_t probe, const char *vrf);
const vendor_probe_t *vendor_probe_for(const vendor_t *v, probe_id_t probe, const char *vrf, family_t family);
/* Under 5 s: FRR's event loop logs a STARVATION warning onto the terminal, after the prompt, when
 * vtysh waits on a command for 5 s or more; 4.5 s still lets a ping send five probes. */
#define VENDOR_ENDLESS_SECONDS 4.5
const vendor_remedy_t *vendor_remedy(const vendor_t *v, const char *cause);
/* The remedy for the family's peering: remedies6 first for IPv6, then the IPv4 table. */
const vendor_remedy_t *vendor_remedy_for(const vendor_t *v, const char *cause, family_t family);
/* The entry of table[0..n) for cause; NULL when none. */
const vendor_remedy_t *remedy_find(const vendor_remedy_t *table, size_t n, const char *cause);
/* The notes of a cause that hold on every platform: the ExpressRoute and BGP facts that decide
 * the fix, and Microsoft's side (Azure PowerShell / CLI reads, the shared-key and PeerASN fixes)
 * (probes/remedy_common.c).  NULL when none. */
const vendor_remedy_t *common_remedy(const char *cause);
/* The probe whose command template (any of its forms) command has the shape of, each
 * {placeholder} standing for one word; PROBE_COUNT when none.  Replay answers such a command from
 * the probe's file and record saves it there, so recordings and hand-written scenarios share one
 * layout. */
probe_id_t vendor_probe_for_command(const vendor_t *v, const char *command);
/* The family a probe command asks about: IPv6 when it has the shape of an IPv6 form only, or
 * of both forms (telnet {peer} 179) with an IPv6 address in it; else IPv4. */
family_t vendor_command_family(const vendor_t *v, const char *command);

#endif
