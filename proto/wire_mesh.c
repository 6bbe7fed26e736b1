/* wire_mesh.c: mesh fetch frames (see wire_mesh.h). The decoder reads the
 * map once: every key it knows is read with its type checked wherever it
 * stands, then the frame's type says which of them must be there. */
#include "wire_mesh.h"

#include <msgpack.h>
#include <string.h>

#include "wire_int.h"
#include "wire_mpread.h"

enum mesh_key { KEY_TYPE, KEY_SUBGRAPH, KEY_STATUS, KEY_BODY, KEY_REASON, KEY_COUNT };

static const char *const key_names[KEY_COUNT] = {"type", "subgraph", "status", "body", "reason"};

static const char *const type_names[] = {
    [WIRE_MESH_FETCH] = "fetch", [WIRE_MESH_RESULT] = "result", [WIRE_MESH_ERROR] = "error"};

/* The keys each frame type requires besides "type", as bits. */
static const unsigned type_keys[] = {
    [WIRE_MESH_FETCH] = 1u << KEY_SUBGRAPH | 1u << KEY_BODY,
    [WIRE_MESH_RESULT] = 1u << KEY_STATUS | 1u << KEY_BODY,
    [WIRE_MESH_ERROR] = 1u << KEY_REASON,
};

const char *wire_mesh_type_name(wire_mesh_type type)
{
    return type_names[type];
}

/* ---- encoding ---- */

static int sbuf_write(void *data, const char *buf, size_t len)
{
    sbuf_append(data, buf, len);
    return 0;
}

static void pack_str(msgpack_packer *pk, const char *s)
{
    size_t len = s ? strlen(s) : 0;
    msgpack_pack_str(pk, len);
    msgpack_pack_str_body(pk, s ? s : "", len);
}

static void pack_body(msgpack_packer *pk, const wire_mesh_frame *frame)
{
    pack_str(pk, "body");
    msgpack_pack_bin(pk, frame->body_len);
    msgpack_pack_bin_body(pk, frame->body, frame->body_len);
}

void wire_mesh_encode(const wire_mesh_frame *frame, sbuf *out)
{
    msgpack_packer pk;
    msgpack_packer_init(&pk, out, sbuf_write);
    msgpack_pack_map(&pk, frame->type == WIRE_MESH_ERROR ? 2 : 3);
    pack_str(&pk, "type");
    pack_str(&pk, type_names[frame->type]);
    switch (frame->type) {
    case WIRE_MESH_FETCH:
        pack_str(&pk, "subgraph");
        pack_str(&pk, frame->subgraph);
        pack_body(&pk, frame);
        break;
    case WIRE_MESH_RESULT:
        pack_str(&pk, "status");
        msgpack_pack_uint64(&pk, frame->status);
        pack_body(&pk, frame);
        break;
    case WIRE_MESH_ERROR:
        pack_str(&pk, "reason");
        pack_str(&pk, frame->reason);
        break;
    }
}

/* ---- decoding ---- */

static bool key_is(const char *s, uint32_t len, const char *name)
{
    return strlen(name) == len && memcmp(s, name, len) == 0;
}

/* A str value copied into the arena; false on another type or a NUL byte. */
static bool read_cstr(mpread *r, arena *a, const char **out)
{
    const char *s;
    uint32_t len;
    if (!mpread_str(r, &s, &len) || memchr(s, '\0', len)) return false;
    *out = arena_strndup(a, s, len);
    return true;
}

static bool read_type(mpread *r, wire_mesh_frame *out, wire_reason *why)
{
    const char *s;
    uint32_t len;
    if (!mpread_str(r, &s, &len)) {
        wire_fail(why, "mesh frame type is not a string");
        return false;
    }
    for (unsigned t = 0; t < sizeof type_names / sizeof type_names[0]; t++) {
        if (key_is(s, len, type_names[t])) {
            out->type = (wire_mesh_type)t;
            return true;
        }
    }
    wire_fail(why, "unknown mesh frame type \"%.*s\"", len > 40 ? 40 : (int)len, s);
    return false;
}

