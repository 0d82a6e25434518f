/* glyphs.c: verdict marks and spinner frames, UTF-8 or ASCII (see glyphs.h). */
#include "tui/glyphs.h"

#include <langinfo.h>
#include <strings.h>

glyph_mode_t glyph_mode_for_codeset(const char *codeset)
{
    if (codeset && (strcasecmp(codeset, "UTF-8") == 0 || strcasecmp(codeset, "utf8") == 0))
        return GLYPH_UTF8;
    return GLYPH_ASCII;
}

glyph_mode_t glyph_mode_detect(void)
{
    return glyph_mode_for_codeset(nl_langinfo(CODESET));
}

const char *glyph_verdict(glyph_mode_t m, verdict_t v)
{
    static const char *const utf8[] = {"\u2714", "\u25b2", "\u2716", "\u25cb"};
    /* Four columns each, so that the words after them line up. */
    static const char *const ascii[] = {"[ok]", "[!!]", "[XX]", "[--]"};
    if (v < VERDICT_PASS || v > VERDICT_SKIP)
        v = VERDICT_SKIP;
    return m == GLYPH_UTF8 ? utf8[v] : ascii[v];
}

const char *glyph_spinner(glyph_mode_t m, unsigned tick)
{
    static const char *const utf8[] = {"\u280b", "\u2819", "\u2839", "\u2838", "\u283c",
                                       "\u2834", "\u2826", "\u2827", "\u2807", "\u280f"};
    static const char *const ascii[] = {"[| ]", "[/ ]", "[- ]", "[\\ ]"};
    if (m == GLYPH_UTF8)
        return utf8[tick % (sizeof(utf8) / sizeof(utf8[0]))];
    return ascii[tick % (sizeof(ascii) / sizeof(ascii[0]))];
}

int glyph_width(glyph_mode_t m)
{
    return m == GLYPH_UTF8 ? 1 : 4;
}

const char *glyph_bar(glyph_mode_t m)
{
    return m == GLYPH_UTF8 ? "\u2502" : "|";
}

const char *glyph_more(glyph_mode_t m)
{
    return m == GLYPH_UTF8 ? "\u2026" : ">";
}
