import { parse, parseAllDocuments, visit } from 'yaml';
import { ConfigMap } from 'kubernetes-models/v1/ConfigMap';
import { Service } from 'kubernetes-models/v1/Service';
import { Deployment } from 'kubernetes-models/apps/v1/Deployment';
import { StatefulSet } from 'kubernetes-models/apps/v1/StatefulSet';
import { Job } from 'kubernetes-models/batch/v1/Job';
import { Ingress } from 'kubernetes-models/networking.k8s.io/v1/Ingress';
import { NetworkPolicy } from 'kubernetes-models/networking.k8s.io/v1/NetworkPolicy';
import { Namespace } from 'kubernetes-models/v1/Namespace';
import { Secret } from 'kubernetes-models/v1/Secret';
import { PodDisruptionBudget } from 'kubernetes-models/policy/v1/PodDisruptionBudget';
import type { GeneratedFile } from '../types';
import { yamlTextProblems } from '../yaml';

/**
 * The checks every generated k8s/ folder must pass, shared by the example and property tests:
 * kubernetes-models' schema validation of each document, plus what the OpenAPI schemas do not
 * say and the API server does (name formats, label syntax, port names), and the folder's own
 * consistency (kustomization, selectors, probes).
 */

type Model = { validate(): void };
const MODELS: Record<string, new (data: never) => Model> = {
  'v1/ConfigMap': ConfigMap,
  'v1/Service': Service,
  'apps/v1/Deployment': Deployment,
  'apps/v1/StatefulSet': StatefulSet,
  'batch/v1/Job': Job,
  'networking.k8s.io/v1/Ingress': Ingress,
  'networking.k8s.io/v1/NetworkPolicy': NetworkPolicy,
  'v1/Namespace': Namespace,
  'v1/Secret': Secret,
  'policy/v1/PodDisruptionBudget': PodDisruptionBudget,
};

/* eslint-disable @typescript-eslint/no-explicit-any -- walking parsed YAML */
export type Doc = Record<string, any>;

const DNS_LABEL = /^[a-z]([-a-z0-9]{0,61}[a-z0-9])?$/;
const LABEL_VALUE = /^(([A-Za-z0-9][-A-Za-z0-9_.]{0,61})?[A-Za-z0-9])?$/;
const LABEL_KEY = /^([a-z0-9]([-a-z0-9.]{0,251}[a-z0-9])?\/)?[A-Za-z0-9]([-A-Za-z0-9_.]{0,61}[A-Za-z0-9])?$/;
const PORT_NAME = /^(?=.*[a-z])[a-z0-9]([a-z0-9]|-(?!-)){0,13}[a-z0-9]$|^[a-z]$/;
const CONFIG_KEY = /^[-._a-zA-Z0-9]+$/;

export interface K8sResult {
  docs: Doc[];
  byFile: Map<string, Doc[]>;
  /** Files of comments only (a service nothing deploys yet), which no kustomization may list. */
  placeholders: string[];
  problems: string[];
}

