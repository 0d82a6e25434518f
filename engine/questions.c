/* questions.c: what a device's worker thread must ask the person (an unknown host key, a
 * password) becomes a question the engine's client answers, after tmux's commands that wait
 * for a person: the worker waits on a condition variable, the client's loop wakes on the
 * engine's fd, shows the question its own way (a terminal prompt, a dialog) and answers.  One
 * question is open at a time; a second worker waits its turn. */
#include <stdio.h>
#include <string.h>

#include "core/clock.h"
#include "engine/internal.h"

void questions_init(questions_t *qs)
{
    pthread_mutex_init(&qs->lock, NULL);
    pthread_cond_init(&qs->changed, NULL);
    qs->next_id = 1;
}

/* Refuses whatever is open or to come: the engine is going away. */
void questions_close(questions_t *qs)
{
    pthread_mutex_lock(&qs->lock);
    qs->closing = true;
    pthread_cond_broadcast(&qs->changed);
    pthread_mutex_unlock(&qs->lock);
}

/* Opens q (under the lock) once no other question is open; false when the engine closes. */
static bool open_question(engine_t *e, engine_question_t *q)
{
    questions_t *qs = &e->questions;
    while (qs->open && !qs->closing)
        pthread_cond_wait(&qs->changed, &qs->lock);
    if (qs->closing)
        return false;
    q->id = qs->next_id++;
    qs->q = *q;
    qs->open = true;
    qs->answered = false;
    qs->opened_at = clock_now_s();
    engine_wake(e);
    while (!qs->answered && !qs->closing)
        pthread_cond_wait(&qs->changed, &qs->lock);
    return qs->answered;
}

/* The worker has its answer: the next question may open. */
static void close_question(questions_t *qs)
{
    qs->open = false;
    qs->answered = false;
    pthread_cond_broadcast(&qs->changed);
}

static void name_device(engine_question_t *q, const engine_t *e, const char *host)
{
    const device_t *d = e->rev_dev && strcmp(e->rev_dev->host, host) == 0 ? e->rev_dev : e->dev;
    snprintf(q->device, sizeof(q->device), "%s", d ? d->name : "");
    snprintf(q->host, sizeof(q->host), "%s", host);
}

hostkey_answer_t questions_hostkey(void *ud, const char *host, const char *fingerprint)
{
    engine_t *e = ud;
    engine_question_t q = {.kind = ENGINE_Q_HOSTKEY};
    name_device(&q, e, host);
    snprintf(q.fingerprint, sizeof(q.fingerprint), "%s", fingerprint);
    pthread_mutex_lock(&e->questions.lock);
    hostkey_answer_t a = open_question(e, &q) ? e->questions.hostkey : HOSTKEY_REFUSE;
    close_question(&e->questions);
    pthread_mutex_unlock(&e->questions.lock);
    return a;
}

int questions_secret(void *ud, const char *prompt, bool echo, char *buf, size_t size)
{
    engine_t *e = ud;
    questions_t *qs = &e->questions;
    engine_question_t q = {.kind = ENGINE_Q_SECRET, .echo = echo};
    name_device(&q, e, e->dev ? e->dev->host : "");
    snprintf(q.prompt, sizeof(q.prompt), "%s", prompt);
    pthread_mutex_lock(&qs->lock);
    int rc = open_question(e, &q) && qs->secret_given ? 0 : -1;
    if (rc == 0)
        snprintf(buf, size, "%s", qs->secret);
    memset(qs->secret, 0, sizeof(qs->secret));
    qs->secret_given = false;
    close_question(qs);
    pthread_mutex_unlock(&qs->lock);
    return rc;
}

const engine_question_t *engine_question(const engine_t *e)
{
    /* Read on the caller's thread: the worker does not touch q until it is answered. */
    questions_t *qs = (questions_t *)&e->questions;
    pthread_mutex_lock(&qs->lock);
    bool open = qs->open && !qs->answered;
    pthread_mutex_unlock(&qs->lock);
    return open ? &qs->q : NULL;
}

/* Marks question id answered; the time it was open does not count against the deadline. */
static bool answer(engine_t *e, uint64_t id)
{
    questions_t *qs = &e->questions;
    if (!qs->open || qs->answered || qs->q.id != id)
        return false;
    qs->answered = true;
    e->deadline += clock_now_s() - qs->opened_at;
    pthread_cond_broadcast(&qs->changed);
    return true;
}

void engine_answer_hostkey(engine_t *e, uint64_t id, hostkey_answer_t a)
{
    pthread_mutex_lock(&e->questions.lock);
    e->questions.hostkey = a;
    bool taken = answer(e, id);
    pthread_mutex_unlock(&e->questions.lock);
    if (taken)
        jevents_answered(e, id, a == HOSTKEY_ACCEPT_SAVE ? "always" : a == HOSTKEY_ACCEPT_ONCE ? "once" : "refuse");
}

void engine_answer_secret(engine_t *e, uint64_t id, const char *text)
{
    questions_t *qs = &e->questions;
    pthread_mutex_lock(&qs->lock);
    qs->secret_given = text != NULL;
    snprintf(qs->secret, sizeof(qs->secret), "%s", text ? text : "");
    bool taken = answer(e, id);
    if (!taken) {
        memset(qs->secret, 0, sizeof(qs->secret));
        qs->secret_given = false;
    }
    pthread_mutex_unlock(&qs->lock);
    if (taken)
        jevents_answered(e, id, text ? "given" : "refused");
}

void engine_refuse_question(engine_t *e)
{
    const engine_question_t *q = engine_question(e);
    if (q && q->kind == ENGINE_Q_HOSTKEY)
        engine_answer_hostkey(e, q->id, HOSTKEY_REFUSE);
    else if (q)
        engine_answer_secret(e, q->id, NULL);
}
