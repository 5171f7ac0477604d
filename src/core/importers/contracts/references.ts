import { parse } from 'protobufjs';
import { isObj, parseDoc } from '../documents/parse';
import { normalPath } from './sniff';

/** protobufjs's parser, asked only for a file's imports. */
function protoImports(text: string): string[] {
  try {
    const r = parse(text, { keepCase: true });
    return [...(r.imports ?? []), ...(r.weakImports ?? [])];
  } catch {
    return []; // the import itself reports the syntax error, with its place
  }
}

/** The files a YAML or JSON document's `$ref`s name, as written (relative to its folder). */
function docRefs(path: string, text: string): string[] {
  const r = parseDoc(path, text);
  if (!r.ok) return [];
  const out = new Set<string>();
  const walk = (v: unknown, depth: number) => {
    if (depth > 200) return;
    if (Array.isArray(v)) for (const x of v) walk(x, depth + 1);
    else if (isObj(v))
      for (const [k, x] of Object.entries(v)) {
        if (k === '$ref' && typeof x === 'string') {
          const file = x.split('#')[0] ?? '';
          if (file && !/^[a-z][a-z0-9+.-]*:/i.test(file)) out.add(decodeURI(file));
        } else walk(x, depth + 1);
      }
  };
  walk(r.doc.value, 0);
  return [...out];
}

/**
 * The other files a contract file needs: a `.proto` file's imports (import paths, from the proto
 * root; well-known files left out) and a YAML or JSON document's `$ref`s to other files (as
 * written, from the document's folder). Lets a caller that reads files (the command line, a drop
 * of several files) find and add them before importing.
 */
export function referencedFiles(path: string, text: string): { imports: string[]; refs: string[] } {
  const p = normalPath(path);
  if (/\.proto$/i.test(p))
    return { imports: protoImports(text).filter((i) => !i.startsWith('google/protobuf/')), refs: [] };
  if (/\.(ya?ml|json)$/i.test(p)) return { imports: [], refs: docRefs(p, text) };
  return { imports: [], refs: [] };
}
