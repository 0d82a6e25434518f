/* remedy_common.c: the notes of each runbook cause that hold whatever the router: the facts of
 * ExpressRoute and of BGP that decide the fix, and Microsoft's side, what to read or set in Azure
 * (PowerShell Az module or the az CLI) (/work/shared/reference/expressroute.md: ER-VER, ER-ARP,
 * ER-FAQ, ER-ROUT, ER-BFD).  The platform tables (probes/vendor_*.c) hold what differs.
 *
 * Every line is a note (nothing here is typed on the router); an Azure line is prefixed with
 * where it is typed.  Azure never shows a stored shared key (ER-VER): no line claims to read it; the fix is
 * to set the same key again on both sides.  {circuit} is the inventory's circuit, {peering}
 * AzurePrivatePeering or MicrosoftPeering, {path} / {az_path} the link (Primary / primary). */
#include "probes/vendor.h"

#define PS "Azure PowerShell: "
#define CLI "Azure CLI: "
/* The circuit object the peering cmdlets take (-ExpressRouteCircuit $ckt). */
#define PS_CIRCUIT PS "$ckt = Get-AzExpressRouteCircuit -ResourceGroupName <rg> -Name {circuit}"
#define PS_PEERING PS "Get-AzExpressRouteCircuitPeeringConfig -Name {peering} -ExpressRouteCircuit $ckt"
#define ON_PATH "-ResourceGroupName <rg> -ExpressRouteCircuitName {circuit} -PeeringType {peering} -DevicePath {path}"
#define PS_ARP PS "Get-AzExpressRouteCircuitARPTable " ON_PATH
#define PS_ROUTES PS "Get-AzExpressRouteCircuitRouteTable " ON_PATH
#define PS_SUMMARY PS "Get-AzExpressRouteCircuitRouteTableSummary " ON_PATH
#define AZ_ON_PATH "-g <rg> -n {circuit} --path {az_path} --peering-name {peering}"
#define CLI_ARP CLI "az network express-route list-arp-tables " AZ_ON_PATH
#define CLI_ROUTES CLI "az network express-route list-route-tables " AZ_ON_PATH
#define CLI_SUMMARY CLI "az network express-route list-route-tables-summary " AZ_ON_PATH
#define CLI_PEERING CLI "az network express-route peering show -g <rg> --circuit-name {circuit} -n {peering}"
#define CLI_UPDATE CLI "az network express-route peering update -g <rg> --circuit-name {circuit} -n {peering} "
/* Both paths of the circuit: the circuit step compares the two links. */
#define CLI_ROUTES_BOTH(path) CLI "az network express-route list-route-tables -g <rg> -n {circuit} --path " path \
                              " --peering-name {peering}"
#define CLI_NIC CLI "az network nic show-effective-route-table -g <rg> -n <nic> -o table"

#define LIMITS "Microsoft drops the session while it receives more than 4,000 prefixes (private peering; 10,000 " \
               "with Premium) or 200 (Microsoft peering) from us, and restores it once we send fewer"
#define FIRST_USABLE "The CE takes the first usable address of {subnet} ({local_ip}), Microsoft the second ({peer})"
#define NO_KEY "Azure never shows a stored shared key: set the same new key on the Azure peering and on the " \
               "router rather than trying to compare them"

