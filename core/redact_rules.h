/* redact_rules.h: the secret shapes core/redact.c looks for (internal to core/redact.c and its
 * tests).
 *
 * Every rule is a PCRE2 pattern, matched caselessly against ONE line (no '\n' in the subject,
 * so '^' is the line's start); capture group 1 is the secret, and only group 1 is replaced.
 * What the match holds before and after group 1 stays ("ntp authentication-key 1 md5 <secret> 7").
 *
 * Linear time is a property of how the rules are written, and every rule keeps to it:
 *   - a rule either starts with '^' (one start per line, then at most one lazy scan of it), or
 *     starts at a keyword and then reads a fixed number of whitespace-separated tokens;
 *   - every run (\s, \S, [^"]) is possessive, so a failed attempt never re-reads it;
 *   - a quoted secret runs to its closing quote OR the end of the line ("[^"]*+"?), so an
 *     unterminated quote never makes an attempt fail after reading the rest of the line;
 *   - a repeated group repeats at most a fixed few times ({0,8}+), possessively.
 * The trigger is a superset of every rule's keyword: a line it does not match is copied as is. */
#ifndef ERDIAG_REDACT_RULES_H
#define ERDIAG_REDACT_RULES_H

#include <stdbool.h>
#include <stddef.h>

typedef struct {
    const char *name;    /* for messages and tests */
    const char *needles; /* "a|b": a line holding none of these (in any case) cannot match */
    const char *pattern; /* group 1 = the secret */
    bool in_block_only;  /* applies only inside a RADIUS/TACACS+ server block (redact_block_header) */
} redact_rule_t;

extern const redact_rule_t redact_rules[];
extern const size_t redact_n_rules;
/* A line holding none of these words holds no secret any rule finds. */
extern const char redact_trigger[];
/* A non-indented line that opens a block whose indented " key XXXX" line is a secret
 * (IOS "radius server NAME", IOS-XR "tacacs-server host X port 49", "aaa group server ..."). */
extern const char redact_block_header[];

/* The match limit of one attempt on a line of n bytes is base + per_byte * n (100000 + 16 n by
 * default).  For tests that prove a failed match fails closed; not thread-safe. */
void redact_set_match_budget(unsigned base, unsigned per_byte);

#endif
