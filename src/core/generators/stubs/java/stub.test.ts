import { describe, expect, it } from 'vitest';
import { isReservedWord } from '../../../model/naming';
import type { GeneratedFile } from '../../types';
import type { StubContext } from '../types';
import { JAVA_BUILD } from './docker';
import { everyLinkDesign, hostileDesign, javaContexts } from './fixtures';
import { javaSpringStub } from './index';
import { protocCamel } from './names';
import { protoClasses } from './typed';
import { JAVA_IMAGES, JAVA_VERSIONS, MAVEN_PLUGINS } from './versions';

function stubOf(ctxs: StubContext[], dns: string): GeneratedFile[] {
  const ctx = ctxs.find((c) => c.wiring.node.name === dns);
  if (!ctx) throw new Error(`no java service ${dns}`);
  return javaSpringStub(ctx);
}

function file(files: GeneratedFile[], path: string | RegExp): string {
  const f = files.find((x) => (typeof path === 'string' ? x.path === path : path.test(x.path)));
  if (!f) throw new Error(`missing ${String(path)} in ${files.map((x) => x.path).join(', ')}`);
  return f.content;
}

/** Java source with comments, string and char literals blanked, so brackets can be counted. */
function code(src: string): string {
  return src
    .replace(/"(?:\\.|[^"\\\n])*"/g, '""')
    .replace(/'(?:\\.|[^'\\\n])'/g, "''")
    .replace(/\/\*[\s\S]*?\*\//g, '')
    .replace(/\/\/[^\n]*/g, '');
}

function balanced(src: string): boolean {
  const open: string[] = [];
  const pairs: Record<string, string> = { ')': '(', ']': '[', '}': '{' };
  for (const c of code(src)) {
    if (c === '(' || c === '[' || c === '{') open.push(c);
    else if (c in pairs && open.pop() !== pairs[c]) return false;
  }
  return open.length === 0;
}

/** Well-formed XML, in the small subset pom.xml uses: every element closed in order. */
function wellFormedXml(xml: string): boolean {
  const body = xml.replace(/<\?xml[^>]*\?>/, '').replace(/<!--[\s\S]*?-->/g, '');
  const stack: string[] = [];
  for (const m of body.matchAll(/<(\/?)([A-Za-z][\w.:-]*)[^>]*?(\/?)>/g)) {
    const [, close, name = '', selfClose] = m;
    if (selfClose) continue;
    if (close) {
      if (stack.pop() !== name) return false;
    } else stack.push(name);
  }
  return stack.length === 0 && !/[<>]/.test(body.replace(/<[^<>]*>/g, ''));
}

function javaFiles(files: GeneratedFile[]): GeneratedFile[] {
  return files.filter((f) => f.path.endsWith('.java'));
}

const JAVA_ID = /^[A-Za-z_$][A-Za-z0-9_$]*$/;

function checkJava(files: GeneratedFile[]): void {
  for (const f of javaFiles(files)) {
    const m = /^src\/main\/java\/(.+)\/([^/]+)\.java$/.exec(f.path);
    expect(m, f.path).not.toBeNull();
    const [, dir = '', cls = ''] = m ?? [];
    expect(f.content, f.path).toContain(`\npackage ${dir.replace(/\//g, '.')};\n`);
    expect(cls).toMatch(JAVA_ID);
    expect(isReservedWord(cls)).toBe(false);
    for (const seg of dir.split('/')) {
      expect(seg).toMatch(/^[a-z][a-z0-9]*$/);
      expect(isReservedWord(seg)).toBe(false);
    }
    expect(dir.split('/')[0]).not.toBe('java');
    expect(f.content, f.path).toMatch(new RegExp(`public (final )?(class|interface|record) ${cls}\\b`));
    expect(balanced(f.content), `${f.path} has unbalanced brackets`).toBe(true);
    for (const decl of code(f.content).matchAll(/\b(?:class|record|interface) ([A-Za-z0-9_$]+)/g)) {
      expect(decl[1]).toMatch(JAVA_ID);
    }
  }
}

