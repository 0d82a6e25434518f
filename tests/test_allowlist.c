/* test_allowlist.c: the read-only allowlist, one cmocka test per command line.
 *
 * A hand-written table of hostile and ordinary lines on all seven platforms (every example of
 * issue 7, stage chains, alternation tricks, case, tabs, doubled and trailing pipes, lookalike
 * characters, long lines) and rows generated from the vendor tables themselves: every probe
 * template expanded in every form must pass, and every write/shell stage after every allowed
 * filter of every platform, glued or spaced, must not. */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "probes/abbrev.h"
#include "probes/command.h"
#include "probes/pipeline.h"
#include "tests/testhelp.h"

#define REFUSED false
#define ALLOWED true

typedef struct {
    const char *vendor;
    const char *command;
    bool allowed;
    const char *reason; /* a substring of the refusal reason; NULL: any */
} row_t;

/* One test: a command, or a probe template expanded in one form with a suffix appended. */
typedef struct {
    const vendor_t *v;
    char *command; /* owned; NULL for a template row */
    bool allowed;
    const char *reason;
    int probe; /* template rows: the probe and form; else -1 */
    int form;
    const char *suffix;
    bool written_out; /* erdiag's own command (a template or a remedy): expanding it changes nothing */
} case_t;

enum { FORM_TEXT, FORM_STRUCTURED, FORM_VRF, FORM_IPV6, FORM_COUNT };

