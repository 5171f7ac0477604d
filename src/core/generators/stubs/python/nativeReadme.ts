import { NATIVE_INFO } from '../../../model/native';
import { NATIVE_BUILD_FEATURES, nativeBuildCommands, type PyNativeKind } from './native';

/** The README rows of native/ (the user's files). */
export function nativeReadmeRows(kind: PyNativeKind): string[][] {
  const rows: Record<PyNativeKind, string[][]> = {
    ctypes: [['`native/hotpath.c`, `native/hotpath.h`', '**yours**: the C library that ctypes loads']],
    cffi: [
      ['`native/hotpath.c`, `native/hotpath.h`', "**yours**: the C code that cffi's API mode compiles"],
      ['`native/build_cffi.py`', '**yours**: the cffi build script, with the declarations Python sees'],
    ],
    cython: [['`native/hotpath.pyx`', '**yours**: the Cython module, compiled to a C extension']],
    pyo3: [
      ['`native/src/lib.rs`', '**yours**: the Rust module (PyO3)'],
      ['`native/Cargo.toml`, `native/Cargo.lock`', 'the crate and its locked dependencies (pyo3 pinned)'],
      ['`native/pyproject.toml`', 'maturin as the build backend of the wheel'],
    ],
  };
  return [
    ...rows[kind],
    ...(kind === 'ctypes'
      ? []
      : [['`native/requirements-build.txt`', 'the build tools, pinned with their hashes (not in the image)']]),
    ['`native/Makefile`', 'the native build: the same steps as the Dockerfile'],
    ['`app/plumbing/native.py`', 'generated: loads the module and calls it on every `/ping`'],
  ];
}

const NATIVE_TOOLS: Record<PyNativeKind, string> = {
  ctypes: 'gcc',
  cffi: 'gcc and the Python headers (python3-dev on Debian)',
  cython: 'gcc and the Python headers (python3-dev on Debian)',
  pyo3: 'a Rust toolchain (cargo, Rust 1.83 or newer) and gcc as its linker',
};

/** The README section on the module: what it is, what it costs, how to change and rebuild it. */
export function nativeReadmeSection(kind: PyNativeKind): string {
  const info = NATIVE_INFO[kind];
  const venv = NATIVE_BUILD_FEATURES[kind].length
    ? `python3 -m venv .venv-build
.venv-build/bin/pip install --require-hashes -r native/requirements-build.txt
`
    : '';
  return `## The native module: ${info.label}

${info.tradeoff}

On every \`/ping\` the stub passes a fresh text (\`<service>@<time>\`) to the module's checksum
function and answers what it returned under \`native\` (\`"kind": "${kind}", "language": "${info.language}"\`),
so you can see the language boundary inside the service. Put your hot path beside it and call it
from \`app/handlers.py\`.

To change it, edit the files marked yours in \`native/\` and rebuild. The Dockerfile's \`native\`
stage builds it with ${NATIVE_TOOLS[kind]}; only the built module reaches the final image. The
same steps natively, from this folder, after the service's \`.venv\` (see Run it):

\`\`\`sh
${venv}${nativeBuildCommands(kind, '.venv-build/bin/python', '.venv/bin/python').join('\n')}
\`\`\`

or \`make -f native/Makefile\`. ${
    kind === 'pyo3' ? 'The first build compiles PyO3 and takes a few minutes; later ones only your crate. ' : ''
  }Restart the service to load the new build.
`;
}
