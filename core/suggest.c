/* suggest.c: edit distance over short names, for "did you mean" hints. */
#include "core/suggest.h"

#include <ctype.h>
#include <string.h>

static size_t min3(size_t a, size_t b, size_t c)
{
    size_t m = a < b ? a : b;
    return m < c ? m : c;
}

size_t suggest_edit_distance(const char *a, const char *b)
{
    size_t n = strlen(a), m = strlen(b);
    n = n > SUGGEST_MAX_LEN ? SUGGEST_MAX_LEN : n;
    m = m > SUGGEST_MAX_LEN ? SUGGEST_MAX_LEN : m;
    size_t rows[3][SUGGEST_MAX_LEN + 1]; /* row i in rows[i % 3]: the current one and two before */
    for (size_t j = 0; j <= m; j++)
        rows[0][j] = j;
    for (size_t i = 1; i <= n; i++) {
        size_t *prev2 = rows[(i + 1) % 3], *prev = rows[(i + 2) % 3], *cur = rows[i % 3];
        cur[0] = i;
        for (size_t j = 1; j <= m; j++) {
            int ca = tolower((unsigned char)a[i - 1]), cb = tolower((unsigned char)b[j - 1]);
            cur[j] = min3(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (ca != cb));
            if (i > 1 && j > 1 && ca == tolower((unsigned char)b[j - 2]) && tolower((unsigned char)a[i - 2]) == cb &&
                prev2[j - 2] + 1 < cur[j])
                cur[j] = prev2[j - 2] + 1;
        }
    }
    return rows[n % 3][m];
}

void suggest_init(suggest_t *s, const char *word)
{
    s->word = word;
    s->best = NULL;
    s->dist = (size_t)-1;
}

void suggest_offer(suggest_t *s, const char *candidate)
{
    size_t d = suggest_edit_distance(s->word, candidate);
    if (d < s->dist) {
        s->dist = d;
        s->best = candidate;
    }
}

const char *suggest_best(const suggest_t *s)
{
    size_t len = strlen(s->word), limit = (len + 2) / 3;
    if (limit > 2)
        limit = 2;
    return s->best && s->dist <= limit && strcmp(s->best, s->word) != 0 ? s->best : NULL;
}
