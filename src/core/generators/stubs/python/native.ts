import type { GeneratedFile } from '../../types';
import { NATIVE_INFO } from '../../../model/native';
import type { NativeKind } from '../../../model/types';
import { pythonRequirements } from '../locks/python';
import {
  PYO3_LIB_RS,
  PYO3_MODULE,
  PYO3_MODULE_VERSION,
  PYO3_PYPROJECT,
  pyo3CargoLock,
  pyo3CargoToml,
} from './nativeRust';

/**
 * The in-process module of a Python service (docs/stub-contract.md, "In-process modules"): its
 * source in `native/` (the user's, like app/handlers.py), the generated loader in
 * app/plumbing/native.py that /ping calls, and the build steps that the Dockerfile, the README's
 * native build and conformance share.
 */
export type PyNativeKind = Extract<NativeKind, 'ctypes' | 'cffi' | 'cython' | 'pyo3'>;

export function isPyNative(kind: NativeKind | undefined): kind is PyNativeKind {
  return kind === 'ctypes' || kind === 'cffi' || kind === 'cython' || kind === 'pyo3';
}

/** The lock parts of native/requirements-build.txt (none for ctypes: gcc alone builds it). */
export const NATIVE_BUILD_FEATURES: Record<PyNativeKind, string[]> = {
  ctypes: [],
  cffi: ['native-build-cffi'],
  cython: ['native-build-cython'],
  pyo3: ['native-build-pyo3'],
};

/** The build tools each kind installs directly (native/requirements-build.txt names them). */
const NATIVE_BUILD_TOOLS: Record<PyNativeKind, string[]> = {
  ctypes: [],
  cffi: ['cffi', 'setuptools'],
  cython: ['cython', 'setuptools'],
  pyo3: ['maturin'],
};

/**
 * The build of each kind, run from the service folder: `build` is the Python of the build
 * environment (with native/requirements-build.txt), `python` the service's own interpreter.
 * The Dockerfile, the README and conformance run exactly these commands.
 */
export function nativeBuildCommands(kind: PyNativeKind, build: string, python: string): string[] {
  switch (kind) {
    case 'ctypes':
      return ['mkdir -p native/build', 'gcc -O2 -Wall -shared -fPIC -o native/build/libhotpath.so native/hotpath.c'];
    case 'cffi':
      return [`${build} native/build_cffi.py`];
    case 'cython':
      return [`${build} -m Cython.Build.Cythonize -i -q native/hotpath.pyx`];
    case 'pyo3':
      return [
        `${build} -m maturin build --release --locked --manifest-path native/Cargo.toml --interpreter ${python} --out native/build`,
        `${python} -m pip install --force-reinstall --no-deps --no-index --find-links native/build ${PYO3_MODULE}==${PYO3_MODULE_VERSION}`,
      ];
  }
}

const C_HEADER = `/* The service's hot path in C: its declarations. Yours to edit, with hotpath.c. */
#ifndef HOTPATH_H
#define HOTPATH_H

#include <stddef.h>
#include <stdint.h>

/* The Adler-32 checksum (RFC 1950) of len bytes. */
uint32_t hotpath_checksum(const unsigned char *data, size_t len);

#endif
`;

function cSource(how: string): string {
  return `/*
 * The service's hot path in C, ${how}. Yours to edit: the stub calls
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
`;
}

const CFFI_BUILD_PY = `"""Builds the C hot path into a CPython extension with cffi's API mode: python native/build_cffi.py

The C compiler sees hotpath.h and checks every call; the module lands in native/build as
_hotpath_cffi (its \`lib\` has the functions declared in CDEF). Yours to edit, with hotpath.c.
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
`;

const CYTHON_PYX = `# cython: language_level=3
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
`;

/** How the loader reaches the module's function, per kind. */
const LOADERS: Record<PyNativeKind, string> = {
  ctypes: `def _load() -> Callable[[bytes], int]:
    import ctypes

    lib = ctypes.CDLL(str(NATIVE_DIR / "build" / "libhotpath.so"))
    fn = lib.hotpath_checksum
    fn.argtypes = [ctypes.c_char_p, ctypes.c_size_t]
    fn.restype = ctypes.c_uint32
    return lambda data: int(fn(data, len(data)))
`,
  cffi: `def _load() -> Callable[[bytes], int]:
    sys.path.insert(0, str(NATIVE_DIR / "build"))
    from _hotpath_cffi import lib  # type: ignore[import-not-found]

    return lambda data: int(lib.hotpath_checksum(data, len(data)))
`,
  cython: `def _load() -> Callable[[bytes], int]:
    sys.path.insert(0, str(NATIVE_DIR))
    import hotpath  # type: ignore[import-not-found]

    return lambda data: int(hotpath.checksum(data.decode("utf-8")))
`,
  pyo3: `def _load() -> Callable[[bytes], int]:
    import ${PYO3_MODULE}  # type: ignore[import-not-found]  # the wheel maturin built from native/

    return lambda data: int(${PYO3_MODULE}.checksum(data.decode("utf-8")))
`,
};

