/* wrap.h: printing text for a person at a terminal: sanitized (core/sanitize.h), folded at
 * spaces to the width of the screen, continuation lines indented so that the start of each
 * item stays visible. */
#ifndef ERDIAG_WRAP_H
#define ERDIAG_WRAP_H

#include <stdio.h>

#define WRAP_MIN_WIDTH 40

/* Writes text (any bytes: sanitized here) to f in lines of at most width columns (one column
 * per character; width below WRAP_MIN_WIDTH counts as WRAP_MIN_WIDTH): the first line from
 * column 0, continuation lines after indent spaces.  Breaks at a space; a word longer than a
 * line is cut.  A newline in text starts a new (indented) line.  max_lines > 0 caps the lines
 * written: the last then ends in "..." when text was left out.  Returns the lines written. */
int wrap_write(FILE *f, int width, int indent, int max_lines, const char *text);
/* The number of columns text takes (UTF-8 characters). */
int wrap_columns(const char *text, size_t len);
/* How many bytes of text fit in cols columns, ending at a character boundary. */
size_t wrap_fit(const char *text, size_t len, int cols);

#endif
