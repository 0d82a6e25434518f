/* pipeline.h: a device command as stages, and the check of every stage after the first.
 *
 * "show logging | include BADAUTH|MD5 | count" is three stages: the head ("show logging") and
 * two output filters.  The split is the same on every platform and errs toward more stages:
 * a '|' separates stages unless it is regular-expression alternation inside a filter argument,
 * and it is taken for alternation only when both its neighbours are printable and not blank and
 * the word after it does not write or run something on any platform (a shell, an interpreter,
 * redirect/tee/save/..., or an abbreviation of a writing pipe command such as "red" or "t").  Quotes protect nothing: IOS takes them
 * literally.  So no argument swallows a second stage; at worst an alternation is read as a
 * stage and refused.
 *
 * Each stage after the head must then be one of the vendor's own output filters (vendor_t.pipes),
 * and a stage that writes, copies or runs something is refused by name on every platform. */
#ifndef ERDIAG_PIPELINE_H
#define ERDIAG_PIPELINE_H

#include <stdbool.h>
#include <stddef.h>

#include "probes/vendor.h"

#define PIPELINE_MAX_STAGES 8
/* The longest filter argument (a regular expression) allowed, quotes included. */
#define PIPELINE_MAX_ARG 128

typedef struct {
    const char *text; /* points into the caller's line: not owned, not NUL-terminated */
    size_t len;       /* blanks trimmed; 0 for an empty stage ("a || b", a trailing '|') */
} pipe_stage_t;

typedef struct {
    pipe_stage_t stage[PIPELINE_MAX_STAGES];
    size_t n; /* >= 1 after a split: stage[0] is the head */
} pipeline_t;

/* Splits line into p (whose stages point into line).  Returns 0, or -1 with the reason in why
 * when the line has more than PIPELINE_MAX_STAGES stages. */
int pipeline_split(const char *line, pipeline_t *p, char *why, size_t whylen);
/* True when word[0..len) (any case) writes or runs something on some platform (a shell, an
 * interpreter, redirect, save, ...) or abbreviates a writing pipe command: after a '|' it
 * starts a stage. */
bool pipeline_is_keyword(const char *word, size_t len);
/* True when the first word of the stage (any case) writes, copies or runs something:
 * redirect, tee, append, save, file, request, sed, awk, xargs, sh, bash, python, copy, ... */
bool pipeline_stage_writes(const pipe_stage_t *s);
/* Checks every stage after the head against v->pipes (NULL: the vendor takes no '|' at all)
 * and the shared filter-argument rule; false with the reason, naming the stage, in why. */
bool pipeline_filters_allowed(const vendor_t *v, const pipeline_t *p, char *why, size_t whylen);

#endif
