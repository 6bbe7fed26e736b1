/* registry.h: what the control plane knows of each sidecar, fed by the
 * report frames they push (docs/MESH.md, "Report frames"): the version it
 * runs, when it was last heard, and its last rejection. Served as
 * /v1/sidecars and counted in /metrics. Bounded: past REG_MAX_SIDECARS the
 * sidecar heard least recently is forgotten. */
#ifndef CP_REGISTRY_H
#define CP_REGISTRY_H

#include <stdbool.h>
#include <stdint.h>

#include "sbuf.h"

#define REG_MAX_SIDECARS 4096
#define REG_MAX_TEXT 512 /* longer ids, addresses and reasons are cut */

typedef struct reg_sidecar {
    char *id, *admin, *listen, *sha256; /* owned; "" when not reported yet */
    uint64_t version;                   /* the version it runs; 0 = none */
    uint64_t swapped_at_ms;             /* when it swapped to it (its ack's at_ms) */
    uint64_t last_heard_ms;
    uint64_t rejected_version; /* 0 = no rejection on record */
    char *rejected_reason;     /* owned; NULL when none */
} reg_sidecar;

typedef struct registry {
    reg_sidecar *sidecars;
    uint32_t n, cap;
    uint64_t frames_dropped; /* malformed or incomplete report frames */
} registry;

void reg_init(registry *r);
void reg_free(registry *r);

/* The sidecar swapped to version (sha256) at at_ms. A rejection of an
 * older or the same version is cleared: it runs something newer now. */
void reg_ack(registry *r, const char *id, const char *admin, uint64_t version, const char *sha256,
             uint64_t at_ms, uint64_t now_ms);
void reg_reject(registry *r, const char *id, const char *admin, uint64_t version,
                const char *reason, uint64_t now_ms);
void reg_heartbeat(registry *r, const char *id, const char *admin, uint64_t version,
                   const char *listen, uint64_t now_ms);
/* Other frames (usage) only say the sidecar is alive. */
void reg_seen(registry *r, const char *id, uint64_t now_ms);

const reg_sidecar *reg_find(const registry *r, const char *id);

/* The /v1/sidecars array, ordered by id. */
void reg_write_json(const registry *r, sbuf *out);

#endif
