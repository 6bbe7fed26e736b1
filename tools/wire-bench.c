/* wire-bench.c: what a sidecar pays to take in a plan bundle, measured.
 *
 *   wire-bench SUPERGRAPH [QUERY]
 *
 * prints the median CPU time (11 rounds of about 0.2 s each) and the arena bytes
 * of sg_load on SUPERGRAPH against sg_decode on its image (sg_codec.h: what a
 * bundle with a supergraph image costs instead), the image's size, and with QUERY: planning it from
 * text (parse, validate, plan: a plan cache miss) against decoding its precompiled plan
 * (plan_decode: what a warm bundle costs instead), and plan_encode. The
 * figures are in docs/PERFORMANCE.md. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "parser.h"
#include "plan_codec.h"
#include "planner.h"
#include "sg_codec.h"
#include "validate.h"
#include "tool_io.h"

#define ROUNDS 11
#define ROUND_SECONDS 0.2

/* CPU time of this thread: the machine is shared, and wall time would
 * count the time other processes hold the cores. */
static double now_seconds(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

typedef struct job {
    const char *sdl, *query;
    size_t sdl_len, query_len;
    const supergraph *sg;
    const uint8_t *encoded, *image;
    size_t encoded_len, image_len;
    const plan *planned;
    size_t arena_bytes; /* of the last run */
} job;

/* One operation into a fresh arena; false when it fails. */
typedef bool (*job_fn)(job *j, arena *a);

static bool do_load(job *j, arena *a)
{
    diag_list errs;
    diag_init(&errs, a);
    return sg_load(a, j->sdl, j->sdl_len, &errs) != NULL;
}

static bool do_sg_decode(job *j, arena *a)
{
    diag_list errs;
    diag_init(&errs, a);
    return sg_decode(a, j->image, j->image_len, &errs) != NULL;
}

static bool do_plan(job *j, arena *a)
{
    diag_list errs;
    diag_init(&errs, a);
    ast_document *doc = parse_document(a, j->query, j->query_len, NULL, NULL);
    const ast_definition *op = doc ? ast_find_operation(doc, NULL) : NULL;
    if (!op || !validate_document(j->sg->api, doc, &errs)) return false;
    j->planned = qp_plan(a, j->sg, doc, op, &errs);
    return j->planned != NULL;
}

static bool do_decode(job *j, arena *a)
{
    diag_list errs;
    diag_init(&errs, a);
    return plan_decode(a, j->sg, j->encoded, j->encoded_len, &errs) != NULL;
}

static bool do_encode(job *j, arena *a)
{
    (void)a;
    sbuf out;
    sbuf_init(&out);
    plan_encode(j->planned, &out);
    sbuf_free(&out);
    return true;
}

static int by_value(const void *x, const void *y)
{
    double a = *(const double *)x, b = *(const double *)y;
    return (a > b) - (a < b);
}

/* Median microseconds per operation over ROUNDS rounds. */
static double measure(job *j, job_fn fn)
{
    double per_op[ROUNDS];
    for (int r = 0; r < ROUNDS; r++) {
        long ops = 0;
        double start = now_seconds(), end = start + ROUND_SECONDS, t;
        do {
            arena a;
            arena_init(&a, 0);
            if (!fn(j, &a)) {
                fputs("wire-bench: the operation failed\n", stderr);
                exit(1);
            }
            j->arena_bytes = a.total;
            arena_free(&a);
            ops++;
        } while ((t = now_seconds()) < end);
        per_op[r] = (t - start) / (double)ops * 1e6;
    }
    qsort(per_op, ROUNDS, sizeof *per_op, by_value);
    return per_op[ROUNDS / 2];
}

int main(int argc, char **argv)
{
    if (argc < 2 || argc > 3) {
        fputs("usage: wire-bench SUPERGRAPH [QUERY]\n", stderr);
        return 2;
    }
    job j = {0};
    char *sdl = tool_read_file(argv[1], &j.sdl_len);
    if (!sdl) {
        perror(argv[1]);
        return 1;
    }
    j.sdl = sdl;
    double load_us = measure(&j, do_load);
    size_t load_bytes = j.arena_bytes;
    printf("sg_load: %.0f us, %zu arena bytes, %zu bytes of SDL\n", load_us, j.arena_bytes,
           j.sdl_len);

    arena keep;
    arena_init(&keep, 0);
    diag_list errs;
    diag_init(&errs, &keep);
    j.sg = sg_load(&keep, j.sdl, j.sdl_len, &errs);
    sbuf image;
    sbuf_init(&image);
    sg_encode(j.sg, &image);
    j.image = (const uint8_t *)image.data;
    j.image_len = image.len;
    double decode_sg_us = measure(&j, do_sg_decode);
    printf("sg_decode: %.0f us, %zu arena bytes, %zu bytes of image (%.1fx faster than sg_load, "
           "%.1fx less memory)\n",
           decode_sg_us, j.arena_bytes, image.len, load_us / decode_sg_us,
           (double)load_bytes / (double)j.arena_bytes);
    sbuf_free(&image);
    if (argc == 2) {
        arena_free(&keep);
        free(sdl);
        return 0;
    }
    char *query = tool_read_file(argv[2], &j.query_len);
    if (!query) {
        perror(argv[2]);
        return 1;
    }
    j.query = query;
    double plan_us = measure(&j, do_plan);
    size_t plan_bytes = j.arena_bytes;
    arena planned;
    arena_init(&planned, 0);
    do_plan(&j, &planned);
    sbuf encoded;
    sbuf_init(&encoded);
    plan_encode(j.planned, &encoded);
    j.encoded = (const uint8_t *)encoded.data;
    j.encoded_len = encoded.len;
    double encode_us = measure(&j, do_encode);
    double decode_us = measure(&j, do_decode);
    printf("plan (parse, validate, plan): %.1f us, %zu arena bytes\n", plan_us, plan_bytes);
    printf("plan_decode: %.1f us, %zu arena bytes, %zu bytes encoded (%.1fx faster than "
           "planning)\n",
           decode_us, j.arena_bytes, encoded.len, plan_us / decode_us);
    printf("plan_encode: %.1f us\n", encode_us);
    sbuf_free(&encoded);
    arena_free(&planned);
    arena_free(&keep);
    free(query);
    free(sdl);
    return 0;
}
