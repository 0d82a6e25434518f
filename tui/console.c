/* console.c: the console's event loop, after mtr's select_loop and tmux's server loop: one
 * poll() over the keyboard, the engine's fd and a self-pipe that the signal handlers write
 * (SIGWINCH: the terminal changed size; SIGINT, SIGTERM, SIGHUP: leave cleanly).  Its timeout
 * is the engine's next deadline or the spinner's tick (250 ms while probes are out, 1 s
 * otherwise, none while nothing is out and live refresh is paused).  Each event is handed to
 * the module that owns it in a few lines; nothing here blocks, sleeps or touches the network. */
#include "tui/console.h"

#include <curses.h>
#include <errno.h>
#include <fcntl.h>
#include <locale.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <unistd.h>

#include "core/clock.h"
#include "core/datadir.h"
#include "core/sanitize.h"
#include "tui/console_int.h"
#include "tui/draw.h"

/* ---- signals: a self-pipe, read by the loop ---- */

static int sig_pipe[2] = {-1, -1};

static void on_signal(int sig)
{
    int saved = errno;
    unsigned char b = (unsigned char)sig;
    if (write(sig_pipe[1], &b, 1) < 0) {
        /* the pipe is full: a wake-up is already pending */
    }
    errno = saved;
}

static const int handled_signals[] = {SIGWINCH, SIGINT, SIGTERM, SIGHUP};
#define N_SIGNALS (sizeof(handled_signals) / sizeof(handled_signals[0]))

/* Before the terminal is set up, so that curses keeps its hands off these signals. */
static int signals_install(void)
{
    if (pipe(sig_pipe) != 0)
        return -1;
    for (int i = 0; i < 2; i++)
        fcntl(sig_pipe[i], F_SETFL, fcntl(sig_pipe[i], F_GETFL) | O_NONBLOCK);
    struct sigaction sa;
    memset(&sa, 0, sizeof(sa));
    sa.sa_handler = on_signal;
    sigemptyset(&sa.sa_mask);
    for (size_t i = 0; i < N_SIGNALS; i++)
        sigaction(handled_signals[i], &sa, NULL);
    return 0;
}

static void signals_restore(void)
{
    for (size_t i = 0; i < N_SIGNALS; i++)
        signal(handled_signals[i], SIG_DFL);
    for (int i = 0; i < 2; i++)
        if (sig_pipe[i] >= 0)
            close(sig_pipe[i]);
    sig_pipe[0] = sig_pipe[1] = -1;
}

static void resized(void)
{
    struct winsize ws;
    if (ioctl(STDOUT_FILENO, TIOCGWINSZ, &ws) == 0 && ws.ws_row > 0 && ws.ws_col > 0)
        resize_term(ws.ws_row, ws.ws_col);
    clearok(curscr, TRUE); /* repaint everything: nothing of the old size stays behind */
}

static void take_signals(console_t *c)
{
    unsigned char b[16];
    ssize_t n;
    while ((n = read(sig_pipe[0], b, sizeof(b))) > 0)
        for (ssize_t i = 0; i < n; i++) {
            if (b[i] == SIGWINCH)
                resized();
            else
                c->quit = true;
        }
}

/* ---- themes and keys ---- */

void actions_theme(console_t *c, int step)
{
    char err[600] = "";
    if (c->n_themes == 0)
        return;
    c->theme_at = (c->theme_at + (size_t)step) % c->n_themes;
    if (theme_find(c->themes[c->theme_at], &c->theme, err, sizeof(err)) != 0)
        screen_say(c, true, "%s (the default theme is used)", err);
    else if (step)
        screen_say(c, false, "theme: %s", c->themes[c->theme_at]);
    theme_apply(&c->theme, c->colors);
}

/* The theme asked for (--theme), or the default; a bad one is said on the status line. */
static void pick_theme(console_t *c)
{
    c->n_themes = theme_names(c->themes, CONSOLE_MAX_THEMES);
    const char *want = c->o.theme ? c->o.theme : "default";
    for (size_t i = 0; i < c->n_themes; i++)
        if (strcmp(c->themes[i], want) == 0)
            c->theme_at = i;
    char err[600] = "";
    theme_default(&c->theme);
    if (theme_find(want, &c->theme, err, sizeof(err)) != 0)
        screen_say(c, true, "%s (the default theme is used)", err);
}

