/* fuzz_parser.c: a libFuzzer target over every parser of one vendor (FUZZ_VENDOR).
 *
 * The first input byte picks the parser, the second the chunk size the input is fed in (so
 * line assembly across chunk boundaries is fuzzed too) and, times 64, the piece size a
 * structured answer is cut into (parsers/json_split.h: so small inputs are cut too); the rest
 * is the device output.  The contract JSON is produced as well and must always be valid JSON.
 * tests/test_robustness.c replays tests/fuzz/regressions/ the same way. */
#include <jansson.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/json_stream.h"
#include "parsers/parse_json.h"
#include "parsers/parser.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const parser_vendor_t *vendor = parser_vendor_find(FUZZ_VENDOR);
    if (size < 2 || !vendor || vendor->n_parsers == 0)
        return 0;
    const parser_def_t *def = &vendor->parsers[data[0] % vendor->n_parsers];
    size_t chunk = (size_t)data[1] + 1;
    const char *text = (const char *)data + 2;
    size_t len = size - 2;

    js_membuf_t out = {0};
    json_stream_t *js = malloc(sizeof(*js));
    if (!js)
        return 0;
    js_init(js, js_membuf_write, &out);
    parse_json_t pj;
    parse_json_begin(&pj, js, vendor->name, def->command, def->kind);
    parse_run_t *run = parse_run_new(def, vendor, def->command, parse_json_sink, &pj);
    if (run)
        parse_run_set_split_bytes(run, 64 * chunk);
    for (size_t off = 0; run && off < len; off += chunk)
        parse_run_feed(run, text + off, off + chunk > len ? len - off : chunk);
    if (run) {
        parse_run_finish(run);
        parse_json_end(&pj, run);
    }
    js_flush(js);
    json_error_t err;
    json_t *doc = out.data ? json_loads(out.data, 0, &err) : NULL;
    if (run && !doc) {
        /* The contract output must always parse: show what did not, then fail. */
        fprintf(stderr, "invalid JSON from %s '%s' at column %d: %s\n%s\n", vendor->name, def->command, err.column,
                err.text, out.data ? out.data : "(none)");
        abort();
    }
    json_decref(doc);
    parse_run_free(run);
    free(out.data);
    free(js);
    return 0;
}
