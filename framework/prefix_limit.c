/* prefix_limit.c: which prefix limit ended (or threatens) the session, and how it is known
 * (see prefix_limit.h). */
#include <stdio.h>
#include <string.h>
#include <strings.h>

#include "framework/peer_record.h"
#include "framework/peering_rules.h"
#include "framework/prefix_limit.h"

static bool has_ci(const char *hay, const char *needle)
{
    size_t n = strlen(needle);
    for (; *hay; hay++)
        if (!strncasecmp(hay, needle, n))
            return true;
    return false;
}

/* What the NOTIFICATION that ended the last session says. */
typedef struct {
    bool six_one;   /* Cease / Maximum Number of Prefixes Reached, by code or in words */
    bool cease_any; /* a Cease with no subcode shown (Junos) */
    bool pfxct;     /* IOS/FRR "Idle (PfxCt)": stopped by the CE's own limit */
    const char *dir;
} last_cease_t;

static void read_cease(const bgp_neighbor_t *nb, const bgp_peer_t *sum, last_cease_t *c)
{
    memset(c, 0, sizeof(*c));
    c->dir = "";
    c->pfxct = sum && has_ci(sum->raw_state, "PfxCt");
    if (!nb)
        return;
    c->dir = nb->notification_dir;
    c->six_one = nb->notification_code == 6 && nb->notification_subcode == 1;
    c->cease_any = nb->notification_code == 6 && nb->notification_subcode == MODEL_ABSENT;
    const char *const texts[] = {nb->last_reset_reason, nb->last_error};
    for (size_t i = 0; i < 2 && !c->six_one; i++)
        c->six_one = has_ci(texts[i], "prefix") &&
                     (has_ci(texts[i], "max") || has_ci(texts[i], "limit") || has_ci(texts[i], "exceed"));
}

/* The NOTIFICATION as it was seen: a platform that shows no subcode is not quoted as 6/1. */
static const char *cease_words(const last_cease_t *c)
{
    return c->six_one || c->pfxct ? "the Cease 6/1" : "a Cease (no subcode shown; the counts tell which)";
}

static int64_t first_set(int64_t a, int64_t b)
{
    return a != MODEL_ABSENT ? a : b;
}

static void counts(const evidence_t *ev, const bgp_neighbor_t *nb, const bgp_peer_t *sum, limit_view_t *v)
{
    const device_t *d = ev->device;
    const record_t *c = peer_record(&ev->facts[PROBE_BGP_CONFIG], d);
    v->received = first_set(nb ? nb->prefixes_received : MODEL_ABSENT, sum ? sum->prefixes_received : MODEL_ABSENT);
    v->max_prefixes = first_set(nb ? nb->max_prefixes : MODEL_ABSENT, c ? c->u.bgp_config.max_prefixes : MODEL_ABSENT);
    v->sent = nb ? nb->prefixes_sent : MODEL_ABSENT;
    const fact_t *adv = &ev->facts[PROBE_BGP_ADVERTISED];
    if (v->sent == MODEL_ABSENT && fact_usable(adv) && adv->kind == KIND_BGP_TABLE && !adv->partial)
        v->sent = (int64_t)adv->n_records; /* the advertised table, counted */
    v->limit = peering_route_limit(d);
    v->established = (nb && nb->state == BGP_STATE_ESTABLISHED) || (sum && sum->state == BGP_STATE_ESTABLISHED);
}

