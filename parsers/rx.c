/* rx.c: lazily compiled, JIT-enabled PCRE2 patterns. */
#define PCRE2_CODE_UNIT_WIDTH 8
#include "parsers/rx.h"

#include <pcre2.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "parsers/textutil.h"

static pthread_mutex_t rx_compile_lock = PTHREAD_MUTEX_INITIALIZER;
static _Thread_local pcre2_match_data *rx_match_data;
/* The key only exists for its destructor: a worker thread's match data is freed when it exits. */
static pthread_key_t rx_match_key;
static pthread_once_t rx_match_once = PTHREAD_ONCE_INIT;

static void rx_match_data_free(void *md)
{
    pcre2_match_data_free(md);
}

static void rx_match_key_create(void)
{
    (void)pthread_key_create(&rx_match_key, rx_match_data_free);
}

static pcre2_code *rx_compile(rx_t *rx)
{
    pcre2_code *code = __atomic_load_n((pcre2_code **)&rx->code, __ATOMIC_ACQUIRE);
    if (code)
        return code;
    pthread_mutex_lock(&rx_compile_lock);
    code = rx->code;
    if (!code) {
        int err;
        PCRE2_SIZE off;
        code = pcre2_compile((PCRE2_SPTR)rx->pattern, PCRE2_ZERO_TERMINATED, rx->options, &err, &off, NULL);
        if (!code) {
            PCRE2_UCHAR msg[256];
            pcre2_get_error_message(err, msg, sizeof(msg));
            fprintf(stderr, "erdiag: bad built-in pattern at offset %zu: %s\n  %s\n", (size_t)off,
                    (char *)msg, rx->pattern);
            abort();
        }
        /* JIT is an optimisation: a build without it still matches, only slower. */
        (void)pcre2_jit_compile(code, PCRE2_JIT_COMPLETE);
        __atomic_store_n((pcre2_code **)&rx->code, code, __ATOMIC_RELEASE);
    }
    pthread_mutex_unlock(&rx_compile_lock);
    return code;
}

bool rx_match(rx_t *rx, const char *s, size_t len, rx_caps_t *caps)
{
    pcre2_code *code = rx_compile(rx);
    if (!rx_match_data) {
        rx_match_data = pcre2_match_data_create(RX_MAX_GROUPS, NULL);
        if (!rx_match_data)
            return false;
        pthread_once(&rx_match_once, rx_match_key_create);
        pthread_setspecific(rx_match_key, rx_match_data);
    }
    int rc = pcre2_match(code, (PCRE2_SPTR)s, len, 0, 0, rx_match_data, NULL);
    if (rc <= 0)
        return false;
    if (caps) {
        PCRE2_SIZE *ov = pcre2_get_ovector_pointer(rx_match_data);
        uint32_t pairs = pcre2_get_ovector_count(rx_match_data);
        if (pairs > RX_MAX_GROUPS)
            pairs = RX_MAX_GROUPS;
        caps->subject = s;
        caps->rx = rx;
        caps->count = (int)pairs;
        for (uint32_t i = 0; i < 2 * pairs; i++)
            caps->ov[i] = (i / 2 < (uint32_t)rc) ? ov[i] : PCRE2_UNSET;
    }
    return true;
}

bool rx_group(const rx_caps_t *c, int i, const char **s, size_t *len)
{
    if (i < 0 || i >= c->count || c->ov[2 * i] == PCRE2_UNSET)
        return false;
    *s = c->subject + c->ov[2 * i];
    *len = c->ov[2 * i + 1] - c->ov[2 * i];
    return true;
}

bool rx_named(const rx_caps_t *c, const char *name, const char **s, size_t *len)
{
    int n = pcre2_substring_number_from_name((const pcre2_code *)c->rx->code, (PCRE2_SPTR)name);
    if (n == PCRE2_ERROR_NOUNIQUESUBSTRING) {
        /* (?J) duplicate names: take the first one that matched. */
        PCRE2_SPTR first, last;
        int size = pcre2_substring_nametable_scan((const pcre2_code *)c->rx->code, (PCRE2_SPTR)name, &first, &last);
        for (PCRE2_SPTR e = first; size > 0 && e <= last; e += size) {
            int num = (e[0] << 8) | e[1];
            if (rx_group(c, num, s, len))
                return true;
        }
        return false;
    }
    return n > 0 && rx_group(c, n, s, len);
}

bool rx_copy(const rx_caps_t *c, const char *name, char *dst, size_t size)
{
    const char *s;
    size_t len;
    if (!rx_named(c, name, &s, &len))
        return false;
    tu_trim(&s, &len);
    if (len >= size)
        len = size - 1;
    memcpy(dst, s, len);
    dst[len] = '\0';
    return true;
}

int64_t rx_int(const rx_caps_t *c, const char *name)
{
    const char *s;
    size_t len;
    return rx_named(c, name, &s, &len) ? tu_int(s, len) : MODEL_ABSENT;
}

void rx_free(rx_t *rx)
{
    pcre2_code_free((pcre2_code *)rx->code);
    rx->code = NULL;
}

iface_t *rx_brief_iface(record_t *rec, const rx_caps_t *c)
{
    const char *s;
    size_t n;
    record_init(rec, KIND_INTERFACES);
    iface_t *f = &rec->u.iface;
    rx_copy(c, "name", f->name, sizeof(f->name));
    if (rx_named(c, "ip", &s, &n) && tu_prefix(s, n, true, f->ipv4[0], sizeof(f->ipv4[0])))
        f->n_ipv4 = 1;
    return f;
}
