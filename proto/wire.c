/* wire.c: the pieces every message of the wire library uses: SHA-256 hex
 * (OpenSSL's libcrypto), protobuf-c packing into an sbuf and unpacking into
 * an arena, and failure reasons. */
#include "wire_int.h"

#include <openssl/evp.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>

void wire_sha256_hex(const void *data, size_t len, char out[WIRE_SHA256_HEX_SIZE])
{
    static const char hex[] = "0123456789abcdef";
    unsigned char digest[32];
    unsigned int digest_len = 0;
    if (!EVP_Digest(data, len, digest, &digest_len, EVP_sha256(), NULL) || digest_len != 32)
        abort(); /* only fails when libcrypto cannot allocate */
    for (unsigned i = 0; i < 32; i++) {
        out[2 * i] = hex[digest[i] >> 4];
        out[2 * i + 1] = hex[digest[i] & 15];
    }
    out[64] = '\0';
}

bool wire_is_sha256_hex(const char *s)
{
    if (!s) return false;
    size_t i = 0;
    for (; s[i]; i++) {
        if (i == 64) return false;
        bool digit = s[i] >= '0' && s[i] <= '9', lower = s[i] >= 'a' && s[i] <= 'f';
        if (!digit && !lower) return false;
    }
    return i == 64;
}

void wire_fail(wire_reason *why, const char *fmt, ...)
{
    if (!why) return;
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(why->text, sizeof why->text, fmt, ap);
    va_end(ap);
}

typedef struct sbuf_sink {
    ProtobufCBuffer base;
    sbuf *out;
} sbuf_sink;

static void sink_append(ProtobufCBuffer *buffer, size_t len, const uint8_t *data)
{
    sbuf_sink *sink = (sbuf_sink *)buffer;
    sbuf_append(sink->out, (const char *)data, len);
}

void wire_pack(const ProtobufCMessage *msg, sbuf *out)
{
    sbuf_sink sink = {.base = {.append = sink_append}, .out = out};
    protobuf_c_message_pack_to_buffer(msg, &sink.base);
}

/* protobuf-c allocates through these: everything lands in the arena, and its
 * frees (of a message it gives up on halfway) are left to the arena. A
 * budget bounds what one decode may take: protobuf-c allocates a struct for
 * every element of a repeated field, so a hostile message of empty elements
 * (two bytes each) would otherwise cost some 40 times its size. */
typedef struct pb_budget {
    arena *a;
    size_t left;
    bool exhausted;
} pb_budget;

static void *arena_pb_alloc(void *data, size_t size)
{
    pb_budget *budget = data;
    size_t need = size ? size : 1;
    if (need > budget->left) {
        budget->exhausted = true;
        return NULL; /* protobuf-c gives up the decode */
    }
    budget->left -= need;
    return arena_alloc(budget->a, need);
}

static void arena_pb_free(void *data, void *pointer)
{
    (void)data;
    (void)pointer;
}

ProtobufCMessage *wire_unpack(arena *a, const ProtobufCMessageDescriptor *desc, const char *what,
                              const uint8_t *buf, size_t len, wire_reason *why)
{
    if (len > WIRE_MAX_MESSAGE_BYTES) {
        wire_fail(why, "%s is %zu bytes, more than the limit of %zu", what, len,
                  WIRE_MAX_MESSAGE_BYTES);
        return NULL;
    }
    pb_budget budget = {.a = a, .left = WIRE_DECODE_BUDGET(len)};
    ProtobufCAllocator allocator = {
        .alloc = arena_pb_alloc, .free = arena_pb_free, .allocator_data = &budget};
    ProtobufCMessage *msg = protobuf_c_message_unpack(desc, &allocator, len, buf);
    if (!msg && budget.exhausted)
        wire_fail(why, "%s would take more than %zu bytes of memory to decode", what,
                  WIRE_DECODE_BUDGET(len));
    else if (!msg)
        wire_fail(why, "%s does not decode (malformed protobuf)", what);
    return msg;
}
