import { describe, expect, it } from 'vitest';
import { parseAllDocuments } from 'yaml';
import { checkDesign } from '../../checks';
import { addNode, connect, updateNode } from '../../ops/ops';
import { emptyDesign, type Design } from '../../model/types';
import { generateKubernetes } from '../kubernetes';
import { exportProblems } from '../problems';
import { composeDocument } from './compose';

function design(): Design {
  let d = emptyDesign('shop');
  for (const [id, kind] of [
    ['api', 'python-fastapi'],
    ['mail', 'container'],
    ['box', 'container'],
  ] as const) {
    const r = addNode(d, { kind, id, name: id, position: { x: 0, y: 0 } });
    if (!r.ok) throw new Error(r.reason);
    d = r.design;
  }
  const steps = [
    (x: Design) => updateNode(x, 'mail', { image: 'mailhog/mailhog:v1.0.1', port: 8025, hostPort: 18025 }),
    (x: Design) => updateNode(x, 'box', { port: 8000, hostPort: 0, env: [{ key: 'MODE', value: 'a$b' }] }),
    (x: Design) => updateNode(x, 'api', { port: 8000 }),
    (x: Design) => connect(x, { source: 'api', target: 'mail', kind: 'rest', id: 'l1' }),
  ];
  for (const step of steps) {
    const r = step(d);
    if (!r.ok) throw new Error(r.reason);
    d = r.design;
  }
  return d;
}

describe('generic containers and host ports', () => {
  const d = design();
  const services = composeDocument(d).services as Record<string, Record<string, unknown>>;

  it('runs a container on its image, publishes its host port, and is waited for once started', () => {
    expect(services.mail).toMatchObject({ image: 'mailhog/mailhog:v1.0.1', ports: ['18025:8025'] });
    expect(services.mail?.healthcheck).toBeUndefined();
    expect(services.api?.depends_on).toEqual({ mail: { condition: 'service_started' } });
  });

  it('publishes nothing for host port 0 but declares the port; the default image gets its port', () => {
    expect(services.box).toMatchObject({
      image: 'traefik/whoami:v1.10',
      command: ['--port', '8000'],
      expose: ['8000'],
      environment: { MODE: 'a$$b' },
      labels: { 'io.polyglot-canvas.kind': 'container' },
    });
    expect(services.box?.ports).toBeUndefined();
  });

  it('two nodes on one container port clash only when they publish it', () => {
    // api and box both listen on 8000; box publishes nothing
    expect(checkDesign(d).filter((f) => f.rule === 'port-clash')).toEqual([]);
    expect(exportProblems(d).filter((p) => p.severity === 'error')).toEqual([]);
    const clash = updateNode(d, 'box', { hostPort: 8000 });
    if (!clash.ok) throw new Error(clash.reason);
    expect(checkDesign(clash.design).some((f) => f.rule === 'port-clash')).toBe(true);
    expect(exportProblems(clash.design).some((p) => /publish host port 8000/.test(p.message))).toBe(true);
  });

  it('deploys a container on Kubernetes with its image, environment and TCP probes', () => {
    const file = generateKubernetes(d).find((f) => f.path === 'k8s/box.yaml');
    type Deployment = { spec: { template: { spec: { containers: Record<string, unknown>[] } } } };
    const [deployment] = parseAllDocuments(file?.content ?? '').map((x) => x.toJS() as Deployment);
    const container = deployment?.spec.template.spec.containers[0];
    expect(container).toMatchObject({
      image: 'traefik/whoami:v1.10',
      args: ['--port', '8000'],
      // Kubernetes reads `$$` as one `$` (and would expand `$(X)`): the container sees a$b, as in compose
      env: [{ name: 'MODE', value: 'a$$b' }],
      readinessProbe: { tcpSocket: { port: 'http' } },
    });
  });
});
