/* circuit_judge.h: the circuit judgement in progress, shared by framework/circuit.c (sessions,
 * prefixes, BFD, the step's words) and framework/circuit_pref.c (which link carries traffic
 * each way).  Internal to framework/circuit*.c. */
#ifndef ERDIAG_CIRCUIT_JUDGE_H
#define ERDIAG_CIRCUIT_JUDGE_H

#include "framework/circuit_link.h"

/* A line of evidence to quote: the first line of f holding needle (as a prefix: also its bare
 * network, see link_prefix_evidence), else the first holding alt (when not empty). */
typedef struct {
    const fact_t *f;
    char needle[PREFIX_LEN + 96];
    char alt[48];
    bool prefix;
    circuit_link_id_t link;
} quote_t;

#define FOUND_QUOTES 4
#define FOUND_NOTES 3

/* One cause found, in words, with the lines that prove it and the link its remedy is for. */
typedef struct {
    const char *cause;
    verdict_t verdict;
    circuit_link_id_t link;
    char text[900];
    quote_t quotes[FOUND_QUOTES];
    int n_quotes;
    char prefix[PREFIX_LEN]; /* the prefix the remedy is about ({prefix}), "" when none */
    char notes[FOUND_NOTES][400];
    int n_notes;
} found_t;

typedef struct {
    circuit_result_t *out;
    link_view_t l[CIRCUIT_LINKS];
    found_t found[CIRCUIT_MAX_CAUSES];
    int n_found;
    char pass_words[5][360]; /* what holds, for the finding of a PASS (else notes) */
    int n_pass;
    char missing[2][400];    /* what could not be judged */
    int n_missing;
} judge_t;

/* A new cause (NULL when CIRCUIT_MAX_CAUSES are found already). */
found_t *judge_found(judge_t *j, const char *cause, verdict_t v, circuit_link_id_t link);
void found_quote(found_t *f, const fact_t *fact, const char *needle, bool prefix, circuit_link_id_t link);
/* The same with a second needle tried when no line holds the first. */
void found_quote_alt(found_t *f, const fact_t *fact, const char *needle, const char *alt, circuit_link_id_t link);
void found_note(found_t *f, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
void judge_pass(judge_t *j, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
void judge_missing(judge_t *j, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

/* Which link carries traffic each way (framework/circuit_pref.c): fills out->outbound,
 * out->inbound and the links' figures, and adds preference_asymmetry or what holds. */
void judge_preference(judge_t *j);

#endif
