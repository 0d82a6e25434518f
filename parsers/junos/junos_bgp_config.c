/* junos_bgp_config.c: Junos "show configuration protocols bgp [| display set]" (and the
 * same statements inside a whole configuration or a routing instance).
 *
 *   group MSEE {
 *       type external;
 *       peer-as 12076;
 *       neighbor 192.168.100.130 {
 *           authentication-key "$9$..."; ## SECRET-DATA
 *           hold-time 180;
 *           bfd-liveness-detection { minimum-interval 300; }
 *           import IMPORT-FROM-MS;
 *           family inet { unicast { prefix-limit { maximum 4000; } } }
 *       }
 *   }
 *   set protocols bgp group MSEE neighbor 192.168.100.130 peer-as 12076
 *
 * One record per neighbor; a neighbor inherits what its group and the bgp level set.  The
 * local AS is the local-as statement, else routing-options autonomous-system when present.
 * Secrets are never copied: an authentication key only sets md5. */
#include <string.h>

#include "parsers/junos/junos.h"
#include "parsers/textutil.h"

static void settings_init(bgp_config_neighbor_t *c)
{
    record_t r;
    record_init(&r, KIND_BGP_CONFIG);
    *c = r.u.bgp_config;
}

#define INHERIT_INT(f) out->f = n->f != MODEL_ABSENT ? n->f : g->f != MODEL_ABSENT ? g->f : b->f
#define INHERIT_TRI(f) out->f = n->f != TRI_ABSENT ? n->f : g->f != TRI_ABSENT ? g->f : b->f
#define INHERIT_STR(f) FIELD_SET(out->f, n->f[0] ? n->f : g->f[0] ? g->f : b->f, -1)

static int emit(parse_run_t *run, junos_bgp_config_state_t *st)
{
    if (!st->open)
        return 0;
    st->open = false;
    record_t rec;
    record_init(&rec, KIND_BGP_CONFIG);
    bgp_config_neighbor_t *out = &rec.u.bgp_config;
    const bgp_config_neighbor_t *n = &st->nbr, *g = &st->grp, *b = &st->global;
    INHERIT_INT(remote_as);
    INHERIT_INT(local_as);
    INHERIT_INT(keepalive);
    INHERIT_INT(hold_time);
    INHERIT_INT(max_prefixes);
    INHERIT_INT(ebgp_multihop);
    INHERIT_TRI(md5);
    INHERIT_TRI(bfd);
    INHERIT_TRI(shutdown);
    INHERIT_STR(description);
    INHERIT_STR(inbound_policy);
    INHERIT_STR(outbound_policy);
    INHERIT_STR(update_source);
    FIELD_SET(out->peer, st->peer, -1);
    FIELD_SET(out->peer_group, st->group, -1);
    FIELD_SET(out->vrf, st->vrf[0] ? st->vrf : "default", -1);
    bool in_inst = st->vrf[0] && !strcmp(st->inst_vrf, st->vrf);
    if (out->local_as == MODEL_ABSENT)
        out->local_as = in_inst && st->inst_as != MODEL_ABSENT ? st->inst_as : st->master_as;
    FIELD_SET(out->router_id, in_inst && st->inst_rid[0] ? st->inst_rid : st->master_rid, -1);
    return parse_emit(run, &rec);
}

/* One statement at the level it was written. */
static void apply(bgp_config_neighbor_t *c, char (*t)[JC_TOK_LEN], int i, int n)
{
    if (i >= n)
        return;
    const char *w = t[i];
    const char *v = i + 1 < n ? t[i + 1] : "";
    if (!strcmp(w, "peer-as"))
        c->remote_as = tu_asn(v, strlen(v));
    else if (!strcmp(w, "local-as"))
        c->local_as = tu_asn(v, strlen(v));
    else if (!strcmp(w, "description"))
        junos_cfg_join(t, i + 1, n, c->description, sizeof(c->description));
    else if (!strncmp(w, "authentication-key", 18))
        c->md5 = TRI_TRUE; /* the key itself is a secret: never copied */
    else if (!strncmp(w, "bfd-liveness-detection", 22))
        c->bfd = TRI_TRUE;
    else if (!strcmp(w, "hold-time"))
        c->hold_time = tu_int(v, strlen(v));
    else if (!strcmp(w, "import"))
        junos_cfg_join(t, i + 1, n, c->inbound_policy, sizeof(c->inbound_policy));
    else if (!strcmp(w, "export"))
        junos_cfg_join(t, i + 1, n, c->outbound_policy, sizeof(c->outbound_policy));
    else if (!strcmp(w, "local-address"))
        FIELD_SET(c->update_source, v, -1);
    else if (!strcmp(w, "shutdown"))
        c->shutdown = TRI_TRUE;
    else if (!strcmp(w, "multihop"))
        c->ebgp_multihop = i + 2 < n && !strcmp(v, "ttl") ? tu_int(t[i + 2], strlen(t[i + 2])) : 64;
    else if (!strcmp(w, "family")) {
        /* family inet unicast prefix-limit maximum N (or accepted-prefix-limit) */
        for (int k = i + 1; k + 1 < n; k++)
            if (!strcmp(t[k], "maximum") && (!strcmp(t[k - 1], "prefix-limit") || !strcmp(t[k - 1], "accepted-prefix-limit")))
                c->max_prefixes = tu_int(t[k + 1], strlen(t[k + 1]));
    }
}

