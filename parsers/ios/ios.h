/* ios.h: Cisco IOS / IOS-XE parsers (declared here, listed in ios_table.c). */
#ifndef ERDIAG_IOS_H
#define ERDIAG_IOS_H

#include "parsers/parser.h"

int ios_ip_int_brief_line(parse_run_t *run, void *state, const char *line, size_t len);

#endif
