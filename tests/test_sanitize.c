/* test_sanitize.c: core/sanitize.c, what a terminal gets of device and file text; and the
 * JSON writer's share of the same promise (no raw ESC, DEL or C1 in `erdiag run --json`). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/json_stream.h"
#include "core/sanitize.h"
#include "core/utf8.h"
#include "tests/testhelp.h"

typedef struct {
    const char *name;
    const char *in;
    size_t len; /* 0: strlen(in) */
    const char *want;
} row_t;

#define ROW(name, in, want) {name, in, sizeof(in) - 1, want}

static const row_t rows[] = {
    /* what stays */
    ROW("plain ascii", "ce1-nyc#show ip bgp summary", "ce1-nyc#show ip bgp summary"),
    ROW("empty", "", ""),
    ROW("tab and newline", "Gi0/0\tup\nGi0/1\tdown\n", "Gi0/0\tup\nGi0/1\tdown\n"),
    ROW("backslash stays", "ip as-path access-list 1 permit ^12076_\\(", "ip as-path access-list 1 permit ^12076_\\("),
    ROW("e acute", "description caf\xc3\xa9 r\xc3\xa9seau", "description caf\xc3\xa9 r\xc3\xa9seau"),
    ROW("cjk", "hostname \xe6\xbc\xa2\xe5\xad\x97", "hostname \xe6\xbc\xa2\xe5\xad\x97"),
    ROW("emoji", "link \xf0\x9f\x94\xa5 hot", "link \xf0\x9f\x94\xa5 hot"),
    ROW("nbsp U+00A0", "a\xc2\xa0" "b", "a\xc2\xa0" "b"),
    ROW("U+10FFFF", "\xf4\x8f\xbf\xbf", "\xf4\x8f\xbf\xbf"),
    ROW("U+FFFD itself", "\xef\xbf\xbd", "\xef\xbf\xbd"),
    /* line ends */
    ROW("CRLF", "a\r\nb\r\n", "a\nb\n"),
    ROW("CRCRLF", "a\r\r\nb", "a\nb"),
    ROW("lone CR", "50%\r100%", "50%\\r100%"),
    ROW("CR at the end", "done\r", "done\\r"),
    ROW("two CRs then text", "\r\rx", "\\r\\rx"),
    /* ESC sequences: every ESC made visible */
    ROW("OSC title BEL", "\x1b]0;pwned\x07", "\\e]0;pwned\\x07"),
    ROW("OSC title ST", "\x1b]2;t\x1b\\", "\\e]2;t\\e\\"),
    ROW("ESC c reset", "\x1b" "c", "\\ec"),
    ROW("CSI colour", "\x1b[1;32mup\x1b[0m", "\\e[1;32mup\\e[0m"),
    ROW("CSI clear screen", "\x1b[2J\x1b[H", "\\e[2J\\e[H"),
    ROW("lone ESC at end", "x\x1b", "x\\e"),
    ROW("DCS", "\x1bP1$r\x1b\\", "\\eP1$r\\e\\"),
    /* other C0 and DEL */
    {"NUL", "a\0b", 3, "a\\x00b"},
    ROW("bell", "ring\x07", "ring\\x07"),
    ROW("backspace", "ab\bc", "ab\\x08c"),
    ROW("vertical tab and form feed", "\x0b\x0c", "\\x0b\\x0c"),
    ROW("unit separator", "\x1f", "\\x1f"),
    ROW("DEL", "x\x7fy", "x\\x7fy"),
    /* C1, raw and in UTF-8 */
    ROW("raw CSI 0x9b", "\x9b" "2J", "\\x9b2J"),
    ROW("raw OSC 0x9d", "\x9d" "0;t\x07", "\\x9d0;t\\x07"),
    ROW("raw 0x80", "\x80", "\\x80"),
    ROW("raw 0x9f", "\x9f", "\\x9f"),
    ROW("UTF-8 CSI U+009B", "\xc2\x9b" "2J", "\\x9b2J"),
    ROW("UTF-8 OSC U+009D", "\xc2\x9d" "0;t", "\\x9d0;t"),
    ROW("UTF-8 U+0080", "\xc2\x80", "\\x80"),
    ROW("UTF-8 U+0085 NEL", "a\xc2\x85" "b", "a\\x85b"),
    ROW("UTF-8 U+009F", "\xc2\x9f", "\\x9f"),
    /* text reordering */
    ROW("RLO U+202E", "abc\xe2\x80\xae" "def", "abc\\u202edef"),
    ROW("line separator U+2028", "a\xe2\x80\xa8" "b", "a\\u2028b"),
    ROW("isolate U+2066", "\xe2\x81\xa6", "\\u2066"),
    /* invalid UTF-8: each byte on its own */
    ROW("Latin-1 e acute", "caf\xe9 ok", "caf\\xe9 ok"),
    ROW("lone continuation", "\xbf", "\\xbf"),
    ROW("overlong slash C0 AF", "\xc0\xaf", "\\xc0\\xaf"),
    ROW("overlong C1 9B", "\xc1\x9b", "\\xc1\\x9b"),
    ROW("overlong E0 80 AF", "\xe0\x80\xaf", "\\xe0\\x80\\xaf"),
    ROW("overlong F0 80 80 AF", "\xf0\x80\x80\xaf", "\\xf0\\x80\\x80\\xaf"),
    ROW("surrogate ED A0 80", "\xed\xa0\x80", "\\xed\\xa0\\x80"),
    ROW("surrogate ED BF BF", "\xed\xbf\xbf", "\\xed\\xbf\\xbf"),
    ROW("above U+10FFFF", "\xf4\x90\x80\x80", "\\xf4\\x90\\x80\\x80"),
    ROW("F5 lead", "\xf5\x80", "\\xf5\\x80"),
    ROW("FF byte", "\xff", "\\xff"),
    ROW("truncated 3-byte at end", "x\xe6\xbc", "x\\xe6\\xbc"),
    ROW("truncated 4-byte at end", "\xf0\x9f\x94", "\\xf0\\x9f\\x94"),
    ROW("truncated then ascii", "\xe6\xbc" "A", "\\xe6\\xbcA"),
    ROW("lead then ESC", "\xc3\x1b", "\\xc3\\e"),
    ROW("lead then CRLF", "\xc3\r\n", "\\xc3\n"),
    /* a whole hostile banner */
    ROW("banner", "Welcome\x1b]0;pwned\x07\x1b" "c\x9b" "31m\r\nce1#", "Welcome\\e]0;pwned\\x07\\ec\\x9b31m\nce1#"),
};
#define N_ROWS (sizeof(rows) / sizeof(rows[0]))

