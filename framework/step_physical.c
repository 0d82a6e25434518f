/* step_physical.c: (being written) */
#include "framework/steps.h"

void step_physical(const evidence_t *ev, step_result_t *s)
{
    (void)ev;
    step_skip(s, "this step is not evaluated in this build");
}

void step_arp(const evidence_t *ev, step_result_t *s)
{
    (void)ev;
    step_skip(s, "this step is not evaluated in this build");
}

