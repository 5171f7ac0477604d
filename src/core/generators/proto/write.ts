import {
  designContracts,
  type GrpcContract,
  type ResolvedDesignType,
  type ResolvedEnum,
  type ResolvedField,
  type ResolvedMessage,
  type ResolvedType,
} from '../../model/contracts';
import { ENUM_MAX, MAX_FIELD_NUMBER } from '../../model/fieldNumbers';
import { packageSegment } from '../../model/naming';
import type { Design, Reserved } from '../../model/types';
import type { ProtoFileLayout } from './layout';
import { LEGACY_IN_SERVICE_PING, PING_MESSAGES } from './ping';
import { symbolTable, writtenName, type Symbols } from './scope';

/** Writes one `.proto` file of the layout, in protobuf's own style. */

/** `// text` lines for a description (one per line of it), indented. */
function comment(text: string | undefined, indent: string): string[] {
  if (!text) return [];
  return text
    .replace(/[\u0000-\u0008\u000b-\u001f\u007f]/g, ' ')
    .split('\n')
    .map((l) => `${indent}// ${l.trimEnd()}`.trimEnd());
}

function reservedLines(r: Reserved | undefined, max: number, indent: string): string[] {
  if (!r) return [];
  const out: string[] = [];
  if (r.ranges.length > 0)
    out.push(
      `${indent}reserved ${r.ranges.map(([a, b]) => (a === b ? `${a}` : `${a} to ${b === max ? 'max' : b}`)).join(', ')};`,
    );
  if (r.names.length > 0) out.push(`${indent}reserved ${r.names.map((n) => JSON.stringify(n)).join(', ')};`);
  return out;
}

/** Whether a message is the request or answer of an RPC, for the comment version 2 wrote. */
function roleComment(design: Design, m: ResolvedMessage): string | undefined {
  if (m.description) return m.description;
  return roles(design).get(m);
}

const roleTables = new WeakMap<Design, Map<ResolvedMessage, string>>();

/**
 * The role comment of every message that is the request or answer of an RPC named after it: the
 * first RPC found going over the nodes in design order (request before answer), made once per
 * design rather than once per message.
 */
function roles(design: Design): Map<ResolvedMessage, string> {
  let known = roleTables.get(design);
  if (known) return known;
  known = new Map();
  const c = designContracts(design);
  for (const n of design.nodes)
    for (const r of c.rpcs(n.id)) {
      const req = r.request.kind === 'message' ? r.request.type : undefined;
      if (req && !known.has(req) && req.names.proto === `${r.name}Request`)
        known.set(req, `${req.names.proto} is the request of ${r.name}.`);
      const res = r.response.kind === 'message' ? r.response.type : undefined;
      if (res && !known.has(res) && res.names.proto === `${r.name}Response`)
        known.set(res, `${res.names.proto} is the answer of ${r.name}.`);
    }
  roleTables.set(design, known);
  return known;
}

