/**
 * Container image references (`[registry[:port]/]path[:tag][@digest]`), as Docker's reference
 * grammar allows them. An image lands verbatim in compose.yaml, the Kubernetes manifests and
 * the README, so anything else (spaces, quotes, newlines, `$`, a shell command) is refused.
 */

const DOMAIN = String.raw`(?:[a-zA-Z0-9](?:[a-zA-Z0-9-]*[a-zA-Z0-9])?(?:\.[a-zA-Z0-9](?:[a-zA-Z0-9-]*[a-zA-Z0-9])?)*(?::[0-9]{1,5})?/)`;
const COMPONENT = String.raw`[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*`;
const TAG = String.raw`(?::[A-Za-z0-9_][A-Za-z0-9_.-]{0,127})`;
const DIGEST = String.raw`(?:@sha256:[a-f0-9]{64})`;
const IMAGE = new RegExp(`^${DOMAIN}?${COMPONENT}(?:/${COMPONENT})*${TAG}?${DIGEST}?$`);

/** The longest image reference kept. */
export const MAX_IMAGE_LENGTH = 255;

/** Why `image` is not a usable image reference, or null when it is. */
export function imageProblem(image: string): string | null {
  if (image.trim() === '') return 'An image needs a name, like nginx:1.27-alpine.';
  if (image.length > MAX_IMAGE_LENGTH) return `An image reference is at most ${MAX_IMAGE_LENGTH} characters.`;
  if (!IMAGE.test(image))
    return `${JSON.stringify(image.slice(0, 60))} is not an image reference: use [registry/]name[:tag], lower-case, like ghcr.io/acme/orders:1.4.`;
  return null;
}

/** The repository part of an image (no registry host, tag or digest), e.g. `bitnami/kafka`. */
export function imageRepository(image: string): string {
  let s = image.split('@')[0] ?? '';
  const slash = s.lastIndexOf('/');
  const colon = s.lastIndexOf(':');
  if (colon > slash) s = s.slice(0, colon);
  const parts = s.split('/');
  // a first part with a dot or a port, or `localhost`, is a registry host
  if (parts.length > 1 && /[.:]|^localhost$/.test(parts[0] ?? '')) parts.shift();
  return parts.join('/').toLowerCase();
}
