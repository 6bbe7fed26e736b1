/* gateway.h: what every worker of one sidecar shares, read-only once the
 * workers run: the loaded supergraph and the limits and settings from the
 * command line. */
#ifndef FM_GATEWAY_H
#define FM_GATEWAY_H

#include <stddef.h>

#include "executor.h"
#include "parser.h"
#include "supergraph.h"

typedef struct gateway {
    const supergraph *sg;
    executor_config exec;
    parse_options parse;     /* depth and token limits for client operations */
    size_t max_body_bytes;   /* larger request bodies get 413 */
    size_t plan_cache_bytes; /* per worker */
} gateway;

#endif
