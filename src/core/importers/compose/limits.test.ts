import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { generateCompose } from '../../generators/compose';
import { importCompose } from './index';
import { mebibytes } from './limits';

const file = `services:
  api:
    image: example/api:1
    deploy:
      resources:
        limits: { cpus: "0.5", memory: 256M }
  worker:
    image: example/worker:1
    cpus: 1.25
    mem_limit: 1g
  greedy:
    image: example/greedy:1
    deploy:
      resources:
        limits: { cpus: "-2", memory: lots }
`;

describe('compose import: resource limits', () => {
  it('reads deploy.resources.limits and the version 2 cpus and mem_limit into the design', () => {
    const r = importCompose(file, 'compose.yaml');
    if (!r.ok) throw new Error(r.error);
    const limits = Object.fromEntries(r.design.nodes.map((n) => [n.name, n.limits]));
    expect(limits).toEqual({
      api: { cpu: 0.5, memoryMiB: 256 },
      worker: { cpu: 1.25, memoryMiB: 1024 },
      greedy: undefined,
    });
    expect(r.warnings).toContain(
      'greedy: the CPU limit -2 was left out: a CPU limit is a number of cores above 0 and at most 256.',
    );
    expect(r.warnings).toContain('greedy: the memory limit lots was left out: it is not a size such as 512m or 1g.');
    // and they come back on export
    const exported = parse(generateCompose(r.design)[0]!.content) as { services: Record<string, { deploy?: unknown }> };
    expect(exported.services.api?.deploy).toEqual({ resources: { limits: { cpus: '0.5', memory: '256M' } } });
  });

  it('reads sizes in compose units', () => {
    expect([mebibytes('512m'), mebibytes('1g'), mebibytes(268435456), mebibytes('1.5G'), mebibytes('10k')]).toEqual([
      512, 1024, 256, 1536, 1,
    ]);
    expect(mebibytes('12 parsecs')).toBeNull();
  });
});