/* The defaults, then the user's keys.ini over them; a bad file is said and ignored. */
static void load_keys(console_t *c)
{
    char err[600];
    keymap_default(&c->keys);
    if (keymap_load_config(&c->keys, err, sizeof(err)) != 0)
        screen_say(c, true, "%s (the default keys are used)", err);
}

/* ---- the picker ---- */

void actions_picker(console_t *c)
{
    if (!c->picker) { /* made once: it keeps the status each session ended with */
        c->picker = c->o.demo ? picker_new_demo(c->demos, c->n_demos) : picker_new_inventory(&c->inv);
        if (c->picker && c->o.demo)
            picker_select(c->picker, DEMO_DEFAULT);
    }
    c->picking = c->picker != NULL;
}

/* Reads what the picker lists; 0, or -1 after saying why on stderr (before the screen opens). */
static int load_choices(console_t *c)
{
    char err[1200], dir[1024];
    if (c->o.demo) {
        if (datadir_find("scenarios", dir, sizeof(dir)) != 0) {
            fprintf(stderr, "erdiag: --demo: the bundled scenarios are not installed (no scenarios directory found)\n");
            return -1;
        }
        if (demo_list(dir, &c->demos, &c->n_demos, err, sizeof(err)) != 0) {
            sanitize_fprintf(stderr, "erdiag: --demo: %s\n", err);
            return -1;
        }
        return 0;
    }
    if (c->o.device || (c->o.circuit && c->o.replay && !c->o.inventory))
        return 0; /* the device's, or a circuit scenario's device.ini, is read when it opens */
    char path[1024];
    if (c->o.inventory)
        snprintf(path, sizeof(path), "%s", c->o.inventory);
    else
        inventory_default_path(path, sizeof(path));
    if (inventory_load(&c->inv, path, err, sizeof(err)) != 0) {
        sanitize_fprintf(stderr, "erdiag: %s\n(erdiag --demo opens the bundled scenarios without an inventory)\n", err);
        return -1;
    }
    return 0;
}

/* ---- the terminal ---- */

static int terminal_open(console_t *c)
{
    if (!isatty(STDIN_FILENO) || !isatty(STDOUT_FILENO)) {
        fprintf(stderr, "erdiag: the console needs a terminal (erdiag check runs without one)\n");
        return -1;
    }
    c->glyphs = glyph_mode_detect();
    if (!newterm(NULL, stdout, stdin)) {
        fprintf(stderr, "erdiag: cannot use this terminal (TERM=%s)\n", getenv("TERM") ? getenv("TERM") : "");
        return -1;
    }
    cbreak();
    noecho();
    keypad(stdscr, TRUE);
    nodelay(stdscr, TRUE);
    set_escdelay(25);
    curs_set(0);
    draw_init(c->glyphs == GLYPH_UTF8);
    bool color = !c->o.no_color && !getenv("NO_COLOR") && has_colors();
    if (color && start_color() == OK) {
        use_default_colors();
        c->colors = COLORS;
    }
    theme_apply(&c->theme, c->colors);
    return 0;
}

/* ---- the loop ---- */

static int min_timeout(int a, int b)
{
    return a < 0 ? b : b < 0 ? a : a < b ? a : b;
}

static int loop_timeout(const console_t *c)
{
    if (c->cview.open)
        return circuit_view_timeout_ms(c);
    if (!c->engine)
        return c->fleet ? min_timeout(recheck_timeout_ms(c), 250) : -1;
    bool busy = session_busy(c);
    int tick = busy ? 250 : c->view.paused ? -1 : 1000;
    return min_timeout(session_timeout_ms(c), tick);
}

/* ---- keys ---- */

/* The rest of an escape sequence curses did not know (terminfo and terminal disagree: tmux
 * sends ESC [1~ and ESC [4~ for Home and End whatever TERM says): read to its final byte, and
 * Home and End are kept; the rest is dropped rather than read as Esc and letters. */
