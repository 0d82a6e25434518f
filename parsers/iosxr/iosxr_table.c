/* iosxr_table.c: what erdiag parses from Cisco IOS-XR, command by command. */
#include "parsers/vendors.h"

const parser_vendor_t parser_vendor_iosxr = {"iosxr", "Cisco IOS-XR", NULL, 0};
