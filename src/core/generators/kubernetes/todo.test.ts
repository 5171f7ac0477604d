import { describe, expect, it } from 'vitest';
import { parse, parseAllDocuments } from 'yaml';
import { diagramOnlyReason } from '../../catalog/catalog';
import { generateCompose } from '../compose';
import { diagramOnlyDesign } from '../compose/testDesigns';
import { generateHelm } from '../helm';
import { generateProject } from '../project';
import { generateKubernetes } from './index';
import { k8sProblems, type Doc } from './k8sCheck';
import { K8S_PLACEHOLDER_HEADER } from './todo';
import { enablePlaceholder } from './todo.testkit';

/** The services of diagramOnlyDesign() whose runtimes have no stub. */
const TODO = ['billing', 'auth', 'legacy'];
const WORKLOADS = ['Deployment', 'StatefulSet', 'Service', 'ConfigMap', 'PodDisruptionBudget', 'Job', 'Secret'];

const byPath = (files: { path: string; content: string }[]) => new Map(files.map((f) => [f.path, f.content]));
const docsOf = (text: string) => parseAllDocuments(text).map((d) => d.toJS() as Doc);

describe('a service whose runtime has no stub, in Kubernetes', () => {
  const files = generateKubernetes(diagramOnlyDesign());
  const k8s = byPath(files);
  const kustomization = parse(k8s.get('k8s/kustomization.yaml') ?? '') as Doc;

  it('gets no workload, Service, configuration or Secret in anything the kustomization applies', () => {
    const { docs, problems, placeholders } = k8sProblems(files);
    expect(problems).toEqual([]);
    expect(placeholders.sort()).toEqual(TODO.map((n) => `k8s/${n}.yaml`).sort());
    for (const name of TODO) {
      expect(kustomization.resources).not.toContain(`${name}.yaml`);
      const own = docs.filter(
        (d) => WORKLOADS.includes(d.kind) && d.metadata?.labels?.['app.kubernetes.io/name'] === name,
      );
      expect(own, name).toEqual([]);
      expect(docs.some((d) => d.kind === 'NetworkPolicy' && d.metadata.name === name)).toBe(false);
    }
    // its secret variable's value is in no file: not in k8s/secrets/, not in the placeholder
    expect(files.filter((f) => f.content.includes('sk-dev-123')).map((f) => f.path)).toEqual([]);
    expect((kustomization.secretGenerator ?? []).map((g: Doc) => g.name)).not.toContain('billing-credentials');
    // the services that do run are deployed as before
    expect(docs.some((d) => d.kind === 'Deployment' && d.metadata.name === 'orders')).toBe(true);
  });

  it('leaves a placeholder that says why and how to deploy it, holding nothing kubectl would apply', () => {
    const text = k8s.get('k8s/billing.yaml') ?? '';
    expect(text.startsWith(K8S_PLACEHOLDER_HEADER)).toBe(true);
    expect(text).toContain('# billing (.NET · ASP.NET Core) takes part in the design, but nothing deploys it yet.');
    expect(text).toContain(`# ${diagramOnlyReason('dotnet-aspnet')}`);
    expect(text).toContain('add billing.yaml to the resources of kustomization.yaml');
    expect(text).toContain('its secret variables (PAYMENT_API_KEY) come from the Secret billing-credentials');
    expect(text.split('\n').every((l) => l === '' || l.startsWith('#'))).toBe(true);
    expect(docsOf(text).every((d) => d === null)).toBe(true);
  });

  it('holds in its placeholder the objects it gets once enabled: valid, with the design’s replicas', () => {
    for (const name of TODO) {
      const docs = docsOf(enablePlaceholder(k8s.get(`k8s/${name}.yaml`) ?? ''));
      const kinds = docs.map((d) => `${d.kind}/${d.metadata.name}`);
      expect(kinds).toEqual(
        expect.arrayContaining([`ConfigMap/${name}-config`, `Deployment/${name}`, `Service/${name}`]),
      );
      expect(kinds).toContain(`NetworkPolicy/${name}`);
      expect(kinds.some((k) => k.startsWith('Secret/'))).toBe(false);
    }
    const legacy = docsOf(enablePlaceholder(k8s.get('k8s/legacy.yaml') ?? ''));
    expect(legacy.find((d) => d.kind === 'Deployment')?.spec.replicas).toBe(2);
    expect(legacy.some((d) => d.kind === 'PodDisruptionBudget')).toBe(true);
    // enabled and listed (auth and legacy need no Secret), the folder passes every check
    const enabled = files.map((f) =>
      f.path === 'k8s/auth.yaml' || f.path === 'k8s/legacy.yaml'
        ? { ...f, content: enablePlaceholder(f.content) }
        : f.path === 'k8s/kustomization.yaml'
          ? {
              ...f,
              content: f.content.replace('  - orders.yaml\n', '  - orders.yaml\n  - auth.yaml\n  - legacy.yaml\n'),
            }
          : f,
    );
    const { problems, docs } = k8sProblems(enabled);
    expect(problems).toEqual([]);
    expect(docs.some((d) => d.kind === 'Deployment' && d.metadata.name === 'auth')).toBe(true);
  });

  it('answers 503 at a gateway route to it in the cluster, and keeps the route in compose', () => {
    const edge = docsOf(k8s.get('k8s/edge.yaml') ?? '').find((d) => d.kind === 'ConfigMap');
    const conf = edge?.data['default.conf'] as string;
    expect(conf).toContain('proxy_pass http://orders:8000/;');
    expect(conf).toMatch(
      /location \/billing\/ \{\n {8}# [^\n]+\n {8}# proxy_pass http:\/\/billing:8080\/;\n {8}return 503 /,
    );
    expect(conf).not.toMatch(/^\s*proxy_pass http:\/\/billing/m);
    const compose = byPath(generateCompose(diagramOnlyDesign())).get('gateway/edge/nginx.conf') ?? '';
    expect(compose).toContain('set $upstream http://billing:8080;');
  });
});

describe('a service whose runtime has no stub, elsewhere in the export', () => {
  const project = byPath(generateProject(diagramOnlyDesign()));

  it('has no Helm template or values, and NOTES.txt says why', () => {
    const helm = byPath(generateHelm(diagramOnlyDesign()));
    const values = parse(helm.get('helm/values.yaml') ?? '') as Doc;
    for (const name of TODO) {
      expect(helm.has(`helm/templates/${name}.yaml`)).toBe(false);
      expect(Object.keys(values.nodes)).not.toContain(name);
    }
    expect(helm.has('helm/templates/orders.yaml')).toBe(true);
    const notes = helm.get('helm/templates/NOTES.txt') ?? '';
    expect(notes).toContain(`billing (.NET · ASP.NET Core) is not installed. ${diagramOnlyReason('dotnet-aspnet')}`);
    expect(notes).toContain(`auth (Elixir · Phoenix) is not installed. ${diagramOnlyReason('elixir-phoenix')}`);
  });

  it('is in compose only under the todo profile, and nothing started by default waits for it', () => {
    const compose = parse(project.get('compose.yaml') ?? '') as Doc;
    for (const [name, service] of Object.entries(compose.services as Record<string, Doc>)) {
      if (TODO.includes(name)) expect(service.profiles, name).toEqual(['todo']);
      else {
        expect(service.profiles, name).toBeUndefined();
        for (const t of TODO) expect(Object.keys(service.depends_on ?? {}), name).not.toContain(t);
      }
    }
    // its callers still get its address
    expect(compose.services.orders.environment.BILLING_URL).toBe('http://billing:8080');
  });

  it('is explained, with its links, in the project README and its own', () => {
    const readme = project.get('README.md') ?? '';
    expect(readme).toContain('## Services without a runnable stub');
    expect(readme).toContain('Kubernetes deploys none of them');
    expect(readme).toContain(
      `- billing (.NET · ASP.NET Core): [services/billing/README.md](services/billing/README.md), [k8s/billing.yaml](k8s/billing.yaml). ${diagramOnlyReason('dotnet-aspnet')}`,
    );
    expect(readme).toMatch(/orders \(`orders`\) \| Python · FastAPI \| 8000 \| [^|]+ \| REST → billing<br>gRPC → auth/);
    const own = project.get('services/billing/README.md') ?? '';
    expect(own).toContain(
      `There is no runnable stub for .NET · ASP.NET Core yet (this folder holds only this README): ${diagramOnlyReason('dotnet-aspnet')?.slice('No stub yet: '.length)}`,
    );
    expect(own).toContain('Kubernetes deploys nothing for it');
    expect(own).toContain('REST: `GET $LEGACY_URL/ping` on legacy');
    expect(project.get('k8s/billing.yaml')).toBeDefined();
    expect([...project.keys()].filter((p) => p.startsWith('helm/templates/billing'))).toEqual([]);
  });
});
