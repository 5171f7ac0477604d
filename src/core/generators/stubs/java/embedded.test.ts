import { describe, expect, it } from 'vitest';
import type { Design, NativeKind } from '../../../model/types';
import type { GeneratedFile } from '../../types';
import { javaOpts, JAVA_OPTS, pomJavaRelease } from './docker';
import { everyLinkDesign, javaContexts } from './fixtures';
import { javaSpringStub } from './index';
import { JAVA_IMAGES, JAVA_IMAGES_GRAALPY, JAVA_VERSIONS } from './versions';

/** The every-link design with `native` of the given kind on the service `front`. */
function withNative(kind: NativeKind | null): Design {
  const d = everyLinkDesign();
  return {
    ...d,
    nodes: d.nodes.map((n) => (n.name === 'front' && kind ? { ...n, native: { kind } } : n)),
  };
}

function stub(kind: NativeKind | null, name = 'front'): GeneratedFile[] {
  const ctx = javaContexts(withNative(kind)).find((c) => c.wiring.node.name === name);
  if (!ctx) throw new Error(`no java service ${name}`);
  return javaSpringStub(ctx);
}

function file(files: GeneratedFile[], path: string | RegExp): string {
  const f = files.find((x) => (typeof path === 'string' ? x.path === path : path.test(x.path)));
  if (!f) throw new Error(`missing ${String(path)} in ${files.map((x) => x.path).join(', ')}`);
  return f.content;
}

const PY = 'src/main/python/checksum.py';
const HOST = /^src\/main\/java\/.*\/handlers\/PythonHost\.java$/;
const EMBEDDED = /^src\/main\/java\/.*\/plumbing\/Embedded\.java$/;
const FANOUT = /^src\/main\/java\/.*\/plumbing\/Fanout\.java$/;

describe('javaSpringStub with embedded Python', () => {
  it('adds nothing to a service without it, nor for a kind of another language', () => {
    for (const kind of [null, 'pyo3'] as const) {
      const files = stub(kind);
      expect(files.some((f) => f.path.startsWith('src/main/python/'))).toBe(false);
      expect(files.some((f) => EMBEDDED.test(f.path))).toBe(false);
      expect(file(files, FANOUT)).not.toContain('native');
      const pom = file(files, 'pom.xml');
      expect(pom).not.toMatch(/graalvm|jython/);
      expect(pom).toContain(`<java.version>${JAVA_VERSIONS.java}</java.version>`);
      expect(file(files, 'Dockerfile')).toContain(`FROM ${JAVA_IMAGES.run} AS final`);
    }
    // the other Java service of the design is untouched by front's module
    expect(stub('graalpy', 'back').map((f) => f.path)).toEqual(stub(null, 'back').map((f) => f.path));
  });

  it.each(['graalpy', 'jython'] as const)('%s: the module, the class it calls back and the loader', (kind) => {
    const files = stub(kind);
    const py = file(files, PY);
    const host = file(files, HOST);
    const embedded = file(files, EMBEDDED);
    const pkg = /\npackage ([\w.]+);/.exec(host)?.[1] ?? '';
    expect(pkg).toMatch(/\.handlers$/);
    // the Python finds the Java class by its full name, and calls it
    expect(py).toContain(kind === 'graalpy' ? `java.type("${pkg}.PythonHost")` : `from ${pkg} import PythonHost`);
    expect(py).toContain('PythonHost.modulus()');
    expect(py).toMatch(/^def adler32\(text\):/m);
    expect(py).not.toMatch(/zlib|binascii/);
    expect(host).toMatch(/public static int modulus\(\)/);
    expect(embedded).toContain('"/python/checksum.py"');
    expect(embedded).toContain(`private static final String KIND = "${kind}";`);
    expect(embedded).toContain(
      kind === 'graalpy' ? 'org.graalvm.polyglot.Context' : 'org.python.util.PythonInterpreter',
    );
    expect(file(files, FANOUT)).toContain('tree.put("native", embedded.call(self));');
  });

  it('pins the dependencies of each kind, and Java 21 for GraalPy', () => {
    const graal = file(stub('graalpy'), 'pom.xml');
    expect(graal).toMatch(
      new RegExp(`<artifactId>polyglot</artifactId>\\s*<version>${JAVA_VERSIONS.graalpy}</version>`),
    );
    expect(graal).toMatch(
      new RegExp(
        `<artifactId>python-community</artifactId>\\s*<version>${JAVA_VERSIONS.graalpy}</version>\\s*<type>pom</type>`,
      ),
    );
    expect(graal).toContain('<java.version>21</java.version>');
    expect(graal).toMatch(/<requireJavaVersion>\s*<version>\[21,\)<\/version>/);
    expect(graal).toMatch(/<directory>src\/main\/python<\/directory>\s*<targetPath>python<\/targetPath>/);
    expect(graal).toMatch(/<dependencyConvergence\/>/);
    expect(pomJavaRelease(graal)).toBe(21);

    const jython = file(stub('jython'), 'pom.xml');
    expect(jython).toMatch(
      new RegExp(`<artifactId>jython-standalone</artifactId>\\s*<version>${JAVA_VERSIONS.jython}</version>`),
    );
    expect(jython).not.toContain('graalvm');
    expect(jython).toContain(`<java.version>${JAVA_VERSIONS.java}</java.version>`);
    expect(pomJavaRelease(jython)).toBe(17);
  });

  it('builds and runs GraalPy on Temurin 25 and Jython on the stub images', () => {
    const graal = file(stub('graalpy'), 'Dockerfile');
    expect(graal).toContain(`FROM ${JAVA_IMAGES_GRAALPY.build} AS build`);
    expect(graal).toContain(`FROM ${JAVA_IMAGES_GRAALPY.run} AS final`);
    expect(JAVA_IMAGES_GRAALPY.build).toMatch(/eclipse-temurin-25$/);
    expect(JAVA_IMAGES_GRAALPY.run).toMatch(/^eclipse-temurin:25[\w.]*-jre$/);
    expect(graal).toContain('"--enable-native-access=ALL-UNNAMED"');
    const jython = file(stub('jython'), 'Dockerfile');
    expect(jython).toContain(`FROM ${JAVA_IMAGES.build} AS build`);
    expect(jython).toContain(`FROM ${JAVA_IMAGES.run} AS final`);
    expect(jython).not.toContain('enable-native-access');
    expect(javaOpts(17)).toEqual(JAVA_OPTS);
  });

  it('explains in the README how to change the Python and what each kind costs', () => {
    const graal = file(stub('graalpy'), 'README.md');
    expect(graal).toContain('## Embedded Python');
    expect(graal).toContain('`src/main/python/checksum.py`');
    expect(graal).toContain('With JDK 21 and Maven:');
    expect(graal).toMatch(/Java 21 or newer/);
    const jython = file(stub('jython'), 'README.md');
    expect(jython).toMatch(/Python 2\.7 only/);
    expect(jython).toContain('With JDK 17 and Maven:');
  });
});
