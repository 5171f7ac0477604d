import { Root, common, parse as protobufParse } from 'protobufjs';
import { ProtoSource } from './source';

/** One `.proto` file as the importer knows it. */
export interface ProtoFile {
  /** The path imports name it by (`shop/v1/common.proto`): its provenance in the design. */
  path: string;
  source: ProtoSource;
  /** `proto3`, `proto2` or `edition 2023`. */
  syntax: string;
  /** The file's own options (`go_package`, …), as protobufjs read them. */
  options: Record<string, unknown>;
  imports: string[];
  weakImports: string[];
  /** Imports named with `import public`. */
  publicImports: string[];
}

export interface ParsedProtos {
  root: Root;
  /** The files given, by path, in path order. */
  files: Map<string, ProtoFile>;
  /** Imports that were neither given nor a well-known file, by the file that names them. */
  missing: { file: string; path: string }[];
}

export type ParseResult = { ok: true; parsed: ParsedProtos } | { ok: false; error: string };

/** The well-known files protobufjs carries (google/protobuf/timestamp.proto, …). */
const WELL_KNOWN_FILES: ReadonlySet<string> = new Set(
  Object.keys(common as unknown as Record<string, unknown>).filter((k) => k.endsWith('.proto')),
);

/**
 * protobufjs's parser; it stamps `filename` on what it parses (and names it in errors), a property
 * its typings leave out.
 */
const parse = protobufParse as typeof protobufParse & { filename: string | null };

const PARSE_OPTIONS = { keepCase: true, alternateCommentMode: true } as const;

/** `illegal token 'x' (shop.proto, line 3)` → `shop.proto:3:7: illegal token 'x'`. */
function syntaxError(e: unknown, src: ProtoSource): string {
  const msg = e instanceof Error ? e.message : String(e);
  const m = /^(.*?)\s*\((?:[^,()]*,\s*)?line (\d+)\)$/.exec(msg);
  if (!m) return `${src.path}: ${msg}`;
  const line = Number(m[2]);
  const token = /'([^']*)'/.exec(m[1] ?? '')?.[1] ?? '';
  const col = src.columnOf(line, token);
  return `${src.path}:${line}${col === undefined ? '' : `:${col}`}: ${m[1] ?? msg}`;
}

/** The key a given file is known by, for an import path: exact, else the one key ending in it. */
function matchImport(path: string, keys: readonly string[]): string | undefined {
  if (keys.includes(path)) return path;
  const hits = keys.filter((k) => k.endsWith(`/${path}`));
  return hits.length === 1 ? hits[0] : undefined;
}

function readFile(path: string, text: string): { ok: true; file: ProtoFile } | { ok: false; error: string } {
  const source = new ProtoSource(path, text);
  const own = new Root();
  let result: ReturnType<typeof parse>;
  try {
    parse.filename = path;
    result = parse(text, own, PARSE_OPTIONS);
  } catch (e) {
    return { ok: false, error: syntaxError(e, source) };
  } finally {
    parse.filename = null;
  }
  // protobufjs keeps a file's options on its package (or on the root when it has none)
  const holder = result.package ? own.lookup(result.package) : own;
  const publicImports = (result.imports ?? []).filter((p) => source.isPublicImport(p));
  return {
    ok: true,
    file: {
      path,
      source,
      syntax: source.syntax().value,
      options: { ...(holder?.options ?? {}) },
      imports: result.imports ?? [],
      weakImports: result.weakImports ?? [],
      publicImports,
    },
  };
}

/**
 * Parses the given files with protobufjs into one root, adding the well-known files they import.
 * Imports between the given files are matched by path (or by the one given path ending in the
 * import path, which then becomes the file's path). A syntax error fails the whole import with
 * the file, line and column.
 */
export function parseProtos(given: Readonly<Record<string, string>>): ParseResult {
  let keys = Object.keys(given)
    .filter((k) => !WELL_KNOWN_FILES.has(k) && !k.startsWith('google/protobuf/'))
    .sort();
  if (keys.length === 0) return { ok: false, error: 'No .proto file to import.' };
  const files = new Map<string, ProtoFile>();
  for (const key of keys) {
    const r = readFile(key, given[key] ?? '');
    if (!r.ok) return { ok: false, error: r.error };
    files.set(key, r.file);
  }
  // an import that names a given file by a shorter path renames that file to the import path
  const rename = new Map<string, string>();
  for (const f of files.values())
    for (const imp of [...f.imports, ...f.weakImports]) {
      const hit = matchImport(imp, keys);
      if (hit && hit !== imp && !rename.has(hit)) rename.set(hit, imp);
    }
  if (rename.size > 0) {
    for (const [from, to] of rename) {
      const f = files.get(from);
      if (!f || files.has(to)) continue;
      files.delete(from);
      const source = new ProtoSource(to, f.source.text);
      files.set(to, { ...f, path: to, source });
    }
    keys = [...files.keys()].sort();
  }

  const root = new Root();
  const wellKnown = new Set<string>();
  const missing: ParsedProtos['missing'] = [];
  for (const key of keys) {
    const f = files.get(key);
    if (!f) continue;
    try {
      parse.filename = key;
      parse(f.source.text, root, PARSE_OPTIONS);
    } catch (e) {
      return { ok: false, error: syntaxError(e, f.source) };
    } finally {
      parse.filename = null;
    }
    for (const imp of [...f.imports, ...f.weakImports]) {
      if (WELL_KNOWN_FILES.has(imp)) wellKnown.add(imp);
      else if (!files.has(imp)) missing.push({ file: key, path: imp });
    }
  }
  for (const wk of [...wellKnown].sort()) {
    const json = common.get(wk) as { nested?: Record<string, unknown> } | null;
    if (json?.nested) root.addJSON(json.nested as Parameters<Root['addJSON']>[0]);
  }
  return { ok: true, parsed: { root, files: new Map(keys.map((k) => [k, files.get(k) as ProtoFile])), missing } };
}
