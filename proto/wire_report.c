/* wire_report.c: report frames (see wire_report.h). Each frame type is a
 * table of its keys, so encoding and decoding walk the same description and
 * cannot disagree on a key's name or type. */
#include "wire_report.h"

#include <msgpack.h>
#include <stddef.h>
#include <string.h>

#include "wire_int.h"
#include "wire_mpread.h"

typedef enum key_kind {
    KEY_STR,  /* any string */
    KEY_HASH, /* a string of 64 lowercase hex digits */
    KEY_UINT,
    KEY_NONZERO, /* an unsigned integer other than 0 */
    KEY_OPS      /* usage: array of [query, operation name or nil, count] */
} key_kind;

typedef struct key_spec {
    const char *name;
    key_kind kind;
    size_t offset; /* of the member in wire_report */
} key_spec;

#define AT(member) offsetof(wire_report, member)

static const key_spec ack_keys[] = {
    {"sidecar", KEY_STR, AT(ack.sidecar)},     {"admin", KEY_STR, AT(ack.admin)},
    {"version", KEY_NONZERO, AT(ack.version)}, {"sha256", KEY_HASH, AT(ack.sha256)},
    {"at_ms", KEY_UINT, AT(ack.at_ms)},
};
static const key_spec reject_keys[] = {
    {"sidecar", KEY_STR, AT(reject.sidecar)},  {"admin", KEY_STR, AT(reject.admin)},
    {"version", KEY_UINT, AT(reject.version)}, {"sha256", KEY_STR, AT(reject.sha256)},
    {"reason", KEY_STR, AT(reject.reason)},
};
static const key_spec heartbeat_keys[] = {
    {"sidecar", KEY_STR, AT(heartbeat.sidecar)},
    {"admin", KEY_STR, AT(heartbeat.admin)},
    {"version", KEY_UINT, AT(heartbeat.version)},
    {"listen", KEY_STR, AT(heartbeat.listen)},
};
static const key_spec usage_keys[] = {
    {"sidecar", KEY_STR, AT(usage.sidecar)},
    {"ops", KEY_OPS, AT(usage.ops)},
};

typedef struct frame_spec {
    const char *type;
    const key_spec *keys;
    unsigned nkeys;
} frame_spec;

#define N(a) (unsigned)(sizeof(a) / sizeof((a)[0]))
static const frame_spec frames[] = {
    [WIRE_REPORT_ACK] = {"ack", ack_keys, N(ack_keys)},
    [WIRE_REPORT_REJECT] = {"reject", reject_keys, N(reject_keys)},
    [WIRE_REPORT_HEARTBEAT] = {"heartbeat", heartbeat_keys, N(heartbeat_keys)},
    [WIRE_REPORT_USAGE] = {"usage", usage_keys, N(usage_keys)},
};

