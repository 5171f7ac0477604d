import { describe, expect, it } from 'vitest';
import { fixtures } from '../../conformance/fixtures/make';
import { generateProject } from '../../src/core/generators/project';
import { grpcJavaMethod } from '../../src/core/generators/stubs/java/typed';
import { tonicClientMethod } from '../../src/core/generators/stubs/rust/names';

/**
 * The keywords fixture names types, fields, enum values, RPCs, parameters and topics like the
 * target languages' keywords: each runtime escapes its identifiers and keeps the wire names (JSON
 * keys, proto names) as written. conformance runs it; this catches a regression without a build.
 */
const design = fixtures().keywords!;
const files = new Map(generateProject(design).map((f) => [f.path, f.content]));
const file = (path: string): string => {
  const c = files.get(path);
  if (c === undefined)
    throw new Error(
      `no ${path} among ${[...files.keys()].filter((p) => p.includes(path.split('/')[1] ?? '')).join(', ')}`,
    );
  return c;
};
const under = (prefix: string, suffix: string): string =>
  [...files.entries()]
    .filter(([p]) => p.startsWith(prefix) && p.endsWith(suffix))
    .map(([, c]) => c)
    .join('\n');

describe('names spelled like keywords', () => {
  it('keeps the proto names as written', () => {
    const proto = under('proto/keywords/', '.proto');
    for (const line of [
      'string class = 1;',
      'int32 def = 4;',
      'repeated string import = 5;',
      'string String = 15;',
      'None = 0;',
    ])
      expect(proto).toContain(line);
    expect(proto).toContain('rpc New(');
    expect(proto).toContain('rpc default(');
    expect(proto).toContain('rpc Return(');
    expect(proto).toContain('repeated Option return = 3;');
  });

  it('names the methods grpc-java generates: a Java keyword gets an underscore', () => {
    expect(grpcJavaMethod('New')).toBe('new_');
    expect(grpcJavaMethod('default')).toBe('default_');
    expect(grpcJavaMethod('Return')).toBe('return_');
    expect(grpcJavaMethod('get_order')).toBe('getOrder');
    expect(grpcJavaMethod('GetOrder')).toBe('getOrder');
    const java = under('services/kw-java/', '.java');
    expect(java).toContain('public void new_(');
    expect(java).toContain('.default_(callRequest)');
    expect(java).not.toMatch(/public void (new|default|return)\(/);
    expect(java).toContain('@JsonProperty("class") String classValue');
  });

  it('renames a Rust client method that tonic already has, only in the client', () => {
    expect(tonicClientMethod('new')).toBe('new_rpc');
    expect(tonicClientMethod('connect')).toBe('connect_rpc');
    expect(tonicClientMethod('r#return')).toBe('r#return');
    const build = file('services/kw-rust/build.rs');
    expect(build).toContain('rename_client_method');
    expect(build).toContain('let renamed = ["new"]');
    const rust = under('services/kw-rust/src/', '.rs');
    expect(rust).toContain('client.new_rpc(request)');
    expect(rust).not.toContain('client.new(request)');
    expect(rust).toContain('#[serde(rename = "class")]');
    // a design without such an RPC keeps build.rs as it was
    const plain = generateProject(fixtures()['rust-axum']!).find((f) => f.path === 'services/axum-front/build.rs');
    expect(plain?.content).not.toContain('rename_client_method');
  });

  it('escapes fields in Go, Python, TypeScript and keeps their JSON keys', () => {
    const go = under('services/kw-go/', '.go');
    expect(go).toMatch(/ClassValue\s+string\s+`json:"class,omitempty"`/);
    expect(go).toMatch(/StringValue\s+string\s+`json:"String,omitempty"`/);
    for (const py of ['kw-fastapi', 'kw-flask-b', 'kw-django']) {
      const models = file(`services/${py}/app/models.py`);
      expect(models).not.toMatch(/^\s+(class|import|def|yield|None): /m);
      expect(models).toMatch(/class_value: .*"class"/);
    }
    const ts = file('services/kw-node/src/models.ts');
    expect(ts).toContain('"class"?: string;');
    expect(ts).toContain('export interface ObjectType {');
  });
});
