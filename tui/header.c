/* header.c: the console's top line: which device and circuit, the session's state, how long
 * since the last answer, the probes in flight (spinner, and the slowest one's seconds, so a
 * stalled device shows itself), and the overall status. */
#include <stdio.h>
#include <string.h>

#include "core/inventory.h"
#include "framework/peer_record.h"
#include "tui/draw.h"
#include "tui/panes.h"

static bool any_waiting(const tui_view_t *v)
{
    for (int i = 0; i < RUNBOOK_MAX_STEPS; i++)
        if (v->waiting[i])
            return true;
    return false;
}

const char *header_status(const tui_view_t *v, theme_element_t *el)
{
    const char *s = v->result ? v->result->status : v->failure ? "UNKNOWN" : "...";
    if (strcmp(s, "UNKNOWN") == 0 && !v->failure && any_waiting(v)) {
        *el = EL_WAITING; /* not judged yet is not unknown */
        return "...";
    }
    *el = strcmp(s, "OK") == 0         ? EL_STATUS_OK
          : strcmp(s, "WARNING") == 0  ? EL_STATUS_WARNING
          : strcmp(s, "CRITICAL") == 0 ? EL_STATUS_CRITICAL
                                       : EL_STATUS_UNKNOWN;
    return s;
}

/* "BGP Established", from the neighbor detail, else the summary; "" when neither says. */
static void session_state(const tui_view_t *v, char *buf, size_t size)
{
    buf[0] = '\0';
    if (!v->ev || !v->dev)
        return;
    const record_t *n = peer_record(&v->ev->facts[PROBE_BGP_NEIGHBOR], v->dev);
    const record_t *s = peer_record(&v->ev->facts[PROBE_BGP_SUMMARY], v->dev);
    bgp_state_t st = n ? n->u.neighbor.state : s ? s->u.peer.state : BGP_STATE_ABSENT;
    bool admin = n ? n->u.neighbor.admin_down : s ? s->u.peer.admin_down : false;
    if (st != BGP_STATE_ABSENT)
        snprintf(buf, size, "BGP %s%s", bgp_state_name(st), admin ? " (admin down)" : "");
}

static void device_words(const tui_view_t *v, char *buf, size_t size)
{
    const device_t *d = v->dev;
    if (!d) {
        snprintf(buf, size, "erdiag");
        return;
    }
    /* The family is named where there is a choice (a dual-stack device) or it is IPv6. */
    bool name_family = device_has_family(d, FAMILY_IPV6);
    snprintf(buf, size, "%s %s %s %s %s%s", d->name, d->vendor, d->circuit[0] ? d->circuit : "-",
             d->peering == PEERING_MICROSOFT ? "microsoft" : "private", d->link == LINK_SECONDARY ? "secondary" : "primary",
             !name_family ? "" : d->family == FAMILY_IPV6 ? " IPv6" : " IPv4");
}

/* "⠋ 2 out (bgp_neighbor 12s)" while probes are out; "" otherwise. */
static void in_flight(const tui_view_t *v, char *buf, size_t size)
{
    size_t n = view_in_flight(v);
    const engine_job_t *slow = view_slowest(v);
    buf[0] = '\0';
    if (!n || !slow)
        return;
    int secs = (int)(v->now - slow->asked_at);
    if (secs >= 2)
        snprintf(buf, size, "%s %zu out (%s %ds)", glyph_spinner(v->glyphs, v->tick), n, probe_name(slow->req.probe),
                 secs);
    else
        snprintf(buf, size, "%s %zu out", glyph_spinner(v->glyphs, v->tick), n);
}

void header_text(const tui_view_t *v, char *left, size_t lsize, char *right, size_t rsize)
{
    char dev[256], sess[64], flight[96], ago[32] = "";
    device_words(v, dev, sizeof(dev));
    session_state(v, sess, sizeof(sess));
    snprintf(left, lsize, "%s%s%s", dev, sess[0] ? "  " : "", sess);
    in_flight(v, flight, sizeof(flight));
    if (v->last_answer > 0)
        snprintf(ago, sizeof(ago), "%ds ago", (int)(v->now - v->last_answer + 0.5));
    theme_element_t el;
    snprintf(right, rsize, "%s%s%s%s  %s", v->paused ? "paused  " : "", ago, ago[0] && flight[0] ? "  " : "", flight,
             header_status(v, &el));
}

void header_draw(const tui_rect_t *r, const tui_view_t *v)
{
    char left[400], right[200];
    header_text(v, left, sizeof(left), right, sizeof(right));
    theme_element_t el;
    const char *status = header_status(v, &el);
    int rw = (int)draw_columns(right), sw = (int)draw_columns(status);
    draw_blank(r->y, r->x, r->w, theme_attr(EL_HEADER));
    draw_text(r->y, r->x + 1, r->w - rw - 3, left, 0, theme_attr(EL_HEADER), false);
    /* Everything before the status in the header's style, the status word in its own. */
    char rest[200];
    snprintf(rest, sizeof(rest), "%.*s", (int)(strlen(right) - strlen(status)), right);
    int x = r->x + r->w - rw - 1;
    x += draw_text(r->y, x, rw - sw, rest, 0, theme_attr(EL_HEADER), false);
    draw_text(r->y, x, sw, status, 0, theme_attr(el), false);
}
