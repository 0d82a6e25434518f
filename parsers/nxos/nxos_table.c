/* nxos_table.c: what erdiag parses from Cisco NX-OS, command by command.
 *
 * Patterns run over the normalised command (lower case, single spaces, "| no-more" gone).
 * Specific forms come before generic ones: the first match wins, so every "| json" variant is
 * listed ahead of its text form. */
#include "parsers/nxos/nxos.h"
#include "parsers/vendors.h"

/* Abbreviation-tolerant words. */
#define SH "^sh(?:o(?:w)?)? "
#define INT "int(?:e(?:r(?:f(?:a(?:c(?:e)?)?)?)?)?)?"
#define BR "br(?:i(?:e(?:f)?)?)?"
#define NEI "nei(?:g(?:h(?:b(?:o(?:r(?:s)?)?)?)?)?)?"
#define SUM "summ?(?:a(?:r(?:y)?)?)?"
#define VRF "(?: vrf \\S+)?"
#define JSON " ?\\| ?json(?:-pretty)?$"
#define TEXT(fn) .state_size = NXOS_STATE_SIZE, .line = fn##_line, .finish = fn##_finish

static const parser_def_t nxos_parsers[] = {
    /* ---- interfaces ---- */
    {.command = "show interface brief", .pattern = SH INT " " BR "$", .kind = KIND_INTERFACES, TEXT(nxos_int_brief)},
    {.command = "show ip interface brief | json", .pattern = SH "ip " INT " " BR VRF ".*" JSON,
     .kind = KIND_INTERFACES, .whole = nxos_json_ip_int_brief},
    {.command = "show ip interface brief [vrf all]", .pattern = SH "ip " INT " " BR "(?: .*)?$",
     .kind = KIND_INTERFACES, TEXT(nxos_ip_int_brief)},
    {.command = "show interface [IF] | json", .pattern = SH INT "(?: \\S+)?" JSON, .kind = KIND_INTERFACES,
     .whole = nxos_json_interface},
    {.command = "show interface [IF]", .pattern = SH INT "(?: \\S+)?$", .kind = KIND_INTERFACES, TEXT(nxos_interface)},
};

const parser_vendor_t parser_vendor_nxos = {"nxos", "Cisco NX-OS", nxos_parsers, ARRAY_LEN(nxos_parsers)};
