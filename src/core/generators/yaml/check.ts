import { RAW_UNSAFE, numberText, plainSafe } from './rule';
import { literalBlock } from './scalar';

/**
 * Checks YAML text against the rule every generated file keeps (see `rule.ts`), line by line and
 * in linear time, so that `--check` and the export's problems can afford it on thousands of files.
 * It reads the block style our writer and our hand-written files use (maps, sequences, explicit
 * keys, plain, quoted and literal scalars, empty flow collections, comments, `---`), and reports:
 * a plain scalar that some reader takes for something else, a number or boolean written in a form
 * readers disagree on, a character that must be escaped, a bad escape, a folded or otherwise
 * unfaithful block scalar, an implicit key longer than 1024 characters, anchors, aliases, tags,
 * flow collections and scalars continued over lines (forms we never write, whose reading differs
 * between readers or which this check does not follow). At most `max` problems, the first found.
 */
export function yamlTextProblems(text: string, max = 20): string[] {
  const problems: string[] = [];
  const lines = text.split('\n');
  // a literal block: its lines are those indented at least as far as its first line, which must be
  // indented more than the line of its header
  const open: { block: LiteralBlock | null } = { block: null };
  const endBlock = (to: number) => {
    const block = open.block;
    open.block = null;
    if (!block) return;
    const body = lines.slice(block.from, to);
    while (body.length > 0 && body[body.length - 1] === '') body.pop();
    const value = body.map((l) => l.slice(block.content ?? 0)).join('\n');
    if (value !== '' && literalBlock(`${value}\n`, ' ') === null && literalBlock(value, ' ') === null)
      problems.push(`line ${block.from}: a literal block whose lines not every reader keeps exactly`);
  };
  for (let i = 0; i < lines.length && problems.length < max; i++) {
    const line = lines[i]!;
    const raw = RAW_UNSAFE.exec(line);
    if (raw) problems.push(`line ${i + 1}: the character U+${hex(raw[0])} must be escaped`);
    const block = open.block;
    if (block) {
      if (line === '') continue;
      const indent = indentOf(line);
      block.content ??= indent >= block.indent ? indent : null;
      if (block.content !== null && indent >= block.content) continue;
      endBlock(i);
    }
    const why = lineProblem(line, (indent) => (open.block = { indent, from: i + 1, content: null }));
    if (why) problems.push(`line ${i + 1}: ${why}`);
  }
  endBlock(lines.length);
  return problems.slice(0, max);
}

interface LiteralBlock {
  /** More than the header line's indentation. */
  indent: number;
  /** The index of its first line. */
  from: number;
  /** The indentation of its first non-empty line, once seen. */
  content: number | null;
}

