/* frr_util.c: small helpers for FRR's own wording (route codes, NOTIFICATION names). */
#include <string.h>
#include <strings.h>

#include "parsers/frr/frr.h"
#include "parsers/textutil.h"

/* FRR's one-letter codes ("Codes: K - kernel route, C - connected, ...") differ from Cisco's:
 * E is EIGRP, A is Babel, N is NHRP, F is PBR, f is OpenFabric. */
const char *frr_route_code_protocol(char code)
{
    switch (code) {
    case 'K': return "kernel";
    case 'C': return "connected";
    case 'L': return "local";
    case 'S': return "static";
    case 'R': return "rip";
    case 'O': return "ospf";
    case 'I': return "isis";
    case 'B': return "bgp";
    case 'E': return "eigrp";
    case 'N': return "nhrp";
    case 'T': return "table";
    case 'v': case 'V': return "vnc";
    case 'A': return "babel";
    case 'F': return "pbr";
    case 'f': return "openfabric";
    case 'D': return "sharp";
    default: return "other";
    }
}

/* RFC 4271 / 4486 / 8203 names as FRR's bgp_notify_code_str / subcode_str print them. */
static const char *const notify_codes[] = {
    NULL, "Message Header Error", "OPEN Message Error", "UPDATE Message Error",
    "Hold Timer Expired", "Neighbor Events Error", "Cease", "ROUTE-REFRESH Message Error",
};
static const char *const header_sub[] = {NULL, "Connection Not Synchronized", "Bad Message Length",
                                         "Bad Message Type"};
static const char *const open_sub[] = {NULL, "Unsupported Version Number", "Bad Peer AS", "Bad BGP Identifier",
                                       "Unsupported Optional Parameter", "Authentication Failure",
                                       "Unacceptable Hold Time", "Unsupported Capability", NULL, NULL, NULL,
                                       "Role Mismatch"};
static const char *const update_sub[] = {NULL, "Malformed Attribute List", "Unrecognized Well-known Attribute",
                                         "Missing Well-known Attribute", "Attribute Flags Error",
                                         "Attribute Length Error", "Invalid ORIGIN Attribute", "AS Routing Loop",
                                         "Invalid NEXT_HOP Attribute", "Optional Attribute Error",
                                         "Invalid Network Field", "Malformed AS_PATH"};
static const char *const cease_sub[] = {NULL, "Maximum Number of Prefixes Reached", "Administrative Shutdown",
                                        "Peer De-configured", "Administrative Reset", "Connection Rejected",
                                        "Other Configuration Change", "Connection Collision Resolution",
                                        "Out of Resources", "Hard Reset", "BFD Down"};

static int64_t lookup(const char *const *names, size_t n, const char *s, size_t len)
{
    for (size_t i = 1; i < n; i++)
        if (names[i] && strlen(names[i]) == len && strncasecmp(names[i], s, len) == 0)
            return (int64_t)i;
    return MODEL_ABSENT;
}

#define LOOKUP(tab, s, len) lookup((tab), sizeof(tab) / sizeof((tab)[0]), (s), (len))

void frr_notification_codes(const char *s, size_t len, int64_t *code, int64_t *subcode)
{
    *code = *subcode = MODEL_ABSENT;
    tu_trim(&s, &len);
    const char *slash = memchr(s, '/', len);
    size_t clen = slash ? (size_t)(slash - s) : len;
    *code = LOOKUP(notify_codes, s, clen);
    if (!slash || *code == MODEL_ABSENT)
        return;
    const char *sub = slash + 1;
    size_t slen = len - clen - 1;
    const char *slash2 = memchr(sub, '/', slen); /* ".../Hard Reset" suffix (RFC 8538) */
    if (slash2)
        slen = (size_t)(slash2 - sub);
    switch (*code) {
    case 1: *subcode = LOOKUP(header_sub, sub, slen); break;
    case 2: *subcode = LOOKUP(open_sub, sub, slen); break;
    case 3: *subcode = LOOKUP(update_sub, sub, slen); break;
    case 6: *subcode = LOOKUP(cease_sub, sub, slen); break;
    default: break;
    }
}

void frr_copy_policy(char *dst, size_t size, const char *s, size_t len)
{
    tu_trim(&s, &len);
    if (len && s[0] == '*') { /* FRR marks a policy that exists with '*' */
        s++;
        len--;
    }
    field_set(dst, size, s, (long)len);
}

bool frr_blank(const char *line, size_t len)
{
    tu_trim(&line, &len);
    return len == 0;
}

void frr_skip(parse_run_t *run, const char *line, size_t len)
{
    if (len && (line[0] == ' ' || line[0] == '\t'))
        parse_skip(run);
    else
        parse_skip_outside(run);
}

bool frr_seen_elsewhere(frr_seen_t *seen, const char *name)
{
    for (int i = 0; i < seen->n; i++)
        if (strcmp(seen->names[i], name) == 0)
            return seen->owner[i] != seen->daemon;
    if (seen->n < (int)(sizeof(seen->names) / sizeof(seen->names[0]))) {
        FIELD_SET(seen->names[seen->n], name, -1);
        seen->owner[seen->n++] = seen->daemon;
    }
    return false;
}
