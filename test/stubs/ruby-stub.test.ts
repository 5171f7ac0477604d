import { execFileSync } from 'node:child_process';
import { mkdtempSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { recipe } from '../../conformance/runtimes/ruby-sinatra';
import { checkDesign } from '../../src/core/checks';
import { rubySinatraStub } from '../../src/core/generators/stubs/ruby';
import { planStub } from '../../src/core/generators/stubs/python/plan';
import { rubyUsable } from '../../src/core/generators/stubs/ruby/plan';
import { RUBY_GEMS, directGems, gemClosure } from '../../src/core/generators/stubs/ruby/manifest';
import type { GeneratedFile } from '../../src/core/generators/types';
import { dockerfileProblems } from '../fixtures/dockerfile-rules';
import { Builder, fullDesign, hostileDesign, stubContexts } from './designs';
import { fixtures } from '../../conformance/fixtures/make';
import { asUnconverted } from './unconverted';
import { designContracts, sampleOfType } from '../../src/core/model/contracts';

const work = mkdtempSync(join(tmpdir(), 'ruby-stub-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** Ruby's own syntax check (`ruby -c`) of every .rb file: errors by file, empty when all parse. */
function rubySyntaxErrors(files: GeneratedFile[]): string[] {
  const dir = mkdtempSync(join(work, 'svc-'));
  const rbs = files.filter((f) => f.path.endsWith('.rb') || f.path === 'Gemfile');
  for (const f of rbs) {
    mkdirSync(dirname(join(dir, f.path)), { recursive: true });
    writeFileSync(join(dir, f.path), f.content);
  }
  return rbs.flatMap((f) => {
    try {
      execFileSync('ruby', ['-wc', f.path], { cwd: dir, stdio: 'pipe' });
      return [];
    } catch (e) {
      return [`${f.path}: ${String((e as { stderr?: Buffer }).stderr ?? e)}`];
    }
  });
}

function filesOf(files: GeneratedFile[]): Map<string, string> {
  return new Map(files.map((f) => [f.path, f.content]));
}

function rubyContexts(design: ReturnType<typeof fullDesign>) {
  return stubContexts(design).filter((c) => c.wiring.runtime === 'ruby-sinatra');
}

describe('Ruby · Sinatra stub', () => {
  const designs = {
    full: fullDesign('ruby-sinatra'),
    mixed: fullDesign('ruby-sinatra', 'python-fastapi'),
    hostile: hostileDesign('ruby-sinatra'),
  };

  it.each(Object.entries(designs))('%s design: every Ruby file passes ruby -wc', (_name, design) => {
    const ctxs = rubyContexts(design);
    expect(ctxs.length).toBeGreaterThan(0);
    for (const ctx of ctxs) {
      const files = rubySinatraStub(ctx);
      expect(files.map((f) => f.path)).toEqual(
        expect.arrayContaining(['app.rb', 'handlers.rb', 'lib/plumbing/server.rb', 'Gemfile', 'Gemfile.lock']),
      );
      expect(rubySyntaxErrors(files)).toEqual([]);
    }
  });

  it('keeps the Dockerfile rules and pins every gem, the whole tree in Gemfile.lock', () => {
    for (const ctx of rubyContexts(designs.full)) {
      const files = filesOf(rubySinatraStub(ctx));
      const docker = files.get('Dockerfile') ?? '';
      expect(dockerfileProblems(docker)).toEqual([]);
      expect(docker).toMatch(/^FROM ruby:\$\{RUBY_TAG\} AS final$/m);
      expect(docker).toContain('ARG RUBY_TAG=3.1-slim-bookworm');
      expect(docker).toContain('USER appuser');
      expect(docker).toContain('ENV BUNDLE_FROZEN=true');
      const gems = [...(files.get('Gemfile') ?? '').matchAll(/^gem "([^"]+)", "([^"]+)"/gm)];
      expect(gems.length).toBeGreaterThanOrEqual(4);
      for (const [, name = '', version] of gems) expect(version, name).toBe(RUBY_GEMS[name]?.version);
      const lock = files.get('Gemfile.lock') ?? '';
      const locked = [...lock.matchAll(/^ {4}([a-z0-9_-]+) \(([^)]+)\)$/gm)].map((m) => `${m[1]} ${m[2]}`);
      const closure = gemClosure(gems.map((g) => g[1] ?? '') as (keyof typeof RUBY_GEMS)[]);
      // a gem built for a platform too is locked once per platform, the source gem first
      expect(locked).toEqual(
        closure.flatMap((g) =>
          ['', ...(RUBY_GEMS[g]?.platforms ?? []).map((pl) => `-${pl}`)].map(
            (x) => `${g} ${RUBY_GEMS[g]?.version}${x}`,
          ),
        ),
      );
      for (const [, name = ''] of gems) expect(lock).toContain(`  ${name} (= ${RUBY_GEMS[name]?.version})`);
    }
  });

  it("the exported Gemfile.lock installs, frozen, from the Debian gems CI installs (the recipe's build step)", () => {
    const [orders] = rubyContexts(designs.full);
    if (!orders) throw new Error('a service expected');
    const files = filesOf(rubySinatraStub(orders));
    const dir = mkdtempSync(join(work, 'bundle-'));
    writeFileSync(join(dir, 'Gemfile'), files.get('Gemfile') ?? '');
    writeFileSync(join(dir, 'Gemfile.lock'), files.get('Gemfile.lock') ?? '');
    const [install] = recipe.build(dir, '/cache');
    if (!install) throw new Error('no install step');
    expect(install.args).toEqual(['install', '--local']);
    const out = execFileSync(install.cmd, install.args, {
      cwd: dir,
      env: { ...process.env, ...install.env },
      stdio: 'pipe',
    }).toString();
    const direct = directGems(rubyUsable(planStub(orders)));
    const all = gemClosure(direct);
    expect(out).toContain(
      `Bundle complete! ${direct.length} Gemfile dependencies, ${all.length + 1} gems now installed`,
    );
    expect(readFileSync(join(dir, 'Gemfile.lock'), 'utf8')).toBe(files.get('Gemfile.lock'));
    expect(recipe.start(dir, '/cache')).toMatchObject({ cmd: 'bundle', args: ['exec', 'ruby', 'app.rb'] });
    expect(files.get('Dockerfile')).toContain('CMD ["bundle", "exec", "ruby", "app.rb"]');
    // a clean CI machine installs the Debian package of every direct gem
    const setup = readFileSync(join(__dirname, '../../conformance/ci-setup.sh'), 'utf8');
    const ci = readFileSync(join(__dirname, '../../.ci/run'), 'utf8');
    for (const gem of directGems(rubyUsable(planStub(orders)))) {
      expect(setup).toContain(RUBY_GEMS[gem]?.debian);
      expect(ci).toContain(RUBY_GEMS[gem]?.debian);
    }
  });

  it('wires REST, RabbitMQ, Redis, NATS and PostgreSQL, and leaves Kafka and MongoDB out, saying so', () => {
    const [orders, inventory] = rubyContexts(designs.full);
    if (!orders || !inventory) throw new Error('two services expected');
    const a = filesOf(rubySinatraStub(orders));
    const config = a.get('lib/plumbing/config.rb') ?? '';
    // the target is converted too: the typed client exercises the endpoints the link uses
    expect(config).toContain('{ target: "inventory", env: "INVENTORY_URL", client: "InventoryRestClient" }');
    expect(a.get('lib/plumbing/rest_clients.rb')).toContain('class InventoryRestClient < RestClient');
    for (const kind of ['rabbitmq', 'redis', 'nats'])
      expect(config).toContain(
        `{ broker: "${kind}", kind: "${kind}", env: "${kind.toUpperCase()}_URL", topic: "${kind}-events",\n        payload: JSON.parse(`,
      );
    expect(config).not.toContain('kafka');
    expect(config).toContain('{ target: "postgres", kind: "postgres", env: "POSTGRES_URL" }');
    expect(config).not.toContain('mongodb');
    expect(config).toContain('{ env: "POSTGRES_URL", port: 5432 }');
    expect(a.get('Gemfile')).toMatch(/gem "bunny"[\s\S]*gem "redis"[\s\S]*gem "pg"/);
    expect([...a.keys()]).toEqual(
      expect.arrayContaining(['lib/plumbing/rabbitmq.rb', 'lib/plumbing/redis_streams.rb', 'lib/plumbing/nats.rb']),
    );
    expect(a.get('Dockerfile')).toContain('libpq-dev');
    expect(a.get('README.md')).toContain('**Left out:** kafka kafka, mongodb mongodb');
    // the callee serves the endpoints the caller declared, with path parameters, and consumes
    const b = filesOf(rubySinatraStub(inventory));
    const handlers = b.get('handlers.rb') ?? '';
    expect(handlers).toContain('def self.get_items_by_id(id)');
    expect(handlers).toContain('def self.post_items(body)');
    const api = b.get('lib/plumbing/api.rb') ?? '';
    expect(api).toContain('get Regexp.new("/items/(?<p0>[^/]+)") do');
    expect(api).toContain('api_answer(200, Handlers.get_items_by_id(id))');
    expect(b.get('lib/plumbing/server.rb')).toContain('require_relative "api"');
    expect(b.get('lib/plumbing/config.rb')).toMatch(
      /\{ broker: "nats", kind: "nats", env: "NATS_URL", topic: "nats-events",\n\s+type: \{ "m" => "[a-z0-9.]+\.\w+" \}, sample: \{/,
    );
    expect(b.get('lib/plumbing/server.rb')).toContain('Messaging.start_consumers');
    expect(b.get('Gemfile')).not.toContain('"pg"');
  });

  it('a service without brokers or databases needs only Sinatra, Puma, Rack and JSON', () => {
    const b = new Builder('tiny');
    const x = b.add('ruby-sinatra', 'edge');
    const y = b.add('ruby-sinatra', 'core');
    b.link(x, y, 'rest');
    const [ctx] = rubyContexts(b.design);
    if (!ctx) throw new Error('a service expected');
    const files = filesOf(rubySinatraStub(ctx));
    expect([...(files.get('Gemfile') ?? '').matchAll(/^gem "([^"]+)"/gm)].map((m) => m[1])).toEqual([
      'sinatra',
      'puma',
      'rack',
      'json',
    ]);
    expect(files.has('lib/plumbing/messaging.rb')).toBe(false);
    expect(files.get('lib/plumbing/config.rb')).toContain('READY = [].freeze');
  });

  it('hostile names become safe Ruby strings: nothing interpolates', () => {
    for (const ctx of rubyContexts(designs.hostile)) {
      for (const f of rubySinatraStub(ctx).filter((x) => x.path.endsWith('.rb')))
        expect(f.content, f.path).not.toMatch(/"[^"\n]*(?<!\\)#\{[^}]*(rm -rf|DROP|passwd)/);
    }
  });

  it('a gRPC server and client: the grpc gems, proto/, and gen_proto.rb writes classes that load', () => {
    const b = new Builder('rpc');
    const edge = b.add('ruby-sinatra', 'edge');
    const core = b.add('ruby-sinatra', 'core');
    b.link(edge, core, 'grpc');
    const [caller, callee] = rubyContexts(b.design);
    if (!caller || !callee) throw new Error('two services expected');
    const server = filesOf(rubySinatraStub(callee));
    const client = filesOf(rubySinatraStub(caller));
    for (const f of [server, client]) {
      expect(f.get('Gemfile')).toContain('gem "grpc", "1.51.1"');
      expect(f.get('Gemfile')).toContain('gem "grpc-tools", "1.51.1", group: :build');
      expect(f.get('Gemfile.lock')).toContain('    grpc (1.51.1-x86_64-linux)\n');
      expect(f.get('Gemfile.lock')).toMatch(/PLATFORMS\n {2}ruby\n {2}x86_64-linux\n/);
      expect(f.get('Dockerfile')).toContain('RUN bundle exec ruby gen_proto.rb');
      expect(f.get('Dockerfile')).toContain('BUNDLE_WITHOUT=development:test:build');
      expect(f.has('proto/polyglot/ping/v1/ping.proto')).toBe(true);
    }
    expect(server.has('lib/plumbing/grpc_server.rb')).toBe(true);
    expect(server.get('rpc_handlers.rb')).toContain('module RpcHandlers');
    expect(server.get('Dockerfile')).toMatch(/^EXPOSE \d+ \d+$/m);
    expect(server.get('lib/plumbing/server.rb')).toContain('GrpcServer.start');
    expect(client.has('lib/plumbing/grpc_server.rb')).toBe(false);
    // the callee is converted to the typed contracts: the caller pings its PingService and exercises its RPCs
    expect(client.get('lib/plumbing/config.rb')).toMatch(
      /GRPC_LINKS = \[\n\s+\{ target: "core", env: "CORE_GRPC_ADDR", method: "\/polyglot\.ping\.v1\.PingService\/Ping", typed: true \}/,
    );
    expect(client.get('lib/plumbing/grpc_client.rb')).toContain('"CORE_GRPC_ADDR" => [');
    // install from Debian's gems, generate, and load every generated class (the recipe's steps)
    const dir = mkdtempSync(join(work, 'grpc-'));
    for (const [path, content] of server) {
      mkdirSync(dirname(join(dir, path)), { recursive: true });
      writeFileSync(join(dir, path), content);
    }
    const steps = recipe.build(dir, '/cache');
    expect(steps.map((s) => s.args.join(' '))).toContain('exec ruby gen_proto.rb');
    for (const step of steps)
      execFileSync(step.cmd, step.args, { cwd: dir, env: { ...process.env, ...step.env }, stdio: 'pipe' });
    const loaded = execFileSync(
      'bundle',
      [
        'exec',
        'ruby',
        '-e',
        'require_relative "lib/plumbing/grpc_server"; puts Plumbing::GrpcServer.own_services.map(&:service_name).join(",")',
      ],
      { cwd: dir, env: { ...process.env, ...steps[0]?.env }, stdio: 'pipe' },
    ).toString();
    expect(loaded.trim().split(',')).toEqual([
      expect.stringMatching(/\.CoreSvcService$/),
      'polyglot.ping.v1.PingService',
    ]);
  });

  it('a target whose runtime is not converted is pinged on its in-service Ping, its methods not exercised', () => {
    const b = new Builder('old');
    const edge = b.add('ruby-sinatra', 'edge');
    const core = b.add('ruby-sinatra', 'core');
    b.link(edge, core, 'grpc');
    b.link(edge, core, 'rest');
    const client = asUnconverted('ruby-sinatra', () => {
      const [caller] = rubyContexts(b.design);
      if (!caller) throw new Error('a caller expected');
      return filesOf(rubySinatraStub(caller));
    });
    const config = client.get('lib/plumbing/config.rb') ?? '';
    expect(config).toMatch(
      /\{ target: "core", env: "CORE_GRPC_ADDR", method: "\/[a-z.0-9]+\.CoreSvcService\/Ping", typed: false \}/,
    );
    expect(config).toContain('{ target: "core", env: "CORE_URL" }');
    expect(client.has('lib/plumbing/rest_clients.rb')).toBe(false);
    expect(client.get('lib/plumbing/grpc_client.rb')).toContain('EXERCISES = {}.freeze');
    expect(rubySyntaxErrors([...client].map(([path, content]) => ({ path, content })))).toEqual([]);
  });

  it('types.rb reads a value as the design types it: the sample fits, a wrong shape is refused, saying where', () => {
    const design = fixtures()['contracts-rich']!;
    const ctx = stubContexts(design).find((c) => c.wiring.node.name === 'shop-ruby');
    if (!ctx) throw new Error('shop-ruby expected');
    const files = filesOf(rubySinatraStub(ctx));
    const dir = mkdtempSync(join(work, 'types-'));
    for (const f of ['lib/plumbing/types.rb', 'lib/plumbing/exercise.rb']) {
      mkdirSync(dirname(join(dir, f)), { recursive: true });
      writeFileSync(join(dir, f), files.get(f) ?? '');
    }
    const order = designContracts(design).universe.types.find((t) => t.names.proto === 'Order');
    if (order?.kind !== 'message') throw new Error('Order expected');
    const sample = sampleOfType({ kind: 'message', ref: order.id, type: order });
    const script = `
require "json"
require_relative "lib/plumbing/types"
require_relative "lib/plumbing/exercise"
T = { "m" => ${JSON.stringify(order.names.full)} }
sample = JSON.parse(STDIN.read)
def attempt
  yield
rescue Plumbing::Types::Mismatch => e
  "Mismatch: #{e.message}"
end
out = {
  "same" => Plumbing::Types.payload(T, false, sample, "body") == sample,
  "extra" => Plumbing::Types.payload(T, false, sample.merge("unknown" => 1), "body") == sample,
  "int64Text" => Plumbing::Types.payload(T, false, sample.merge("counts" => { "1" => "11" }), "body") == sample,
  "badList" => attempt { Plumbing::Types.payload(T, false, { "items" => "not-a-list" }, "body") },
  "badEnum" => attempt { Plumbing::Types.payload(T, false, { "status" => "NOPE" }, "body") },
  "badNested" => attempt { Plumbing::Types.payload(T, false, { "items" => [{ "price" => { "units" => 1.5 } }] }, "body") },
  "list" => attempt { Plumbing::Types.payload(T, true, sample, "body") },
  "param" => attempt { Plumbing::Types.param({ "s" => "bool" }, "maybe", "parameter verbose") },
  "paramInt" => Plumbing::Types.param({ "s" => "int32" }, "-3", "parameter n"),
  "diff" => Plumbing::Exercise.json_diff({ "a" => 1 }, { "a" => 1.0 }),
  "differs" => Plumbing::Exercise.json_diff({ "a" => 1 }, { "a" => 2 })
}
puts JSON.generate(out)
`;
    writeFileSync(join(dir, 'check.rb'), script);
    const got = JSON.parse(
      execFileSync('ruby', ['check.rb'], { cwd: dir, input: JSON.stringify(sample), stdio: 'pipe' }).toString(),
    ) as Record<string, unknown>;
    expect(got).toEqual({
      same: true,
      extra: true,
      int64Text: true,
      badList: 'Mismatch: body.items: expected a list, got "not-a-list"',
      badEnum:
        'Mismatch: body.status: expected one of ORDER_STATUS_UNSPECIFIED, ORDER_STATUS_OPEN, ORDER_STATUS_PAID, got "NOPE"',
      badNested: 'Mismatch: body.items[0].price.units: expected an integer, got 1.5',
      list: expect.stringMatching(/^Mismatch: body: expected a list, got \{/),
      param: 'Mismatch: parameter verbose: expected true or false, got "maybe"',
      paramInt: -3,
      diff: null,
      differs: 'expected {"a":1}, got {"a":2}',
    });
  });

  it('the checker names the Kafka, MongoDB and gRPC links of a Sinatra service', () => {
    const d = designs.full;
    const id = (name: string) => d.nodes.find((n) => n.name === name)?.id ?? '';
    const grpc = (source: string, target: string) => ({
      id: `g-${source}`,
      kind: 'grpc' as const,
      source: id(source),
      target: id(target),
      topic: '',
    });
    const withGrpc = { ...d, links: [...d.links, grpc('orders', 'inventory')] };
    const issues = checkDesign(withGrpc).filter((i) =>
      ['infra-unsupported', 'grpc-unsupported', 'grpc-client-unsupported'].includes(i.rule),
    );
    const messages = issues.map((i) => i.message);
    expect(messages).toEqual(
      expect.arrayContaining([
        'orders (Ruby · Sinatra) cannot use kafka (Kafka).',
        'inventory (Ruby · Sinatra) cannot use kafka (Kafka).',
        'orders (Ruby · Sinatra) cannot use mongodb (MongoDB).',
      ]),
    );
    // gRPC both ways is served now
    expect(messages.some((m) => /gRPC/.test(m))).toBe(false);
    expect(messages.some((m) => /rabbitmq|redis|nats|postgres/.test(m))).toBe(false);
  });
});