static void table_rows(void **state)
{
    (void)state;
    assert_true(N_ROWS >= 40);
    for (size_t i = 0; i < N_ROWS; i++) {
        char out[256];
        size_t n = sanitize_buf(rows[i].in, rows[i].len, out, sizeof(out));
        if (strcmp(out, rows[i].want) != 0 || n != strlen(rows[i].want))
            fail_msg("row '%s': got \"%s\", want \"%s\"", rows[i].name, out, rows[i].want);
        assert_int_equal(sanitize_len(rows[i].in, rows[i].len), n);
        assert_true(n <= 4 * rows[i].len);
    }
}

/* The output holds only printable text, TAB and LF: sanitizing it again changes nothing. */
static void idempotent(void **state)
{
    (void)state;
    for (size_t i = 0; i < N_ROWS; i++) {
        char *once = sanitize_dup(rows[i].in, rows[i].len);
        assert_non_null(once);
        char *twice = sanitize_dup(once, strlen(once));
        assert_non_null(twice);
        if (strcmp(once, twice) != 0)
            fail_msg("row '%s' changed on a second pass: \"%s\"", rows[i].name, twice);
        free(once);
        free(twice);
    }
}

/* Written through a FILE in chunks split at every position, the text comes out as if whole. */
static char *stream_split(const char *in, size_t len, size_t split1, size_t split2)
{
    char *mem = NULL;
    size_t memlen = 0;
    FILE *f = open_memstream(&mem, &memlen);
    assert_non_null(f);
    sanitize_stream_t st;
    sanitize_stream_init(&st);
    assert_int_equal(sanitize_stream_write(&st, f, in, split1), 0);
    assert_int_equal(sanitize_stream_write(&st, f, in + split1, split2 - split1), 0);
    assert_int_equal(sanitize_stream_write(&st, f, in + split2, len - split2), 0);
    assert_int_equal(sanitize_stream_end(&st, f), 0);
    fclose(f);
    return mem;
}

