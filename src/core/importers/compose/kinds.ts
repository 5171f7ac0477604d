import {
  INFRA,
  isInfra,
  isNodeKind,
  isRuntime,
  type InfraId,
  type NodeKind,
  type RuntimeId,
} from '../../catalog/catalog';
import { HELPER_KIND, KIND_LABEL } from '../../generators/compose/plan';
import { imageProblem, imageRepository } from '../../model/image';
import { dnsLabel } from '../../model/naming';
import type { ComposeServiceFacts } from './service';

export { HELPER_KIND, KIND_LABEL };

/** Image repositories (without registry and tag) of infrastructure, by the last path segment. */
const INFRA_IMAGES: readonly [RegExp, InfraId][] = [
  [/^(kafka|cp-kafka|cp-server|kafka-native|confluent-local)$/, 'kafka'],
  [/^rabbitmq$/, 'rabbitmq'],
  [/^(redis|redis-stack|redis-stack-server|valkey|keydb)$/, 'redis'],
  [/^(nats|nats-streaming)$/, 'nats'],
  [/^(postgres|postgresql|postgis|timescaledb)$/, 'postgres'],
  [/^(mongo|mongodb|mongodb-community-server)$/, 'mongodb'],
  [/^(nginx|nginx-unprivileged|openresty|traefik|haproxy|envoy|caddy|kong)$/, 'gateway'],
];

/** Language base images, by the last path segment of the repository. */
const RUNTIME_IMAGES: readonly [RegExp, RuntimeId][] = [
  [/^(python|pypy)$/, 'python-fastapi'],
  [/^(golang|go)$/, 'go-nethttp'],
  [/^(node|bun|deno)$/, 'node-express'],
  [/^(eclipse-temurin|openjdk|amazoncorretto|maven|gradle|ibm-semeru-runtimes|sapmachine|java)$/, 'java-spring'],
  [/^rust$/, 'rust-axum'],
  [/^dotnet\/(aspnet|sdk|runtime)$/, 'dotnet-aspnet'],
  [/^ruby$/, 'ruby-rails'],
  [/^elixir$/, 'elixir-phoenix'],
  [/^(scala-sbt|sbt)$/, 'scala-http4s'],
];

/** Words in a build context, a Dockerfile name or a service name that give the language away. */
const RUNTIME_WORDS: readonly [RegExp, RuntimeId][] = [
  [/\bflask\b/, 'python-flask'],
  [/\bdjango\b/, 'python-django'],
  [/\b(python|py|fastapi|uvicorn)\b/, 'python-fastapi'],
  [/\b(go|golang)\b/, 'go-nethttp'],
  [/\b(java|spring|springboot|jvm|maven|gradle|kotlin)\b/, 'java-spring'],
  [/\b(node|nodejs|typescript|ts|js|javascript|express|nestjs)\b/, 'node-express'],
  [/\b(rust|axum|cargo|actix)\b/, 'rust-axum'],
  [/\b(dotnet|csharp|aspnet)\b/, 'dotnet-aspnet'],
  [/\bsinatra\b/, 'ruby-sinatra'],
  [/\b(ruby|rails)\b/, 'ruby-rails'],
  [/\b(elixir|phoenix)\b/, 'elixir-phoenix'],
  [/\bscala\b/, 'scala-http4s'],
];

/** A frontend served by a web server rather than an API gateway in front of services. */
const FRONTEND_NAME = /\b(web|www|frontend|front|ui|client|spa|site|static|dashboard|portal)\b/;

export interface KindChoice {
  kind: NodeKind;
  /** The image the node keeps, if any (null: the catalog's, or a stub built by the export). */
  image: string | null;
  /** Why the choice needs the user's attention. */
  notes: string[];
}

const wordsOf = (s: string) => s.toLowerCase().replace(/[^a-z0-9]+/g, ' ');
/**
 * A service's name as words, in the DNS-safe form the export gives it (`nodeApi` → `node api`),
 * so that a name reads the same before and after a round trip through an export.
 */
