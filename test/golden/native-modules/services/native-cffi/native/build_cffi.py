"""Builds the C hot path into a CPython extension with cffi's API mode: python native/build_cffi.py

The C compiler sees hotpath.h and checks every call; the module lands in native/build as
_hotpath_cffi (its `lib` has the functions declared in CDEF). Yours to edit, with hotpath.c.
"""

from pathlib import Path

from cffi import FFI

HERE = Path(__file__).resolve().parent
CDEF = "uint32_t hotpath_checksum(const unsigned char *data, size_t len);"

ffibuilder = FFI()
ffibuilder.cdef(CDEF)
ffibuilder.set_source(
    "_hotpath_cffi",
    '#include "hotpath.h"',
    sources=[str(HERE / "hotpath.c")],
    include_dirs=[str(HERE)],
    extra_compile_args=["-O2"],
)

if __name__ == "__main__":
    ffibuilder.compile(tmpdir=str(HERE / "build"))
