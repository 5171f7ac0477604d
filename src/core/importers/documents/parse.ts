import { LineCounter, isNode, parseDocument, type Document } from 'yaml';

/** A plain JSON object. */
export type Obj = Record<string, unknown>;
export const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);

/** The largest contract document read (the biggest public API descriptions are a few MiB). */
export const MAX_DOCUMENT_BYTES = 16 * 1024 * 1024;
/** The most YAML aliases expanded: plenty for any hand-written file, too few for an alias bomb. */
const MAX_ALIASES = 10_000;

/** A YAML or JSON document with the positions of its nodes, so a pointer can name a line. */
export interface ParsedDoc {
  path: string;
  value: unknown;
  /** `line:column` (1-based) of the node at a JSON pointer's segments, when it is there. */
  position(segments: readonly string[]): string | undefined;
}

export type ParseDocResult = { ok: true; doc: ParsedDoc } | { ok: false; error: string };

const oneLine = (s: string) => (s.split('\n')[0] ?? s).slice(0, 300);

/** Parses YAML (JSON is YAML too) keeping positions; errors name the file, line and column. */
export function parseDoc(path: string, text: string): ParseDocResult {
  if (text.length > MAX_DOCUMENT_BYTES)
    return { ok: false, error: `${path}: larger than ${MAX_DOCUMENT_BYTES / 1024 / 1024} MiB; not read.` };
  const lines = new LineCounter();
  let doc: Document;
  let value: unknown;
  try {
    doc = parseDocument(text, { lineCounter: lines, prettyErrors: false, uniqueKeys: true });
    const first = doc.errors[0];
    if (first) {
      const at = lines.linePos(first.pos[0]);
      return { ok: false, error: `${path}:${at.line}:${at.col}: ${oneLine(first.message)}` };
    }
    value = doc.toJS({ maxAliasCount: MAX_ALIASES });
  } catch (e) {
    return { ok: false, error: `${path}: ${oneLine(e instanceof Error ? e.message : String(e))}` };
  }
  // the deepest node on the pointer's way that the text has (a default value has no place)
  const position = (segments: readonly string[]) => {
    for (let i = segments.length; i >= 0; i--) {
      const node = i === 0 ? doc.contents : doc.getIn(segments.slice(0, i), true);
      if (isNode(node) && node.range) {
        const p = lines.linePos(node.range[0]);
        return `${p.line}:${p.col}`;
      }
    }
    return undefined;
  };
  return { ok: true, doc: { path, value, position } };
}

/** A `$ref` fragment may be percent-encoded; a pointer written without encoding (`%` in a path) stays as it is. */
function decoded(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}

/** A JSON pointer's segments (`#/paths/~1pets/get` → `paths`, `/pets`, `get`). */
export function pointerSegments(pointer: string): string[] {
  const p = pointer.replace(/^#/, '');
  if (p === '' || p === '/') return [];
  return p
    .slice(1)
    .split('/')
    .map((s) => decoded(s).replace(/~1/g, '/').replace(/~0/g, '~'));
}

/** The JSON pointer of segments (`#/paths/~1pets/get`). */
export function pointerOf(segments: readonly (string | number)[]): string {
  return `#/${segments.map((s) => String(s).replace(/~/g, '~0').replace(/\//g, '~1')).join('/')}`;
}

/** The value at a pointer's segments, or undefined. */
export function at(root: unknown, segments: readonly string[]): unknown {
  let v = root;
  for (const s of segments) {
    if (Array.isArray(v)) v = v[Number(s)];
    else if (isObj(v) && Object.hasOwn(v, s)) v = v[s];
    else return undefined;
  }
  return v;
}

/** A posix path joined and normalised (`api/../schemas/a.yaml` → `schemas/a.yaml`). */
export function joinPath(dir: string, rel: string): string {
  const parts = rel.startsWith('/') ? [] : dir.split('/').filter(Boolean);
  for (const s of rel.split('/')) {
    if (s === '' || s === '.') continue;
    if (s === '..') parts.pop();
    else parts.push(s);
  }
  return parts.join('/');
}

/**
 * A relative path made plain (`a/./b/../c.yaml` → `a/c.yaml`, backslashes read as slashes), or
 * null when it climbs above its root: for files of a folder, which must not name what is outside.
 */
export function normalisePath(path: string): string | null {
  const out: string[] = [];
  for (const seg of path.replace(/\\/g, '/').split('/')) {
    if (seg === '' || seg === '.') continue;
    if (seg === '..') {
      if (out.length === 0) return null;
      out.pop();
    } else out.push(seg);
  }
  return out.join('/');
}

export const dirOf = (path: string) => (path.includes('/') ? path.slice(0, path.lastIndexOf('/')) : '');
