/* step_asym.c: (being written) */
#include "framework/steps.h"

void step_forward_trace(const evidence_t *ev, step_result_t *s)
{
    (void)ev;
    step_skip(s, "this step is not evaluated in this build");
}

void step_reverse_trace(const evidence_t *ev, step_result_t *s)
{
    (void)ev;
    step_skip(s, "this step is not evaluated in this build");
}

void step_path_compare(const evidence_t *ev, step_result_t *s)
{
    (void)ev;
    step_skip(s, "this step is not evaluated in this build");
}

void step_edge_routes(const evidence_t *ev, step_result_t *s)
{
    (void)ev;
    step_skip(s, "this step is not evaluated in this build");
}

void step_azure_routes(const evidence_t *ev, step_result_t *s)
{
    (void)ev;
    step_skip(s, "this step is not evaluated in this build");
}