static const vendor_remedy_t common_remedies[] = {
    {"link_down", {NULL}, {"Still down after that: check the optic and cable, and ask the provider to check its port "
                           "and the S-Tag/VLAN of this link", PS_CIRCUIT,
                           "In Azure: CircuitProvisioningState must be Enabled (else Microsoft's side) and "
                           "ServiceProviderProvisioningState Provisioned (else the provider's)"}},
    {"arp_incomplete", {NULL}, {PS_ARP, CLI_ARP,
                                "Azure's ARP table: an On-Prem row with a MAC and a Microsoft row is healthy; On-Prem "
                                "Incomplete or only the Microsoft row points at our side or the provider's VLAN tags "
                                "(S-Tag, C-Tag = the peering's VlanId); no table at all is Microsoft's side (open a ticket)"}},
    {"peer_as_mismatch", {NULL}, {PS_CIRCUIT, PS_PEERING,
                                  "Microsoft peers as AS 12076 (AzureASN) on every peering; PeerASN is the AS Azure "
                                  "expects from us"}},
    {"local_as_mismatch", {NULL}, {PS_CIRCUIT, PS_PEERING, CLI_UPDATE "--peer-asn {router_as}",
                                   "Either register the AS the router runs as PeerASN (the line above), or make the "
                                   "router present the registered AS {local_as} (the router lines)"}},
    {"interface_errors", {NULL}, {"Rising CRC/input errors mean a bad cable or optic, or a speed, duplex or FEC mismatch: "
                                  "replace the patch or optic, then ask the provider to test the circuit if they keep rising"}},
    {"timer_mismatch", {NULL}, {"New timers apply when the session next starts; the hard clear applies them at once by "
                                "resetting it", "Microsoft's keepalive and hold time are fixed at 60 s and 180 s; the lower hold time "
                                "of both sides is used (30/90 is AWS Direct Connect's default, not Azure's)"}},
    {"md5_missing", {NULL}, {CLI_UPDATE "--shared-key <shared-key>", NO_KEY,
                             "Without MD5 on purpose: remove the shared key from the Azure peering as well"}},
    {"md5_mismatch", {NULL}, {CLI_UPDATE "--shared-key <shared-key>", NO_KEY}},
    {"subnet_mismatch", {NULL}, {FIRST_USABLE, PS_CIRCUIT, PS_PEERING,
                                 "PrimaryPeerAddressPrefix / SecondaryPeerAddressPrefix are the /30s of the two links "
                                 "(IPv6: /126)", PS_ARP}},
    {"address_swapped", {NULL}, {FIRST_USABLE, PS_ARP,
                                 "Azure's ARP table lists our address as On-Prem: it must be the first usable address "
                                 "of the /30 (odd last octet), Microsoft's the second (even)"}},
    {"inbound_filter", {NULL}, {"A route-map (policy) must also have a permit entry (accepting term) that matches the list",
                                PS_ROUTES, CLI_ROUTES}},
    {"route_limit", {NULL}, {LIMITS, "Summarise what we advertise to {peer}; the first line counts it again after the change",
                             PS_SUMMARY, CLI_SUMMARY,
                             "Confirm: StatePfxRcd (what the MSEE receives from us) falls below the limit"}},
    {"route_filter_missing", {NULL},
     {"Microsoft peering advertises no prefix until a route filter naming the services' BGP communities is "
      "attached to the peering (circuits since 1 August 2017)",
      CLI "az network route-filter create -g <rg> -n <route-filter> -l <region>",
      CLI "az network route-filter rule create -g <rg> --filter-name <route-filter> -n allow --access Allow "
          "--communities <community> ...",
      CLI_UPDATE "--route-filter <route-filter>",
      PS "Set-AzExpressRouteCircuitPeeringConfig -Name MicrosoftPeering -ExpressRouteCircuit $ckt -RouteFilter $rf "
         "... ; Set-AzExpressRouteCircuit -ExpressRouteCircuit $ckt"}},
    {"private_prefix_advertised", {NULL},
     {"Microsoft peering takes only public prefixes registered to our AS or our provider in an RIR or IRR "
      "(ARIN, RIPE, APNIC, LACNIC, AFRINIC, RADB, ALTDB); NAT the traffic to such a pool and advertise that",
      "Check the registration: whois -h whois.radb.net -- '-i origin AS{local_as}'",
      PS_PEERING, CLI_PEERING,
      "Portal: the peering's advertised prefixes show \"Validation needed\" when the registry check failed"}},
    {"local_prefix_limit", {NULL}, {"Our own limit tripped on what Microsoft sends: set it above the count Azure "
                                    "advertises, make it only log, or filter inbound so fewer prefixes count",
                                    PS_ROUTES, CLI_ROUTES,
                                    "Azure advertises the VNet prefixes behind the circuit (up to 1,000 per gateway "
                                    "connection, more with Global Reach or several VNets): our limit must be above that"}},
    {"tcp179_blocked", {NULL}, {"Permit TCP 179 between {local_ip} and {peer} both ways on every ACL, control-plane "
                                "policy and firewall on the path", PS_SUMMARY, CLI_SUMMARY}},
    {"tcp179_refused", {NULL}, {PS_CIRCUIT, PS_PEERING, CLI_PEERING,
                                "A refused connect means nothing listens for us on the MSEE: the peering is missing "
                                "or disabled, or set up with another /30 or VLAN ID"}},
    {"hold_timer_expired", {NULL}, {PS_SUMMARY, PS_ARP}},
    {"bfd_session_down", {NULL}, {"MSEEs run BFD at 300 ms by default; private peerings set up before August 2018 and "
                                  "Microsoft peerings before January 2020 get BFD only after a peering reset (disable "
                                  "and re-enable the peering in Azure: both sessions drop, plan a maintenance window)"}},
    {"peer_shutdown", {NULL}, {PS_CIRCUIT, PS_PEERING, CLI_PEERING,
                               "If the Cease came from Microsoft: the peering's State must be Enabled"}},
    {"session_down", {NULL}, {PS_SUMMARY, CLI_SUMMARY, PS_ARP}},
    {"asymmetric_path", {NULL}, {"For Azure->on-prem, prepend our AS on the backup link's outbound policy: Azure "
                                 "prefers the shorter AS path", PS_ROUTES, CLI_NIC}},
    {"return_via_internet", {NULL}, {"The outbound policy toward {peer} must permit the on-prem prefix",
                                     "If the source is NATed, advertise the NAT pool to Microsoft (and not to the Internet)",
                                     PS_ROUTES, CLI_NIC}},
    {"forced_tunneling", {NULL}, {CLI_NIC,
                                  "Forced tunneling (0.0.0.0/0 to on-prem) is for internet-bound traffic only: the "
                                  "on-prem prefixes must keep next hop VirtualNetworkGateway"}},
    {"link_redundancy_lost", {NULL}, {"Microsoft's SLA covers a circuit only while both its BGP sessions (primary and "
                                      "secondary) are up: with one down, a failure or maintenance on the other cuts the "
                                      "circuit", CLI_ROUTES_BOTH("primary"), CLI_ROUTES_BOTH("secondary")}},
    {"advertisement_mismatch", {NULL}, {"Compare what each MSEE holds from us: a prefix in one path's table only is "
                                        "advertised on that link only", CLI_ROUTES_BOTH("primary"),
                                        CLI_ROUTES_BOTH("secondary")}},
    {"preference_asymmetry", {NULL}, {"Azure returns traffic over the link whose advertisement has the shorter AS path "
                                      "(both when equal); on-prem traffic leaves over the link whose routes win locally "
                                      "(higher local preference, then shorter AS path): active/passive needs both to "
                                      "point at the same link", CLI_ROUTES_BOTH("primary"), CLI_ROUTES_BOTH("secondary")}},
};

const vendor_remedy_t *common_remedy(const char *cause)
{
    return remedy_find(common_remedies, sizeof(common_remedies) / sizeof(common_remedies[0]), cause);
}
