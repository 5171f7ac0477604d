import type { IEnvVar } from 'kubernetes-models/v1/EnvVar';
import type { ISecret } from 'kubernetes-models/v1/Secret';
import { dnsLabel } from '../../model/naming';
import { nodeCredentials, type Credential, type CredentialRef } from '../../model/credentials';
import type { Design, DesignNode } from '../../model/types';
import type { ServiceWiring } from '../../model/wiring';
import { deployEnv, infraRuntime } from '../compose/plan';
import { advertisedHost, k8sResolver, labels, namespaceOf, objectMeta } from './meta';

/**
 * Credentials in Kubernetes: each node that has some (PostgreSQL, RabbitMQ; a service with secret
 * variables) gets a Secret `<dns>-credentials` with `username` and `password` or the variables'
 * names, holding the same development defaults as compose's `.env`. Containers read them through
 * `secretKeyRef` into the variables `.env` names, and every value that contains one (a connection
 * URL, POSTGRES_PASSWORD) refers to it as `$(VARIABLE)`, which the kubelet expands; no ConfigMap
 * holds a credential.
 */

/** The Secret of a node's credentials. */
export function secretName(node: DesignNode): string {
  return `${dnsLabel(node.name)}-credentials`;
}

/** The Secret of a node, or null when it has no credentials. */
export function credentialSecret(design: Design, node: DesignNode): ISecret | null {
  const creds = nodeCredentials(node);
  if (creds.length === 0) return null;
  return {
    apiVersion: 'v1',
    kind: 'Secret',
    metadata: objectMeta(namespaceOf(design, node), secretName(node), labels(design, node)),
    type: 'Opaque',
    stringData: Object.fromEntries(creds.map((c) => [c.key, c.value])),
  };
}

/**
 * Kubernetes expands `$(VAR)` in an env value and reads `$$` as one `$`, so every `$` is doubled:
 * the container sees exactly the value compose gives it (which compose writes as `$$` for its own
 * interpolation). Values from a ConfigMap through `envFrom` are not expanded and stay as they are.
 */
export function k8sEnvLiteral(value: string): string {
  return value.replaceAll('$', '$$$$');
}

// A credential stands in a value as this mark until the value's own `$` are escaped; then it
// becomes the `$(VARIABLE)` the kubelet expands. NUL never survives restore in user text.
const MARK = '\u0000';
const MARKED = /\u0000([A-Za-z_][A-Za-z0-9_]*)\u0000/g;

/** An env value for a container: user text escaped, credential references left to expand. */
function k8sValue(value: string): string {
  return k8sEnvLiteral(value).replace(MARKED, (_m, v: string) => `$(${v})`);
}

/** Writes a credential as a marked reference, and records which one it was. */
function recorder(): { ref: CredentialRef; used: Credential[] } {
  const used: Credential[] = [];
  const ref: CredentialRef = (c) => {
    if (!used.some((u) => u.variable === c.variable)) used.push(c);
    return `${MARK}${c.variable}${MARK}`;
  };
  return { ref, used };
}

/** The `secretKeyRef` entries of credentials, first in `env` so later values may refer to them. */
function secretEnv(design: Design, used: readonly Credential[]): IEnvVar[] {
  return used.map((c) => {
    const owner = design.nodes.find((n) => nodeCredentials(n).some((x) => x.variable === c.variable));
    return {
      name: c.variable,
      valueFrom: { secretKeyRef: { name: owner ? secretName(owner) : c.variable.toLowerCase(), key: c.key } },
    };
  });
}

/**
 * A service's environment split for Kubernetes: what holds no credential goes to its ConfigMap;
 * the credentials (from Secrets) and the values built from them go to the container's `env`.
 */
export function serviceEnvironment(design: Design, w: ServiceWiring): { config: [string, string][]; env: IEnvVar[] } {
  const resolver = k8sResolver(design, w.node);
  const literal = deployEnv(w, undefined, resolver);
  const { ref, used } = recorder();
  const templated = deployEnv(w, ref, resolver);
  const plain = new Map(literal);
  const config = templated.filter(([k, v]) => plain.get(k) === v);
  const composed = templated
    .filter(([k, v]) => plain.get(k) !== v)
    .map(([name, value]) => ({ name, value: k8sValue(value) }));
  return { config, env: [...secretEnv(design, used), ...composed] };
}

/** An infrastructure container's environment: credentials from its Secret, the rest as values. */
export function infraEnvironment(design: Design, node: DesignNode): IEnvVar[] {
  const { ref, used } = recorder();
  const templated = infraRuntime(node, ref, advertisedHost(design, node)).env;
  // a variable named like the credential's own (POSTGRES_PASSWORD of a node called postgres)
  // already comes from the Secret; a name given twice keeps its last value, as in compose
  const values = new Map(templated);
  const env = [...values]
    .filter(([name, value]) => value !== `${MARK}${name}${MARK}`)
    .map(([name, value]) => ({ name, value: k8sValue(value) }));
  return [...secretEnv(design, used), ...env];
}
