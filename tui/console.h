/* console.h: the erdiag console, `erdiag [console] [DEVICE] ...` (cli/cmd_console.c parses
 * the options and calls tui_console_run). */
#ifndef ERDIAG_TUI_CONSOLE_H
#define ERDIAG_TUI_CONSOLE_H

#include <stdbool.h>

#include "framework/runbook.h"

/* The strings are borrowed for the run. */
typedef struct {
    const char *device;    /* open on this device (or, with demo, this scenario); NULL: the picker */
    const char *circuit;   /* open on this circuit: both links side by side (NULL: none) */
    const char *inventory; /* NULL: the default inventory (or DIR/device.ini with replay) */
    const char *replay;    /* answer from this recording or scenario instead of the device */
    const char *theme;     /* NULL: default */
    runbook_id_t runbook;  /* bgp unless said (a demo scenario says its own) */
    family_t family;       /* the peering judged first (0: the device's first family) */
    bool has_runbook;
    double interval; /* seconds between live polls (0: 5, and 2 for the demo) */
    bool no_color;   /* also when NO_COLOR is set */
    bool demo;       /* the bundled scenarios, replayed live */
    bool accept_new; /* accept an unknown host key without asking */
    bool no_journal;   /* write no session journal */
    bool keep_secrets; /* journal raw answers unredacted (reports still redact) */
} tui_opts_t;

/* Runs the console until the user quits.  Returns an exit status: 0, or 2 for a usage error
 * found before the screen opened (said on stderr), 3 when the terminal could not be used. */
int tui_console_run(const tui_opts_t *o);

#endif
