/* config_test.c: the YAML configuration: every key, defaults, environment
 * overrides, and each error with its line and column. */
#include <stdlib.h>
#include <unistd.h>

#include "config.h"
#include "ftest.h"

static char err[512];

static bool parse(cfg *c, const char *yaml)
{
    err[0] = '\0';
    return cfg_parse(c, yaml, strlen(yaml), "cp.yaml", "/etc/fm", err, sizeof err);
}

/* The error message of a config that must fail. */
static const char *error_of(const char *yaml)
{
    cfg c;
    bool ok = parse(&c, yaml);
    cfg_free(&c);
    return ok ? "(accepted)" : err;
}

TEST(full_file)
{
    cfg c;
    CHECK(parse(&c, "state_dir: state\n"
                    "admin:\n  listen: 127.0.0.1:7700\n  token: s3cret\n"
                    "nng:\n  publish: tcp://127.0.0.1:7800\n  fetch: tcp://127.0.0.1:7801\n"
                    "  report: tcp://127.0.0.1:7802\n  advertise_host: cp.internal\n"
                    "poll:\n  interval_ms: 500\n  jitter_ms: 20\n  timeout_ms: 900\n"
                    "  max_backoff_ms: 4000\n"
                    "usage:\n  top: 7\n"
                    "operations:\n  - file: ops/a.graphql\n  - file: /abs/b.graphql\n"
                    "subgraphs:\n"
                    "  - name: products\n    url: http://127.0.0.1:4203/graphql\n"
                    "  - name: reviews\n    url: https://r.example/graphql\n"
                    "    sdl_file: sdl/reviews.graphql\n"
                    "  - name: empty-file\n    url: http://x/\n    sdl_file: \"\"\n"));
    CHECK_STR(err, "");
    CHECK_STR(c.state_dir, "/etc/fm/state");
    CHECK_STR(c.admin_listen, "127.0.0.1:7700");
    CHECK_STR(c.admin_token, "s3cret");
    CHECK_STR(c.nng_publish, "tcp://127.0.0.1:7800");
    CHECK_STR(c.nng_fetch, "tcp://127.0.0.1:7801");
    CHECK_STR(c.nng_report, "tcp://127.0.0.1:7802");
    CHECK_STR(c.advertise_host, "cp.internal");
    CHECK_INT(c.poll_interval_ms, 500);
    CHECK_INT(c.poll_jitter_ms, 20);
    CHECK_INT(c.poll_timeout_ms, 900);
    CHECK_INT(c.poll_max_backoff_ms, 4000);
    CHECK_INT(c.usage_top, 7);
    CHECK_INT(c.noperations, 2);
    CHECK_STR(c.operations[0], "/etc/fm/ops/a.graphql");
    CHECK_STR(c.operations[1], "/abs/b.graphql");
    CHECK_INT(c.nsubgraphs, 3);
    CHECK_STR(c.subgraphs[0].name, "products");
    CHECK_STR(c.subgraphs[0].url, "http://127.0.0.1:4203/graphql");
    CHECK(c.subgraphs[0].sdl_file == NULL);
    CHECK_STR(c.subgraphs[1].sdl_file, "/etc/fm/sdl/reviews.graphql");
    CHECK(c.subgraphs[2].sdl_file == NULL);
    cfg_free(&c);
}

TEST(defaults)
{
    cfg c;
    CHECK(parse(&c, ""));
    CHECK_STR(c.state_dir, "/var/lib/fedmesh");
    CHECK_STR(c.admin_listen, "127.0.0.1:7000");
    CHECK_STR(c.admin_token, "");
    CHECK_STR(c.nng_publish, "tcp://127.0.0.1:7100");
    CHECK_STR(c.nng_fetch, "tcp://127.0.0.1:7101");
    CHECK_STR(c.nng_report, "tcp://127.0.0.1:7102");
    CHECK_INT(c.poll_interval_ms, 250);
    CHECK_INT(c.poll_jitter_ms, 50);
    CHECK_INT(c.poll_timeout_ms, 2000);
    CHECK_INT(c.poll_max_backoff_ms, 10000);
    CHECK_INT(c.usage_top, 20);
    CHECK_INT(c.nsubgraphs, 0);
    CHECK_INT(c.noperations, 0);
    cfg_free(&c);
    CHECK(parse(&c, "subgraphs:\noperations:\n"));
    CHECK_INT(c.nsubgraphs, 0);
    cfg_free(&c);
}