/* The hand-written rows: {platform, line, allowed?, a substring of the refusal reason}. */
static const row_t fixed_rows[] = {
    /* issue 7: an argument swallowed a second stage */
    {"ios", "show running-config | include . | redirect flash:x", REFUSED, "redirect"},
    {"ios", "show run | section bgp | redirect tftp://10.0.0.1/x", REFUSED, "redirect"},
    {"ios", "show run | count x | tee flash:x", REFUSED, "tee"},
    {"ios", "show version | json | redirect flash:x", REFUSED, "redirect"},
    {"nxos", "show version | json | redirect flash:x", REFUSED, "redirect"},
    {"eos", "show version | json | redirect flash:x", REFUSED, "redirect"},
    {"junos", "show configuration | match x | save /var/tmp/x", REFUSED, "save"},
    {"junos", "show configuration | match x | request system reboot", REFUSED, "request"},
    {"nxos", "show run | grep x | sed s/a/b/", REFUSED, "sed"},
    {"nxos", "show run | grep x | sed -n p", REFUSED, "sed"},
    {"linux", "traceroute -n 10.1.0.4 | xargs reboot", REFUSED, "'|'"},
    {"linux", "traceroute -n 10.1.0.4 | sh", REFUSED, "'|'"},
    {"linux", "ping -c 1 10.1.0.4 | sh", REFUSED, "'|'"},
    {"linux", "ip route get 10.1.0.4 | bash", REFUSED, "'|'"},
    {"ios", "show logging | include x|redirect flash:", REFUSED, "redirect"},
    {"ios", "show logging | include . | redirect x", REFUSED, "redirect"},
    {"junos", "show log messages | match \"x | save y\"", REFUSED, "save"},
    {"junos", "show log messages | match \"x|save y\"", REFUSED, "save"},
    {"junos", "show log messages | match \"a | request system reboot\"", REFUSED, "request"},
    {"ios", "show logging | include \"a | redirect flash:b\"", REFUSED, "redirect"},
    /* alternation tricks: a keyword glued to a '|' starts a stage */
    {"ios", "show logging | include x|tee flash:x", REFUSED, "tee"},
    {"ios", "show logging | include x |tee flash:x", REFUSED, "tee"},
    {"ios", "show logging | include x| tee flash:x", REFUSED, "tee"},
    {"ios", "show logging | include x|append flash:x", REFUSED, "append"},
    {"ios", "show logging | include x|REDIRECT flash:x", REFUSED, "REDIRECT"},
    {"ios", "show logging | include x|Redirect flash:x", REFUSED, "Redirect"},
    {"ios", "show logging | include x|red flash:x", REFUSED, "red flash:x"},
    {"ios", "show logging | include x|r flash:x", REFUSED, "r flash:x"},
    {"ios", "show logging | include x|t flash:x", REFUSED, NULL},
    {"ios", "show logging | include x|a flash:x", REFUSED, NULL},
    {"ios", "show logging | include x|\"tee\" flash:x", REFUSED, "tee"},
    {"ios", "show logging | include x|(tee flash:x)", REFUSED, "tee"},
    {"ios", "show logging | include x|^save /tmp/x", REFUSED, "save"},
    {"ios", "show logging | include x|.tee", REFUSED, "tee"},
    {"ios", "show logging | include x|tee-x", REFUSED, NULL},
    {"ios", "show logging | include x||tee flash:x", REFUSED, "tee"},
    {"ios", "show logging | include x|||tee flash:x", REFUSED, "tee"},
    {"ios", "show logging | include x|section y|redirect flash:x", REFUSED, "redirect"},
    {"ios", "show logging | include BADAUTH|MD5|redirect flash:x", REFUSED, "redirect"},
    {"ios", "show logging | include BADAUTH|MD5|TCP-6|tee flash:x", REFUSED, "tee"},
    {"ios", "show logging | include x|include y", ALLOWED, NULL},
    {"ios", "show logging | include x|last 5", ALLOWED, NULL}, /* a read-only word: alternation */
    {"ios", "show logging | include x|grep y", ALLOWED, NULL},
    {"nxos", "show run | grep x|sed -n p", REFUSED, "sed"},
    {"nxos", "show run | grep x|awk 1", REFUSED, "awk"},
    {"nxos", "show run | grep x|xargs reboot", REFUSED, "xargs"},
    {"nxos", "show run | grep x|sh", REFUSED, "sh"},
    {"nxos", "show run | grep x|bash -c id", REFUSED, "bash"},
    {"nxos", "show run | grep x|python -c 1", REFUSED, "python"},
    {"nxos", "show run | grep x|python3.11", REFUSED, "python3"},
    {"nxos", "show run | grep x|perl5 -e 1", REFUSED, "perl5"},
    {"nxos", "show run | grep x|vsh", REFUSED, "vsh"},
    {"nxos", "show run | grep x|email a", REFUSED, "email"},
    {"nxos", "show run | egrep x|tail", ALLOWED, NULL},
    {"nxos", "show run | grep -f bootflash:x", REFUSED, "grep -f"},
    {"nxos", "show run | json|redirect bootflash:x", REFUSED, "redirect"},
    {"eos", "show ip bgp summary | include x|bash", REFUSED, "bash"},
    {"eos", "show ip bgp summary | json|redirect flash:x", REFUSED, "redirect"},
    {"eos", "show ip bgp summary | include Estab|tee flash:x", REFUSED, "tee"},
    {"iosxr", "show run | include x|file harddisk:/x", REFUSED, "file"},
    {"iosxr", "show run | include x|utility cp a b", REFUSED, "utility"},
    {"iosxr", "show run | utility egrep x", REFUSED, "utility"},
    {"iosxr", "show run | file harddisk:/x", REFUSED, "file"},
    {"junos", "show log messages | match \"MD5|save\"", REFUSED, "save"},
    {"junos", "show log messages | match MD5|save /var/tmp/x", REFUSED, "save"},
    {"junos", "show log messages | match x|request system reboot", REFUSED, "request"},
    {"junos", "show log messages | match x|sa /var/tmp/x", REFUSED, NULL},
    {"junos", "show configuration | display set|save /var/tmp/x", REFUSED, "save"},
    {"junos", "show configuration | count|append /var/tmp/x", REFUSED, "append"},
    {"frr", "show running-config | include x|sh", REFUSED, "sh"},
    {"frr", "show running-config | include x|reboot", REFUSED, "reboot"},
    {"frr", "show running-config | include x|cat /etc/shadow", ALLOWED, NULL}, /* vtysh: a regex, no shell */
    {"frr", "show running-config | include a|b", ALLOWED, NULL},
    {"frr", "show running-config | include -f /etc/shadow", ALLOWED, NULL},
    {"frr", "show running-config | include \"x\"", ALLOWED, NULL},
    {"frr", "show running-config | exclude password", REFUSED, "exclude"}, /* vtysh has no exclude */
    {"frr", "show running-config | begin router", REFUSED, "begin"},
    {"frr", "show running-config | grep bgp", REFUSED, "grep"},
    {"frr", "show running-config | json", REFUSED, "json"},
    /* upper-case and mixed-case keywords */
    {"ios", "show running-config | REDIRECT flash:x", REFUSED, "REDIRECT"},
    {"ios", "show running-config | Tee flash:x", REFUSED, "Tee"},
    {"ios", "show running-config | APPEND flash:x", REFUSED, "APPEND"},
    {"ios", "show running-config | INCLUDE x", REFUSED, "INCLUDE"},
    {"junos", "show configuration | SAVE /var/tmp/x", REFUSED, "SAVE"},
    {"junos", "show configuration | Request system reboot", REFUSED, "Request"},
    {"junos", "show configuration | DISPLAY JSON", REFUSED, NULL},
    {"nxos", "show run | SED -n p", REFUSED, "SED"},
    {"nxos", "show run | JSON", REFUSED, NULL},
    {"eos", "show run | BASH", REFUSED, "BASH"},
    {"linux", "TRACEROUTE -n 10.1.0.4", REFUSED, NULL},
    {"ios", "SHOW VERSION", REFUSED, NULL},
    /* tabs and other blanks */
    {"ios", "show version\t| redirect flash:x", REFUSED, "control"},
    {"ios", "show version |\tinclude x", REFUSED, "control"},
    {"ios", "show version | include x\t|tee flash:x", REFUSED, "control"},
    {"junos", "show configuration |\tsave /var/tmp/x", REFUSED, "control"},
    {"linux", "traceroute\t-n 10.1.0.4", REFUSED, "control"},
    {"ios", "show version\v| tee x", REFUSED, "control"},
    {"ios", "show version\f", REFUSED, "control"},
    /* doubled pipes, trailing pipes, empty stages */
    {"ios", "show version ||", REFUSED, "empty stage"},
    {"ios", "show version |", REFUSED, "empty stage"},
    {"ios", "show version | ", REFUSED, "empty stage"},
    {"ios", "show version|", REFUSED, "empty stage"},
    {"ios", "| include x", REFUSED, NULL},
    {"ios", "|", REFUSED, NULL},
    {"ios", " | ", REFUSED, NULL},
    {"ios", "||", REFUSED, NULL},
    {"ios", "show version | | include x", REFUSED, "empty stage"},
    {"ios", "show version || include x", REFUSED, "empty stage"},
    {"ios", "show version | include x |", REFUSED, "empty stage"},
    {"ios", "show version | include x||", REFUSED, "empty stage"},
    {"ios", "show version | include x||y", REFUSED, "empty stage"},
    {"junos", "show version | match x | | save y", REFUSED, "save"},
    {"junos", "show version ||", REFUSED, "empty stage"},
    {"nxos", "show version | json |", REFUSED, "empty stage"},
    {"eos", "show version | json ||", REFUSED, "empty stage"},
    {"iosxr", "show version | include x |", REFUSED, "empty stage"},
    {"frr", "show version |", REFUSED, "empty stage"},
    {"linux", "traceroute -n 10.1.0.4 |", REFUSED, "'|'"},
    {"ios", "", REFUSED, "empty command"},
    {"linux", "", REFUSED, "empty command"},
    {"ios", "show version | include", REFUSED, "not allowed"},
    {"ios", "show version | include ", REFUSED, "not allowed"},
    {"junos", "show version | match", REFUSED, "not allowed"},
    {"junos", "show version | match \"\"", REFUSED, "empty filter argument"},
    /* non-ASCII: lookalikes of '|', of letters, of blanks */
    {"ios", "show run \xef\xbd\x9c redirect flash:x", REFUSED, "non-ASCII"},         /* U+FF5C fullwidth | */
    {"ios", "show run \xe2\x88\xa3 tee flash:x", REFUSED, "non-ASCII"},              /* U+2223 divides */
    {"ios", "show run | include x\xc7\x80redirect flash:x", REFUSED, "non-ASCII"},   /* U+01C0 click */
    {"ios", "show run | r\xd0\xb5" "direct flash:x", REFUSED, "non-ASCII"},          /* Cyrillic e */
    {"ios", "show run | includ\xd0\xb5 x", REFUSED, "non-ASCII"},
    {"ios", "\xd1\x95how version", REFUSED, "non-ASCII"},                           /* Cyrillic s */
    {"ios", "show version\xc2\xa0| tee flash:x", REFUSED, "non-ASCII"},             /* no-break space */
    {"ios", "show version |\xc2\xa0include x", REFUSED, "non-ASCII"},
    {"junos", "show configuration \xef\xbd\x9c save /var/tmp/x", REFUSED, "non-ASCII"},
    {"nxos", "show run | grep x\xe2\x94\x82sed -n p", REFUSED, "non-ASCII"},         /* U+2502 box line */
    {"linux", "traceroute -n 10.1.0.4 \xef\xbd\x9c sh", REFUSED, "non-ASCII"},
    {"eos", "show run \xef\xbc\x9b reload", REFUSED, "non-ASCII"},                  /* U+FF1B fullwidth ; */
    {"ios", "show version \xff", REFUSED, "non-ASCII"},
    {"ios", "show version \x80", REFUSED, "non-ASCII"},
    /* shell and CLI syntax anywhere */
    {"ios", "show run | section bgp; reload", REFUSED, "';'"},
    {"ios", "show version && reload", REFUSED, "'&'"},
    {"ios", "show version `reload`", REFUSED, "'`'"},
    {"ios", "show version $(reload)", REFUSED, "'$'"},
    {"nxos", "show tech-support > bootflash:x", REFUSED, "'>'"},
    {"nxos", "show running-config >> bootflash:x", REFUSED, "'>'"},
    {"eos", "show running-config > flash:x", REFUSED, "'>'"},
    {"ios", "show version < flash:x", REFUSED, "'<'"},
    {"ios", "show version !", REFUSED, "'!'"},
    {"ios", "show run | include ^!", REFUSED, "'!'"},
    {"ios", "show version {x}", REFUSED, "'{'"},
    {"ios", "show version \\x", REFUSED, "'\\'"},
    {"ios", "show run | include a\\|b", REFUSED, "'\\'"},
    {"ios", "show run | include 'x'", REFUSED, "'''"},
    {"ios", "show run | include \"x", REFUSED, "'\"'"},
    {"ios", "show run | include x\"", REFUSED, "'\"'"},
    {"junos", "show log messages | match \"a\"b\"", REFUSED, "'\"'"},
    {"ios", "show run | include #x", REFUSED, "'#'"},
    {"ios", "show run | include x@y", REFUSED, "'@'"},
    /* heads that are not read-only, or name a write */
    {"ios", "reload", REFUSED, "not a read-only"},
    {"ios", "configure terminal", REFUSED, "not a read-only"},
    {"ios", "conf t", REFUSED, "not a read-only"},
    {"ios", "write memory", REFUSED, "not a read-only"},
    {"ios", "copy running-config startup-config", REFUSED, "not a read-only"},
    {"ios", "copy running-config tftp:", REFUSED, "not a read-only"},
    {"ios", "clear ip bgp *", REFUSED, "not a read-only"},
    {"ios", "debug ip bgp", REFUSED, "not a read-only"},
    {"ios", "undebug all", REFUSED, "not a read-only"},
    {"ios", "terminal monitor", REFUSED, "not a read-only"},
    {"ios", "tclsh", REFUSED, "not a read-only"},
    {"ios", "more flash:x", REFUSED, "not a read-only"},
    {"ios", "delete flash:x", REFUSED, "not a read-only"},
    {"ios", "telnet 10.0.0.1", REFUSED, "not a read-only"},
    {"ios", "telnet 10.0.0.1 23", REFUSED, "not a read-only"},
    {"ios", "ssh -l admin 10.0.0.1", REFUSED, "not a read-only"},
    {"ios", "ping 10.0.0.1 repeat 100000", REFUSED, "not a read-only"},
    {"ios", "sh run", REFUSED, "not a read-only"},
    {"ios", "show running-config redirect flash:x", REFUSED, "redirect"},
    {"ios", "show running-config tee flash:x", REFUSED, "tee"},
    {"ios", "show version append flash:x", REFUSED, "append"},
    {"ios", "show running-config copy tftp:", REFUSED, "copy"},
    {"ios", "show run | include x | include y | include z | include a | include b | include c | include d | include e",
     REFUSED, "more than"},
    {"nxos", "run bash", REFUSED, "not a read-only"},
    {"nxos", "bash", REFUSED, "not a read-only"},
    {"nxos", "python", REFUSED, "not a read-only"},
    {"nxos", "copy running-config bootflash:x", REFUSED, "not a read-only"},
    {"nxos", "show running-config redirect bootflash:x", REFUSED, "redirect"},
    {"nxos", "reload", REFUSED, "not a read-only"},
    {"nxos", "telnet 10.0.0.1 22", REFUSED, "not a read-only"},
    {"iosxr", "run", REFUSED, "not a read-only"},
    {"iosxr", "commit", REFUSED, "not a read-only"},
    {"iosxr", "admin reload location all", REFUSED, "not a read-only"},
    {"iosxr", "copy running-config harddisk:x", REFUSED, "not a read-only"},
    {"eos", "bash timeout 5 id", REFUSED, "not a read-only"},
    {"eos", "configure session x", REFUSED, "not a read-only"},
    {"eos", "write", REFUSED, "not a read-only"},
    {"eos", "show running-config bash", REFUSED, "bash"},
    {"eos", "telnet 10.0.0.1 179", REFUSED, "not a read-only"},
    {"junos", "request system reboot", REFUSED, "not a read-only"},
    {"junos", "start shell", REFUSED, "not a read-only"},
    {"junos", "start shell sh", REFUSED, "not a read-only"},
    {"junos", "configure", REFUSED, "not a read-only"},
    {"junos", "edit", REFUSED, "not a read-only"},
    {"junos", "set system host-name x", REFUSED, "not a read-only"},
    {"junos", "set cli screen-length 0 | save /var/tmp/x", REFUSED, "save"},
    {"junos", "file copy /var/tmp/x ftp://10.0.0.1/x", REFUSED, "not a read-only"},
    {"junos", "file delete /var/tmp/x", REFUSED, "not a read-only"},
    {"junos", "clear bgp neighbor all", REFUSED, "not a read-only"},
    {"junos", "restart routing", REFUSED, "not a read-only"},
    {"junos", "op url http://10.0.0.1/x.slax", REFUSED, "not a read-only"},
    {"junos", "show configuration save /var/tmp/x", REFUSED, "save"},
    {"junos", "show configuration | compare rollback 1", REFUSED, "not allowed"},
    {"junos", "show configuration | display inheritance", REFUSED, "not allowed"},
    {"junos", "show configuration | resolve", REFUSED, "not allowed"},
    {"junos", "show configuration | hold", REFUSED, "not allowed"},
    {"junos", "show route | refresh 1", REFUSED, "not allowed"},
    {"junos", "show route | trim", REFUSED, "not allowed"},
    {"junos", "show route | last 99999", REFUSED, "not allowed"},
    {"junos", "show route | display json | save /var/tmp/x", REFUSED, "save"},
    {"junos", "show route | display json | tee /var/tmp/x", REFUSED, "tee"},
    {"frr", "configure terminal", REFUSED, "not a read-only"},
    {"frr", "write memory", REFUSED, "not a read-only"},
    {"frr", "clear bgp *", REFUSED, "not a read-only"},
    {"frr", "start-shell", REFUSED, "not a read-only"},
    {"frr", "traceroute 10.1.0.4 -w 1", REFUSED, "not a read-only"},
    /* issue 8: the CE's own path tests; vtysh hands "ping X" to the system ping as one word */
    {"frr", "ping 192.168.100.130 -c 5", REFUSED, "not a read-only"},
    {"frr", "ping -f 192.168.100.130", REFUSED, "not a read-only"},
    {"frr", "ping ip 192.168.100.130", REFUSED, "not a read-only"},
    {"frr", "ping 192.168.100.130 -I veth-ce", REFUSED, "not a read-only"},
    {"frr", "telnet 192.168.100.130 179", REFUSED, "not a read-only"},
    {"eos", "telnet 192.168.100.130 179", REFUSED, "not a read-only"},
    {"ios", "telnet 192.168.100.130 179 /source-interface Gi0/0/0.100 /stream", REFUSED, "not a read-only"},
    {"ios", "telnet 192.168.100.130 23 /source-interface Gi0/0/0.100", REFUSED, "not a read-only"},
    {"junos", "telnet 192.168.100.130 port 179 source ge-0/0/0.100", REFUSED, "not a read-only"},
    {"nxos", "telnet 192.168.100.130 179 source-interface Ethernet1/1", REFUSED, "not a read-only"},
    /* other platforms' filters: each platform takes only its own */
    {"ios", "show run | grep bgp", REFUSED, "not allowed"},
    {"ios", "show run | json", REFUSED, "not allowed"},
    {"ios", "show run | match bgp", REFUSED, "not allowed"},
    {"ios", "show run | no-more", REFUSED, "not allowed"},
    {"ios", "show run | format flash:spec.odm", REFUSED, "not allowed"},
    {"iosxr", "show run | json", REFUSED, "not allowed"},
    {"iosxr", "show run | grep bgp", REFUSED, "not allowed"},
    {"eos", "show run | grep bgp", REFUSED, "not allowed"},
    {"eos", "show run | match bgp", REFUSED, "not allowed"},
    {"eos", "show run | nz", REFUSED, "not allowed"},
    {"junos", "show route | include bgp", REFUSED, "not allowed"},
    {"junos", "show route | json", REFUSED, "not allowed"},
    {"junos", "show route | grep bgp", REFUSED, "not allowed"},
    {"nxos", "show run | match bgp", REFUSED, "not allowed"},
    {"nxos", "show run | head lines 5", REFUSED, "not allowed"},
    {"nxos", "show run | diff", REFUSED, "not allowed"},
    {"nxos", "show run | less", REFUSED, "not allowed"},
    {"frr", "show running-config | section bgp", REFUSED, "not allowed"},
    /* linux: only its own read-only shapes, bounded */
    {"linux", "ping -c 100 10.1.0.4", REFUSED, "not a read-only"},
    {"linux", "ping -c 0 10.1.0.4", REFUSED, "not a read-only"},
    {"linux", "ping -c 11 10.1.0.4", REFUSED, "not a read-only"},
    {"linux", "ping -f 10.1.0.4", REFUSED, "not a read-only"},
    {"linux", "ping 10.1.0.4", REFUSED, "not a read-only"},
    {"linux", "ping -c 1 -W 99 10.1.0.4", REFUSED, "not a read-only"},
    {"linux", "ping -c 1 -i 0.001 10.1.0.4", REFUSED, "not a read-only"},
    {"linux", "ping -c 1 example.com", REFUSED, "not a read-only"},
    {"linux", "traceroute -n example.com", REFUSED, "not a read-only"},
    {"linux", "traceroute -n 10.1.0.4 && id", REFUSED, "'&'"},
    {"linux", "traceroute -n 10.1.0.4; id", REFUSED, "';'"},
    {"linux", "traceroute -n $(id)", REFUSED, "'$'"},
    {"linux", "traceroute -n 10.1.0.4 #", REFUSED, "'#'"},
    {"linux", "traceroute -n 10.1.0.4 > /tmp/x", REFUSED, "'>'"},
    {"linux", "traceroute -n 10.1.0.4,", REFUSED, "','"},
    {"linux", "traceroute -n 10.1.0.4 *", REFUSED, "'*'"},
    {"linux", "traceroute -n 10.1.0.4 +", REFUSED, "'+'"},
    {"linux", "traceroute -n 10.1.0.4 \"x\"", REFUSED, "'\"'"},
    {"linux", "traceroute -n 10.1.0.4 'x'", REFUSED, "'''"},
    {"linux", "traceroute -n 10.1.0.4 (x)", REFUSED, "'('"},
    {"linux", "traceroute -n 10.1.0.4 ~", REFUSED, "'~'"},
    {"linux", "traceroute -n 10.1.0.4 %x", REFUSED, "'%'"},
    {"linux", "traceroute -n 10.1.0.4 =x", REFUSED, "'='"},
    {"linux", "traceroute -n 10.1.0.4 ?", REFUSED, "'?'"},
    {"linux", "traceroute -n 10.1.0.4 [x]", REFUSED, "'['"},
    {"linux", "traceroute -n 10.1.0.4 ^x", REFUSED, "'^'"},
    {"linux", "traceroute -n 10.1.0.4 @x", REFUSED, "'@'"},
    {"linux", "traceroute -n -w 20 10.1.0.4", REFUSED, "not a read-only"},
    {"linux", "traceroute -n -q 50 10.1.0.4", REFUSED, "not a read-only"},
    {"linux", "mtr 10.1.0.4", REFUSED, "not a read-only"},
    {"linux", "mtr --report -c 1000 10.1.0.4", REFUSED, "not a read-only"},
    {"linux", "ip route add 10.0.0.0/8 via 10.1.0.1", REFUSED, "not a read-only"},
    {"linux", "ip route del default", REFUSED, "not a read-only"},
    {"linux", "ip route flush table main", REFUSED, "not a read-only"},
    {"linux", "ip link set eth0 down", REFUSED, "not a read-only"},
    {"linux", "ip neigh flush all", REFUSED, "not a read-only"},
    {"linux", "ip neigh add 10.1.0.9 lladdr 00:11:22:33:44:55 dev eth0", REFUSED, "not a read-only"},
    {"linux", "ip addr add 10.1.0.9/24 dev eth0", REFUSED, "not a read-only"},
    {"linux", "ip -batch /tmp/x", REFUSED, "not a read-only"},
    {"linux", "ip netns exec x sh", REFUSED, "not a read-only"},
    {"linux", "ip vrf exec blue sh", REFUSED, "not a read-only"},
    {"linux", "ss -K dst 10.1.0.4", REFUSED, "not a read-only"},
    {"linux", "ss -tanp", REFUSED, "not a read-only"},
    {"linux", "ss -tn -F /etc/shadow", REFUSED, "not a read-only"},
    {"linux", "nc -l -p 179", REFUSED, "not a read-only"},
    {"linux", "nc -e /bin/sh 10.1.0.4 179", REFUSED, "not a read-only"},
    {"linux", "nc -z -v -w 5 10.1.0.4 22", REFUSED, "not a read-only"},
    {"linux", "nc -z -v -w 500 10.1.0.4 179", REFUSED, "not a read-only"},
    {"linux", "cat /etc/shadow", REFUSED, "not a read-only"},
    {"linux", "sh -c id", REFUSED, "not a read-only"},
    {"linux", "bash", REFUSED, "not a read-only"},
    {"linux", "python3 -c 1", REFUSED, "not a read-only"},
    {"linux", "rm -rf /", REFUSED, "not a read-only"},
    {"linux", "reboot", REFUSED, "not a read-only"},
    {"linux", "show version", REFUSED, "not a read-only"},
    {"linux", "tracepath -l 65000 10.1.0.4", REFUSED, "not a read-only"},
    {"ios", "traceroute -n 10.1.0.4", REFUSED, "not a read-only"},
    /* stage count: the head and at most seven filters */
    {"ios", "show run | include x | include x | include x | include x | include x | include x | include x", ALLOWED,
     NULL},
    /* realistic operator commands */
    {"ios", "show ip bgp summary", ALLOWED, NULL},
    {"ios", "show ip bgp summary | include Established|Idle|Active", ALLOWED, NULL},
    {"ios", "show interfaces GigabitEthernet0/0/0 | include line protocol|CRC", ALLOWED, NULL},
    {"ios", "show running-config | section router bgp", ALLOWED, NULL},
    {"ios", "show running-config | section interface", ALLOWED, NULL},
    {"ios", "show running-config | include ^router bgp|local-as", ALLOWED, NULL},
    {"ios", "show running-config|include hostname", ALLOWED, NULL},
    {"ios", "show run|i hostname", ALLOWED, NULL},
    {"ios", "show ip route | begin Gateway", ALLOWED, NULL},
    {"ios", "show logging | include %BGP-5-ADJCHANGE", ALLOWED, NULL},
    {"ios", "show logging | include BADAUTH|MD5|TCP-6", ALLOWED, NULL},
    {"ios", "show logging | include BADAUTH|Invalid MD5", ALLOWED, NULL},
    {"ios", "show ip bgp neighbors 192.168.100.130 | include BGP state|Local host|Foreign host", ALLOWED, NULL},
    {"ios", "show ip bgp neighbors 192.168.100.130 advertised-routes | include Total", ALLOWED, NULL},
    /* the circuit step's advertised routes (PROBE_BGP_ADVERTISED), filtered or with a write stage */
    {"ios", "show ip bgp neighbors 192.168.100.134 advertised-routes | include 172.16", ALLOWED, NULL},
    {"ios", "show ip bgp neighbors 192.168.100.134 advertised-routes | redirect flash:adv", REFUSED, "redirect"},
    {"junos", "show route advertising-protocol bgp 192.168.100.134 | match 172.16", ALLOWED, NULL},
    {"junos", "show route advertising-protocol bgp 192.168.100.134 | save /var/tmp/adv", REFUSED, "save"},
    {"frr", "show bgp ipv4 unicast neighbors 192.168.100.134 advertised-routes | include 172", ALLOWED, NULL},
    {"nxos", "show ip bgp neighbors 192.168.100.134 advertised-routes | grep 172 | sed -n p", REFUSED, "sed"},
    {"ios", "show ip interface brief | exclude unassigned", ALLOWED, NULL},
    {"ios", "show ip bgp 10.1.0.0/16 | count Path", ALLOWED, NULL},
    {"ios", "show interfaces | include (Gi|Fa)[0-9]+/0", ALLOWED, NULL},
    /* the price of erring toward stages: an alternative that abbreviates a writing pipe command
     * ("Te": tee) is read as a stage, and refused; a read-only word ("Last") is not */
    {"ios", "show interfaces | include (Gi|Te)[0-9]+/0", REFUSED, "Te)"},
    {"iosxr", "show bgp neighbors 192.168.100.130 | include \"BGP state|Last reset\"", ALLOWED, NULL},
    {"ios", "show ip bgp neighbors 192.168.100.130 | include BGP state|Last reset", ALLOWED, NULL},
    {"ios", "show ip arp 192.168.100.130", ALLOWED, NULL},
    {"ios", "ping 192.168.100.130 size 1500 df-bit repeat 1000", REFUSED, "not a read-only"},
    {"ios", "ping 192.168.100.130 repeat 100 size 1500 df-bit", ALLOWED, NULL},
    {"ios", "traceroute vrf BLUE 10.1.0.4 source GigabitEthernet0/0/0 numeric", ALLOWED, NULL},
    {"ios", "telnet 192.168.100.130 179 /vrf BLUE", ALLOWED, NULL},
    {"ios", "terminal length 0", ALLOWED, NULL},
    {"nxos", "show ip bgp summary vrf BLUE | json", ALLOWED, NULL},
    {"nxos", "show ip bgp summary | json | no-more", ALLOWED, NULL},
    {"nxos", "show running-config bgp | grep neighbor", ALLOWED, NULL},
    {"nxos", "show running-config | egrep neighbor|password", ALLOWED, NULL},
    {"nxos", "show logging logfile | include MD5|BADAUTH", ALLOWED, NULL},
    {"nxos", "show logging logfile | last 50", ALLOWED, NULL},
    {"nxos", "show logging logfile | last", ALLOWED, NULL},
    {"nxos", "show interface Ethernet1/1 | include CRC|errors", ALLOWED, NULL},
    {"nxos", "show file bootflash:x", ALLOWED, NULL},
    {"nxos", "ping 192.168.100.130 vrf BLUE count 5", ALLOWED, NULL},
    {"iosxr", "show bgp vrf BLUE summary", ALLOWED, NULL},
    {"iosxr", "show running-config router bgp | include neighbor|remote-as", ALLOWED, NULL},
    {"iosxr", "show logging | include MD5|BADAUTH", ALLOWED, NULL},
    {"iosxr", "show bgp neighbors 192.168.100.130 | include \"BGP state|Local host\"", ALLOWED, NULL},
    {"iosxr", "show route vrf BLUE 10.1.0.0/16", ALLOWED, NULL},
    /* issue 12: the forms of the real captures the parsers read */
    {"ios", "show ip prefix-list detail", ALLOWED, NULL},
    {"ios", "show ip prefix-list detail ER-IN-PL", ALLOWED, NULL},
    {"iosxr", "show arp detail", ALLOWED, NULL},
    {"iosxr", "show arp vrf BLUE detail", ALLOWED, NULL},
    {"iosxr", "show bgp 10.1.0.0/16", ALLOWED, NULL},
    {"iosxr", "show bgp vrf BLUE 10.1.0.0/16", ALLOWED, NULL},
    {"nxos", "show bfd neighbors", ALLOWED, NULL},
    {"iosxr", "show route vrf BLUE ipv4 unicast 10.1.0.0/16", ALLOWED, NULL},
    {"iosxr", "show route ipv4 next-hop 192.168.100.130", ALLOWED, NULL},
    {"eos", "show ip bgp summary vrf BLUE", ALLOWED, NULL},
    {"eos", "show ip bgp summary | json", ALLOWED, NULL},
    {"eos", "show running-config section router bgp | include router bgp|local-as", ALLOWED, NULL},
    {"eos", "show logging | include MD5|BADAUTH", ALLOWED, NULL},
    {"eos", "show interfaces Ethernet1 | include CRC|errors", ALLOWED, NULL},
    {"eos", "show ip bgp neighbors 192.168.100.130 vrf BLUE | include BGP state|Connections", ALLOWED, NULL},
    {"junos", "show log messages | match \"MD5|auth\"", ALLOWED, NULL},
    {"junos", "show bgp summary | display json", ALLOWED, NULL},
    {"junos", "show bgp neighbor 192.168.100.130 | match \"Peer:|State\"", ALLOWED, NULL},
    {"junos", "show configuration protocols bgp | display set | match authentication", ALLOWED, NULL},
    {"junos", "show configuration interfaces ge-0/0/0 | display set | match vlan", ALLOWED, NULL},
    {"junos", "show route advertising-protocol bgp 192.168.100.130 | count", ALLOWED, NULL},
    {"junos", "show route receive-protocol bgp 192.168.100.130 | match 10.1.0.0 | count", ALLOWED, NULL},
    {"junos", "show log messages | last 100 | no-more", ALLOWED, NULL},
    {"junos", "show interfaces ge-0/0/0 extensive | match \"errors|CRC|Carrier transitions\"", ALLOWED, NULL},
    {"junos", "show route table BLUE.inet.0 | find 10.1.0.0", ALLOWED, NULL},
    {"junos", "show configuration | except description", ALLOWED, NULL},
    {"junos", "show log messages | trim 20", ALLOWED, NULL},
    {"junos", "set cli screen-length 0", ALLOWED, NULL},
    {"junos", "ping 192.168.100.130 count 5 rapid", ALLOWED, NULL},
    {"frr", "show bgp summary", ALLOWED, NULL},
    {"frr", "show bgp summary json", ALLOWED, NULL},
    {"frr", "show running-config | include neighbor 192.168.100.130", ALLOWED, NULL},
    {"frr", "show bgp neighbors 192.168.100.130 | include BGP state", ALLOWED, NULL},
    {"frr", "show bgp vrf BLUE ipv4 unicast 10.1.0.0/16", ALLOWED, NULL},
    {"frr", "traceroute 10.1.0.4", ALLOWED, NULL},
    {"frr", "ping 192.168.100.130", ALLOWED, NULL},
    {"ios", "telnet 192.168.100.130 179 /source-interface GigabitEthernet0/0/0.100", ALLOWED, NULL},
    {"ios", "telnet 192.168.100.130 179 /vrf BLUE /source-interface GigabitEthernet0/0/0.100", ALLOWED, NULL},
    {"ios", "ping 192.168.100.130 source 192.168.100.129 repeat 5", ALLOWED, NULL},
    {"junos", "telnet 192.168.100.130 port 179 source 192.168.100.129", ALLOWED, NULL},
    {"junos", "ping 192.168.100.130 source 192.168.100.129 count 5 rapid", ALLOWED, NULL},
    {"iosxr", "telnet 192.168.100.130 179 source-interface GigabitEthernet0/0/0/0.100", ALLOWED, NULL},
    {"iosxr", "ping vrf BLUE 192.168.100.130 source 192.168.100.129 count 5", ALLOWED, NULL},
    {"nxos", "ping 192.168.100.130 vrf BLUE source 192.168.100.129 count 5", ALLOWED, NULL},
    {"eos", "ping vrf BLUE 192.168.100.130 source 192.168.100.129 repeat 5", ALLOWED, NULL},
    {"linux", "traceroute -n 10.1.0.4", ALLOWED, NULL},
    {"linux", "traceroute -n -w 2 -q 3 10.1.0.4", ALLOWED, NULL},
    {"linux", "traceroute -n -w 2 -q 3 -s 10.2.0.5 10.1.0.4", ALLOWED, NULL},
    {"linux", "traceroute 2001:db8:1::4", ALLOWED, NULL},
    {"linux", "tracepath -n 10.1.0.4", ALLOWED, NULL},
    {"linux", "mtr --report -n 10.1.0.4", ALLOWED, NULL},
    {"linux", "mtr -r -n -c 10 10.1.0.4", ALLOWED, NULL},
    {"linux", "ping -c 3 10.1.0.4", ALLOWED, NULL},
    {"linux", "ping -c 10 -W 2 10.1.0.4", ALLOWED, NULL},
    {"linux", "ping -n -c 5 -W 1 -s 1472 -M do 10.1.0.4", ALLOWED, NULL},
    {"linux", "ip route get 10.1.0.4", ALLOWED, NULL},
    {"linux", "ip -6 route get 2001:db8:1::4", ALLOWED, NULL},
    {"linux", "ip route", ALLOWED, NULL},
    {"linux", "ip route show", ALLOWED, NULL},
    {"linux", "ip neigh", ALLOWED, NULL},
    {"linux", "ip neigh show", ALLOWED, NULL},
    {"linux", "ip neigh show 10.1.0.1 dev eth0", ALLOWED, NULL},
    {"linux", "ss -tn", ALLOWED, NULL},
    {"linux", "ss -tan state established", ALLOWED, NULL},
    {"linux", "ss -tn state syn-sent dst 192.168.100.130", ALLOWED, NULL},
    {"linux", "nc -z -v -w 5 192.168.100.130 179", ALLOWED, NULL},
    {"linux", "nc -zv -w 5 192.168.100.130 179", ALLOWED, NULL},
};

