/* clean.c: line cleaning for captured CLI output. */
#include "parsers/clean.h"

#include <ctype.h>
#include <stdint.h>
#include <string.h>
#include <strings.h>

#include "core/utf8.h"
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

/* Terminal control sequences, in both their 7-bit (ESC x) and C1 forms.  C1 controls come raw
 * (a byte 0x80..0x9f that is not inside a valid UTF-8 character) or encoded (U+0080..U+009F,
 * C2 80..C2 9F): a terminal obeys either, so either is a sequence's start, never content. */
enum { C1_DCS = 0x90, C1_SOS = 0x98, C1_CSI = 0x9b, C1_ST = 0x9c, C1_OSC = 0x9d, C1_PM = 0x9e, C1_APC = 0x9f };

/* The C1 control at s[r], its code in *code: returns its length (1 raw, 2 encoded) or 0. */
static size_t c1_at(const unsigned char *s, size_t r, size_t len, unsigned *code)
{
    if (s[r] >= 0x80 && s[r] <= 0x9f) {
        *code = s[r];
        return 1;
    }
    if (s[r] == 0xc2 && r + 1 < len && s[r + 1] >= 0x80 && s[r + 1] <= 0x9f) {
        *code = s[r + 1];
        return 2;
    }
    return 0;
}

/* CSI parameters and intermediates (0x20..0x3f), then the final byte (0x40..0x7e): returns
 * the index after it.  Anything else ends the sequence there and stays (so that a stray
 * "ESC [" does not eat the rest of the line). */
static size_t skip_csi(const unsigned char *s, size_t r, size_t len)
{
    while (r < len && s[r] >= 0x20 && s[r] <= 0x3f)
        r++;
    return r < len && s[r] >= 0x40 && s[r] <= 0x7e ? r + 1 : r;
}

/* OSC, DCS, SOS, PM, APC: a string up to BEL or ST (ESC \, or C1 ST raw or encoded), which is
 * taken too.  Another ESC ends the string without being taken: it starts the next sequence. */
static size_t skip_string(const unsigned char *s, size_t r, size_t len)
{
    while (r < len) {
        unsigned code;
        size_t n = c1_at(s, r, len, &code);
        if (s[r] == '\a')
            return r + 1;
        if (s[r] == 0x1b)
            return r + 1 < len && s[r + 1] == '\\' ? r + 2 : r;
        if (n && code == C1_ST)
            return r + n;
        int u = n ? (int)n : utf8_check(s + r, len - r); /* a title in UTF-8 is skipped whole */
        r += u > 0 ? (size_t)u : 1;
    }
    return r;
}

/* After ESC at s[r - 1]: CSI, a string, or a two-byte (ESC c, ESC 7, ESC =) or designation
 * sequence (ESC ( B: intermediates 0x20..0x2f before the final byte). */
static size_t skip_esc(const unsigned char *s, size_t r, size_t len)
{
    if (r >= len)
        return r;
    if (s[r] == '[')
        return skip_csi(s, r + 1, len);
    if (s[r] && strchr("]PX^_", s[r]))
        return skip_string(s, r + 1, len);
    size_t k = r;
    while (k < len && s[k] >= 0x20 && s[k] <= 0x2f)
        k++;
    return k < len && s[k] >= 0x30 && s[k] <= 0x7e ? k + 1 : r;
}

static size_t skip_c1(const unsigned char *s, size_t r, size_t len, unsigned code)
{
    if (code == C1_CSI)
        return skip_csi(s, r, len);
    if (code == C1_OSC || code == C1_DCS || code == C1_SOS || code == C1_PM || code == C1_APC)
        return skip_string(s, r, len);
    return r; /* any other C1 control: dropped alone */
}

/* The length of the character that ends at s[w - 1]: a whole valid UTF-8 character, else
 * one byte (0 at the start of the line). */
static size_t last_char_len(const unsigned char *s, size_t w)
{
    for (size_t n = 2; n <= 4 && n <= w; n++)
        if (utf8_check(s + w - n, n) == (int)n)
            return n;
    return w ? 1 : 0;
}

