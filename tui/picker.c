/* picker.c: choosing a device (or a demo scenario) to open (see picker.h). */
#include "tui/picker.h"

#include <ctype.h>
#include <curses.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "tui/draw.h"
#include "tui/rows.h"

/* A demo row: the mark of the selected row, scenario, device, vendor, expected cause. */
#define DEMO_COLUMNS "%s %-30.30s %-10.10s %-6.6s %s"

struct picker {
    picker_entry_t *e;
    size_t n;
    bool demo;
    char filter[64];
    picker_row_t *rows; /* under the filter */
    size_t n_rows;
    long sel_row, top;
    int sel_col;
    int height; /* rows shown at the last draw, for PgUp/PgDn */
};

static bool contains_nocase(const char *hay, const char *needle)
{
    size_t n = strlen(needle);
    for (; *hay; hay++)
        if (strncasecmp(hay, needle, n) == 0)
            return true;
    return !n;
}

static bool entry_matches(const picker_entry_t *e, const char *f)
{
    return contains_nocase(e->name, f) || contains_nocase(e->vendor, f) || contains_nocase(e->group, f) ||
           contains_nocase(e->status, f) || contains_nocase(e->device, f);
}

/* The rows: one per group (circuit and peering, or scenario) with a cell per side, in the
 * order the groups first appear; only groups with a cell that matches the filter. */
static void rebuild(picker_t *p)
{
    p->n_rows = 0;
    for (size_t i = 0; i < p->n; i++) {
        const picker_entry_t *e = &p->e[i];
        if (!entry_matches(e, p->filter))
            continue;
        size_t r = 0;
        while (r < p->n_rows && (p->demo || strcmp(p->rows[r].label, e->group) != 0 || p->rows[r].cell[e->side] >= 0))
            r++;
        if (r == p->n_rows) {
            p->rows[r] = (picker_row_t){.cell = {-1, -1}};
            snprintf(p->rows[r].label, sizeof(p->rows[r].label), "%s", e->group);
            p->n_rows++;
        }
        p->rows[r].cell[e->side] = (int)i;
    }
    if (p->sel_row >= (long)p->n_rows)
        p->sel_row = p->n_rows ? (long)p->n_rows - 1 : 0;
}

static picker_t *alloc_picker(size_t n, bool demo)
{
    picker_t *p = calloc(1, sizeof(*p));
    if (!p)
        return NULL;
    p->e = calloc(n ? n : 1, sizeof(*p->e));
    p->rows = calloc(n ? n : 1, sizeof(*p->rows));
    if (!p->e || !p->rows) {
        picker_free(p);
        return NULL;
    }
    p->demo = demo;
    return p;
}

picker_t *picker_new_inventory(const inventory_t *inv)
{
    picker_t *p = alloc_picker(inv->n_devices, false);
    for (size_t i = 0; p && i < inv->n_devices; i++) {
        const device_t *d = &inv->devices[i];
        if (strcmp(d->vendor, "linux") == 0)
            continue; /* a host that traces back, not an edge to diagnose */
        picker_entry_t *e = &p->e[p->n++];
        snprintf(e->name, sizeof(e->name), "%s", d->name);
        snprintf(e->device, sizeof(e->device), "%s", d->name);
        snprintf(e->vendor, sizeof(e->vendor), "%s", d->vendor);
        snprintf(e->group, sizeof(e->group), "%s %s", d->circuit[0] ? d->circuit : "(no circuit)",
                 d->peering == PEERING_MICROSOFT ? "microsoft" : "private");
        e->side = d->link == LINK_SECONDARY;
        snprintf(e->status, sizeof(e->status), "-");
        e->demo = -1;
    }
    if (p)
        rebuild(p);
    return p;
}