static void chunks_equal_whole(void **state)
{
    (void)state;
    for (size_t i = 0; i < N_ROWS; i++) {
        const row_t *r = &rows[i];
        for (size_t a = 0; a <= r->len; a++) {
            for (size_t b = a; b <= r->len; b++) {
                char *got = stream_split(r->in, r->len, a, b);
                if (strcmp(got, r->want) != 0)
                    fail_msg("row '%s' split at %zu,%zu: got \"%s\", want \"%s\"", r->name, a, b, got, r->want);
                free(got);
            }
        }
    }
}

/* byte by byte: the hardest chunking of all, on a text that mixes everything */
static void byte_at_a_time(void **state)
{
    (void)state;
    const char in[] = "caf\xc3\xa9\r\r\n\xf0\x9f\x94\xa5\x1b[0m\xc2\x9b\xed\xa0\x80\r\xe6\xbc";
    char whole[256], *mem = NULL;
    size_t memlen = 0;
    sanitize_buf(in, sizeof(in) - 1, whole, sizeof(whole));
    assert_string_equal(whole, "caf\xc3\xa9\n\xf0\x9f\x94\xa5\\e[0m\\x9b\\xed\\xa0\\x80\\r\\xe6\\xbc");
    FILE *f = open_memstream(&mem, &memlen);
    assert_non_null(f);
    sanitize_stream_t st;
    sanitize_stream_init(&st);
    for (size_t i = 0; i + 1 < sizeof(in); i++)
        assert_int_equal(sanitize_stream_write(&st, f, in + i, 1), 0);
    assert_int_equal(sanitize_stream_end(&st, f), 0);
    fclose(f);
    assert_string_equal(mem, whole);
    free(mem);
}

/* A buffer too small is cut before the piece that does not fit: never inside \x9b or a
 * character, and always NUL-terminated. */
static void buffer_cut_at_pieces(void **state)
{
    (void)state;
    char out[8];
    assert_int_equal(sanitize_buf("ab\x9b", 3, out, 5), 2);
    assert_string_equal(out, "ab");
    assert_int_equal(sanitize_buf("ab\x9b", 3, out, 7), 6);
    assert_string_equal(out, "ab\\x9b");
    assert_int_equal(sanitize_buf("a\xe6\xbc\xa2", 4, out, 4), 1);
    assert_string_equal(out, "a");
    /* once a piece is dropped, no later smaller piece sneaks in after it */
    assert_int_equal(sanitize_buf("\x1b" "abcdef", 7, out, 2), 0);
    assert_string_equal(out, "");
    assert_int_equal(sanitize_buf("xyz", 3, out, 0), 0);
    assert_int_equal(sanitize_buf("xyz", 3, out, 1), 0);
    assert_string_equal(out, "");
}

