/* check_circuit.h: `erdiag check --circuit NAME`: the runbook on both links of a circuit at once
 * (two session engines, which also collect what each link advertises and receives), then the
 * circuit step (framework/circuit.c): both sessions up, the same prefixes on both links, traffic
 * on the same link both ways, BFD on both.  Prints the circuit's verdict, the circuit step and
 * each link's root cause, or with --json one object; exits with the circuit's status. */
#ifndef ERDIAG_CHECK_CIRCUIT_H
#define ERDIAG_CHECK_CIRCUIT_H

#include <stdbool.h>

#include "engine/engine.h"

typedef struct {
    engine_opts_t base; /* runbook, inventory, interval, journal...; replay: DIR/primary and DIR/secondary */
    const char *circuit;
    bool json;
} check_circuit_t;

int check_circuit(const check_circuit_t *c);

#endif
