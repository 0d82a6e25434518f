/* clean.c: line cleaning for captured CLI output. */
#include "parsers/clean.h"

#include <ctype.h>
#include <stdint.h>
#include <string.h>
#include <strings.h>

#include "parsers/rx.h"

/* Keeps what a terminal would show after "\r": the text after the last carriage return,
 * unless that text is empty (a plain CRLF ending). */
static size_t apply_carriage_returns(char *line, size_t len)
{
    while (len && line[len - 1] == '\r')
        len--;
    char *cr = memrchr(line, '\r', len);
    if (!cr)
        return len;
    size_t tail = len - (size_t)(cr + 1 - line);
    memmove(line, cr + 1, tail);
    return tail;
}

/* ESC [ params final | ESC ] ... BEL/ST | ESC x; and backspace erasing the previous char. */
static size_t strip_escapes(char *line, size_t len)
{
    size_t w = 0;
    for (size_t r = 0; r < len; r++) {
        unsigned char c = (unsigned char)line[r];
        if (c == 0x1b && r + 1 < len) {
            char kind = line[++r];
            if (kind == '[') {
                while (r + 1 < len && !((unsigned char)line[r + 1] >= 0x40 && (unsigned char)line[r + 1] <= 0x7e))
                    r++;
                r++; /* the final byte */
            } else if (kind == ']') {
                while (r + 1 < len && line[r + 1] != '\a' && line[r + 1] != 0x1b)
                    r++;
                r++;
                if (r < len && line[r] == 0x1b)
                    r++; /* ESC \ terminator */
            }
            continue;
        }
        if (c == 0x1b)
            continue;
        if (c == '\b') {
            if (w)
                w--;
            continue;
        }
        if (c == 0 || (c < 0x20 && c != '\t'))
            continue; /* NULs and bells are never content */
        line[w++] = (char)c;
    }
    return w;
}

static rx_t pager_rx = RXI("\\s*(?:-{1,3}\\s*\\(?\\s*more(?:\\s+\\d+%)?\\s*\\)?\\s*-{1,3}|<-+\\s*more\\s*-+>|"
                           "press any key to continue|\\(END\\)$)\\s*");

static size_t strip_pager(char *line, size_t len, bool *had_pager)
{
    rx_caps_t c;
    while (len && rx_match(&pager_rx, line, len, &c)) {
        size_t s = c.ov[0], e = c.ov[1];
        if (e <= s)
            break;
        memmove(line + s, line + e, len - e);
        len -= e - s;
        *had_pager = true;
    }
    return len;
}

/* Pager prompts always contain "more" (any case) or "any key": look before paying for a regex. */
static bool may_have_pager(const char *line, size_t len)
{
    for (size_t i = 0; i + 4 <= len; i++) {
        char c = line[i];
        if ((c == 'm' || c == 'M') && strncasecmp(line + i, "more", 4) == 0)
            return true;
        if ((c == 'a' || c == 'A') && strncasecmp(line + i, "any key", len - i < 7 ? len - i : 7) == 0)
            return true;
        if (c == '(' && len - i >= 5 && strncmp(line + i, "(END)", 5) == 0)
            return true;
    }
    return false;
}

/* One word-at-a-time pass over the line answers the two questions every line asks: does it
 * hold a control byte (CR, ESC, backspace...), and could it hold a pager prompt (every pager
 * pattern contains "more", "key" or "(END)", so a folded 'm', 'k' or '(' must be present)?
 * Clean lines -- nearly all of a big table -- then cost one pass of 8-byte loads. */
#define W_ONES 0x0101010101010101ull
#define W_HIGHS 0x8080808080808080ull
static inline uint64_t w_zero(uint64_t v) { return (v - W_ONES) & ~v & W_HIGHS; }
static inline uint64_t w_byte(uint64_t v, unsigned char b) { return w_zero(v ^ (W_ONES * b)); }
static inline uint64_t w_less(uint64_t v, unsigned char n) { return (v - W_ONES * n) & ~v & W_HIGHS; }