picker_t *picker_new_demo(const demo_scenario_t *list, size_t n)
{
    picker_t *p = alloc_picker(n, true);
    for (size_t i = 0; p && i < n; i++) {
        picker_entry_t *e = &p->e[p->n++];
        snprintf(e->name, sizeof(e->name), "%s", list[i].name);
        snprintf(e->device, sizeof(e->device), "%s", list[i].device);
        snprintf(e->vendor, sizeof(e->vendor), "%s", list[i].vendor);
        snprintf(e->group, sizeof(e->group), "%s", list[i].name);
        snprintf(e->status, sizeof(e->status), "%s %s", runbook_name(list[i].runbook),
                 list[i].expect[0] ? list[i].expect : "?");
        e->demo = (int)i;
    }
    if (p)
        rebuild(p);
    return p;
}

void picker_free(picker_t *p)
{
    if (!p)
        return;
    free(p->e);
    free(p->rows);
    free(p);
}

size_t picker_shown_devices(const picker_t *p, const char **names, size_t max)
{
    size_t n = 0;
    for (size_t r = 0; r < p->n_rows; r++)
        for (int side = 0; side < 2; side++) {
            int i = p->rows[r].cell[side];
            if (i >= 0 && p->e[i].demo < 0 && entry_matches(&p->e[i], p->filter) && n < max)
                names[n++] = p->e[i].device;
        }
    return n;
}

void picker_set_status(picker_t *p, const char *device, const char *status)
{
    for (size_t i = 0; !p->demo && i < p->n; i++)
        if (strcmp(p->e[i].device, device) == 0)
            snprintf(p->e[i].status, sizeof(p->e[i].status), "%s", status);
}

bool picker_select(picker_t *p, const char *name)
{
    for (size_t r = 0; r < p->n_rows; r++)
        for (int c = 0; c < 2; c++)
            if (p->rows[r].cell[c] >= 0 && strcmp(p->e[p->rows[r].cell[c]].name, name) == 0) {
                p->sel_row = (long)r;
                p->sel_col = c;
                return true;
            }
    return false;
}

const char *picker_filter(const picker_t *p)
{
    return p->filter;
}

void picker_set_filter(picker_t *p, const char *filter)
{
    snprintf(p->filter, sizeof(p->filter), "%s", filter);
    rebuild(p);
}

const picker_entry_t *picker_selected(const picker_t *p)
{
    if (p->sel_row < 0 || (size_t)p->sel_row >= p->n_rows)
        return NULL;
    const picker_row_t *r = &p->rows[p->sel_row];
    int i = r->cell[p->sel_col] >= 0 ? r->cell[p->sel_col] : r->cell[!p->sel_col];
    return i >= 0 ? &p->e[i] : NULL;
}

/* Typing edits the filter; a printable key is never an action here (a device may be called q). */
static bool edit_filter(picker_t *p, int ch)
{
    size_t len = strlen(p->filter);
    if ((ch == KEY_BACKSPACE || ch == 127 || ch == 8) && len) {
        p->filter[len - 1] = '\0';
    } else if (ch >= 0x20 && ch < 0x7f && ch != '?' && len + 1 < sizeof(p->filter)) {
        p->filter[len] = (char)ch;
        p->filter[len + 1] = '\0';
    } else {
        return false;
    }
    p->sel_row = 0;
    rebuild(p);
    return true;
}

static void move_by(picker_t *p, long rows)
{
    p->sel_row += rows;
    if (p->sel_row >= (long)p->n_rows)
        p->sel_row = (long)p->n_rows - 1;
    if (p->sel_row < 0)
        p->sel_row = 0;
}

pick_result_t picker_key(picker_t *p, int ch, action_t a)
{
    long page = p->height > 1 ? p->height - 1 : 10;
    if (ch == 27) { /* Esc: clear the filter, or leave when there is none */
        if (!p->filter[0])
            return PICK_QUIT;
        picker_set_filter(p, "");
        return PICK_NONE;
    }
    if (ch == '\n' || ch == '\r' || ch == KEY_ENTER)
        return picker_selected(p) ? PICK_CHOSEN : PICK_NONE;
    if (ch == '?' || a == ACT_HELP)
        return PICK_HELP;
    if (edit_filter(p, ch))
        return PICK_NONE;
    switch (a) {
    case ACT_UP: move_by(p, -1); break;
    case ACT_DOWN: move_by(p, 1); break;
    case ACT_PAGE_UP: move_by(p, -page); break;
    case ACT_PAGE_DOWN: move_by(p, page); break;
    case ACT_HOME: move_by(p, -(long)p->n_rows); break;
    case ACT_END: move_by(p, (long)p->n_rows); break;
    case ACT_LEFT: p->sel_col = 0; break;
    case ACT_RIGHT: p->sel_col = p->demo ? 0 : 1; break;
    case ACT_QUIT: return PICK_QUIT;
    default: break;
    }
    return PICK_NONE;
}

