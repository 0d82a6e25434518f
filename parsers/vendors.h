/* vendors.h: one parser table per platform, each defined in parsers/<vendor>/<vendor>_table.c. */
#ifndef ERDIAG_VENDORS_H
#define ERDIAG_VENDORS_H

#include "parsers/parser.h"

extern const parser_vendor_t parser_vendor_ios;
extern const parser_vendor_t parser_vendor_nxos;
extern const parser_vendor_t parser_vendor_iosxr;
extern const parser_vendor_t parser_vendor_eos;
extern const parser_vendor_t parser_vendor_junos;
extern const parser_vendor_t parser_vendor_frr;
extern const parser_vendor_t parser_vendor_linux;
extern const parser_vendor_t parser_vendor_windows;
extern const parser_vendor_t parser_vendor_azure;

#define ARRAY_LEN(a) (sizeof(a) / sizeof((a)[0]))

#endif
