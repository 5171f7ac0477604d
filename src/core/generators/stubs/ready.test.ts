import { DockerfileParser } from 'dockerfile-ast';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { fixtures } from '../../../../conformance/fixtures/make';
import { dnsLabel } from '../../model/naming';
import { wireServices } from '../../model/wiring';
import { generateProject } from '../project';
import { SERVICE_HEALTH_TIMING, readyDependencies, serviceHealthCommand } from './ready';
import { STUBS } from './registry';

const design = fixtures()['polyglot-all']!;
const files = new Map(generateProject(design).map((f) => [f.path, f.content]));
const compose = parse(files.get('compose.yaml')!) as {
  services: Record<string, { healthcheck?: { test: string[] } & Record<string, unknown> }>;
};

describe('readiness of the stubs', () => {
  it('lists each broker and database once, with its protocol port', () => {
    const w = wireServices(fixtures()['python-fastapi']!).find((x) => x.node.name === 'fastapi-back')!;
    expect(readyDependencies(w).map((d) => [d.envVar, d.kind, d.defaultPort])).toEqual([
      ['KAFKA_URL', 'kafka', 9092],
      ['POSTGRES_URL', 'postgres', 5432],
    ]);
  });

  it('gives every stub image the HEALTHCHECK compose runs, on /readyz', () => {
    const runtimes = new Set<string>();
    for (const w of wireServices(design)) {
      const dns = dnsLabel(w.node.name);
      const content = files.get(`services/${dns}/Dockerfile`)!;
      const checks = DockerfileParser.parse(content)
        .getInstructions()
        .filter((i) => i.getKeyword() === 'HEALTHCHECK');
      expect(checks, dns).toHaveLength(1);
      const text = /^HEALTHCHECK ((?:[^\n]*\\\n)*[^\n]*)/m.exec(content)![1]!.replace(/\\\n\s*/g, '');
      const t = SERVICE_HEALTH_TIMING;
      expect(text).toBe(
        `--interval=${t.interval} --timeout=${t.timeout} --start-period=${t.start_period} --retries=${t.retries} ` +
          `CMD ["/bin/sh", "-c", ${JSON.stringify(serviceHealthCommand(w.node.port))}]`,
      );
      const hc = compose.services[dns]?.healthcheck;
      expect(hc?.test).toEqual(['CMD-SHELL', serviceHealthCommand(w.node.port)]);
      expect({ ...hc, test: undefined }).toEqual({ ...SERVICE_HEALTH_TIMING, test: undefined });
      expect(serviceHealthCommand(w.node.port)).toContain(`http://127.0.0.1:${w.node.port}/readyz`);
      runtimes.add(w.runtime);
    }
    // every runtime with a stub is in polyglot-all, the Celery worker too
    expect([...runtimes].sort()).toEqual(Object.keys(STUBS).sort());
  });

  it('serves /readyz next to /healthz in every runtime', () => {
    const routes: Record<string, RegExp> = {
      'internal/plumbing/server.go': /mux\.HandleFunc\("GET \/readyz", readyz\)/,
      'app/main.py': /@app\.get\("\/readyz"\)/,
      'app/urls.py': /path\("readyz", views\.ReadyzView\.as_view\(\)\)/,
      'src/main.ts': /app\.get\('\/readyz'/,
      'src/plumbing/mod.rs': /\.route\("\/readyz", get\(ready::readyz\)\)/,
      'app/plumbing/health.py': /elif url\.path == "\/readyz":/,
      'src/main/java/polyglotall/analytics/plumbing/ReadyController.java': /@GetMapping\("\/readyz"\)/,
      'lib/plumbing/server.rb': /get "\/readyz" do/,
      'src/main/scala/polyglotall/trends/plumbing/Routes.scala': /case GET -> Root \/ "readyz" =>/,
    };
    let seen = 0;
    for (const w of wireServices(design)) {
      const dns = dnsLabel(w.node.name);
      for (const [rel, re] of Object.entries(routes)) {
        const content = files.get(`services/${dns}/${rel}`);
        if (content === undefined) continue;
        expect(content, `${dns}/${rel}`).toMatch(re);
        seen++;
      }
    }
    expect(seen).toBe(wireServices(design).length);
  });
});