/** Parses every file under k8s/ and returns all documents and every problem found. */
export function k8sProblems(files: readonly GeneratedFile[]): K8sResult {
  const problems: string[] = [];
  const byFile = new Map<string, Doc[]>();
  const docs: Doc[] = [];
  let kustomization: Doc | undefined;
  const valueFiles = new Map<string, string>();
  const placeholders: string[] = [];
  for (const f of files) {
    if (!f.path.startsWith('k8s/')) problems.push(`${f.path} is outside k8s/`);
    if (f.path.startsWith('k8s/secrets/')) {
      valueFiles.set(f.path.slice('k8s/'.length), f.content);
      continue;
    }
    for (const p of yamlTextProblems(f.content)) problems.push(`${f.path}: YAML readers: ${p}`);
    if (f.path === 'k8s/kustomization.yaml') {
      kustomization = parse(f.content, { version: '1.1' }) as Doc;
      continue;
    }
    const parsed = parseAllDocuments(f.content, { version: '1.1' });
    const parsedList = Array.isArray(parsed) ? parsed : [parsed];
    for (const d of parsedList) {
      if (d.errors.length > 0) problems.push(`${f.path}: ${d.errors[0]?.message}`);
      visit(d, { Alias: () => void problems.push(`${f.path}: uses a YAML alias`) });
    }
    const list = parsedList.map((d) => d.toJS() as Doc);
    // a placeholder of a service nothing deploys yet: comments only, listed by no kustomization
    if (list.every((d) => d === null)) {
      placeholders.push(f.path);
      continue;
    }
    const strict = parseAllDocuments(f.content);
    const strictList = (Array.isArray(strict) ? strict : [strict]).map((d) => d.toJS() as unknown);
    if (JSON.stringify(list) !== JSON.stringify(strictList)) problems.push(`${f.path}: YAML 1.1 and 1.2 disagree`);
    byFile.set(f.path, list);
    docs.push(...list);
  }
  if (!kustomization) problems.push('no kustomization.yaml');
  else {
    const listed = [...(kustomization.resources ?? [])].sort();
    const present = [...byFile.keys()].map((p) => p.slice(4)).sort();
    if (JSON.stringify(listed) !== JSON.stringify(present))
      problems.push(`kustomization lists ${listed.join(',')} but files are ${present.join(',')}`);
  }
  if (kustomization) docs.push(...generatedSecrets(kustomization, valueFiles, problems));
  const seen = new Set<string>();
  for (const d of docs) problems.push(...docProblems(d, seen));
  problems.push(...serviceProblems(docs));
  problems.push(...namespaceProblems(docs, kustomization));
  return { docs, byFile, placeholders, problems };
}

function docProblems(d: Doc, seen: Set<string>): string[] {
  const out: string[] = [];
  const key = `${d.apiVersion}/${d.kind}`;
  const name = String(d.metadata?.name);
  const Model = MODELS[key];
  if (!Model) return [`unknown kind ${key}`];
  try {
    new Model(d as never).validate();
  } catch (e) {
    out.push(`${key} ${name}: ${(e as Error).message}`);
  }
  const ns = d.kind === 'Namespace' ? '' : String(d.metadata?.namespace);
  if (d.kind !== 'Namespace' && !DNS_LABEL.test(ns)) out.push(`${key} ${name}: namespace ${ns}`);
  if (seen.has(`${key}/${ns}/${name}`)) out.push(`${key} ${name} defined twice in ${ns}`);
  seen.add(`${key}/${ns}/${name}`);
  if (!DNS_LABEL.test(name)) out.push(`${key} name ${name} is not a DNS label`);
  out.push(...labelProblems(`${key} ${name}`, d.metadata?.labels));
  if (!d.metadata?.labels?.['app.kubernetes.io/name'] || !d.metadata?.labels?.['app.kubernetes.io/part-of'])
    out.push(`${key} ${name} lacks the recommended labels`);
  if (d.kind === 'ConfigMap')
    for (const [k, v] of Object.entries(d.data ?? {})) {
      if (!CONFIG_KEY.test(k)) out.push(`ConfigMap ${name}: key ${k}`);
      if (/:\/\/[^/@\s]+:[^/@\s]+@/.test(String(v))) out.push(`ConfigMap ${name}: ${k} holds a credential`);
    }
  const pod = d.spec?.template;
  if (pod) {
    out.push(...labelProblems(`${key} ${name} template`, pod.metadata?.labels));
    const match = d.spec?.selector?.matchLabels as Record<string, string> | undefined;
    for (const [k, v] of Object.entries(match ?? {}))
      if (pod.metadata?.labels?.[k] !== v) out.push(`${key} ${name}: selector ${k} does not match its pods`);
    for (const c of pod.spec?.containers ?? []) {
      if (!DNS_LABEL.test(c.name)) out.push(`${key} ${name}: container name ${c.name}`);
      for (const p of c.ports ?? []) if (!PORT_NAME.test(p.name)) out.push(`${key} ${name}: port name ${p.name}`);
      const ports = (c.ports ?? []).map((p: Doc) => p.containerPort);
      if (new Set(ports).size !== ports.length) out.push(`${key} ${name}: repeated container port`);
      if (d.kind !== 'Job' && (!c.readinessProbe || !c.livenessProbe))
        out.push(`${key} ${name}: ${c.name} lacks probes`);
      if (d.kind !== 'Job' && !c.resources?.requests) out.push(`${key} ${name}: ${c.name} lacks resource requests`);
      out.push(...envProblems(`${key} ${name}: ${c.name}`, c.env ?? []));
    }
  }
  return out;
}