const indentOf = (line: string) => /^ */.exec(line)![0].length;
const restIsComment = (line: string, p: number) => p === line.length || /^ +#/.test(line.slice(p));
const hex = (c: string) => (c.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0');
const show = (s: string) => JSON.stringify(s.length > 60 ? `${s.slice(0, 60)}…` : s);

/** What is wrong with one line outside a block scalar; `startBlock` hears a literal block's indent. */
function lineProblem(line: string, startBlock: (indent: number) => void): string | null {
  const indent = indentOf(line);
  let p = indent;
  if (p === line.length || line[p] === '#') return null;
  if (indent === 0 && /^(?:---|\.\.\.)(?: |$)/.test(line))
    return line.length > 3 ? 'content after a document marker' : null;
  if (line[p] === '\t') return 'a tab in the indentation';
  // the items of nested sequences start on one line: `- - x`
  while (line.startsWith('- ', p) || line === `${line.slice(0, p)}-`) p += 2;
  if (p >= line.length) return null;
  const asKey = line.startsWith('? ', p);
  if (asKey) p += 2;
  else if (line.startsWith(': ', p) || line.slice(p) === ':') p = p + 2;
  if (p >= line.length) return null;
  const first = scalarAt(line, p, !asKey);
  if (typeof first === 'string') return first;
  p = first.end;
  if (first.block) {
    startBlock(indent + 1);
    return null;
  }
  if (restIsComment(line, p)) {
    if (first.plain && !asKey && indent > 0 && !/^ *(?:- |\? |: )/.test(line))
      return `${show(first.text)} looks like a scalar continued from the line above`;
    return first.problem;
  }
  // a map entry: the key just read, then `:` and a value
  if (line[p] !== ':' || (p + 1 < line.length && line[p + 1] !== ' '))
    return `unexpected text after ${show(first.text)}`;
  if (first.problem) return first.problem;
  if (!first.quoted && !plainSafe(first.text)) return `the key ${show(first.text)} is not read as a string everywhere`;
  if (p - indent > 1024) return 'an implicit key longer than 1024 characters';
  p += 1;
  if (p === line.length) return null;
  const value = scalarAt(line, p + 1, true);
  if (typeof value === 'string') return value;
  if (value.block) {
    startBlock(indent + 1);
    return null;
  }
  if (!restIsComment(line, value.end)) return `unexpected text after ${show(value.text)}`;
  return value.problem;
}

interface Scalar {
  text: string;
  end: number;
  plain: boolean;
  quoted: boolean;
  block: boolean;
  problem: string | null;
}

const DOUBLE = /"((?:[^"\\]|\\.)*)"/y;
const ESCAPE = /\\(?:[0abtnvfre "/\\N_LP\t]|x[0-9A-Fa-f]{2}|u[0-9A-Fa-f]{4}|U[0-9A-Fa-f]{8})|\\/g;
const SINGLE = /'((?:[^']|'')*)'/y;
const BLOCK_HEADER = /([|>])([1-9]?[-+]?|[-+]?[1-9]?)(?: +#.*)?$/y;
const CANONICAL = /^(?:-?(?:0|[1-9][0-9]*)(?:\.[0-9]+(?:e[-+][0-9]+)?)?|true|false|null)$/;

/** The scalar (or empty flow collection, or block header) starting at `p`, or what is wrong there. */
function scalarAt(line: string, p: number, isValue: boolean): Scalar | string {
  const c = line[p];
  const base = { plain: false, quoted: true, block: false, problem: null };
  if (c === '"') {
    DOUBLE.lastIndex = p;
    const m = DOUBLE.exec(line);
    if (!m) return 'a double-quoted scalar that does not end on its line';
    const bad = [...(m[1] ?? '').matchAll(ESCAPE)].find((e) => e[0] === '\\');
    return { ...base, text: m[0], end: DOUBLE.lastIndex, problem: bad ? `a bad escape in ${show(m[0])}` : null };
  }
  if (c === "'") {
    SINGLE.lastIndex = p;
    const m = SINGLE.exec(line);
    if (!m) return 'a single-quoted scalar that does not end on its line';
    return { ...base, text: m[0], end: SINGLE.lastIndex };
  }
  if (c === '|' || c === '>') {
    BLOCK_HEADER.lastIndex = p;
    if (!isValue || !BLOCK_HEADER.exec(line)) return `an unexpected ${c}`;
    if (c === '>') return 'a folded block scalar, whose line folding readers disagree on';
    return { ...base, text: c, end: line.length, block: true };
  }
  if (line.startsWith('[]', p) || line.startsWith('{}', p)) return { ...base, text: line.slice(p, p + 2), end: p + 2 };
  if (c === '&' || c === '*' || c === '!')
    return `${c === '*' ? 'an alias' : c === '&' ? 'an anchor' : 'a tag'}, which we never write`;
  if (c === '[' || c === '{') return 'a flow collection, which we never write';
  // a plain scalar ends at `: `, a trailing `:` or a comment
  let end = line.length;
  const colon = line.indexOf(': ', p);
  if (colon >= 0) end = colon;
  else if (line.endsWith(':')) end = line.length - 1;
  const comment = line.indexOf(' #', p);
  if (comment >= 0 && comment < end) end = comment;
  const text = line.slice(p, end).replace(/ +$/, '');
  const problem =
    plainSafe(text) || (isValue && CANONICAL.test(text) && numberTextOk(text))
      ? null
      : `${show(text)} is written plain but not every reader reads it as the same ${isValue && CANONICAL.test(text) ? 'number' : 'string'}`;
  return { text, end: p + text.length, plain: true, quoted: false, block: false, problem };
}

/** Whether a canonical-looking number is written the way the writer writes that number. */
const numberTextOk = (text: string) => !/^-?[0-9]/.test(text) || numberText(Number(text)) === text;