function checkPom(files: GeneratedFile[]): void {
  const pom = file(files, 'pom.xml');
  expect(wellFormedXml(pom)).toBe(true);
  for (const block of pom.matchAll(/<(dependency|plugin|extension|parent)>([\s\S]*?)<\/\1>/g)) {
    expect(block[2], `unpinned ${block[0]}`).toMatch(/<version>\d[^<]*<\/version>/);
  }
  expect(pom).toContain('<finalName>service</finalName>');
  // every lifecycle plugin pinned in the pom itself, and the enforcer run by every build
  for (const artifact of Object.keys(MAVEN_PLUGINS))
    expect(pom, artifact).toContain(`<artifactId>${artifact}</artifactId>\n`);
  for (const [, artifact, version] of pom.matchAll(
    /<artifactId>(maven-[\w-]+-plugin)<\/artifactId>\s*<version>([^<]+)</g,
  ))
    expect(version, artifact).toBe(MAVEN_PLUGINS[artifact as keyof typeof MAVEN_PLUGINS]);
  expect(pom).toMatch(
    /<goal>enforce<\/goal>[\s\S]*<requirePluginVersions>[\s\S]*<dependencyConvergence\/>[\s\S]*<requireMavenVersion>[\s\S]*<requireJavaVersion>/,
  );
  expect(pom).toContain('<artifactId>spring-boot-starter-webmvc</artifactId>');
}

/** Spring Boot 4 maps JSON with Jackson 3: its databind lives under tools.jackson. */
function checkJackson(files: GeneratedFile[]): void {
  for (const f of javaFiles(files)) {
    expect(f.content, f.path).not.toMatch(/com\.fasterxml\.jackson\.(core|databind)/);
    expect(f.content, f.path).not.toContain('JsonProcessingException');
  }
}

function checkDocker(files: GeneratedFile[]): void {
  const df = file(files, 'Dockerfile');
  const lines = df.split('\n');
  expect(lines[0]).toBe('# syntax=docker/dockerfile:1');
  const froms = lines.filter((l) => l.startsWith('FROM '));
  expect(froms).toHaveLength(2);
  for (const f of froms) expect(f).toMatch(/^FROM [a-z0-9./-]+:\d[\w.-]*( AS \w+)?$/);
  expect(df).toContain(`FROM ${JAVA_IMAGES.build} AS build`);
  expect(df).toContain(`RUN --mount=type=cache,target=/root/.m2 ${JAVA_BUILD.join(' ')}`);
  expect(df).toMatch(/\nUSER appuser\n/);
  expect(df).toMatch(/\nEXPOSE \d+/);
  expect(df).toMatch(/\nCMD \["java", .*"-jar", "\/app\/service\.jar"\]\n/);
  expect(file(files, '.dockerignore')).toContain('target/');
}

