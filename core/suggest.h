/* suggest.h: "did you mean ...?": the closest of a set of names to what was typed (an option,
 * a subcommand, a device of the inventory), by edit distance. */
#ifndef ERDIAG_CORE_SUGGEST_H
#define ERDIAG_CORE_SUGGEST_H

#include <stddef.h>

#define SUGGEST_MAX_LEN 128

typedef struct {
    const char *word; /* what was typed (borrowed) */
    const char *best; /* the closest candidate offered so far (borrowed), or NULL */
    size_t dist;
} suggest_t;

/* Optimal-string-alignment distance (insert, delete, substitute, swap two neighbours: one
 * each), ignoring case; words longer than SUGGEST_MAX_LEN are compared on their start. */
size_t suggest_edit_distance(const char *a, const char *b);

void suggest_init(suggest_t *s, const char *word);
/* Considers candidate (borrowed: it must outlive s). */
void suggest_offer(suggest_t *s, const char *candidate);
/* The closest candidate when it is close enough to be a typo (at most 2 edits, and at most a
 * third of the word's length rounded up) and not the word itself, else NULL. */
const char *suggest_best(const suggest_t *s);

#endif
