/* digest.c: see digest.h. */
#include "digest.h"

#include <openssl/sha.h>

void digest_sha256_hex(const void *data, size_t len, char out[DIGEST_HEX_LEN + 1])
{
    static const char hex[] = "0123456789abcdef";
    unsigned char md[SHA256_DIGEST_LENGTH];
    SHA256(data, len, md);
    for (int i = 0; i < SHA256_DIGEST_LENGTH; i++) {
        out[2 * i] = hex[md[i] >> 4];
        out[2 * i + 1] = hex[md[i] & 15];
    }
    out[DIGEST_HEX_LEN] = '\0';
}
