/* tui_bench.c: how long the console takes to draw one frame of the route pane holding 100,000
 * routes (the pane formats only the rows it shows; the target is under 16 ms, one frame at
 * 60 Hz).  Draws into a newterm() on /dev/null as xterm-256color at 200x60, scrolling a page
 * each frame so that every frame really changes, and prints the mean and worst ms per frame
 * and the time to load the table.  Exit status 1 when the mean misses the target. */
#include <curses.h>
#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/clock.h"
#include "tui/draw.h"
#include "tui/panes.h"
#include "tui/theme.h"

#define ROUTES 100000
#define FRAMES 200
#define TARGET_MS 16.0

static void fill(route_rows_t *rr)
{
    route_t r;
    memset(&r, 0, sizeof(r));
    FIELD_SET(r.protocol, "bgp", -1);
    next_hop_init(&r.next_hops[0]);
    FIELD_SET(r.next_hops[0].address, "192.168.100.130", -1);
    FIELD_SET(r.next_hops[0].interface, "GigabitEthernet0/0/0", -1);
    r.n_next_hops = 1;
    for (int i = 0; i < ROUTES; i++) {
        snprintf(r.prefix, sizeof(r.prefix), "10.%d.%d.0/24", i / 256 % 256, i % 256);
        r.age = i;
        route_rows_add(rr, &r, NULL);
    }
}

int main(int argc, char **argv)
{
    int frames = argc > 1 ? atoi(argv[1]) : FRAMES;
    setlocale(LC_ALL, "C.UTF-8");
    FILE *null = fopen("/dev/null", "w+");
    SCREEN *scr = null ? newterm("xterm-256color", null, null) : NULL;
    if (!scr) {
        fprintf(stderr, "tui-bench: no terminal description for xterm-256color\n");
        return 2;
    }
    resize_term(60, 200);
    theme_t t;
    theme_default(&t);
    start_color();
    theme_apply(&t, COLORS);
    draw_init(true);
    route_rows_t *rr = route_rows_new();
    double t0 = clock_now_s();
    fill(rr);
    double load = clock_now_s() - t0, worst = 0, total = 0;
    tui_rect_t r = {1, 0, 58, 200};
    tui_scroll_t s = {0};
    for (int f = 0; f < frames; f++) {
        double a = clock_now_s();
        s.top = (long)f * 57 % ROUTES;
        erase();
        pane_routes_draw(&r, rr, &s, true);
        wnoutrefresh(stdscr);
        doupdate();
        double ms = (clock_now_s() - a) * 1000;
        total += ms;
        worst = ms > worst ? ms : worst;
    }
    endwin();
    delscreen(scr);
    fclose(null);
    route_rows_free(rr);
    double mean = total / frames;
    printf("tui-bench: route pane, %d routes, 200x60: %.3f ms/frame mean, %.3f ms worst (%d frames; "
           "table loaded in %.0f ms); target < %.0f ms\n",
           ROUTES, mean, worst, frames, load * 1000, TARGET_MS);
    return mean < TARGET_MS ? 0 : 1;
}
