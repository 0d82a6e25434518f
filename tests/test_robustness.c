/* test_robustness.c: every parser of every vendor against hostile input.
 *
 * Each parser is fed every fixture of its vendor (also the fixtures of other commands), a set
 * of deterministic mutations of them, and pathological inputs.  Whatever comes in, the parse
 * must finish and its contract JSON must be valid JSON with a record count that matches what
 * the sink saw.  Run under --enable-sanitizers this is the fuzz corpus replayed on every
 * `make check`, with the inputs the fuzzers once broke (tests/fuzz/regressions/). */
#include <dirent.h>
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/json_stream.h"
#include "parsers/parse_json.h"
#include "tests/testhelp.h"

#define MUTATIONS_PER_FIXTURE 6

static uint64_t rng_state = 0x9e3779b97f4a7c15ull;

static uint64_t rng_next(void)
{
    /* xorshift64*: deterministic, so a failure reproduces. */
    rng_state ^= rng_state >> 12;
    rng_state ^= rng_state << 25;
    rng_state ^= rng_state >> 27;
    return rng_state * 2685821657736338717ull;
}

/* Parses text with def, fed in chunks of the given size (and a structured answer cut into
 * pieces of split bytes, 0 for the default), and checks the contract JSON. */
static void check_one_chunked(const parser_vendor_t *v, const parser_def_t *def, const char *text, size_t len,
                              size_t chunk, size_t split, const char *what)
{
    uint64_t records;
    char *out = th_contract_json_with(v, def, text, len, chunk, split, &records);
    json_error_t err;
    json_t *doc = json_loads(out, 0, &err);
    if (!doc)
        fail_msg("%s %s on %s: invalid JSON (%s)", v->name, def->command, what, err.text);
    json_t *n = json_object_get(doc, "records");
    assert_true(json_is_integer(n));
    assert_int_equal(json_integer_value(n), records);
    json_decref(doc);
    free(out);
}

/* The same, in chunks of a random size. */
static void check_one(const parser_vendor_t *v, const parser_def_t *def, const char *text, size_t len,
                      const char *what)
{
    check_one_chunked(v, def, text, len, 1 + (size_t)(rng_next() % 4096), 0, what);
}

static size_t mutate(const char *src, size_t len, char *dst, size_t cap)
{
    size_t n = len < cap ? len : cap;
    memcpy(dst, src, n);
    if (n == 0)
        return 0;
    switch (rng_next() % 6) {
    case 0: /* truncate anywhere */
        return (size_t)(rng_next() % n);
    case 1: /* flip bytes */
        for (int i = 0; i < 16; i++)
            dst[rng_next() % n] ^= (char)(1u << (rng_next() % 8));
        return n;
    case 2: /* NULs and high bytes */
        for (int i = 0; i < 8; i++)
            dst[rng_next() % n] = (char)(rng_next() % 2 ? 0 : 0xff);
        return n;
    case 3: { /* delete a slice */
        size_t a = (size_t)(rng_next() % n), b = a + (size_t)(rng_next() % 200);
        if (b > n)
            b = n;
        memmove(dst + a, dst + b, n - b);
        return n - (b - a);
    }
    case 4: /* digits become letters and back */
        for (size_t i = 0; i < n; i++)
            if (rng_next() % 7 == 0)
                dst[i] = dst[i] >= '0' && dst[i] <= '9' ? 'x' : dst[i] == ' ' ? '9' : dst[i];
        return n;
    default: /* duplicate the first half over the second */
        memmove(dst + n / 2, dst, n - n / 2);
        return n;
    }
}

/* Calls fn(rel, ud) for every file of rel_dir (both relative to tests/fixtures/). */
static void each_file(const char *rel_dir, void (*fn)(const char *rel, void *ud), void *ud)
{
    char path[1024];
    snprintf(path, sizeof(path), "%s/%s", FIXTURE_DIR, rel_dir);
    DIR *d = opendir(path);
    if (!d)
        return;
    struct dirent *e;
    while ((e = readdir(d)) != NULL) {
        if (e->d_name[0] == '.')
            continue;
        char rel[512];
        snprintf(rel, sizeof(rel), "%s/%s", rel_dir, e->d_name);
        fn(rel, ud);
    }
    closedir(d);
}

typedef struct {
    const parser_vendor_t *v;
    const parser_def_t *def;
} target_t;

/* A fixture as it is, then mutated. */
static void fixture_and_mutations(const char *rel, void *ud)
{
    const target_t *t = ud;
    size_t len;
    char *text = th_read_fixture(rel, &len);
    check_one(t->v, t->def, text, len, rel);
    char *buf = malloc(len + 1);
    assert_non_null(buf);
    for (int i = 0; i < MUTATIONS_PER_FIXTURE; i++)
        check_one(t->v, t->def, buf, mutate(text, len, buf, len), rel);
    free(buf);
    free(text);
}

static void pathological(const parser_vendor_t *v, const parser_def_t *def)
{
    size_t big = 3u * 1024 * 1024;
    char *buf = malloc(big);
    assert_non_null(buf);
    memset(buf, 'A', big); /* one 3 MiB line without a newline */
    check_one(v, def, buf, big, "one huge line");
    memset(buf, '\n', big / 8); /* 384k empty lines */
    check_one(v, def, buf, big / 8, "empty lines");
    for (size_t i = 0; i < 65536; i++)
        buf[i] = (char)(i % 256);
    check_one(v, def, buf, 65536, "every byte");
    free(buf);
    check_one(v, def, "", 0, "empty input");
}

/* tests/fuzz/regressions/<vendor>/: inputs that once crashed or hit undefined behaviour, in
 * the fuzz target's format (byte 0 the parser, byte 1 the chunk size - 1, then the text),
 * replayed exactly as tests/fuzz/fuzz_parser.c runs them. */
static void replay_regression(const char *rel, void *ud)
{
    const parser_vendor_t *v = ud;
    size_t n;
    char *data = th_read_fixture(rel, &n);
    assert_true(n >= 2);
    const parser_def_t *def = &v->parsers[(unsigned char)data[0] % v->n_parsers];
    size_t chunk = (size_t)(unsigned char)data[1] + 1;
    check_one_chunked(v, def, data + 2, n - 2, chunk, 64 * chunk, rel);
    free(data);
}

/* Fixtures live under the vendor's name; traceroute and azure fixtures under theirs. */
static const char *fixture_dir(const parser_vendor_t *v)
{
    if (strcmp(v->name, "linux") == 0 || strcmp(v->name, "windows") == 0)
        return "trace";
    return v->name;
}

static void all_parsers_survive(void **state)
{
    (void)state;
    const parser_vendor_t *const *vendors = parser_vendors();
    size_t parsers = 0;
    for (size_t i = 0; vendors[i]; i++) {
        for (size_t k = 0; k < vendors[i]->n_parsers; k++) {
            target_t t = {vendors[i], &vendors[i]->parsers[k]};
            each_file(fixture_dir(vendors[i]), fixture_and_mutations, &t);
            pathological(vendors[i], &vendors[i]->parsers[k]);
            parsers++;
        }
        char dir[128];
        snprintf(dir, sizeof(dir), "../fuzz/regressions/%s", vendors[i]->name);
        each_file(dir, replay_regression, (void *)vendors[i]);
    }
    assert_true(parsers >= 1);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(all_parsers_survive),
    };
    return cmocka_run_group_tests_name("robustness", tests, NULL, NULL);
}
