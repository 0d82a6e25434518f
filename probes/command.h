/* command.h: building device commands safely.
 *
 * Every command that reaches a device goes through command_allowed(): only the read-only
 * shapes of that vendor's allowlist pass, whatever their source (a probe template, the user
 * typing in the console, `erdiag run`).  Values pasted into templates are validated first: an
 * address must be an address, a VRF name a VRF name, so nothing can smuggle a second command. */
#ifndef ERDIAG_COMMAND_H
#define ERDIAG_COMMAND_H

#include <stdbool.h>
#include <stddef.h>

#include "probes/vendor.h"

typedef struct {
    const char *peer;   /* an IP address */
    const char *prefix; /* an address or a CIDR prefix */
    const char *target; /* an IP address */
    const char *source; /* an IP address or an interface name */
    const char *iface;  /* an interface name */
    const char *vrf;    /* a VRF name; NULL or "" = default */
    family_t family;    /* which family's form (vendor_t.probes6 for IPv6); 0 = IPv4 */
} probe_args_t;

/* True when command is a read-only shape for the vendor; else false with the reason in why. */
bool command_allowed(const vendor_t *v, const char *command, char *why, size_t whylen);
/* Expands the probe's template for v (structured form when asked and available) into out,
 * validating every value and then the result against the allowlist.  Returns 0, or -1 with
 * the reason in why. */
int command_for_probe(const vendor_t *v, probe_id_t probe, const probe_args_t *args, bool structured, char *out,
                      size_t size, char *why, size_t whylen);

#endif
