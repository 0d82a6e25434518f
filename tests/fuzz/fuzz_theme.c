/* fuzz_theme.c: a libFuzzer target over the theme loader (tui/theme_ini.c through core/ini_text.c).
 * What loads must be a drawable theme; what does not must leave the theme as it was and say
 * where ("fuzz:LINE: ..."). */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "tui/theme.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static void check_style(const theme_style_t *s)
{
    if (s->fg < -1 || s->fg > 255 || s->bg < -1 || s->bg > 255 || s->fg256 < -2 || s->fg256 > 255 ||
        s->bg256 < -2 || s->bg256 > 255 || s->attrs >= 64u)
        abort();
    static const int depths[] = {0, 8, 16, 256};
    for (size_t i = 0; i < sizeof(depths) / sizeof(depths[0]); i++) {
        short fg, bg;
        unsigned attrs;
        theme_resolve(s, depths[i], &fg, &bg, &attrs);
        if (fg < -1 || bg < -1 || (depths[i] && (fg >= depths[i] || bg >= depths[i])))
            abort();
        if (fg == bg && fg != THEME_COLOR_DEFAULT) /* invisible text is refused at load */
            abort();
    }
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    char *text = malloc(size + 1), err[512] = "";
    if (!text)
        return 0;
    memcpy(text, data, size);
    text[size] = '\0'; /* an embedded NUL ends the text, as a C string does */
    theme_t t, before;
    theme_default(&t);
    before = t;
    if (theme_load_string(&t, "fuzz", text, err, sizeof(err)) == 0) {
        if (!t.name[0] || !memchr(t.name, '\0', sizeof(t.name)))
            abort();
        for (int el = 0; el < EL_COUNT; el++)
            check_style(&t.style[el]);
    } else if (memcmp(&t, &before, sizeof(t)) != 0 || strncmp(err, "fuzz:", 5) != 0) {
        fprintf(stderr, "refused theme changed or unplaced error: %s\n", err);
        abort();
    }
    free(text);
    return 0;
}
