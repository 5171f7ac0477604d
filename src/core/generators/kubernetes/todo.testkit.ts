/**
 * What a user does to a service's placeholder once the service exists (k8s/<dns>.yaml, see
 * todo.ts): the manifests below its instructions, with the "# " removed from every line.
 */
export function enablePlaceholder(content: string): string {
  const lines = content.split('\n');
  const start = lines.findIndex((l) => l.startsWith('# apiVersion:'));
  if (start < 0) throw new Error('no commented manifests in the placeholder');
  return lines
    .slice(start)
    .map((l) => (l === '#' ? '' : l.startsWith('# ') ? l.slice(2) : l))
    .join('\n');
}
