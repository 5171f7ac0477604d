import { isObj, parseDoc, type ParsedDoc } from '../documents/parse';

/** The files of an import sorted by what they are. */
export interface SortedFiles {
  proto: Record<string, string>;
  openapi: ParsedDoc[];
  asyncapi: ParsedDoc[];
  /** Every YAML or JSON file by path (entries and the sibling files they reference). */
  docs: Map<string, ParsedDoc>;
  texts: Map<string, string>;
}

export type SortResult = { ok: true; files: SortedFiles } | { ok: false; error: string };

const PROTO_WORDS = /^\s*(syntax|edition|package|import|message|service|enum|option)\b/m;

/** `a\b\./c.yaml` → `a/b/c.yaml`: one spelling of a path for imports and `$ref`s to match. */
export function normalPath(path: string): string {
  return path
    .replace(/\\/g, '/')
    .split('/')
    .filter((s) => s !== '' && s !== '.')
    .join('/');
}

/**
 * Sorts files by content and name: `.proto` files (or text that reads like one), OpenAPI and
 * Swagger documents (a top-level `openapi` or `swagger` key), AsyncAPI documents (`asyncapi`),
 * and other YAML or JSON files, which only `$ref`s read. A YAML or JSON file that does not parse
 * fails the import with its line and column.
 */
export function sortFiles(given: Readonly<Record<string, string>>): SortResult {
  const out: SortedFiles = { proto: {}, openapi: [], asyncapi: [], docs: new Map(), texts: new Map() };
  for (const raw of Object.keys(given).sort()) {
    const path = normalPath(raw);
    const text = given[raw] ?? '';
    const ext = /\.([A-Za-z0-9]+)$/.exec(path)?.[1]?.toLowerCase();
    if (
      ext === 'proto' ||
      (!['yaml', 'yml', 'json'].includes(ext ?? '') && PROTO_WORDS.test(text) && !/^\s*[{[]/.test(text))
    ) {
      out.proto[path] = text;
      continue;
    }
    const r = parseDoc(path, text);
    if (!r.ok) return { ok: false, error: r.error };
    out.docs.set(path, r.doc);
    out.texts.set(path, text);
    const v = r.doc.value;
    if (isObj(v) && (v.openapi !== undefined || v.swagger !== undefined)) out.openapi.push(r.doc);
    else if (isObj(v) && v.asyncapi !== undefined) out.asyncapi.push(r.doc);
  }
  return { ok: true, files: out };
}
