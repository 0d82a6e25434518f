/* redact_rules.c: the secret shapes of IOS/IOS-XE, NX-OS, IOS-XR, EOS, Junos and FRR
 * configurations and show output.  See redact_rules.h for the rules every pattern keeps to
 * (linear time) and tests/fixtures/redact/ for one configuration per platform. */
#include "core/redact_rules.h"

/* Words that follow "password", "key" and friends in show output, never a secret ("Password is
 * configured", "key is set", "password (md5) configured").  A value that starts with '<' is a
 * placeholder of ours ("password <shared key>", "<redacted>", Junos "\"<shared key>\""), never
 * a secret either. */
#define NOT_A_SECRET                                                                                  \
    "(?!(?:is|are|was|configured|enabled|disabled|for|authentication|required|not|missing|set|"     \
    "expected|mismatch|mismatches|absent|present|on|of|and|or|the|but|none|md5|\\(md5\\)|"           \
    "encryption|strength-check|inheritance-disable)(?![\\w-])|\"?<)"
/* The secret: a quoted string up to its closing quote (or the end of the line: an unterminated
 * quote is all secret), else one token. */
#define VALUE "(\"[^\"\\n]*+\"?|\\S++)"
#define SECRET NOT_A_SECRET VALUE
/* Junos hierarchical values end at ';' or '{'. */
#define JUNOS_SECRET NOT_A_SECRET "(\"[^\"\\n]*+\"?|[^\\s;{}\"]++)"
/* "7 ", "5 ", "encrypted ": how the device says the secret is stored. */
#define STORED "(?:(?:encrypted|clear|[0-9]{1,2})\\s++)?+"

