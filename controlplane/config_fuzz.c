/* config_fuzz.c: libFuzzer target for the control plane's configuration
 * reader: any bytes as the YAML file. It must accept or refuse with a
 * message, never crash, leak or read out of bounds. */
#include <stddef.h>
#include <stdint.h>

#include "config.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    cfg c;
    char err[512];
    cfg_parse(&c, (const char *)data, size, "fuzz.yaml", "/etc/fedmesh", err, sizeof err);
    cfg_free(&c);
    return 0;
}