/* One allowed filter per row, the head it follows, and a second filter to chain after it. */
static const struct {
    const char *vendor, *head, *filter, *then;
} filters[] = {
    {"ios", "show running-config", "include BADAUTH|MD5|TCP-6", "count x"},
    {"ios", "show running-config", "section router bgp", "include neighbor"},
    {"ios", "show running-config", "count neighbor", "include x"},
    {"ios", "show running-config", "begin router bgp", "exclude password"},
    {"ios", "show running-config", "exclude description", "section interface"},
    {"ios", "show running-config", "i hostname", "ex foo"},
    {"ios", "show logging", "inc %BGP-5-ADJCHANGE", "sec x"},
    {"nxos", "show running-config", "include MD5|BADAUTH", "no-more"},
    {"nxos", "show running-config", "grep bgp", "no-more"},
    {"nxos", "show ip bgp summary", "json", "no-more"},
    {"nxos", "show ip bgp summary", "json-pretty", "no-more"},
    {"nxos", "show logging logfile", "last 50", "include BGP"},
    {"nxos", "show running-config", "egrep neighbor|remote-as", "count"},
    {"nxos", "show running-config", "section router bgp", "grep neighbor"},
    {"nxos", "show version", "xml", "no-more"},
    {"iosxr", "show running-config", "include MD5|BADAUTH", "count x"},
    {"iosxr", "show running-config", "section router bgp", "include neighbor"},
    {"iosxr", "show running-config", "begin router bgp", "exclude password"},
    {"iosxr", "show logging", "count BGP", "include x"},
    {"eos", "show running-config", "include MD5|BADAUTH", "no-more"},
    {"eos", "show ip bgp summary", "json", "no-more"},
    {"eos", "show running-config", "section router bgp", "include neighbor"},
    {"eos", "show running-config", "begin router bgp", "exclude password"},
    {"eos", "show logging", "exclude DEBUG", "include BGP"},
    {"junos", "show log messages", "match \"MD5|auth\"", "last 20"},
    {"junos", "show configuration", "display set", "match bgp"},
    {"junos", "show configuration", "except description", "no-more"},
    {"junos", "show route", "find 10.1.0.0", "count"},
    {"junos", "show route advertising-protocol bgp 192.168.100.130", "count", "no-more"},
    {"junos", "show bgp summary", "display json", "no-more"},
    {"junos", "show bgp summary", "display xml", "no-more"},
    {"junos", "show log messages", "last 100", "match BGP"},
    {"junos", "show log messages", "trim 5", "match BGP"},
    {"junos", "show configuration", "no-more", "display set"},
    {"frr", "show running-config", "include neighbor 192.168.100.130", "include password"},
    {"frr", "show bgp summary", "include Idle", "include Established"},
};