const redact_rule_t redact_rules[] = {
    /* password 7 0822455D0A16, secret 5 $1$.., secret sha512 $6$.., password encrypted ..,
     * isis password md5 .., Junos encrypted-password "$6$..", FRR area-password clear .. */
    {"password", "password|secret", "\\b(?:password|secret)\\s++(?:(?:encrypted|clear|sha512|md5|[0-9]{1,2})\\s++)?+" SECRET, false},
    /* ip ospf authentication-key 7 .., ntp authentication-key 1 md5 .. 7, Junos "$9$..",
     * Junos ntp authentication-key 1 type md5 value "$9$.." */
    {"authentication-key", "authentication-key",
     "\\bauthentication-key\\s++(?:[0-9]{1,10}\\s++)?+(?:type\\s++\\S++\\s++value\\s++)?+"
     "(?:(?:md5|sha1|sha256|hmac-sha-?[0-9]*+|cmac-aes)\\s++)?+" STORED SECRET,
     false},
    {"message-digest-key", "message-digest-key", "\\bmessage-digest-key\\s++[0-9]++\\s++md5\\s++" STORED SECRET, false},
    /* keychains: key-string 7 .., IOS-XR key-string clear .. / key-string password .. */
    {"key-string", "key-string", "\\bkey-string\\s++(?:(?:clear|cleartext|password|encrypted)\\s++)?+" STORED SECRET, false},
    /* IOS show key chain: key 1 -- text "..." */
    {"key-text", "text", "\\bkey\\s++[0-9]++\\s++--\\s++text\\s++" SECRET, false},
    /* Keyring: pre-shared-key address 1.2.3.4 [mask] key .. */
    {"pre-shared-key-address", "pre-shared-key",
     "\\bpre-shared-key\\s++(?:address|hostname)\\s++(?:ipv6\\s++)?+\\S++(?:\\s++[0-9.]++)?+\\s++key\\s++" STORED
         SECRET,
     false},
    /* pre-shared-key local 6 .., Junos pre-shared-key ascii-text "$9$.." */
    {"pre-shared-key", "shared-key",
     "\\b(?:pre-shared-key|shared-key)\\s++(?!(?:address|hostname)\\b)"
     "(?:(?:local|remote|ascii-text|hexadecimal|password)\\s++)?+" STORED SECRET,
     false},
    {"isakmp-key", "isakmp", "\\bisakmp\\s++key\\s++" STORED SECRET, false},
    {"server-key", "server-key", "\\bserver-key\\s++" STORED SECRET, false},
    /* tacacs-server key 7 "..", radius-server host 1.2.3.4 auth-port 1812 key .. */
    {"aaa-server-line", "key", "^\\s*+(?:tacacs|radius)(?:-server)?\\b[^\\n]*?\\bkey\\s++" STORED SECRET, false},
    /* key 7 .. anywhere (crypto isakmp key 6 .., block " key 7 .."), not "key 1 -- text" */
    {"key-type", "key", "(?<![\\w-])key\\s++[0-9]\\s++(?!--)" SECRET, false},
    /* Inside a radius/tacacs server block: " key XXXX", " pac key .." */
    {"aaa-block-key", "key", "^\\s++(?:pac\\s++)?+key\\s++" STORED SECRET, true},
    /* snmp-server community X RO, set snmp community X authorization read-only */
    {"snmp-community", "community", "\\bsnmp(?:-server)?\\s++community\\s++(?:(?:encrypted|clear)\\s++)?+" SECRET, false},
    /* IOS show snmp community: "Community name: X", "Community SecurityName: X" */
    {"snmp-community-show", "community", "\\bcommunity\\s++(?:name|securityname):\\s*+" SECRET, false},
    /* Junos snmp { community X { ... } } / community X; (not a BGP community 65000:100) */
    {"junos-community", "community", "^\\s*+community\\s++(?![0-9]++:)" JUNOS_SECRET "(?=\\s*+[{;])", false},
    /* snmp-server host 1.2.3.4 [informs|traps] [version 1|2c] [vrf X] COMMUNITY; never the
     * address, never a v3 user name (version 3 stops the options, and "version" is no secret). */
    {"snmp-host", "snmp-server",
     "\\bsnmp-server\\s++host\\s++\\S++\\s++"
     "(?:(?:informs|traps|version\\s++(?:1|2c)|(?:vrf|use-vrf|filter-vrf)\\s++\\S++|encrypted|clear)\\s++){0,8}+"
     "(?!(?:version|informs|traps|vrf|use-vrf|filter-vrf|source-interface|udp-port)(?![\\w-]))" SECRET,
     false},
    /* snmp-server user U G v3 auth sha AUTH priv aes 128 PRIV; NX-OS auth md5 0x.. priv 0x.. */
    {"snmp-user-auth", "snmp-server",
     "^\\s*+snmp-server\\s++user\\s[^\\n]*?\\bauth\\s++(?:md5|sha[0-9-]*+)\\s++(?:(?:encrypted|clear)\\s++)?+" SECRET,
     false},
    {"snmp-user-priv", "snmp-server",
     "^\\s*+snmp-server\\s++user\\s[^\\n]*?\\bpriv\\s++(?:(?:aes|des|3des|aes-?[0-9]++)\\s++)?+(?:[0-9]{3}\\s++)?+"
     "(?:(?:encrypted|clear)\\s++)?+" SECRET,
     false},
    /* FRR ip rip authentication string .. */
    {"rip-string", "string", "\\bauthentication\\s++string\\s++" SECRET, false},
    /* crypt(3) and Junos "$9$" strings, wherever they stand */
    {"crypt-hash", "$", "(\\$(?:[156789]|y)\\$[^\\s\";]++)", false},
};
const size_t redact_n_rules = sizeof(redact_rules) / sizeof(redact_rules[0]);

const char redact_trigger[] = "password|secret|key|snmp|community|authentication\\s+string|\\$(?:[156789]|y)\\$";

const char redact_block_header[] =
    "^(?:(?:radius|tacacs)(?:-server)?\\s++(?:server|host)\\b|aaa\\s++(?:group\\s++)?+server\\b)";
