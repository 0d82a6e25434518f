/* spawn.c: a helper program run with posix_spawn and an argument vector: nothing in an
 * inventory value ever reaches a shell, and the helper sees only the environment it needs
 * (not erdiag's whole environment, which may hold tokens of other tools). */
#include "probes/spawn.h"

#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <spawn.h>
#include <stdio.h>
#include <string.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "core/clock.h"

extern char **environ;

const char *const spawn_env_names[] = {
    "PATH", "HOME", "USER", "LOGNAME", "LANG", "LC_ALL", "LC_CTYPE", "LC_MESSAGES", "TERM", "TMPDIR",
    /* password managers (pass, gopass, gpg, 1Password/Bitwarden CLIs, secret-tool) and their agents */
    "GNUPGHOME", "GPG_TTY", "PASSWORD_STORE_DIR", "XDG_RUNTIME_DIR", "XDG_CONFIG_HOME", "XDG_DATA_HOME",
    "DBUS_SESSION_BUS_ADDRESS", "SSH_AUTH_SOCK", "DISPLAY", "WAYLAND_DISPLAY", NULL,
};

#define ENV_MAX 32

/* Pointers into environ ("NAME=value") for the allowed names; PATH gets a default. */
static void minimal_env(char *env[ENV_MAX])
{
    size_t n = 0;
    bool have_path = false;
    for (size_t i = 0; spawn_env_names[i] && n + 2 < ENV_MAX; i++) {
        size_t len = strlen(spawn_env_names[i]);
        for (char **e = environ; e && *e; e++) {
            if (strncmp(*e, spawn_env_names[i], len) == 0 && (*e)[len] == '=') {
                env[n++] = *e;
                have_path |= i == 0;
                break;
            }
        }
    }
    if (!have_path)
        env[n++] = (char *)"PATH=/usr/bin:/bin";
    env[n] = NULL;
}

/* Signals erdiag may ignore (and a child would inherit ignored) are reset to their defaults. */
static void child_attrs(posix_spawnattr_t *at)
{
    static const int reset[] = {SIGPIPE, SIGINT, SIGQUIT, SIGHUP, SIGTERM, SIGCHLD, SIGTSTP, SIGTTIN, SIGTTOU};
    sigset_t none, dfl;
    sigemptyset(&none);
    sigemptyset(&dfl);
    for (size_t i = 0; i < sizeof(reset) / sizeof(reset[0]); i++)
        sigaddset(&dfl, reset[i]);
    posix_spawnattr_init(at);
    posix_spawnattr_setsigmask(at, &none);
    posix_spawnattr_setsigdefault(at, &dfl);
    posix_spawnattr_setflags(at, POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF);
}

/* Starts the program with stdout on a pipe whose read end is *fd.  Returns its pid or -1. */
static pid_t start(char *const argv[], const spawn_opts_t *o, int *fd, char *err, size_t errlen)
{
    int p[2];
    if (pipe2(p, O_CLOEXEC) != 0) { /* close-on-exec: a helper started by another thread never inherits it */
        snprintf(err, errlen, "pipe: %s", strerror(errno));
        return -1;
    }
    posix_spawn_file_actions_t fa;
    posix_spawnattr_t at;
    posix_spawn_file_actions_init(&fa);
    posix_spawn_file_actions_addopen(&fa, 0, "/dev/null", O_RDONLY, 0);
    posix_spawn_file_actions_adddup2(&fa, p[1], 1);
    if (o->quiet_stderr)
        posix_spawn_file_actions_addopen(&fa, 2, "/dev/null", O_WRONLY, 0);
    child_attrs(&at);
    char *env[ENV_MAX];
    minimal_env(env);
    pid_t pid;
    int rc = posix_spawnp(&pid, argv[0], &fa, &at, argv, env);
    posix_spawn_file_actions_destroy(&fa);
    posix_spawnattr_destroy(&at);
    close(p[1]);
    if (rc != 0) {
        close(p[0]);
        snprintf(err, errlen, "%.200s: %s", argv[0], strerror(rc));
        return -1;
    }
    *fd = p[0];
    return pid;
}

/* Reads stdout to EOF.  0, or -1 (timed out, too much output, read error) with err. */
static int read_output(int fd, double deadline, char *out, size_t size, size_t *len, char *err, size_t errlen)
{
    *len = 0;
    for (;;) {
        double left = deadline - clock_now_s();
        if (left <= 0) {
            snprintf(err, errlen, "no answer in time");
            return -1;
        }
        struct pollfd p = {.fd = fd, .events = POLLIN};
        int r = poll(&p, 1, (int)(left * 1000) + 1);
        if (r <= 0) {
            if (r < 0 && errno != EINTR) {
                snprintf(err, errlen, "poll: %s", strerror(errno));
                return -1;
            }
            continue;
        }
        char spare;
        bool full = *len + 1 >= size;
        ssize_t n = full ? read(fd, &spare, 1) : read(fd, out + *len, size - 1 - *len);
        if (n == 0)
            break;
        if (n < 0 && errno == EINTR)
            continue;
        if (n < 0) {
            snprintf(err, errlen, "read: %s", strerror(errno));
            return -1;
        }
        if (full) {
            snprintf(err, errlen, "printed more than %zu bytes", size - 1);
            return -1;
        }
        *len += (size_t)n;
    }
    out[*len] = '\0';
    return 0;
}

/* Reaps the child, killing it at the deadline.  Its wait status, or -1. */
static int reap(pid_t pid, double deadline, bool kill_now)
{
    int status;
    if (kill_now)
        kill(pid, SIGKILL);
    for (;;) {
        pid_t r = waitpid(pid, &status, kill_now ? 0 : WNOHANG);
        if (r == pid)
            return kill_now ? -1 : status;
        if (r < 0 && errno != EINTR)
            return -1;
        if (r == 0 && clock_now_s() >= deadline) {
            kill(pid, SIGKILL);
            kill_now = true;
        } else if (r == 0) {
            nanosleep(&(struct timespec){.tv_nsec = 5 * 1000 * 1000}, NULL);
        }
    }
}

int spawn_capture(char *const argv[], const spawn_opts_t *opts, char *out, size_t out_size, size_t *out_len, char *err,
                  size_t errlen)
{
    int fd;
    char why[128];
    double deadline = clock_now_s() + opts->timeout_s;
    *out_len = 0;
    if (out_size == 0) {
        snprintf(err, errlen, "no room for the output");
        return -1;
    }
    pid_t pid = start(argv, opts, &fd, err, errlen);
    if (pid < 0)
        return -1;
    int rc = read_output(fd, deadline, out, out_size, out_len, why, sizeof(why));
    close(fd);
    int status = reap(pid, deadline, rc != 0);
    if (rc == 0 && (status == -1 || !WIFEXITED(status)))
        snprintf(why, sizeof(why), "%s", status == -1 ? "no answer in time" : "killed by a signal");
    if (rc != 0 || status == -1 || !WIFEXITED(status)) {
        snprintf(err, errlen, "%.200s: %s", argv[0], why);
        return -1;
    }
    return WEXITSTATUS(status);
}
