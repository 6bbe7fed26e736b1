/* executor_test.c: whole plans run against a stub subgraph server (a
 * libmicrohttpd daemon in the test serving canned responses per URL path):
 * sequences, parallel fetches, entity round trips, conditions, forwarded
 * errors, every way a subgraph request can fail, and graphs routed through a
 * peer sidecar (--mesh-peer: a tcp:// URL). */
#include <arpa/inet.h>
#include <microhttpd.h>
#include <netinet/in.h>
#include <pthread.h>
#include <stdio.h>
#include <sys/socket.h>
#include <time.h>
#include <unistd.h>

#include "exec_testutil.h"
#include "executor.h"
#include "freeport.h"
#include "ftest.h"
#include "mesh_server.h"
#include "mesh_testutil.h"
#include "planner.h"

/* ---- the stub server ---- */

typedef struct stub_route {
    const char *path;
    unsigned status;
    const char *body;
    unsigned delay_ms; /* before answering; when the routes meet, the longest wait */
} stub_route;

#define STUB_MAX_ROUTES 16

static struct {
    struct MHD_Daemon *daemon;
    uint16_t port;
    pthread_mutex_t lock;
    stub_route routes[STUB_MAX_ROUTES];
    uint32_t nroutes;
    char last_body[STUB_MAX_ROUTES][2048];
    uint32_t hits[STUB_MAX_ROUTES];
    uint32_t connections; /* accepted since the daemon started */
    bool meet;            /* each request waits for another one (stub_routes_meeting) */
    uint32_t meeting;     /* requests waiting so now */
    bool met;             /* two were in at once */
    pthread_cond_t meeting_changed;
} stub = {.lock = PTHREAD_MUTEX_INITIALIZER, .meeting_changed = PTHREAD_COND_INITIALIZER};

typedef struct stub_upload {
    char data[2048];
    size_t len;
} stub_upload;

/* A request waits until a second one is in the handler too, or gives up
 * after ms: they meet only when the client sent both before either was
 * answered, however slow the machine. */
static void stub_meet(unsigned ms)
{
    struct timespec until;
    clock_gettime(CLOCK_REALTIME, &until);
    until.tv_sec += ms / 1000;
    until.tv_nsec += (long)(ms % 1000) * 1000000;
    if (until.tv_nsec >= 1000000000) {
        until.tv_sec++;
        until.tv_nsec -= 1000000000;
    }
    pthread_mutex_lock(&stub.lock);
    stub.meeting++;
    pthread_cond_broadcast(&stub.meeting_changed);
    while (!stub.met && stub.meeting < 2 &&
           pthread_cond_timedwait(&stub.meeting_changed, &stub.lock, &until) == 0)
        continue;
    if (stub.meeting >= 2) stub.met = true;
    stub.meeting--;
    pthread_mutex_unlock(&stub.lock);
}

static enum MHD_Result stub_access(void *cls, struct MHD_Connection *c, const char *url,
                                   const char *method, const char *version, const char *upload_data,
                                   size_t *upload_size, void **state)
{
    (void)cls, (void)method, (void)version;
    stub_upload *up = *state;
    if (!up) {
        *state = calloc(1, sizeof(stub_upload));
        return MHD_YES;
    }
    if (*upload_size) {
        size_t n = *upload_size;
        if (n > sizeof up->data - 1 - up->len) n = sizeof up->data - 1 - up->len;
        memcpy(up->data + up->len, upload_data, n);
        up->len += n;
        *upload_size = 0;
        return MHD_YES;
    }
    const stub_route *route = NULL;
    pthread_mutex_lock(&stub.lock);
    for (uint32_t i = 0; i < stub.nroutes; i++)
        if (strcmp(stub.routes[i].path, url) == 0) {
            route = &stub.routes[i];
            memcpy(stub.last_body[i], up->data, up->len + 1);
            stub.hits[i]++;
        }
    pthread_mutex_unlock(&stub.lock);
    if (route && stub.meet)
        stub_meet(route->delay_ms);
    else if (route && route->delay_ms)
        usleep(route->delay_ms * 1000u);
    const char *body = route ? route->body : "not found";
    struct MHD_Response *r =
        MHD_create_response_from_buffer(strlen(body), (void *)body, MHD_RESPMEM_PERSISTENT);
    enum MHD_Result ok = MHD_queue_response(c, route ? route->status : 404, r);
    MHD_destroy_response(r);
    return ok;
}

