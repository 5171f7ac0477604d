/**
 * Escaping for user text that ends up in generated Markdown (README files). A name like
 * `"; rm -rf /` or `<script>` must show as itself, never as markup, a link or a broken table.
 */

/** Plain Markdown text: ASCII punctuation that Markdown or HTML could read as markup is escaped. */
export function mdText(s: string): string {
  return oneLine(s)
    .replace(/[\\`*_[\]<>|~&]/g, (c) => `\\${c}`)
    .replace(/^[#+=-]/, '\\$&')
    .replace(/^(\d+)([.)])/, '$1\\$2');
}

/** An inline code span that shows `s` literally, safe inside a table cell. */
export function mdCode(s: string): string {
  const t = oneLine(s).replace(/\|/g, '\\|');
  if (t === '') return '` `';
  const longest = Math.max(0, ...[...t.matchAll(/`+/g)].map((m) => m[0].length));
  const fence = '`'.repeat(longest + 1);
  const pad = t.startsWith('`') || t.endsWith('`') || t.startsWith(' ') ? ' ' : '';
  return `${fence}${pad}${t}${pad}${fence}`;
}

/** Line breaks and other control characters shown as visible escapes, so one value stays one line. */
function oneLine(s: string): string {
  return s.replace(/[\u0000-\u001f\u007f]/g, (c) =>
    c === '\n' ? '\\n' : c === '\t' ? ' ' : `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
}

/**
 * A fenced code block that shows `text` literally, whatever it holds: the fence is longer than
 * any run of backticks in the text, so no line of it can close the block early.
 */
export function mdCodeBlock(lang: string, text: string): string {
  const longest = Math.max(0, ...[...text.matchAll(/`+/g)].map((m) => m[0].length));
  const fence = '`'.repeat(Math.max(3, longest + 1));
  return `${fence}${lang}\n${text}\n${fence}`;
}

/** A Markdown table from a header row and body rows of already-escaped cells. */
export function mdTable(header: readonly string[], rows: readonly (readonly string[])[]): string {
  const line = (cells: readonly string[]) => `| ${cells.join(' | ')} |`;
  return [line(header), line(header.map(() => '---')), ...rows.map(line)].join('\n');
}
