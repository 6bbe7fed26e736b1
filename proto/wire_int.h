/* wire_int.h: helpers shared by the files of proto/ and by nothing else:
 * protobuf-c packing into an sbuf, unpacking into an arena, and setting a
 * wire_reason. */
#ifndef FM_WIRE_INT_H
#define FM_WIRE_INT_H

#include <protobuf-c/protobuf-c.h>

#include "sbuf.h"
#include "wire.h"

/* Appends the serialised message to out. */
void wire_pack(const ProtobufCMessage *msg, sbuf *out);

/* Decodes len bytes as a message of type desc into a (protobuf-c allocates
 * from the arena); NULL with why set when the bytes are too long or not a
 * valid message of that type. what names the message in the reason. */
ProtobufCMessage *wire_unpack(arena *a, const ProtobufCMessageDescriptor *desc, const char *what,
                              const uint8_t *buf, size_t len, wire_reason *why);

void wire_fail(wire_reason *why, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

#endif
