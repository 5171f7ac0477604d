/**
 * The files of an export that hold credential values, which the project's `.gitignore` keeps out
 * of git: `.env` (docker compose), `k8s/secrets/` (the values of kustomize's secretGenerator) and
 * `helm/values.secret.yaml` (the chart's credentials). Each has a committed example beside it.
 */

/** The Helm values file with the credentials, given to helm with `-f`. */
export const HELM_SECRET_VALUES = 'helm/values.secret.yaml';

/** The folder of the Secrets' values under `k8s/`. */
export const K8S_SECRETS_DIR = 'secrets';

/** The project's `.gitignore`. */
export function gitignore(): string {
  return [
    '# Local settings and credentials: each has a committed example (.env.example,',
    '# k8s/secrets/*.env.example, helm/values.secret.yaml.example)',
    '.env',
    `k8s/${K8S_SECRETS_DIR}/*`,
    `!k8s/${K8S_SECRETS_DIR}/*.env.example`,
    HELM_SECRET_VALUES,
    '',
  ].join('\n');
}

/**
 * Whether a generated file holds credential values and is kept out of git by the `.gitignore`
 * above: `k8s/secrets/` apart from the examples, and `helm/values.secret.yaml`. (`.env` too, but
 * an update reads its values from it rather than writing it again.)
 */
export function holdsCredentials(path: string): boolean {
  if (path === HELM_SECRET_VALUES) return true;
  const dir = `k8s/${K8S_SECRETS_DIR}/`;
  return path.startsWith(dir) && !path.slice(dir.length).includes('/') && !path.endsWith('.env.example');
}