TEST(environment_overrides_the_file)
{
    setenv("FEDMESH_STATE_DIR", "/tmp/st", 1);
    setenv("FEDMESH_ADMIN_LISTEN", "0.0.0.0:9000", 1);
    setenv("FEDMESH_ADMIN_TOKEN", "tok", 1);
    setenv("FEDMESH_NNG_PUBLISH", "tcp://0.0.0.0:1", 1);
    setenv("FEDMESH_NNG_FETCH", "tcp://0.0.0.0:2", 1);
    setenv("FEDMESH_NNG_REPORT", "tcp://0.0.0.0:3", 1);
    setenv("FEDMESH_POLL_INTERVAL_MS", "100", 1);
    cfg c;
    CHECK(parse(&c, "state_dir: x\nadmin:\n  listen: 127.0.0.1:1\npoll:\n  interval_ms: 900\n"));
    CHECK_STR(c.state_dir, "/tmp/st");
    CHECK_STR(c.admin_listen, "0.0.0.0:9000");
    CHECK_STR(c.admin_token, "tok");
    CHECK_STR(c.nng_publish, "tcp://0.0.0.0:1");
    CHECK_STR(c.nng_fetch, "tcp://0.0.0.0:2");
    CHECK_STR(c.nng_report, "tcp://0.0.0.0:3");
    CHECK_INT(c.poll_interval_ms, 100);
    cfg_free(&c);
    setenv("FEDMESH_POLL_INTERVAL_MS", "fast", 1);
    CHECK_STR(error_of(""),
              "cp.yaml: FEDMESH_POLL_INTERVAL_MS must be a whole number from 10 to 86400000");
    unsetenv("FEDMESH_ADMIN_TOKEN");
    unsetenv("FEDMESH_POLL_INTERVAL_MS");
    CHECK_STR(error_of(""), "cp.yaml: admin.token is required when admin.listen (0.0.0.0:9000) "
                            "is not a loopback address");
    const char *vars[] = {"FEDMESH_STATE_DIR", "FEDMESH_ADMIN_LISTEN", "FEDMESH_NNG_PUBLISH",
                          "FEDMESH_NNG_FETCH", "FEDMESH_NNG_REPORT"};
    for (size_t i = 0; i < 5; i++)
        unsetenv(vars[i]);
}

TEST(unknown_keys_are_errors)
{
    CHECK_STR(error_of("poll:\n  interval_ms: 300\n  intervall: 5\n"),
              "cp.yaml:3:3: unknown key \"intervall\" in poll");
    CHECK_STR(error_of("statedir: /x\n"), "cp.yaml:1:1: unknown key \"statedir\" in the file");
    CHECK_STR(error_of("subgraphs:\n  - name: a\n    url: http://a/\n    sdl: x\n"),
              "cp.yaml:4:5: unknown key \"sdl\" in subgraphs[]");
    CHECK_STR(error_of("operations:\n  - path: x\n"),
              "cp.yaml:2:5: unknown key \"path\" in operations[]");
}

TEST(wrong_types)
{
    CHECK_STR(error_of("poll: 5\n"), "cp.yaml:1:7: poll must be a mapping");
    CHECK_STR(error_of("- a\n- b\n"), "cp.yaml:1:1: the file must be a mapping");
    CHECK_STR(error_of("state_dir: [a]\n"), "cp.yaml:1:12: state_dir must be a string");
    CHECK_STR(error_of("subgraphs: products\n"), "cp.yaml:1:12: subgraphs must be a list");
    CHECK_STR(error_of("subgraphs:\n  - products\n"), "cp.yaml:2:5: subgraphs[] must be a mapping");
    CHECK_STR(error_of("admin:\n  [a]: b\n"), "cp.yaml:2:3: keys of admin must be strings");
}

TEST(numbers)
{
    CHECK_STR(error_of("poll:\n  interval_ms: soon\n"),
              "cp.yaml:2:16: poll.interval_ms must be a whole number");
    CHECK_STR(error_of("poll:\n  interval_ms: -5\n"),
              "cp.yaml:2:16: poll.interval_ms must be a whole number");
    CHECK_STR(error_of("poll:\n  interval_ms: 2.5\n"),
              "cp.yaml:2:16: poll.interval_ms must be a whole number");
    CHECK_STR(error_of("poll:\n  interval_ms: 99999999999999999999999\n"),
              "cp.yaml:2:16: poll.interval_ms must be a whole number");
    CHECK_STR(error_of("poll:\n  timeout_ms: 5\n"),
              "cp.yaml:2:15: poll.timeout_ms must be between 10 and 600000, not 5");
    CHECK_STR(error_of("poll:\n  interval_ms: 100\n  jitter_ms: 100\n"),
              "cp.yaml: poll.jitter_ms (100) must be less than poll.interval_ms (100)");
    CHECK_STR(error_of("poll:\n  interval_ms: 1000\n  max_backoff_ms: 500\n"),
              "cp.yaml: poll.max_backoff_ms (500) must be at least poll.interval_ms (1000)");
    CHECK_STR(error_of("usage:\n  top: 10001\n"),
              "cp.yaml:2:8: usage.top must be between 0 and 10000, not 10001");
}