static void stub_completed(void *cls, struct MHD_Connection *c, void **state,
                           enum MHD_RequestTerminationCode toe)
{
    (void)cls, (void)c, (void)toe;
    free(*state);
    *state = NULL;
}

static void stub_connection(void *cls, struct MHD_Connection *c, void **socket_context,
                            enum MHD_ConnectionNotificationCode toe)
{
    (void)cls, (void)c, (void)socket_context;
    if (toe == MHD_CONNECTION_NOTIFY_STARTED) {
        pthread_mutex_lock(&stub.lock);
        stub.connections++;
        pthread_mutex_unlock(&stub.lock);
    }
}

static void stub_start(void)
{
    stub.daemon =
        MHD_start_daemon(MHD_USE_THREAD_PER_CONNECTION | MHD_USE_INTERNAL_POLLING_THREAD, 0, NULL,
                         NULL, stub_access, NULL, MHD_OPTION_NOTIFY_COMPLETED, stub_completed, NULL,
                         MHD_OPTION_NOTIFY_CONNECTION, stub_connection, NULL, MHD_OPTION_END);
    if (!stub.daemon) {
        fprintf(stderr, "cannot start the stub server\n");
        exit(1);
    }
    stub.port = MHD_get_daemon_info(stub.daemon, MHD_DAEMON_INFO_BIND_PORT)->port;
}

static void stub_routes(const stub_route *routes, uint32_t n)
{
    pthread_mutex_lock(&stub.lock);
    memcpy(stub.routes, routes, sizeof(stub_route) * n);
    stub.nroutes = n;
    memset(stub.hits, 0, sizeof stub.hits);
    memset(stub.last_body, 0, sizeof stub.last_body);
    stub.meet = false;
    stub.met = false;
    pthread_mutex_unlock(&stub.lock);
}

/* Routes whose requests wait for each other (stub_meet), delay_ms at most. */
static void stub_routes_meeting(const stub_route *routes, uint32_t n)
{
    stub_routes(routes, n);
    pthread_mutex_lock(&stub.lock);
    stub.meet = true;
    pthread_mutex_unlock(&stub.lock);
}

/* ---- plans and runs ---- */

typedef struct fixture {
    arena a;
    supergraph *sg;
    executor *ex;
    char *response;
    int done_calls;
} fixture;

static void setup_with(fixture *f, const char *const *graph_paths, uint32_t ngraphs,
                       const executor_config *cfg)
{
    memset(f, 0, sizeof *f);
    arena_init(&f->a, 0);
    f->sg = tu_supergraph(&f->a, "type Query { a: Int } type User { id: ID }");
    f->sg->graphs = ARENA_ARRAY(&f->a, sg_graph, ngraphs);
    f->sg->ngraphs = ngraphs;
    for (uint32_t i = 0; i < ngraphs; i++) {
        f->sg->graphs[i].index = i;
        f->sg->graphs[i].name = arena_sprintf(&f->a, "graph%u", i);
        f->sg->graphs[i].url =
            graph_paths[i][0] == '/'
                ? arena_sprintf(&f->a, "http://127.0.0.1:%u%s", stub.port, graph_paths[i])
                : graph_paths[i];
    }
    f->ex = executor_new(cfg);
}

/* Timeouts that only a broken test reaches, even on a loaded machine; the
 * tests of timeouts set their own. */
static void setup(fixture *f, const char *const *graph_paths, uint32_t ngraphs)
{
    executor_config cfg = {.timeout_ms = 10000, .connect_timeout_ms = 2000};
    setup_with(f, graph_paths, ngraphs, &cfg);
}

static void teardown(fixture *f)
{
    free(f->response);
    executor_free(f->ex);
    arena_free(&f->a);
}

static void on_done(void *ctx, sbuf *response)
{
    fixture *f = ctx;
    f->done_calls++;
    free(f->response);
    f->response = sbuf_take(response);
}

