/* picker.h: the device picker.  Inventory devices grouped by circuit, the primary and the
 * secondary link side by side, each with its vendor and the last status this console saw; or,
 * for the demo, the bundled scenarios with their device, vendor and expected cause.  Typing
 * filters (case-insensitive, over every word shown). */
#ifndef ERDIAG_TUI_PICKER_H
#define ERDIAG_TUI_PICKER_H

#include <stdbool.h>
#include <stddef.h>

#include "core/inventory.h"
#include "tui/demo.h"
#include "tui/keymap.h"
#include "tui/layout.h"

typedef struct {
    char name[128]; /* the device, or the scenario */
    char device[INV_NAME_LEN];
    char vendor[16];
    char group[INV_NAME_LEN + 16]; /* "er-nyc-01 private": one row of the picker */
    int side;                      /* 0 primary, 1 secondary */
    char status[64];               /* the last status seen, or the demo's expected cause */
    int demo;                      /* index into the demo list, -1 for a device */
} picker_entry_t;

typedef struct {
    char label[INV_NAME_LEN + 16];
    int cell[2]; /* entries: primary, secondary (-1: none) */
} picker_row_t;

typedef struct picker picker_t;

typedef enum { PICK_NONE, PICK_CHOSEN, PICK_QUIT, PICK_HELP } pick_result_t;

/* Borrowed inputs are copied.  NULL when out of memory. */
picker_t *picker_new_inventory(const inventory_t *inv);
picker_t *picker_new_demo(const demo_scenario_t *list, size_t n);
void picker_free(picker_t *p);

/* Remembers the status a session ended with, shown beside the device. */
void picker_set_status(picker_t *p, const char *device, const char *status);
/* The devices shown under the filter (not the demo's scenarios), at most max, into names
 * (borrowed from p).  Returns how many. */
size_t picker_shown_devices(const picker_t *p, const char **names, size_t max);
/* Selects the entry called name (a device or a scenario); false when there is none. */
bool picker_select(picker_t *p, const char *name);
/* The filter as typed so far. */
const char *picker_filter(const picker_t *p);
void picker_set_filter(picker_t *p, const char *filter);

/* A key (with its action from the key map): moves, filters, chooses. */
pick_result_t picker_key(picker_t *p, int ch, action_t a);
const picker_entry_t *picker_selected(const picker_t *p);

/* The rows shown under the filter, and row i's text (width columns; the selected cell is
 * marked with '>' so that it reads without colour). */
size_t picker_rows(const picker_t *p);
void picker_row_text(const picker_t *p, size_t row, int width, char *buf, size_t size);
const char *picker_header(const picker_t *p, int width, char *buf, size_t size);

void picker_draw(picker_t *p, const tui_rect_t *r);

#endif
