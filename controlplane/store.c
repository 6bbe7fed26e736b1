/* store.c: see store.h. */
#include "store.h"

#include <dirent.h>
#include <errno.h>
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fileio.h"

static char *path_of(const store *s, const char *name)
{
    size_t n = strlen(s->dir) + strlen(name) + 2;
    char *p = malloc(n);
    if (p) snprintf(p, n, "%s/%s", s->dir, name);
    return p;
}

static void bundle_name(char *buf, size_t n, uint64_t version)
{
    snprintf(buf, n, "bundles/%08" PRIu64 ".pb", version);
}

/* "00000042.pb" -> 42; 0 for any other name. */
static uint64_t version_of_file(const char *name)
{
    size_t n = strlen(name);
    if (n < 4 || strcmp(name + n - 3, ".pb") != 0) return 0;
    uint64_t v = 0;
    for (size_t i = 0; i < n - 3; i++) {
        if (name[i] < '0' || name[i] > '9' || v > (UINT64_MAX - 9) / 10) return 0;
        v = v * 10 + (uint64_t)(name[i] - '0');
    }
    return v;
}

static bool scan_bundles(store *s, char *err, size_t errlen)
{
    char *dir = path_of(s, "bundles");
    if (!dir || !fio_mkdirs(dir)) {
        snprintf(err, errlen, "%s/bundles: %s", s->dir, strerror(errno));
        free(dir);
        return false;
    }
    DIR *d = opendir(dir);
    if (!d) {
        snprintf(err, errlen, "%s: %s", dir, strerror(errno));
        free(dir);
        return false;
    }
    for (struct dirent *e; (e = readdir(d));) {
        uint64_t v = version_of_file(e->d_name);
        if (v > s->highest) s->highest = v;
    }
    closedir(d);
    free(dir);
    return true;
}

static bool read_current(store *s, char *err, size_t errlen)
{
    char *path = path_of(s, "current");
    size_t len = 0;
    char *text = path ? fio_read(path, 64, &len) : NULL;
    if (!text) {
        bool missing = errno == ENOENT;
        if (!missing) snprintf(err, errlen, "%s: %s", path ? path : s->dir, strerror(errno));
        free(path);
        return missing;
    }
    char *end;
    errno = 0;
    unsigned long long v = strtoull(text, &end, 10);
    bool ok = text[0] >= '0' && text[0] <= '9' && !errno && (*end == '\n' || *end == '\0');
    if (!ok)
        snprintf(err, errlen, "%s: not a version number", path);
    else
        s->current = v;
    free(text);
    free(path);
    return ok;
}

bool store_open(store *s, const char *dir, char *err, size_t errlen)
{
    memset(s, 0, sizeof *s);
    s->dir = strdup(dir);
    bool ok = s->dir && fio_mkdirs(dir);
    if (!ok) snprintf(err, errlen, "%s: %s", dir, strerror(errno));
    ok = ok && scan_bundles(s, err, errlen) && read_current(s, err, errlen);
    if (ok && s->current > s->highest) {
        snprintf(err, errlen, "%s/current names version %" PRIu64 ", which is not kept", dir,
                 s->current);
        ok = false;
    }
    if (!ok) store_close(s);
    return ok;
}

void store_close(store *s)
{
    free(s->dir);
    memset(s, 0, sizeof *s);
}

uint64_t store_next_version(const store *s)
{
    return (s->highest > s->current ? s->highest : s->current) + 1;
}

bool store_put_bundle(store *s, uint64_t version, const void *envelope, size_t len, char *err,
                      size_t errlen)
{
    char name[48];
    bundle_name(name, sizeof name, version);
    char *path = path_of(s, name);
    char *cur = path_of(s, "current");
    char text[32];
    int n = snprintf(text, sizeof text, "%" PRIu64 "\n", version);
    bool ok = path && cur && fio_write_atomic(path, envelope, len) &&
              fio_write_atomic(cur, text, (size_t)n);
    if (!ok) snprintf(err, errlen, "%s: %s", path ? path : s->dir, strerror(errno));
    if (ok) {
        s->current = version;
        if (version > s->highest) s->highest = version;
    }
    free(path);
    free(cur);
    return ok;
}

void *store_get_bundle(const store *s, uint64_t version, size_t *len)
{
    char name[48];
    bundle_name(name, sizeof name, version);
    char *path = path_of(s, name);
    void *data = path ? fio_read(path, STORE_MAX_BUNDLE_BYTES, len) : NULL;
    int e = errno;
    free(path);
    errno = e;
    return data;
}

bool store_append_history(store *s, const char *json_line, size_t len)
{
    char *path = path_of(s, "history.jsonl");
    char *line = malloc(len + 1);
    bool ok = path && line;
    if (ok) {
        memcpy(line, json_line, len);
        line[len] = '\n';
        ok = fio_append_sync(path, line, len + 1);
    }
    free(line);
    free(path);
    return ok;
}

bool store_last_history(const store *s, char *out, size_t outlen)
{
    char *path = path_of(s, "history.jsonl");
    FILE *f = path ? fopen(path, "rb") : NULL;
    free(path);
    if (!f) return false;
    long size = fseek(f, 0, SEEK_END) == 0 ? ftell(f) : -1;
    long from = size > (long)outlen ? size - (long)outlen : 0;
    size_t got = 0;
    if (size > 0 && fseek(f, from, SEEK_SET) == 0) got = fread(out, 1, outlen - 1, f);
    fclose(f);
    while (got > 0 && out[got - 1] == '\n')
        got--;
    out[got] = '\0';
    char *start = strrchr(out, '\n');
    if (!start && from > 0) return false; /* the line is longer than out */
    if (start) memmove(out, start + 1, strlen(start + 1) + 1);
    return out[0] != '\0';
}

char *store_load_subgraphs(const store *s, size_t *len)
{
    char *path = path_of(s, "subgraphs.json");
    char *text = path ? fio_read(path, 16u << 20, len) : NULL;
    int e = errno;
    free(path);
    errno = e;
    return text;
}

bool store_save_subgraphs(store *s, const char *json, size_t len)
{
    char *path = path_of(s, "subgraphs.json");
    bool ok = path && fio_write_atomic(path, json, len);
    free(path);
    return ok;
}