export function writeProtoFile(design: Design, f: ProtoFileLayout): string {
  const symbols = symbolTable(design);
  const pkgParts = f.package.split('.');
  const declared = new Set(f.types.map((t) => t.names.proto));
  const pingHere = (s: GrpcContract) =>
    LEGACY_IN_SERVICE_PING &&
    s.source.file === undefined &&
    !s.rpcs.some((r) => r.name === 'Ping') &&
    !declared.has('PingRequest') &&
    !declared.has('PingResponse');
  const withPing = f.services.some(pingHere);

  const lines: string[] = ['syntax = "proto3";', '', `package ${f.package};`, ''];
  if (f.imports.length > 0) lines.push(...f.imports.map((i) => `import "${i}";`), '');

  for (const s of f.services) {
    const scope = [...pkgParts, s.name];
    const refs = (t: ResolvedType) => writtenName(symbols, scope, t);
    // version 2's rule, kept so a migrated design writes the same file: when an RPC shadows a
    // type's name, every type in the service is written fully qualified
    const ping = pingHere(s);
    const all = [
      ...(ping ? PING_MESSAGES.map((m) => ({ relative: m, full: `${f.package}.${m}` })) : []),
      ...s.rpcs.flatMap((r) => [refs(r.request), refs(r.response)]),
    ];
    const rpcNames = new Set([...(ping ? ['Ping'] : []), ...s.rpcs.map((r) => r.name)]);
    const qualifyAll =
      all.some((n) => n.relative.startsWith('.')) ||
      [...declared, ...(ping ? PING_MESSAGES : [])].some((m) => rpcNames.has(m));
    const name = (n: { relative: string; full: string }) => (qualifyAll ? `.${n.full}` : n.relative);
    lines.push(...comment(s.source.description ?? `${s.name} is served by ${packageSegment(s.node.name)}.`, ''));
    lines.push(`service ${s.name} {`);
    if (ping) {
      const [req = '', res = ''] = PING_MESSAGES.map((m) => name({ relative: m, full: `${f.package}.${m}` }));
      lines.push(
        '  // Ping fans out over every outgoing link and returns the tree of who answered, as JSON.',
        `  rpc Ping(${req}) returns (${res});`,
      );
    }
    for (const r of s.rpcs) {
      lines.push(
        ...comment(r.description ?? `${r.name} answers with sample data until its handler is implemented.`, '  '),
      );
      const sig = `rpc ${r.name}(${r.clientStreaming ? 'stream ' : ''}${name(refs(r.request))}) returns (${r.serverStreaming ? 'stream ' : ''}${name(refs(r.response))})`;
      lines.push(r.deprecated ? `  ${sig} {\n    option deprecated = true;\n  }` : `  ${sig};`);
    }
    lines.push('}', '');
  }
  if (withPing)
    lines.push(
      '// PingRequest carries the services the call has passed through, to stop loops.',
      'message PingRequest {\n  repeated string path = 1;\n}',
      '',
      '// PingResponse carries the answer tree as JSON text.',
      'message PingResponse {\n  string tree_json = 1;\n}',
      '',
    );
  for (const t of f.types) lines.push(...writeType(design, symbols, t, pkgParts, ''), '');
  return `${lines.join('\n').replace(/\n+$/, '')}\n`;
}

function writeType(design: Design, symbols: Symbols, t: ResolvedDesignType, outer: string[], indent: string): string[] {
  return t.kind === 'message' ? writeMessage(design, symbols, t, outer, indent) : writeEnum(t, indent);
}

function fieldLine(symbols: Symbols, scope: string[], f: ResolvedField, indent: string): string[] {
  const type = writtenName(symbols, scope, f.type).relative;
  const label = f.cardinality === 'repeated' ? 'repeated ' : f.cardinality === 'optional' ? 'optional ' : '';
  const head = f.cardinality === 'map' ? `map<${f.mapKey ?? 'string'}, ${type}>` : `${label}${type}`;
  const options = [
    ...(f.source.jsonName !== undefined ? [`json_name = ${JSON.stringify(f.source.jsonName)}`] : []),
    ...(f.deprecated ? ['deprecated = true'] : []),
  ];
  return [
    ...comment(f.description, indent),
    `${indent}${head} ${f.name} = ${f.number}${options.length ? ` [${options.join(', ')}]` : ''};`,
  ];
}

function writeMessage(design: Design, symbols: Symbols, m: ResolvedMessage, outer: string[], indent: string): string[] {
  const scope = [...outer, m.names.proto];
  const inner = `${indent}  `;
  const nested = designContracts(design).universe.nested(m.id);
  const body: string[] = [...reservedLines(m.reserved, MAX_FIELD_NUMBER, inner)];
  const done = new Set<string>();
  for (const f of m.fields) {
    if (f.oneof === undefined) {
      body.push(...fieldLine(symbols, scope, f, inner));
      continue;
    }
    if (done.has(f.oneof)) continue;
    done.add(f.oneof);
    const members = m.fields.filter((x) => x.oneof === f.oneof);
    body.push(
      `${inner}oneof ${f.oneof} {`,
      ...members.flatMap((x) => fieldLine(symbols, scope, x, `${inner}  `)),
      `${inner}}`,
    );
  }
  for (const n of nested) body.push(...writeType(design, symbols, n, scope, inner));
  const head = [...comment(indent === '' ? roleComment(design, m) : m.description, indent)];
  if (body.length === 0) return [...head, `${indent}message ${m.names.proto} {}`];
  return [...head, `${indent}message ${m.names.proto} {`, ...body, `${indent}}`];
}

function writeEnum(e: ResolvedEnum, indent: string): string[] {
  const inner = `${indent}  `;
  return [
    ...comment(e.description, indent),
    `${indent}enum ${e.names.proto} {`,
    ...(e.source.allowAlias ? [`${inner}option allow_alias = true;`] : []),
    ...reservedLines(e.reserved, ENUM_MAX, inner),
    ...e.values.flatMap((v) => [...comment(v.description, inner), `${inner}${v.name} = ${v.number};`]),
    `${indent}}`,
  ];
}
