import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { RuntimeId } from '../../src/core/catalog/catalog';
import type { GeneratedFile } from '../../src/core/generators/types';
import { rustAxumStub } from '../../src/core/generators/stubs/rust/index';
import { prostSnake, tonicModule } from '../../src/core/generators/stubs/rust/names';
import { sampleDesign, stubContexts } from './go-rust-designs';

function hasTool(name: string): boolean {
  try {
    execFileSync(name, ['--version'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

function generate(edge: RuntimeId, odd: boolean): Map<string, GeneratedFile[]> {
  const out = new Map<string, GeneratedFile[]>();
  for (const ctx of stubContexts(sampleDesign(edge, 'rust-axum', odd)))
    if (ctx.wiring.runtime === 'rust-axum') out.set(ctx.wiring.node.name, rustAxumStub(ctx));
  return out;
}

const file = (files: GeneratedFile[] | undefined, path: string) => files?.find((f) => f.path === path)?.content ?? '';
const dirs: string[] = [];
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

describe('rustAxumStub', () => {
  it('names methods, fields and modules the way prost and tonic do', () => {
    expect(prostSnake('PingCall')).toBe('ping_call');
    expect(prostSnake('type_')).toBe('r#type');
    expect(prostSnake('self_')).toBe('self_');
    expect(tonicModule('OrdersService')).toBe('orders_service');
  });

  it('pins every crate and includes only what the service uses', () => {
    const edge = generate('rust-axum', false).get('edge');
    const cargo = file(edge, 'Cargo.toml');
    const deps = cargo.split('[dependencies]')[1]?.split('[profile')[0] ?? '';
    const lines = deps.split('\n').filter((l) => /^[a-z]/.test(l));
    expect(lines.length).toBeGreaterThan(8);
    for (const l of lines) expect(l).toMatch(/"=\d+\.\d+\.\d+"/);
    for (const c of ['rdkafka', 'lapin', 'redis', 'async-nats', 'tokio-postgres', 'mongodb', 'tonic', 'reqwest'])
      expect(cargo).toContain(`\n${c} = `);
    const middle = generate('go-nethttp', false).get('middle');
    expect(file(middle, 'Cargo.toml')).not.toContain('tokio-postgres');
  });

  it('compiles the copied protos in build.rs and serves the declared RPCs', () => {
    const middle = generate('go-nethttp', false).get('middle');
    expect(middle?.map((f) => f.path)).toContain('proto/shop/middle/v1/middle.proto');
    expect(file(middle, 'build.rs')).toContain('protoc_bin_vendored::protoc_bin_path()');
    expect(file(middle, 'src/proto.rs')).toContain('tonic::include_proto!("shop.middle.v1")');
    expect(file(middle, 'src/plumbing/grpc.rs')).toContain('async fn quote(&self, request: Request<pb::QuoteRequest>)');
    expect(file(middle, 'src/handlers.rs')).toContain('pub async fn quote(request: pb::QuoteRequest)');
    expect(file(middle, 'src/plumbing/links.rs')).toContain('.route("/items/{id}", get(route_get_items_by_id))');
    const docker = file(middle, 'Dockerfile');
    expect(docker.split('\n')[0]).toBe('# syntax=docker/dockerfile:1');
    expect(docker.match(/^FROM /gm)?.length).toBe(2);
    expect(docker).toMatch(/--mount=type=cache/);
    expect(docker).toMatch(/^USER appuser$/m);
    expect(docker).toMatch(/curl/);
    expect(docker).toMatch(/^CMD \["\/bin\/service"\]$/m);
  });

  it('keeps the kind and target of a call that times out', () => {
    const edge = generate('rust-axum', false).get('edge');
    const links = file(edge, 'src/plumbing/links.rs');
    expect(links).not.toContain('"timeout"');
    expect(links).toContain('Err(_) => call.fail(format!("timed out after {}s", CALL_TIMEOUT.as_secs())),');
    expect(links).toContain('link(Call::to("rest", "middle"), |call| async move {');
    expect(links).toContain('link(Call::to("grpc", "middle"), |call| async move {');
    expect(links).toContain(
      'link(Call::to("database", "postgres"), |call| databases::check_postgres(call, "POSTGRES_URL")),',
    );
    // a queue call knows its message id before it is sent, so a timed-out publish still names it
    expect(links).toMatch(
      /let \(id, body\) = envelope\("kafka-events", path, payload\);\n\s+let call = Call::queue\("kafka", "kafka", "kafka-events"\)\.with_id\(id\);/,
    );
  });

  it('uses the tonic router, a lapin-safe AMQP URL and identifiers free of keyword suffixes', () => {
    const edge = generate('rust-axum', true).get('"; rm -rf / Édge');
    expect(file(edge, 'Cargo.toml')).toContain('features = ["router", "transport", "codegen"]');
    expect(file(edge, 'src/plumbing/rabbitmq.rs')).toContain('Connection::connect(&amqp_url(env_var)?');
    expect(file(edge, 'src/clients.rs')).toContain('pub fn type_grpc()');
    expect(file(edge, 'src/clients.rs')).not.toContain('type__grpc');
  });

  it('is deterministic', () => {
    expect(generate('rust-axum', true)).toEqual(generate('rust-axum', true));
  });

  it.skipIf(!hasTool('rustfmt'))('emits rustfmt-clean Rust for plain and hostile designs', () => {
    const root = mkdtempSync(join(tmpdir(), 'rust-stub-'));
    dirs.push(root);
    let checked = 0;
    for (const [edge, odd] of [
      ['go-nethttp', false],
      ['rust-axum', true],
    ] as const) {
      for (const [name, files] of generate(edge, odd)) {
        const dir = join(root, `${edge}-${odd}`, name.replace(/[^a-z]/gi, '_'));
        for (const f of files) {
          mkdirSync(dirname(join(dir, f.path)), { recursive: true });
          writeFileSync(join(dir, f.path), f.content);
        }
        // rustfmt follows `mod` declarations from main.rs into every module
        execFileSync(
          'rustfmt',
          [
            '--check',
            '--edition',
            '2021',
            'src/main.rs',
            ...(files.some((f) => f.path === 'build.rs') ? ['build.rs'] : []),
          ],
          {
            cwd: dir,
            encoding: 'utf8',
          },
        );
        checked++;
      }
    }
    expect(checked).toBe(3);
  });
});
