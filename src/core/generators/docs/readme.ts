import {
  RUNTIMES,
  describeKind,
  diagramOnlyReason,
  isInfra,
  isRuntime,
  roleOf,
  type Role,
  type RuntimeId,
} from '../../catalog/catalog';
import { dnsLabel } from '../../model/naming';
import { publishedPort, type Design, type DesignNode } from '../../model/types';
import { wireServices, type ServiceWiring } from '../../model/wiring';
import { entryServices, hasStub, runsByDefault } from './entries';
import { mdCode, mdCodeBlock, mdTable, mdText } from './markdown';
import { mermaidFlowchart } from './mermaid';
import { edgeRoutes } from '../compose/edge';
import { imageName, infraImage } from '../compose/plan';
import { K8S_RESERVED } from '../kubernetes/kubernetes';
import { fileStem } from '../kubernetes/meta';

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

function counts(design: Design): string {
  const by = (r: Role) => design.nodes.filter((n) => roleOf(n.kind) === r).length;
  const parts = [
    plural(by('service'), 'service'),
    plural(by('broker'), 'message broker'),
    plural(by('database'), 'database'),
    plural(by('gateway'), 'API gateway'),
    plural(by('frontend'), 'web frontend'),
  ];
  return `${parts.join(', ')} and ${plural(design.links.length, 'link')}`;
}

function linksOut(w: ServiceWiring): string {
  const out = [
    ...w.rest.map((c) => `REST → ${mdText(c.target.name)}`),
    ...w.grpc.map((c) => `gRPC → ${mdText(c.target.name)}`),
    ...w.publishes.map((q) => `publishes ${mdCode(q.topic)} → ${mdText(q.broker.name)}`),
    ...w.subscribes.map((q) => `consumes ${mdCode(q.topic)} ← ${mdText(q.broker.name)}`),
    ...w.databases.map((d) => `database → ${mdText(d.database.name)}`),
  ];
  return out.length > 0 ? out.join('<br>') : '—';
}

function servicesTable(wirings: ServiceWiring[]): string {
  if (wirings.length === 0) return 'The design has no services yet.';
  const rows = wirings.map((w) => {
    const r = RUNTIMES[w.runtime];
    const tier = r.tier === 2 ? ' (no stub yet, profile `todo`)' : '';
    return [
      `${mdText(w.node.name)} (${mdCode(dnsLabel(w.node.name))})`,
      `${mdText(r.language)} · ${mdText(r.framework)}${tier}`,
      String(w.node.port),
      w.servesGrpc ? String(w.node.grpcPort) : '—',
      linksOut(w),
    ];
  });
  return mdTable(['service', 'language · framework', 'port', 'gRPC port', 'links out'], rows);
}

function infraTable(nodes: DesignNode[]): string {
  const infra = nodes.filter((n) => isInfra(n.kind));
  if (infra.length === 0) return '';
  const rows = infra.map((n) => {
    const image = infraImage(n);
    const published = publishedPort(n);
    return [
      `${mdText(n.name)} (${mdCode(dnsLabel(n.name))})`,
      mdText(describeKind(n.kind).label),
      published === null ? '—' : String(published),
      mdCode(image),
    ];
  });
  return ['', mdTable(['node', 'kind', 'host port', 'image'], rows)].join('\n');
}

/** The curl line of an entry; a replicated service has no fixed host port, compose knows it. */
function curlLine(n: DesignNode): string {
  const dns = dnsLabel(n.name);
  return n.replicas === 1
    ? `curl http://localhost:${publishedPort(n) ?? n.port}/ping   # ${dns}`
    : `curl "http://$(docker compose port ${dns} ${n.port})/ping"   # ${dns}, ${n.replicas} replicas`;
}

function edges(design: Design): string[] {
  const out: string[] = [];
  for (const n of design.nodes) {
    const role = roleOf(n.kind);
    if (role === 'frontend')
      out.push(`- ${mdText(n.name)}: open http://localhost:${publishedPort(n) ?? n.port}/ in a browser.`);
    if (role !== 'gateway') continue;
    for (const r of edgeRoutes(design, n))
      out.push(
        `- ${mdText(n.name)} routes \`${r.prefix}\` to ${mdText(r.node.name)}: \`curl http://localhost:${publishedPort(n) ?? n.port}${r.prefix}ping\``,
      );
  }
  return out.length ? ['', 'Through the edge:', '', ...out] : [];
}

function travel(design: Design): string[] {
  const entries = entryServices(design);
  if (entries.length === 0) return ['There is no runnable service to call yet.', ...edges(design)];
  return [
    `Every service answers \`GET /ping\` by calling everything it is linked to and returning a JSON tree of who answered. Start at the ${entries.length === 1 ? 'entry service' : 'entry services'}, which no other service calls:`,
    '',
    '```sh',
    ...entries.map(curlLine),
    '```',
    '',
    'Each call in the tree says `"ok": true` or gives an `"error"`; services that consume messages list what they received under `"received"`. `make verify` runs the same calls and fails if any call in the tree failed.',
    ...edges(design),
  ];
}