static void printf_and_fwrite(void **state)
{
    (void)state;
    char *mem = NULL;
    size_t memlen = 0;
    FILE *f = open_memstream(&mem, &memlen);
    assert_non_null(f);
    assert_int_equal(sanitize_fprintf(f, "erdiag run: %s: %s\n", "ce1", "\x1b]0;pwned\x07"), 0);
    char big[3000];
    memset(big, 'x', sizeof(big));
    big[0] = '\x1b';
    assert_int_equal(sanitize_fprintf(f, "%.*s|", (int)sizeof(big), big), 0); /* past the 1 KiB fast path */
    assert_int_equal(sanitize_fwrite(f, "\x9d", 1), 0);
    fclose(f);
    const char *head = "erdiag run: ce1: \\e]0;pwned\\x07\n\\exxx";
    assert_int_equal(memlen, strlen(head) - 3 + 2999 + 1 + 4);
    assert_memory_equal(mem, head, strlen(head));
    assert_memory_equal(mem + memlen - 5, "|\\x9d", 5);
    free(mem);
}

/* More than the FILE path's 4 KiB buffer in one go, with escapes across its flush points. */
static void long_text_through_file(void **state)
{
    (void)state;
    size_t len = 50000;
    char *in = malloc(len), *mem = NULL;
    assert_non_null(in);
    for (size_t i = 0; i < len; i++)
        in[i] = i % 7 == 0 ? '\x1b' : (char)('a' + i % 26);
    size_t memlen = 0;
    FILE *f = open_memstream(&mem, &memlen);
    assert_non_null(f);
    assert_int_equal(sanitize_fwrite(f, in, len), 0);
    fclose(f);
    char *want = sanitize_dup(in, len);
    assert_non_null(want);
    assert_int_equal(memlen, strlen(want));
    assert_int_equal(memlen, len + (len + 6) / 7);
    assert_string_equal(mem, want);
    free(in);
    free(mem);
    free(want);
}

static void utf8_decoder(void **state)
{
    (void)state;
    const unsigned char e_acute[] = {0xc3, 0xa9}, cjk[] = {0xe6, 0xbc, 0xa2}, cut[] = {0xf0, 0x9f};
    assert_int_equal(utf8_check(e_acute, 2), 2);
    assert_int_equal(utf8_decode(e_acute, 2), 0xe9);
    assert_int_equal(utf8_check(cjk, 3), 3);
    assert_int_equal(utf8_decode(cjk, 3), 0x6f22);
    assert_int_equal(utf8_check(cut, 2), -1);
    assert_int_equal(utf8_check((const unsigned char *)"\xed\xa0\x80", 3), 0);
    assert_int_equal(utf8_check((const unsigned char *)"\xc0\x80", 2), 0);
    char out[16];
    assert_int_equal(utf8_repair("a\xff" "b\xc3\xa9", out, sizeof(out)), 7);
    assert_string_equal(out, "a\xef\xbf\xbd" "b\xc3\xa9");
    assert_int_equal(utf8_repair("\xc3\xa9\xc3\xa9", out, 4), 2); /* cut at a character */
    assert_string_equal(out, "\xc3\xa9");
}

/* The JSON writer: the same value, but never a raw ESC, DEL or C1 control in the bytes. */
static void json_escapes_terminal_controls(void **state)
{
    (void)state;
    js_membuf_t m = {0};
    json_stream_t *js = malloc(sizeof(*js));
    assert_non_null(js);
    js_init(js, js_membuf_write, &m);
    js_string(js, "\x1b]0;pwned\x07|\x7f|\xc2\x9b|\x9b|\xc2\x85|caf\xc3\xa9|\xed\xa0\x80");
    js_flush(js);
    assert_string_equal(m.data,
                        "\"\\u001b]0;pwned\\u0007|\\u007f|\\u009b|\\ufffd|\\u0085|caf\xc3\xa9|\\ufffd\\ufffd\\ufffd\"");
    free(m.data);
    free(js);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(table_rows),         cmocka_unit_test(idempotent),
        cmocka_unit_test(chunks_equal_whole), cmocka_unit_test(byte_at_a_time),
        cmocka_unit_test(buffer_cut_at_pieces), cmocka_unit_test(printf_and_fwrite),
        cmocka_unit_test(long_text_through_file), cmocka_unit_test(utf8_decoder),
        cmocka_unit_test(json_escapes_terminal_controls),
    };
    return cmocka_run_group_tests_name("sanitize", tests, NULL, NULL);
}