/**
 * A container's `env`: each name once, and each `$(VAR)` naming a variable defined before it (the
 * kubelet leaves any other reference as it is, which would put `$(VAR)` into an address).
 */
function envProblems(where: string, env: Doc[]): string[] {
  const out: string[] = [];
  const defined = new Set<string>();
  for (const e of env) {
    if (defined.has(e.name)) out.push(`${where}: ${e.name} is set twice`);
    for (const m of String(e.value ?? '').matchAll(/\$\(([A-Za-z_]\w*)\)/g))
      if (!defined.has(m[1] ?? '')) out.push(`${where}: ${e.name} refers to $(${m[1]}) before it is set`);
    defined.add(e.name);
  }
  return out;
}

function labelProblems(where: string, labels: Record<string, unknown> | undefined): string[] {
  const out: string[] = [];
  for (const [k, v] of Object.entries(labels ?? {})) {
    if (!LABEL_KEY.test(k)) out.push(`${where}: label key ${k}`);
    if (typeof v !== 'string' || !LABEL_VALUE.test(v)) out.push(`${where}: label ${k}=${String(v)}`);
  }
  return out;
}

/** Every Service selects pods of some workload and targets ports those pods name. */
function serviceProblems(docs: Doc[]): string[] {
  const out: string[] = [];
  const workloads = docs.filter((d) => d.kind === 'Deployment' || d.kind === 'StatefulSet');
  for (const s of docs.filter((d) => d.kind === 'Service')) {
    const sel = s.spec?.selector as Record<string, string> | undefined;
    if (!sel) {
      out.push(`Service ${s.metadata?.name} has no selector`);
      continue;
    }
    const w = workloads.find(
      (x) =>
        x.metadata.namespace === s.metadata.namespace &&
        Object.entries(sel).every(([k, v]) => x.spec.template.metadata.labels[k] === v),
    );
    if (!w) {
      out.push(`Service ${s.metadata.name} selects no workload`);
      continue;
    }
    const named = new Set<string>(
      w.spec.template.spec.containers.flatMap((c: Doc) => (c.ports ?? []).map((p: Doc) => p.name)),
    );
    for (const p of s.spec.ports ?? [])
      if (!named.has(p.targetPort)) out.push(`Service ${s.metadata.name}: target port ${p.targetPort} not on its pods`);
  }
  return out;
}

/**
 * The Secrets of the kustomization's `secretGenerator`, as `kubectl kustomize` makes them without
 * the hash suffix (which it also gives every reference): the keys of each env file (KEY=value,
 * the value as it is, comments and blank lines skipped) and of each `files` entry. Every file
 * read must be there, each env file with its example beside it (the same keys, no values), and
 * nothing under `secrets/` may be left unread.
 */
