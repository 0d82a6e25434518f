/* pattern.c: built-in vendor patterns compiled once, looked up by their text.
 *
 * Keyed by text, not address: a pattern built at run time (a test's own table) may reuse freed
 * memory, and the same text in two tables (every vendor's "show" shape) is compiled once. */
#include "probes/pattern.h"

#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Every vendor table together holds well under a hundred patterns. */
#define PATTERN_SLOTS 512

static struct {
    char *pattern; /* our own copy */
    rx_t rx;
} slots[PATTERN_SLOTS];
static size_t n_slots;
static pthread_mutex_t slots_lock = PTHREAD_MUTEX_INITIALIZER;

rx_t *pattern_rx(const char *pattern)
{
    pthread_mutex_lock(&slots_lock);
    size_t i = 0;
    while (i < n_slots && strcmp(slots[i].pattern, pattern) != 0)
        i++;
    if (i == n_slots) {
        char *copy = n_slots < PATTERN_SLOTS ? strdup(pattern) : NULL;
        if (!copy) {
            fprintf(stderr, "erdiag: cannot keep built-in command pattern %zu\n", n_slots);
            abort();
        }
        slots[i].pattern = copy;
        slots[i].rx = (rx_t)RX(slots[i].pattern);
        n_slots++;
    }
    pthread_mutex_unlock(&slots_lock);
    return &slots[i].rx;
}

int pattern_match_any(const char *const *patterns, const char *s, size_t len, rx_caps_t *caps)
{
    for (int i = 0; patterns && patterns[i]; i++)
        if (rx_match(pattern_rx(patterns[i]), s, len, caps))
            return i;
    return -1;
}
