/* fuzz_json_split.c: a libFuzzer target for the splitter of big structured answers
 * (parsers/json_split.c).
 *
 * The first input byte picks the piece size (1..256 bytes, so that small inputs are cut into
 * many pieces), the rest is the text.  What must hold, checked against jansson as the
 * reference reader:
 *   - the text is JSON (jansson reads it)  -> the split succeeds, and every piece is JSON;
 *   - every piece is JSON                   -> jansson reads the text (or it was cut short). */
#include <jansson.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "parsers/json_split.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* A piece of a text jansson reads must be JSON; from any other text the split stops at the
 * first piece that is not. */
static int check_piece(void *ud, const char *doc, size_t len)
{
    bool must_be_json = *(const bool *)ud;
    json_error_t err;
    json_t *j = json_loadb(doc, len, JSON_DISABLE_EOF_CHECK, &err);
    if (!j && must_be_json) {
        fprintf(stderr, "piece is not JSON (%s): %.*s\n", err.text, (int)len, doc);
        abort();
    }
    json_decref(j);
    return j ? 0 : 1;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size < 2)
        return 0;
    size_t piece = (size_t)data[0] + 1;
    const char *text = (const char *)data + 1;
    size_t len = size - 1;
    if (text[0] != '{' && text[0] != '[')
        return 0; /* json_split() is only ever handed a document's first byte */
    json_error_t err;
    json_t *whole = json_loadb(text, len, JSON_DISABLE_EOF_CHECK, &err);
    json_split_error_t serr;
    bool valid = whole != NULL;
    int rc = json_split(text, len, piece, check_piece, &valid, &serr);
    if (whole && rc != 0) {
        fprintf(stderr, "jansson reads it, the split refused it at %zu: %s\n", serr.offset, serr.why);
        abort();
    }
    if (!whole && rc == 0) {
        /* The scanner leaves a scalar's spelling (and UTF-8) to jansson, which reads each
         * piece: what it refuses in the text it refuses in some piece, and the split stops. */
        fprintf(stderr, "the split accepted what jansson refuses (%s)\n", err.text);
        abort();
    }
    json_decref(whole);
    return 0;
}
