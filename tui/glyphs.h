/* glyphs.h: the marks that make a verdict readable without colour: a glyph beside each
 * verdict word, and the spinner of probes in flight.  UTF-8 (✔ ▲ ✖ ○, a braille spinner)
 * when the locale's character set is UTF-8, else ASCII ([ok] [!!] [XX] [--], | / - \). */
#ifndef ERDIAG_TUI_GLYPHS_H
#define ERDIAG_TUI_GLYPHS_H

#include <stdbool.h>

#include "framework/runbook.h"

typedef enum { GLYPH_UTF8 = 0, GLYPH_ASCII } glyph_mode_t;

/* UTF8 for "UTF-8" / "utf8" (any case), ASCII for anything else or NULL. */
glyph_mode_t glyph_mode_for_codeset(const char *codeset);
/* From the current locale (nl_langinfo(CODESET)); call after setlocale(LC_ALL, ""). */
glyph_mode_t glyph_mode_detect(void);

/* The verdict's mark (static). */
const char *glyph_verdict(glyph_mode_t m, verdict_t v);
/* The spinner's frame for tick (any number: it cycles). */
const char *glyph_spinner(glyph_mode_t m, unsigned tick);
/* The width in columns of every verdict mark and spinner frame of the mode. */
int glyph_width(glyph_mode_t m);
/* Separator between side by side columns ("│" or "|"), and the ellipsis of a cut line. */
const char *glyph_bar(glyph_mode_t m);
const char *glyph_more(glyph_mode_t m);

#endif
