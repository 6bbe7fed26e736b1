/* bytes.c: varints and string tables for the binary codecs (bytes.h). */
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "bytes.h"

void bytes_put_varint(sbuf *out, uint64_t v)
{
    char bytes[10];
    size_t n = 0;
    do {
        bytes[n++] = (char)((v & 0x7f) | (v > 0x7f ? 0x80 : 0));
        v >>= 7;
    } while (v);
    sbuf_append(out, bytes, n);
}

void bytes_strings_init(bytes_strings *t)
{
    memset(t, 0, sizeof *t);
    arena_init(&t->scratch, 0);
    strmap_init(&t->ids, &t->scratch, 256);
}

void bytes_strings_free(bytes_strings *t)
{
    arena_free(&t->scratch);
}

static uint32_t add_string(bytes_strings *t, const char *s, size_t len)
{
    if (t->count == t->cap) {
        t->cap = t->cap ? t->cap * 2 : 256;
        const char **strings = ARENA_ARRAY(&t->scratch, const char *, t->cap);
        uint32_t *lens = ARENA_ARRAY(&t->scratch, uint32_t, t->cap);
        if (t->count) {
            memcpy(strings, t->strings, sizeof *strings * t->count);
            memcpy(lens, t->lens, sizeof *lens * t->count);
        }
        t->strings = strings;
        t->lens = lens;
    }
    t->strings[t->count] = s;
    t->lens[t->count] = (uint32_t)len;
    return ++t->count;
}

uint32_t bytes_strings_ref(bytes_strings *t, const char *s, size_t len)
{
    if (!s) return 0;
    if (memchr(s, '\0', len)) return add_string(t, s, len);
    uintptr_t id = (uintptr_t)strmap_getn(&t->ids, s, len);
    if (!id) {
        id = add_string(t, s, len);
        strmap_put(&t->ids, s, (void *)id);
    }
    return (uint32_t)id;
}

void bytes_strings_write(const bytes_strings *t, sbuf *out)
{
    bytes_put_varint(out, t->count);
    for (uint32_t i = 0; i < t->count; i++) {
        bytes_put_varint(out, t->lens[i]);
        sbuf_append(out, t->strings[i], t->lens[i]);
    }
}

void bytes_reader_init(bytes_reader *r, const uint8_t *buf, size_t len, diag_list *errs,
                       const char *prefix)
{
    memset(r, 0, sizeof *r);
    r->p = buf;
    r->end = buf + len;
    r->errs = errs;
    r->prefix = prefix;
}

bool bytes_fail(bytes_reader *r, const char *fmt, ...)
{
    if (!r->failed) {
        char what[240];
        va_list ap;
        va_start(ap, fmt);
        vsnprintf(what, sizeof what, fmt, ap);
        va_end(ap);
        diag_add(r->errs, (src_loc){0, 0}, "%s: %s", r->prefix, what);
    }
    r->failed = true;
    return false;
}

size_t bytes_left(const bytes_reader *r)
{
    return (size_t)(r->end - r->p);
}

bool bytes_get_varint_slow(bytes_reader *r, uint64_t *v)
{
    uint64_t x = 0;
    *v = 0;
    for (unsigned shift = 0; shift < 64; shift += 7) {
        if (r->p == r->end) return bytes_fail(r, "cut short");
        uint8_t byte = *r->p++;
        if (shift == 63 && byte > 1) break;
        x |= (uint64_t)(byte & 0x7f) << shift;
        if (!(byte & 0x80)) {
            *v = x;
            return true;
        }
    }
    return bytes_fail(r, "integer too long");
}

bool bytes_get_count_slow(bytes_reader *r, const char *what, size_t min_size, uint32_t *n)
{
    uint64_t v;
    *n = 0;
    if (!bytes_get_varint(r, &v)) return false;
    if (v > bytes_left(r) / min_size)
        return bytes_fail(r, "%s count %llu is more than the bytes left", what,
                          (unsigned long long)v);
    *n = (uint32_t)v;
    return true;
}