function generatedSecrets(kustomization: Doc, valueFiles: Map<string, string>, problems: string[]): Doc[] {
  const out: Doc[] = [];
  const read = new Set<string>();
  const envKeys = (text: string) =>
    text
      .split('\n')
      .filter((l) => l.trim() !== '' && !l.trimStart().startsWith('#'))
      .map((l) => {
        const eq = l.indexOf('=');
        return [eq < 0 ? l.trimStart() : l.slice(0, eq).trimStart(), eq < 0 ? '' : l.slice(eq + 1)] as const;
      });
  for (const g of (kustomization.secretGenerator ?? []) as Doc[]) {
    const stringData: Record<string, string> = {};
    for (const env of (g.envs ?? []) as string[]) {
      const text = valueFiles.get(env);
      const example = valueFiles.get(`${env}.example`);
      read.add(env).add(`${env}.example`);
      if (text === undefined || example === undefined) {
        problems.push(
          `secretGenerator ${g.name} reads ${env}, which is not written${example === undefined ? ' (or has no example)' : ''}`,
        );
        continue;
      }
      const pairs = envKeys(text);
      for (const [k, v] of pairs) {
        if (!/^[-._a-zA-Z][-._a-zA-Z0-9]*$/.test(k)) problems.push(`${env}: ${k} is not a variable name`);
        stringData[k] = v;
      }
      const exampleKeys = envKeys(example);
      if (JSON.stringify(exampleKeys) !== JSON.stringify(pairs.map(([k]) => [k, ''])))
        problems.push(`${env}.example does not list the keys of ${env} without values`);
    }
    for (const entry of (g.files ?? []) as string[]) {
      const eq = entry.indexOf('=');
      const [key, path] = [entry.slice(0, eq), entry.slice(eq + 1)];
      const text = valueFiles.get(path);
      read.add(path);
      if (text === undefined) problems.push(`secretGenerator ${g.name} reads ${path}, which is not written`);
      else stringData[key] = text;
    }
    out.push({
      apiVersion: 'v1',
      kind: 'Secret',
      metadata: {
        name: g.name,
        namespace: g.namespace ?? kustomization.namespace,
        ...(g.options?.labels ? { labels: g.options.labels } : {}),
      },
      type: g.type ?? 'Opaque',
      stringData,
    });
  }
  for (const path of valueFiles.keys()) if (!read.has(path)) problems.push(`k8s/${path} is read by no secretGenerator`);
  return out;
}

/**
 * Every object is in a namespace the folder makes; every ConfigMap and Secret a pod refers to is
 * in the pod's namespace (a pod cannot read another's); and with several namespaces the
 * kustomization sets none, which would move every object into one.
 */
function namespaceProblems(docs: Doc[], kustomization: Doc | undefined): string[] {
  const out: string[] = [];
  const made = new Set(docs.filter((d) => d.kind === 'Namespace').map((d) => String(d.metadata?.name)));
  const has = new Set(docs.map((d) => `${d.kind}/${d.metadata?.namespace}/${d.metadata?.name}`));
  for (const d of docs) {
    if (d.kind === 'Namespace') continue;
    const ns = String(d.metadata?.namespace);
    if (!made.has(ns)) out.push(`${d.kind} ${d.metadata?.name} is in ${ns}, which no Namespace makes`);
    const pod = d.spec?.template?.spec;
    if (!pod) continue;
    const refs: [string, string][] = [];
    for (const c of [...(pod.containers ?? []), ...(pod.initContainers ?? [])]) {
      for (const f of c.envFrom ?? []) if (f.configMapRef) refs.push(['ConfigMap', f.configMapRef.name]);
      for (const e of c.env ?? []) {
        if (e.valueFrom?.secretKeyRef) refs.push(['Secret', e.valueFrom.secretKeyRef.name]);
        if (e.valueFrom?.configMapKeyRef) refs.push(['ConfigMap', e.valueFrom.configMapKeyRef.name]);
      }
    }
    for (const v of pod.volumes ?? []) {
      if (v.configMap) refs.push(['ConfigMap', v.configMap.name]);
      if (v.secret) refs.push(['Secret', v.secret.secretName]);
    }
    for (const [kind, name] of refs)
      if (!has.has(`${kind}/${ns}/${name}`))
        out.push(`${d.kind} ${d.metadata?.name} in ${ns} uses ${kind} ${name}, not in ${ns}`);
  }
  if (made.size > 1 && kustomization?.namespace !== undefined)
    out.push(`kustomization sets namespace ${kustomization.namespace} over ${made.size} namespaces`);
  if (made.size === 1 && kustomization && kustomization.namespace !== [...made][0])
    out.push(`kustomization namespace ${kustomization.namespace} is not ${[...made][0]}`);
  return out;
}