static const char *execute(fixture *f, const plan *p, const char *variables)
{
    executor_job job = {.sg = f->sg,
                        .plan = p,
                        .variables = variables ? tu_json(&f->a, variables) : NULL,
                        .arena = &f->a,
                        .done = on_done,
                        .ctx = f};
    if (!executor_start(f->ex, &job)) return "(not started)";
    time_t start = time(NULL);
    while (executor_pending(f->ex) && time(NULL) - start < 30) {
        curl_multi_poll(executor_multi(f->ex), NULL, 0, 100, NULL);
        executor_drive(f->ex);
    }
    CHECK_INT(f->done_calls, 1);
    return f->response ? f->response : "(no response)";
}

static plan_node *fetch_node(arena *a, uint32_t graph, const char *subgraph, const char *operation)
{
    plan_node *n = ARENA_NEW(a, plan_node);
    n->kind = PLAN_FETCH;
    n->fetch = ARENA_NEW(a, plan_fetch);
    n->fetch->graph = graph;
    n->fetch->subgraph = subgraph;
    n->fetch->operation = operation;
    return n;
}

static plan_node *flatten_node(arena *a, uint32_t graph, const char *subgraph, const char *path,
                               const char *requires)
{
    plan_node *n = fetch_node(a, graph, subgraph,
                              "query($representations:[_Any!]!){_entities(representations:"
                              "$representations){...on User{name}}}");
    n->kind = PLAN_FLATTEN;
    n->fetch->requires = tu_selection(a, requires);
    n->paths = ARENA_NEW(a, plan_path);
    n->paths[0] = tu_path(a, path);
    n->npaths = 1;
    return n;
}

static plan_node *group(arena *a, plan_kind kind, plan_node *x, plan_node *y)
{
    plan_node *n = ARENA_NEW(a, plan_node);
    n->kind = kind;
    n->children = ARENA_ARRAY(a, plan_node *, 2);
    n->children[0] = x;
    n->children[1] = y;
    n->nchildren = 2;
    return n;
}

/* { me { id name } } */
static plan *me_plan(arena *a, plan_node *root, const char *id_type)
{
    const plan_shape *user = TU_SHAPE(a, tu_field(a, "id", "id", "User", "id", id_type, NULL),
                                      tu_field(a, "name", "name", "User", "name", "String", NULL));
    plan *p = ARENA_NEW(a, plan);
    p->root = root;
    p->shape = TU_SHAPE(a, tu_field(a, "me", "me", "Query", "me", "User", user));
    return p;
}

static const char me_op[] = "{me{__typename id}}";
static const char me_data[] = "{\"data\":{\"me\":{\"__typename\":\"User\",\"id\":\"1\"}}}";

TEST(sequence_of_root_and_entity_fetch)
{
    static const stub_route routes[] = {
        {"/accounts", 200, me_data, 0},
        {"/names", 200, "{\"data\":{\"_entities\":[{\"name\":\"Ada\"}]}}", 0}};
    stub_routes(routes, 2);
    fixture f;
    setup(&f, (const char *[]){"/accounts", "/names"}, 2);
    plan_node *root = group(&f.a, PLAN_SEQUENCE, fetch_node(&f.a, 0, "accounts", me_op),
                            flatten_node(&f.a, 1, "names", "me", "... on User { __typename id }"));
    root->children[0]->fetch->operation_name = "Me";
    static const char *forwarded[] = {"x", "absent"};
    root->children[0]->fetch->variables = forwarded;
    root->children[0]->fetch->nvariables = 2;
    CHECK_STR(execute(&f, me_plan(&f.a, root, "ID!"), "{\"x\":[1,\"a\"],\"y\":2}"),
              "{\"data\":{\"me\":{\"id\":\"1\",\"name\":\"Ada\"}}}");
    CHECK_STR(stub.last_body[0],
              "{\"query\":\"{me{__typename id}}\",\"operationName\":\"Me\",\"variables\":{"
              "\"x\":[1,\"a\"]}}");
    CHECK_STR(stub.last_body[1], "{\"query\":\"query($representations:[_Any!]!){_entities("
                                 "representations:$representations){...on User{name}}}\","
                                 "\"variables\":{\"representations\":[{\"__typename\":\"User\","
                                 "\"id\":\"1\"}]}}");
    CHECK_INT(executor_pending(f.ex), 0);
    teardown(&f);
}

