/* nxos.h: Cisco NX-OS parsers (declared here, listed in nxos_table.c). */
#ifndef ERDIAG_NXOS_H
#define ERDIAG_NXOS_H

#include "parsers/parser.h"
#include "parsers/rx.h"

/* Shared helpers (nxos_util.c). */
/* A named capture through tu_duration(); absent when the group is unset or unreadable. */
int64_t nxos_rx_duration(const rx_caps_t *c, const char *name);
/* A named capture through tu_asn(). */
int64_t nxos_rx_asn(const rx_caps_t *c, const char *name);
/* True for a blank line or a line of dashes / equals signs. */
bool nxos_is_rule(const char *line, size_t len);
/* "a.b.c.d%vrf" -> address and vrf (either may be NULL). */
void nxos_split_vrf(const char *s, size_t n, char *addr, size_t asize, char *vrf, size_t vsize);

/* Text parsers: one state machine per command family. */
#define NXOS_TEXT(fn) \
    int fn##_line(parse_run_t *run, void *state, const char *line, size_t len); \
    int fn##_finish(parse_run_t *run, void *state)
NXOS_TEXT(nxos_interface);
NXOS_TEXT(nxos_int_brief);
NXOS_TEXT(nxos_ip_int_brief);
NXOS_TEXT(nxos_ipv6_int_brief);
NXOS_TEXT(nxos_bgp_summary);
NXOS_TEXT(nxos_bgp_neighbors);
NXOS_TEXT(nxos_bgp_table);
NXOS_TEXT(nxos_bgp_detail);
NXOS_TEXT(nxos_route);
NXOS_TEXT(nxos_arp);
NXOS_TEXT(nxos_bfd);
NXOS_TEXT(nxos_route_map);
NXOS_TEXT(nxos_prefix_list);
NXOS_TEXT(nxos_community_list);
NXOS_TEXT(nxos_bgp_config);
NXOS_TEXT(nxos_version);

/* Every text parser's state fits in this many zeroed bytes; each file checks its own with a
 * static assertion, so the table stays plain const data. */
#define NXOS_STATE_SIZE 16384

/* JSON ("| json") parsers: NX-API TABLE_x / ROW_x documents (nxos_json*.c). */
int nxos_json_interface(parse_run_t *run, const char *text, size_t len);
int nxos_json_ip_int_brief(parse_run_t *run, const char *text, size_t len);
int nxos_json_bgp_summary(parse_run_t *run, const char *text, size_t len);
int nxos_json_bgp_neighbors(parse_run_t *run, const char *text, size_t len);
int nxos_json_bgp_table(parse_run_t *run, const char *text, size_t len);
int nxos_json_route(parse_run_t *run, const char *text, size_t len);
int nxos_json_arp(parse_run_t *run, const char *text, size_t len);

#endif