/** `app/plumbing/native.py`: loads the module once and calls it for /ping. */
export function nativeLoaderPy(kind: PyNativeKind): string {
  return `"""The call into the service's in-process module (docs/stub-contract.md, "In-process modules").
Generated: do not edit; the module's source is yours, in native/.
"""

from __future__ import annotations

import sys
import threading
from datetime import datetime, timezone
from pathlib import Path
from typing import Any, Callable

KIND = "${kind}"
LANGUAGE = "${NATIVE_INFO[kind].language}"
NATIVE_DIR = Path(__file__).resolve().parents[2] / "native"

_fn: Callable[[bytes], int] | None = None
_lock = threading.Lock()


${LOADERS[kind]}

def checksum(data: bytes) -> int:
    """The module's checksum of the bytes (loaded on first use, once)."""
    global _fn
    with _lock:
        if _fn is None:
            _fn = _load()
    return _fn(data)


def call(service: str) -> dict[str, Any]:
    """Passes a fresh text to the module and reports what it answered, or why it failed."""
    now = datetime.now(timezone.utc).isoformat(timespec="milliseconds").replace("+00:00", "Z")
    text = f"{service}@{now}"
    entry: dict[str, Any] = {"kind": KIND, "language": LANGUAGE, "input": text}
    try:
        return {**entry, "answer": checksum(text.encode("utf-8")), "ok": True}
    except Exception as exc:  # a module that fails to load is part of the answer, never a crash
        return {**entry, "answer": None, "ok": False, "error": f"{type(exc).__name__}: {exc}"}
`;
}

/** `native/Makefile`: the same build steps as the Dockerfile, for a native build in a venv. */
function nativeMakefile(kind: PyNativeKind): string {
  const needsBuildVenv = NATIVE_BUILD_FEATURES[kind].length > 0;
  const steps = nativeBuildCommands(kind, '$(BUILD_PY)', '$(PY)').map((c) => `\t${c}`);
  return `# The native module's build, the same steps as the Dockerfile's native stage. Run from the
# service folder: make -f native/Makefile (after the service's .venv exists, see README.md).
PY ?= .venv/bin/python
BUILD_VENV ?= .venv-build
BUILD_PY = $(BUILD_VENV)/bin/python

.PHONY: build clean

build:${needsBuildVenv ? ' $(BUILD_VENV)' : ''}
${steps.join('\n')}
${
  needsBuildVenv
    ? `
$(BUILD_VENV): native/requirements-build.txt
\tpython3 -m venv $(BUILD_VENV)
\t$(BUILD_PY) -m pip install --require-hashes -r native/requirements-build.txt
\ttouch $(BUILD_VENV)
`
    : ''
}
clean:
\trm -rf native/build native/target${kind === 'cython' ? ' native/hotpath.c native/*.so' : ''}
`;
}

/** The files of native/: the user's source, its build requirements and its Makefile. */
export function nativeFiles(kind: PyNativeKind): GeneratedFile[] {
  const features = NATIVE_BUILD_FEATURES[kind];
  const common: GeneratedFile[] = [
    { path: 'native/Makefile', content: nativeMakefile(kind) },
    ...(features.length
      ? [{ path: 'native/requirements-build.txt', content: pythonRequirements(features, NATIVE_BUILD_TOOLS[kind]) }]
      : []),
  ];
  switch (kind) {
    case 'ctypes':
      return [
        ...common,
        { path: 'native/hotpath.h', content: C_HEADER },
        { path: 'native/hotpath.c', content: cSource('a shared library that ctypes loads') },
      ];
    case 'cffi':
      return [
        ...common,
        { path: 'native/build_cffi.py', content: CFFI_BUILD_PY },
        { path: 'native/hotpath.h', content: C_HEADER },
        { path: 'native/hotpath.c', content: cSource("compiled into an extension by cffi's API mode") },
      ];
    case 'cython':
      return [...common, { path: 'native/hotpath.pyx', content: CYTHON_PYX }];
    case 'pyo3':
      return [
        ...common,
        { path: 'native/Cargo.toml', content: pyo3CargoToml() },
        { path: 'native/Cargo.lock', content: pyo3CargoLock() },
        { path: 'native/pyproject.toml', content: PYO3_PYPROJECT },
        { path: 'native/src/lib.rs', content: PYO3_LIB_RS },
      ];
  }
}
