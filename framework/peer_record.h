/* peer_record.h: the record about the circuit's peer in a BGP answer (summary, neighbor detail,
 * configuration, BFD), shared by the steps that judge the same neighbor. */
#ifndef ERDIAG_PEER_RECORD_H
#define ERDIAG_PEER_RECORD_H

#include "framework/evidence.h"

/* The record of f about d's peer: the one in d's VRF first, else any with the peer's address (a
 * parser that cannot tell the VRF leaves it empty).  NULL when f is not usable, d names no peer,
 * or no record is about it.  Borrowed from f. */
const record_t *peer_record(const fact_t *f, const device_t *d);

#endif
