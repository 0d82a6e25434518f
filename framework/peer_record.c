/* peer_record.c: finding the circuit's peer among the records of one answer. */
#include <string.h>

#include "framework/peer_record.h"

static const char *rec_peer(const record_t *r, const char **vrf)
{
    switch (r->kind) {
    case KIND_BGP_NEIGHBORS: *vrf = r->u.neighbor.vrf; return r->u.neighbor.peer;
    case KIND_BGP_SUMMARY: *vrf = r->u.peer.vrf; return r->u.peer.peer;
    case KIND_BGP_CONFIG: *vrf = r->u.bgp_config.vrf; return r->u.bgp_config.peer;
    case KIND_BFD: *vrf = r->u.bfd.vrf; return r->u.bfd.peer;
    default: *vrf = ""; return NULL;
    }
}

static bool vrf_same(const char *want, const char *have)
{
    bool want_default = !want[0] || !strcmp(want, "default");
    bool have_default = !have[0] || !strcmp(have, "default") || !strcmp(have, "master");
    return want_default ? have_default : !strcmp(want, have);
}

const record_t *peer_record(const fact_t *f, const device_t *d)
{
    const record_t *any = NULL;
    if (!fact_usable(f) || !d->has_peer_ip)
        return NULL;
    for (size_t i = 0; i < f->n_records; i++) {
        const char *vrf;
        const char *p = rec_peer(&f->records[i], &vrf);
        ip_addr_t a;
        if (!p || !ip_parse(p, &a) || !ip_equal(&a, &d->peer_ip))
            continue;
        if (vrf_same(d->vrf, vrf))
            return &f->records[i];
        if (!any)
            any = &f->records[i];
    }
    return any;
}