describe('javaSpringStub on a design with every link kind', () => {
  const ctxs = javaContexts(everyLinkDesign());
  const front = stubOf(ctxs, 'front');
  const back = stubOf(ctxs, 'back');

  it('emits a well-formed Maven project with every version pinned', () => {
    for (const files of [front, back]) {
      checkPom(files);
      checkJava(files);
      checkJackson(files);
      checkDocker(files);
    }
  });

  it('includes only the clients a service uses', () => {
    const fp = file(front, 'pom.xml');
    const bp = file(back, 'pom.xml');
    for (const a of ['kafka-clients', 'amqp-client', 'jedis', 'jnats', 'grpc-netty-shaded']) expect(fp).toContain(a);
    expect(fp).not.toContain('postgresql');
    expect(fp).not.toContain('mongodb-driver-sync');
    expect(bp).toContain(`<version>${JAVA_VERSIONS.postgresql}</version>`);
    expect(bp).toContain('mongodb-driver-sync');
    expect(bp).not.toContain('kafka-clients</artifactId>\n      <version>x');
    // Boot 4 keeps its MongoDB and JDBC auto-configuration in modules the stub does not depend on:
    // no default client on localhost, and nothing to exclude.
    expect(bp).not.toMatch(/spring-boot-(starter-)?(mongodb|data|jdbc)/);
    expect(file(back, /application\.properties$/)).not.toContain('spring.autoconfigure.exclude');
  });

  it('copies its own proto and its targets protos under src/main/proto', () => {
    expect(front.map((f) => f.path)).toContain('src/main/proto/shop/back/v1/back.proto');
    expect(back.map((f) => f.path)).toEqual(
      expect.arrayContaining(['src/main/proto/shop/back/v1/back.proto', 'src/main/proto/shop/py/v1/py.proto']),
    );
    const pom = file(front, 'pom.xml');
    expect(pom).toContain(`protoc-gen-grpc-java:${JAVA_VERSIONS.grpc}:exe:`);
    // protoc and the protobuf-java runtime at one version, for the whole dependency tree
    expect(pom).toContain(`com.google.protobuf:protoc:${JAVA_VERSIONS.protobuf}:exe:`);
    const managed = /<dependencyManagement>([\s\S]*?)<\/dependencyManagement>/.exec(pom)?.[1] ?? '';
    expect(managed).toContain(
      `<artifactId>protobuf-java</artifactId>\n        <version>${JAVA_VERSIONS.protobuf}</version>`,
    );
  });

  it('wires each outgoing link into /ping and each subscription into a consumer', () => {
    const fanout = file(front, /plumbing\/Fanout\.java$/);
    expect(fanout).toContain('entry("rest", "back")');
    expect(fanout).toContain('entry("grpc", "back")');
    for (const [broker, t] of [
      ['kafka', 'k-events'],
      ['rabbitmq', 'r-events'],
      ['redis', 's-events'],
      ['nats', 'n-events'],
    ])
      expect(fanout).toContain(`queueEntry("${broker}", "${broker}", "${t}")`);
    const subs = file(back, /plumbing\/Subscriptions\.java$/);
    for (const t of ['k-events', 'r-events', 's-events', 'n-events']) expect(subs).toContain(`"${t}"`);
    // Jackson 3 rejects a null for a long, double or boolean by default; the stubs read it as Jackson 2 did
    for (const reader of [subs, file(front, /plumbing\/BackRestClient\.java$/)])
      expect(reader).toContain('.disable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)');
    const backFanout = file(back, /plumbing\/Fanout\.java$/);
    for (const db of ['postgres', 'mongodb', 'redis']) expect(backFanout).toContain(`databases.${db}(`);
    expect(file(back, /plumbing\/RedisBus\.java$/)).toContain('FIELD = "message"');
  });

  it('serves the declared endpoints and RPCs from the handlers package', () => {
    const routes = file(back, /plumbing\/RestRoutes\.java$/);
    expect(routes).toContain('@RequestMapping(method = RequestMethod.GET, path = "/orders/{p0}")');
    expect(routes).toContain('@RequestMapping(method = RequestMethod.POST, path = "/orders")');
    expect(file(back, /handlers\/ApiHandlers\.java$/)).toMatch(/public Models\.\w+ postOrders\(Models\.\w+ body\)/);
    const rpc = file(back, /handlers\/RpcHandlers\.java$/);
    expect(rpc).toContain('shop.back.v1.Back.GetItemResponse getItem(shop.back.v1.Back.GetItemRequest rpcRequest)');
    expect(file(back, /plumbing\/GrpcServer\.java$/)).toContain(
      'extends shop.back.v1.BackServiceGrpc.BackServiceImplBase',
    );
    expect(file(front, /plumbing\/BackRestClient\.java$/)).toMatch(
      /public Models\.\w+ postOrders\(Models\.\w+ body\) throws IOException, InterruptedException/,
    );
  });

  it('checks the declared success status in the exercise and throws RestException with the problem', () => {
    const client = file(front, /plumbing\/BackRestClient\.java$/);
    expect(client).toMatch(/HttpResponse<byte\[\]> answer = postOrdersExchange\(/);
    expect(client).toContain(
      'if (answer.statusCode() != 200) return "expected HTTP 200, got HTTP " + answer.statusCode();',
    );
    expect(client).toContain(
      'throw new RestException(response.statusCode(), new String(response.body(), StandardCharsets.UTF_8));',
    );
    const ex = file(front, /plumbing\/RestException\.java$/);
    expect(ex).toContain('public class RestException extends IOException {');
    expect(ex).toContain('public ProblemDetail problem() {');
    expect(ex).toContain('case "detail" -> problem.setDetail(');
    // a service without REST clients has no RestException
    expect(back.some((f) => f.path.endsWith('/RestException.java'))).toBe(false);
  });

  it('is deterministic', () => {
    expect(stubOf(javaContexts(everyLinkDesign()), 'back')).toEqual(back);
  });
});

describe('javaSpringStub with hostile names', () => {
  const ctxs = javaContexts(hostileDesign());
  const all = ctxs.map((c) => javaSpringStub(c));

  it('still emits valid Java, XML and Dockerfiles', () => {
    expect(all).toHaveLength(5);
    for (const files of all) {
      for (const f of files) {
        expect(f.path).not.toMatch(/(^|\/)\.\.?(\/|$)|^\/|\\/);
        expect(f.path).toMatch(/^[A-Za-z0-9._/-]+$/);
      }
      checkPom(files);
      checkJava(files);
      checkDocker(files);
    }
  });

  it('keeps Java packages out of java.* and names the protoc classes as protoc does', () => {
    const b = all.flatMap((files) => files).filter((f) => f.path.endsWith('x1service.proto'));
    expect(b.length).toBeGreaterThan(0);
    for (const f of b) expect(f.content).toContain('option java_package = "javaproject.x1service.v1";');
    const server = all.flatMap((files) => files).find((f) => f.path.endsWith('x1service/plumbing/GrpcServer.java'));
    expect(server?.content).toContain('javaproject.x1service.v1.X1ServiceOuterClass.PingRequest');
  });

  it('declares no all-lower-case variable where proto classes are named by package', () => {
    // such a variable would hide the package of a project or service with the same name
    const files = all.flatMap((f) => f).filter((f) => /(GrpcServer|GrpcClient|RpcHandlers)\.java$/.test(f.path));
    expect(files.length).toBeGreaterThan(3);
    for (const f of files) {
      const decls = [
        ...code(f.content).matchAll(
          /\b(?:[A-Z][\w.]*(?:<[^<>]*(?:<[^<>]*>)?[^<>]*>)?|int|long|double|boolean)\s+([a-z][a-z0-9]*)\s*[=;,)]/g,
        ),
      ];
      expect(
        decls.map((d) => d[1]),
        f.path,
      ).toEqual([]);
    }
  });
});