const char *wire_report_type_name(wire_report_type type)
{
    return frames[type].type;
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

static void pack_ops(msgpack_packer *pk, const wire_usage *usage)
{
    msgpack_pack_array(pk, usage->nops);
    for (uint32_t i = 0; i < usage->nops; i++) {
        const wire_usage_op *op = &usage->ops[i];
        msgpack_pack_array(pk, 3);
        pack_str(pk, op->query);
        if (op->operation_name)
            pack_str(pk, op->operation_name);
        else
            msgpack_pack_nil(pk);
        msgpack_pack_uint64(pk, op->count);
    }
}

void wire_report_encode(const wire_report *report, sbuf *out)
{
    const frame_spec *frame = &frames[report->type];
    const char *base = (const char *)report;
    msgpack_packer pk;
    msgpack_packer_init(&pk, out, sbuf_write);
    msgpack_pack_map(&pk, 1 + frame->nkeys);
    pack_str(&pk, "type");
    pack_str(&pk, frame->type);
    for (unsigned i = 0; i < frame->nkeys; i++) {
        const key_spec *key = &frame->keys[i];
        pack_str(&pk, key->name);
        switch (key->kind) {
        case KEY_STR:
        case KEY_HASH:
            pack_str(&pk, *(const char *const *)(base + key->offset));
            break;
        case KEY_UINT:
        case KEY_NONZERO:
            msgpack_pack_uint64(&pk, *(const uint64_t *)(base + key->offset));
            break;
        case KEY_OPS:
            pack_ops(&pk, &report->usage);
            break;
        }
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

/* Finds the frame type: the value of the "type" key, wherever it is. */
static bool find_type(const uint8_t *buf, size_t len, wire_report_type *type, wire_reason *why)
{
    mpread r;
    uint32_t n;
    mpread_init(&r, buf, len);
    if (!mpread_map(&r, &n)) {
        wire_fail(why, "report frame is not a map");
        return false;
    }
    for (uint32_t i = 0; i < n; i++) {
        const char *key, *value;
        uint32_t key_len, value_len;
        if (!mpread_str(&r, &key, &key_len)) {
            wire_fail(why, "report frame has a key that is not a string or is cut short");
            return false;
        }
        if (!key_is(key, key_len, "type")) {
            if (!mpread_skip(&r)) {
                wire_fail(why, "report frame is cut short or malformed");
                return false;
            }
            continue;
        }
        if (!mpread_str(&r, &value, &value_len)) {
            wire_fail(why, "report frame type is not a string");
            return false;
        }
        for (unsigned t = 0; t < N(frames); t++) {
            if (key_is(value, value_len, frames[t].type)) {
                *type = (wire_report_type)t;
                return true;
            }
        }
        wire_fail(why, "unknown report frame type \"%.*s\"", value_len > 40 ? 40 : (int)value_len,
                  value);
        return false;
    }
    wire_fail(why, "report frame has no type");
    return false;
}

static bool read_op(mpread *r, arena *a, wire_usage_op *op)
{
    uint32_t n;
    if (!mpread_array(r, &n) || n != 3 || !read_cstr(r, a, &op->query)) return false;
    op->operation_name = NULL;
    if (!mpread_nil(r) && !read_cstr(r, a, &op->operation_name)) return false;
    return mpread_uint(r, &op->count);
}

static bool read_ops(mpread *r, arena *a, wire_usage *usage, wire_reason *why)
{
    uint32_t n;
    if (!mpread_array(r, &n)) {
        wire_fail(why, "ops is not an array");
        return false;
    }
    /* An op takes at least 4 bytes: more than that many is a lie. */
    if (n > (size_t)(r->end - r->p) / 4) {
        wire_fail(why, "ops says %u entries, more than the frame holds", n);
        return false;
    }
    wire_usage_op *ops = ARENA_ARRAY(a, wire_usage_op, n ? n : 1);
    for (uint32_t i = 0; i < n; i++) {
        if (!read_op(r, a, &ops[i])) {
            wire_fail(why, "ops[%u] is not [query, operation name or nil, count]", i);
            return false;
        }
    }
    usage->ops = ops;
    usage->nops = n;
    return true;
}

static bool read_value(mpread *r, arena *a, const key_spec *key, wire_report *out, wire_reason *why)
{
    char *slot = (char *)out + key->offset;
    uint64_t v;
    switch (key->kind) {
    case KEY_STR:
    case KEY_HASH:
        if (!read_cstr(r, a, (const char **)slot)) {
            wire_fail(why, "%s is not a string", key->name);
            return false;
        }
        if (key->kind == KEY_HASH && !wire_is_sha256_hex(*(const char **)slot)) {
            wire_fail(why, "%s is not 64 lowercase hex digits", key->name);
            return false;
        }
        return true;
    case KEY_UINT:
    case KEY_NONZERO:
        if (!mpread_uint(r, &v)) {
            wire_fail(why, "%s is not an unsigned integer", key->name);
            return false;
        }
        if (key->kind == KEY_NONZERO && v == 0) {
            wire_fail(why, "%s is 0", key->name);
            return false;
        }
        memcpy(slot, &v, sizeof v);
        return true;
    case KEY_OPS:
        return read_ops(r, a, &out->usage, why);
    }
    return false;
}

/* Reads every key of the map: the frame's own keys into *out (each once),
 * the rest skipped; then the frame must end. Returns the keys seen, as bits. */
static bool read_keys(mpread *r, arena *a, const frame_spec *frame, wire_report *out,
                      unsigned *seen, wire_reason *why)
{
    uint32_t n;
    mpread_map(r, &n); /* find_type has read it once already */
    for (uint32_t i = 0; i < n; i++) {
        const char *name;
        uint32_t len;
        if (!mpread_str(r, &name, &len)) {
            wire_fail(why, "report frame has a key that is not a string or is cut short");
            return false;
        }
        unsigned k = 0;
        while (k < frame->nkeys && !key_is(name, len, frame->keys[k].name))
            k++;
        if (k == frame->nkeys) {
            if (!mpread_skip(r)) {
                wire_fail(why, "report frame is cut short or malformed");
                return false;
            }
            continue;
        }
        if (*seen & (1u << k)) {
            wire_fail(why, "%s appears twice", frame->keys[k].name);
            return false;
        }
        *seen |= 1u << k;
        if (!read_value(r, a, &frame->keys[k], out, why)) return false;
    }
    if (!mpread_at_end(r)) {
        wire_fail(why, "report frame has bytes after its map");
        return false;
    }
    return true;
}

bool wire_report_decode(arena *a, const uint8_t *buf, size_t len, wire_report *out,
                        wire_reason *why)
{
    if (len > WIRE_MAX_REPORT_BYTES) {
        wire_fail(why, "report frame is %zu bytes, more than the limit of %zu", len,
                  WIRE_MAX_REPORT_BYTES);
        return false;
    }
    memset(out, 0, sizeof *out);
    if (!find_type(buf, len, &out->type, why)) return false;
    const frame_spec *frame = &frames[out->type];
    mpread r;
    unsigned seen = 0;
    mpread_init(&r, buf, len);
    if (!read_keys(&r, a, frame, out, &seen, why)) return false;
    for (unsigned k = 0; k < frame->nkeys; k++) {
        if (!(seen & (1u << k))) {
            wire_fail(why, "%s frame has no %s", frame->type, frame->keys[k].name);
            return false;
        }
    }
    return true;
}
