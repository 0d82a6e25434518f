/* trace_table.c: traceroute as Linux (traceroute, mtr --report) and Windows (tracert) print it.
 * The Cisco-style entry points in trace.h are listed by the ios / iosxr / nxos / eos tables. */
#include "parsers/trace/trace.h"
#include "parsers/vendors.h"

#define TRACE_DEF(cmd, pat, fn) \
    {.command = (cmd), .pattern = (pat), .kind = KIND_TRACEROUTE, .state_size = sizeof(trace_state_t), \
     .line = (fn), .finish = trace_finish}

static const parser_def_t linux_parsers[] = {
    TRACE_DEF("mtr --report", "^(sudo )?mtr( .*)?$", trace_mtr_line),
    TRACE_DEF("tracepath", "^(sudo )?tracepath6?( .*)?$", trace_tracepath_line),
    TRACE_DEF("traceroute", "^(sudo )?(traceroute6?|inetutils-traceroute|tcptraceroute6?)( .*)?$", trace_linux_line),
};

static const parser_def_t windows_parsers[] = {
    TRACE_DEF("tracert", "^tracert(\\.exe)?( .*)?$", trace_tracert_line),
};

const parser_vendor_t parser_vendor_linux = {"linux", "Linux host (traceroute, mtr, tracepath)", linux_parsers,
                                             ARRAY_LEN(linux_parsers)};
const parser_vendor_t parser_vendor_windows = {"windows", "Windows host (tracert)", windows_parsers,
                                               ARRAY_LEN(windows_parsers)};
