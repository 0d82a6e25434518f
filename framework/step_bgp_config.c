/* step_bgp_config.c: (being written) */
#include "framework/steps.h"

void step_bgp_config(const evidence_t *ev, step_result_t *s)
{
    (void)ev;
    step_skip(s, "this step is not evaluated in this build");
}

void step_session(const evidence_t *ev, step_result_t *s)
{
    (void)ev;
    step_skip(s, "this step is not evaluated in this build");
}