/* Both requests are in the stub at once (each waits there for the other, 5 s
 * at most): one after the other, they would not meet. */
TEST(parallel_fetches_run_together)
{
    static const stub_route routes[] = {
        {"/a", 200, "{\"data\":{\"me\":{\"id\":\"1\"}}}", 5000},
        {"/b", 200, "{\"data\":{\"me\":{\"name\":\"Ada\"}}}", 5000}};
    stub_routes_meeting(routes, 2);
    fixture f;
    setup(&f, (const char *[]){"/a", "/b"}, 2);
    plan_node *root = group(&f.a, PLAN_PARALLEL, fetch_node(&f.a, 0, "a", "{me{id}}"),
                            fetch_node(&f.a, 1, "b", "{me{name}}"));
    CHECK_STR(execute(&f, me_plan(&f.a, root, "ID!"), NULL),
              "{\"data\":{\"me\":{\"id\":\"1\",\"name\":\"Ada\"}}}");
    CHECK(stub.met);
    teardown(&f);
}

TEST(condition_reads_a_boolean_variable)
{
    static const stub_route routes[] = {{"/yes", 200, "{\"data\":{\"me\":{\"id\":\"yes\"}}}", 0},
                                        {"/no", 200, "{\"data\":{\"me\":{\"id\":\"no\"}}}", 0}};
    stub_routes(routes, 2);
    fixture f;
    setup(&f, (const char *[]){"/yes", "/no"}, 2);
    plan_node *cond = ARENA_NEW(&f.a, plan_node);
    cond->kind = PLAN_CONDITION;
    cond->condition = "v";
    cond->if_clause = fetch_node(&f.a, 0, "yes", "{me{id}}");
    cond->else_clause = fetch_node(&f.a, 1, "no", "{me{id}}");
    plan *p = me_plan(&f.a, cond, "ID");
    CHECK_STR(execute(&f, p, "{\"v\":true}"), "{\"data\":{\"me\":{\"id\":\"yes\",\"name\":null}}}");
    f.done_calls = 0;
    CHECK_STR(execute(&f, p, "{\"v\":false}"), "{\"data\":{\"me\":{\"id\":\"no\",\"name\":null}}}");
    f.done_calls = 0;
    cond->else_clause = NULL;
    CHECK_STR(execute(&f, p, NULL), "{\"data\":{\"me\":null}}");
    teardown(&f);
}

TEST(nothing_to_fetch_completes_at_once)
{
    fixture f;
    setup(&f, (const char *[]){"/unused"}, 1);
    static const stub_route routes[] = {{"/unused", 200, me_data, 0}};
    stub_routes(routes, 1);
    plan *p = me_plan(&f.a, NULL, "ID");
    executor_job job = {.sg = f.sg, .plan = p, .arena = &f.a, .done = on_done, .ctx = &f};
    CHECK(executor_start(f.ex, &job));
    CHECK_INT(f.done_calls, 1);
    CHECK_STR(f.response, "{\"data\":{\"me\":null}}");
    /* A Flatten whose path finds no object sends no request. */
    f.done_calls = 0;
    p->root = flatten_node(&f.a, 0, "unused", "me", "... on User { __typename id }");
    CHECK_STR(execute(&f, p, NULL), "{\"data\":{\"me\":null}}");
    CHECK_INT(stub.hits[0], 0);
    CHECK_INT(executor_pending(f.ex), 0);
    job.plan = NULL;
    CHECK(!executor_start(f.ex, &job));
    teardown(&f);
}

TEST(subgraph_errors_are_forwarded_with_client_paths)
{
    static const stub_route routes[] = {
        {"/accounts", 200, me_data, 0},
        {"/names", 200,
         "{\"data\":{\"_entities\":[null]},\"errors\":[{\"message\":\"no name\",\"locations\":"
         "[{\"line\":1,\"column\":3}],\"path\":[\"_entities\",0,\"name\"],\"extensions\":"
         "{\"code\":\"E\"}}]}",
         0}};
    stub_routes(routes, 2);
    fixture f;
    setup(&f, (const char *[]){"/accounts", "/names"}, 2);
    plan_node *root = group(&f.a, PLAN_SEQUENCE, fetch_node(&f.a, 0, "accounts", me_op),
                            flatten_node(&f.a, 1, "names", "me", "... on User { __typename id }"));
    plan *p = me_plan(&f.a, root, "ID!");
    ((plan_shape *)p->shape)->fields[0].response_key = "myself";
    CHECK_STR(execute(&f, p, NULL),
              "{\"data\":{\"myself\":{\"id\":\"1\",\"name\":null}},\"errors\":[{\"message\":"
              "\"no name\",\"path\":[\"myself\",\"name\"],\"extensions\":{\"code\":\"E\"}}]}");
    teardown(&f);
}

