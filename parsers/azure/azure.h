/* azure.h: Azure parsers (declared here, listed in azure_table.c). */
#ifndef ERDIAG_AZURE_H
#define ERDIAG_AZURE_H

#include <stdbool.h>

#include "parsers/parser.h"

enum { AZURE_MAX_COLS = 8, AZURE_HEADER_LEN = 512 };

/* The text forms of an effective route table: a PowerShell / az "-o table" table, or
 * PowerShell's Format-List ("State : Active" lines, one blank-separated block per route). */
typedef struct {
    char header[AZURE_HEADER_LEN]; /* title line, kept until the dashes under it give the columns */
    bool have_header, have_cols;
    int ncols;
    size_t col_start[AZURE_MAX_COLS];
    int col_field[AZURE_MAX_COLS];
    record_t rec;                  /* Format-List: the route being filled */
    bool list_open;
} azure_routes_state_t;

/* az network nic show-effective-route-table (JSON: {"value": [...]} or a bare array),
 * Get-AzEffectiveRouteTable | ConvertTo-Json.  Text that is not JSON goes to the text parser. */
int azure_routes_json(parse_run_t *run, const char *text, size_t len);
/* Get-AzEffectiveRouteTable as PowerShell prints it; az ... -o table. */
int azure_routes_text_line(parse_run_t *run, void *state, const char *line, size_t len);
int azure_routes_text_finish(parse_run_t *run, void *state);
/* Emits a route, split into several records when it has more prefixes than a record holds. */
int azure_emit_route(parse_run_t *run, record_t *rec, const char (*prefixes)[PREFIX_LEN], int n);
/* Adds one prefix (canonical CIDR when it parses) to a list of up to max. */
void azure_add_prefix(char (*list)[PREFIX_LEN], int *n, int max, const char *s, size_t len);

#endif