bool bytes_get_small_slow(bytes_reader *r, const char *what, uint32_t max, uint32_t *out)
{
    uint64_t v;
    *out = 0;
    if (!bytes_get_varint(r, &v)) return false;
    if (v > max) return bytes_fail(r, "%s %llu is out of range", what, (unsigned long long)v);
    *out = (uint32_t)v;
    return true;
}

/* The lengths, checked, and their sum: the block is allocated once. */
static bool scan_strings(bytes_reader *r, bool allow_nul, size_t *total)
{
    const uint8_t *start = r->p;
    *total = 0;
    for (uint32_t i = 0; i < r->nstrings; i++) {
        uint64_t len;
        if (!bytes_get_varint(r, &len)) return false;
        if (len > bytes_left(r))
            return bytes_fail(r, "string of %llu bytes is cut short", (unsigned long long)len);
        if (len >= BYTES_HOLDS_NUL)
            return bytes_fail(r, "string of %llu bytes is too long", (unsigned long long)len);
        bool nul = memchr(r->p, '\0', len) != NULL;
        if (nul && !allow_nul) return bytes_fail(r, "string %u holds a NUL byte", i + 1);
        r->lens[i] = (uint32_t)len | (nul ? BYTES_HOLDS_NUL : 0);
        r->p += len;
        *total += len + 1;
    }
    r->p = start;
    return true;
}

bool bytes_get_strings(bytes_reader *r, arena *a, bool allow_nul)
{
    if (!bytes_get_count(r, "string table", 1, &r->nstrings)) return false;
    r->strings = ARENA_ARRAY(a, const char *, r->nstrings ? r->nstrings : 1);
    r->lens = ARENA_ARRAY(a, uint32_t, r->nstrings ? r->nstrings : 1);
    size_t total;
    if (!scan_strings(r, allow_nul, &total)) return false;
    char *block = arena_alloc(a, total ? total : 1);
    for (uint32_t i = 0; i < r->nstrings; i++) {
        uint64_t len;
        bytes_get_varint(r, &len); /* scan_strings checked it */
        memcpy(block, r->p, len);
        block[len] = '\0';
        r->strings[i] = block;
        block += len + 1;
        r->p += len;
    }
    return true;
}

static bool get_ref(bytes_reader *r, uint64_t *id)
{
    if (!bytes_get_varint(r, id)) return false;
    if (*id > r->nstrings)
        return bytes_fail(r, "string %llu is not in the table", (unsigned long long)*id);
    return true;
}

bool bytes_get_str_slow(bytes_reader *r, const char **s)
{
    uint64_t id;
    *s = NULL;
    if (!get_ref(r, &id)) return false;
    if (!id) return true;
    if (r->lens[id - 1] & BYTES_HOLDS_NUL)
        return bytes_fail(r, "string %llu holds a NUL byte", (unsigned long long)id);
    *s = r->strings[id - 1];
    return true;
}

bool bytes_get_required_str(bytes_reader *r, const char *what, const char **s)
{
    if (!bytes_get_str(r, s)) return false;
    return *s ? true : bytes_fail(r, "%s is missing", what);
}

bool bytes_get_str_id(bytes_reader *r, const char *what, bool allow_nul, uint32_t *id)
{
    uint64_t ref;
    *id = 0;
    if (!get_ref(r, &ref)) return false;
    if (!ref) return bytes_fail(r, "%s is missing", what);
    if (!allow_nul && (r->lens[ref - 1] & BYTES_HOLDS_NUL))
        return bytes_fail(r, "string %llu holds a NUL byte", (unsigned long long)ref);
    *id = (uint32_t)ref;
    return true;
}

bool bytes_get_text(bytes_reader *r, const char *what, const char **s, uint32_t *len)
{
    uint32_t id;
    *s = NULL;
    *len = 0;
    if (!bytes_get_str_id(r, what, true, &id)) return false;
    *s = r->strings[id - 1];
    *len = r->lens[id - 1] & ~BYTES_HOLDS_NUL;
    return true;
}
