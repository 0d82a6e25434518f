/* ios_table.c: what erdiag parses from Cisco IOS / IOS-XE, command by command. */
#include "parsers/ios/ios.h"
#include "parsers/vendors.h"

static const parser_def_t ios_parsers[] = {
    {.command = "show ip interface brief", .pattern = "^sh(o(w)?)? ip int(e(r(f(a(c(e)?)?)?)?)?)? br(i(e(f)?)?)?( .*)?$",
     .kind = KIND_INTERFACES, .line = ios_ip_int_brief_line},
};

const parser_vendor_t parser_vendor_ios = {"ios", "Cisco IOS / IOS-XE", ios_parsers, ARRAY_LEN(ios_parsers)};
