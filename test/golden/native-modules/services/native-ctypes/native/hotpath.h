/* The service's hot path in C: its declarations. Yours to edit, with hotpath.c. */
#ifndef HOTPATH_H
#define HOTPATH_H

#include <stddef.h>
#include <stdint.h>

/* The Adler-32 checksum (RFC 1950) of len bytes. */
uint32_t hotpath_checksum(const unsigned char *data, size_t len);

#endif
