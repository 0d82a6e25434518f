/* recheck.c: the picker's re-check (C-r, or the refresh key when it is not a letter): every
 * device shown under the filter is checked at once by a fleet of session engines
 * (engine/fleet.c), and each one's status is filled in as it finishes, as k9s fills a list.
 * The fleet's fd sits in the console's poll() beside the keyboard; nothing here blocks. */
#include <stdio.h>
#include <string.h>

#include "tui/console_int.h"

#define RECHECK_MAX 512

static const char *jump_of(void *ud, const char *name)
{
    const device_t *d = inventory_find(ud, name);
    return d ? d->jump : NULL;
}

void recheck_start(console_t *c)
{
    const char *names[RECHECK_MAX];
    if (c->fleet) {
        screen_say(c, false, "a re-check is already running");
        return;
    }
    size_t n = c->picker ? picker_shown_devices(c->picker, names, RECHECK_MAX) : 0;
    if (n == 0) {
        screen_say(c, true, "nothing to re-check: no device shown");
        return;
    }
    fleet_opts_t fo = {.base = {.inventory = c->o.inventory, .replay = c->o.replay, .runbook = c->o.runbook,
                                .interval = c->o.interval > 0 ? c->o.interval : 5, .accept_new = c->o.accept_new,
                                .no_journal = c->o.no_journal, .keep_secrets = c->o.keep_secrets}};
    c->fleet = fleet_new(&fo, names, n, jump_of, &c->inv);
    if (!c->fleet) {
        screen_say(c, true, "re-check: out of memory");
        return;
    }
    for (size_t i = 0; i < n; i++)
        picker_set_status(c->picker, names[i], "checking...");
    screen_say(c, false, "re-checking %zu device%s (unknown host keys are refused: open a device to accept one)", n,
               n > 1 ? "s" : "");
    recheck_step(c);
}

int recheck_timeout_ms(const console_t *c)
{
    return c->fleet ? fleet_timeout_ms(c->fleet) : -1;
}

/* Takes what finished; the fleet is freed when the last device is done. */
void recheck_step(console_t *c)
{
    size_t n;
    char status[64];
    if (!c->fleet)
        return;
    bool done = fleet_step(c->fleet);
    const fleet_row_t *rows = fleet_rows(c->fleet, &n);
    int worst[4] = {0};
    for (size_t i = 0; i < n; i++) {
        if (!rows[i].status)
            continue;
        snprintf(status, sizeof(status), "%s %s", rows[i].status, rows[i].cause);
        picker_set_status(c->picker, rows[i].device, status);
        worst[rows[i].exit_code & 3]++;
    }
    if (!done)
        return;
    screen_say(c, false, "re-checked %zu: %d CRITICAL, %d UNKNOWN, %d WARNING, %d OK", n, worst[2], worst[3], worst[1],
               worst[0]);
    fleet_free(c->fleet);
    c->fleet = NULL;
}
