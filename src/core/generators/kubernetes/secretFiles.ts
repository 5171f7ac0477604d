import type { ISecret } from 'kubernetes-models/v1/Secret';
import { K8S_SECRETS_DIR } from '../ignored';
import type { GeneratedFile } from '../types';

/**
 * The Secrets of `k8s/` without their values in a committed file. Each Secret is a kustomize
 * `secretGenerator` reading `k8s/secrets/<name>.env`, which the export writes with the
 * development values (as `.env` for compose) and the project's `.gitignore` keeps out of git;
 * `k8s/secrets/<name>.env.example`, committed, lists the keys to fill in. A value with a line
 * break (a PEM key), which an env file cannot hold, is a file of its own,
 * `k8s/secrets/<name>.<KEY>`, read by the generator's `files`.
 *
 * kustomize's name suffix (a hash of the content) stays on, deliberately: `kubectl apply -k`
 * creates `<name>-<hash>` and rewrites every `secretKeyRef` to it, so changing a value in the env
 * file rolls the pods that read it. A copy of a Secret in another namespace (a pod reads Secrets of
 * its own namespace only) is one more generator of the same name in that namespace, reading the
 * same files.
 */

const SECRETS_DIR = K8S_SECRETS_DIR;

/** Whether an env file of kustomize reads the value back as it is: one line, with no carriage return. */
const envSafe = (value: string) => !/[\r\n]/.test(value);

const URL_NOTE = '# The user and password go into connection URLs as they are: keep to letters, digits and -._~';

export interface SecretGenerator {
  name: string;
  namespace?: string;
  type: string;
  envs?: string[];
  files?: string[];
  options: { labels: Record<string, string> };
}

/**
 * The generators of the Secrets (one per Secret and namespace; `namespaced` when the kustomization
 * sets no namespace of its own) and the files they read, with their examples.
 */
export function secretGenerators(
  secrets: readonly ISecret[],
  namespaced: boolean,
): { generators: SecretGenerator[]; files: GeneratedFile[] } {
  const generators: SecretGenerator[] = [];
  const files = new Map<string, GeneratedFile>();
  for (const s of secrets) {
    const name = s.metadata?.name ?? '';
    const data = Object.entries(s.stringData ?? {});
    const lines = data.filter(([, v]) => envSafe(v));
    const apart = data.filter(([, v]) => !envSafe(v));
    const env = `${SECRETS_DIR}/${name}.env`;
    const own = (key: string) => `${SECRETS_DIR}/${name}.${key}`;
    generators.push({
      name,
      ...(namespaced && s.metadata?.namespace ? { namespace: s.metadata.namespace } : {}),
      type: s.type ?? 'Opaque',
      ...(lines.length > 0 ? { envs: [env] } : {}),
      ...(apart.length > 0 ? { files: apart.map(([k]) => `${k}=${own(k)}`) } : {}),
      options: { labels: { ...(s.metadata?.labels ?? {}) } },
    });
    // a copy in another namespace reads the files of the first
    if (files.has(`k8s/${env}.example`)) continue;
    // a database's or broker's user and password, which connection URLs hold as they are
    const inUrls =
      s.metadata?.labels?.['app.kubernetes.io/component'] !== 'service' && 'password' in (s.stringData ?? {});
    const about = `# The values of the Secret ${name}, read by kustomize (kustomization.yaml: secretGenerator).`;
    if (lines.length > 0)
      files.set(`k8s/${env}`, {
        path: `k8s/${env}`,
        content: [
          about,
          '# Development defaults: change them before the system holds anything of value. This file stays',
          '# out of version control (.gitignore); KEY=value, one a line, the value as it is (no quotes).',
          ...(inUrls ? [URL_NOTE] : []),
          ...lines.map(([k, v]) => `${k}=${v}`),
          '',
        ].join('\n'),
      });
    for (const [k, v] of apart) files.set(`k8s/${own(k)}`, { path: `k8s/${own(k)}`, content: v });
    files.set(`k8s/${env}.example`, {
      path: `k8s/${env}.example`,
      content: [
        about,
        `# Copy it to ${name}.env (kept out of git) and fill in the values: KEY=value, the value as it is.`,
        ...(inUrls ? [URL_NOTE] : []),
        ...lines.map(([k]) => `${k}=`),
        ...apart.map(([k]) => `# ${k}: a value with line breaks, in the file ${name}.${k}`),
        '',
      ].join('\n'),
    });
  }
  return { generators, files: [...files.values()] };
}