static bool read_value(mpread *r, arena *a, enum mesh_key key, wire_mesh_frame *out,
                       wire_reason *why)
{
    uint32_t len;
    switch (key) {
    case KEY_TYPE:
        return read_type(r, out, why);
    case KEY_SUBGRAPH:
        if (read_cstr(r, a, &out->subgraph)) return true;
        break;
    case KEY_REASON:
        if (read_cstr(r, a, &out->reason)) return true;
        break;
    case KEY_BODY:
        if (!mpread_bin(r, &out->body, &len)) {
            wire_fail(why, "body is not a bin");
            return false;
        }
        out->body_len = len;
        return true;
    case KEY_STATUS:
        if (!mpread_uint(r, &out->status)) {
            wire_fail(why, "status is not an unsigned integer");
            return false;
        }
        if (out->status < 100 || out->status > 599) {
            wire_fail(why, "status %llu is not an HTTP status", (unsigned long long)out->status);
            return false;
        }
        return true;
    case KEY_COUNT:
        break;
    }
    wire_fail(why, "%s is not a string", key_names[key]);
    return false;
}

/* Reads every key of the map, each known one once; returns them as bits. */
static bool read_keys(mpread *r, arena *a, wire_mesh_frame *out, unsigned *seen, wire_reason *why)
{
    uint32_t n;
    if (!mpread_map(r, &n)) {
        wire_fail(why, "mesh frame is not a map");
        return false;
    }
    for (uint32_t i = 0; i < n; i++) {
        const char *name;
        uint32_t len;
        if (!mpread_str(r, &name, &len)) {
            wire_fail(why, "mesh frame has a key that is not a string or is cut short");
            return false;
        }
        unsigned k = 0;
        while (k < KEY_COUNT && !key_is(name, len, key_names[k]))
            k++;
        if (k == KEY_COUNT) {
            if (mpread_skip(r)) continue;
            wire_fail(why, "mesh frame is cut short or malformed");
            return false;
        }
        if (*seen & (1u << k)) {
            wire_fail(why, "%s appears twice", key_names[k]);
            return false;
        }
        *seen |= 1u << k;
        if (!read_value(r, a, (enum mesh_key)k, out, why)) return false;
    }
    if (!mpread_at_end(r)) {
        wire_fail(why, "mesh frame has bytes after its map");
        return false;
    }
    return true;
}

/* Keeps only the members of the frame's own type (others may have been read
 * as keys the type does not use). */
static void drop_other_keys(wire_mesh_frame *f)
{
    unsigned keep = type_keys[f->type];
    if (!(keep & 1u << KEY_SUBGRAPH)) f->subgraph = NULL;
    if (!(keep & 1u << KEY_STATUS)) f->status = 0;
    if (!(keep & 1u << KEY_BODY)) f->body = NULL, f->body_len = 0;
    if (!(keep & 1u << KEY_REASON)) f->reason = NULL;
}

bool wire_mesh_decode(arena *a, const uint8_t *buf, size_t len, wire_mesh_frame *out,
                      wire_reason *why)
{
    if (len > WIRE_MAX_MESSAGE_BYTES) {
        wire_fail(why, "mesh frame is %zu bytes, more than the limit of %zu", len,
                  WIRE_MAX_MESSAGE_BYTES);
        return false;
    }
    memset(out, 0, sizeof *out);
    mpread r;
    unsigned seen = 0;
    mpread_init(&r, buf, len);
    if (!read_keys(&r, a, out, &seen, why)) return false;
    if (!(seen & 1u << KEY_TYPE)) {
        wire_fail(why, "mesh frame has no type");
        return false;
    }
    for (unsigned k = 0; k < KEY_COUNT; k++) {
        if ((type_keys[out->type] & 1u << k) && !(seen & 1u << k)) {
            wire_fail(why, "%s frame has no %s", type_names[out->type], key_names[k]);
            return false;
        }
    }
    drop_other_keys(out);
    return true;
}
