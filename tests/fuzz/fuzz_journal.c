/* fuzz_journal.c: a libFuzzer target over the session journal's reader (core/journal_read.c),
 * the input read as a journal from a memory stream.  What must hold, whatever the bytes:
 *   - the callback sees strictly increasing ids, each entry an object whose "id" and "kind" are
 *     the ones handed over, and the status counts exactly what it saw;
 *   - an error says where ("<name>:<line>: ...") and marks the read partial; a torn last line
 *     is not an error and is described;
 *   - nothing crashes, hangs or leaks (the sanitizers watch). */
#include <jansson.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/journal.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

typedef struct {
    uint64_t n, last;
} seen_t;

static int check_entry(void *ud, const json_t *entry, uint64_t id, const char *kind)
{
    seen_t *s = ud;
    const json_t *jid = json_object_get(entry, "id");
    if (id <= s->last || !json_is_integer(jid) || (uint64_t)json_integer_value(jid) != id || !kind[0] ||
        strcmp(json_string_value(json_object_get(entry, "kind")), kind) != 0)
        abort();
    s->n++;
    s->last = id;
    return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size == 0)
        return 0; /* fmemopen wants at least a byte */
    FILE *f = fmemopen((void *)data, size, "r");
    if (!f)
        return 0;
    seen_t s = {0, 0};
    journal_read_status_t st;
    char err[600] = "";
    int rc = journal_read_stream(f, "fuzz.jsonl", check_entry, &s, &st, err, sizeof(err));
    fclose(f);
    if (st.entries != s.n || st.last_id != s.last || (rc != 0 && rc != -1))
        abort();
    if (rc == -1 && (!st.partial || st.torn || strncmp(err, "fuzz.jsonl:", 11) != 0))
        abort();
    if (rc == 0 && (st.partial || st.torn != (st.torn_note[0] != '\0') ||
                    (st.torn && (st.torn_line <= st.entries || !strstr(st.torn_note, "torn last entry")))))
        abort();
    return 0;
}
