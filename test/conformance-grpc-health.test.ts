import { describe, expect, it } from 'vitest';
import { isRuntime } from '../src/core/catalog/catalog';
import { wireServices } from '../src/core/model/wiring';
import { fixtures } from '../conformance/fixtures/make';
import type { ServiceStatus } from '../conformance/lib/checks';
import { grpcHealthChecks, type GrpcAnswer } from '../conformance/lib/grpcHealth';

const design = fixtures()['python-fastapi']!;
const services = wireServices(design);
const back = services.find((w) => w.node.name === 'fastapi-back')!;
const up = new Map<string, ServiceStatus>(
  design.nodes.filter((n) => isRuntime(n.kind)).map((n) => [n.id, { state: 'up' }]),
);
const own = 'conformancefastapi.fastapiback.v1.FastapiBackService';
const good: GrpcAnswer = {
  health: 'SERVING',
  listed: [own, 'grpc.health.v1.Health', 'grpc.reflection.v1alpha.ServerReflection'],
  described: [[own, 1]],
  healthDown: 'NOT_SERVING',
};
const run = (a: GrpcAnswer, stopped = true) =>
  grpcHealthChecks(services, up, new Map(), new Map([[back.node.id, a]]), stopped);

describe('gRPC health and reflection checks', () => {
  it('check every gRPC server, and only those', () => {
    const rs = run(good);
    expect(rs.map((r) => [r.id, r.status])).toEqual([['grpc-health:fastapi-back', 'pass']]);
    expect(rs[0]?.cells).toEqual([['python-fastapi', 'grpc-health']]);
  });

  it('fail when health is not SERVING while ready, or stays SERVING without the dependencies', () => {
    expect(run({ ...good, health: 'NOT_SERVING' })[0]?.detail).toMatch(/answered NOT_SERVING while ready/);
    expect(run({ ...good, health: 'status 12 (unknown service)' })[0]?.status).toBe('fail');
    expect(run({ ...good, healthDown: 'SERVING' })[0]?.detail).toMatch(/answered SERVING after .* stopped/);
    // a run that keeps the brokers running cannot see the second half
    expect(run({ ...good, healthDown: undefined }, false)[0]?.status).toBe('pass');
  });

  it('fail when reflection is missing, omits the health service or cannot describe the own service', () => {
    expect(run({ ...good, listed: 'status 12' })[0]?.detail).toMatch(/reflection listed nothing/);
    expect(run({ ...good, listed: [own] })[0]?.detail).toMatch(/does not list grpc.health.v1.Health/);
    expect(run({ ...good, listed: ['grpc.health.v1.Health'], described: [] })[0]?.detail).toMatch(
      /none of the service's own/,
    );
    expect(run({ ...good, described: [[own, 'reflection error 5: not found']] })[0]?.detail).toMatch(/cannot describe/);
  });

  it('skip a server that is not running', () => {
    const down = new Map(up);
    down.set(back.node.id, { state: 'start-failed', reason: 'exit 1' });
    const rs = grpcHealthChecks(services, down, new Map(), new Map(), true);
    expect(rs[0]?.status).toBe('skip');
  });
});
