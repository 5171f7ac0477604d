import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { adler32 } from '../conformance/lib/native';
import { findJdk, jdkRelease } from '../conformance/runtimes/java-spring';
import { everyLinkDesign, javaContexts } from '../src/core/generators/stubs/java/fixtures';
import { javaSpringStub } from '../src/core/generators/stubs/java/index';
import type { GeneratedFile } from '../src/core/generators/types';
import type { NativeKind } from '../src/core/model/types';

/** The Java service `front` of the every-link design, with an embedded Python module of this kind. */
function stub(kind: NativeKind): GeneratedFile[] {
  const d = everyLinkDesign();
  const design = { ...d, nodes: d.nodes.map((n) => (n.name === 'front' ? { ...n, native: { kind } } : n)) };
  const ctx = javaContexts(design).find((c) => c.wiring.node.name === 'front');
  if (!ctx) throw new Error('no java service front');
  return javaSpringStub(ctx);
}

function file(files: GeneratedFile[], path: string | RegExp): string {
  const f = files.find((x) => (typeof path === 'string' ? x.path === path : path.test(x.path)));
  if (!f) throw new Error(`missing ${String(path)} in ${files.map((x) => x.path).join(', ')}`);
  return f.content;
}

const PY = 'src/main/python/checksum.py';
const HOST = /^src\/main\/java\/.*\/handlers\/PythonHost\.java$/;

describe('the embedded Python module of a Java service', () => {
  it.each(['graalpy', 'jython'] as const)('%s: the module computes Adler-32, calling Java for the modulus', (kind) => {
    // the generated module, run by CPython with the Java side stood in for: the same Python both kinds accept
    const files = stub(kind);
    const pkg = /\npackage ([\w.]+);/.exec(file(files, HOST))?.[1] ?? '';
    const dir = mkdtempSync(join(tmpdir(), 'embedded-'));
    writeFileSync(join(dir, 'checksum.py'), file(files, PY));
    const harness = `
import sys, types, json
class PythonHost(object):
    calls = 0
    @staticmethod
    def modulus():
        PythonHost.calls += 1
        return 65521
java = types.ModuleType("java")
java.type = lambda name: PythonHost if name == ${JSON.stringify(`${pkg}.PythonHost`)} else None
sys.modules["java"] = java
parts = ${JSON.stringify(pkg)}.split(".")
for i in range(len(parts)):
    m = types.ModuleType(".".join(parts[: i + 1]))
    m.PythonHost = PythonHost
    sys.modules[m.__name__] = m
ns = {}
exec(open(sys.argv[1]).read(), ns)
texts = sys.argv[2:]
print(json.dumps([[ns["adler32"](t) for t in texts], PythonHost.calls]))
`;
    const texts = ['Wikipedia', 'front@2026-12-06T20:00:00.000Z', 'Ünïcödé 名前', ''];
    const out = execFileSync('python3', ['-c', harness, join(dir, 'checksum.py'), ...texts], { encoding: 'utf8' });
    expect(JSON.parse(out)).toEqual([texts.map(adler32), texts.length]);
    expect(adler32('Wikipedia')).toBe(0x11e60398);
  });
});

describe('the conformance recipe finds a JDK new enough', () => {
  function fakeJdk(root: string, name: string, version: string): string {
    const home = join(root, name);
    mkdirSync(join(home, 'bin'), { recursive: true });
    writeFileSync(join(home, 'bin', 'javac'), '');
    writeFileSync(join(home, 'release'), `IMPLEMENTOR="x"\nJAVA_VERSION="${version}"\n`);
    return home;
  }

  it('takes JAVA_HOME when it is new enough, else the newest JDK of the folder', () => {
    const root = mkdtempSync(join(tmpdir(), 'jvm-'));
    const j17 = fakeJdk(root, 'java-17', '17.0.15');
    const j21 = fakeJdk(root, 'jdk-21', '21.0.8');
    const j25 = fakeJdk(root, 'temurin-25', '25.0.3');
    mkdirSync(join(root, 'not-a-jdk'));
    expect(jdkRelease(j25)).toBe(25);
    expect(jdkRelease(join(root, 'not-a-jdk'))).toBeNull();
    expect(findJdk(21, { JAVA_HOME: j21 }, root)).toBe(j21);
    expect(findJdk(21, { JAVA_HOME: j17 }, root)).toBe(j25);
    expect(findJdk(21, {}, root)).toBe(j25);
  });

  it('says what is missing when there is none', () => {
    const root = mkdtempSync(join(tmpdir(), 'jvm-'));
    fakeJdk(root, 'java-17', '17.0.15');
    expect(() => findJdk(21, {}, root)).toThrow(/needs a JDK 21 or newer.*JAVA_HOME is unset.*has no JDK 21\+/);
  });
});
