/* eslint-disable no-restricted-imports -- a test: runs in Node, never in the app */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { homedir, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { parseAllDocuments } from 'yaml';
import { describe, expect, it } from 'vitest';
import { scenarios } from '../compose/testDesigns';
import { generateKubernetes } from './index';
import { k8sProblems } from './k8sCheck';
import { namespacedDesigns } from '../../../../test/fixtures/namespaced';

/**
 * kustomize from the lint tools (scripts/lint/install.sh, which CI runs before the tests), else
 * kubectl's own; both build offline. CI must have one: there the test fails instead of skipping.
 */
function kustomizeCommand(): [string, string[]] | null {
  const tools = process.env.LINT_TOOLS ?? join(homedir(), '.cache', 'polyglot-canvas', 'lint-tools');
  const own = join(tools, 'bin', 'kustomize');
  if (existsSync(own)) return [own, ['build']];
  try {
    execFileSync('kubectl', ['version', '--client'], { stdio: 'ignore' });
    return ['kubectl', ['kustomize']];
  } catch {
    return null;
  }
}
const KUSTOMIZE = kustomizeCommand();

type Built = {
  kind: string;
  metadata: { name: string; namespace?: string };
  data?: Record<string, string>;
  spec?: { template?: { spec?: { containers?: Pod[]; initContainers?: Pod[] } } };
};
type Pod = { env?: { valueFrom?: { secretKeyRef?: { name: string; key: string } } }[] };

describe.skipIf(!KUSTOMIZE && !process.env.CI)('kustomize build', () => {
  it('has kustomize or kubectl to run', () => expect(KUSTOMIZE).not.toBeNull());

  it.each([...scenarios(), ...namespacedDesigns()])(
    '%s: builds, with every generated document and Secret in its output, each reference resolved',
    (_, design) => {
      const dir = mkdtempSync(join(tmpdir(), 'k8s-'));
      try {
        const files = generateKubernetes(design);
        let expected = 0;
        for (const f of files) {
          const p = join(dir, f.path);
          mkdirSync(dirname(p), { recursive: true });
          writeFileSync(p, f.content);
          if (f.path.endsWith('.yaml') && f.path !== 'k8s/kustomization.yaml')
            // a placeholder (comments only) holds no document
            expected += parseAllDocuments(f.content).filter((d) => d.contents !== null).length;
        }
        // the Secrets kustomize makes, with the values the development env files hold
        const { docs } = k8sProblems(files);
        const secrets = docs.filter((d) => d.kind === 'Secret');
        const out = execFileSync(KUSTOMIZE![0], [...KUSTOMIZE![1], join(dir, 'k8s')], { encoding: 'utf8' });
        const built = out.trim() === '' ? [] : parseAllDocuments(out).map((d) => d.toJS() as Built);
        expect(built.length).toBe(expected + secrets.length);
        // no committed manifest holds a Secret: each one comes from the generator
        expect(files.filter((f) => f.path.endsWith('.yaml') && /^kind: Secret$/m.test(f.content))).toEqual([]);
        const madeSecrets = built.filter((d) => d.kind === 'Secret');
        for (const s of secrets) {
          // the name carries a hash of the values; the data is the env file's
          const made = madeSecrets.find(
            (m) =>
              m.metadata.namespace === s.metadata.namespace &&
              new RegExp(`^${s.metadata.name}-[a-z0-9]{10}$`).test(m.metadata.name),
          );
          expect(made, `${s.metadata.namespace}/${s.metadata.name}`).toBeDefined();
          const decoded = Object.fromEntries(
            Object.entries(made?.data ?? {}).map(([k, v]) => [k, Buffer.from(v, 'base64').toString('utf8')]),
          );
          expect(decoded).toEqual(s.stringData);
        }
        // every secretKeyRef names a Secret of its pod's namespace that has the key
        for (const d of built)
          for (const c of [
            ...(d.spec?.template?.spec?.containers ?? []),
            ...(d.spec?.template?.spec?.initContainers ?? []),
          ])
            for (const e of c.env ?? []) {
              const ref = e.valueFrom?.secretKeyRef;
              if (!ref) continue;
              const target = madeSecrets.find(
                (m) => m.metadata.name === ref.name && m.metadata.namespace === d.metadata.namespace,
              );
              expect(target?.data, `${d.kind} ${d.metadata.name} → ${ref.name}`).toHaveProperty(ref.key);
            }
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    },
  );
});