/* Stages that write, copy or run something, and the word the refusal must name. */
static const struct {
    const char *stage, *word;
} write_stages[] = {
    {"redirect flash:x", "redirect"}, {"redirect tftp://10.0.0.1/x", "redirect"}, {"tee flash:x", "tee"},
    {"append flash:x", "append"}, {"save /var/tmp/x", "save"}, {"request system reboot", "request"},
    {"file copy a b", "file"}, {"copy running-config tftp:", "copy"}, {"sed -n p", "sed"}, {"awk 1", "awk"},
    {"xargs reboot", "xargs"}, {"sh", "sh"}, {"bash -c id", "bash"}, {"python -c 1", "python"},
    {"python3", "python3"}, {"perl -e 1", "perl"}, {"vsh", "vsh"}, {"run bash", "run"}, {"email x", "email"},
    {"utility cp a b", "utility"}, {"write memory", "write"}, {"REDIRECT flash:x", "REDIRECT"},
    {"Tee flash:x", "Tee"}, {"SAVE /tmp/x", "SAVE"},
};

static const vendor_t *const vendors[] = {
    &vendor_ios, &vendor_nxos, &vendor_iosxr, &vendor_eos, &vendor_junos, &vendor_frr, &vendor_linux,
};
#define N_VENDORS (sizeof(vendors) / sizeof(vendors[0]))

