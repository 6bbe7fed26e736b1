/* bundle_store.c: the last good envelope on disk (see bundle_store.h). */
#include "bundle_store.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#define STORE_FILE "bundle.pb"
#define STORE_TEMP "bundle.pb.tmp"

static void path_of(char *out, size_t n, const char *dir, const char *file)
{
    snprintf(out, n, "%s/%s", dir, file);
}

static bool fail(sbuf *err, const char *what, const char *path)
{
    sbuf_printf(err, "%s %s: %s", what, path, strerror(errno));
    return false;
}

static bool write_all(int fd, const uint8_t *data, size_t len)
{
    while (len) {
        ssize_t n = write(fd, data, len);
        if (n < 0 && errno == EINTR) continue;
        if (n <= 0) return false;
        data += n;
        len -= (size_t)n;
    }
    return true;
}

/* Makes the rename itself durable. */
static bool sync_dir(const char *dir)
{
    int fd = open(dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (fd < 0) return false;
    bool ok = fsync(fd) == 0;
    close(fd);
    return ok;
}

bool store_init(const char *dir, sbuf *err)
{
    if (mkdir(dir, 0755) != 0 && errno != EEXIST) return fail(err, "cannot create", dir);
    struct stat st;
    if (stat(dir, &st) != 0) return fail(err, "cannot stat", dir);
    if (!S_ISDIR(st.st_mode)) {
        sbuf_printf(err, "%s is not a directory", dir);
        return false;
    }
    if (access(dir, W_OK) != 0) return fail(err, "cannot write in", dir);
    return true;
}

bool store_save(const char *dir, const uint8_t *data, size_t len, sbuf *err)
{
    char tmp[4096], final[4096];
    path_of(tmp, sizeof tmp, dir, STORE_TEMP);
    path_of(final, sizeof final, dir, STORE_FILE);
    if (len > STORE_MAX_BYTES) {
        sbuf_printf(err, "cannot write %s: %zu bytes is over the limit", final, len);
        return false;
    }
    int fd = open(tmp, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
    if (fd < 0) return fail(err, "cannot create", tmp);
    if (!write_all(fd, data, len) || fsync(fd) != 0) {
        fail(err, "cannot write", tmp);
        close(fd);
        unlink(tmp);
        return false;
    }
    close(fd);
    if (rename(tmp, final) != 0) {
        fail(err, "cannot rename to", final);
        unlink(tmp);
        return false;
    }
    if (!sync_dir(dir)) return fail(err, "cannot sync", dir);
    return true;
}

uint8_t *store_load(const char *dir, size_t *len, sbuf *err)
{
    char path[4096];
    path_of(path, sizeof path, dir, STORE_FILE);
    int fd = open(path, O_RDONLY | O_CLOEXEC);
    if (fd < 0) {
        fail(err, "cannot open", path);
        return NULL;
    }
    struct stat st;
    if (fstat(fd, &st) != 0) {
        fail(err, "cannot stat", path);
        close(fd);
        return NULL;
    }
    if ((size_t)st.st_size > STORE_MAX_BYTES) {
        sbuf_printf(err, "%s is over the size limit (%lld bytes)", path, (long long)st.st_size);
        close(fd);
        return NULL;
    }
    size_t want = (size_t)st.st_size;
    uint8_t *data = malloc(want ? want : 1);
    size_t got = 0;
    while (data && got < want) {
        ssize_t n = read(fd, data + got, want - got);
        if (n < 0 && errno == EINTR) continue;
        if (n <= 0) break;
        got += (size_t)n;
    }
    close(fd);
    if (!data || got != want) {
        sbuf_printf(err, "cannot read %s", path);
        free(data);
        return NULL;
    }
    *len = want;
    return data;
}
