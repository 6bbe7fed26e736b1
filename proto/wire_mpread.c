/* wire_mpread.c: the strict msgpack reader (see wire_mpread.h). Formats are
 * those of the msgpack specification; each reader checks the bytes it needs
 * are there before it reads them. */
#include "wire_mpread.h"

void mpread_init(mpread *r, const uint8_t *buf, size_t len)
{
    r->p = buf;
    r->end = buf + len;
}

bool mpread_at_end(const mpread *r)
{
    return r->p == r->end;
}

static size_t remaining(const mpread *r)
{
    return (size_t)(r->end - r->p);
}

/* Reads an n-byte big-endian unsigned integer after the tag byte. */
static bool read_be(mpread *r, unsigned n, uint64_t *v)
{
    if (remaining(r) < 1 + (size_t)n) return false;
    uint64_t x = 0;
    for (unsigned i = 1; i <= n; i++)
        x = x << 8 | r->p[i];
    r->p += 1 + n;
    *v = x;
    return true;
}

/* A header of a container: a fix form with its count in the low bits of the
 * tag, or a 16/32-bit count after it. */
static bool read_count(mpread *r, uint8_t fix_tag, uint8_t fix_mask, uint8_t tag16, uint32_t *n)
{
    if (remaining(r) < 1) return false;
    uint8_t tag = r->p[0];
    uint64_t v;
    if ((tag & (uint8_t)~fix_mask) == fix_tag) {
        r->p++;
        *n = tag & fix_mask;
        return true;
    }
    if (tag == tag16 && read_be(r, 2, &v)) {
        *n = (uint32_t)v;
        return true;
    }
    if (tag == tag16 + 1 && read_be(r, 4, &v)) {
        *n = (uint32_t)v;
        return true;
    }
    return false;
}

bool mpread_map(mpread *r, uint32_t *n)
{
    return read_count(r, 0x80, 0x0f, 0xde, n);
}

bool mpread_array(mpread *r, uint32_t *n)
{
    return read_count(r, 0x90, 0x0f, 0xdc, n);
}

bool mpread_str(mpread *r, const char **s, uint32_t *len)
{
    if (remaining(r) < 1) return false;
    const uint8_t *start = r->p;
    uint8_t tag = r->p[0];
    uint64_t n;
    if ((tag & 0xe0) == 0xa0) {
        n = tag & 0x1f;
        r->p++;
    } else if (!(tag >= 0xd9 && tag <= 0xdb && read_be(r, 1u << (tag - 0xd9), &n))) {
        return false;
    }
    if (remaining(r) < n) {
        r->p = start;
        return false;
    }
    *s = (const char *)r->p;
    *len = (uint32_t)n;
    r->p += n;
    return true;
}

bool mpread_bin(mpread *r, const uint8_t **b, uint32_t *len)
{
    if (remaining(r) < 1) return false;
    const uint8_t *start = r->p;
    uint8_t tag = r->p[0];
    uint64_t n;
    if (!(tag >= 0xc4 && tag <= 0xc6 && read_be(r, 1u << (tag - 0xc4), &n))) return false;
    if (remaining(r) < n) {
        r->p = start;
        return false;
    }
    *b = r->p;
    *len = (uint32_t)n;
    r->p += n;
    return true;
}

bool mpread_uint(mpread *r, uint64_t *v)
{
    if (remaining(r) < 1) return false;
    uint8_t tag = r->p[0];
    if (tag <= 0x7f) {
        r->p++;
        *v = tag;
        return true;
    }
    if (tag >= 0xcc && tag <= 0xcf) return read_be(r, 1u << (tag - 0xcc), v);
    if (tag >= 0xd0 && tag <= 0xd3) { /* a signed form: only its non-negative values */
        unsigned n = 1u << (tag - 0xd0);
        if (remaining(r) < 1 + (size_t)n || (r->p[1] & 0x80)) return false;
        return read_be(r, n, v);
    }
    return false;
}

bool mpread_nil(mpread *r)
{
    if (remaining(r) < 1 || r->p[0] != 0xc0) return false;
    r->p++;
    return true;
}

/* Bytes of payload after the tag, for the types whose length is the tag's or
 * is stated after it (everything but containers); false for 0xc1 (unused). */
static bool payload_size(mpread *r, uint64_t *size)
{
    uint8_t tag = r->p[0];
    static const uint8_t fixed[] = {
        [0xc0] = 0, [0xc2] = 0, [0xc3] = 0, [0xca] = 4, [0xcb] = 8, [0xcc] = 1,
        [0xcd] = 2, [0xce] = 4, [0xcf] = 8, [0xd0] = 1, [0xd1] = 2, [0xd2] = 4,
        [0xd3] = 8, [0xd4] = 2, [0xd5] = 3, [0xd6] = 5, [0xd7] = 9, [0xd8] = 17};
    if (tag <= 0x7f || tag >= 0xe0) { /* fixint */
        *size = 0;
        return true;
    }
    if ((tag & 0xe0) == 0xa0) { /* fixstr */
        *size = tag & 0x1f;
        return true;
    }
    if (tag == 0xc0 || (tag >= 0xc2 && tag <= 0xc3) || (tag >= 0xca && tag <= 0xd8)) {
        *size = fixed[tag];
        return true;
    }
    unsigned width;     /* bytes of the length after the tag */
    uint64_t extra = 0; /* ext: one type byte after the length */
    if (tag >= 0xc4 && tag <= 0xc6) {
        width = 1u << (tag - 0xc4); /* bin */
    } else if (tag >= 0xc7 && tag <= 0xc9) {
        width = 1u << (tag - 0xc7); /* ext */
        extra = 1;
    } else if (tag >= 0xd9 && tag <= 0xdb) {
        width = 1u << (tag - 0xd9); /* str */
    } else {
        return false;
    }
    if (remaining(r) < 1 + (size_t)width) return false;
    uint64_t n = 0;
    for (unsigned i = 1; i <= width; i++)
        n = n << 8 | r->p[i];
    *size = width + n + extra;
    return true;
}

bool mpread_skip(mpread *r)
{
    /* Values still to skip: a container adds its entries. Each value takes at
     * least one byte, so more pending values than bytes left is a lie. */
    uint64_t pending = 1;
    while (pending > 0) {
        if (pending > remaining(r)) return false;
        pending--;
        uint32_t n;
        if (mpread_map(r, &n)) {
            pending += 2 * (uint64_t)n;
            continue;
        }
        if (mpread_array(r, &n)) {
            pending += n;
            continue;
        }
        uint64_t size;
        if (!payload_size(r, &size) || remaining(r) - 1 < size) return false;
        r->p += 1 + size;
    }
    return true;
}
