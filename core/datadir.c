/* datadir.c: the data and configuration directories.  ERDIAG_PKGDATADIR and ERDIAG_SRCDIR come
 * from Makefile.am (AM_CPPFLAGS), so they follow --prefix/--datadir and the build's source tree. */
#include "core/datadir.h"

#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/stat.h>

#ifndef ERDIAG_PKGDATADIR
#error "ERDIAG_PKGDATADIR must be defined (Makefile.am passes it)"
#endif
#ifndef ERDIAG_SRCDIR
#error "ERDIAG_SRCDIR must be defined (Makefile.am passes it)"
#endif

/* base/sub into out when it fits and is a directory. */
static bool try_dir(const char *base, const char *sub, char *out, size_t size)
{
    struct stat st;
    if (!base || !*base)
        return false;
    int n = snprintf(out, size, "%s/%s", base, sub);
    return n > 0 && (size_t)n < size && stat(out, &st) == 0 && S_ISDIR(st.st_mode);
}

int datadir_find(const char *sub, char *out, size_t size)
{
    const char *bases[] = {getenv("ERDIAG_DATA_DIR"), ERDIAG_PKGDATADIR, ERDIAG_SRCDIR};
    for (size_t i = 0; i < sizeof(bases) / sizeof(bases[0]); i++)
        if (try_dir(bases[i], sub, out, size))
            return 0;
    if (size)
        out[0] = '\0';
    return -1;
}

void datadir_config(char *out, size_t size)
{
    const char *xdg = getenv("XDG_CONFIG_HOME");
    if (xdg && *xdg)
        snprintf(out, size, "%s/erdiag", xdg);
    else
        snprintf(out, size, "%s/.config/erdiag", getenv("HOME") ? getenv("HOME") : ".");
}
