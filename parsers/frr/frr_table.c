/* frr_table.c: what erdiag parses from FRRouting (vtysh), command by command. */
#include "parsers/vendors.h"

const parser_vendor_t parser_vendor_frr = {"frr", "FRRouting (vtysh)", NULL, 0};