/* Removes escape sequences and control characters; a backspace erases the character before
 * it (all of a UTF-8 character).  Valid UTF-8 is content and is copied whole, so a
 * continuation byte such as the 0x9b of U+06DB is never taken for a CSI. */
static size_t strip_escapes(char *line, size_t len)
{
    unsigned char *s = (unsigned char *)line;
    size_t w = 0;
    for (size_t r = 0; r < len;) {
        unsigned char c = s[r];
        unsigned code;
        size_t n;
        if (c == 0x1b) {
            r = skip_esc(s, r + 1, len);
        } else if ((n = c1_at(s, r, len, &code)) != 0) {
            r = skip_c1(s, r + n, len, code);
        } else if (c == '\b') {
            w -= last_char_len(s, w);
            r++;
        } else if (c < 0x20 && c != '\t') {
            r++; /* NULs and bells are never content */
        } else {
            int u = utf8_check(s + r, len - r);
            /* an invalid byte is kept as it is: the display escapes it (core/sanitize.h) */
            for (size_t k = u > 0 ? (size_t)u : 1; k; k--)
                s[w++] = s[r++]; /* w <= r: copying forward is safe */
        }
    }
    return w;
}

/* A control byte, or a C1 control (raw or encoded) outside valid UTF-8 characters. */
static bool has_controls(const char *line, size_t len)
{
    const unsigned char *s = (const unsigned char *)line;
    for (size_t i = 0; i < len;) {
        unsigned code;
        if ((s[i] < 0x20 && s[i] != '\t') || c1_at(s, i, len, &code))
            return true;
        int u = s[i] < 0x80 ? 1 : utf8_check(s + i, len - i);
        i += u > 0 ? (size_t)u : 1;
    }
    return false;
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

/* One word-at-a-time pass over the line answers the questions every line asks: does it hold
 * a control byte (CR, ESC, backspace...), a byte >= 0x80 (UTF-8 text, or a C1 control), and
 * could it hold a pager prompt (every pager pattern contains "more", "key" or "(END)", so a
 * folded 'm', 'k' or '(' must be present)?  Clean lines -- nearly all of a big table -- then
 * cost one pass of 8-byte loads. */
#define W_ONES 0x0101010101010101ull
#define W_HIGHS 0x8080808080808080ull
static inline uint64_t w_zero(uint64_t v) { return (v - W_ONES) & ~v & W_HIGHS; }
static inline uint64_t w_byte(uint64_t v, unsigned char b) { return w_zero(v ^ (W_ONES * b)); }
static inline uint64_t w_less(uint64_t v, unsigned char n) { return (v - W_ONES * n) & ~v & W_HIGHS; }

static void scan_line(const char *line, size_t len, bool *ctrl, bool *high, bool *pager)
{
    uint64_t c = 0, h = 0, g = 0;
    size_t i = 0;
    for (; i + 8 <= len; i += 8) {
        uint64_t v;
        memcpy(&v, line + i, 8);
        uint64_t f = v | (W_ONES * 0x20); /* ASCII letters folded to lower case */
        c |= w_less(v, 0x20);
        h |= v & W_HIGHS;
        g |= w_byte(f, 'm') | w_byte(f, 'k') | w_byte(v, '(');
    }
    for (; i < len; i++) {
        unsigned char b = (unsigned char)line[i], f = (unsigned char)(b | 0x20);
        c |= b < 0x20;
        h |= b & 0x80;
        g |= f == 'm' || f == 'k' || b == '(';
    }
    *ctrl = c != 0;
    *high = h != 0;
    *pager = g != 0;
}

size_t clean_line(char *line, size_t len, bool *had_pager)
{
    *had_pager = false;
    bool ctrl, high, pager;
    scan_line(line, len, &ctrl, &high, &pager);
    if (ctrl && memchr(line, '\r', len))
        len = apply_carriage_returns(line, len);
    if ((ctrl || high) && has_controls(line, len))
        len = strip_escapes(line, len);
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
