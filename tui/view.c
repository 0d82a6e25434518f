/* view.c: small questions the panes ask of the view (see view.h). */
#include "tui/view.h"

const engine_job_t *view_job(const tui_view_t *v, probe_id_t probe)
{
    for (size_t i = 0; i < v->n_jobs; i++)
        if (v->jobs[i] && v->jobs[i]->req.probe == probe && !v->jobs[i]->reverse)
            return v->jobs[i];
    return NULL;
}

size_t view_in_flight(const tui_view_t *v)
{
    size_t n = 0;
    for (size_t i = 0; i < v->n_jobs; i++)
        n += v->jobs[i] && v->jobs[i]->asked;
    return n;
}

const engine_job_t *view_slowest(const tui_view_t *v)
{
    const engine_job_t *slow = NULL;
    for (size_t i = 0; i < v->n_jobs; i++)
        if (v->jobs[i] && v->jobs[i]->asked && (!slow || v->jobs[i]->asked_at < slow->asked_at))
            slow = v->jobs[i];
    return slow;
}
