/* azure_table.c: what erdiag parses from Azure, command by command. */
#include "parsers/vendors.h"

const parser_vendor_t parser_vendor_azure = {"azure", "Azure", NULL, 0};
