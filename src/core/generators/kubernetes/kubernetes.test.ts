import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { INFRA } from '../../catalog/catalog';
import { dnsLabel } from '../../model/naming';
import type { Design } from '../../model/types';
import { wireServices } from '../../model/wiring';
import { dotenvOf, interpolate } from '../compose/testDotenv';
import { isTodoRuntime } from '../compose/plan';
import { generateCompose } from '../compose';
import { designArb } from '../compose/testArbitrary';
import {
  DesignBuilder,
  replicasDesign,
  scenarios,
  seedDesign,
  shopDesign,
  hostileDesign,
} from '../compose/testDesigns';
import { generateKubernetes } from './index';
import { k8sProblems, type Doc } from './k8sCheck';
import { parse } from 'yaml';
import { namespacedDesigns } from '../../../../test/fixtures/namespaced';

function k8s(design: Design) {
  return k8sProblems(generateKubernetes(design));
}

/**
 * The environment the kubelet gives a container: its ConfigMap, then `env` in order, each
 * `secretKeyRef` read from the Secret and each `$(VAR)` expanded from what came before.
 */
function kubeletEnv(docs: Doc[], config: Record<string, string>, env: Doc[]): Record<string, string> {
  const out: Record<string, string> = { ...config };
  for (const e of env) {
    const ref = e.valueFrom?.secretKeyRef;
    if (ref) out[e.name] = find(docs, 'Secret', ref.name).stringData[ref.key];
    else out[e.name] = String(e.value).replace(/\$\(([A-Za-z_]\w*)\)/g, (m, v: string) => out[v] ?? m);
  }
  return out;
}

function find(docs: Doc[], kind: string, name: string): Doc {
  const d = docs.find((x) => x.kind === kind && x.metadata?.name === name);
  if (!d) throw new Error(`no ${kind} ${name}`);
  return d;
}

