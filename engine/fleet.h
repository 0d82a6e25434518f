/* fleet.h: many devices checked at once, each by its own session engine, a bounded number at a
 * time (and a smaller bound per jump host, which carries every session behind it).  No device
 * stops the others: one that cannot be reached, refuses its host key or asks for a password is
 * UNKNOWN with the reason in words.  Nobody is asked anything: a fleet runs unattended, so an
 * unknown host key is refused unless accept_new, and a password prompt is refused.  Nothing is
 * printed; the caller reads the rows when fleet_run returns. */
#ifndef ERDIAG_FLEET_H
#define ERDIAG_FLEET_H

#include <stdbool.h>
#include <stddef.h>

#include "engine/engine.h"

#define FLEET_DEFAULT_PARALLEL 16
#define FLEET_DEFAULT_PER_JUMP 4

/* One device's outcome. */
typedef struct {
    char device[INV_NAME_LEN];
    char circuit[INV_NAME_LEN];
    char vendor[16];
    const char *link;        /* "primary" | "secondary" | "" when the device was not found */
    const char *status;      /* OK WARNING CRITICAL UNKNOWN */
    int exit_code;           /* 0..3 */
    char cause[32];          /* the root cause code, "none", or the error's cause */
    char step[32];           /* the step that states it ("" none) */
    char finding[640];       /* its finding, or the error in words */
    char evidence[320];      /* its first evidence line ("" none) */
    char evidence_command[CMD_LEN];
    char peer[64];
    runbook_result_t *result; /* the whole result (owned), NULL when nothing was judged */
    double seconds;          /* wall time of this device's session */
    char journal[1200];      /* its journal ("" none) */
} fleet_row_t;

typedef struct {
    engine_opts_t base;  /* every session's options; device is set per row (borrowed strings) */
    int parallel;        /* sessions at once (<= 0: FLEET_DEFAULT_PARALLEL) */
    int per_jump;        /* sessions at once behind one jump host (<= 0: FLEET_DEFAULT_PER_JUMP) */
} fleet_opts_t;

typedef struct fleet fleet_t;

/* A fleet run driven by the caller's loop (the console), like one engine: poll fleet_fd() for
 * at most fleet_timeout_ms(), then fleet_step().  names are copied; jump_of(ud, name) names the
 * device's jump host ("" or NULL for none) so that sessions behind one jump are bounded (may be
 * NULL; ud must outlive the fleet).  NULL when out of memory. */
fleet_t *fleet_new(const fleet_opts_t *o, const char *const *names, size_t n, const char *(*jump_of)(void *, const char *),
                   void *ud);
int fleet_fd(const fleet_t *f);
int fleet_timeout_ms(const fleet_t *f);
/* Starts what fits, steps what runs, collects what finished; true when every device is done. */
bool fleet_step(fleet_t *f);
/* The rows, in the order of names: a row whose status is NULL is still pending or running.
 * Borrowed until fleet_free. */
const fleet_row_t *fleet_rows(const fleet_t *f, size_t *n);
/* Stops what still runs (its row says so) and frees everything. */
void fleet_free(fleet_t *f);

/* Runs every device of names (n of them; borrowed) to the end and fills rows[i] for names[i]
 * (the caller gives n rows and frees them with fleet_rows_free).  Returns the worst exit code. */
int fleet_run(const fleet_opts_t *o, const char *const *names, size_t n, const char *(*jump_of)(void *, const char *),
              void *ud, fleet_row_t *rows);
void fleet_rows_free(fleet_row_t *rows, size_t n);
/* Orders rows worst first (CRITICAL, WARNING, UNKNOWN... by exit code severity: 2, 3, 1, 0),
 * then by device name. */
void fleet_sort(fleet_row_t *rows, size_t n);

#endif
