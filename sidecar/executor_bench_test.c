/* executor_bench_test.c: the benchmark query end to end, planned by qp_plan
 * and executed against the project's C benchmark subgraphs
 * (build/fedmesh-bench-subgraphs, started here on a free port base); the
 * response must be exactly bench/workload/expected-response.json. Run from
 * the repository root, as tests/run-tests.sh does. */
#include <arpa/inet.h>
#include <errno.h>
#include <netinet/in.h>
#include <signal.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "exec_testutil.h"
#include "executor.h"
#include "freeport.h"
#include "ftest.h"
#include "planner.h"
#include "waitfor.h"

#define SUBGRAPHS_BIN "build/fedmesh-bench-subgraphs"
#define NSUBGRAPHS 4

static pid_t subgraphs_pid;
static unsigned port_base;

static char *read_file(arena *a, const char *path, size_t *len)
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
    char *text = arena_strndup(a, b.data ? b.data : "", b.len);
    *len = b.len;
    sbuf_free(&b);
    return text;
}

static bool port_accepts(unsigned port)
{
    int s = socket(AF_INET, SOCK_STREAM, 0);
    struct sockaddr_in addr = {.sin_family = AF_INET,
                               .sin_port = htons((uint16_t)port),
                               .sin_addr.s_addr = htonl(INADDR_LOOPBACK)};
    bool ok = connect(s, (struct sockaddr *)&addr, sizeof addr) == 0;
    close(s);
    return ok;
}

/* Starts the subgraphs on a port base nobody uses (below the ephemeral
 * range, see freeport.h); false when it cannot. */
static bool subgraphs_start(void)
{
    for (unsigned attempt = 0; attempt < 8; attempt++) {
        unsigned base = FREEPORT_FIRST + (unsigned)((getpid() * 7 + attempt * 97) %
                                                    (FREEPORT_COUNT - NSUBGRAPHS - 1));
        bool taken = false;
        for (unsigned i = 1; i <= NSUBGRAPHS; i++)
            taken |= !freeport_is_free((int)(base + i));
        if (taken) continue;
        pid_t pid = fork();
        if (pid == 0) {
            char env[32];
            snprintf(env, sizeof env, "%u", base);
            setenv("PORT_BASE", env, 1);
            execl(SUBGRAPHS_BIN, SUBGRAPHS_BIN, (char *)NULL);
            _exit(127);
        }
        for (long until = waitfor_now_ms() + WAITFOR_PATIENCE_MS; waitfor_now_ms() < until;) {
            bool up = true;
            for (unsigned i = 1; i <= NSUBGRAPHS; i++)
                up &= port_accepts(base + i);
            if (up) {
                subgraphs_pid = pid;
                port_base = base;
                return true;
            }
            if (waitpid(pid, NULL, WNOHANG) == pid) break;
            usleep(20000);
        }
        kill(pid, SIGTERM);
        waitpid(pid, NULL, 0);
    }
    return false;
}

static void subgraphs_stop(void)
{
    if (!subgraphs_pid) return;
    kill(subgraphs_pid, SIGTERM);
    waitpid(subgraphs_pid, NULL, 0);
    subgraphs_pid = 0;
}

typedef struct bench {
    arena a;
    supergraph *sg;
    plan *plan;
    char *response;
    int done_calls;
} bench;

static void on_done(void *ctx, sbuf *response)
{
    bench *b = ctx;
    b->done_calls++;
    free(b->response);
    b->response = sbuf_take(response);
}

/* Loads the supergraph (pointing it at our port base) and plans the query. */
static bool bench_load(bench *b)
{
    memset(b, 0, sizeof *b);
    arena_init(&b->a, 0);
    size_t len;
    diag_list errs;
    diag_init(&errs, &b->a);
    char *sdl = read_file(&b->a, "bench/workload/supergraph.graphql", &len);
    char *query = sdl ? read_file(&b->a, "bench/workload/query.graphql", &len) : NULL;
    if (!query) return false;
    b->sg = sg_load(&b->a, sdl, strlen(sdl), &errs);
    parse_error perr;
    ast_document *doc = parse_document(&b->a, query, len, NULL, &perr);
    if (!b->sg || !doc) return false;
    for (uint32_t i = 0; i < b->sg->ngraphs; i++)
        b->sg->graphs[i].url =
            arena_sprintf(&b->a, "http://127.0.0.1:%u/graphql", port_base + 1 + i);
    b->plan = qp_plan(&b->a, b->sg, doc, ast_find_operation(doc, "TestQuery"), &errs);
    if (!b->plan && errs.first) fprintf(stderr, "qp_plan: %s\n", errs.first->message);
    return b->plan != NULL;
}

static const char *bench_run(bench *b, executor *ex, arena *request)
{
    b->done_calls = 0;
    executor_job job = {.sg = b->sg, .plan = b->plan, .arena = request, .done = on_done, .ctx = b};
    if (!executor_start(ex, &job)) return "(not started)";
    time_t start = time(NULL);
    while (executor_pending(ex) && time(NULL) - start < 30) {
        curl_multi_poll(executor_multi(ex), NULL, 0, 100, NULL);
        executor_drive(ex);
    }
    return b->done_calls == 1 && b->response ? b->response : "(no response)";
}

static const char *expected_response(arena *a)
{
    size_t len;
    char *text = read_file(a, "bench/workload/expected-response.json", &len);
    json_error err;
    const json_value *v = text ? json_parse(a, text, len, 0, &err) : NULL;
    if (!v) return "(expected-response.json missing)";
    sbuf out;
    sbuf_init(&out);
    json_write(&out, v);
    char *compact = arena_strndup(a, out.data, out.len);
    sbuf_free(&out);
    return compact;
}

TEST(bench_query_gives_the_expected_response)
{
    bench b;
    CHECK(bench_load(&b));
    if (!b.plan) {
        arena_free(&b.a);
        return;
    }
    const char *want = expected_response(&b.a);
    executor *ex = executor_new(&(executor_config){.timeout_ms = 10000});
    arena request;
    arena_init(&request, 0);
    /* Several times on one executor: pooled handles and kept-alive connections. */
    for (int i = 0; i < 3; i++) {
        CHECK_STR(bench_run(&b, ex, &request), want);
        arena_reset(&request);
    }
    CHECK_INT(executor_pending(ex), 0);
    arena_free(&request);
    executor_free(ex);
    free(b.response);
    arena_free(&b.a);
}

TEST(bench_query_with_a_subgraph_down)
{
    bench b;
    CHECK(bench_load(&b));
    if (!b.plan) {
        arena_free(&b.a);
        return;
    }
    subgraphs_stop();
    executor *ex = executor_new(&(executor_config){.timeout_ms = 2000});
    const char *got = bench_run(&b, ex, &b.a);
    CHECK(strncmp(got,
                  "{\"data\":{\"users\":null,\"topProducts\":null},\"errors\":[{\"message\":"
                  "\"Failed to fetch from subgraph \\\"",
                  80) == 0);
    CHECK(strstr(got, "SUBGRAPH_FETCH_FAILED") != NULL);
    CHECK_INT(executor_pending(ex), 0);
    executor_free(ex);
    free(b.response);
    arena_free(&b.a);
}

TEST_MAIN(if (!subgraphs_start()) {
    fprintf(stderr, "cannot start " SUBGRAPHS_BIN ": %s\n", strerror(errno));
    return 1;
} RUN(bench_query_gives_the_expected_response);
          RUN(bench_query_with_a_subgraph_down); subgraphs_stop();)
