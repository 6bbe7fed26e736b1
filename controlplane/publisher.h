/* publisher.h: the control plane's three nng sockets (docs/MESH.md,
 * "Processes and sockets"):
 *   PUB  announces each new bundle envelope to every subscribed sidecar;
 *   REP  answers FetchRequest with FetchReply (the current envelope, or
 *        up_to_date, and where the PUB and PULL sockets are);
 *   PULL receives the sidecars' report frames (acks, rejections,
 *        heartbeats, usage).
 * nng runs its own I/O threads; this module never blocks: the caller polls
 * the descriptors pub_wait_fds gives and then drains with pub_serve_fetches
 * and pub_drain_reports. Addresses may be tcp://, ipc://, inproc:// or
 * tls+tcp:// (then with a certificate and key). */
#ifndef CP_PUBLISHER_H
#define CP_PUBLISHER_H

#include <nng/nng.h>
#include <nng/supplemental/tls/tls.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "proto/fedmesh.pb-c.h"
#include "wire_report.h"

#define PUB_MAX_REQUEST_BYTES 65536

typedef struct pub_addresses {
    const char *publish, *fetch, *report;
    const char *advertise_host; /* "" = the bound host (the machine's name for 0.0.0.0) */
    const char *tls_cert_file, *tls_key_file; /* PEM; "" = no TLS */
} pub_addresses;

typedef struct publisher {
    nng_socket pub, rep, pull;
    bool started;
    char publish_url[256], report_url[256]; /* as sidecars should dial them */
    nng_tls_config *tls;
    uint64_t announcements, fetches, fetch_errors, report_frames, report_frames_dropped;
} publisher;

/* Opens and binds the three sockets. false with a message. */
bool pub_start(publisher *p, const pub_addresses *addrs, char *err, size_t errlen);
void pub_stop(publisher *p);

/* Readable-when-a-message-waits descriptors of REP and PULL, for poll(). */
bool pub_wait_fds(const publisher *p, int *rep_fd, int *pull_fd);

/* Publishes an envelope (its serialised bytes) to every subscriber. */
bool pub_announce(publisher *p, const void *envelope, size_t len);

/* Answers every waiting fetch request; current is the envelope to hand out
 * (NULL while no bundle exists). */
void pub_serve_fetches(publisher *p, const Fedmesh__BundleEnvelope *current);

/* Receives every waiting report frame; on_report sees each one that decodes
 * (its strings live until it returns); the others are counted and dropped,
 * with the reason given to on_drop (which may be NULL). */
typedef void (*pub_report_fn)(void *ctx, const wire_report *report);
typedef void (*pub_drop_fn)(void *ctx, const char *reason);
void pub_drain_reports(publisher *p, pub_report_fn on_report, pub_drop_fn on_drop, void *ctx);

#endif