static const char *failure(const char *path_or_url, unsigned status, const char *body,
                           unsigned delay_ms, char *buf, size_t size)
{
    stub_route routes[] = {{"/f", status, body, delay_ms}};
    stub_routes(routes, 1);
    fixture f;
    setup(&f, (const char *[]){path_or_url}, 1);
    snprintf(buf, size, "%s",
             execute(&f, me_plan(&f.a, fetch_node(&f.a, 0, "accounts", me_op), "ID!"), NULL));
    teardown(&f);
    return buf;
}

#define FAILED_IN(subgraph, reason)                                                                \
    "{\"data\":{\"me\":null},\"errors\":[{\"message\":\"Failed to fetch from subgraph "            \
    "\\\"" subgraph "\\\": " reason "\",\"extensions\":{\"code\":\"SUBGRAPH_FETCH_FAILED\","       \
    "\"serviceName\":\"" subgraph "\"}}]}"

#define FAILED(reason) FAILED_IN("accounts", reason)

/* A graph whose URL is tcp:// goes through the peer sidecar listening there,
 * which forwards to its local service; the other graph goes over HTTP. The
 * peer's HTTP status comes through as a direct fetch's would. */
TEST(graphs_routed_to_a_peer_go_through_it)
{
    static const stub_route routes[] = {
        {"/accounts", 200, me_data, 0},
        {"/names", 200, "{\"data\":{\"_entities\":[{\"name\":\"Ada\"}]}}", 0},
        {"/broken", 503, "{}", 0}};
    stub_routes(routes, 3);
    char address[64], accounts_url[64], broken_url[64];
    snprintf(address, sizeof address, "tcp://127.0.0.1:%d", freeport_take());
    snprintf(accounts_url, sizeof accounts_url, "http://127.0.0.1:%u/accounts", stub.port);
    snprintf(broken_url, sizeof broken_url, "http://127.0.0.1:%u/broken", stub.port);
    bundle_route local[] = {{"graph0", accounts_url}, {"graph2", broken_url}};
    mesh_server_config mcfg = {.listen = address, .routes = local, .nroutes = 2};
    mesh_server *peer = mesh_server_start(&mcfg);
    CHECK(peer != NULL);
    fixture f;
    setup(&f, (const char *[]){address, "/names", address}, 3);
    plan_node *root = group(&f.a, PLAN_SEQUENCE, fetch_node(&f.a, 0, "accounts", me_op),
                            flatten_node(&f.a, 1, "names", "me", "... on User { __typename id }"));
    CHECK_STR(execute(&f, me_plan(&f.a, root, "ID!"), NULL),
              "{\"data\":{\"me\":{\"id\":\"1\",\"name\":\"Ada\"}}}");
    CHECK_INT(stub.hits[0], 1);
    CHECK_INT(stub.hits[1], 1);
    f.done_calls = 0;
    CHECK_STR(execute(&f, me_plan(&f.a, fetch_node(&f.a, 2, "accounts", me_op), "ID!"), NULL),
              FAILED("HTTP status 503"));
    teardown(&f);
    mesh_server_stop(peer);
}

TEST(failed_subgraphs_null_their_fields_with_one_error)
{
    char buf[1024];
    CHECK_STR(failure("/f", 500, "{\"data\":{\"me\":{\"id\":\"1\"}}}", 0, buf, sizeof buf),
              FAILED("HTTP status 500"));
    CHECK_STR(failure("/f", 200, "{\"data\":", 0, buf, sizeof buf),
              FAILED("invalid JSON in the response: Unexpected end of input at offset 8"));
    CHECK_STR(failure("/f", 200, "[1]", 0, buf, sizeof buf),
              FAILED("the response is not a JSON object"));
    CHECK_STR(failure("/f", 200, "{\"data\":3}", 0, buf, sizeof buf),
              FAILED("the response has neither data nor errors"));
}

