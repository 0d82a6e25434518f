/* fuzz_keymap.c: a libFuzzer target over the keys.ini loader (tui/keymap_ini.c, key names).
 * What loads must keep quit reachable and no key meaning two things (but select/rerun_step);
 * what does not must leave the key map as it was and say where. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "tui/keymap.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static void check_keymap(const keymap_t *k)
{
    char buf[24];
    if (k->n[ACT_QUIT] == 0)
        abort();
    for (int a = ACT_NONE + 1; a < ACT_COUNT; a++) {
        if (k->n[a] > KEYMAP_MAX_KEYS)
            abort();
        keymap_describe(k, (action_t)a, buf, sizeof(buf)); /* cut to fit, never overrun */
        for (int i = 0; i < k->n[a]; i++) {
            action_t got = keymap_action(k, k->keys[a][i]);
            if ((int)got != a && !(a == ACT_RERUN_STEP && got == ACT_SELECT))
                abort();
        }
    }
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    char *text = malloc(size + 1), err[600] = "";
    if (!text)
        return 0;
    memcpy(text, data, size);
    text[size] = '\0';
    keymap_t k, before;
    keymap_default(&k);
    before = k;
    if (keymap_load_string(&k, text, err, sizeof(err)) == 0)
        check_keymap(&k);
    else if (memcmp(&k, &before, sizeof(k)) != 0 || strncmp(err, "keys.ini:", 9) != 0) {
        fprintf(stderr, "refused key map changed or unplaced error: %s\n", err);
        abort();
    }
    free(text);
    return 0;
}