describe('protoc names', () => {
  it('camel-cases like protoc: a letter after a digit or underscore is capitalised', () => {
    expect(protocCamel('a1b', true)).toBe('A1B');
    expect(protocCamel('tree_json', true)).toBe('TreeJson');
    expect(protocCamel('field_2', true)).toBe('Field2');
  });

  it('appends OuterClass when a type of the file has the outer class name, nested ones too', () => {
    const proto = 'syntax = "proto3";\npackage p.orders.v1;\nservice OrdersService {}\nmessage Orders {}\n';
    expect(protoClasses('p/orders/v1/orders.proto', proto)).toEqual({
      javaPackage: 'p.orders.v1',
      outer: 'OrdersOuterClass',
    });
    expect(protoClasses('p/orders/v1/orders.proto', proto.replace('message Orders', 'message Other')).outer).toBe(
      'Orders',
    );
    const nested = proto.replace('message Orders {}', 'message Other {\n  message Orders {}\n}');
    expect(protoClasses('p/orders/v1/orders.proto', nested).outer).toBe('OrdersOuterClass');
  });

  it('follows the java options of an imported file', () => {
    const proto =
      'syntax = "proto3";\npackage shop.v1;\noption java_package = "com.shop.v1";\noption java_multiple_files = true;\n';
    expect(protoClasses('shop/v1/shop.proto', proto)).toEqual({ javaPackage: 'com.shop.v1', outer: null });
    const named = 'syntax = "proto3";\npackage shop.v1;\noption java_outer_classname = "ShopProtos";\n';
    expect(protoClasses('shop/v1/shop.proto', named)).toEqual({ javaPackage: 'shop.v1', outer: 'ShopProtos' });
  });
});
