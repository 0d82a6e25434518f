/* clean.h: what a terminal session leaves in captured output, and how to take it out. */
#ifndef ERDIAG_CLEAN_H
#define ERDIAG_CLEAN_H

#include <stdbool.h>
#include <stddef.h>

typedef enum {
    LINE_CONTENT,
    LINE_BLANK,
    LINE_PROMPT, /* "router#", "user@r1> ", "{master:0}" */
    LINE_ECHO,   /* a prompt followed by the command that produced the output */
} line_class_t;

/* Cleans one line in place: trailing CRs, carriage-return overprinting, terminal control
 * sequences (CSI "ESC [ ... m", OSC "ESC ] ... BEL" or "... ESC \\", DCS/SOS/PM/APC strings,
 * two-byte ones such as "ESC c", and the same sequences started by a C1 control, raw 0x9b/0x9d
 * or UTF-8 encoded U+009B/U+009D), other C0/C1 controls, backspaces, and pager prompts
 * ("--More--", "---(more 45%)---").  Valid UTF-8 text stays; a byte that is not valid UTF-8
 * stays too (the display escapes it, core/sanitize.h).  Returns the new length; *had_pager
 * says whether a pager prompt was removed. */
size_t clean_line(char *line, size_t len, bool *had_pager);
line_class_t clean_classify(const char *line, size_t len);

#endif