/* Runs p until it answers `want` (20 tries: a loaded machine may miss a
 * short timeout): then the executor holds an open connection to the stub,
 * and a later timeout measures the subgraph, not how fast the machine
 * connects. */
static void connect_first(fixture *f, const plan *p, const char *want)
{
    const char *got = "(not run)";
    for (int i = 0; i < 20 && strcmp(got, want) != 0; i++) {
        f->done_calls = 0;
        got = execute(f, p, NULL);
    }
    CHECK_STR(got, want);
    f->done_calls = 0;
}

TEST(a_subgraph_slower_than_the_timeout)
{
    static const stub_route fast[] = {{"/f", 200, me_data, 0}};
    static const stub_route slow[] = {{"/f", 200, me_data, 1500}};
    stub_routes(fast, 1);
    executor_config cfg = {.timeout_ms = 300, .connect_timeout_ms = 2000};
    fixture f;
    setup_with(&f, (const char *[]){"/f"}, 1, &cfg);
    plan *p = me_plan(&f.a, fetch_node(&f.a, 0, "accounts", me_op), "ID!");
    connect_first(&f, p, "{\"data\":{\"me\":{\"id\":\"1\",\"name\":null}}}");
    stub_routes(slow, 1);
    CHECK_STR(execute(&f, p, NULL), FAILED("no response within 300 ms"));
    teardown(&f);
}

TEST(refused_connections_fail_the_fetch)
{
    char url[64], buf[1024];
    snprintf(url, sizeof url, "http://127.0.0.1:%d/f", freeport_take()); /* nobody listens */
    CHECK_STR(failure(url, 200, "", 0, buf, sizeof buf),
              FAILED("could not connect: Connection refused"));
}

/* A listener that never accepts, its queue full: the kernel drops the SYN
 * of any further connection, which so stays unanswered however long the
 * client waits. */
static int full_listener(int *port, int *queued)
{
    *port = freeport_take();
    struct sockaddr_in a = {.sin_family = AF_INET,
                            .sin_port = htons((uint16_t)*port),
                            .sin_addr.s_addr = htonl(INADDR_LOOPBACK)};
    int fd = socket(AF_INET, SOCK_STREAM, 0);
    *queued = socket(AF_INET, SOCK_STREAM, 0);
    if (fd < 0 || *queued < 0 || bind(fd, (struct sockaddr *)&a, sizeof a) != 0 ||
        listen(fd, 0) != 0 || connect(*queued, (struct sockaddr *)&a, sizeof a) != 0)
        abort();
    return fd;
}

TEST(connections_never_accepted_time_out)
{
    int port, queued;
    int listener = full_listener(&port, &queued);
    executor_config cfg = {.timeout_ms = 10000, .connect_timeout_ms = 300};
    fixture f;
    char url[64];
    snprintf(url, sizeof url, "http://127.0.0.1:%d/f", port);
    setup_with(&f, (const char *[]){url}, 1, &cfg);
    CHECK_STR(execute(&f, me_plan(&f.a, fetch_node(&f.a, 0, "accounts", me_op), "ID!"), NULL),
              FAILED("could not connect within 300 ms"));
    teardown(&f);
    close(queued);
    close(listener);
}

TEST(connections_are_kept_alive_between_jobs)
{
    static const stub_route routes[] = {{"/accounts", 200, me_data, 0}};
    stub_routes(routes, 1);
    fixture f;
    setup(&f, (const char *[]){"/accounts"}, 1);
    plan *p = me_plan(&f.a, fetch_node(&f.a, 0, "accounts", me_op), "ID!");
    uint32_t before = stub.connections;
    for (int i = 0; i < 5; i++) {
        f.done_calls = 0;
        CHECK_STR(execute(&f, p, NULL), "{\"data\":{\"me\":{\"id\":\"1\",\"name\":null}}}");
    }
    CHECK_INT(stub.hits[0], 5);
    CHECK_INT(stub.connections - before, 1);
    teardown(&f);
}

/* Graph 0 has its own timeout (300 ms), graph 1 the executor's (10 s): the
 * same slow answer fails the one and not the other. Graph 0's request goes
 * on a connection already open, so that its timeout measures the subgraph;
 * responses over 40 bytes fail. */
