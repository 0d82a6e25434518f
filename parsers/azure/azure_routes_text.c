/* azure_routes_text.c: the effective route table as text.
 *
 * Get-AzEffectiveRouteTable (PowerShell table; lists in braces, cut short with "..." / "…"):
 *   Name State  Source  AddressPrefix      NextHopType      NextHopIpAddress
 *   ---- -----  ------  -------------      -----------      ----------------
 *        Active Default {10.1.0.0/16}      VnetLocal        {}
 *        Active User    {0.0.0.0/0}        VirtualAppliance {10.1.255.4}
 * az network nic show-effective-route-table -o table:
 *   Source    State    Address Prefix    Next Hop Type     Next Hop IP
 *   --------  -------  ----------------  ----------------  -------------
 *   User      Active   0.0.0.0/0         VirtualAppliance  10.1.255.4
 * Columns are read at the positions of the dashes, because Name and the next hop are often
 * empty.  PowerShell's Format-List ("State            : Active") is read too. */
#include <string.h>

#include "parsers/azure/azure.h"
#include "parsers/rx.h"
#include "parsers/textutil.h"

enum { F_NAME, F_STATE, F_SOURCE, F_PREFIX, F_NHTYPE, F_NHIP, F_UNKNOWN };
enum { MAX_ROW_PREFIXES = 64 };

static rx_t list_rx = RX("^\\s*(?<k>Name|State|Source|AddressPrefix|NextHopType|NextHopIpAddress)\\s*:\\s?(?<v>.*?)\\s*$");
static rx_t header_rx = RXI("^\\s*(?:Name\\s+)?(?:State|Source)\\s+.*Next\\s?Hop\\s?Type");
static rx_t dashes_rx = RX("^\\s*-+(?:\\s+-+)*\\s*$");

static int field_of(const char *s, size_t n)
{
    char w[32];
    size_t k = 0;
    for (size_t i = 0; i < n && k + 1 < sizeof(w); i++)
        if (s[i] != ' ')
            w[k++] = s[i];
    w[k] = '\0';
    static const char *names[] = {"Name", "State", "Source", "AddressPrefix", "NextHopType"};
    for (int f = 0; f < 5; f++)
        if (tu_eq(w, k, names[f]))
            return f;
    if (tu_eq(w, k, "NextHopIpAddress") || tu_eq(w, k, "NextHopIP"))
        return F_NHIP;
    return F_UNKNOWN;
}

/* Column starts from the dashes; titles from the header line above them. */
static void columns(azure_routes_state_t *st, const char *line, size_t len)
{
    st->ncols = 0;
    size_t hlen = strlen(st->header);
    for (size_t i = 0; i < len && st->ncols < AZURE_MAX_COLS; i++)
        if (line[i] == '-' && (i == 0 || line[i - 1] == ' '))
            st->col_start[st->ncols++] = i;
    for (int c = 0; c < st->ncols; c++) {
        size_t a = st->col_start[c], b = c + 1 < st->ncols ? st->col_start[c + 1] : hlen;
        st->col_field[c] = a < hlen ? field_of(st->header + a, (b < hlen ? b : hlen) - a) : F_UNKNOWN;
    }
    st->have_cols = true;
}

/* "{10.1.0.0/16, 10.2.0.0/16}", "{}", "10.1.0.0/16 10.2.0.0/16": items into out. */
static void list_items(parse_run_t *run, const char *s, size_t n, char (*out)[PREFIX_LEN], int *count)
{
    tu_trim(&s, &n);
    bool braced = n && s[0] == '{';
    if (braced)
        s++, n--;
    if (n && s[n - 1] == '}')
        n--;
    else if (braced) {
        /* "{10.0.0.0/8, 172.16" at the end of the output: the last item may be incomplete. */
        parse_partial(run, "a list of addresses is cut off");
        while (n && s[n - 1] != ',' && s[n - 1] != ' ')
            n--;
    }
    size_t i = 0;
    while (i < n) {
        while (i < n && (s[i] == ' ' || s[i] == ','))
            i++;
        size_t a = i;
        while (i < n && s[i] != ' ' && s[i] != ',')
            i++;
        if (i == a)
            break;
        size_t len = i - a;
        if ((len >= 3 && memcmp(s + i - 3, "...", 3) == 0) || (len >= 3 && memcmp(s + i - 3, "\xe2\x80\xa6", 3) == 0)) {
            parse_partial(run, "PowerShell cut a list of addresses short");
            return;
        }
        azure_add_prefix(out, count, MAX_ROW_PREFIXES, s + a, len);
    }
}

