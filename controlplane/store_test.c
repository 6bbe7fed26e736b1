/* store_test.c: the state directory: versions survive a reopen, bundles and
 * history are kept, bad state is refused with a clear message. */
#include <dirent.h>
#include <errno.h>
#include <stdlib.h>
#include <unistd.h>

#include "fileio.h"
#include "ftest.h"
#include "store.h"

static char err[512];

static char *fresh_dir(void)
{
    static char path[64];
    strcpy(path, "/tmp/cp_store_testXXXXXX");
    CHECK(mkdtemp(path) != NULL);
    return path;
}

static void remove_tree(const char *dir)
{
    char cmd[256];
    snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
    CHECK(system(cmd) == 0);
}

static char *file_text(const char *dir, const char *name)
{
    char path[256];
    snprintf(path, sizeof path, "%s/%s", dir, name);
    size_t len;
    return fio_read(path, 1 << 20, &len);
}

static void put_file(const char *dir, const char *name, const char *text)
{
    char path[256];
    snprintf(path, sizeof path, "%s/%s", dir, name);
    CHECK(fio_write_atomic(path, text, strlen(text)));
}

TEST(fresh_state_starts_at_one)
{
    char *dir = fresh_dir();
    char sub[128];
    snprintf(sub, sizeof sub, "%s/a/b", dir);
    store s;
    CHECK(store_open(&s, sub, err, sizeof err));
    CHECK_INT(s.current, 0);
    char last[64];
    CHECK(!store_last_history(&s, last, sizeof last));
    CHECK_INT(store_next_version(&s), 1);
    store_close(&s);
    remove_tree(dir);
}

TEST(versions_continue_after_reopen)
{
    char *dir = fresh_dir();
    store s;
    CHECK(store_open(&s, dir, err, sizeof err));
    CHECK(store_put_bundle(&s, 1, "one", 3, err, sizeof err));
    CHECK(store_put_bundle(&s, 2, "two!", 4, err, sizeof err));
    CHECK_INT(s.current, 2);
    CHECK_INT(store_next_version(&s), 3);
    store_close(&s);

    CHECK(store_open(&s, dir, err, sizeof err));
    CHECK_INT(s.current, 2);
    CHECK_INT(store_next_version(&s), 3);
    size_t len = 0;
    char *b = store_get_bundle(&s, 1, &len);
    CHECK(b && len == 3 && memcmp(b, "one", 3) == 0);
    free(b);
    errno = 0;
    CHECK(store_get_bundle(&s, 7, &len) == NULL);
    CHECK_INT(errno, ENOENT);
    char *cur = file_text(dir, "current");
    CHECK_STR(cur, "2\n");
    free(cur);
    char *name = file_text(dir, "bundles/00000002.pb");
    CHECK_STR(name, "two!");
    free(name);
    store_close(&s);
    remove_tree(dir);
}

TEST(a_lost_current_file_never_reuses_a_version)
{
    char *dir = fresh_dir();
    store s;
    CHECK(store_open(&s, dir, err, sizeof err));
    CHECK(store_put_bundle(&s, 5, "five", 4, err, sizeof err));
    store_close(&s);
    char path[256];
    snprintf(path, sizeof path, "%s/current", dir);
    CHECK(unlink(path) == 0);
    put_file(dir, "bundles/notes.txt", "x");
    put_file(dir, "bundles/00000009.pb.tmp.1", "x");
    CHECK(store_open(&s, dir, err, sizeof err));
    CHECK_INT(s.current, 0);
    CHECK_INT(store_next_version(&s), 6);
    store_close(&s);
    remove_tree(dir);
}

