/* peering_rules.h: the rules of an ExpressRoute peering type that the route-filters step adds.
 *
 *   Microsoft peering  nothing is advertised to the CE until a route filter is attached to the
 *                      peering on the Azure side (Established, 0 prefixes received:
 *                      route_filter_missing); only public prefixes registered to the customer
 *                      or its provider are taken (a private, shared, link-local or documentation
 *                      prefix in what the CE advertises: private_prefix_advertised); 200
 *                      prefixes per session, IPv4 and IPv6 alike.
 *   Private peering    4,000 IPv4 prefixes (10,000 with Premium: the inventory's sku), 100 IPv6.
 *
 * The limits are judged with the other prefix limits (framework/prefix_limit.c). */
#ifndef ERDIAG_PEERING_RULES_H
#define ERDIAG_PEERING_RULES_H

#include <stdbool.h>

#include "framework/runbook.h"

/* How many prefixes Microsoft accepts from the CE on d's peering (its family, SKU, or the
 * inventory's route_limit), and how to name that limit in a finding. */
int peering_route_limit(const device_t *d);
const char *peering_limit_words(const device_t *d);
/* What reserved space p overlaps ("private (RFC 1918)", ...), or NULL when it is public. */
const char *peering_reserved_space(const ip_prefix_t *p);
/* Judges the Microsoft-peering rules into s: true when one failed (s then says which). */
bool peering_rules_judge(const evidence_t *ev, const char *peer, step_result_t *s);

#endif