static void routing_options(junos_bgp_config_state_t *st, char (*t)[JC_TOK_LEN], int i, int n, const char *vrf)
{
    if (i + 1 >= n)
        return;
    bool inst = vrf[0] != '\0';
    if (inst && strcmp(st->inst_vrf, vrf)) {
        FIELD_SET(st->inst_vrf, vrf, -1);
        st->inst_as = MODEL_ABSENT;
        st->inst_rid[0] = '\0';
    }
    if (!strcmp(t[i], "autonomous-system"))
        *(inst ? &st->inst_as : &st->master_as) = tu_asn(t[i + 1], strlen(t[i + 1]));
    else if (!strcmp(t[i], "router-id")) {
        if (inst)
            FIELD_SET(st->inst_rid, t[i + 1], -1);
        else
            FIELD_SET(st->master_rid, t[i + 1], -1);
    }
}

static int leaf(parse_run_t *run, void *state, char (*t)[JC_TOK_LEN], int n, int inactive_at, bool opening)
{
    junos_bgp_config_state_t *st = state;
    int i = 0;
    char vrf[NAME_LEN] = "";
    if (n >= 2 && !strcmp(t[0], "routing-instances")) {
        FIELD_SET(vrf, t[1], -1);
        i = 2;
    }
    if (i < n && !strcmp(t[i], "routing-options")) {
        routing_options(st, t, i + 1, n, vrf);
        return 0;
    }
    if (i + 1 >= n || strcmp(t[i], "protocols") || strcmp(t[i + 1], "bgp"))
        return 0; /* another part of the configuration */
    i += 2;
    const char *group = "", *peer = "";
    int bgp_at = i - 2, group_at = -1, peer_at = -1;
    if (i + 1 < n && !strcmp(t[i], "group")) {
        group = t[i + 1];
        group_at = i;
        i += 2;
    }
    if (i + 1 < n && !strcmp(t[i], "neighbor")) {
        peer = t[i + 1];
        peer_at = i;
        i += 2;
    }
    /* A deactivated bgp, group or neighbor shuts its neighbors; anything deactivated deeper
     * (a bfd block, one statement) simply does not apply. */
    bool off = inactive_at >= 0 && inactive_at <= (peer_at >= 0 ? peer_at + 1 : group_at >= 0 ? group_at + 1 : bgp_at + 1);
    if (inactive_at >= 0 && !off)
        return 0;
    /* A statement outside the open neighbor ends it; a new group or instance resets. */
    bool same_ctx = !strcmp(st->vrf, vrf) && !strcmp(st->group, group);
    if (st->open && (!same_ctx || strcmp(st->peer, peer)) && emit(run, st))
        return -1;
    if (strcmp(st->vrf, vrf)) {
        settings_init(&st->global);
        FIELD_SET(st->vrf, vrf, -1);
    }
    if (!same_ctx || (!group[0] && !peer[0])) {
        if (strcmp(st->group, group))
            settings_init(&st->grp);
        FIELD_SET(st->group, group, -1);
    }
    bgp_config_neighbor_t *level = peer[0] ? &st->nbr : group[0] ? &st->grp : &st->global;
    if (peer[0] && !st->open) {
        parse_begin_block(run); /* the neighbor's statements until it is emitted */
        settings_init(&st->nbr);
        FIELD_SET(st->peer, peer, -1);
        st->open = true;
    }
    if (off)
        level->shutdown = TRI_TRUE;
    if (opening && i >= n)
        return 0; /* "neighbor X {": its statements follow */
    apply(level, t, i, n);
    if (peer[0] && i >= n && !opening)
        return emit(run, st); /* "neighbor X;" has no block */
    return 0;
}

static int close_block(parse_run_t *run, void *state, char (*t)[JC_TOK_LEN], int n)
{
    junos_bgp_config_state_t *st = state;
    if (n >= 2 && (!strcmp(t[n - 2], "neighbor") || !strcmp(t[n - 2], "group")))
        return emit(run, st);
    return 0;
}

static const junos_cfg_ops_t ops = {leaf, close_block};

int junos_bgp_config_line(parse_run_t *run, void *state, const char *line, size_t len)
{
    junos_bgp_config_state_t *st = state;
    if (!st->path.based) {
        settings_init(&st->global);
        settings_init(&st->grp);
        settings_init(&st->nbr);
        st->master_as = st->inst_as = MODEL_ABSENT;
    }
    return junos_cfg_line(run, &st->path, line, len, &ops, st);
}

int junos_bgp_config_finish(parse_run_t *run, void *state)
{
    junos_bgp_config_state_t *st = state;
    if (st->path.depth > st->path.base_depth)
        parse_truncated(run, "configuration cut inside a block");
    return emit(run, st);
}