static case_t *cases;
static size_t n_cases, cap_cases;

static case_t *add_case(const vendor_t *v, bool allowed, const char *reason)
{
    if (n_cases == cap_cases) {
        cap_cases = cap_cases ? 2 * cap_cases : 1024;
        cases = realloc(cases, cap_cases * sizeof(*cases));
        if (!cases)
            abort();
    }
    case_t *c = &cases[n_cases++];
    *c = (case_t){.v = v, .allowed = allowed, .reason = reason, .probe = -1};
    return c;
}

__attribute__((format(printf, 4, 5))) static void add_line(const vendor_t *v, bool allowed, const char *reason,
                                                          const char *fmt, ...)
{
    char buf[2048];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(buf, sizeof(buf), fmt, ap);
    va_end(ap);
    add_case(v, allowed, reason)->command = strdup(buf);
}

static probe_args_t sample_args(const vendor_t *v, int form)
{
    const char *iface = !strcmp(v->name, "junos") ? "ge-0/0/0.100"
                        : !strcmp(v->name, "linux") || !strcmp(v->name, "frr") ? "eth0.100"
                        : !strcmp(v->name, "ios") ? "GigabitEthernet0/0/0.100"
                                                  : "Ethernet1/1.100";
    probe_args_t a = {.peer = "192.168.100.130", .prefix = "10.1.0.0/16", .target = "10.1.0.4",
                      .source = "192.168.100.129", .iface = iface};
    if (form == FORM_VRF)
        a.vrf = "BLUE-1";
    if (form == FORM_IPV6)
        a = (probe_args_t){.peer = "2001:db8:c0de::2", .prefix = "2001:db8:1::/48", .target = "2001:db8:1::4",
                           .iface = iface, .family = FAMILY_IPV6};
    return a;
}