static int unknown_sequence(int second)
{
    char seq[16] = {(char)second};
    size_t n = 1;
    int ch;
    while ((ch = getch()) != ERR && n + 1 < sizeof(seq)) {
        seq[n++] = (char)ch;
        if (ch >= 0x40 && ch <= 0x7e) /* the final byte (CSI and SS3 alike) */
            break;
    }
    seq[n] = '\0';
    if (!strcmp(seq, "[1~") || !strcmp(seq, "[7~") || !strcmp(seq, "[H") || !strcmp(seq, "OH"))
        return KEY_HOME;
    if (!strcmp(seq, "[4~") || !strcmp(seq, "[8~") || !strcmp(seq, "[F") || !strcmp(seq, "OF"))
        return KEY_END;
    return ERR;
}

/* The next key, or ERR when none is waiting. */
static int next_key(void)
{
    int ch = getch();
    if (ch != 27)
        return ch;
    int second = getch();
    if (second == ERR)
        return 27; /* Esc alone */
    if (second == '[' || second == 'O') {
        int key = unknown_sequence(second);
        return key == ERR ? KEY_RESIZE : key; /* KEY_RESIZE: a key that does nothing */
    }
    return second; /* Alt+key: the key */
}

static void run_loop(console_t *c)
{
    while (!c->quit) {
        c->tick = (unsigned)(clock_now_s() * 4);
        session_fill_view(c);
        screen_draw(c);
        struct pollfd fds[6] = {{.fd = STDIN_FILENO, .events = POLLIN}, {.fd = sig_pipe[0], .events = POLLIN}};
        nfds_t n = 2;
        if (c->engine)
            fds[n++] = (struct pollfd){.fd = engine_fd(c->engine), .events = POLLIN};
        if (c->fleet)
            fds[n++] = (struct pollfd){.fd = fleet_fd(c->fleet), .events = POLLIN};
        n += (nfds_t)circuit_view_fds(c, fds + n, 2);
        if (poll(fds, n, loop_timeout(c)) < 0 && errno != EINTR)
            break;
        take_signals(c);
        int ch;
        while (!c->quit && (ch = next_key()) != ERR)
            actions_key(c, ch);
        session_step(c);
        recheck_step(c);
        circuit_view_step(c);
    }
}

/* Opens the device or scenario named on the command line, else the picker. */
static void open_first(console_t *c)
{
    const demo_scenario_t *d = c->o.demo ? demo_find(c->demos, c->n_demos, c->o.device) : NULL;
    if (c->o.circuit && circuit_view_open(c, c->o.circuit) == 0)
        return;
    if (d)
        session_open(c, d->device, d->dir, d->runbook, d->reverse_trace, d->azure_routes);
    else if (c->o.device && !c->o.demo)
        session_open(c, c->o.device, c->o.replay, c->o.runbook, NULL, NULL);
    else
        actions_picker(c);
    if (!c->o.device && !c->o.demo)
        actions_offer_unfinished(c);
}

static void console_free(console_t *c)
{
    circuit_view_close(c);
    fleet_free(c->fleet);
    session_close(c);
    dialog_free(c->dialog);
    picker_free(c->picker);
    transcript_free(c->transcript);
    tui_notes_free(&c->notes);
    inventory_free(&c->inv);
    free(c->demos);
    free(c);
}

int tui_console_run(const tui_opts_t *o)
{
    console_t *c = calloc(1, sizeof(*c));
    if (!c)
        return 3;
    c->o = *o;
    c->family = o->family;
    c->search.match = -1;
    c->tab = PANE_IFACES;
    setlocale(LC_ALL, "");
    pick_theme(c);
    load_keys(c);
    int rc = load_choices(c) == 0 ? 0 : 2;
    if (rc == 0 && c->o.demo && c->o.device && !demo_find(c->demos, c->n_demos, c->o.device)) {
        sanitize_fprintf(stderr, "erdiag: --demo: no scenario '%s' (erdiag --demo lists them)\n", c->o.device);
        rc = 2;
    }
    if (rc == 0 && (signals_install() != 0 || terminal_open(c) != 0))
        rc = 3;
    else if (rc == 0) {
        open_first(c);
        run_loop(c);
        endwin(); /* the terminal first: nothing after this is seen waiting */
        session_quit(c);
    }
    signals_restore();
    console_free(c);
    return rc;
}
