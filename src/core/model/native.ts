import type { NodeKind, RuntimeId } from '../catalog/catalog';
import { show } from './text';
import type { NativeKind, NativeModule } from './types';

/** What the design says about each kind of in-process module: who can host it and what it costs. */
export interface NativeInfo {
  /** The option's label in the inspector. */
  label: string;
  /** The card's small second mark. */
  mark: string;
  /** The language on the other side of the boundary, as the stub reports it in /ping. */
  language: 'c' | 'cython' | 'rust' | 'python';
  /** The runtimes that can host it. */
  runtimes: readonly RuntimeId[];
  /** The trade-off, in two sentences. */
  tradeoff: string;
}

const PYTHON_SERVICES = ['python-fastapi', 'python-flask', 'python-django'] as const satisfies readonly RuntimeId[];

/** Every kind of in-process module, in the order the inspector offers them. */
export const NATIVE_INFO = {
  ctypes: {
    label: 'C library through ctypes',
    mark: 'C',
    language: 'c',
    runtimes: PYTHON_SERVICES,
    tradeoff:
      'ctypes loads a plain C shared library at run time with nothing but the standard library, so the C code builds with gcc alone and knows nothing of Python. Every call converts its arguments by hand and a wrong signature crashes the process instead of raising, so keep the boundary to a few simple functions.',
  },
  cffi: {
    label: 'C through cffi (API mode)',
    mark: 'C',
    language: 'c',
    runtimes: PYTHON_SERVICES,
    tradeoff:
      "cffi's API mode compiles a small extension from the C declarations you write, so the C compiler checks every call and arguments convert safely. It adds cffi and a compile step to the build, and the compiled module is tied to the CPython version and platform it was built for.",
  },
  cython: {
    label: 'Cython extension (C/C++ extensions)',
    mark: 'Cy',
    language: 'cython',
    runtimes: PYTHON_SERVICES,
    tradeoff:
      'Cython compiles Python-like code with C types into a C/C++ extension module, the quickest way to speed up a hot loop that is already written in Python. The build needs Cython and a C compiler, and the module is tied to the CPython version and platform it was built for, so each one needs its own wheel.',
  },
  pyo3: {
    label: 'Rust through PyO3 (maturin)',
    mark: 'Rs',
    language: 'rust',
    runtimes: PYTHON_SERVICES,
    tradeoff:
      'PyO3 turns a Rust crate into a Python module that maturin builds as a wheel: memory-safe native code with a type-checked boundary and Rust’s crates at hand. The Rust toolchain joins the build stage and the first compile of the crate takes minutes, and each platform needs its own wheel.',
  },
  graalpy: {
    label: 'Python embedded with GraalPy',
    mark: 'Py',
    language: 'python',
    runtimes: ['java-spring'],
    tradeoff:
      'GraalPy runs Python 3 inside the JVM through the GraalVM polyglot API, so Java calls a Python module in-process and the module calls Java classes back. It needs JDK 21 or newer and adds the GraalPy runtime to the image and to the start-up time.',
  },
  jython: {
    label: 'Python 2.7 embedded with Jython',
    mark: 'Jy',
    language: 'python',
    runtimes: ['java-spring'],
    tradeoff:
      'Jython 2.7 runs legacy Python 2 code on the JVM with direct access to Java classes, one jar and no native parts. It speaks only Python 2.7 and takes no C extensions, so it suits existing code to reuse, not new code.',
  },
} as const satisfies Record<NativeKind, NativeInfo>;

export const NATIVE_KINDS = Object.keys(NATIVE_INFO) as NativeKind[];

export function isNativeKind(v: unknown): v is NativeKind {
  return typeof v === 'string' && Object.hasOwn(NATIVE_INFO, v);
}

/** Whether a node of this kind can host a module of that kind. */
export function nativeFits(kind: NativeKind, node: NodeKind): boolean {
  return (NATIVE_INFO[kind].runtimes as readonly string[]).includes(node);
}

/** The kinds of module a node of this kind can host (none for most runtimes). */
export function nativeKindsFor(node: NodeKind): NativeKind[] {
  return NATIVE_KINDS.filter((k) => nativeFits(k, node));
}

/**
 * The `native` field of a node from untrusted input: kept when it is a known kind that the node's
 * runtime can host, removed otherwise with a warning that names it.
 */
export function repairNative(
  raw: unknown,
  nodeKind: NodeKind,
  name: string,
  runtimeLabel: string,
  warn: (message: string) => void,
): NativeModule | undefined {
  if (raw === undefined) return undefined;
  const kind = typeof raw === 'object' && raw !== null ? (raw as Record<string, unknown>).kind : undefined;
  if (!isNativeKind(kind)) {
    warn(
      `The in-process module of ${name} (${show(kind ?? raw)}) was removed: it is none of ${NATIVE_KINDS.join(', ')}.`,
    );
    return undefined;
  }
  if (!nativeFits(kind, nodeKind)) {
    warn(`The in-process module of ${name} (${NATIVE_INFO[kind].label}) was removed: ${runtimeLabel} cannot host it.`);
    return undefined;
  }
  return { kind };
}
