/* screen.c: one frame of the console: the header, the panes where the layout puts them, the
 * status line, then the overlays (help, the open dialog).  Everything is drawn from the view
 * the session filled; nothing here asks the engine or waits. */
#include <panel.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "tui/console_int.h"
#include "tui/draw.h"
#include "tui/help.h"

void screen_say(console_t *c, bool error, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(c->status, sizeof(c->status), fmt, ap);
    va_end(ap);
    c->status_error = error;
}

void screen_layout(const console_t *c, tui_layout_t *l)
{
    layout_compute(COLS, LINES, c->eo.runbook, c->tab, l);
}

static void too_small(void)
{
    erase();
    char msg[96];
    snprintf(msg, sizeof(msg), "terminal too small (need %dx%d, have %dx%d)", LAYOUT_MIN_COLS, LAYOUT_MIN_LINES, COLS,
             LINES);
    draw_text(LINES / 2, 0, COLS, msg, 0, theme_attr(EL_STATUS_WARNING), false);
}

static void status_line(console_t *c, const tui_rect_t *r)
{
    char left[600];
    const char *hint = c->picking      ? "type to filter  Enter open  C-r re-check all shown  Esc quit  ? help"
                       : c->cview.open ? "Left/Right a link  Enter open it  r poll both  PgUp/PgDn scroll  p devices  q quit"
                                       : "? help  Tab pane  Enter re-run  / search  a note  p devices  q quit";
    theme_element_t el = c->status_error ? EL_STATUS_WARNING : EL_NORMAL;
    if (c->searching) {
        snprintf(left, sizeof(left), "/%s", c->search_input);
        el = EL_NORMAL;
    } else {
        snprintf(left, sizeof(left), "%s", c->status[0] ? c->status : hint);
    }
    draw_text(r->y, r->x, r->w, left, 0, theme_attr(el), true);
    if (c->searching)
        move(r->y, (int)draw_columns(left) < r->w ? (int)draw_columns(left) : r->w - 1);
}

static void draw_pane(console_t *c, pane_id_t p, const tui_rect_t *r)
{
    bool focus = c->focus == p;
    tui_scroll_t *s = &c->scroll[p];
    switch (p) {
    case PANE_RUNBOOK: pane_runbook_draw(r, &c->view, s, focus); break;
    case PANE_DETAIL: pane_detail_draw(r, &c->view, s, focus); break;
    case PANE_IFACES: pane_ifaces_draw(r, &c->view, s, focus); break;
    case PANE_BGP: pane_bgp_draw(r, &c->view, s, focus); break;
    case PANE_ROUTES:
        if (c->routes)
            pane_routes_draw(r, c->routes, s, focus);
        break;
    case PANE_TRACES: pane_traces_draw(r, &c->view, s, focus); break;
    case PANE_RAW: pane_raw_draw(r, &c->view, &c->search, s, focus, c->raw_follow); break;
    default: break;
    }
}

/* The tabs of the shared rectangle, written into its top border: "Interfaces | BGP | ...". */
static void tab_names(console_t *c, const tui_layout_t *l)
{
    tui_rect_t r = l->pane[c->tab];
    char names[160] = "";
    size_t w = 0;
    for (int i = 0; i < l->n_order && w < sizeof(names); i++)
        if (layout_pane_tabbed(l->order[i]))
            w += (size_t)snprintf(names + w, sizeof(names) - w, "%s%s%s%s", w ? " " : "",
                                  l->order[i] == c->tab ? "[" : "", layout_pane_name(l->order[i]),
                                  l->order[i] == c->tab ? "]" : "");
    int len = (int)draw_columns(names);
    if (r.w > len + 40)
        draw_text(r.y, r.x + r.w - len - 3, len + 2, names, 0, theme_attr(EL_PANE_TITLE), false);
}

static void session_screen(console_t *c, const tui_layout_t *l)
{
    header_draw(&l->header, &c->view);
    for (pane_id_t p = 0; p < PANE_COUNT; p++)
        if (l->pane[p].h > 0)
            draw_pane(c, p, &l->pane[p]);
    if (l->tabbed)
        tab_names(c, l);
}

void screen_draw(console_t *c)
{
    tui_layout_t l;
    screen_layout(c, &l);
    curs_set(c->searching || (c->dialog && dialog_state(c->dialog) == DLG_OPEN) ? 1 : 0);
    if (l.too_small) {
        too_small();
    } else {
        erase();
        if (c->picking && c->picker) {
            draw_blank(0, 0, COLS, theme_attr(EL_HEADER));
            draw_text(0, 1, COLS - 2, c->o.demo ? "erdiag demo: pick a scenario" : "erdiag: pick a device", 0,
                      theme_attr(EL_HEADER), false);
            tui_rect_t body = {1, 0, LINES - 2, COLS};
            picker_draw(c->picker, &body);
        } else if (c->cview.open) {
            circuit_view_draw(c);
        } else {
            session_screen(c, &l);
        }
        status_line(c, &l.status);
        if (c->help)
            help_draw(&c->keys, COLS, LINES, &c->help_scroll);
    }
    wnoutrefresh(stdscr);
    if (c->dialog)
        dialog_draw(c->dialog);
    update_panels();
    doupdate();
}
