/* md5_judge.c: which side of the session has a TCP MD5 key (see md5_judge.h). */
#include <stdio.h>
#include <string.h>

#include "framework/md5_judge.h"
#include "framework/peer_record.h"

/* The CE's key: a complete configuration that does not mention one has none; a configuration
 * cut short or silent on it leaves the neighbor's detail to say. */
static void our_key(const evidence_t *ev, md5_view_t *v)
{
    const fact_t *cf = &ev->facts[PROBE_BGP_CONFIG], *nf = &ev->facts[PROBE_BGP_NEIGHBOR];
    const record_t *c = peer_record(cf, ev->device), *n = peer_record(nf, ev->device);
    v->ours = TRI_ABSENT;
    if (c && (c->u.bgp_config.md5 == TRI_TRUE || !cf->partial)) {
        v->ours = c->u.bgp_config.md5 == TRI_TRUE ? TRI_TRUE : TRI_FALSE;
        v->ours_src = cf;
    } else if (n && n->u.neighbor.md5 != TRI_ABSENT) {
        v->ours = n->u.neighbor.md5;
        v->ours_src = nf;
    }
}

/* The first log line naming the peer and one of words; true when found. */
static bool log_line(const fact_t *f, const char *peer, const char *const *words, evidence_ref_t *out)
{
    for (int i = 0; words[i]; i++) {
        const char *needles[] = {peer, words[i], NULL};
        if (fact_find_line(f, needles, out->line, sizeof(out->line))) {
            out->journal_id = f->journal_id;
            snprintf(out->command, sizeof(out->command), "%s", f->command);
            return true;
        }
    }
    return false;
}

/* The CE's log about the peer's segments: false (nothing), else *missing tells "the peer sends
 * no digest" (IOS "No MD5 digest", Junos "missing MD5") from "a digest that does not match". */
static bool read_log(const evidence_t *ev, const char *peer, evidence_ref_t *out, bool *missing)
{
    static const char *const absent[] = {"No MD5 digest", "missing MD5", "MD5 digest missing", NULL};
    static const char *const generic[] = {"Invalid MD5", "wrong MD5", "BADAUTH", "MD5", "md5", "authentication", NULL};
    const fact_t *f = &ev->facts[PROBE_LOG_AUTH];
    if (!fact_usable(f))
        return false;
    *missing = log_line(f, peer, absent, out);
    return *missing || log_line(f, peer, generic, out);
}

void md5_judge(const evidence_t *ev, md5_view_t *v)
{
    char peer[ADDR_LEN] = "";
    bool missing = false;
    memset(v, 0, sizeof(*v));
    if (ev->device->has_peer_ip)
        ip_to_string(&ev->device->peer_ip, peer, sizeof(peer));
    our_key(ev, v);
    v->logged = peer[0] && read_log(ev, peer, &v->log, &missing);
    if (v->ours == TRI_ABSENT) {
        v->state = MD5_UNKNOWN;
    } else if (v->ours == TRI_FALSE) {
        /* Without a key the CE checks no digest, so its log says nothing about the peer's key. */
        v->state = ev->device->md5_expected ? MD5_OURS_MISSING : MD5_AGREE;
    } else if (v->logged) {
        v->state = missing ? MD5_THEIRS_MISSING : MD5_DIFFER;
        v->by_log = true;
    } else {
        v->state = ev->device->md5_expected ? MD5_AGREE : MD5_THEIRS_MISSING;
    }
}

const char *md5_cause(const md5_view_t *v)
{
    switch (v->state) {
    case MD5_OURS_MISSING:
    case MD5_THEIRS_MISSING: return "md5_missing";
    case MD5_DIFFER: return "md5_mismatch";
    default: return NULL;
    }
}

void md5_words(const md5_view_t *v, const char *peer, char *buf, size_t size)
{
    switch (v->state) {
    case MD5_OURS_MISSING:
        snprintf(buf, size, "the CE has no MD5 key for %s, but the peering has a shared key (inventory md5 = yes)", peer);
        break;
    case MD5_THEIRS_MISSING:
        if (v->by_log)
            snprintf(buf, size, "the CE has an MD5 key for %s, but the log shows segments from %s without an MD5 "
                     "digest: the peering has no shared key", peer, peer);
        else
            snprintf(buf, size, "the CE has an MD5 key for %s, but the peering has no shared key (inventory md5 = no)",
                     peer);
        break;
    case MD5_DIFFER:
        snprintf(buf, size, "both sides have an MD5 key for %s, but they differ: the log shows authentication "
                 "failures from %s", peer, peer);
        break;
    default:
        buf[0] = '\0';
    }
}