static void check_case(void **state)
{
    const case_t *c = *state;
    char why[512] = "", line[2048];
    const char *cmd = c->command;
    if (c->probe >= 0) {
        probe_args_t a = sample_args(c->v, c->form);
        if (command_for_probe(c->v, (probe_id_t)c->probe, &a, c->form == FORM_STRUCTURED, line, sizeof(line), why,
                              sizeof(why)) != 0)
            fail_msg("%s %s template (form %d): %s", c->v->name, probe_name((probe_id_t)c->probe), c->form, why);
        strncat(line, c->suffix, sizeof(line) - strlen(line) - 1);
        cmd = line;
    }
    bool got = command_allowed(c->v, cmd, why, sizeof(why));
    if (got != c->allowed)
        fail_msg("%s: '%s' was %s (%s)", c->v->name, cmd, got ? "allowed" : "refused", got ? "" : why);
    if (!got && c->reason && !strstr(why, c->reason))
        fail_msg("%s: '%s' refused as '%s', not naming '%s'", c->v->name, cmd, why, c->reason);
    /* what erdiag sends or suggests is written out already: expanding it must change nothing
     * (FRR's "show interface" is a full command, not "interfaces" cut short) */
    char out[CMD_LEN * 2];
    if (got && c->written_out && command_expand(c->v, cmd, out, sizeof(out)) == 0 && strcmp(out, cmd) != 0)
        fail_msg("%s: '%s' is written out again as '%s'", c->v->name, cmd, out);
}

static void add_fixed_rows(void)
{
    for (size_t i = 0; i < sizeof(fixed_rows) / sizeof(fixed_rows[0]); i++) {
        const row_t *r = &fixed_rows[i];
        const vendor_t *v = vendor_find(r->vendor);
        if (!v)
            abort();
        add_case(v, r->allowed, r->reason)->command = strdup(r->command);
    }
}