static void scan_line(const char *line, size_t len, bool *ctrl, bool *pager)
{
    uint64_t c = 0, g = 0;
    size_t i = 0;
    for (; i + 8 <= len; i += 8) {
        uint64_t v;
        memcpy(&v, line + i, 8);
        uint64_t f = v | (W_ONES * 0x20); /* ASCII letters folded to lower case */
        c |= w_less(v, 0x20);
        g |= w_byte(f, 'm') | w_byte(f, 'k') | w_byte(v, '(');
    }
    for (; i < len; i++) {
        unsigned char b = (unsigned char)line[i], f = (unsigned char)(b | 0x20);
        c |= b < 0x20;
        g |= f == 'm' || f == 'k' || b == '(';
    }
    *ctrl = c != 0;
    *pager = g != 0;
}

size_t clean_line(char *line, size_t len, bool *had_pager)
{
    *had_pager = false;
    bool ctrl, pager;
    scan_line(line, len, &ctrl, &pager);
    if (ctrl) {
        if (memchr(line, '\r', len))
            len = apply_carriage_returns(line, len);
        for (size_t i = 0; i < len; i++) {
            unsigned char c = (unsigned char)line[i];
            if (c < 0x20 && c != '\t') {
                len = strip_escapes(line, len);
                break;
            }
        }
    }
    if (pager && may_have_pager(line, len))
        len = strip_pager(line, len, had_pager);
    return len;
}

/* A prompt is a host name (Junos: user@host, IOS-XR: RP/0/RSP0/CPU0:host) followed by one of
 * # > $ %, optionally with a Junos "{master:0}" line above it or a config mode in brackets. */
static rx_t prompt_rx = RX("^\\s*(?:\\[[^\\]]*\\]\\s*)?(?:[A-Za-z0-9_.@:/~+\\\\-]+(?:\\([a-z0-9-]+\\))?)[#>$%]\\s?(?<cmd>.*)$");
static rx_t junos_banner_rx = RX("^\\s*\\{(?:master|backup|primary|secondary|linecard|local)[^}]*\\}\\s*$");
static rx_t echo_cmd_rx = RXI("^(?:sh(?:o(?:w)?)?|display|traceroute|tracert|trace|ping|telnet|mtr|vtysh|run|"
                              "terminal|term|get-az|az|ip|nc|netstat|ss)\\b");

line_class_t clean_classify(const char *line, size_t len)
{
    size_t i = 0;
    while (i < len && isspace((unsigned char)line[i]))
        i++;
    if (i == len)
        return LINE_BLANK;
    char last = line[len - 1];
    /* Cheap rejections first: most content lines have a space before any prompt character. */
    const char *mark = NULL;
    for (size_t k = i; k < len; k++) {
        char c = line[k];
        if (c == '#' || c == '>' || c == '$' || c == '%') {
            mark = line + k;
            break;
        }
        if (c == ' ' || c == '\t')
            break;
    }
    if (!mark) {
        if (line[i] == '{' && rx_match(&junos_banner_rx, line, len, NULL))
            return LINE_PROMPT;
        return LINE_CONTENT;
    }
    /* A prompt starts with a host name character or a Junos "[edit]": table rows such as
     * " *>  10.0.0.0/8" (BGP best-path marks) never reach the regex. */
    unsigned char first = (unsigned char)line[i];
    if (!isalnum(first) && first != '[' && !strchr("_.@:/~+\\-", first))
        return LINE_CONTENT;
    rx_caps_t c;
    if (mark == line + i || !rx_match(&prompt_rx, line, len, &c))
        return LINE_CONTENT;
    const char *cmd;
    size_t clen;
    if (!rx_named(&c, "cmd", &cmd, &clen) || clen == 0 || (last == '#' && clen == 0))
        return LINE_PROMPT;
    return rx_match(&echo_cmd_rx, cmd, clen, NULL) ? LINE_ECHO : LINE_CONTENT;
}