static void set_field(parse_run_t *run, effective_route_t *e, int f, const char *s, size_t n,
                      char (*prefixes)[PREFIX_LEN], int *np)
{
    tu_trim(&s, &n);
    switch (f) {
    case F_NAME: FIELD_SET(e->name, s, (long)n); break;
    case F_STATE: FIELD_SET(e->state, s, (long)n); break;
    case F_SOURCE: FIELD_SET(e->source, s, (long)n); break;
    case F_NHTYPE: FIELD_SET(e->next_hop_type, s, (long)n); break;
    case F_PREFIX: list_items(run, s, n, prefixes, np); break;
    case F_NHIP: {
        char hops[MAX_ROW_PREFIXES][PREFIX_LEN];
        int nh = 0;
        list_items(run, s, n, hops, &nh);
        if (nh) /* the model keeps one next hop: the first gateway instance */
            FIELD_SET(e->next_hop, hops[0], -1);
        break;
    }
    default: break;
    }
}

/* Byte offset of display column col: PowerShell's "…" is three bytes wide in memory, one on
 * screen, and the columns were laid out on screen. */
static size_t byte_at(const char *line, size_t len, size_t col)
{
    size_t i = 0, c = 0;
    while (i < len && c < col) {
        i++;
        while (i < len && ((unsigned char)line[i] & 0xC0) == 0x80)
            i++;
        c++;
    }
    return c < col ? len + (col - c) : i;
}

static int table_row(parse_run_t *run, azure_routes_state_t *st, const char *line, size_t len)
{
    record_t rec;
    parse_begin_record(run, &rec, KIND_EFFECTIVE_ROUTES);
    char prefixes[MAX_ROW_PREFIXES][PREFIX_LEN];
    int np = 0;
    for (int c = 0; c < st->ncols; c++) {
        size_t a = byte_at(line, len, st->col_start[c]);
        size_t b = c + 1 < st->ncols ? byte_at(line, len, st->col_start[c + 1]) : len;
        if (a >= len)
            break;
        set_field(run, &rec.u.effective_route, st->col_field[c], line + a, (b < len ? b : len) - a, prefixes, &np);
    }
    const effective_route_t *e = &rec.u.effective_route;
    if (!e->state[0] && !e->source[0] && np == 0) {
        parse_skip(run);
        return 0;
    }
    return azure_emit_route(run, &rec, (const char(*)[PREFIX_LEN])prefixes, np);
}

/* Format-List: fields accumulate in st->rec until a blank line or the next route's Name. */
static int list_flush(parse_run_t *run, azure_routes_state_t *st)
{
    if (!st->list_open)
        return 0;
    st->list_open = false;
    effective_route_t *e = &st->rec.u.effective_route;
    char prefixes[4][PREFIX_LEN];
    int np = e->n_prefixes;
    memcpy(prefixes, e->prefixes, sizeof(prefixes));
    return azure_emit_route(run, &st->rec, (const char(*)[PREFIX_LEN])prefixes, np);
}

static int list_line(parse_run_t *run, azure_routes_state_t *st, const rx_caps_t *c)
{
    const char *k, *v;
    size_t kn, vn;
    rx_named(c, "k", &k, &kn);
    rx_named(c, "v", &v, &vn);
    int f = field_of(k, kn);
    int rc = 0;
    if (f == F_NAME)
        rc = list_flush(run, st);
    if (!st->list_open) {
        parse_begin_record(run, &st->rec, KIND_EFFECTIVE_ROUTES);
        st->list_open = true;
    }
    effective_route_t *e = &st->rec.u.effective_route;
    char prefixes[MAX_ROW_PREFIXES][PREFIX_LEN];
    int np = 0;
    set_field(run, e, f, v, vn, prefixes, &np);
    for (int i = 0; i < np; i++)
        if (e->n_prefixes < 4)
            memcpy(e->prefixes[e->n_prefixes++], prefixes[i], PREFIX_LEN);
    if (np > 4)
        parse_partial(run, "a route lists more address prefixes than erdiag keeps");
    return rc;
}

int azure_routes_text_line(parse_run_t *run, void *state, const char *line, size_t len)
{
    azure_routes_state_t *st = state;
    const char *s = line;
    size_t n = len;
    tu_trim(&s, &n);
    rx_caps_t c;
    if (n == 0)
        return list_flush(run, st);
    if ((tu_starts(s, n, "PS ") && memchr(s, '>', n)) || tu_starts(s, n, "WARNING:"))
        return 0; /* a PowerShell prompt with its command; az warnings */
    if (!st->have_cols && rx_match(&list_rx, line, len, &c))
        return list_line(run, st, &c);
    if (!st->have_cols && rx_match(&header_rx, line, len, NULL)) {
        field_set(st->header, sizeof(st->header), line, (long)len);
        st->have_header = true;
        return 0;
    }
    if (st->have_header && !st->have_cols && rx_match(&dashes_rx, line, len, NULL)) {
        columns(st, line, len);
        return 0;
    }
    if (st->have_cols)
        return table_row(run, st, line, len);
    parse_skip(run);
    return 0;
}

int azure_routes_text_finish(parse_run_t *run, void *state)
{
    azure_routes_state_t *st = state;
    if (st->have_header && !st->have_cols)
        parse_truncated(run, "the table stops after its title line");
    return list_flush(run, st);
}
