/* junos_cfgwalk.c: reading Junos configuration output one statement at a time.
 *
 * Both displays give each statement its full path:
 *   braces:  protocols { bgp { group MSEE { neighbor 192.168.100.130 { peer-as 12076; } } } }
 *   set:     set protocols bgp group MSEE neighbor 192.168.100.130 peer-as 12076
 * The walker keeps the path of the open blocks (the command's own path, e.g. "show
 * configuration protocols bgp", is the root) and hands each statement to a consumer. */
#include <ctype.h>
#include <stdio.h>
#include <string.h>

#include "parsers/junos/junos.h"
#include "parsers/textutil.h"

/* Splits words into p->tok from p->ntok on: quoted strings are one word (quotes dropped). */
static int split(junos_cfg_path_t *p, const char *s, size_t len)
{
    int n = p->ntok;
    size_t i = 0;
    while (i < len && n < JC_MAX_TOK) {
        while (i < len && isspace((unsigned char)s[i]))
            i++;
        if (i >= len)
            break;
        size_t start = i, end;
        if (s[i] == '"') {
            start = ++i;
            while (i < len && s[i] != '"')
                i += s[i] == '\\' && i + 1 < len ? 2 : 1;
            end = i < len ? i : len;
            i = end + 1;
        } else {
            while (i < len && !isspace((unsigned char)s[i]))
                i++;
            end = i;
        }
        field_set(p->tok[n++], JC_TOK_LEN, s + start, (long)(end - start));
    }
    return n;
}

/* Drops a trailing "## SECRET-DATA" / "# comment" outside quotes. */
static size_t strip_comment(const char *s, size_t len)
{
    bool q = false;
    for (size_t i = 0; i < len; i++) {
        if (s[i] == '"')
            q = !q;
        else if (!q && s[i] == '#' && (i == 0 || s[i - 1] == ' ' || s[i - 1] == ';'))
            return i;
    }
    return len;
}

/* The command's path below "show configuration" is the root of what the device prints. */
static void base_path(parse_run_t *run, junos_cfg_path_t *p)
{
    p->based = true;
    const char *cmd = parse_command_norm(run);
    const char *at = strstr(cmd, "configuration");
    if (!at)
        return;
    at += strlen("configuration");
    size_t len = strcspn(at, "|");
    int n = split(p, at, len);
    if (n > 0 && p->depth < JC_MAX_DEPTH) {
        p->frame[p->depth] = n;
        p->frame_inactive[p->depth++] = false;
        p->ntok = n;
        p->base_depth = 1;
    }
    /* The original case of names matters (policy names): re-split from the raw command. */
    const char *raw = parse_command(run);
    const char *rat = strstr(raw, "configuration");
    if (rat) {
        rat += strlen("configuration");
        junos_cfg_path_t tmp;
        tmp.ntok = 0;
        int m = split(&tmp, rat, strcspn(rat, "|"));
        for (int i = 0; i < m && i < n; i++)
            memcpy(p->tok[i], tmp.tok[i], JC_TOK_LEN);
    }
}

/* The first word of the outermost open block marked inactive, or -1. */
static int inactive_at(const junos_cfg_path_t *p)
{
    int at = 0;
    for (int i = 0; i < p->depth; i++) {
        if (p->frame_inactive[i])
            return at;
        at += p->frame[i];
    }
    return -1;
}

int junos_cfg_line(parse_run_t *run, junos_cfg_path_t *p, const char *line, size_t len, const junos_cfg_ops_t *ops,
                   void *st)
{
    if (!p->based)
        base_path(run, p);
    tu_trim(&line, &len);
    if (len == 0 || line[0] == '#' || (len >= 2 && line[0] == '/' && line[1] == '*'))
        return 0;
    len = strip_comment(line, len);
    tu_trim(&line, &len);
    if (len == 0)
        return 0;
    bool inactive = false;
    if (tu_starts(line, len, "set ") || tu_starts(line, len, "deactivate ")) {
        bool deact = line[0] == 'd';
        size_t skip = deact ? 11 : 4;
        junos_cfg_path_t *q = p;
        int saved = q->ntok;
        q->ntok = 0;
        int n = split(q, line + skip, len - skip);
        int rc = ops->leaf(run, st, q->tok, n, deact ? n - 1 : -1, false);
        q->ntok = saved;
        return rc;
    }
    if (line[0] == '}') {
        if (p->depth <= p->base_depth)
            return 0; /* never close the command's own path */
        int rc = ops->close ? ops->close(run, st, p->tok, p->ntok) : 0;
        p->ntok -= p->frame[--p->depth];
        if (p->ntok < 0)
            p->ntok = 0;
        return rc;
    }
    static const char *const marks[] = {"inactive: ", "protect: ", "replace: ", "active: "};
    for (size_t i = 0; i < sizeof(marks) / sizeof(marks[0]); i++)
        if (tu_starts(line, len, marks[i])) {
            inactive = inactive || i == 0;
            line += strlen(marks[i]);
            len -= strlen(marks[i]);
        }
    char last = len ? line[len - 1] : '\0';
    if (last != '{' && last != ';') {
        parse_skip(run);
        return 0;
    }
    int outer = inactive_at(p);
    int n = split(p, line, len - 1);
    int in = outer >= 0 ? outer : inactive ? p->ntok : -1;
    if (last == '{') {
        if (p->depth >= JC_MAX_DEPTH) {
            parse_partial(run, "configuration nested too deep");
            return 0;
        }
        p->frame[p->depth] = n - p->ntok;
        p->frame_inactive[p->depth++] = inactive;
        int rc = ops->leaf(run, st, p->tok, n, in, true);
        p->ntok = n;
        return rc;
    }
    return ops->leaf(run, st, p->tok, n, in, false);
}

void junos_cfg_join(char (*tok)[JC_TOK_LEN], int from, int n, char *dst, size_t size)
{
    size_t w = 0;
    dst[0] = '\0';
    for (int i = from; i < n; i++) {
        if (!strcmp(tok[i], "[") || !strcmp(tok[i], "]"))
            continue;
        int k = snprintf(dst + w, size - w, "%s%s", w ? " " : "", tok[i]);
        if (k < 0 || (size_t)k >= size - w)
            break;
        w += (size_t)k;
    }
}
