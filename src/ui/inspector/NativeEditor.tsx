import { NATIVE_INFO, nativeKindsFor, type DesignNode, type NativeKind, type NodePatch } from '../../core';
import { SelectField } from './controls';

type Choice = NativeKind | 'none';

/**
 * The service's in-process module: C/C++ extensions (ctypes, cffi, Cython) and Rust (PyO3) under a
 * Python service, embedded Python (GraalPy, Jython) in a Java service. Each choice says its
 * trade-off; a runtime that can host none shows nothing.
 */
export function NativeEditor({
  node,
  apply,
}: {
  node: DesignNode;
  apply: (patch: NodePatch, field?: string) => string | null;
}) {
  const kinds = nativeKindsFor(node.kind);
  if (kinds.length === 0) return null;
  const python = kinds.some((k) => NATIVE_INFO[k].language !== 'python');
  const value: Choice = node.native?.kind ?? 'none';
  const options = [
    { value: 'none' as Choice, label: 'None' },
    ...kinds.map((k) => ({ value: k as Choice, label: NATIVE_INFO[k].label })),
  ];
  return (
    <section className="pc-contract" aria-label="In-process module" data-testid="native-editor">
      <h3 className="pc-contract__title">{python ? 'Native module' : 'Embedded Python'}</h3>
      <p className="pc-note">
        {python
          ? 'C/C++ extensions (ctypes, cffi, Cython) or Rust (PyO3) inside the service’s own process: the stub calls one function of it on every /ping.'
          : 'Python inside the JVM (GraalPy, or Jython for Python 2.7): the service calls a Python module in-process on every /ping.'}
      </p>
      <SelectField<Choice>
        label={python ? 'Native module' : 'Embedded Python'}
        value={value}
        options={options}
        onChange={(k) => {
          apply(k === 'none' ? { native: undefined } : { native: { kind: k } });
        }}
      />
      {node.native ? (
        <p className="pc-note" data-testid="native-tradeoff">
          {NATIVE_INFO[node.native.kind].tradeoff}
        </p>
      ) : null}
    </section>
  );
}
