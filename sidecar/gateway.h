/* gateway.h: what every worker of one sidecar shares: the slot holding the
 * current bundle (swapped while the workers run, see bundle.h) and the
 * limits and settings from the command line (read-only once the workers
 * run). */
#ifndef FM_GATEWAY_H
#define FM_GATEWAY_H

#include <stddef.h>

#include "bundle.h"
#include "executor.h"
#include "parser.h"

typedef struct gateway {
    bundle_slot *bundles;
    executor_config exec;
    parse_options parse;     /* depth and token limits for client operations */
    size_t max_body_bytes;   /* larger request bodies get 413 */
    size_t plan_cache_bytes; /* per worker */
} gateway;

#endif
