/* trace_table.c: traceroute as Linux (traceroute, mtr --report) and Windows (tracert) print it. */
#include "parsers/vendors.h"

const parser_vendor_t parser_vendor_linux = {"linux", "Linux host (traceroute, mtr)", NULL, 0};
const parser_vendor_t parser_vendor_windows = {"windows", "Windows host (tracert)", NULL, 0};
