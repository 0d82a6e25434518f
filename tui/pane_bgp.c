/* pane_bgp.c: the BGP neighbors of the summary (the circuit's peer marked '*'), then that peer
 * in detail: state and for how long, negotiated and configured timers, prefixes, the last
 * error and NOTIFICATION. */
#include <stdio.h>
#include <string.h>

#include "framework/peer_record.h"
#include "tui/draw.h"
#include "tui/fmt.h"
#include "tui/panes.h"

#define BGP_COLUMNS "%s%-18.18s %7s %-12.12s %9s %7s %7s"

static void summary_rows(const tui_view_t *v, rows_t *out)
{
    const fact_t *f = &v->ev->facts[PROBE_BGP_SUMMARY];
    const record_t *mine = peer_record(f, v->dev);
    rows_add(out, EL_PANE_TITLE, BGP_COLUMNS, " ", "Neighbor", "AS", "State", "Up/Down", "PfxRcd", "PfxAcc");
    for (size_t i = 0; i < f->n_records; i++) {
        const bgp_peer_t *p = &f->records[i].u.peer;
        if (f->records[i].kind != KIND_BGP_SUMMARY)
            continue;
        char as[24], up[24], rcd[24], acc[24];
        fmt_number(as, sizeof(as), p->remote_as);
        fmt_duration(up, sizeof(up), p->up_down);
        fmt_number(rcd, sizeof(rcd), p->prefixes_received);
        fmt_number(acc, sizeof(acc), p->prefixes_accepted);
        theme_element_t el = p->state == BGP_STATE_ESTABLISHED ? EL_PASS : EL_FAIL;
        rows_add(out, el, BGP_COLUMNS, &f->records[i] == mine ? "*" : " ", p->peer, as,
                 p->admin_down ? "Idle (admin)" : bgp_state_name(p->state), up, rcd, acc);
    }
}

static void timers(const bgp_neighbor_t *n, rows_t *out)
{
    char h[24], k[24], ch[24], ck[24];
    fmt_number(h, sizeof(h), n->hold_time);
    fmt_number(k, sizeof(k), n->keepalive);
    fmt_number(ch, sizeof(ch), n->cfg_hold_time);
    fmt_number(ck, sizeof(ck), n->cfg_keepalive);
    rows_add(out, EL_NORMAL, "  timers: hold %s keepalive %s negotiated, %s/%s configured (Microsoft: 180/60)", h, k, ch,
             ck);
}

static void neighbor_rows(const tui_view_t *v, rows_t *out)
{
    const record_t *r = peer_record(&v->ev->facts[PROBE_BGP_NEIGHBOR], v->dev);
    if (!r)
        return;
    const bgp_neighbor_t *n = &r->u.neighbor;
    char up[24], rcd[24], acc[24], sent[24];
    fmt_duration(up, sizeof(up), n->up_down);
    rows_add(out, EL_NORMAL, "%s", "");
    rows_add(out, EL_PANE_TITLE, "Peer %s (AS %lld)", n->peer, (long long)n->remote_as);
    rows_add(out, n->state == BGP_STATE_ESTABLISHED ? EL_PASS : EL_FAIL, "  state %s%s%s%s", bgp_state_name(n->state),
             n->admin_down ? " (admin down)" : "", n->up_down == MODEL_ABSENT ? "" : " for ",
             n->up_down == MODEL_ABSENT ? "" : up);
    timers(n, out);
    fmt_number(rcd, sizeof(rcd), n->prefixes_received);
    fmt_number(acc, sizeof(acc), n->prefixes_accepted);
    fmt_number(sent, sizeof(sent), n->prefixes_sent);
    rows_add(out, EL_NORMAL, "  prefixes: received %s, accepted %s, sent %s", rcd, acc, sent);
    if (n->notification_code != MODEL_ABSENT)
        rows_add(out, EL_WARN, "  last NOTIFICATION %lld/%lld %s", (long long)n->notification_code,
                 (long long)(n->notification_subcode == MODEL_ABSENT ? 0 : n->notification_subcode), n->notification_dir);
    if (n->last_error[0])
        rows_add(out, EL_WARN, "  last error: %s", n->last_error);
    if (n->last_reset_reason[0])
        rows_add(out, EL_NORMAL, "  last reset: %s", n->last_reset_reason);
}

void bgp_rows(const tui_view_t *v, rows_t *out)
{
    if (!v->ev || !v->dev)
        return;
    summary_rows(v, out);
    neighbor_rows(v, out);
}

void pane_bgp_draw(const tui_rect_t *r, const tui_view_t *v, tui_scroll_t *s, bool focus)
{
    draw_box(r, "BGP neighbors", focus);
    tui_rect_t in = draw_inner(r);
    rows_t rows;
    rows_init(&rows);
    bgp_rows(v, &rows);
    if (rows.n <= 1) {
        const engine_job_t *j = view_job(v, PROBE_BGP_SUMMARY);
        rows_add(&rows, EL_DIM, "  %s", j && j->asked ? "waiting for the answer" : "no BGP answer");
    }
    rows_draw(&rows, &in, s, false);
    rows_free(&rows);
}
