/* eos_table.c: what erdiag parses from Arista EOS, command by command. */
#include "parsers/vendors.h"

const parser_vendor_t parser_vendor_eos = {"eos", "Arista EOS", NULL, 0};