TEST(timeouts_per_graph_and_response_size_limit)
{
    static const char small[] = "{\"data\":{\"me\":{\"id\":\"1\"}}}";
    static const char big[] = "{\"data\":{\"me\":{\"id\":\"0123456789012345678901234567890\"}}}";
    static const stub_route fast[] = {{"/one", 200, small, 0}, {"/two", 200, small, 0}};
    static const stub_route slow[] = {{"/one", 200, small, 1500}, {"/two", 200, small, 1500}};
    static const stub_route too_big[] = {{"/two", 200, big, 0}};
    static const long graph_timeouts[] = {300, 0};
    executor_config cfg = {.timeout_ms = 10000,
                           .connect_timeout_ms = 2000,
                           .graph_timeout_ms = graph_timeouts,
                           .max_response_bytes = 40};
    fixture f;
    setup_with(&f, (const char *[]){"/one", "/two"}, 2, &cfg);
    plan *one = me_plan(&f.a, fetch_node(&f.a, 0, "one", "{me{id}}"), "ID!");
    plan *two = me_plan(&f.a, fetch_node(&f.a, 1, "two", "{me{id}}"), "ID!");
    stub_routes(fast, 2);
    connect_first(&f, one, "{\"data\":{\"me\":{\"id\":\"1\",\"name\":null}}}");
    stub_routes(slow, 2);
    CHECK_STR(execute(&f, one, NULL), FAILED_IN("one", "no response within 300 ms"));
    f.done_calls = 0;
    CHECK_STR(execute(&f, two, NULL), "{\"data\":{\"me\":{\"id\":\"1\",\"name\":null}}}");
    stub_routes(too_big, 1);
    f.done_calls = 0;
    CHECK_STR(execute(&f, two, NULL), FAILED_IN("two", "the response is larger than 40 bytes"));
    teardown(&f);
}

/* ---- plans made by qp_plan for tests/fixtures/supergraph/shop.graphql ---- */

#define SHOP "tests/fixtures/supergraph/shop.graphql"

/* Plans `query` on the shop supergraph with every subgraph served by the stub
 * at /<name>, runs it and returns the response. */
static const char *run_shop(fixture *f, const char *query, const char *variables)
{
    static char sdl[1 << 16];
    FILE *file = fopen(SHOP, "rb");
    size_t len = file ? fread(sdl, 1, sizeof sdl - 1, file) : 0;
    if (file) fclose(file);
    sdl[len] = '\0';
    diag_list errs;
    diag_init(&errs, &f->a);
    f->sg = sg_load(&f->a, sdl, len, &errs);
    parse_error perr;
    ast_document *doc = parse_document(&f->a, query, strlen(query), NULL, &perr);
    if (!f->sg || !doc) return "(cannot load " SHOP " or parse the query)";
    for (uint32_t i = 0; i < f->sg->ngraphs; i++)
        f->sg->graphs[i].url =
            arena_sprintf(&f->a, "http://127.0.0.1:%u/%s", stub.port, f->sg->graphs[i].name);
    plan *p = qp_plan(&f->a, f->sg, doc, ast_find_operation(doc, NULL), &errs);
    if (!p) return errs.first ? errs.first->message : "(no plan)";
    return execute(f, p, variables);
}