function kubernetes(design: Design, paths: readonly string[]): string[] {
  const images = design.nodes.filter(runsByDefault).map((n) => imageName(design, n));
  const secrets = paths.some((p) => p.startsWith('k8s/secrets/'));
  return [
    'On Kubernetes, build the service images first: `docker compose build` tags each one with the name the manifests use. Load them into your cluster (e.g. `kind load docker-image`, `minikube image load`) or push them to its registry, then apply the manifests:',
    '',
    '```sh',
    'docker compose build',
    ...(images.length ? ['# on a kind cluster:', `kind load docker-image ${images.join(' ')}`] : []),
    ...(secrets
      ? [
          'kubectl apply -k k8s/',
          '# or: helm install <name> helm/ -n <namespace> --create-namespace -f helm/values.secret.yaml',
        ]
      : ['kubectl apply -k k8s/                  # or: helm install <name> helm/ -n <namespace> --create-namespace']),
    '```',
    '',
    `Everything goes into the namespace \`${dnsLabel(design.name, 'project')}\` (the kustomization sets it; the Helm chart uses its release's). The manifests are hardened: every container runs as user 10001 with a read-only root filesystem, no privilege escalation, all capabilities dropped and the runtime's seccomp profile (the namespace enforces the restricted Pod Security Standard), with CPU, memory and ephemeral-storage requests and limits. Liveness probes call \`/healthz\`, readiness probes \`/readyz\` (the service's brokers and databases answer), or for a gRPC server a \`grpc\` probe on the standard health service (\`grpc.health.v1.Health\`), which reports the same.${secrets ? ' Credentials live in Secrets (`<node>-credentials`) that kustomize makes from `k8s/secrets/<node>-credentials.env`: the export writes those files with development defaults (change them), `.gitignore` keeps them out of git, and `k8s/secrets/*.env.example`, committed, lists their keys (on a fresh clone, copy each example without `.example` and fill it in). kustomize adds a hash of the values to the name of each Secret and to every reference to it, so the pods that read a Secret restart when one of its values changes.' : ''} NetworkPolicies derived from the links deny all traffic but the design's own: each service accepts only its callers and reaches only what it calls, plus DNS; gateways and frontends accept the ingress-nginx controller (namespace \`ingress-nginx\`; change it in the policies or the chart's values for another one). The gateway's Ingress asks for the \`nginx\` class, with a placeholder host under example.com and a TLS Secret to fill in. Replicated workloads get a PodDisruptionBudget and spread over nodes.`,
    '',
    secrets
      ? "The Helm chart in `helm/` renders the same objects; its `values.yaml` sets each node's image, replicas and resources and the ingress, and holds no credential: they are in `helm/values.secret.yaml` (development defaults, kept out of git; `values.secret.yaml.example` lists them), given with `-f` as above or one by one with `--set credentials.<node>.<key>=…`. To use a Secret of your own (made by your secret manager), set `credentials.<node>.existingSecret` to its name: the chart then makes none and reads that one, with the same keys."
      : "The Helm chart in `helm/` renders the same objects; its `values.yaml` sets each node's image, replicas and resources and the ingress.",
    '',
  ];
}

function tierTwo(design: Design, paths: readonly string[]): string[] {
  const todo = design.nodes.filter((n) => isRuntime(n.kind) && !hasStub(n));
  if (todo.length === 0) return [];
  const k8s = paths.some((p) => p.startsWith('k8s/'));
  const placeholder = (n: DesignNode) => `k8s/${fileStem(n, K8S_RESERVED)}.yaml`;
  return [
    '## Services without a runnable stub',
    '',
    'These services take part in the design, but their runtimes have no generated stub yet (each says why below). Each folder holds a README with the contract the service must keep; compose.yaml puts them under the `todo` profile, so a plain `docker compose up` leaves them out. Once implemented, start everything with `docker compose --profile todo up --build`. Until then, calls to them fail in `/ping`.',
    '',
    ...(k8s
      ? [
          'Kubernetes deploys none of them: no image of theirs can be built before they are written. In their place, `k8s/<name>.yaml` holds the manifests they would get, commented out, with the steps to deploy them, and `kustomization.yaml` lists none of these files. The Helm chart has no template for them, and a gateway route to one answers 503 in the cluster.',
          '',
        ]
      : []),
    ...todo.map((n) => {
      const dns = dnsLabel(n.name);
      const files = [`[services/${dns}/README.md](services/${dns}/README.md)`];
      if (k8s) files.push(`[${placeholder(n)}](${placeholder(n)})`);
      return `- ${mdText(n.name)} (${mdText(describeKind(n.kind).label)}): ${files.join(', ')}. ${mdText(diagramOnlyReason(n.kind as RuntimeId) ?? '')}`;
    }),
    '',
  ];
}

function contracts(paths: readonly string[]): string[] {
  // one pass: a large export has tens of thousands of paths, nearly all of them stubs
  const proto: string[] = [];
  const openapi: string[] = [];
  const asyncapi: string[] = [];
  for (const p of paths) {
    if (p.startsWith('proto/')) {
      if (p.endsWith('.proto')) proto.push(p);
    } else if (p.startsWith('openapi/')) openapi.push(p);
    else if (p === 'asyncapi.yaml') asyncapi.push(p);
  }
  const links = (ps: string[]) => ps.map((p) => `- [${p}](${p})`);
  const out: string[] = [];
  if (proto.length)
    out.push('Protobuf (gRPC), linted and generated with `buf` (`make proto`):', '', ...links(proto), '');
  if (openapi.length) out.push('OpenAPI 3.1 (REST):', '', ...links(openapi), '');
  if (asyncapi.length) out.push('AsyncAPI 3.0 (messages):', '', ...links(asyncapi), '');
  return out.length ? ['## Contracts', '', ...out] : [];
}

/**
 * The README.md of the exported project: what the system is, a picture of it, how to run it, its
 * services and where its contracts are. `paths` are the other files of the export.
 */
export function readme(design: Design, paths: readonly string[]): string {
  const wirings = wireServices(design);
  const hasK8s = paths.some((p) => p.startsWith('k8s/'));
  const lines = [
    `# ${mdText(design.name)}`,
    '',
    `A polyglot system of ${counts(design)}, exported from Polyglot Canvas. Every service with a runnable stub keeps one contract: addresses come from environment variables, \`GET /healthz\` says it is alive, \`GET /readyz\` that its brokers and databases answer, and \`GET /ping\` calls everything it is linked to.`,
    '',
    '## Architecture',
    '',
    mdCodeBlock('mermaid', mermaidFlowchart(design)),
    '',
    'Solid arrows are synchronous calls (REST, gRPC, database); dotted arrows are messages through a broker, labelled with their topic.',
    '',
    '## Run it',
    '',
    'With Docker Compose:',
    '',
    '```sh',
    'docker compose up --build     # or: make up (detached)',
    'make verify                   # calls /ping on the entry services and checks every call succeeded',
    'make down                     # make help lists every target; make clean also drops the data',
    '```',
    '',
    ...(paths.includes('.env')
      ? [
          'The credentials of the databases and brokers are in `.env` (development defaults; `.gitignore` keeps the file out of git, `.env.example` lists what it holds): change them there before the system holds anything of value. Brokers and databases are published on 127.0.0.1 only.',
          '',
        ]
      : []),
    ...(hasK8s ? [...kubernetes(design, paths)] : []),
    '## Watch a request travel',
    '',
    ...travel(design),
    '',
    '## Services',
    '',
    servicesTable(wirings),
    infraTable(design.nodes),
    '',
    ...tierTwo(design, paths),
    ...contracts(paths),
    '## Layout',
    '',
    '```text',
    'compose.yaml      the whole system for Docker Compose',
    'Makefile          help, up, down, logs, verify, test, clean, proto',
    ...(paths.includes('.env')
      ? ['.env              credentials for compose (kept out of git; see .env.example)']
      : []),
    ...(hasK8s
      ? [
          'k8s/              Kustomize manifests: workloads, Services, NetworkPolicies per node',
          ...(paths.some((p) => p.startsWith('k8s/secrets/'))
            ? [
                'k8s/secrets/      the values of the Secrets kustomize makes (kept out of git; see *.env.example)',
                'helm/             a Helm chart of the same objects, with values; credentials in values.secret.yaml',
                '                  (kept out of git; see values.secret.yaml.example)',
              ]
            : ['helm/             a Helm chart of the same objects, with values']),
        ]
      : []),
    ...(paths.some((p) => p.startsWith('proto/')) ? ['proto/            gRPC contracts (buf)'] : []),
    ...(paths.some((p) => p.startsWith('openapi/')) ? ['openapi/          REST contracts'] : []),
    ...(paths.includes('asyncapi.yaml') ? ['asyncapi.yaml     message contracts'] : []),
    ...(wirings.length ? ['services/<name>/  one folder per service: Dockerfile, source, README'] : []),
    'polyglot.design.json  the design this project came from',
    '.polyglot/        the manifest and the design of the last generation (for updates)',
    '```',
    '',
    '## Change the design later',
    '',
    'Open this folder, its zip or `polyglot.design.json` in Polyglot Canvas, change the design, and update the project: **Export → Update a project folder…** in the app (Chromium browsers), or save the design over `polyglot.design.json` and run `npx polyglot-canvas update .`. Files you have not touched follow the design; your changes are kept, or merged where the design changed the same file; where you both changed the same lines, the file gets conflict markers (`<<<<<<< ours` … `>>>>>>> theirs`) and the command says so. Files you added are never touched.',
    '',
  ];
  return lines.join('\n');
}
