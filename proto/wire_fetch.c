/* wire_fetch.c: FetchRequest and FetchReply, encoded with protobuf-c and
 * checked on the way in (see wire_fetch.h). */
#include "wire_fetch.h"

#include "wire_envelope.h"
#include "wire_int.h"

void wire_fetch_request_encode(const char *sidecar_id, uint64_t have_version, sbuf *out)
{
    Fedmesh__FetchRequest req = FEDMESH__FETCH_REQUEST__INIT;
    req.sidecar_id = (char *)sidecar_id; /* protobuf-c's field is not const; never written */
    req.have_version = have_version;
    wire_pack(&req.base, out);
}

Fedmesh__FetchRequest *wire_fetch_request_decode(arena *a, const uint8_t *buf, size_t len,
                                                 wire_reason *why)
{
    Fedmesh__FetchRequest *req = (Fedmesh__FetchRequest *)wire_unpack(
        a, &fedmesh__fetch_request__descriptor, "fetch request", buf, len, why);
    if (!req) return NULL;
    if (!req->sidecar_id || !req->sidecar_id[0]) {
        wire_fail(why, "fetch request has no sidecar_id");
        return NULL;
    }
    return req;
}

void wire_fetch_reply_encode(const Fedmesh__FetchReply *reply, sbuf *out)
{
    wire_pack(&reply->base, out);
}

Fedmesh__FetchReply *wire_fetch_reply_decode(arena *a, const uint8_t *buf, size_t len,
                                             wire_reason *why)
{
    Fedmesh__FetchReply *reply = (Fedmesh__FetchReply *)wire_unpack(
        a, &fedmesh__fetch_reply__descriptor, "fetch reply", buf, len, why);
    if (!reply) return NULL;
    bool has_error = reply->error && reply->error[0];
    if (reply->up_to_date && reply->envelope) {
        wire_fail(why, "fetch reply is up to date and carries an envelope");
        return NULL;
    }
    if (!reply->up_to_date && !reply->envelope && !has_error) {
        wire_fail(why, "fetch reply has neither an envelope nor an error");
        return NULL;
    }
    if (reply->envelope && !wire_envelope_check_form(reply->envelope, why)) return NULL;
    return reply;
}
