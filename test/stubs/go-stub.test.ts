import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { GeneratedFile } from '../../src/core/generators/types';
import { goStub } from '../../src/core/generators/stubs/go/index';
import { sampleDesign, stubContexts } from './go-rust-designs';
import { goCamelCase, goModulePath } from '../../src/core/generators/stubs/go/names';
import { dnsLabel } from '../../src/core/model/naming';

function hasTool(name: string): boolean {
  try {
    execFileSync(name, ['--help'], { stdio: 'ignore' });
    return true;
  } catch (e) {
    return (e as { code?: string }).code !== 'ENOENT';
  }
}

function generate(odd: boolean): Map<string, GeneratedFile[]> {
  const out = new Map<string, GeneratedFile[]>();
  for (const ctx of stubContexts(sampleDesign('go-nethttp', 'go-nethttp', odd)))
    out.set(ctx.wiring.node.name, goStub(ctx));
  return out;
}

const file = (files: GeneratedFile[] | undefined, path: string) => files?.find((f) => f.path === path)?.content ?? '';
const dirs: string[] = [];
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

describe('goStub', () => {
  it('names fields, messages and methods the way protoc-gen-go does', () => {
    expect(goCamelCase('tree_json')).toBe('TreeJson');
    expect(goCamelCase('field_2')).toBe('Field_2');
    expect(goCamelCase('value_2_fast')).toBe('Value_2Fast');
    expect(goCamelCase('Call2xRequest')).toBe('Call2XRequest');
  });

  it('writes a module with plumbing, user handlers, copied protos and a docker init style Dockerfile', () => {
    const services = generate(false);
    const edge = services.get('edge');
    const middle = services.get('middle');
    const mod = file(edge, 'go.mod');
    expect(mod).toMatch(/^module edge\.local\/service\n\ngo 1\.\d+\.\d+\n/);
    for (const m of [
      'google.golang.org/grpc v',
      'github.com/twmb/franz-go v',
      'github.com/jackc/pgx/v5 v',
      'go.mongodb.org/mongo-driver/v2 v',
    ])
      expect(mod).toContain(m);
    // middle uses no database but redis and serves gRPC
    expect(file(middle, 'go.mod')).not.toContain('pgx');
    expect(edge?.map((f) => f.path)).toContain('proto/shop/middle/v1/middle.proto');
    expect(file(edge, 'protoc.args')).toContain(
      '--go_opt=Mshop/middle/v1/middle.proto=edge.local/service/gen/shop/middle/v1;middlev1',
    );
    expect(file(middle, 'internal/plumbing/grpc.go')).toContain('middlev1.RegisterMiddleServiceServer(s, service0{})');
    expect(file(middle, 'internal/plumbing/grpc.go')).toContain('pingv1.RegisterPingServiceServer(s, pingServer{})');
    expect(file(middle, 'handlers/handlers.go')).toMatch(
      /func Quote\(ctx context.Context, req \*middlev1.QuoteRequest\) \(\*middlev1.QuoteResponse, error\)/,
    );
    expect(file(middle, 'internal/plumbing/links.go')).toContain('handle(mux, "GET /items/{p0}"');
    expect(file(middle, 'internal/plumbing/links.go')).toContain('handle(mux, "GET /{$}"');
    const docker = file(edge, 'Dockerfile');
    expect(docker.split('\n')[0]).toBe('# syntax=docker/dockerfile:1');
    expect(docker.match(/^FROM /gm)?.length).toBeGreaterThanOrEqual(2);
    expect(docker).toMatch(/--mount=type=cache/);
    expect(docker).toMatch(/^USER appuser$/m);
    expect(docker).toMatch(/^CMD \["\/bin\/service"\]$/m);
    expect(docker).not.toMatch(/:latest|FROM [a-z]+ /);
    expect(file(edge, 'README.md')).toContain('handlers/handlers.go');
  });

  it('produces uncompressed Kafka batches, which every client library can read', () => {
    const kafka = file(generate(false).get('edge'), 'internal/plumbing/kafka.go');
    const producer = kafka.slice(kafka.indexOf('kafkaProducers.get('), kafka.indexOf('ProduceSync('));
    expect(producer).toContain('kgo.ProducerBatchCompression(kgo.NoCompression())');
    expect(kafka).not.toMatch(/SnappyCompression|Lz4Compression|GzipCompression|ZstdCompression/);
  });

  it('gives every service a valid module path, clear of the standard library', () => {
    const names = [
      'go',
      'fmt',
      'net',
      'std',
      'cmd',
      'internal',
      'vendor',
      'main',
      'test',
      'http',
      'con',
      'NUL',
      'com1',
    ];
    names.push('lpt9', 'Aux', '_', '..', '"; rm -rf /', 'Édge', '9lives', 'a'.repeat(100));
    for (const name of names) {
      const module = goModulePath(dnsLabel(name));
      const [first, ...rest] = module.split('/');
      // the first element has a dot, so Go never takes it for a standard library path
      expect(first, name).toMatch(/^[a-z0-9][a-z0-9-]*\.local$/);
      expect(rest, name).toEqual(['service']);
      // Go refuses Windows device names before the first dot of any element
      expect(first?.split('.')[0], name).not.toMatch(/^(con|prn|aux|nul|com\d|lpt\d)$/);
    }
    const services = generate(false);
    for (const [name, files] of services) {
      const module = goModulePath(dnsLabel(name));
      expect(file(files, 'go.mod')).toContain(`module ${module}\n`);
      for (const f of files.filter((g) => g.path.endsWith('.go'))) {
        // every import of the service's own packages goes through the module path
        const own = [...f.content.matchAll(/"([^"]+\/(?:api|clients|handlers|internal\/plumbing|gen\/[^"]+))"/g)];
        for (const m of own) expect(m[1]?.startsWith(`${module}/`), `${f.path}: ${m[1]}`).toBe(true);
      }
    }
  });

  it('is deterministic and keeps hostile names out of identifiers', () => {
    expect(generate(true)).toEqual(generate(true));
    const all = [...generate(true).values()].flat();
    const go = all.filter((f) => f.path.endsWith('.go'));
    expect(go.length).toBeGreaterThan(10);
    for (const f of go) expect(f.content).not.toMatch(/rm -rf|\.\.\/|"; /);
  });

  it.skipIf(!hasTool('gofmt'))('emits gofmt-clean Go for plain and hostile designs', () => {
    const root = mkdtempSync(join(tmpdir(), 'go-stub-'));
    dirs.push(root);
    for (const odd of [false, true]) {
      for (const [name, files] of generate(odd)) {
        for (const f of files) {
          const p = join(root, String(odd), name.replace(/[^a-z]/gi, '_'), f.path);
          mkdirSync(dirname(p), { recursive: true });
          writeFileSync(p, f.content);
        }
      }
    }
    const unformatted = execFileSync('gofmt', ['-l', root], { encoding: 'utf8' });
    expect(unformatted).toBe('');
    // gofmt -e also reports syntax errors
    execFileSync('gofmt', ['-e', '-l', root], { encoding: 'utf8' });
  });
});