const nameWords = (name: string) => wordsOf(dnsLabel(name));
const lastSegment = (repo: string) => repo.split('/').pop() ?? repo;

/** The runtime of a language base image (`python:3.12-slim`, `eclipse-temurin:21`), if it is one. */
function baseRuntime(repo: string): RuntimeId | null {
  const last = lastSegment(repo);
  return RUNTIME_IMAGES.find(([re]) => re.test(last) || re.test(repo))?.[1] ?? null;
}

/** The language a service's build context, Dockerfile or name suggests, if any. */
function runtimeFromWords(f: ComposeServiceFacts): RuntimeId | null {
  const text =
    wordsOf([f.build?.context ?? '', f.build?.dockerfile ?? '', f.build?.args ?? ''].join(' ')) +
    ' ' +
    nameWords(f.name);
  for (const [re, id] of RUNTIME_WORDS) if (re.test(text)) return id;
  return null;
}

/** Refines a Python or Ruby choice by the framework the environment or name mentions. */
function refine(id: RuntimeId, f: ComposeServiceFacts): RuntimeId {
  const text = `${nameWords(f.name)} ${wordsOf([f.build?.context ?? '', ...f.env.flat()].join(' '))}`;
  if (id === 'python-fastapi' && /\bflask\b/.test(text)) return 'python-flask';
  if (id === 'python-fastapi' && /\bdjango\b/.test(text)) return 'python-django';
  if (id === 'ruby-rails' && /\bsinatra\b/.test(text)) return 'ruby-sinatra';
  return id;
}

/**
 * Decides the node kind of a service: the export's own label first, then the image, then the
 * build context; anything else is a generic container that keeps its image.
 * `projectImage` is the name an export gives a built service's image (kept implicit).
 */
export function chooseKind(f: ComposeServiceFacts, projectImage: string, keep = false): KindChoice {
  const notes: string[] = [];
  const image = f.image && !imageProblem(f.image) ? f.image : null;
  if (f.image && !image)
    notes.push(`its image ${JSON.stringify(f.image.slice(0, 80))} is not a usable image reference`);
  const keep0 = image && image !== projectImage ? image : null;
  // the catalog's own image is implied: keeping it would only pin the node to today's catalog
  const own = (kind: NodeKind) => (keep0 && isInfra(kind) && INFRA[kind].image === keep0 ? null : keep0);

  const label = f.labels[KIND_LABEL];
  if (typeof label === 'string' && isNodeKind(label)) return { kind: label, image: own(label), notes };

  const repo = image ? imageRepository(image) : '';
  const last = lastSegment(repo);
  for (const [re, id] of INFRA_IMAGES) {
    if (!re.test(last)) continue;
    let kind: InfraId = id;
    if (id === 'gateway' && /nginx|openresty|caddy/.test(last) && FRONTEND_NAME.test(nameWords(f.name)))
      kind = 'frontend';
    const catalogRepo = imageRepository(INFRA[kind].image);
    if (image && imageRepository(image) !== catalogRepo)
      notes.push(`the exported settings are written for ${INFRA[kind].image}; check them against ${image}`);
    return { kind, image: own(kind), notes };
  }
  if (f.build) {
    const id = (last && baseRuntime(repo)) || runtimeFromWords(f);
    if (id) return { kind: refine(id, f), image: keep0, notes };
    notes.push(
      `its language could not be told from the build context ${JSON.stringify(f.build.context)}; it became a container running ${keep0 ?? 'the image compose builds'}`,
    );
    return { kind: 'container', image: keep0, notes };
  }
  const base = baseRuntime(repo);
  if (base && image) {
    if (keep) {
      notes.push(
        `it runs the base image ${image} with no build; it is shown as a ${refine(base, f)} service and exported as written, with no stub generated`,
      );
      return { kind: refine(base, f), image, notes };
    }
    notes.push(
      `it ran the base image ${image} with no build; it became a ${refine(base, f)} service whose stub the export builds`,
    );
    return { kind: refine(base, f), image: null, notes };
  }
  return { kind: 'container', image: own('container'), notes };
}

export { isRuntime };
