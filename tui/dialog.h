/* dialog.h: the console's dialogs, in panels (the panel library) over the panes: an unknown
 * host key with its SHA256 fingerprint (accept once / accept and save / refuse), a password
 * or keyboard-interactive answer typed without echo, a line of text (a note, the path of a
 * file to import), and a choice between buttons (confirm quit, what to import).  A dialog
 * takes keys until it is done or cancelled; it never blocks.  What a device sent (a prompt, a
 * host name) is sanitized before it is shown.  A button also answers to its first letter. */
#ifndef ERDIAG_TUI_DIALOG_H
#define ERDIAG_TUI_DIALOG_H

#include <stdbool.h>
#include <stddef.h>

typedef enum { DLG_OPEN, DLG_DONE, DLG_CANCELLED } dialog_state_t;

typedef struct dialog dialog_t;

/* Buttons: Refuse (0), Once (1), Always (2: saved to known_hosts); keys r, o, a. */
dialog_t *dialog_hostkey(const char *device, const char *host, const char *fingerprint);
/* A line typed without echo (echo: shown, for a keyboard-interactive question that says so). */
dialog_t *dialog_secret(const char *device, const char *prompt, bool echo);
/* A line of text. */
dialog_t *dialog_input(const char *title, const char *prompt, const char *initial);
/* Buttons, given as a NULL-terminated list (at most 4); Esc cancels. */
dialog_t *dialog_choice(const char *title, const char *text, const char *const *buttons, int initial);

/* Feeds a key (a wgetch() code). */
dialog_state_t dialog_key(dialog_t *d, int ch);
dialog_state_t dialog_state(const dialog_t *d);
/* The button chosen (choice, hostkey), or -1. */
int dialog_button(const dialog_t *d);
/* The text typed (input, secret). */
const char *dialog_text(const dialog_t *d);

/* Draws it centred on the screen as it is now (call after a resize too), in its panel. */
void dialog_draw(dialog_t *d);
/* Removes the panel and wipes any typed secret. */
void dialog_free(dialog_t *d);

#endif