TEST(bad_state_is_refused)
{
    char *dir = fresh_dir();
    store s;
    CHECK(store_open(&s, dir, err, sizeof err));
    store_close(&s);
    put_file(dir, "current", "forty-two\n");
    CHECK(!store_open(&s, dir, err, sizeof err));
    char want[256];
    snprintf(want, sizeof want, "%s/current: not a version number", dir);
    CHECK_STR(err, want);
    put_file(dir, "current", "3\n");
    CHECK(!store_open(&s, dir, err, sizeof err));
    snprintf(want, sizeof want, "%s/current names version 3, which is not kept", dir);
    CHECK_STR(err, want);
    remove_tree(dir);
    put_file("/tmp", "cp_store_test_file", "x");
    CHECK(!store_open(&s, "/tmp/cp_store_test_file", err, sizeof err));
    CHECK_STR(err, "/tmp/cp_store_test_file: Not a directory");
    unlink("/tmp/cp_store_test_file");
}

TEST(history_lines_are_appended)
{
    char *dir = fresh_dir();
    store s;
    CHECK(store_open(&s, dir, err, sizeof err));
    CHECK(store_append_history(&s, "{\"version\":1}", 13));
    CHECK(store_append_history(&s, "{\"version\":0,\"ok\":false}", 24));
    char *h = file_text(dir, "history.jsonl");
    CHECK_STR(h, "{\"version\":1}\n{\"version\":0,\"ok\":false}\n");
    free(h);
    char last[64];
    CHECK(store_last_history(&s, last, sizeof last));
    CHECK_STR(last, "{\"version\":0,\"ok\":false}");
    char tiny[8];
    CHECK(!store_last_history(&s, tiny, sizeof tiny)); /* longer than the buffer */
    CHECK(store_append_history(&s, "{}", 2));
    CHECK(store_last_history(&s, tiny, sizeof tiny));
    CHECK_STR(tiny, "{}");
    store_close(&s);
    remove_tree(dir);
}

TEST(subgraph_list_round_trip)
{
    char *dir = fresh_dir();
    store s;
    CHECK(store_open(&s, dir, err, sizeof err));
    size_t len = 0;
    errno = 0;
    CHECK(store_load_subgraphs(&s, &len) == NULL);
    CHECK_INT(errno, ENOENT);
    CHECK(store_save_subgraphs(&s, "[{\"name\":\"a\"}]", 14));
    char *t = store_load_subgraphs(&s, &len);
    CHECK_STR(t, "[{\"name\":\"a\"}]");
    CHECK_INT(len, 14);
    free(t);
    /* no temporary file is left beside it */
    DIR *d = opendir(dir);
    int entries = 0;
    for (struct dirent *e; (e = readdir(d));)
        entries += e->d_name[0] != '.';
    closedir(d);
    CHECK_INT(entries, 2); /* bundles/ and subgraphs.json */
    store_close(&s);
    remove_tree(dir);
}

TEST(fileio_errors)
{
    size_t len;
    errno = 0;
    CHECK(fio_read("/tmp", 100, &len) == NULL);
    CHECK_INT(errno, EISDIR);
    put_file("/tmp", "cp_store_test_big", "0123456789");
    errno = 0;
    CHECK(fio_read("/tmp/cp_store_test_big", 9, &len) == NULL);
    CHECK_INT(errno, EFBIG);
    char *t = fio_read("/tmp/cp_store_test_big", 10, &len);
    CHECK_STR(t, "0123456789");
    free(t);
    errno = 0;
    CHECK(!fio_mkdirs("/tmp/cp_store_test_big/sub"));
    CHECK_INT(errno, ENOTDIR);
    unlink("/tmp/cp_store_test_big");
    CHECK(!fio_write_atomic("/nonexistent-dir/x", "a", 1));
    CHECK_INT(errno, ENOENT);
}

TEST_MAIN(RUN(fresh_state_starts_at_one); RUN(versions_continue_after_reopen);
          RUN(a_lost_current_file_never_reuses_a_version); RUN(bad_state_is_refused);
          RUN(history_lines_are_appended); RUN(subgraph_list_round_trip); RUN(fileio_errors);)
