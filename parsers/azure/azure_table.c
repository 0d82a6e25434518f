/* azure_table.c: what erdiag parses from Azure, command by command.
 *
 * The same table comes as az CLI JSON (its default output), az "-o table", PowerShell's own
 * table or list, and PowerShell ConvertTo-Json.  The JSON entry also reads a text table, for an
 * az CLI whose configured default output is table. */
#include "parsers/azure/azure.h"
#include "parsers/vendors.h"

#define AZ_NIC "az network nic show-effective-route-table"
#define PS_NIC "get-azeffectiveroutetable"

static const parser_def_t azure_parsers[] = {
    {.command = "Get-AzEffectiveRouteTable | ConvertTo-Json", .pattern = "^" PS_NIC "( .*)? \\| ?convertto-json( .*)?$",
     .kind = KIND_EFFECTIVE_ROUTES, .whole = azure_routes_json},
    {.command = AZ_NIC " -o table", .pattern = "^" AZ_NIC "( .*)? (-o|--output) table( .*)?$",
     .kind = KIND_EFFECTIVE_ROUTES, .state_size = sizeof(azure_routes_state_t),
     .line = azure_routes_text_line, .finish = azure_routes_text_finish},
    {.command = AZ_NIC, .pattern = "^" AZ_NIC "( .*)?$", .kind = KIND_EFFECTIVE_ROUTES, .whole = azure_routes_json},
    {.command = "Get-AzEffectiveRouteTable", .pattern = "^" PS_NIC "( .*)?$", .kind = KIND_EFFECTIVE_ROUTES,
     .state_size = sizeof(azure_routes_state_t), .line = azure_routes_text_line,
     .finish = azure_routes_text_finish},
};

const parser_vendor_t parser_vendor_azure = {"azure", "Azure", azure_parsers, ARRAY_LEN(azure_parsers)};
