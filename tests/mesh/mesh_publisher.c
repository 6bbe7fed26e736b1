/* mesh_publisher.c: a stand-in control plane for the sidecar's integration
 * test (tests/integration/sidecar_mesh.sh): the three nng sockets of
 * docs/MESH.md and nothing else (no polling, no composition).
 *
 *   mesh-publisher --fetch URL --publish URL --report URL [--report-to URL]
 *
 * --report-to puts another report address in the fetch replies, so sidecars
 * send their frames to a real control plane (whose /v1/sidecars then shows
 * what they did with this publisher's bundles) instead of to this process.
 *
 * Commands, one a line on stdin:
 *   bundle VERSION SUPERGRAPH_FILE [QUERY_FILE]
 *                                    make it the current bundle (fetch
 *                                    replies carry it) and announce it, with
 *                                    the plan of QUERY_FILE's operation
 *                                    precompiled (planned here, as the control
 *                                    plane does)
 *   corrupt VERSION SUPERGRAPH_FILE  announce an envelope whose bundle bytes
 *                                    no longer match its SHA-256
 *   quit
 * Every report frame received is printed on stdout, one a line:
 *   ack SIDECAR VERSION SHA256 AT_MS | reject SIDECAR VERSION REASON |
 *   heartbeat SIDECAR VERSION LISTEN | usage SIDECAR COUNT QUERY...
 * and every announcement as `announce VERSION AT_MS` (wall clock), so a
 * test can tell how long a sidecar took from announcement to swap. */
#include <nng/nng.h>
#include <nng/protocol/pipeline0/pull.h>
#include <nng/protocol/pubsub0/pub.h>
#include <nng/protocol/reqrep0/rep.h>
#include <pthread.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "parser.h"
#include "plan_codec.h"
#include "planner.h"
#include "validate.h"
#include "wire_envelope.h"
#include "wire_fetch.h"
#include "wire_report.h"

typedef struct publisher {
    const char *publish_url, *report_url;
    const char *advertised_report_url; /* report_url, or --report-to */
    nng_socket rep, pub, pull;
    pthread_mutex_t lock;
    sbuf bundle; /* the current serialised PlanBundle, empty before the first */
    uint64_t version;
    atomic_int stopping;
} publisher;

static char *read_file(const char *path)
{
    FILE *f = fopen(path, "rb");
    if (!f) return NULL;
    sbuf b;
    sbuf_init(&b);
    char chunk[65536];
    size_t n;
    while ((n = fread(chunk, 1, sizeof chunk, f)) > 0)
        sbuf_append(&b, chunk, n);
    fclose(f);
    sbuf_putc(&b, '\0');
    return sbuf_take(&b);
}

/* The plan of the one operation in `query` against `sdl`, encoded into
 * `out`; false (with a message) when it does not plan. */
static bool precompile(const char *sdl, const char *query, sbuf *out)
{
    arena a;
    arena_init(&a, 1 << 16);
    diag_list errs;
    diag_init(&errs, &a);
    parse_error perr;
    const supergraph *sg = sg_load(&a, sdl, strlen(sdl), &errs);
    ast_document *doc = sg ? parse_document(&a, query, strlen(query), NULL, &perr) : NULL;
    const ast_definition *op = doc ? ast_find_operation(doc, NULL) : NULL;
    plan *p = op && validate_document(sg->api, doc, &errs) ? qp_plan(&a, sg, doc, op, &errs) : NULL;
    if (p)
        plan_encode(p, out);
    else
        fprintf(stderr, "mesh-publisher: the query does not plan\n");
    arena_free(&a);
    return p != NULL;
}

/* A serialised PlanBundle of the supergraph in `path`, with the plan of the
 * query in `query_path` (or none when NULL); false when either is unusable. */
