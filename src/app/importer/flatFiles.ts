import { referencedFiles } from '../../core/importers/contracts';
import { normalisePath } from '../../core/importers/documents/parse';

const dirOf = (p: string) => (p.includes('/') ? p.slice(0, p.lastIndexOf('/') + 1) : '');
const baseOf = (p: string) => p.slice(p.lastIndexOf('/') + 1);

/**
 * Files picked or dropped in a browser come by name only, without their folders. A document whose
 * `$ref` names `./schemas/common.yaml` then finds `common.yaml` at the path it names, when exactly
 * one given file has that name and no file has that path already; files reached that way are
 * looked at in turn. (`.proto` imports are matched by the importer itself, by path suffix.)
 */
export function placeReferencedFiles(files: Readonly<Record<string, string>>): Record<string, string> {
  const out: Record<string, string> = { ...files };
  const queue = Object.keys(out).filter((k) => /\.(ya?ml|json)$/i.test(k));
  const seen = new Set<string>();
  for (let guard = 0; queue.length > 0 && guard < 2000; guard++) {
    const path = queue.shift() ?? '';
    if (seen.has(path)) continue;
    seen.add(path);
    for (const ref of referencedFiles(path, out[path] ?? '').refs) {
      const target = normalisePath(`${dirOf(path)}${ref}`);
      if (target === null || target in out) continue;
      const named = Object.keys(out).filter((k) => !k.includes('/') && k !== path && baseOf(k) === baseOf(target));
      const only = named.length === 1 ? named[0] : undefined;
      if (only === undefined) continue;
      out[target] = out[only] ?? '';
      delete out[only];
      queue.push(target);
    }
  }
  return out;
}
