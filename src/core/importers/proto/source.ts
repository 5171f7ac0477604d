import { LineIndex } from '../contracts/text';

/** Blanks comments (keeping line breaks and offsets), so searches never land in one. */
function blankComments(text: string): string {
  const out = text.split('');
  let i = 0;
  while (i < text.length) {
    const c = text[i];
    if (c === '"' || c === "'") {
      for (i++; i < text.length && text[i] !== c && text[i] !== '\n'; i++) if (text[i] === '\\') i++;
      i++;
    } else if (c === '/' && text[i + 1] === '/') {
      for (; i < text.length && text[i] !== '\n'; i++) out[i] = ' ';
    } else if (c === '/' && text[i + 1] === '*') {
      const end = text.indexOf('*/', i + 2);
      const stop = end < 0 ? text.length : end + 2;
      for (; i < stop; i++) if (out[i] !== '\n') out[i] = ' ';
    } else i++;
  }
  return out.join('');
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * One `.proto` file's text, for pointing at places in it. protobufjs reports a line for syntax
 * errors but keeps no positions on what it parsed, so the importer finds a declaration again by
 * its keyword and name (or a field by name and number) after its parent's declaration: a pointer
 * for the person reading a warning, never an input to the mapping.
 */
export class ProtoSource {
  private readonly code: string;
  private readonly lines: LineIndex;
  constructor(
    readonly path: string,
    readonly text: string,
  ) {
    this.code = blankComments(text);
    this.lines = new LineIndex(text);
  }

  /** `path:line:column` of an offset, or just the path when the place is unknown (-1). */
  where(offset: number): string {
    if (offset < 0) return this.path;
    const p = this.lines.position(offset);
    return `${this.path}:${p.line}:${p.column}`;
  }

  /** The offset of the first match of `pattern` at or after `from`, or -1. */
  find(pattern: string, from = 0): number {
    const re = new RegExp(pattern, 'g');
    re.lastIndex = Math.max(0, from);
    const m = re.exec(this.code);
    return m ? m.index : -1;
  }

  /** A declaration `keyword Name` (message, enum, service, rpc, oneof, extend, group). */
  decl(keyword: string, name: string, from = 0): number {
    return this.find(`\\b${keyword}\\s+${escape(name)}\\b`, from);
  }

  /** A field or enum value: `name = number`. */
  numbered(name: string, num: number, from = 0): number {
    return this.find(`\\b${escape(name)}\\s*=\\s*${num < 0 ? '-\\s*' : ''}${Math.abs(num)}\\b`, from);
  }

  /** An option's name (`go_package`, `(validate.rules)`) after `from`. */
  option(name: string, from = 0): number {
    const head = name.startsWith('(') ? name.slice(0, name.indexOf(')') + 1) : (name.split('.')[0] ?? name);
    const word = /^\w/.test(head) ? `\\b${escape(head)}\\b` : escape(head);
    return this.find(`${word}\\s*(=|\\.|\\))`, from);
  }

  /** An `import "path";` statement. */
  importOf(path: string): number {
    return this.find(`\\bimport\\s+(weak\\s+|public\\s+)?["']${escape(path)}["']`);
  }

  /** Whether the file imports `path` with `import public`. */
  isPublicImport(path: string): boolean {
    return this.find(`\\bimport\\s+public\\s+["']${escape(path)}["']`) >= 0;
  }

  /** The `syntax = "…";` or `edition = "…";` statement, and what it says. */
  syntax(): { offset: number; value: string } {
    const re = /\b(syntax|edition)\s*=\s*["']([^"']*)["']/g;
    const m = re.exec(this.code);
    if (!m) return { offset: -1, value: 'proto2' };
    return { offset: m.index, value: m[1] === 'edition' ? `edition ${m[2] ?? ''}` : (m[2] ?? '') };
  }

  /** The column of `token` on a 1-based line, when it is there. */
  columnOf(line: number, token: string): number | undefined {
    const text = this.text.split('\n')[line - 1];
    if (text === undefined || token === '') return undefined;
    const i = text.indexOf(token);
    return i < 0 ? undefined : i + 1;
  }
}