TEST(planned_union_fetches_entities_of_one_member)
{
    static const stub_route routes[] = {
        {"/users", 200,
         "{\"data\":{\"search\":[{\"__typename\":\"Product\",\"upc\":\"1\"},"
         "{\"__typename\":\"User\",\"email\":\"a@x\",\"role\":\"ADMIN\"},"
         "{\"__typename\":\"Product\",\"upc\":\"1\"},{\"__typename\":\"Product\","
         "\"upc\":\"2\"}]}}",
         0},
        {"/products", 200, "{\"data\":{\"_entities\":[{\"name\":\"Table\"},{\"name\":null}]}}", 0}};
    stub_routes(routes, 2);
    fixture f;
    setup(&f, (const char *[]){"/unused"}, 1);
    CHECK_STR(run_shop(&f,
                       "query Search($term: String!) { search(term: $term) { __typename "
                       "... on Product { upc name } ... on User { email role } } }",
                       "{\"term\":\"t\"}"),
              "{\"data\":{\"search\":[{\"__typename\":\"Product\",\"upc\":\"1\",\"name\":"
              "\"Table\"},{\"__typename\":\"User\",\"email\":\"a@x\",\"role\":\"ADMIN\"},"
              "{\"__typename\":\"Product\",\"upc\":\"1\",\"name\":\"Table\"},{\"__typename\":"
              "\"Product\",\"upc\":\"2\",\"name\":null}]}}");
    CHECK(strstr(stub.last_body[0], "\"variables\":{\"term\":\"t\"}") != NULL);
    CHECK(strstr(stub.last_body[1],
                 "\"representations\":[{\"__typename\":\"Product\","
                 "\"upc\":\"1\"},{\"__typename\":\"Product\",\"upc\":\"2\"}]") != NULL);
    teardown(&f);
}

TEST(planned_interface_object_rewrites_the_typename)
{
    static const stub_route routes[] = {
        {"/products", 200,
         "{\"data\":{\"media\":[{\"__typename\":\"Movie\",\"id\":\"m1\",\"title\":\"M\","
         "\"duration\":90},{\"__typename\":\"Book\",\"id\":\"b1\",\"title\":\"B\"}]}}",
         0},
        {"/inventory", 200, "{\"data\":{\"_entities\":[{\"stockCount\":3},{\"stockCount\":0}]}}",
         0}};
    stub_routes(routes, 2);
    fixture f;
    setup(&f, (const char *[]){"/unused"}, 1);
    CHECK_STR(run_shop(&f, "{ media { id title stockCount ... on Movie { duration } } }", NULL),
              "{\"data\":{\"media\":[{\"id\":\"m1\",\"title\":\"M\",\"stockCount\":3,"
              "\"duration\":90},{\"id\":\"b1\",\"title\":\"B\",\"stockCount\":0}]}}");
    CHECK(strstr(stub.last_body[1],
                 "\"representations\":[{\"__typename\":\"Media\","
                 "\"id\":\"m1\"},{\"__typename\":\"Media\",\"id\":\"b1\"}]") != NULL);
    teardown(&f);
}

TEST(planned_requires_with_arguments_renames_the_alias)
{
    static const stub_route routes[] = {
        {"/products", 200,
         "{\"data\":{\"topProducts\":[{\"name\":\"T\",\"price\":10,\"__typename\":"
         "\"Product\",\"upc\":\"1\",\"fm_price_eeba695c\":9,\"weight\":5}]}}",
         0},
        {"/inventory", 200, "{\"data\":{\"_entities\":[{\"shippingEstimate\":42}]}}", 0}};
    stub_routes(routes, 2);
    fixture f;
    setup(&f, (const char *[]){"/unused"}, 1);
    CHECK_STR(run_shop(&f, "{ topProducts { name price shippingEstimate } }", NULL),
              "{\"data\":{\"topProducts\":[{\"name\":\"T\",\"price\":10,"
              "\"shippingEstimate\":42}]}}");
    CHECK(strstr(stub.last_body[1], "\"representations\":[{\"__typename\":\"Product\","
                                    "\"upc\":\"1\",\"price\":9,\"weight\":5}]") != NULL);
    teardown(&f);
}

TEST_MAIN(stub_start(); RUN(sequence_of_root_and_entity_fetch); RUN(parallel_fetches_run_together);
          RUN(condition_reads_a_boolean_variable); RUN(nothing_to_fetch_completes_at_once);
          RUN(subgraph_errors_are_forwarded_with_client_paths);
          RUN(failed_subgraphs_null_their_fields_with_one_error);
          RUN(refused_connections_fail_the_fetch); RUN(graphs_routed_to_a_peer_go_through_it);
          RUN(connections_are_kept_alive_between_jobs); RUN(a_subgraph_slower_than_the_timeout);
          RUN(connections_never_accepted_time_out); RUN(timeouts_per_graph_and_response_size_limit);
          RUN(planned_union_fetches_entities_of_one_member);
          RUN(planned_interface_object_rewrites_the_typename);
          RUN(planned_requires_with_arguments_renames_the_alias); MHD_stop_daemon(stub.daemon);)