/* Every probe template of every vendor, in every form: allowed as it is, refused with a
 * write stage, a glued write alternation or a shell separator appended. */
static void add_template_rows(void)
{
    static const struct {
        const char *suffix;
        bool allowed;
    } tails[] = {{"", ALLOWED}, {" | redirect flash:x", REFUSED}, {"|tee flash:x", REFUSED}};
    for (size_t v = 0; v < N_VENDORS; v++)
        for (int p = 0; p < (int)PROBE_COUNT; p++)
            for (int f = 0; f < FORM_COUNT; f++)
                for (size_t t = 0; t < sizeof(tails) / sizeof(tails[0]) &&
                                   vendor_probe_for(vendors[v], (probe_id_t)p, f == FORM_VRF ? "BLUE-1" : NULL,
                                                    f == FORM_IPV6 ? FAMILY_IPV6 : FAMILY_IPV4);
                     t++) {
                    case_t *c = add_case(vendors[v], tails[t].allowed, NULL);
                    c->probe = p;
                    c->form = f;
                    c->suffix = tails[t].suffix;
                    c->written_out = true;
                }
}

/* Every allowed filter of a platform is allowed alone and in a chain; every write or shell stage
 * after it, spaced, glued to it or behind a doubled pipe, is refused and named. */
static void add_filter_rows(void)
{
    static const char *const joins[] = {" | ", "|", "||"};
    for (size_t i = 0; i < sizeof(filters) / sizeof(filters[0]); i++) {
        const vendor_t *v = vendor_find(filters[i].vendor);
        const char *head = filters[i].head, *f = filters[i].filter;
        add_line(v, ALLOWED, NULL, "%s | %s", head, f);
        add_line(v, ALLOWED, NULL, "%s | %s | %s", head, f, filters[i].then);
        for (size_t w = 0; w < sizeof(write_stages) / sizeof(write_stages[0]); w++)
            for (size_t j = 0; j < sizeof(joins) / sizeof(joins[0]); j++)
                add_line(v, REFUSED, write_stages[w].word, "%s | %s%s%s", head, f, joins[j], write_stages[w].stage);
    }
}

/* Every write or shell stage straight after a read-only head, on every platform. */
static void add_head_write_rows(void)
{
    static const char *const joins[] = {" | ", "|", " |", "| "};
    for (size_t v = 0; v < N_VENDORS; v++) {
        const char *head = !strcmp(vendors[v]->name, "linux") ? "traceroute -n 10.1.0.4" : "show version";
        const char *reason = vendors[v]->charset ? "'|'" : NULL;
        for (size_t w = 0; w < sizeof(write_stages) / sizeof(write_stages[0]); w++)
            for (size_t j = 0; j < sizeof(joins) / sizeof(joins[0]); j++)
                add_line(vendors[v], REFUSED, reason ? reason : write_stages[w].word, "%s%s%s", head, joins[j],
                         write_stages[w].stage);
    }
}

/* Every character a shell or the CLI reads as syntax, and control characters, on every platform. */
static void add_character_rows(void)
{
    static const char *const bad[] = {";", "`", "$", "&", "<", ">", "{", "}",
                                      "!", "\\", "\t", "\n", "\r", "\x01", "\x1b", "\x7f"};
    for (size_t v = 0; v < N_VENDORS; v++) {
        const char *head = !strcmp(vendors[v]->name, "linux") ? "ping -c 1 10.1.0.4" : "show version";
        for (size_t b = 0; b < sizeof(bad) / sizeof(bad[0]); b++) {
            add_line(vendors[v], REFUSED, NULL, "%s%sreload", head, bad[b]);
            add_line(vendors[v], REFUSED, NULL, "%s %s id", head, bad[b]);
        }
    }
}

/* Lines and filter arguments at and just past their limits, on every platform with filters. */
static void add_long_rows(void)
{
    char a[4096];
    memset(a, 'a', sizeof(a) - 1);
    a[sizeof(a) - 1] = '\0';
    for (size_t v = 0; v < N_VENDORS; v++) {
        const vendor_t *x = vendors[v];
        const char *f = !strcmp(x->name, "junos") ? "match" : "include";
        add_line(x, REFUSED, "longer than 512", "show %.*s", 508, a);
        add_line(x, REFUSED, "longer than 512", "show %s", a);
        if (!x->pipes || !strcmp(x->name, "frr"))
            continue;
        add_line(x, ALLOWED, NULL, "show %.*s", 507, a);
        add_line(x, ALLOWED, NULL, "show version | %s %.*s", f, PIPELINE_MAX_ARG, a);
        add_line(x, REFUSED, "longer than 128", "show version | %s %.*s", f, PIPELINE_MAX_ARG + 1, a);
        add_line(x, REFUSED, "longer than 128", "show version | %s \"%.*s\"", f, PIPELINE_MAX_ARG - 1, a);
        add_line(x, REFUSED, "redirect", "show version | %s %.*s| redirect flash:x", f, 300, a);
    }
}

/* A remedy line with its {placeholders} filled as framework/step.c fills them from evidence. */
static void fill_remedy(const char *tmpl, char *out, size_t size)
{
    static const char *const values[][2] = {
        {"peer", "192.168.100.130"}, {"iface", "Ethernet1"}, {"local_ip", "192.168.100.129"},
        {"local_as", "65010"}, {"peer_as", "12076"}, {"keepalive", "60"}, {"hold_time", "180"},
        {"mask", "255.255.255.252"}, {"subnet", "192.168.100.128/30"}, {"prefix_list", "FROM-MSEE"},
        {"route_map", "RM-MSEE-IN"}, {"group", "MSEE"}, {"vrf", "BLUE"}, {"prefix", "10.1.0.0/16"},
        {"router_as", "65010"}, {"parent", "Ethernet1"}, {"azure_vm", "10.1.0.4"}, {"onprem_source", "172.16.0.10"},
        {"route_map?", "RM-MSEE-IN"}, {"prefix_list?", "FROM-MSEE"}, {"pl_seq", "15"}, {"iface_addr", "192.168.100.129/30"},
        {"plen", "30"}, {"?route_map", ""},
        {"export_policy?", "RM-MSEE-OUT"}, {"?export_policy", ""},
    };
    size_t w = 0;
    for (const char *p = tmpl; *p && w + 1 < size;) {
        const char *end = *p == '{' ? strchr(p, '}') : NULL;
        const char *value = NULL;
        for (size_t i = 0; end && !value && i < sizeof(values) / sizeof(values[0]); i++)
            if (strlen(values[i][0]) == (size_t)(end - p - 1) && !strncmp(values[i][0], p + 1, (size_t)(end - p - 1)))
                value = values[i][1];
        if (!value) {
            out[w++] = *p++;
            continue;
        }
        w += (size_t)snprintf(out + w, size - w, "%s", value);
        w = w < size ? w : size - 1;
        p = end + 1;
    }
    out[w] = '\0';
}

/* Every read-only command erdiag itself suggests (a remedy line that starts with show, ping,
 * traceroute or telnet and holds no <placeholder>) must pass that platform's allowlist: an
 * operator pastes them into `erdiag run`. */
static void add_remedy_rows(void)
{
    static const char *const verbs[] = {"show ", "ping ", "traceroute ", "telnet "};
    for (size_t v = 0; v < N_VENDORS; v++)
        for (size_t r = 0; r < vendors[v]->n_remedies + vendors[v]->n_remedies6; r++) {
            const vendor_remedy_t *rem = r < vendors[v]->n_remedies ? &vendors[v]->remedies[r]
                                                                    : &vendors[v]->remedies6[r - vendors[v]->n_remedies];
            for (size_t l = 0; l < VENDOR_REMEDY_NEXT && rem->next[l]; l++) {
                const char *line = vendor_remedy_line(rem->next[l], NULL);
                bool command = false;
                for (size_t k = 0; line && k < sizeof(verbs) / sizeof(verbs[0]); k++)
                    command = command || !strncmp(line, verbs[k], strlen(verbs[k]));
                if (!command || strchr(line, '<'))
                    continue;
                char filled[1024];
                fill_remedy(line, filled, sizeof(filled));
                add_line(vendors[v], ALLOWED, NULL, "%s", filled);
                cases[n_cases - 1].written_out = true;
            }
        }
}

