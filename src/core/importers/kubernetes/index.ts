import { envPrefix } from '../../model/naming';
import { withCountedIds } from '../../ops/ops';
import { Budget, IMPORT_LIMITS, ImportWarnings, LimitExceeded, type ImportLimits } from '../budget';
import { importComposeRoot, type ComposeImport } from '../compose';
import { isObj, put, type Obj } from '../compose/parse';
import { readYamlDocuments } from '../yamlRead';
import { objectsOf, readManifestSet, type SourceFile } from './files';

/**
 * Kubernetes manifests (one file, many `---` separated documents, or a `List`) as a design: each
 * workload (Deployment, StatefulSet, DaemonSet, ReplicaSet, Job, CronJob, Pod) becomes a node with
 * its first container's image, ports, environment (ConfigMap and Secret references resolved from
 * the same file) and replicas; a Service gives its workload the name callers use; an Ingress
 * becomes a gateway in front of its backends. The workloads are read into compose terms and go
 * through the compose importer, so kinds and links are told apart the same way. Every kind it
 * does not map is listed in the warnings.
 */

const WORKLOADS = new Set(['Deployment', 'StatefulSet', 'DaemonSet', 'ReplicaSet', 'Job', 'CronJob', 'Pod']);
const USED = new Set(['Service', 'ConfigMap', 'Secret', 'Ingress', 'List', 'Kustomization']);

/** Whether text looks like Kubernetes manifests rather than a compose file. */
export function isKubernetesText(text: string): boolean {
  return /^\s*apiVersion\s*:/m.test(text) && /^\s*kind\s*:/m.test(text) && !/^services\s*:/m.test(text);
}

const str = (v: unknown): string | null =>
  typeof v === 'string' ? v : typeof v === 'number' || typeof v === 'boolean' ? String(v) : null;

function decode(b64: string): string {
  try {
    return new TextDecoder().decode(Uint8Array.from(atob(b64.replace(/\s+/g, '')), (c) => c.charCodeAt(0)));
  } catch {
    return '';
  }
}

/**
 * A value of a ConfigMap or Secret as the compose importer reads it: with every `$` doubled, since
 * the kubelet expands nothing in them (only `$(VAR)` in a container's own `value`, whose `$$` is
 * compose's too), so `$HOME` in a Secret stays `$HOME`.
 */
const asWritten = (value: string) => value.replaceAll('$', '$$$$');

/** Imports Kubernetes manifests as a new design; pure and total, like the compose importer. */
export function importKubernetes(
  text: string,
  fileName = 'manifests.yaml',
  limits: Readonly<ImportLimits> = IMPORT_LIMITS,
): ComposeImport {
  return guarded(limits, (budget, warn) => {
    const helm = helmRefusal(text);
    if (helm) return helm;
    const read = readYamlDocuments(text, budget);
    if (!read.ok) return { ok: false, error: read.error, warnings: [] };
    return importManifests(objectsOf(read.roots), fileName, budget, warn);
  });
}

/**
 * Imports the manifests of a folder (or of files chosen together): a kustomization's resources
 * when the folder has one, otherwise every manifest file in it (see `readManifestSet`). `label`
 * names the folder, and the design after it.
 */
export function importKubernetesFiles(
  files: readonly SourceFile[],
  label = 'manifests',
  limits: Readonly<ImportLimits> = IMPORT_LIMITS,
  entry?: string,
): ComposeImport {
  return guarded(limits, (budget, warn) => {
    for (const f of files) {
      const helm = helmRefusal(f.text, f.name);
      if (helm) return helm;
    }
    const set = readManifestSet(files, budget, warn, entry);
    if (!set.ok) return { ok: false, error: set.error, warnings: [] };
    return importManifests(set.objects, label, budget, warn);
  });
}

export type { SourceFile };

