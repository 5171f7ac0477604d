import { LineCounter, isAlias, isMap, isPair, isScalar, isSeq, parseAllDocuments, type Document } from 'yaml';
import type { Budget } from './budget';

/**
 * Reading one YAML document of untrusted text into plain data, in time linear in the text and
 * within an import's budget: the size in bytes, the number of aliases, and the values the
 * document expands to through anchors, aliases and merge keys are measured before anything is
 * expanded. Duplicate keys are found with a set per mapping (the `yaml` package's own check
 * compares every pair of keys). Every refusal says what is wrong and where, in words.
 */

export type YamlRead = { ok: true; root: unknown } | { ok: false; error: string };

/** Reads the one document of `text`; `kind` names the file in messages ("compose file"). */
export function readYamlDocument(text: string, budget: Budget, kind: string): YamlRead {
  const bytes = utf8Length(text);
  if (bytes > budget.limits.bytes)
    return {
      ok: false,
      error: budget.exceeded('bytes', `The file is ${Math.ceil(bytes / 1024).toLocaleString('en-US')} KiB`).message,
    };
  const lines = new LineCounter();
  const at = (offset: number | undefined) => `line ${lines.linePos(offset ?? 0).line}`;
  const parse = () => {
    const parsed = parseAllDocuments(text, { merge: true, uniqueKeys: false, prettyErrors: false, lineCounter: lines });
    return Array.isArray(parsed) ? parsed : [];
  };
  let docs: Document.Parsed[];
  try {
    docs = parse();
  } catch (e) {
    return { ok: false, error: `The file could not be read as YAML (${oneLine(e)}).` };
  }
  const bad = docs.find((d) => d.errors.length > 0)?.errors[0];
  if (bad) return { ok: false, error: `The file is not valid YAML: ${oneLine(bad.message)} (${at(bad.pos[0])}).` };
  const full = docs.filter((d) => d.contents !== null && !(isScalar(d.contents) && d.contents.value === null));
  if (full.length > 1)
    return {
      ok: false,
      error: `The file holds ${full.length} YAML documents (separated by "---" lines), but a ${kind} is one document. Keep the one you mean, or split the file.`,
    };
  const doc = full[0];
  if (!doc) return { ok: true, root: null };
  const why = measure(doc, budget, at);
  if (why) return { ok: false, error: why };
  try {
    return { ok: true, root: doc.toJS({ maxAliasCount: budget.limits.expandedValues }) };
  } catch (e) {
    if (e instanceof RangeError) return { ok: false, error: 'The file nests its values too deeply to be read.' };
    return { ok: false, error: `The file could not be read as YAML (${oneLine(e)}).` };
  }
}

/**
 * Reads every document of a multi-document file (`---` separated, as Kubernetes manifests are),
 * with the same budget and messages as `readYamlDocument`; empty documents are skipped.
 */
export function readYamlDocuments(
  text: string,
  budget: Budget,
): { ok: true; roots: unknown[] } | { ok: false; error: string } {
  const bytes = utf8Length(text);
  if (bytes > budget.limits.bytes)
    return {
      ok: false,
      error: budget.exceeded('bytes', `The file is ${Math.ceil(bytes / 1024).toLocaleString('en-US')} KiB`).message,
    };
  const lines = new LineCounter();
  const at = (offset: number | undefined) => `line ${lines.linePos(offset ?? 0).line}`;
  let docs: Document.Parsed[];
  try {
    const parsed = parseAllDocuments(text, { merge: true, uniqueKeys: false, prettyErrors: false, lineCounter: lines });
    docs = Array.isArray(parsed) ? parsed : [];
  } catch (e) {
    return { ok: false, error: `The file could not be read as YAML (${oneLine(e)}).` };
  }
  const bad = docs.find((d) => d.errors.length > 0)?.errors[0];
  if (bad) return { ok: false, error: `The file is not valid YAML: ${oneLine(bad.message)} (${at(bad.pos[0])}).` };
  const roots: unknown[] = [];
  for (const doc of docs) {
    if (doc.contents === null || (isScalar(doc.contents) && doc.contents.value === null)) continue;
    const why = measure(doc, budget, at);
    if (why) return { ok: false, error: why };
    try {
      roots.push(doc.toJS({ maxAliasCount: budget.limits.expandedValues }));
    } catch (e) {
      if (e instanceof RangeError) return { ok: false, error: 'The file nests its values too deeply to be read.' };
      return { ok: false, error: `The file could not be read as YAML (${oneLine(e)}).` };
    }
  }
  return { ok: true, roots };
}