TEST(subgraph_checks)
{
    CHECK_STR(error_of("subgraphs:\n  - url: http://a/\n"), "cp.yaml:2:5: a subgraph needs a name");
    CHECK_STR(error_of("subgraphs:\n  - name: a\n"), "cp.yaml:2:5: subgraph \"a\" needs a url");
    CHECK_STR(error_of("subgraphs:\n  - name: a b\n    url: http://a/\n"),
              "cp.yaml:2:5: subgraph name \"a b\" is not a valid name");
    CHECK_STR(error_of("subgraphs:\n  - name: a\n    url: ftp://a/\n"),
              "cp.yaml:2:5: subgraph \"a\": url \"ftp://a/\" is not an http(s) URL");
    CHECK_STR(error_of("subgraphs:\n  - name: a\n    url: http://a/\n"
                       "  - name: a\n    url: http://b/\n"),
              "cp.yaml:4:5: subgraph \"a\" is listed twice");
    CHECK_STR(error_of("operations:\n  - file: \"\"\n"), "cp.yaml:2:5: an operation needs a file");
}

TEST(addresses)
{
    CHECK_STR(error_of("admin:\n  listen: 0.0.0.0:7000\n"),
              "cp.yaml: admin.token is required when admin.listen (0.0.0.0:7000) is not a "
              "loopback address");
    CHECK_STR(error_of("admin:\n  listen: 0.0.0.0:7000\n  token: t\n"), "(accepted)");
    CHECK_STR(error_of("admin:\n  listen: 7000\n"),
              "cp.yaml: admin.listen \"7000\" must be HOST:PORT");
    CHECK_STR(error_of("nng:\n  fetch: http://x:1\n"),
              "cp.yaml: nng.fetch \"http://x:1\" must start with tcp://, tls+tcp://, ipc:// or "
              "inproc://");
    CHECK_STR(error_of("nng:\n  publish: tls+tcp://0.0.0.0:7100\n"),
              "cp.yaml: tls+tcp:// addresses need nng.tls_cert_file and nng.tls_key_file");
    CHECK_STR(error_of("nng:\n  publish: tls+tcp://0.0.0.0:7100\n  tls_cert_file: c.pem\n"
                       "  tls_key_file: k.pem\n"),
              "(accepted)");
    CHECK_STR(error_of("state_dir: \"\"\n"), "cp.yaml: state_dir must not be empty");
}

TEST(malformed_yaml)
{
    CHECK_STR(error_of("poll:\n  interval_ms: [1, 2\n"),
              "cp.yaml:3:1: did not find expected ',' or ']' while parsing a flow sequence");
    CHECK_STR(error_of("a: b\n c: d\n"),
              "cp.yaml:2:3: mapping values are not allowed in this context");
    CHECK_STR(error_of("\t- x\n"),
              "cp.yaml:1:1: found character that cannot start any token while scanning for the "
              "next token");
}

TEST(load_from_disk)
{
    cfg c;
    CHECK(!cfg_load(&c, "/nonexistent/cp.yaml", err, sizeof err));
    CHECK_STR(err, "/nonexistent/cp.yaml: No such file or directory");
    cfg_free(&c);
    char path[] = "/tmp/cp_config_testXXXXXX";
    int fd = mkstemp(path);
    CHECK(fd >= 0);
    const char *text = "state_dir: st\nsubgraphs:\n  - name: a\n    url: http://a/\n"
                       "    sdl_file: a.graphql\n";
    CHECK(write(fd, text, strlen(text)) == (ssize_t)strlen(text));
    close(fd);
    CHECK(cfg_load(&c, path, err, sizeof err));
    CHECK_STR(c.state_dir, "/tmp/st");
    CHECK_STR(c.subgraphs[0].sdl_file, "/tmp/a.graphql");
    cfg_free(&c);
    unlink(path);
}

TEST(helpers)
{
    CHECK(cfg_is_loopback("127.0.0.1:7000"));
    CHECK(cfg_is_loopback("127.1.2.3:1"));
    CHECK(cfg_is_loopback("localhost:7000"));
    CHECK(cfg_is_loopback("[::1]:7000"));
    CHECK(!cfg_is_loopback("0.0.0.0:7000"));
    CHECK(!cfg_is_loopback("10.0.0.1:7000"));
    CHECK(!cfg_is_loopback("localhost.evil:7000"));
    CHECK(!cfg_is_loopback("1127.0.0.1:7000"));
    CHECK(cfg_valid_subgraph_name("products"));
    CHECK(cfg_valid_subgraph_name("_a-b_9"));
    CHECK(!cfg_valid_subgraph_name(""));
    CHECK(!cfg_valid_subgraph_name("9a"));
    CHECK(!cfg_valid_subgraph_name("a/b"));
    CHECK(!cfg_valid_subgraph_name(
        "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"));
    CHECK(cfg_valid_url("http://127.0.0.1:4001/graphql"));
    CHECK(cfg_valid_url("https://x"));
    CHECK(!cfg_valid_url("http://"));
    CHECK(!cfg_valid_url("http:///x"));
    CHECK(!cfg_valid_url("http://a b/"));
    CHECK(!cfg_valid_url("tcp://a/"));
}

TEST_MAIN(RUN(full_file); RUN(defaults); RUN(environment_overrides_the_file);
          RUN(unknown_keys_are_errors); RUN(wrong_types); RUN(numbers); RUN(subgraph_checks);
          RUN(addresses); RUN(malformed_yaml); RUN(load_from_disk); RUN(helpers);)
