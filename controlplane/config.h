/* config.h: the control plane's configuration (docs/MESH.md, "Control plane
 * configuration"): a YAML file, then environment overrides, then defaults
 * and checks. Every string lives in the config's own arena; cfg_free
 * releases them all. Relative paths in the file (state_dir, sdl_file,
 * operation files, TLS files) are taken from the config file's directory. */
#ifndef CP_CONFIG_H
#define CP_CONFIG_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "arena.h"

#define CFG_MAX_FILE_BYTES (1u << 20)
#define CFG_MAX_SUBGRAPHS 256
#define CFG_MAX_OPERATIONS 1024

typedef struct cfg_subgraph {
    const char *name;
    const char *url;      /* routing URL; polled with { _service { sdl } } */
    const char *sdl_file; /* NULL: polled; else the SDL is read from this file */
} cfg_subgraph;

typedef struct cfg {
    arena arena; /* owns every string and array below */
    const char *state_dir;
    const char *admin_listen; /* HOST:PORT */
    const char *admin_token;  /* "" = none; required off loopback */
    const char *nng_publish, *nng_fetch, *nng_report;
    const char *advertise_host; /* "" = the host of the bound address */
    const char *tls_cert_file;  /* for tls+tcp:// addresses; "" = none */
    const char *tls_key_file;
    uint32_t poll_interval_ms, poll_jitter_ms, poll_timeout_ms, poll_max_backoff_ms;
    uint32_t usage_top;      /* reported operations precompiled into each bundle */
    const char **operations; /* files of registered operations */
    uint32_t noperations;
    cfg_subgraph *subgraphs;
    uint32_t nsubgraphs;
} cfg;

/* Reads, overrides from the environment (FEDMESH_*), fills defaults and
 * checks. false with a message "FILE:LINE:COLUMN: ..." (or "FILE: ...") in
 * err; the config is then empty but must still be freed. */
bool cfg_load(cfg *c, const char *path, char *err, size_t errlen);

/* The same on text already in memory; base_dir resolves relative paths and
 * name labels the messages. */
bool cfg_parse(cfg *c, const char *text, size_t len, const char *name, const char *base_dir,
               char *err, size_t errlen);

void cfg_free(cfg *c);

/* true when HOST:PORT names a loopback host (127.x.x.x, ::1, localhost). */
bool cfg_is_loopback(const char *host_port);

/* true for a subgraph name fedmesh accepts: [A-Za-z_][A-Za-z0-9_-]{0,63}. */
bool cfg_valid_subgraph_name(const char *name);

/* true for an http:// or https:// URL with a host. */
bool cfg_valid_url(const char *url);

#endif
