/* fuzz_redact.c: a libFuzzer target over core/redact.c.
 *
 * The input is the text around a planted secret: the first byte picks the secret's form, the
 * second and third where the rest splits into what comes before the planted line and what
 * comes after it.  Property: the planted token is gone from the output (it may appear there only
 * as often as the fuzz text itself spells it).  Time: libFuzzer's -timeout catches a rule that
 * is not linear. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/redact.h"

#define TOKEN "PLANTEDSECRET"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static const char *const planted[] = {
    "password 7 " TOKEN,
    " neighbor 192.168.100.130 password " TOKEN,
    "enable secret 5 $1$" TOKEN,
    "snmp-server community " TOKEN " RO",
    "        authentication-key \"$9$" TOKEN "\"; ## SECRET-DATA",
    "tacacs-server host 10.0.0.7 key 7 " TOKEN,
    " ip ospf message-digest-key 1 md5 7 " TOKEN,
    "snmp-server user u g v3 auth sha " TOKEN " priv aes 128 " TOKEN,
    "snmp-server host 10.0.0.20 version 2c " TOKEN,
};

static size_t count(const char *hay, size_t len, const char *needle)
{
    size_t n = 0, k = strlen(needle);
    for (const char *p = hay; (p = memmem(p, len - (size_t)(p - hay), needle, k)) != NULL; p += k)
        n++;
    return n;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size < 3)
        return 0;
    const char *line = planted[data[0] % (sizeof(planted) / sizeof(planted[0]))];
    const char *rest = (const char *)data + 3;
    size_t rest_len = size - 3, split = ((size_t)data[1] << 8 | data[2]) % (rest_len + 1);
    size_t line_len = strlen(line), len = rest_len + line_len + 2;
    char *text = malloc(len);
    if (!text)
        return 0;
    memcpy(text, rest, split);
    text[split] = '\n';
    memcpy(text + split + 1, line, line_len);
    text[split + 1 + line_len] = '\n';
    memcpy(text + split + 2 + line_len, rest + split, rest_len - split);

    size_t out_len;
    char *out = redact_text(text, len, &out_len);
    if (out && count(out, out_len, TOKEN) > count(rest, split, TOKEN) + count(rest + split, rest_len - split, TOKEN)) {
        fprintf(stderr, "planted secret survived: '%s'\n", line);
        abort();
    }
    free(out);
    free(text);
    return 0;
}
