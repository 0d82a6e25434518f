/* console_tcp.c: the console host's own connect test to the peer's TCP 179, in a thread of its
 * own so that its up to three seconds never hold the caller (the console's keys).  On replay
 * the recorded outcome is read from DIR/tcp_console.txt instead, at once. */
#include <stdio.h>
#include <string.h>

#include "engine/internal.h"

#define CONSOLE_TCP_TIMEOUT_MS 3000

const char *console_tcp_file(const engine_t *e)
{
    return e->dev && e->dev->family == FAMILY_IPV6 ? "tcp_console_v6.txt" : "tcp_console.txt";
}

/* Replay: DIR/tcp_console.txt (tcp_console_v6.txt for the IPv6 peer) holds the recorded
 * outcome, one word (a journal: its entry). */
static void replayed_tcp(engine_t *e)
{
    char path[1200], word[32] = "";
    bool got = false;
    snprintf(path, sizeof(path), "%s/%s", e->o.replay, console_tcp_file(e));
    if (e->source) {
        const char *w = journal_source_console_tcp(e->source);
        if (!w)
            return;
        got = snprintf(word, sizeof(word), "%s", w) > 0;
        snprintf(path, sizeof(path), "%s", e->o.replay);
    } else {
        FILE *f = fopen(path, "r");
        if (!f)
            return;
        got = fscanf(f, "%31s", word) == 1;
        fclose(f);
    }
    for (int r = TCP_OPEN; got && r <= TCP_ERROR; r++) {
        if (strcmp(word, tcp_result_name((tcp_result_t)r)) == 0) {
            e->ev.has_console_tcp = true;
            e->ev.console_tcp.result = (tcp_result_t)r;
            snprintf(e->ev.console_tcp.message, sizeof(e->ev.console_tcp.message), "replayed from %.120s",
                     e->source ? "the journal" : console_tcp_file(e));
        }
    }
    if (!e->ev.has_console_tcp)
        engine_warn(e, "%s: not one of open|refused|timeout|unreachable", path);
}

static void *tcp_thread(void *arg)
{
    engine_t *e = arg;
    tcp_probe_t out;
    tcp_probe(e->tcp.peer, 179, CONSOLE_TCP_TIMEOUT_MS, &out);
    pthread_mutex_lock(&e->tcp.lock);
    e->tcp.result = out;
    e->tcp.finished = true;
    pthread_mutex_unlock(&e->tcp.lock);
    engine_wake(e);
    return NULL;
}

static void tell(engine_t *e)
{
    char peer[ADDR_LEN], text[400];
    if (!e->ev.has_console_tcp)
        return;
    ip_to_string(&e->dev->peer_ip, peer, sizeof(peer));
    snprintf(text, sizeof(text), "console TCP to %s port 179: %s (%s)", peer,
             tcp_result_name(e->ev.console_tcp.result), e->ev.console_tcp.message);
    engine_emit(e, ENGINE_EV_CONSOLE_TCP, NULL, 0, NULL, text);
}

void console_tcp_start(engine_t *e)
{
    if (!e->tcp_wanted || e->tcp.running)
        return;
    if (e->o.replay) {
        replayed_tcp(e);
        tell(e);
        return;
    }
    ip_to_string(&e->dev->peer_ip, e->tcp.peer, sizeof(e->tcp.peer));
    e->tcp.finished = false;
    if (pthread_create(&e->tcp.thread, NULL, tcp_thread, e) != 0) {
        engine_warn(e, "cannot start the console's TCP test: out of threads");
        return;
    }
    e->tcp.running = true;
}

bool console_tcp_pending(const engine_t *e)
{
    return e->tcp.running;
}

void console_tcp_join(engine_t *e)
{
    if (!e->tcp.running)
        return;
    pthread_join(e->tcp.thread, NULL);
    e->tcp.running = false;
}

/* True when a finished test was taken into the evidence. */
bool console_tcp_collect(engine_t *e)
{
    if (!e->tcp.running)
        return false;
    pthread_mutex_lock(&e->tcp.lock);
    bool done = e->tcp.finished;
    pthread_mutex_unlock(&e->tcp.lock);
    if (!done)
        return false;
    console_tcp_join(e);
    e->ev.has_console_tcp = true;
    e->ev.console_tcp = e->tcp.result;
    tell(e);
    return true;
}