describe('generateKubernetes', () => {
  it.each([...scenarios(), ...namespacedDesigns()])(
    '%s: every document validates and the folder is consistent',
    (_, design) => {
      const { problems, byFile, placeholders } = k8s(design);
      expect(problems).toEqual([]);
      // a file per node (a placeholder for a service without a stub), the namespace and the
      // namespace-wide network policies
      expect(byFile.size + placeholders.length).toBe(design.nodes.length + 2);
      expect(placeholders.length).toBe(design.nodes.filter(isTodoRuntime).length);
    },
  );

  it('is deterministic', () => {
    expect(generateKubernetes(shopDesign())).toEqual(generateKubernetes(shopDesign()));
  });

  it('the checks do catch broken manifests', () => {
    const files = generateKubernetes(seedDesign()).map((f) =>
      f.path === 'k8s/orders.yaml'
        ? {
            ...f,
            content: f.content
              .replace('containerPort: 8000', 'containerPort: "x"')
              .replace('readinessProbe:', 'readinessProbx:'),
          }
        : f,
    );
    files.push({ path: 'k8s/extra.yaml', content: 'apiVersion: v1\nkind: Service\nmetadata:\n  name: Bad_Name\n' });
    const { problems } = k8sProblems(files);
    expect(problems.some((p) => p.includes('containerPort must be integer'))).toBe(true);
    expect(problems.some((p) => p.includes('lacks probes'))).toBe(true);
    expect(problems.some((p) => p.includes('Bad_Name is not a DNS label'))).toBe(true);
    expect(problems.some((p) => p.startsWith('kustomization lists'))).toBe(true);
  });

  it('gives each service the environment compose sets, its credentials from Secrets only', () => {
    for (const design of [shopDesign(), hostileDesign(), replicasDesign()]) {
      const { docs } = k8s(design);
      const compose = parse(generateCompose(design)[0]!.content, { version: '1.1' }) as Doc;
      for (const w of wireServices(design)) {
        const dns = dnsLabel(w.node.name);
        const data = find(docs, 'ConfigMap', `${dns}-config`).data as Record<string, string>;
        expect(JSON.stringify(data), dns).not.toMatch(/:\/\/[^/@"]+:[^/@"]+@/);
        const container = find(docs, 'Deployment', dns).spec.template.spec.containers[0];
        const env = kubeletEnv(docs, data, container.env ?? []);
        const fromCompose = Object.fromEntries(
          Object.entries(compose.services[dns].environment as Record<string, string>).map(([k, v]) => [
            k,
            interpolate(v, dotenvOf(design)),
          ]),
        );
        const credentials = (container.env ?? []).filter((e: Doc) => e.valueFrom).map((e: Doc) => e.name as string);
        expect(Object.fromEntries(Object.entries(env).filter(([k]) => !credentials.includes(k)))).toEqual(fromCompose);
        expect(data.SERVICE_NAME).toBe(dns);
      }
    }
  });

  it('gives every address in the environment a Service with that name and port', () => {
    const design = shopDesign();
    const { docs } = k8s(design);
    const services = new Map(docs.filter((d) => d.kind === 'Service').map((d) => [d.metadata.name, d]));
    let checked = 0;
    for (const d of docs.filter((x) => x.kind === 'ConfigMap' && x.data?.SERVICE_NAME)) {
      for (const [k, v] of Object.entries(d.data as Record<string, string>)) {
        if (!k.endsWith('_URL') && !k.endsWith('_ADDR')) continue;
        const m = /^(?:[a-z]+:\/\/)?(?:[^@/]+@)?([a-z0-9-]+):(\d+)/.exec(v);
        expect(m, v).not.toBeNull();
        const svc = services.get(m![1]);
        expect(svc, v).toBeDefined();
        expect(svc!.spec.ports.map((p: Doc) => p.port)).toContain(Number(m![2]));
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(10);
  });

  it('deploys a service with probes, requests, non-root and the recommended labels', () => {
    const { docs } = k8s(shopDesign());
    const dep = find(docs, 'Deployment', 'inventory');
    expect(dep.metadata.labels).toEqual({
      'app.kubernetes.io/name': 'inventory',
      'app.kubernetes.io/part-of': 'polyglot-shop',
      'app.kubernetes.io/component': 'service',
    });
    expect(dep.metadata.namespace).toBe('polyglot-shop');
    const pod = dep.spec.template.spec;
    expect(pod.securityContext).toMatchObject({ runAsNonRoot: true, runAsUser: 10001, runAsGroup: 10001 });
    const c = pod.containers[0];
    expect(c.image).toBe('polyglot-shop/inventory:dev');
    expect(c.envFrom).toEqual([{ configMapRef: { name: 'inventory-config' } }]);
    // liveness and start-up: the process; readiness: its brokers and databases, which a gRPC
    // server reports on the standard health service
    expect(c.startupProbe.httpGet).toEqual({ path: '/healthz', port: 'http' });
    expect(c.readinessProbe).toMatchObject({ grpc: { port: 50051 } });
    expect(c.readinessProbe.httpGet).toBeUndefined();
    expect(c.livenessProbe.httpGet).toEqual({ path: '/healthz', port: 'http' });
    // a service that serves no gRPC: readiness over HTTP
    const orders = find(docs, 'Deployment', 'orders').spec.template.spec.containers[0];
    expect(orders.readinessProbe.httpGet).toEqual({ path: '/readyz', port: 'http' });
    expect(c.resources).toEqual({
      requests: { cpu: '50m', memory: '64Mi', 'ephemeral-storage': '64Mi' },
      limits: { cpu: '1', memory: '512Mi', 'ephemeral-storage': '512Mi' },
    });
    expect(c.securityContext).toEqual({
      allowPrivilegeEscalation: false,
      privileged: false,
      readOnlyRootFilesystem: true,
      runAsNonRoot: true,
      runAsUser: 10001,
      runAsGroup: 10001,
      capabilities: { drop: ['ALL'] },
      seccompProfile: { type: 'RuntimeDefault' },
    });
    expect(c.volumeMounts).toEqual([{ name: 'scratch-tmp', mountPath: '/tmp' }]);
    expect(c.ports).toEqual([
      { name: 'http', containerPort: 8080 },
      { name: 'grpc', containerPort: 50051 },
    ]);
    const svc = find(docs, 'Service', 'inventory');
    expect(svc.spec.type).toBe('ClusterIP');
    expect(svc.spec.ports.map((p: Doc) => p.name)).toEqual(['http', 'grpc']);
    expect(find(docs, 'Service', 'orders').spec.ports.map((p: Doc) => p.name)).toEqual(['http']);
  });

  it('runs stateful infrastructure as StatefulSets with a volume, the rest as Deployments', () => {
    const design = shopDesign();
    const { docs } = k8s(design);
    for (const n of design.nodes) {
      if (!(n.kind in INFRA)) continue;
      const dns = dnsLabel(n.name);
      const stateful = INFRA[n.kind as keyof typeof INFRA].stateful;
      const w = find(docs, stateful ? 'StatefulSet' : 'Deployment', dns);
      if (stateful) expect(w.spec.volumeClaimTemplates[0].metadata.name).toBe('data');
      expect(w.spec.template.spec.containers[0].image).toBe(INFRA[n.kind as keyof typeof INFRA].image);
      expect(find(docs, 'Service', dns).spec.ports[0].port).toBe(n.port);
    }
  });

  it('runs Kafka in KRaft mode with the compose environment and a topic job', () => {
    const { docs } = k8s(seedDesign());
    const sts = find(docs, 'StatefulSet', 'kafka');
    const env = Object.fromEntries(sts.spec.template.spec.containers[0].env.map((e: Doc) => [e.name, e.value]));
    const compose = parse(generateCompose(seedDesign())[0]!.content) as Doc;
    expect(env).toEqual(compose.services.kafka.environment);
    expect(env.KAFKA_ADVERTISED_LISTENERS).toContain('INTERNAL://kafka:9092');
    expect(sts.spec.template.spec.securityContext).toMatchObject({ runAsUser: 10001, fsGroup: 10001 });
    // its writable configuration folders are filled from the image before it starts
    const init = sts.spec.template.spec.initContainers[0];
    expect(init.command[2]).toBe('cp -R /opt/kafka/config/. /writable/0/ && cp -R /etc/kafka/. /writable/1/');
    expect(sts.spec.template.spec.containers[0].volumeMounts.map((m: Doc) => m.mountPath)).toEqual([
      '/var/lib/kafka/data',
      '/tmp',
      '/opt/kafka/logs',
      '/opt/kafka/config',
      '/etc/kafka',
    ]);
    expect(find(docs, 'Service', 'kafka').spec.clusterIP).toBe('None');
    const job = find(docs, 'Job', 'kafka-init');
    expect(job.spec.template.spec.containers[0].command[2]).toContain("--topic 'order-events'");
  });

  it('routes a gateway through an Ingress and configures nginx from a ConfigMap', () => {
    const { docs } = k8s(shopDesign());
    const ing = find(docs, 'Ingress', 'edge');
    expect(ing.spec.ingressClassName).toBe('nginx');
    expect(ing.spec.tls).toEqual([{ hosts: ['edge.polyglot-shop.example.com'], secretName: 'edge-tls' }]);
    expect(ing.spec.rules).toEqual([
      {
        host: 'edge.polyglot-shop.example.com',
        http: {
          paths: [{ path: '/', pathType: 'Prefix', backend: { service: { name: 'edge', port: { name: 'http' } } } }],
        },
      },
    ]);
    const conf = find(docs, 'ConfigMap', 'edge-config').data['default.conf'] as string;
    expect(conf).toContain('proxy_pass http://orders:8000/;');
    expect(conf).not.toContain('resolver');
    const web = find(docs, 'ConfigMap', 'web-config').data;
    expect(Object.keys(web)).toEqual(['default.conf', 'index.html']);
  });

  it('scales services as designed, zero replicas included', () => {
    const { docs } = k8s(replicasDesign());
    expect(find(docs, 'Deployment', 'worker').spec.replicas).toBe(3);
    expect(find(docs, 'Deployment', 'off').spec.replicas).toBe(0);
  });

  it('keeps a node called "kustomization" from overwriting the kustomization', () => {
    const b = new DesignBuilder('k');
    b.node('go-nethttp', 'kustomization');
    const files = generateKubernetes(b.design).map((f) => f.path);
    expect(files).toEqual([
      'k8s/kustomization.yaml',
      'k8s/namespace.yaml',
      'k8s/network-policy.yaml',
      'k8s/kustomization-resources.yaml',
    ]);
    expect(k8sProblems(generateKubernetes(b.design)).problems).toEqual([]);
  });

  it('property: random designs always give valid manifests', () => {
    fc.assert(
      fc.property(designArb, (design) => {
        const { problems, byFile, placeholders } = k8s(design);
        expect(problems).toEqual([]);
        expect(byFile.size + placeholders.length).toBe(design.nodes.length + 2);
      }),
      { numRuns: 40 },
    );
  });
});