static void build_cases(void)
{
    add_long_rows();
    add_fixed_rows();
    add_template_rows();
    add_filter_rows();
    add_head_write_rows();
    add_character_rows();
    add_remedy_rows();
}

/* A test's name: the platform, the expectation and the line, made printable. */
static char *case_name(const case_t *c)
{
    char buf[160];
    const char *cmd = c->command ? c->command : probe_name((probe_id_t)c->probe);
    int n = c->command ? snprintf(buf, sizeof(buf), "%s %s: %s", c->v->name, c->allowed ? "allows" : "refuses", cmd)
                       : snprintf(buf, sizeof(buf), "%s %s: the %s template, form %d%s", c->v->name,
                                  c->allowed ? "allows" : "refuses", cmd, c->form, c->suffix);
    for (int i = 0; i < n && buf[i]; i++)
        if ((unsigned char)buf[i] < 0x20 || (unsigned char)buf[i] >= 0x7f)
            buf[i] = '?';
    return strdup(buf);
}

/* Abbreviations (probes/abbrev.h): {platform, typed, written out and sent (NULL: refused),
 * a substring of the refusal reason}.  The expansion happens before the allowlist, so an
 * abbreviation can only ever reach the device as a full read-only form. */
typedef struct {
    const char *vendor, *typed, *sent, *reason;
} abbrev_row_t;

static const abbrev_row_t abbrev_rows[] = {
    {"ios", "sh ip bgp sum", "show ip bgp summary", NULL},
    {"ios", "SH IP INT BR", "show IP interface brief", NULL},
    {"ios", "sho ip bgp nei 10.1.0.2", "show ip bgp neighbors 10.1.0.2", NULL},
    {"ios", "sh int Gi0/1", "show interfaces Gi0/1", NULL},
    {"ios", "sh ip bgp vpnv4 vrf sum sum", "show ip bgp vpnv4 vrf sum summary", NULL},
    {"ios", "sh ip bgp sum | i 10.1.0", "show ip bgp summary | i 10.1.0", NULL},
    {"ios", "sh run | sec router bgp", "show running-config | sec router bgp", NULL},
    {"ios", "  sh   ip  ro  10.1.0.0 ", "show ip route 10.1.0.0", NULL},
    {"nxos", "sh int br", "show interface brief", NULL},
    {"nxos", "sh ip arp vrf all", "show ip arp vrf all", NULL},
    {"junos", "sh bgp nei 10.1.0.2", "show bgp neighbor 10.1.0.2", NULL},
    {"junos", "sh conf | display set", "show configuration | display set", NULL},
    {"eos", "sh ip bgp pee", "show ip bgp peers", NULL},
    {"iosxr", "sh bgp sum", "show bgp summary", NULL},
    {"frr", "sh ip bgp sum", "show ip bgp summary", NULL},
    {"frr", "sh int veth-ce", "show interface veth-ce", NULL},
    {"frr", "show interface veth-ce", "show interface veth-ce", NULL},
    {"iosxr", "sh ipv4 vrf BLUE int br", "show ipv4 vrf BLUE interface brief", NULL},
    {"ios", "sh run int Gi0/1", "show running-config int Gi0/1", NULL},
    {"iosxr", "sh run router bgp 65010 nei 10.1.0.2", "show running-config router bgp 65010 nei 10.1.0.2", NULL},
    {"junos", "sh conf protocols bgp", "show configuration protocols bgp", NULL},
    /* what an abbreviation must never smuggle */
    {"ios", "sh run | redirect x", NULL, "redirect"},
    {"ios", "sh run | red flash:x", NULL, "red"},
    {"ios", "sh ip bgp sum | tee x", NULL, "tee"},
    {"ios", "sh ip bgp sum | t x", NULL, "t x"},
    {"ios", "sh ip bgp sum | app flash:x", NULL, "app"},
    {"ios", "sh ip bgp sum|tee x", NULL, "tee"},
    {"nxos", "sh run | grep x | sed s/a/b/", NULL, "sed"},
    {"junos", "sh conf | sa /var/tmp/x", NULL, "sa"},
    {"ios", "conf t", NULL, "not a read-only"},
    {"ios", "wr", NULL, "not a read-only"},
    {"ios", "wr mem", NULL, "not a read-only"},
    {"ios", "cl ip bgp *", NULL, NULL},
    {"ios", "rel", NULL, "not a read-only"},
    {"ios", "deb ip bgp", NULL, "not a read-only"},
    {"ios", "s ip bgp sum", NULL, "not a read-only"},
    {"ios", "shut", NULL, "not a read-only"},
    {"ios", "sh", NULL, "not a read-only"},
    {"ios", "sh run ; reload", NULL, ";"},
    {"ios", "sh ip bgp sum redirect x", NULL, "redirect"},
    {"junos", "sh conf tee x", NULL, "tee"},
    {"linux", "sh -c reboot", NULL, NULL},
    {"linux", "sh", NULL, NULL},
};

static void check_abbrev_rows(void **state)
{
    (void)state;
    for (size_t i = 0; i < sizeof(abbrev_rows) / sizeof(abbrev_rows[0]); i++) {
        const abbrev_row_t *r = &abbrev_rows[i];
        char out[CMD_LEN], why[512] = "";
        bool ok = command_expand_allowed(vendor_find(r->vendor), r->typed, out, sizeof(out), why, sizeof(why));
        if (ok != (r->sent != NULL))
            fail_msg("%s: '%s' was %s as '%s' (%s)", r->vendor, r->typed, ok ? "allowed" : "refused", out, why);
        if (ok && strcmp(out, r->sent) != 0)
            fail_msg("%s: '%s' written out as '%s', not '%s'", r->vendor, r->typed, out, r->sent);
        if (!ok && r->reason && !strstr(why, r->reason))
            fail_msg("%s: '%s' refused as '%s', not naming '%s'", r->vendor, r->typed, why, r->reason);
    }
}

/* A command longer than the room is refused, never sent cut. */
static void check_abbrev_too_long(void **state)
{
    (void)state;
    char out[24], why[128] = "";
    assert_false(command_expand_allowed(&vendor_ios, "sh ip bgp nei 10.1.0.2 adv", out, sizeof(out), why,
                                        sizeof(why)));
    assert_non_null(strstr(why, "too long"));
    assert_int_equal(command_expand(&vendor_ios, "sh ip bgp sum", out, sizeof(out)), 0);
    assert_string_equal(out, "show ip bgp summary");
    assert_int_equal(command_expand(&vendor_linux, "sh ip bgp sum", out, sizeof(out)), 0);
    assert_string_equal(out, "sh ip bgp sum");
}

int main(void)
{
    build_cases();
    struct CMUnitTest *tests = calloc(n_cases, sizeof(*tests));
    if (!tests)
        return 1;
    for (size_t i = 0; i < n_cases; i++)
        tests[i] = (struct CMUnitTest){case_name(&cases[i]), check_case, NULL, NULL, &cases[i]};
    int rc = _cmocka_run_group_tests("allowlist", tests, n_cases, NULL, NULL);
    const struct CMUnitTest abbrev_tests[] = {
        cmocka_unit_test(check_abbrev_rows),
        cmocka_unit_test(check_abbrev_too_long),
    };
    rc |= cmocka_run_group_tests_name("abbreviations", abbrev_tests, NULL, NULL);
    for (size_t i = 0; i < n_cases; i++) {
        free((char *)tests[i].name);
        free(cases[i].command);
    }
    free(tests);
    free(cases);
    return rc;
}
