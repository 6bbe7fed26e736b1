/* bundle_store_test.c: the state directory: save and load, replacing the
 * file atomically (no temp file left, a stale one from a crash ignored),
 * and every failure with its message. Whether the bytes are a good envelope
 * is checked by the caller (cpclient_test). */
#include "bundle_store.h"

#include <fcntl.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <unistd.h>

#include "ftest.h"

static char dir[64];

static void fresh_dir(void)
{
    snprintf(dir, sizeof dir, "/tmp/fm-store-XXXXXX");
    if (!mkdtemp(dir)) abort();
}

static void remove_dir(void)
{
    char path[128];
    snprintf(path, sizeof path, "%s/bundle.pb", dir);
    unlink(path);
    snprintf(path, sizeof path, "%s/bundle.pb.tmp", dir);
    unlink(path);
    rmdir(dir);
}

static bool exists(const char *file)
{
    char path[128];
    snprintf(path, sizeof path, "%s/%s", dir, file);
    return access(path, F_OK) == 0;
}

TEST(save_then_load)
{
    fresh_dir();
    sbuf err;
    sbuf_init(&err);
    const uint8_t data[] = {0x08, 0x07, 0x12, 0x00, 0xff};
    CHECK(store_save(dir, data, sizeof data, &err));
    CHECK(!exists("bundle.pb.tmp"));
    size_t len = 0;
    uint8_t *got = store_load(dir, &len, &err);
    CHECK(got && len == sizeof data && memcmp(got, data, len) == 0);
    free(got);
    CHECK_INT(err.len, 0);
    sbuf_free(&err);
    remove_dir();
}

TEST(save_replaces)
{
    fresh_dir();
    sbuf err;
    sbuf_init(&err);
    CHECK(store_save(dir, (const uint8_t *)"first, longer", 13, &err));
    CHECK(store_save(dir, (const uint8_t *)"second", 6, &err));
    size_t len = 0;
    uint8_t *got = store_load(dir, &len, &err);
    CHECK(got && len == 6 && memcmp(got, "second", 6) == 0);
    free(got);
    CHECK(store_save(dir, (const uint8_t *)"", 0, &err));
    got = store_load(dir, &len, &err);
    CHECK(got && len == 0);
    free(got);
    sbuf_free(&err);
    remove_dir();
}

/* A crash between writing the temp file and renaming it leaves the temp
 * file: the last good file is what loads, and the next save overwrites it. */
TEST(stale_temp_file_is_ignored)
{
    fresh_dir();
    sbuf err;
    sbuf_init(&err);
    CHECK(store_save(dir, (const uint8_t *)"good", 4, &err));
    char tmp[128];
    snprintf(tmp, sizeof tmp, "%s/bundle.pb.tmp", dir);
    FILE *f = fopen(tmp, "w");
    fputs("half-writ", f);
    fclose(f);
    size_t len = 0;
    uint8_t *got = store_load(dir, &len, &err);
    CHECK(got && len == 4 && memcmp(got, "good", 4) == 0);
    free(got);
    CHECK(store_save(dir, (const uint8_t *)"newer", 5, &err));
    CHECK(!exists("bundle.pb.tmp"));
    got = store_load(dir, &len, &err);
    CHECK(got && len == 5 && memcmp(got, "newer", 5) == 0);
    free(got);
    sbuf_free(&err);
    remove_dir();
}

TEST(load_without_a_file)
{
    fresh_dir();
    sbuf err;
    sbuf_init(&err);
    size_t len = 0;
    CHECK(!store_load(dir, &len, &err));
    char want[160];
    snprintf(want, sizeof want, "cannot open %s/bundle.pb: No such file or directory", dir);
    CHECK_STR(err.data, want);
    sbuf_free(&err);
    remove_dir();
}

TEST(save_into_a_missing_dir)
{
    sbuf err;
    sbuf_init(&err);
    CHECK(!store_save("/nonexistent/fm-state", (const uint8_t *)"x", 1, &err));
    CHECK_STR(err.data, "cannot create /nonexistent/fm-state/bundle.pb.tmp: No such file or "
                        "directory");
    sbuf_free(&err);
}

TEST(oversized_file_is_refused)
{
    fresh_dir();
    char path[128];
    snprintf(path, sizeof path, "%s/bundle.pb", dir);
    int fd = open(path, O_WRONLY | O_CREAT, 0644);
    CHECK(fd >= 0 && ftruncate(fd, (off_t)STORE_MAX_BYTES + 1) == 0); /* sparse */
    close(fd);
    sbuf err;
    sbuf_init(&err);
    size_t len = 0;
    CHECK(!store_load(dir, &len, &err));
    char want[200];
    snprintf(want, sizeof want, "%s is over the size limit (268435457 bytes)", path);
    CHECK_STR(err.data, want);
    sbuf_free(&err);
    remove_dir();
}

TEST(init_makes_the_directory)
{
    fresh_dir();
    char sub[96];
    snprintf(sub, sizeof sub, "%s/state", dir);
    sbuf err;
    sbuf_init(&err);
    CHECK(store_init(sub, &err));
    CHECK(store_init(sub, &err)); /* already there */
    CHECK(store_save(sub, (const uint8_t *)"x", 1, &err));
    char file[128];
    snprintf(file, sizeof file, "%s/bundle.pb", sub);
    CHECK(!store_init(file, &err)); /* a file, not a directory */
    char want[200];
    snprintf(want, sizeof want, "%s is not a directory", file);
    CHECK_STR(err.data, want);
    sbuf_reset(&err);
    CHECK(!store_init("/nonexistent/a/b", &err));
    CHECK_STR(err.data, "cannot create /nonexistent/a/b: No such file or directory");
    unlink(file);
    rmdir(sub);
    sbuf_free(&err);
    remove_dir();
}

TEST_MAIN(RUN(init_makes_the_directory); RUN(save_then_load); RUN(save_replaces);
          RUN(stale_temp_file_is_ignored); RUN(load_without_a_file); RUN(save_into_a_missing_dir);
          RUN(oversized_file_is_refused);)
