import type { InfraId } from '../../catalog/catalog';
import { dnsLabel } from '../../model/naming';
import type { CredentialRef } from '../../model/credentials';
import type { DesignNode } from '../../model/types';
import { dataPath, infraCheck, infraImage, infraRuntime, kafkaPorts } from './plan';

/** One entry of compose's `services:` as plain data (the Compose Specification's shape). */
export type ComposeService = Record<string, unknown>;

/** Compose interpolates `$` in values; `$$` keeps a literal dollar. */
export function composeLiteral(value: string): string {
  return value.replace(/\$/g, '$$$$');
}

/**
 * Environment pairs as a compose mapping of strings, `$` kept literal. The keys are defined, not
 * assigned, so that a variable named `__proto__` is an ordinary key.
 */
export function composeEnv(pairs: readonly [string, string][]): Record<string, string> {
  return Object.fromEntries(pairs.map(([k, v]) => [k, composeLiteral(v)]));
}

/**
 * Credentials in compose.yaml are interpolations of the variables in `.env`; the infrastructure's
 * own settings fail `docker compose` with a clear message when one is missing.
 */
export const composeCredential: CredentialRef = (c) => `\${${c.variable}}`;
export const composeRequiredCredential: CredentialRef = (c) => `\${${c.variable}:?set ${c.variable} in .env}`;

/**
 * The environment as compose values: `templated` (credentials as interpolations) where it differs
 * from `literal` (credentials as values), every other value with its `$` kept literal. The keys
 * are defined, not assigned, so that a variable named `__proto__` is an ordinary key.
 */
export function composeEnvWithCredentials(
  literal: readonly [string, string][],
  templated: readonly [string, string][],
): Record<string, string> {
  const plain = new Map(literal);
  return Object.fromEntries(templated.map(([k, v]) => [k, plain.get(k) === v ? composeLiteral(v) : v]));
}

/** The healthcheck timing of a kind: the JVM tools of Kafka take seconds to start. */
export function healthTiming(kind: InfraId | 'service'): Record<string, string | number> {
  if (kind === 'kafka') return { interval: '10s', timeout: '10s', retries: 12, start_period: '20s' };
  return { interval: '5s', timeout: '3s', retries: 20, start_period: '10s' };
}

/** The named volume of a stateful node. */
export function volumeName(node: DesignNode): string {
  return `${dnsLabel(node.name)}-data`;
}

/**
 * The compose entry of an infrastructure node, without `ports` and `depends_on`, which the caller
 * decides for the whole file. Gateway and frontend mount the files `edge.ts` generates.
 */
export function infraService(node: DesignNode): ComposeService {
  const kind = node.kind as InfraId;
  const dns = dnsLabel(node.name);
  const { args, env } = infraRuntime(node);
  const templated = infraRuntime(node, composeRequiredCredential).env;
  const out: ComposeService = { image: infraImage(node) };
  // RabbitMQ names its node and data directory after the host name: keep it stable.
  if (kind === 'rabbitmq') out.hostname = dns;
  out.restart = 'unless-stopped';
  if (args) out.command = args;
  if (env.length > 0) out.environment = composeEnvWithCredentials(env, templated);
  const volumes: string[] = [];
  const data = dataPath(node);
  if (data) volumes.push(`${volumeName(node)}:${data}`);
  if (kind === 'gateway') volumes.push(`./gateway/${dns}/nginx.conf:/etc/nginx/conf.d/default.conf:ro`);
  if (kind === 'frontend') {
    volumes.push(`./frontend/${dns}/nginx.conf:/etc/nginx/conf.d/default.conf:ro`);
    volumes.push(`./frontend/${dns}/index.html:/usr/share/nginx/html/index.html:ro`);
  }
  if (volumes.length > 0) out.volumes = volumes;
  const check = infraCheck(node);
  if (check) out.healthcheck = { test: ['CMD', ...check.map(composeLiteral)], ...healthTiming(kind) };
  return out;
}

/** The container port a node's published host port maps to. */
export function publishedContainerPort(node: DesignNode): number {
  return node.kind === 'kafka' ? kafkaPorts(node).external : node.port;
}
