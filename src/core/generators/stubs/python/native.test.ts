import { describe, expect, it } from 'vitest';
import { addNode, updateNode } from '../../../ops/ops';
import { emptyDesign, type Design, type NativeKind } from '../../../model/types';
import type { RuntimeId } from '../../../catalog/catalog';
import { generateProject } from '../../project';

function exported(runtime: RuntimeId, native?: NativeKind): Map<string, string> {
  const r = addNode(emptyDesign('shop'), { kind: runtime, name: 'search', position: { x: 0, y: 0 }, id: 'n1' });
  if (!r.ok) throw new Error(r.reason);
  let d: Design = r.design;
  if (native) {
    const u = updateNode(d, 'n1', { native: { kind: native } });
    if (!u.ok) throw new Error(u.reason);
    d = u.design;
  }
  const files = generateProject(d).filter((f) => f.path.startsWith('services/search/'));
  return new Map(files.map((f) => [f.path.slice('services/search/'.length), f.content]));
}

describe('the in-process module of a Python stub', () => {
  it('a service without one has no native files and its /ping calls none', () => {
    const f = exported('python-fastapi');
    expect([...f.keys()].filter((p) => p.includes('native'))).toEqual([]);
    expect(f.get('app/plumbing/ping.py')).not.toMatch(/native/);
    expect(f.get('Dockerfile')).not.toMatch(/AS native/);
  });

  it('ctypes: the C source, gcc in the native stage, the library copied into the final image', () => {
    const f = exported('python-flask', 'ctypes');
    expect(f.get('native/hotpath.c')).toMatch(/uint32_t hotpath_checksum\(const unsigned char \*data, size_t len\)/);
    expect(f.get('app/plumbing/native.py')).toMatch(/ctypes\.CDLL\(str\(NATIVE_DIR \/ "build" \/ "libhotpath\.so"\)\)/);
    const docker = f.get('Dockerfile') ?? '';
    expect(docker).toMatch(/FROM python:\$\{PYTHON_TAG\} AS native[\s\S]*gcc -O2 -Wall -shared -fPIC/);
    expect(docker).toMatch(/COPY --from=native \/app\/native \/app\/native/);
    expect(f.has('native/requirements-build.txt')).toBe(false);
    expect(f.get('requirements.txt')).not.toMatch(/^cffi==/m);
  });

  it('cffi: an API-mode build script, cffi pinned for the build and at run time', () => {
    const f = exported('python-fastapi', 'cffi');
    expect(f.get('native/build_cffi.py')).toMatch(/ffibuilder\.set_source\(\s*"_hotpath_cffi"/);
    expect(f.get('native/requirements-build.txt')).toMatch(/^cffi==2\.1\.1 \\\n {4}--hash=sha256:/m);
    expect(f.get('native/requirements-build.txt')).toMatch(/^setuptools==/m);
    expect(f.get('requirements.txt')).toMatch(/^cffi==2\.1\.1 /m);
    expect(f.get('Dockerfile')).toMatch(/\/opt\/build\/bin\/python native\/build_cffi\.py/);
  });

  it('Cython: a .pyx module compiled by pinned Cython, which stays out of the runtime environment', () => {
    const f = exported('python-django', 'cython');
    expect(f.get('native/hotpath.pyx')).toMatch(/def checksum\(str text\)/);
    expect(f.get('native/requirements-build.txt')).toMatch(/^cython==3\.3\.1 /m);
    expect(f.get('requirements.txt')).not.toMatch(/^cython==/m);
    expect(f.get('Dockerfile')).toMatch(/-m Cython\.Build\.Cythonize -i -q native\/hotpath\.pyx/);
    expect(f.get('.dockerignore')).toMatch(/^native\/\*\.so$/m);
  });

  it('PyO3: a crate with pyo3 pinned and locked, built by maturin with the Rust toolchain, the wheel installed', () => {
    const f = exported('python-fastapi', 'pyo3');
    expect(f.get('native/Cargo.toml')).toMatch(/^pyo3 = \{ version = "=0\.30\.1"/m);
    expect(f.get('native/Cargo.toml')).toMatch(/crate-type = \["cdylib"\]/);
    const lock = f.get('native/Cargo.lock') ?? '';
    expect(lock).toMatch(/name = "pyo3"\nversion = "0\.30\.1"\nsource = "registry\+[^"]+"\nchecksum = "[0-9a-f]{64}"/);
    expect(lock).toMatch(/name = "hotpath"\nversion = "0\.1\.0"\ndependencies = \[\n "pyo3",\n\]/);
    expect(f.get('native/src/lib.rs')).toMatch(/#\[pyfunction\]\nfn checksum\(text: &str\) -> u32/);
    expect(f.get('native/pyproject.toml')).toMatch(/build-backend = "maturin"/);
    expect(f.get('native/requirements-build.txt')).toMatch(/^maturin==1\.16\.0 /m);
    const docker = f.get('Dockerfile') ?? '';
    expect(docker).toMatch(/^FROM rust:[\d.]+-slim-bookworm AS rust$/m);
    expect(docker).toMatch(/COPY --from=rust \/usr\/local\/cargo \/usr\/local\/cargo/);
    expect(docker).toMatch(/maturin build --release --locked --manifest-path native\/Cargo\.toml/);
    expect(docker).toMatch(/COPY --from=native \/app\/native\/build\/ \/tmp\/wheels\//);
    // the final stage keeps the non-root user and the health check, and gets no toolchain
    const final = docker.slice(docker.indexOf('AS final'));
    expect(final).toMatch(/^USER appuser$/m);
    expect(final).toMatch(/^HEALTHCHECK /m);
    expect(final).not.toMatch(/rust|cargo|gcc/);
    expect(docker.indexOf('ARG PYTHON_TAG=')).toBeLessThan(docker.indexOf('FROM '));
  });

  it('/ping carries the module call; the README says how to change and rebuild it', () => {
    for (const kind of ['ctypes', 'cffi', 'cython', 'pyo3'] as const) {
      const f = exported('python-fastapi', kind);
      expect(f.get('app/plumbing/ping.py')).toMatch(/answer\["native"\] = native\.call\(me\)/);
      expect(f.get('app/plumbing/native.py')).toMatch(new RegExp(`^KIND = "${kind}"$`, 'm'));
      const readme = f.get('README.md') ?? '';
      expect(readme).toMatch(/## The native module/);
      expect(readme).toMatch(/make -f native\/Makefile/);
      expect(f.get('native/Makefile')).toMatch(/^build:/m);
    }
  });

  it('a Celery worker gets no module even if a design names one', () => {
    const r = addNode(emptyDesign('shop'), {
      kind: 'python-celery',
      name: 'search',
      position: { x: 0, y: 0 },
      id: 'n1',
    });
    if (!r.ok) throw new Error(r.reason);
    const d = { ...r.design, nodes: r.design.nodes.map((n) => ({ ...n, native: { kind: 'pyo3' as const } })) };
    const files = generateProject(d).map((f) => f.path);
    expect(files.filter((p) => p.startsWith('services/search/native'))).toEqual([]);
  });
});
