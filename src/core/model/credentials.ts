import { isRuntime, type InfraId } from '../catalog/catalog';
import { envPrefix } from './naming';
import type { DesignNode, EnvVar } from './types';

/**
 * The credentials of the infrastructure that has any (PostgreSQL and RabbitMQ): development
 * defaults that the deployments keep out of their files. compose.yaml reads them from `.env`
 * (`${ORDERS_DB_PASSWORD}`), Kubernetes from a Secret (`$(ORDERS_DB_PASSWORD)` in the URL),
 * the conformance run uses the values themselves, as `.env` gives them.
 */

export interface Credential {
  /** The variable holding it, e.g. `ORDERS_DB_PASSWORD`, in `.env` and in the service's environment. */
  variable: string;
  /** The key in the node's Kubernetes Secret: `username`, `password`, or a secret variable's own name. */
  key: string;
  /** The development default written to `.env` and the Secret. */
  value: string;
}

/**
 * The variables of each image that set its user, password and database, and what they are
 * without them: the image's own defaults when the node sets any of its variables (as an imported
 * file does), the design's development defaults when it sets none.
 */
const IMAGE_VARIABLES: Partial<
  Record<
    InfraId,
    { user: string; password: string; database?: string; image: [string, string]; design: [string, string] }
  >
> = {
  postgres: {
    user: 'POSTGRES_USER',
    password: 'POSTGRES_PASSWORD',
    database: 'POSTGRES_DB',
    image: ['postgres', 'app'],
    design: ['app', 'app'],
  },
  // the image's own default user, which it lets in from other hosts
  rabbitmq: {
    user: 'RABBITMQ_DEFAULT_USER',
    password: 'RABBITMQ_DEFAULT_PASS',
    image: ['guest', 'guest'],
    design: ['guest', 'guest'],
  },
  mongodb: {
    user: 'MONGO_INITDB_ROOT_USERNAME',
    password: 'MONGO_INITDB_ROOT_PASSWORD',
    database: 'MONGO_INITDB_DATABASE',
    image: ['', ''],
    design: ['', ''],
  },
};

const envOf = (node: DesignNode, key: string | undefined): string | undefined =>
  key === undefined ? undefined : node.env.find((e) => e.key === key)?.value;

/**
 * The credentials of a node: user then password; none for kinds that run without. The node's own
 * settings win (`POSTGRES_USER`, `RABBITMQ_DEFAULT_PASS`, `MONGO_INITDB_ROOT_USERNAME` … in its
 * environment), so an imported database keeps the user its clients log in with.
 */
export function infraCredentials(node: DesignNode): Credential[] {
  const v = IMAGE_VARIABLES[node.kind as InfraId];
  if (!v) return [];
  const own = [v.user, v.password, v.database].some((k) => envOf(node, k) !== undefined);
  const [user, password] = [envOf(node, v.user), envOf(node, v.password)];
  const d = own ? v.image : v.design;
  const values: [string, string] = [user ?? d[0], password ?? d[1]];
  // MongoDB runs without authentication unless its root user is set
  if (node.kind === 'mongodb' && !values[0]) return [];
  return [
    { variable: infraVariable(node, 'username'), key: 'username', value: values[0] },
    { variable: infraVariable(node, 'password'), key: 'password', value: values[1] },
  ];
}

/** The `.env` variable of an infrastructure credential: `<PREFIX>_USER`, `<PREFIX>_PASSWORD`. */
function infraVariable(node: DesignNode, key: 'username' | 'password'): string {
  return `${envPrefix(node.name)}_${key === 'username' ? 'USER' : 'PASSWORD'}`;
}

/**
 * The database clients of a node use: its own setting (`POSTGRES_DB`, `MONGO_INITDB_DATABASE`),
 * else the image's default (PostgreSQL names it after the user) when the node sets its own
 * credentials, else `app`.
 */
export function infraDatabase(node: DesignNode): string {
  const v = IMAGE_VARIABLES[node.kind as InfraId];
  const own = envOf(node, v?.database);
  if (own) return own;
  if (node.kind === 'postgres' && envOf(node, v?.user) !== undefined) return envOf(node, v?.user) || 'postgres';
  if (node.kind === 'postgres' && envOf(node, v?.password) !== undefined) return 'postgres';
  return 'app';
}

/**
 * How a deployment writes a credential into a value: the value itself (a native run), a compose
 * interpolation, or a Kubernetes dependent variable. Each call names the credential it used.
 */
export type CredentialRef = (c: Credential) => string;

export const literalCredential: CredentialRef = (c) => c.value;

/**
 * The secret values of a node's own environment (a service's API key, a token imported from a
 * Kubernetes Secret), as credentials: `.env` holds `<PREFIX>__<KEY>` (ORDERS__STRIPE_KEY), the
 * node's Secret holds the key under the variable's own name. Infrastructure other than a plain
 * container does not run with its environment (its credentials are its settings), so only
 * services and containers have any.
 *
 * The double underscore keeps the names apart from every other node's: a prefix never holds one
 * (nor do the infrastructure's `<PREFIX>_USER` and `_PASSWORD`), so with one underscore the
 * `DB_PASSWORD` of `orders` would be the password of `orders db`, ORDERS_DB_PASSWORD, in `.env`.
 */
export function envSecrets(node: DesignNode): Credential[] {
  if (!(isRuntime(node.kind) || node.kind === 'container') || node.env.every((e) => !e.secret)) return [];
  const p = envPrefix(node.name);
  const taken = new Set<string>();
  const out: Credential[] = [];
  for (const e of node.env) {
    if (!e.secret || out.some((c) => c.key === e.key)) continue;
    let variable = `${p}__${e.key.toUpperCase()}`;
    for (let i = 2; taken.has(variable); i++) variable = `${p}__${e.key.toUpperCase()}_${i}`;
    taken.add(variable);
    out.push({ variable, key: e.key, value: e.value });
  }
  return out;
}

/**
 * The `.env` variable of each environment value of a node that is marked secret and that `.env`
 * holds, by its key: a service's or container's secret variables, and the user and password
 * settings of infrastructure (`POSTGRES_PASSWORD` → `<PREFIX>_PASSWORD`) when marked secret.
 */
export function secretEnvVariables(node: DesignNode): Map<string, string> {
  const out = new Map(envSecrets(node).map((c) => [c.key, c.variable]));
  const v = IMAGE_VARIABLES[node.kind as InfraId];
  if (v)
    for (const [key, credential] of [
      [v.user, 'username'],
      [v.password, 'password'],
    ] as const)
      if (node.env.some((e) => e.key === key && e.secret)) out.set(key, infraVariable(node, credential));
  return out;
}

/** Every credential of a node: its infrastructure settings, then its secret variables. */
export function nodeCredentials(node: DesignNode): Credential[] {
  return [...infraCredentials(node), ...envSecrets(node)];
}

/**
 * A node's own variable as a deployment writes it: a secret one through `ref` (from `.env`, from
 * a Secret), any other as it is.
 */
export function ownEnvValue(node: DesignNode, e: EnvVar, ref: CredentialRef): string {
  if (!e.secret) return e.value;
  const c = envSecrets(node).find((x) => x.key === e.key);
  return c ? ref(c) : e.value;
}

/**
 * An environment as a document shows it (a service's README): each secret variable of the node
 * as the `${VARIABLE}` compose reads from `.env`, never its value.
 */
export function withoutSecretValues(node: DesignNode, env: readonly [string, string][]): [string, string][] {
  const shown = new Map(envSecrets(node).map((c) => [c.key, `\${${c.variable}}`]));
  return env.map(([k, v]) => [k, shown.get(k) ?? v]);
}