static bool make_bundle(uint64_t version, const char *path, const char *query_path, sbuf *out)
{
    char *sdl = read_file(path);
    char *query = query_path ? read_file(query_path) : NULL;
    if (!sdl || (query_path && !query)) {
        perror(sdl ? query_path : path);
        free(sdl);
        return false;
    }
    Fedmesh__PlanBundle pb = FEDMESH__PLAN_BUNDLE__INIT;
    Fedmesh__PrecompiledPlan pp = FEDMESH__PRECOMPILED_PLAN__INIT;
    Fedmesh__PrecompiledPlan *plans[1] = {&pp};
    sbuf plan_bytes;
    sbuf_init(&plan_bytes);
    bool ok = !query || precompile(sdl, query, &plan_bytes);
    pb.version = version;
    pb.supergraph_sdl = sdl;
    if (query) {
        pp.query = query;
        pp.operation_name = "";
        pp.plan = (ProtobufCBinaryData){.len = plan_bytes.len, .data = (uint8_t *)plan_bytes.data};
        pb.n_plans = 1;
        pb.plans = plans;
    }
    if (ok) wire_bundle_encode(&pb, out);
    sbuf_free(&plan_bytes);
    free(query);
    free(sdl);
    return ok;
}

static void *serve_fetches(void *arg)
{
    publisher *p = arg;
    while (!atomic_load(&p->stopping)) {
        char *buf = NULL;
        size_t len = 0;
        if (nng_recv(p->rep, &buf, &len, NNG_FLAG_ALLOC) != 0) continue; /* timed out */
        arena a;
        arena_init(&a, 4096);
        wire_reason why;
        Fedmesh__FetchRequest *req = wire_fetch_request_decode(&a, (uint8_t *)buf, len, &why);
        Fedmesh__FetchReply reply = FEDMESH__FETCH_REPLY__INIT;
        Fedmesh__BundleEnvelope env = FEDMESH__BUNDLE_ENVELOPE__INIT;
        char sha[WIRE_SHA256_HEX_SIZE];
        reply.publish_url = (char *)p->publish_url;
        reply.report_url = (char *)p->advertised_report_url;
        sbuf out;
        sbuf_init(&out);
        pthread_mutex_lock(&p->lock);
        if (!req)
            reply.error = why.text;
        else if (!p->version)
            reply.error = "no bundle composed yet";
        else if (req->have_version == p->version)
            reply.up_to_date = 1;
        else {
            wire_envelope_init(&env, sha, p->version, (uint8_t *)p->bundle.data, p->bundle.len);
            reply.envelope = &env;
        }
        wire_fetch_reply_encode(&reply, &out);
        pthread_mutex_unlock(&p->lock);
        nng_send(p->rep, out.data, out.len, 0);
        sbuf_free(&out);
        arena_free(&a);
        nng_free(buf, len);
    }
    return NULL;
}

static void print_report(const wire_report *r)
{
    switch (r->type) {
    case WIRE_REPORT_ACK:
        printf("ack %s %llu %s %llu\n", r->ack.sidecar, (unsigned long long)r->ack.version,
               r->ack.sha256, (unsigned long long)r->ack.at_ms);
        break;
    case WIRE_REPORT_REJECT:
        printf("reject %s %llu %s\n", r->reject.sidecar, (unsigned long long)r->reject.version,
               r->reject.reason);
        break;
    case WIRE_REPORT_HEARTBEAT:
        printf("heartbeat %s %llu %s\n", r->heartbeat.sidecar,
               (unsigned long long)r->heartbeat.version, r->heartbeat.listen);
        break;
    case WIRE_REPORT_USAGE:
        printf("usage %s", r->usage.sidecar);
        for (uint32_t i = 0; i < r->usage.nops; i++)
            printf(" %llu %s", (unsigned long long)r->usage.ops[i].count, r->usage.ops[i].query);
        printf("\n");
        break;
    }
    fflush(stdout);
}

static void *print_reports(void *arg)
{
    publisher *p = arg;
    while (!atomic_load(&p->stopping)) {
        char *buf = NULL;
        size_t len = 0;
        if (nng_recv(p->pull, &buf, &len, NNG_FLAG_ALLOC) != 0) continue;
        arena a;
        arena_init(&a, 4096);
        wire_report r;
        wire_reason why;
        if (wire_report_decode(&a, (uint8_t *)buf, len, &r, &why))
            print_report(&r);
        else
            printf("bad-frame %s\n", why.text);
        fflush(stdout);
        arena_free(&a);
        nng_free(buf, len);
    }
    return NULL;
}