size_t picker_rows(const picker_t *p)
{
    return p->n_rows;
}

/* "ce1-nyc ios OK" in w columns, '>' in front when it is the selected cell. */
static void cell_text(const picker_t *p, int entry, bool selected, int w, char *buf, size_t size)
{
    if (entry < 0) {
        snprintf(buf, size, "%-*s", w, "");
        return;
    }
    const picker_entry_t *e = &p->e[entry];
    char words[256];
    snprintf(words, sizeof(words), "%s%-12.12s %-5.5s %s", selected ? ">" : " ", e->device, e->vendor, e->status);
    snprintf(buf, size, "%-*.*s", w, w, words);
}

const char *picker_header(const picker_t *p, int width, char *buf, size_t size)
{
    if (p->demo) {
        snprintf(buf, size, DEMO_COLUMNS, " ", "Scenario", "Device", "Vendor", "Expected (runbook cause)");
        return buf;
    }
    int cw = (width - 22) / 2;
    snprintf(buf, size, "  %-18.18s %-*.*s |  %s", "Circuit", cw - 1, cw - 1, "Primary", "Secondary");
    return buf;
}

void picker_row_text(const picker_t *p, size_t row, int width, char *buf, size_t size)
{
    if (row >= p->n_rows) {
        buf[0] = '\0';
        return;
    }
    const picker_row_t *r = &p->rows[row];
    bool sel_row = (long)row == p->sel_row;
    char a[256], b[256];
    if (p->demo) {
        const picker_entry_t *e = &p->e[r->cell[0]];
        snprintf(buf, size, DEMO_COLUMNS, sel_row ? ">" : " ", e->name, e->device, e->vendor, e->status);
        return;
    }
    int cw = (width - 22) / 2; /* a side: the mark, the device, the vendor, the status */
    cell_text(p, r->cell[0], sel_row && p->sel_col == 0, cw, a, sizeof(a));
    cell_text(p, r->cell[1], sel_row && p->sel_col == 1, cw, b, sizeof(b));
    snprintf(buf, size, "  %-18.18s%s | %s", r->label, a, b);
}

void picker_draw(picker_t *p, const tui_rect_t *r)
{
    char title[128], line[512];
    snprintf(title, sizeof(title), "%s%s%s", p->demo ? "Demo scenarios" : "Devices", p->filter[0] ? "  filter: " : "",
             p->filter);
    draw_box(r, title, true);
    tui_rect_t in = draw_inner(r);
    if (in.h < 2)
        return;
    draw_text(in.y, in.x, in.w, picker_header(p, in.w, line, sizeof(line)), 0, theme_attr(EL_PANE_TITLE), true);
    in.y++, in.h--;
    p->height = in.h;
    tui_scroll_t s = {.top = p->top, .sel = p->sel_row};
    rows_clamp(&s, p->n_rows, in.h, true);
    p->top = s.top;
    for (int y = 0; y < in.h; y++) {
        size_t i = (size_t)(p->top + y);
        picker_row_text(p, i, in.w, line, sizeof(line));
        if (i == 0 && p->n_rows == 0)
            snprintf(line, sizeof(line), "  %s", p->n ? "nothing matches the filter (Esc clears it)" : "no device");
        draw_text(in.y + y, in.x, in.w, line, 0, theme_attr((long)i == p->sel_row ? EL_SELECTION : EL_NORMAL), true);
    }
}
