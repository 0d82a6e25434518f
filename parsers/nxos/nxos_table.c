/* nxos_table.c: what erdiag parses from Cisco NX-OS, command by command. */
#include "parsers/vendors.h"

const parser_vendor_t parser_vendor_nxos = {"nxos", "Cisco NX-OS", NULL, 0};
