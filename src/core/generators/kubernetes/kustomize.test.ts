/* eslint-disable no-restricted-imports -- a test: runs in Node, never in the app */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { parseAllDocuments } from 'yaml';
import { describe, expect, it } from 'vitest';
import { scenarios } from '../compose/testDesigns';
import { generateKubernetes } from './index';
import { namespacedDesigns } from '../../../../test/fixtures/namespaced';

/** kubectl's own kustomize, where the machine has kubectl: it builds offline. */
function hasKubectl(): boolean {
  try {
    execFileSync('kubectl', ['version', '--client'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

describe.skipIf(!hasKubectl())('kubectl kustomize', () => {
  it.each([...scenarios(), ...namespacedDesigns()])(
    '%s: builds, with every generated document in its output',
    (_, design) => {
      const dir = mkdtempSync(join(tmpdir(), 'k8s-'));
      try {
        const files = generateKubernetes(design);
        let expected = 0;
        for (const f of files) {
          const p = join(dir, f.path);
          mkdirSync(dirname(p), { recursive: true });
          writeFileSync(p, f.content);
          if (f.path !== 'k8s/kustomization.yaml') expected += parseAllDocuments(f.content).length;
        }
        const out = execFileSync('kubectl', ['kustomize', join(dir, 'k8s')], { encoding: 'utf8' });
        const built = out.trim() === '' ? [] : parseAllDocuments(out).map((d) => d.toJS() as { kind: string });
        expect(built.length).toBe(expected);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    },
  );
});
