/* datadir.h: where erdiag's installed data (themes, scenarios) and the user's configuration live.
 *
 * Data is looked for in $ERDIAG_DATA_DIR, then in the installed $(pkgdatadir), then in the source
 * tree the program was built from, so that ./erdiag works from a build without `make install`.
 * The configuration directory follows the XDG base directory rules. */
#ifndef ERDIAG_DATADIR_H
#define ERDIAG_DATADIR_H

#include <stddef.h>

/* The first existing directory among $ERDIAG_DATA_DIR/sub, $(pkgdatadir)/sub and
 * <source tree>/sub, written to out (size bytes).  0 when one was found, -1 otherwise (out is
 * then ""). */
int datadir_find(const char *sub, char *out, size_t size);

/* $XDG_CONFIG_HOME/erdiag, or $HOME/.config/erdiag (./.config/erdiag without HOME).  Whether it
 * exists is not checked. */
void datadir_config(char *out, size_t size);

#endif
