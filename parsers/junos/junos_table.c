/* junos_table.c: what erdiag parses from Juniper Junos, command by command. */
#include "parsers/vendors.h"

const parser_vendor_t parser_vendor_junos = {"junos", "Juniper Junos", NULL, 0};
