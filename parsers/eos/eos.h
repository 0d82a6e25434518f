/* eos.h: Arista EOS parsers (declared here, listed in eos_table.c). */
#ifndef ERDIAG_EOS_H
#define ERDIAG_EOS_H

#include "parsers/parser.h"

/* ---- vendor-local helpers (eos_util.c) ---- */
/* An address printed without a length ("10.105.100.0") -> CIDR with the classful length,
 * widened so the printed address survives canonicalisation. */
bool eos_prefix(const char *s, size_t len, char *out, size_t size);
/* "up", "up (connected)" -> UP; "down", "notpresent (disabled)", "lowerlayerdown" -> DOWN. */
updown_t eos_updown(const char *s, size_t len);
/* Case-insensitive substring test on a (pointer, length) text. */
bool eos_contains(const char *s, size_t n, const char *word);
/* Copies a VRF name from a "VRF: X" / "for VRF X" header into the run's meta (first one). */
void eos_meta_vrf(parse_run_t *run, const char *s, size_t len);
/* The address family a BGP command names: "IPv6 Unicast" for "show ipv6 bgp ..." and
 * "show bgp ipv6 unicast ...", as the "For address family" rows print it; "" otherwise (a static
 * string). */
const char *eos_command_family(const parse_run_t *run);

/* ---- text parsers ---- */
int eos_interfaces_line(parse_run_t *run, void *state, const char *line, size_t len);
int eos_interfaces_finish(parse_run_t *run, void *state);
int eos_ip_int_brief_line(parse_run_t *run, void *state, const char *line, size_t len);
int eos_ipv6_int_brief_line(parse_run_t *run, void *state, const char *line, size_t len);
int eos_ipv6_int_brief_finish(parse_run_t *run, void *state);
int eos_bgp_summary_line(parse_run_t *run, void *state, const char *line, size_t len);
int eos_bgp_neighbors_line(parse_run_t *run, void *state, const char *line, size_t len);
int eos_bgp_neighbors_finish(parse_run_t *run, void *state);
int eos_bgp_table_line(parse_run_t *run, void *state, const char *line, size_t len);
int eos_bgp_table_finish(parse_run_t *run, void *state);
int eos_routes_line(parse_run_t *run, void *state, const char *line, size_t len);
int eos_routes_finish(parse_run_t *run, void *state);
int eos_arp_line(parse_run_t *run, void *state, const char *line, size_t len);
int eos_version_line(parse_run_t *run, void *state, const char *line, size_t len);
int eos_version_finish(parse_run_t *run, void *state);
int eos_bfd_line(parse_run_t *run, void *state, const char *line, size_t len);
int eos_bfd_finish(parse_run_t *run, void *state);
int eos_prefix_list_line(parse_run_t *run, void *state, const char *line, size_t len);
int eos_route_map_line(parse_run_t *run, void *state, const char *line, size_t len);
int eos_route_map_finish(parse_run_t *run, void *state);
int eos_bgp_config_line(parse_run_t *run, void *state, const char *line, size_t len);
int eos_bgp_config_finish(parse_run_t *run, void *state);

/* ---- "| json" parsers (eos_json*.c) ---- */
int eos_json_interfaces(parse_run_t *run, const char *text, size_t len);
int eos_json_ip_int_brief(parse_run_t *run, const char *text, size_t len);
int eos_json_bgp_summary(parse_run_t *run, const char *text, size_t len);
int eos_json_bgp_neighbors(parse_run_t *run, const char *text, size_t len);
int eos_json_bgp_table(parse_run_t *run, const char *text, size_t len);
int eos_json_routes(parse_run_t *run, const char *text, size_t len);
int eos_json_arp(parse_run_t *run, const char *text, size_t len);
int eos_json_version(parse_run_t *run, const char *text, size_t len);
int eos_json_bfd(parse_run_t *run, const char *text, size_t len);

/* Every EOS text parser gets the same zeroed state block; each file checks that its own
 * state struct fits (static initialisers cannot call sizeof on another file's type). */
#define EOS_STATE_SIZE 16384
#define EOS_CONFIG_STATE_SIZE (160 * 1024)
#define EOS_BFD_STATE_SIZE (64 * 1024)

#endif
