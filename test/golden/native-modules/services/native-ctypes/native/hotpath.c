/*
 * The service's hot path in C, a shared library that ctypes loads. Yours to edit: the stub calls
 * hotpath_checksum on every /ping (see app/plumbing/native.py); add functions here, declare them
 * in hotpath.h and call them from app/handlers.py.
 */
#include "hotpath.h"

uint32_t hotpath_checksum(const unsigned char *data, size_t len) {
    const uint32_t mod = 65521;
    uint32_t a = 1, b = 0;
    for (size_t i = 0; i < len; i++) {
        a = (a + data[i]) % mod;
        b = (b + a) % mod;
    }
    return (b << 16) | a;
}
