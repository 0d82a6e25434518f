/* tty.c: questions only a person at the terminal may answer (host keys, passwords), and how
 * wide that terminal is. */
#include "cli/tty.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <termios.h>
#include <unistd.h>

#include "core/sanitize.h"

/* Unknown host keys need a person's yes, on the terminal, never by default. */
hostkey_answer_t cli_confirm_hostkey(void *ud, const char *host, const char *fingerprint)
{
    (void)ud;
    FILE *tty = fopen("/dev/tty", "r+");
    if (!tty)
        return HOSTKEY_REFUSE;
    sanitize_fprintf(tty, "The host key of %s is not known.\nFingerprint: %s\nAccept and save it? [y/N] ", host,
                     fingerprint);
    fflush(tty);
    char answer[16] = "";
    bool yes = fgets(answer, sizeof(answer), tty) && (answer[0] == 'y' || answer[0] == 'Y');
    fclose(tty);
    return yes ? HOSTKEY_ACCEPT_SAVE : HOSTKEY_REFUSE;
}

int cli_ask_secret(void *ud, const char *prompt, bool echo, char *buf, size_t size)
{
    (void)ud;
    FILE *tty = fopen("/dev/tty", "r+");
    if (!tty)
        return -1;
    struct termios old, quiet;
    int fd = fileno(tty);
    bool restore = !echo && tcgetattr(fd, &old) == 0;
    if (restore) {
        quiet = old;
        quiet.c_lflag &= ~(tcflag_t)ECHO;
        tcsetattr(fd, TCSAFLUSH, &quiet);
    }
    sanitize_fprintf(tty, "%s", prompt); /* the device chose this text */
    fflush(tty);
    int rc = fgets(buf, (int)size, tty) ? 0 : -1;
    if (restore) {
        tcsetattr(fd, TCSAFLUSH, &old);
        fputc('\n', tty);
    }
    fclose(tty);
    buf[strcspn(buf, "\r\n")] = '\0';
    return rc;
}

int cli_width(int fd, int not_tty)
{
    if (!isatty(fd))
        return not_tty;
    struct winsize ws;
    if (ioctl(fd, TIOCGWINSZ, &ws) == 0 && ws.ws_col > 0)
        return ws.ws_col;
    const char *env = getenv("COLUMNS");
    char *end;
    long cols = env ? strtol(env, &end, 10) : 0;
    return env && *env && !*end && cols > 0 && cols < 10000 ? (int)cols : 80;
}
