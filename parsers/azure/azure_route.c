/* azure_route.c: what every form of the effective route table shares. */
#include <string.h>

#include "parsers/azure/azure.h"
#include "parsers/textutil.h"

void azure_add_prefix(char (*list)[PREFIX_LEN], int *n, int max, const char *s, size_t len)
{
    tu_trim(&s, &len);
    if (len == 0 || *n >= max)
        return;
    memset(list[*n], 0, PREFIX_LEN); /* records are compared bytewise: no stack garbage */
    /* Canonical CIDR when it parses; anything else (a future service-tag form) as printed. */
    if (!tu_prefix(s, len, false, list[*n], PREFIX_LEN))
        field_set(list[*n], PREFIX_LEN, s, (long)len);
    (*n)++;
}

int azure_emit_route(parse_run_t *run, record_t *rec, const char (*prefixes)[PREFIX_LEN], int n)
{
    effective_route_t *e = &rec->u.effective_route;
    int per = (int)(sizeof(e->prefixes) / sizeof(e->prefixes[0]));
    if (n == 0) {
        e->n_prefixes = 0;
        return parse_emit(run, rec);
    }
    /* A route with more prefixes than a record holds goes out as several records that differ
     * only in their prefixes, so no prefix is lost. */
    for (int i = 0; i < n; i += per) {
        e->n_prefixes = 0;
        for (int k = i; k < n && k < i + per; k++)
            memcpy(e->prefixes[e->n_prefixes++], prefixes[k], PREFIX_LEN);
        int rc = parse_emit(run, rec);
        if (rc)
            return rc;
    }
    return 0;
}