static void announce(publisher *p, uint64_t version, const sbuf *bundle, bool corrupt)
{
    sbuf env;
    sbuf_init(&env);
    wire_envelope_encode(version, (const uint8_t *)bundle->data, bundle->len, &env);
    if (corrupt) env.data[env.len - 1] ^= 0x20; /* the last byte is the bundle's */
    struct timespec now;
    clock_gettime(CLOCK_REALTIME, &now);
    printf("announce %llu %lld\n", (unsigned long long)version,
           (long long)now.tv_sec * 1000 + now.tv_nsec / 1000000);
    fflush(stdout);
    nng_send(p->pub, env.data, env.len, 0);
    sbuf_free(&env);
}

static void command(publisher *p, const char *line)
{
    unsigned long long version;
    char what[16], path[4096], query[4096];
    int n = sscanf(line, "%15s %llu %4095s %4095s", what, &version, path, query);
    if (n < 3) {
        fprintf(stderr, "mesh-publisher: cannot read command: %s", line);
        return;
    }
    sbuf bundle;
    sbuf_init(&bundle);
    if (!make_bundle(version, path, n == 4 ? query : NULL, &bundle)) return;
    bool corrupt = strcmp(what, "corrupt") == 0;
    if (!corrupt) {
        pthread_mutex_lock(&p->lock);
        sbuf_free(&p->bundle);
        p->bundle = bundle;
        p->version = version;
        sbuf_init(&bundle);
        announce(p, version, &p->bundle, false);
        pthread_mutex_unlock(&p->lock);
    } else {
        announce(p, version, &bundle, true);
    }
    sbuf_free(&bundle);
}

static bool open_sockets(publisher *p, const char *fetch_url)
{
    if (nng_rep0_open(&p->rep) || nng_pub0_open(&p->pub) || nng_pull0_open(&p->pull)) return false;
    nng_socket_set_ms(p->rep, NNG_OPT_RECVTIMEO, 100);
    nng_socket_set_ms(p->pull, NNG_OPT_RECVTIMEO, 100);
    const char *urls[] = {fetch_url, p->publish_url, p->report_url};
    nng_socket socks[] = {p->rep, p->pub, p->pull};
    for (int i = 0; i < 3; i++) {
        int rv = nng_listen(socks[i], urls[i], NULL, 0);
        if (rv != 0) {
            fprintf(stderr, "mesh-publisher: cannot listen on %s: %s\n", urls[i], nng_strerror(rv));
            return false;
        }
    }
    return true;
}

int main(int argc, char **argv)
{
    if ((argc != 7 && argc != 9) || strcmp(argv[1], "--fetch") || strcmp(argv[3], "--publish") ||
        strcmp(argv[5], "--report") || (argc == 9 && strcmp(argv[7], "--report-to"))) {
        fprintf(stderr,
                "usage: mesh-publisher --fetch URL --publish URL --report URL [--report-to URL]\n");
        return 2;
    }
    publisher p = {.publish_url = argv[4],
                   .report_url = argv[6],
                   .advertised_report_url = argc == 9 ? argv[8] : argv[6]};
    pthread_mutex_init(&p.lock, NULL);
    sbuf_init(&p.bundle);
    if (!open_sockets(&p, argv[2])) return 1;
    pthread_t fetches, reports;
    pthread_create(&fetches, NULL, serve_fetches, &p);
    pthread_create(&reports, NULL, print_reports, &p);
    char line[8192];
    while (fgets(line, sizeof line, stdin) && strncmp(line, "quit", 4) != 0)
        command(&p, line);
    atomic_store(&p.stopping, 1);
    pthread_join(fetches, NULL);
    pthread_join(reports, NULL);
    nng_close(p.rep);
    nng_close(p.pub);
    nng_close(p.pull);
    sbuf_free(&p.bundle);
    pthread_mutex_destroy(&p.lock);
    return 0;
}
