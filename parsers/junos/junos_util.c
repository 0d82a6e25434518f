/* junos_util.c: conversions the Junos parsers share. */
#include <ctype.h>
#include <stdio.h>
#include <string.h>

#include "parsers/junos/junos.h"
#include "parsers/textutil.h"

int64_t junos_duration(const char *s, size_t len)
{
    tu_trim(&s, &len);
    /* "Last flapped ... (43w0d 15:54 ago)": after weeks/days Junos prints hh:mm, not mm:ss. */
    const char *sp = NULL;
    for (size_t i = 0; i < len; i++)
        if (s[i] == ' ')
            sp = s + i;
    if (sp && isalpha((unsigned char)sp[-1])) {
        const char *clk = sp + 1;
        size_t clen = len - (size_t)(clk - s);
        const char *colon = memchr(clk, ':', clen);
        if (colon && !memchr(colon + 1, ':', clen - (size_t)(colon + 1 - clk))) {
            int64_t head = tu_duration(s, (size_t)(sp - s));
            int64_t h = tu_int(clk, (size_t)(colon - clk));
            int64_t m = tu_int(colon + 1, clen - (size_t)(colon + 1 - clk));
            if (head != MODEL_ABSENT && h != MODEL_ABSENT && m != MODEL_ABSENT)
                return tu_add_product(&head, h, 3600) && tu_add_product(&head, m, 60) ? head : MODEL_ABSENT;
        }
    }
    return tu_duration(s, len);
}

void junos_addr_port(const char *s, size_t len, char *addr, size_t size, int64_t *port)
{
    tu_trim(&s, &len);
    const char *plus = memchr(s, '+', len);
    if (port)
        *port = MODEL_ABSENT;
    if (plus) {
        if (port)
            *port = tu_int(plus + 1, len - (size_t)(plus + 1 - s));
        len = (size_t)(plus - s);
    }
    field_set(addr, size, s, (long)len);
}

void junos_table_vrf(const char *table, size_t len, char *vrf, size_t size)
{
    /* Instance tables are "<instance>.<family>.<n>"; the master instance has no prefix. */
    static const char *const fams[] = {".inet.", ".inet6.", ".mpls.", ".inetflow.", ".l2vpn.", ".evpn.",
                                       ".iso.", ".inet3.", ".inet6.3"};
    for (size_t i = 0; i < sizeof(fams) / sizeof(fams[0]); i++) {
        size_t fl = strlen(fams[i]);
        for (size_t k = 1; k + fl <= len; k++)
            if (strncmp(table + k, fams[i], fl) == 0) {
                field_set(vrf, size, table, (long)k);
                return;
            }
    }
    field_set(vrf, size, "default", -1);
}

void junos_table_family(const char *table, size_t len, char *family, size_t size)
{
    /* The unicast tables of the master instance and of any routing instance ("ER.inet6.0");
     * other tables (inet.3, bgp.l3vpn.0) keep their own name. */
    static const struct {
        const char *suffix, *family;
    } fams[] = {{"inet.0", "IPv4 Unicast"}, {"inet6.0", "IPv6 Unicast"}};
    for (size_t i = 0; i < sizeof(fams) / sizeof(fams[0]); i++) {
        size_t fl = strlen(fams[i].suffix);
        if (len >= fl && strncmp(table + len - fl, fams[i].suffix, fl) == 0 &&
            (len == fl || table[len - fl - 1] == '.')) {
            field_set(family, size, fams[i].family, -1);
            return;
        }
    }
    field_set(family, size, table, (long)len);
}

int64_t junos_speed_kbps(const char *s, size_t len)
{
    tu_trim(&s, &len);
    size_t i = 0;
    while (i < len && (isdigit((unsigned char)s[i]) || s[i] == '.'))
        i++;
    if (i == 0)
        return MODEL_ABSENT;
    return tu_scale(tu_rate_bps(s, i, s + i, len - i), 1, 1000);
}

void junos_iface_add_addr(iface_t *f, const char *local, size_t llen, const char *dest, size_t dlen)
{
    char buf[PREFIX_LEN + 8];
    tu_trim(&local, &llen);
    tu_trim(&dest, &dlen);
    if (llen == 0 || llen >= PREFIX_LEN)
        return;
    bool v6 = memchr(local, ':', llen) != NULL;
    const char *slash = dlen ? memchr(dest, '/', dlen) : NULL;
    size_t plen = slash ? dlen - (size_t)(slash - dest) : 0;
    if (slash && plen < 6)
        snprintf(buf, sizeof(buf), "%.*s%.*s", (int)llen, local, (int)plen, slash);
    else
        snprintf(buf, sizeof(buf), "%.*s/%d", (int)llen, local, v6 ? 128 : 32);
    char out[PREFIX_LEN];
    if (!tu_prefix(buf, strlen(buf), true, out, sizeof(out)))
        return;
    if (v6 && f->n_ipv6 < MAX_ADDRS)
        FIELD_SET(f->ipv6[f->n_ipv6++], out, -1);
    else if (!v6 && f->n_ipv4 < MAX_ADDRS)
        FIELD_SET(f->ipv4[f->n_ipv4++], out, -1);
}

void junos_copy_word(char *dst, size_t size, const char *s, size_t len)
{
    tu_trim(&s, &len);
    while (len && (s[len - 1] == ';' || s[len - 1] == ','))
        len--;
    if (len >= 2 && s[0] == '"' && s[len - 1] == '"') {
        s++;
        len -= 2;
    }
    field_set(dst, size, s, (long)len);
}

bool junos_blank(const char *line, size_t len)
{
    for (size_t i = 0; i < len; i++)
        if (!isspace((unsigned char)line[i]))
            return false;
    return true;
}

size_t junos_indent(const char *line, size_t len)
{
    size_t i = 0;
    while (i < len && (line[i] == ' ' || line[i] == '\t'))
        i++;
    return i;
}

bool junos_command_arg(const parse_run_t *run, const char *key, char *dst, size_t size)
{
    const char *norm = parse_command_norm(run);
    const char *orig = parse_command(run);
    size_t kl = strlen(key);
    /* Find " key " as a whole word, then take the next word from the original command (same
     * offsets once blanks are squeezed: search the original too). */
    for (const char *p = orig; (p = strstr(p, key)) != NULL; p += kl) {
        if ((p != orig && p[-1] != ' ') || p[kl] != ' ')
            continue;
        const char *w = p + kl;
        while (*w == ' ')
            w++;
        size_t n = strcspn(w, " |");
        if (n == 0)
            return false;
        field_set(dst, size, w, (long)n);
        return true;
    }
    (void)norm;
    return false;
}