function guarded(
  limits: Readonly<ImportLimits>,
  run: (budget: Budget, warn: (w: string) => void) => ComposeImport,
): ComposeImport {
  const warnings = new ImportWarnings(limits.warnings);
  try {
    const r = withCountedIds(() => run(new Budget(limits), warnings.add));
    return r.ok ? { ...r, warnings: [...warnings.all(), ...r.warnings] } : { ...r, warnings: warnings.all() };
  } catch (e) {
    if (e instanceof LimitExceeded) return { ok: false, error: e.message, warnings: warnings.all() };
    if (e instanceof RangeError)
      return { ok: false, error: 'The file nests its values too deeply to be imported.', warnings: warnings.all() };
    throw e;
  }
}

function helmRefusal(text: string, fileName?: string): ComposeImport | null {
  if (!/\{\{[-\s]*(\.|include|template|if|range)/.test(text) && !/(^|\/)Chart\.yaml$/.test(fileName ?? '')) return null;
  return {
    ok: false,
    error: `${fileName ? `${fileName}: ` : ''}This looks like a Helm ${fileName && /Chart\.yaml$/.test(fileName) ? 'chart' : 'template ({{ … }})'}, which is out of scope: render it first with \`helm template <release> <chart> > manifests.yaml\` and import the result.`,
    warnings: [],
  };
}

function importManifests(objects: Obj[], fileName: string, budget: Budget, warn: (w: string) => void): ComposeImport {
  const manifests = objects.filter((o) => typeof o.kind === 'string' && typeof o.apiVersion === 'string');
  if (manifests.length === 0)
    return {
      ok: false,
      error: 'This is not a Kubernetes manifest: no document has apiVersion and kind.',
      warnings: [],
    };

  const nameOf = (o: Obj) => (isObj(o.metadata) ? (str(o.metadata.name) ?? '') : '');
  const configMaps = new Map<string, Obj>();
  const secrets = new Map<string, Obj>();
  for (const o of manifests) {
    if (o.kind === 'ConfigMap') configMaps.set(nameOf(o), isObj(o.data) ? o.data : {});
    if (o.kind === 'Secret') {
      const data: Obj = {};
      if (isObj(o.data)) for (const [k, v] of Object.entries(o.data)) put(data, k, decode(str(v) ?? ''));
      if (isObj(o.stringData)) for (const [k, v] of Object.entries(o.stringData)) put(data, k, str(v) ?? '');
      secrets.set(nameOf(o), data);
    }
  }
  const unknown = new Map<string, string[]>();
  const services: Obj = {};
  const podLabels = new Map<string, Obj>();
  const secretUse = new Set<string>();
  const secretKeys = new Map<string, Set<string>>();
  for (const o of manifests) {
    const kind = o.kind as string;
    const name = nameOf(o);
    if (!WORKLOADS.has(kind)) {
      if (!USED.has(kind)) unknown.set(kind, [...(unknown.get(kind) ?? []), name]);
      continue;
    }
    const spec = isObj(o.spec) ? o.spec : {};
    const jobSpec =
      kind === 'CronJob' && isObj(spec.jobTemplate) && isObj(spec.jobTemplate.spec) ? spec.jobTemplate.spec : spec;
    const template = kind === 'Pod' ? o : isObj(jobSpec.template) ? jobSpec.template : {};
    const pod = isObj(template.spec) ? template.spec : {};
    const containers = Array.isArray(pod.containers) ? pod.containers.filter(isObj) : [];
    const c = containers[0];
    if (!c) {
      warn(`${kind} ${name}: it has no container; it was left out.`);
      continue;
    }
    if (containers.length > 1)
      warn(
        `${kind} ${name}: only its first container (${str(c.name) ?? '?'}) is imported; ${containers
          .slice(1)
          .map((x) => str(x.name) ?? '?')
          .join(', ')} ${containers.length === 2 ? 'is' : 'are'} left out.`,
      );
    const svc: Obj = {};
    if (str(c.image)) svc.image = str(c.image);
    const ports = (Array.isArray(c.ports) ? c.ports : [])
      .filter(isObj)
      .map((p) => str(p.containerPort))
      .filter((p) => p);
    if (ports.length > 0) svc.expose = ports;
    const env: Obj = {};
    // the variables whose value came from a Secret (a later plain value of the same name wins)
    const fromSecret = new Set<string>();
    const from = (ref: Obj | undefined, map: ReadonlyMap<string, Obj>, what: string, key: string | null) => {
      const source = ref ? (str(ref.name) ?? '') : '';
      const data = map.get(source);
      if (!data) {
        warn(
          `${name}: ${key ?? 'its environment'} comes from the ${what} ${source}, which is not in this file; ${key ? 'it was imported empty' : 'it was left out'}.`,
        );
        return null;
      }
      if (what === 'Secret') secretUse.add(source);
      return data;
    };
    for (const ef of Array.isArray(c.envFrom) ? c.envFrom.filter(isObj) : []) {
      const isSecret = isObj(ef.secretRef);
      const data = from(
        (isSecret ? ef.secretRef : ef.configMapRef) as Obj | undefined,
        isSecret ? secrets : configMaps,
        isSecret ? 'Secret' : 'ConfigMap',
        null,
      );
      if (data)
        for (const [k, v] of Object.entries(data)) {
          const key = `${str(ef.prefix) ?? ''}${k}`;
          put(env, key, asWritten(str(v) ?? ''));
          if (isSecret) fromSecret.add(key);
          else fromSecret.delete(key);
        }
    }
    for (const e of Array.isArray(c.env) ? c.env.filter(isObj) : []) {
      const key = str(e.name);
      if (!key) continue;
      fromSecret.delete(key);
      const alias = e.value === undefined ? undefined : secretAlias(str(e.value) ?? '', env, fromSecret);
      if (alias !== undefined) {
        // `$(ORDERS__STRIPE_KEY)`, a Secret's value and nothing else: that value, secret too; the
        // variable only carried it when it is the one this app's export names so
        put(env, key, str(env[alias]) ?? '');
        fromSecret.add(key);
        if (alias === `${envPrefix(name)}__${key.toUpperCase()}`) {
          delete env[alias];
          fromSecret.delete(alias);
        }
      } else if (e.value !== undefined) put(env, key, str(e.value) ?? '');
      else if (isObj(e.valueFrom)) {
        const vf = e.valueFrom;
        const ref = (
          isObj(vf.configMapKeyRef) ? vf.configMapKeyRef : isObj(vf.secretKeyRef) ? vf.secretKeyRef : undefined
        ) as Obj | undefined;
        if (ref) {
          const isSecret = isObj(vf.secretKeyRef);
          const data = from(ref, isSecret ? secrets : configMaps, isSecret ? 'Secret' : 'ConfigMap', key);
          put(env, key, data ? asWritten(str(data[str(ref.key) ?? '']) ?? '') : '');
          if (isSecret) fromSecret.add(key);
        } else {
          warn(`${name}: ${key} is set from the pod's own fields (valueFrom); it was imported empty.`);
          put(env, key, '');
        }
      } else put(env, key, '');
    }
    if (Object.keys(env).length > 0) svc.environment = env;
    if (typeof spec.replicas === 'number' && kind !== 'Job' && kind !== 'CronJob')
      svc.deploy = { replicas: spec.replicas };
    if (Object.hasOwn(services, name)) warn(`${kind} ${name}: another workload has the same name; it was left out.`);
    else {
      put(services, name, svc);
      if (fromSecret.size > 0) secretKeys.set(name, fromSecret);
      podLabels.set(name, isObj(template.metadata) && isObj(template.metadata.labels) ? template.metadata.labels : {});
    }
  }

  // a Service names the workloads it selects: that is the host name callers use
  const serviceTargets = new Map<string, string>();
  for (const o of manifests) {
    if (o.kind !== 'Service') continue;
    const spec = isObj(o.spec) ? o.spec : {};
    const sel = isObj(spec.selector) ? spec.selector : null;
    const name = nameOf(o);
    const target = sel
      ? [...podLabels].find(([, labels]) => Object.entries(sel).every(([k, v]) => labels[k] === v))?.[0]
      : undefined;
    if (!target) {
      warn(`Service ${name}: it selects no workload of this file; it was left out.`);
      continue;
    }
    serviceTargets.set(name, target);
    const svc = services[target] as Obj;
    if (name !== target) svc.hostname = name;
    const first = (Array.isArray(spec.ports) ? spec.ports.filter(isObj) : [])[0];
    const exposed = first ? (str(first.targetPort) ?? str(first.port)) : null;
    if (exposed && /^\d+$/.test(exposed) && !svc.expose) svc.expose = [exposed];
    const published = first ? (str(first.nodePort) ?? (spec.type === 'LoadBalancer' ? str(first.port) : null)) : null;
    if (published && exposed) {
      svc.ports = [`${published}:${exposed}`];
      delete svc.expose;
    }
  }
  for (const o of manifests) {
    if (o.kind !== 'Ingress') continue;
    const backends = new Set<string>();
    const collect = (v: unknown): void => {
      if (Array.isArray(v)) v.forEach(collect);
      else if (isObj(v)) {
        if (isObj(v.service) && typeof v.service.name === 'string') backends.add(v.service.name);
        if (typeof v.serviceName === 'string') backends.add(v.serviceName);
        Object.values(v).forEach(collect);
      }
    };
    collect(o.spec);
    const name = nameOf(o);
    const targets = [...backends].map((b) => serviceTargets.get(b) ?? b).filter((t) => Object.hasOwn(services, t));
    if (Object.hasOwn(services, name)) {
      warn(`Ingress ${name}: a workload has the same name; it was left out.`);
      continue;
    }
    // a gateway in front of the backends, named by the Ingress
    put(services, name, {
      image: 'nginx',
      ports: ['80:80'],
      environment: Object.fromEntries(targets.map((t) => [`${t.toUpperCase().replace(/[^A-Z0-9]/g, '_')}_HOST`, t])),
    });
  }
  if (secretUse.size > 0)
    warn(
      `Values of the Secrets ${[...secretUse].join(', ')} were read into the environment of the services that use them, marked secret: the inspector shows them on a click, and the export keeps them in Secrets and .env again.`,
    );
  if (unknown.size > 0)
    warn(
      `Kinds the design does not map were left out: ${[...unknown]
        .map(
          ([k, names]) =>
            `${k} (${names.slice(0, 5).join(', ')}${names.length > 5 ? ` and ${names.length - 5} more` : ''})`,
        )
        .join(', ')}.`,
    );
  if (Object.keys(services).length === 0)
    return {
      ok: false,
      error: 'The manifests hold no workload (Deployment, StatefulSet, Job, Pod…) to import.',
      warnings: [],
    };
  const stem = (fileName.split(/[\\/]/).pop() ?? '').replace(/\.(ya?ml|json)$/i, '');
  const root: Obj = { services };
  if (stem && !/^(manifests?|k8s|kubernetes|all|deploy(ment)?s?)$/i.test(stem)) root.name = stem.slice(0, 100);
  return importComposeRoot(root, 'compose.yaml', budget, warn, { keepOrigin: false, secrets: secretKeys });
}

/** The variable a value is a reference to and nothing else (`$(NAME)`), when it came from a Secret. */
function secretAlias(value: string, env: Obj, fromSecret: ReadonlySet<string>): string | undefined {
  const ref = /^\$\(([A-Za-z_][A-Za-z0-9_]*)\)$/.exec(value)?.[1];
  return ref !== undefined && fromSecret.has(ref) && Object.hasOwn(env, ref) ? ref : undefined;
}
