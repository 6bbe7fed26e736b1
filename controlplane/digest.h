/* digest.h: SHA-256 as lowercase hex, the form every hash in docs/MESH.md
 * takes (SDL hashes, bundle hashes, composed_from). OpenSSL's libcrypto. */
#ifndef CP_DIGEST_H
#define CP_DIGEST_H

#include <stddef.h>

#define DIGEST_HEX_LEN 64

/* out gets 64 hex digits and a NUL. */
void digest_sha256_hex(const void *data, size_t len, char out[DIGEST_HEX_LEN + 1]);

#endif
