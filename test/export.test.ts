import fc from 'fast-check';
import { parseAllDocuments } from 'yaml';
import { describe, expect, it } from 'vitest';
import { RUNTIMES, RUNTIME_IDS, isRuntime, type RuntimeId } from '../src/core/catalog/catalog';
import { mermaidText } from '../src/core/generators/docs';
import { exportProblems, hasExportErrors } from '../src/core/generators/problems';
import { generateProject, pathProblem, serviceFiles, keepsOwnContainer } from '../src/core/generators/project';
import { STUBS } from '../src/core/generators/stubs/registry';
import type { GeneratedFile } from '../src/core/generators/types';
import { dnsLabel } from '../src/core/model/naming';
import { emptyDesign, type Design } from '../src/core/model/types';
import { addNode, connect } from '../src/core/ops/ops';
import { designArb } from './fixtures/arbitrary';
import { dockerfileProblems } from './fixtures/dockerfile-rules';
import { fixtureNames, loadFixture } from './fixtures/load';

/** A design that makes one runtime use every kind of link: REST in and out, gRPC in and out, a queue each way, a database. */
function showcase(runtime: RuntimeId): Design {
  let d = emptyDesign('showcase');
  const add = (id: string, kind: Parameters<typeof addNode>[1]['kind'], name: string) => {
    const r = addNode(d, { id, kind, name, position: { x: 0, y: 0 } });
    if (r.ok) d = r.design;
  };
  add('svc', runtime, 'subject');
  add('caller', 'go-nethttp', 'caller');
  add('callee', 'python-fastapi', 'callee');
  add('mq', 'kafka', 'kafka');
  add('db', 'postgres', 'postgres');
  const link = (source: string, target: string, kind: 'rest' | 'grpc' | 'queue' | 'database') => {
    const r = connect(d, { source, target, kind });
    if (r.ok) d = r.design;
  };
  link('caller', 'svc', 'rest');
  link('caller', 'svc', 'grpc');
  link('svc', 'callee', 'rest');
  link('svc', 'callee', 'grpc');
  link('svc', 'mq', 'queue');
  link('mq', 'svc', 'queue');
  link('svc', 'db', 'database');
  return d;
}

/** Runtimes whose stub generator is still being written: it returns no files yet. */
const PENDING = new Set(
  RUNTIME_IDS.filter(
    (r) => RUNTIMES[r].tier === 1 && !serviceFiles(showcase(r)).some((f) => f.path.startsWith('services/subject/')),
  ),
);

/** Every rule that holds for any export, as a list of readable failures. */
function projectProblems(design: Design, files: readonly GeneratedFile[]): string[] {
  const out: string[] = [];
  const paths = new Set<string>();
  for (const f of files) {
    const why = pathProblem(f.path);
    if (why) out.push(why);
    if (paths.has(f.path)) out.push(`${f.path} is generated twice`);
    paths.add(f.path);
    // a Helm template is YAML only once rendered (the helm tests render it)
    if (/\.ya?ml$/.test(f.path) && !f.path.startsWith('helm/templates/')) {
      for (const doc of parseAllDocuments(f.content))
        for (const e of doc.errors) out.push(`${f.path} is not valid YAML: ${e.message.split('\n')[0]}`);
    }
    if (f.path.endsWith('.json')) {
      try {
        JSON.parse(f.content);
      } catch (e) {
        out.push(`${f.path} is not valid JSON: ${(e as Error).message}`);
      }
    }
    if (/(^|\/)Dockerfile$/.test(f.path)) for (const p of dockerfileProblems(f.content)) out.push(`${f.path}: ${p}`);
  }
  for (const n of design.nodes) {
    // an imported service that runs its own image or build gets no stub folder
    if (!isRuntime(n.kind) || keepsOwnContainer(n)) continue;
    const dir = `services/${dnsLabel(n.name)}/`;
    const own = files.filter((f) => f.path.startsWith(dir));
    if (own.length === 0 && !PENDING.has(n.kind)) out.push(`${dir} is empty`);
    if (paths.has(`${dir}Dockerfile`) && !paths.has(`${dir}.dockerignore`)) out.push(`${dir} has no .dockerignore`);
  }
  const readme = files.find((f) => f.path === 'README.md')?.content ?? '';
  const mermaid = /```mermaid\n([\s\S]*?)\n```/.exec(readme)?.[1];
  if (mermaid === undefined) out.push('README.md has no mermaid block');
  else
    for (const n of design.nodes) if (!mermaid.includes(mermaidText(n.name))) out.push(`the diagram misses ${n.name}`);
  return out;
}

describe('every fixture exports a sound project', () => {
  for (const name of fixtureNames()) {
    it(name, () => {
      const design = loadFixture(name);
      const files = generateProject(design);
      expect(projectProblems(design, files)).toEqual([]);
      expect(generateProject(loadFixture(name))).toEqual(files);
      expect(files.map((f) => f.path)).toEqual([...files.map((f) => f.path)].sort());
      if (name !== 'hostile-names') expect(exportProblems(design)).toEqual([]);
      else expect(hasExportErrors(exportProblems(design))).toBe(false);
    });
  }
});

describe('random designs with hostile names', () => {
  it('export sound, deterministic projects whenever the design has no export errors', () => {
    fc.assert(
      fc.property(designArb, (design) => {
        fc.pre(!hasExportErrors(exportProblems(design)));
        const files = generateProject(design);
        expect(projectProblems(design, files)).toEqual([]);
        expect(generateProject(structuredClone(design))).toEqual(files);
      }),
      { numRuns: 40 },
    );
  });
});

describe('runnable stubs keep the Dockerfile rules', () => {
  for (const runtime of RUNTIME_IDS.filter((r) => RUNTIMES[r].tier === 1)) {
    const design = showcase(runtime);
    const files = serviceFiles(design).filter((f) => f.path.startsWith('services/subject/'));
    const pending = !STUBS[runtime] || PENDING.has(runtime);
    // A stub still being written returns no files; once it returns any, its Dockerfile must pass.
    it.skipIf(pending)(`${runtime}: Dockerfile, .dockerignore and a sound project`, () => {
      const dockerfile = files.find((f) => f.path === 'services/subject/Dockerfile');
      expect(dockerfile, 'services/subject/Dockerfile').toBeDefined();
      expect(dockerfileProblems(dockerfile?.content ?? '')).toEqual([]);
      expect(files.some((f) => f.path === 'services/subject/.dockerignore')).toBe(true);
      expect(projectProblems(design, generateProject(design))).toEqual([]);
    });
  }

  it('tier-2 runtimes get a README that says there is no stub yet', () => {
    for (const runtime of RUNTIME_IDS.filter((r) => RUNTIMES[r].tier === 2)) {
      const files = serviceFiles(showcase(runtime)).filter((f) => f.path.startsWith('services/subject/'));
      expect(files.map((f) => f.path)).toEqual(['services/subject/README.md']);
      expect(files[0]?.content).toContain('There is no runnable stub');
    }
  });
});
