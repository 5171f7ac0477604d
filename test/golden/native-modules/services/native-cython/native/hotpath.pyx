# cython: language_level=3
"""The service's hot path in Cython, compiled into a C extension module.

Yours to edit: the stub calls hotpath.checksum(text) on every /ping (see app/plumbing/native.py);
add functions here and call them from app/handlers.py.
"""


def checksum(str text):
    """The Adler-32 checksum (RFC 1950) of the text's UTF-8 bytes."""
    cdef bytes data = text.encode("utf-8")
    cdef const unsigned char* p = data
    cdef Py_ssize_t i
    cdef Py_ssize_t n = len(data)
    cdef unsigned int a = 1
    cdef unsigned int b = 0
    for i in range(n):
        a = (a + p[i]) % 65521
        b = (b + a) % 65521
    return (b << 16) | a
