/* wire_report_fuzz.c: libFuzzer target for report frame decoding. A frame
 * that decodes is encoded again, and that must decode to the same report. */
#include <stdlib.h>
#include <string.h>

#include "wire_report.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static bool same_str(const char *x, const char *y)
{
    return (!x && !y) || (x && y && strcmp(x, y) == 0);
}

static bool same_report(const wire_report *x, const wire_report *y)
{
    if (x->type != y->type) return false;
    switch (x->type) {
    case WIRE_REPORT_ACK:
        return same_str(x->ack.sidecar, y->ack.sidecar) && same_str(x->ack.admin, y->ack.admin) &&
               x->ack.version == y->ack.version && same_str(x->ack.sha256, y->ack.sha256) &&
               x->ack.at_ms == y->ack.at_ms;
    case WIRE_REPORT_REJECT:
        return same_str(x->reject.sidecar, y->reject.sidecar) &&
               same_str(x->reject.admin, y->reject.admin) &&
               x->reject.version == y->reject.version &&
               same_str(x->reject.sha256, y->reject.sha256) &&
               same_str(x->reject.reason, y->reject.reason);
    case WIRE_REPORT_HEARTBEAT:
        return same_str(x->heartbeat.sidecar, y->heartbeat.sidecar) &&
               same_str(x->heartbeat.admin, y->heartbeat.admin) &&
               x->heartbeat.version == y->heartbeat.version &&
               same_str(x->heartbeat.listen, y->heartbeat.listen);
    case WIRE_REPORT_USAGE:
        if (!same_str(x->usage.sidecar, y->usage.sidecar) || x->usage.nops != y->usage.nops)
            return false;
        for (uint32_t i = 0; i < x->usage.nops; i++) {
            const wire_usage_op *p = &x->usage.ops[i], *q = &y->usage.ops[i];
            if (!same_str(p->query, q->query) || !same_str(p->operation_name, q->operation_name) ||
                p->count != q->count)
                return false;
        }
        return true;
    }
    return false;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    arena a;
    arena_init(&a, 0);
    wire_reason why;
    wire_report report, again;
    if (wire_report_decode(&a, data, size, &report, &why)) {
        sbuf buf;
        sbuf_init(&buf);
        wire_report_encode(&report, &buf);
        if (!wire_report_decode(&a, (const uint8_t *)buf.data, buf.len, &again, &why) ||
            !same_report(&report, &again))
            abort();
        sbuf_free(&buf);
    }
    arena_free(&a);
    return 0;
}