function utf8Length(s: string): number {
  let n = s.length;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 0x80) n += c >= 0x800 && !(c >= 0xd800 && c <= 0xdfff) ? 2 : 1;
  }
  return n;
}

const oneLine = (e: unknown) => {
  const s = (e instanceof Error ? e.message : String(e)).split('\n')[0] ?? '';
  return s.length > 200 ? `${s.slice(0, 200)}…` : s;
};

type AnyNode = unknown;

/** A collection or pair being measured: its children, the next one to visit, and its size so far. */
interface Frame {
  node: AnyNode;
  children: readonly unknown[];
  next: number;
  total: number;
}

/**
 * One pass over the document, children before parents and in document order, so that every
 * anchor is measured before an alias names it: counts aliases, finds duplicate keys and merge
 * keys that name no mapping, and adds up the values the document expands to (an alias counts as
 * everything its anchor holds). Only anchored nodes keep their size, so the pass allocates little
 * beyond a frame per open collection. Returns why the document is refused, or null.
 */
function measure(doc: Document.Parsed, budget: Budget, at: (offset: number | undefined) => string): string | null {
  const anchors = new Map<string, AnyNode>();
  const anchored = new Map<string, number>();
  const limit = budget.limits.expandedValues;
  let aliases = 0;
  const tooLarge = () =>
    budget.exceeded(
      'expandedValues',
      `The file expands to more than ${limit.toLocaleString('en-US')} values through its anchors, aliases and merge keys`,
    ).message;
  const childrenOf = (n: unknown) => (isPair(n) ? [n.key, n.value] : isMap(n) || isSeq(n) ? n.items : null);
  const remember = (node: unknown, size: number) => {
    const anchor = (node as { anchor?: string } | null)?.anchor;
    if (!anchor) return;
    anchors.set(anchor, node);
    anchored.set(anchor, size);
  };
  const rootChildren = childrenOf(doc.contents);
  if (!rootChildren) return null;
  const stack: Frame[] = [{ node: doc.contents, children: rootChildren, next: 0, total: 1 }];
  while (stack.length > 0) {
    const frame = stack[stack.length - 1]!;
    if (frame.next < frame.children.length) {
      const child = frame.children[frame.next++];
      if (isAlias(child)) {
        if (++aliases > budget.limits.aliases)
          return budget.exceeded(
            'aliases',
            `The file uses more than ${budget.limits.aliases.toLocaleString('en-US')} YAML aliases`,
          ).message;
        const size = anchored.get(child.source);
        if (size === undefined)
          return `The alias *${child.source} (${at(child.range?.[0])}) names no anchor before it.`;
        frame.total += size;
      } else {
        const children = childrenOf(child);
        if (children) stack.push({ node: child, children, next: 0, total: 1 });
        else {
          frame.total += 1;
          remember(child, 1);
        }
      }
      if (frame.total > limit) return tooLarge();
      continue;
    }
    stack.pop();
    if (isMap(frame.node)) {
      const why = mapProblem(frame.node.items, anchors, at);
      if (why) return why;
    }
    remember(frame.node, frame.total);
    const parent = stack[stack.length - 1];
    if (parent) {
      parent.total += frame.total;
      if (parent.total > limit) return tooLarge();
    }
  }
  return null;
}

/** A key that appears twice, or a merge key (`<<`) whose value is not a mapping or an alias of one. */
function mapProblem(
  pairs: readonly unknown[],
  anchors: ReadonlyMap<string, AnyNode>,
  at: (offset: number | undefined) => string,
): string | null {
  const keys = new Map<string, number | undefined>();
  const isMapping = (v: unknown) => isMap(v) || (isAlias(v) && isMap(anchors.get(v.source)));
  for (const pair of pairs) {
    if (!isPair(pair) || !isScalar(pair.key)) continue;
    const key = pair.key;
    const offset = key.range?.[0];
    // with merging on, the package reads a plain `<<` key as a symbol
    if (key.source === '<<' && key.type === 'PLAIN') {
      const v = pair.value;
      if (!isMapping(v) && !(isSeq(v) && v.items.length > 0 && v.items.every(isMapping))) {
        const shown = isScalar(v) ? JSON.stringify(String(v.source ?? v.value)).slice(0, 40) : 'something else';
        return `A merge key (<<) must be followed by a mapping or an alias of one (*name), not ${shown} (${at(offset)}).`;
      }
      continue;
    }
    const id = `${typeof key.value}:${String(key.value)}`;
    if (keys.has(id))
      return `The key ${JSON.stringify(String(key.value)).slice(0, 60)} appears twice in one mapping (${at(keys.get(id))} and ${at(offset)}); YAML readers refuse that.`;
    keys.set(id, offset);
  }
  return null;
}
