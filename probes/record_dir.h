/* record_dir.h: the files of a recording (--record DIR), written so that nothing planted in DIR
 * can redirect them and nobody else can read them.
 *
 * DIR is opened once (O_NOFOLLOW): a symbolic link, or a directory of another user, is refused;
 * a missing DIR is created 0700.  Every file is written as a new 0600 file (O_EXCL, O_NOFOLLOW)
 * that is then renamed over its name: an existing name is only ever replaced, never opened, and
 * one that is not a regular file of ours (a symbolic link to somewhere else) is refused.  Modes
 * are set with fchmod, whatever the umask.  Every error names the file and says why.
 *
 * A record_dir_t may be used by several threads at once (each write has its own temporary
 * file), but two writers of the same name race: the last rename wins. */
#ifndef ERDIAG_RECORD_DIR_H
#define ERDIAG_RECORD_DIR_H

#include <stddef.h>

#include "core/inventory.h"

typedef struct record_dir record_dir_t;

/* Opens (or creates) the recording directory path.  NULL with "PATH: reason" in err.  The
 * caller closes it, after every transport that writes into it. */
record_dir_t *record_dir_open(const char *path, char *err, size_t errlen);
/* DIR/NAME/ as a recording directory of its own (a second device's answers), same rules. */
record_dir_t *record_dir_sub(const record_dir_t *parent, const char *name, char *err, size_t errlen);
void record_dir_close(record_dir_t *d);
const char *record_dir_path(const record_dir_t *d);

/* Writes NAME (a plain file name) as exactly bytes[0..len).  0, or -1 with "DIR/NAME: reason". */
int record_dir_write(record_dir_t *d, const char *name, const char *bytes, size_t len, char *err, size_t errlen);
/* A device's answer, redacted (core/redact.h) before it is written as NAME. */
int record_dir_capture(record_dir_t *d, const char *name, const char *text, size_t len, char *err, size_t errlen);
/* The same under the first free name "STEM-N.txt" (N = 1, 2, ...), never replacing a file of an
 * earlier run; the name taken goes into name (size bytes). */
int record_dir_capture_new(record_dir_t *d, const char *stem, char *name, size_t size, const char *text, size_t len,
                           char *err, size_t errlen);
/* Points command at file in DIR/index.tsv ("command<TAB>file" lines; replay reads the first
 * for a command): the new line first, older lines for the same command dropped. */
int record_dir_index(record_dir_t *d, const char *command, const char *file, char *err, size_t errlen);
/* DIR/polls.tsv: when each answer was polled, so that a replay computes counter rates over the
 * real interval.  One line per answer: "probe<TAB>poll<TAB>file<TAB>utc", e.g.
 *     interfaces	2	interfaces.2.txt	2026-11-03T02:15:07.450Z
 * (utc as core/utctime.h writes it; lines starting with '#' are comments).  Replay looks an
 * answer's file up in it (replay.c); a recording without the file, or without a line for a
 * file, replays with the poll time unknown.  Hand-written scenarios may carry one. */
#define RECORD_POLLS "polls.tsv"
typedef struct {
    const char *probe; /* probe_name() */
    int poll;          /* 1, 2 */
    const char *file;  /* a plain file name in DIR */
    double utc;        /* seconds since the epoch */
} record_poll_t;
/* Writes DIR/polls.tsv with a header line and one line per poll.  0, or -1 with err. */
int record_dir_polls(record_dir_t *d, const record_poll_t *polls, size_t n, char *err, size_t errlen);
/* DIR/device.ini: the devices' sections as inventory_write_device writes them (nothing about
 * how to log in). */
int record_dir_devices(record_dir_t *d, const device_t *const *devices, size_t n, char *err, size_t errlen);

#endif
