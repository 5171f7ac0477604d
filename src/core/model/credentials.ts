import type { InfraId } from '../catalog/catalog';
import { envPrefix } from './naming';
import type { DesignNode } from './types';

/**
 * The credentials of the infrastructure that has any (PostgreSQL and RabbitMQ): development
 * defaults that the deployments keep out of their files. compose.yaml reads them from `.env`
 * (`${ORDERS_DB_PASSWORD}`), Kubernetes from a Secret (`$(ORDERS_DB_PASSWORD)` in the URL),
 * the conformance run uses the values themselves, as `.env` gives them.
 */

export interface Credential {
  /** The variable holding it, e.g. `ORDERS_DB_PASSWORD`, in `.env` and in the service's environment. */
  variable: string;
  /** The key in the node's Kubernetes Secret. */
  key: 'username' | 'password';
  /** The development default written to `.env` and the Secret. */
  value: string;
}

/** The credentials of a node: user then password; none for kinds that run without. */
export function infraCredentials(node: DesignNode): Credential[] {
  const defaults: Partial<Record<InfraId, [string, string]>> = {
    postgres: ['app', 'app'],
    // the image's own default user, which it lets in from other hosts
    rabbitmq: ['guest', 'guest'],
  };
  const d = defaults[node.kind as InfraId];
  if (!d) return [];
  const p = envPrefix(node.name);
  return [
    { variable: `${p}_USER`, key: 'username', value: d[0] },
    { variable: `${p}_PASSWORD`, key: 'password', value: d[1] },
  ];
}

/**
 * How a deployment writes a credential into a value: the value itself (a native run), a compose
 * interpolation, or a Kubernetes dependent variable. Each call names the credential it used.
 */
export type CredentialRef = (c: Credential) => string;

export const literalCredential: CredentialRef = (c) => c.value;