/* The CE's own maximum-prefix: tripped (it sent the Cease) or crossed by what Microsoft sends. */
static bool judge_local(const evidence_t *ev, const last_cease_t *c, limit_view_t *v)
{
    bool has_max = v->max_prefixes != MODEL_ABSENT;
    bool over = has_max && v->received != MODEL_ABSENT && v->received > v->max_prefixes;
    bool below_expected = has_max && v->max_prefixes < ev->device->n_expect_prefixes;
    bool sent = !strcmp(c->dir, "sent"), rcvd = !strcmp(c->dir, "received");
    /* Without a direction, a CE with no maximum-prefix of its own cannot have sent it. */
    v->tripped = c->pfxct || (c->six_one && (sent || (!rcvd && has_max))) || (c->cease_any && sent && has_max);
    if (!v->tripped && !over && !below_expected)
        return false;
    char max[48] = "", got[64] = "";
    if (has_max)
        snprintf(max, sizeof(max), " (maximum-prefix %lld)", (long long)v->max_prefixes);
    if (v->received != MODEL_ABSENT)
        snprintf(got, sizeof(got), "; %lld prefixes received", (long long)v->received);
    v->cause = "local_prefix_limit";
    v->verdict = v->tripped && v->established && !over && !below_expected ? VERDICT_WARN : VERDICT_FAIL;
    if (v->tripped)
        snprintf(v->words, sizeof(v->words), "the CE's own maximum-prefix limit%s tripped on what Microsoft sends: "
                 "the CE %s %s%s%s", max, c->pfxct ? "stopped the session (Idle (PfxCt)) and sent" : "sent",
                 cease_words(c), got, v->established ? "; the session is up again, and it trips again once Microsoft sends more" : "");
    else if (over)
        snprintf(v->words, sizeof(v->words), "%lld prefixes received from Microsoft, above the CE's own maximum-prefix "
                 "%lld: the CE tears the session down (it sends the Cease 6/1) unless the limit only warns",
                 (long long)v->received, (long long)v->max_prefixes);
    else
        snprintf(v->words, sizeof(v->words), "the CE's own maximum-prefix %lld is below the %d prefixes Microsoft is "
                 "expected to send: it trips (the CE sends the Cease 6/1) as soon as they arrive",
                 (long long)v->max_prefixes, ev->device->n_expect_prefixes);
    return true;
}

/* Microsoft's limit: it sent the Cease (received here), or the CE advertises more than it takes. */
static bool judge_microsoft(const evidence_t *ev, const last_cease_t *c, limit_view_t *v)
{
    bool over = v->sent != MODEL_ABSENT && v->sent > v->limit;
    bool sent = !strcmp(c->dir, "sent"), rcvd = !strcmp(c->dir, "received");
    v->tripped = (c->six_one && (rcvd || (!sent && v->max_prefixes == MODEL_ABSENT))) || (c->cease_any && rcvd && over);
    if (!v->tripped && !over)
        return false;
    char count[96];
    if (v->sent != MODEL_ABSENT)
        snprintf(count, sizeof(count), "%lld prefixes advertised, above", (long long)v->sent);
    else
        snprintf(count, sizeof(count), "the advertised count is not shown while the session is down; the limit is");
    v->cause = "route_limit";
    v->verdict = v->tripped && v->established && !over ? VERDICT_WARN : VERDICT_FAIL;
    if (v->tripped)
        snprintf(v->words, sizeof(v->words), "Microsoft dropped the session: %s %s, because the CE advertises more "
                 "prefixes than Microsoft accepts on %s (%s %d)",
                 rcvd ? "the CE received" : "nothing the CE configured can have sent", cease_words(c),
                 peering_limit_words(ev->device), count, v->limit);
    else
        snprintf(v->words, sizeof(v->words), "the CE advertises %lld prefixes to Microsoft, above the %d Microsoft "
                 "accepts on %s: Microsoft drops the session (the CE receives the Cease 6/1)", (long long)v->sent,
                 v->limit, peering_limit_words(ev->device));
    return true;
}

void limit_judge(const evidence_t *ev, limit_view_t *v)
{
    const record_t *n = peer_record(&ev->facts[PROBE_BGP_NEIGHBOR], ev->device);
    const record_t *s = peer_record(&ev->facts[PROBE_BGP_SUMMARY], ev->device);
    const bgp_neighbor_t *nb = n ? &n->u.neighbor : NULL;
    const bgp_peer_t *sum = s ? &s->u.peer : NULL;
    last_cease_t c;
    memset(v, 0, sizeof(*v));
    read_cease(nb, sum, &c);
    counts(ev, nb, sum, v);
    if (!judge_local(ev, &c, v) && !judge_microsoft(ev, &c, v)) {
        v->cause = NULL;
        v->tripped = false;
    }
}
