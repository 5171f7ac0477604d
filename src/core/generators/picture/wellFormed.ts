/**
 * A strict reader for the XML this folder writes (a declaration, elements, attributes in double
 * quotes, text and entity references; no comments, CDATA or DOCTYPE): it throws on anything that
 * is not well-formed, and returns the element tree. The tests read every picture through it.
 */

export interface XmlElement {
  name: string;
  attrs: Record<string, string>;
  children: (XmlElement | string)[];
}

const NAME = /^[A-Za-z_][\w.:-]*/;
const ENTITY = /^&(?:amp|lt|gt|quot|apos|#[0-9]+|#x[0-9a-fA-F]+);/;
const INVALID_CHAR =
  /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;
const NAMED: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

function decode(raw: string, where: string): string {
  let out = '';
  for (let i = 0; i < raw.length;) {
    const ch = raw[i] ?? '';
    if (ch === '<') throw new Error(`"<" in ${where}`);
    if (ch !== '&') {
      out += ch;
      i++;
      continue;
    }
    const m = ENTITY.exec(raw.slice(i));
    if (!m) throw new Error(`a bare "&" in ${where}: ${raw.slice(i, i + 12)}`);
    const body = m[0].slice(1, -1);
    out += body.startsWith('#x')
      ? String.fromCodePoint(parseInt(body.slice(2), 16))
      : body.startsWith('#')
        ? String.fromCodePoint(parseInt(body.slice(1), 10))
        : (NAMED[body] ?? '');
    i += m[0].length;
  }
  return out;
}

/** Parses `xml` strictly; throws with the reason when it is not well-formed. */
export function parseXml(xml: string): XmlElement {
  const bad = INVALID_CHAR.exec(xml);
  if (bad) throw new Error(`a character XML does not allow at ${bad.index}`);
  let i = 0;
  const decl = /^<\?xml version="1\.0"(?: encoding="UTF-8")?\?>/.exec(xml);
  if (decl) i = decl[0].length;
  const stack: XmlElement[] = [];
  let root: XmlElement | null = null;
  while (i < xml.length) {
    const lt = xml.indexOf('<', i);
    const text = xml.slice(i, lt < 0 ? xml.length : lt);
    if (text.length > 0) {
      if (text.includes(']]>')) throw new Error('"]]>" in text');
      const top = stack[stack.length - 1];
      if (!top) {
        if (text.trim() !== '') throw new Error(`text outside the root element: ${text.slice(0, 20)}`);
      } else top.children.push(decode(text, 'text'));
    }
    if (lt < 0) break;
    i = lt + 1;
    if (xml[i] === '/') {
      const m = /^\/([A-Za-z_][\w.:-]*)\s*>/.exec(xml.slice(i));
      const open = stack.pop();
      if (!m || !open || open.name !== m[1]) throw new Error(`a closing tag that does not match at ${lt}`);
      i += m[0].length;
      continue;
    }
    const name = NAME.exec(xml.slice(i))?.[0];
    if (!name) throw new Error(`not an element at ${lt}: ${xml.slice(lt, lt + 12)}`);
    if (root && stack.length === 0) throw new Error('a second root element');
    i += name.length;
    const el: XmlElement = { name, attrs: {}, children: [] };
    for (;;) {
      const end = /^\s*(\/?)>/.exec(xml.slice(i));
      if (end) {
        i += end[0].length;
        stack[stack.length - 1]?.children.push(el);
        if (!root) root = el;
        if (end[1] !== '/') stack.push(el);
        break;
      }
      const a = /^\s+([A-Za-z_][\w.:-]*)="([^"]*)"/.exec(xml.slice(i));
      if (!a || a[1] === undefined || a[2] === undefined) throw new Error(`a malformed attribute in <${name}> at ${i}`);
      if (a[1] in el.attrs) throw new Error(`attribute ${a[1]} twice in <${name}>`);
      el.attrs[a[1]] = decode(a[2], `attribute ${a[1]}`);
      i += a[0].length;
    }
  }
  if (stack.length > 0) throw new Error(`<${stack[stack.length - 1]?.name}> is not closed`);
  if (!root) throw new Error('no root element');
  return root;
}

/** Every element in document order, the root first. */
export function allElements(el: XmlElement): XmlElement[] {
  return [el, ...el.children.flatMap((c) => (typeof c === 'string' ? [] : allElements(c)))];
}

/** The text inside an element. */
export function textOf(el: XmlElement): string {
  return el.children.map((c) => (typeof c === 'string' ? c : textOf(c))).join('');
}
