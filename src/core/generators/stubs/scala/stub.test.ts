import { describe, expect, it } from 'vitest';
import type { GeneratedFile } from '../../types';
import type { StubContext } from '../types';
import { fixtures } from '../../../../../conformance/fixtures/make';
import { asUnconverted } from '../../../../../test/stubs/unconverted';
import { everyLinkDesign, hostileDesign, scalaContexts } from './fixtures';
import { scalaHttp4sStub } from './index';
import { SCALA_IMAGES, SCALA_MAVEN_PLUGINS, SCALA_VERSIONS } from './versions';

function stubOf(ctxs: StubContext[], name: string): GeneratedFile[] {
  const ctx = ctxs.find((c) => c.wiring.node.name === name);
  if (!ctx) throw new Error(`no scala service ${name}`);
  return scalaHttp4sStub(ctx);
}

function file(files: GeneratedFile[], path: string | RegExp): string {
  const f = files.find((x) => (typeof path === 'string' ? x.path === path : path.test(x.path)));
  if (!f) throw new Error(`missing ${String(path)} in ${files.map((x) => x.path).join(', ')}`);
  return f.content;
}

/** Scala source with comments and string literals blanked, so brackets can be counted. */
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

/** Every Scala file sits at its package's path, declares that package and has balanced brackets. */
function checkScala(files: GeneratedFile[]): void {
  const scala = files.filter((f) => f.path.endsWith('.scala'));
  expect(scala.length).toBeGreaterThan(5);
  for (const f of scala) {
    const m = /^src\/main\/scala\/(.+)\/([^/]+)\.scala$/.exec(f.path);
    expect(m, f.path).not.toBeNull();
    const [, dir = ''] = m ?? [];
    for (const seg of dir.split('/')) expect(seg, f.path).toMatch(/^[a-z][a-z0-9]*$/);
    const pkg = /^package (.+)$/m.exec(f.content)?.[1] ?? '';
    expect(pkg.replace(/`/g, '').replace(/\./g, '/'), f.path).toBe(dir);
    expect(balanced(f.content), `${f.path} has unbalanced brackets`).toBe(true);
    expect(f.content, f.path).not.toMatch(/\bundefined\b|\[object Object\]/);
  }
}

const every = scalaContexts(everyLinkDesign());

describe('Scala · http4s stub', () => {
  it('writes a Maven project with every plugin and dependency pinned', () => {
    const files = stubOf(every, 'back');
    checkScala(files);
    const pom = file(files, 'pom.xml');
    for (const [artifact, version] of Object.entries(SCALA_MAVEN_PLUGINS))
      expect(pom).toMatch(new RegExp(`<artifactId>${artifact}</artifactId>\\s*<version>${version}</version>`));
    expect(pom).toMatch(/<artifactId>scala-maven-plugin<\/artifactId>\s*<version>[0-9.]+<\/version>/);
    expect(pom).toContain('<requireUpperBoundDeps/>');
    expect(pom).toContain('<requirePluginVersions>');
    // every dependency has a version of its own or a managed one
    const deps = [...pom.matchAll(/<dependency>([\s\S]*?)<\/dependency>/g)].map((m) => m[1] ?? '');
    for (const d of deps) expect(d, d).toMatch(/<version>[0-9][^<]*<\/version>/);
    expect(pom).toContain(
      `<artifactId>http4s-ember-server_3</artifactId>\n      <version>${SCALA_VERSIONS.http4s}</version>`,
    );
    expect(pom).toContain(`<scalaVersion>${SCALA_VERSIONS.scala}</scalaVersion>`);
    // the JVM clients are the Java stub's
    for (const a of [
      'kafka-clients',
      'amqp-client',
      'jedis',
      'jnats',
      'postgresql',
      'mongodb-driver-sync',
      'grpc-services',
    ])
      expect(pom, a).toContain(`<artifactId>${a}</artifactId>`);
    expect(pom).toContain(`<mainClass>shop.back.Main</mainClass>`);
  });

  it('depends only on the clients its links need', () => {
    const design = everyLinkDesign();
    const py = scalaContexts(design);
    const front = file(stubOf(py, 'front'), 'pom.xml');
    expect(front).not.toContain('postgresql');
    expect(front).not.toContain('mongodb');
    expect(front).not.toContain('grpc-services'); // calls gRPC, serves none
    expect(front).toContain('grpc-netty-shaded');
  });

  it('serves the contract: /healthz, /readyz, /ping and the typed endpoints, with problem+json errors', () => {
    const files = stubOf(every, 'back');
    const routes = file(files, 'src/main/scala/shop/back/plumbing/Routes.scala');
    expect(routes).toContain('case GET -> Root / "healthz" =>');
    expect(routes).toContain('case GET -> Root / "readyz" =>');
    expect(routes).toContain('case request @ GET -> Root / "ping" =>');
    expect(routes).toContain('<+> ApiRoutes.routes');
    expect(routes).toContain('application/problem+json');
    expect(routes).toContain('case p: Problem =>');
    const api = file(files, 'src/main/scala/shop/back/plumbing/ApiRoutes.scala');
    expect(api).toContain('(Method.GET, List("orders", "{}"), getOrdersById),');
    expect(api).toContain('(Method.POST, List("orders"), postOrders),');
    // a body that does not fit is a 422 problem; a parameter that does not fit, 400
    expect(api).toContain('Problem(422, "the body does not fit the contract: "');
    expect(api).toContain('Problem(400, s"parameter $name: $why")');
    const ready = file(files, 'src/main/scala/shop/back/plumbing/Ready.scala');
    for (const v of ['KAFKA_URL', 'RABBITMQ_URL', 'REDIS_URL', 'NATS_URL', 'POSTGRES_URL', 'MONGODB_URL'])
      expect(ready, v).toContain(`"${v}"`);
    const handlers = file(files, 'src/main/scala/shop/back/handlers/RestHandlers.scala');
    expect(handlers).toContain('def getOrdersById(id: String): IO[Models.GetOrdersByIdResponse]');
    expect(handlers).toContain('IO.pure(Exercise.sample[Models.PostOrdersResponse]("{\\"id\\":\\"id-sample\\"');
    const models = file(files, 'src/main/scala/shop/back/models/Models.scala');
    expect(models).toContain('given Configuration = Configuration.default.withDefaults');
    expect(models).toMatch(
      /final case class PostOrdersRequest\(\s*`item`: Option\[String\] = None,\s*`qty`: Option\[Long\] = None,\s*\) derives ConfiguredCodec/,
    );
  });

  it('calls every outgoing link from /ping, in parallel, exercises typed targets, and serves gRPC health and reflection', () => {
    const front = stubOf(every, 'front');
    const links = file(front, 'src/main/scala/shop/front/plumbing/Links.scala');
    expect(links.match(/Call\(/g)).toHaveLength(6); // REST, gRPC, four brokers
    expect(links).toContain('Fanout.entry("rest", "back")');
    expect(links).toContain('Fanout.entry("grpc", "back")');
    expect(links).toContain('Some(backRestClient.exercise)');
    expect(links).toContain('Some(IO.defer(backGrpcClient.exercise))');
    for (const k of ['KafkaBus', 'RabbitBus', 'RedisBus', 'NatsBus']) expect(links).toContain(`${k}.publish(`);
    const client = file(front, /plumbing\/BackRestClient\.scala$/);
    expect(client).toContain(
      'def postOrders(body: Models.PostOrdersRequest, extraHeaders: List[(String, String)] = Nil): IO[Models.PostOrdersResponse]',
    );
    expect(client).toContain('Exercise.method("POST /orders")');
    const back = stubOf(every, 'back');
    const server = file(back, 'src/main/scala/shop/back/plumbing/GrpcServer.scala');
    expect(server).toContain('HealthStatusManager');
    expect(server).toContain('ProtoReflectionServiceV1.newInstance()');
    expect(server).toContain('health.enterTerminalState()');
    expect(server).toContain('PingServiceImplBase');
    expect(server).toContain('Protos.interceptor');
    const subs = file(back, 'src/main/scala/shop/back/plumbing/Subscriptions.scala');
    for (const k of ['KafkaBus', 'RabbitBus', 'RedisBus', 'NatsBus']) expect(subs).toContain(`${k}.subscribe(`);
    const dbs = file(back, 'src/main/scala/shop/back/plumbing/Databases.scala');
    for (const d of ['def postgres(', 'def mongodb(', 'def redis(']) expect(dbs).toContain(d);
    // the real contract files, compiled as they are, with the ping contract
    expect(back.filter((f) => f.path.startsWith('src/main/proto/')).map((f) => f.path)).toEqual([
      'src/main/proto/polyglot/ping/v1/ping.proto',
      'src/main/proto/shop/back/v1/back.proto',
      'src/main/proto/shop/py/v1/py.proto',
    ]);
    expect(file(back, 'pom.xml')).toContain('<artifactId>protobuf-java-util</artifactId>');
  });

  it('writes a non-root, health-checked image from pinned base images', () => {
    const files = stubOf(every, 'back');
    const docker = file(files, 'Dockerfile');
    expect(docker).toContain(`FROM ${SCALA_IMAGES.build} AS build`);
    expect(docker).toContain(`FROM ${SCALA_IMAGES.run} AS final`);
    expect(docker).toContain('USER appuser');
    expect(docker).toMatch(/HEALTHCHECK [\s\S]*\/readyz/);
    expect(docker).toContain('COPY --from=build /build/target/lib ./lib');
    expect(docker).toMatch(/^EXPOSE 80[0-9]{2} 50051$/m);
    expect(file(files, 'README.md')).toContain('mvn -q -B -DskipTests package');
  });

  it('turns hostile names into valid Scala: keywords in backticks, protoc accessor names', () => {
    const ctxs = scalaContexts(hostileDesign());
    expect(ctxs.length).toBeGreaterThan(3);
    for (const ctx of ctxs) {
      const files = scalaHttp4sStub(ctx);
      checkScala(files);
      for (const f of files.filter((x) => x.path.endsWith('.scala'))) {
        // a reserved word is never a bare identifier in a definition or a parameter
        expect(f.content, f.path).not.toMatch(
          /\b(?:def|val|var|class|object) (?:class|type|object|val|def|given|then)\b[^`]/,
        );
        expect(f.content, f.path).not.toMatch(/[(,] ?(?:class|type|object|val|def|given|then|match): /);
      }
    }
    const all = ctxs.flatMap((c) => scalaHttp4sStub(c));
    const rpc = all.find((f) => f.path.endsWith('handlers/RpcHandlers.scala'))?.content ?? '';
    // protoc's classes named from the root, so a package segment never hides them
    expect(rpc).toMatch(/Protos\.parse\[_root_\.[a-z0-9_.]+\.[A-Za-z0-9]+OuterClass\.X1Response\]/);
    const models = all
      .filter((f) => f.path.endsWith('models/Models.scala'))
      .map((f) => f.content)
      .join('\n');
    // JSON keys as field names, in backticks, so reserved words and protoc's names stay as they are
    expect(models).toContain('`class_value`: Option[String] = None,');
    expect(models).toContain('`hash_code`: Option[Long] = None,');
  });
});

/** The Scala service of the rich-contract fixture: called by Go, calling Java, a queue both ways. */
const rich = stubOf(scalaContexts(fixtures()['contracts-rich']!), 'shop-scala');
const at = (name: string) => file(rich, new RegExp(`/${name}\\.scala$`));

describe('Scala · http4s stub: typed contracts', () => {
  it('writes the design types as case classes and enums with circe codecs, JSON keys as field names', () => {
    checkScala(rich);
    const models = at('models/Models');
    expect(models).toContain('enum OrderStatus derives ConfiguredEnumCodec:');
    expect(models).toContain('    case `ORDER_STATUS_OPEN`');
    expect(models).toContain('`items`: List[LineItem] = Nil,');
    expect(models).toContain('`labels`: Map[String, String] = Map.empty,');
    expect(models).toContain('`counts`: Map[Int, Long] = Map.empty,');
    expect(models).toContain('`status`: Option[OrderStatus] = None,');
    expect(models).toContain('`created_at`: Option[String] = None,');
  });

  it('serves the endpoints typed, at their declared success status, checking exercise calls', () => {
    const api = at('plumbing/ApiRoutes');
    expect(api).toContain('(Method.POST, List("cart", "addToCart"), postCartAddToCart),');
    expect(api).toContain('verbose <- queryOne[Boolean](request, "verbose")');
    expect(api).toContain('tag <- queryAll[String](request, "tag")');
    expect(api).toContain('xRequestId <- headerOne[String](request, "X-Request-Id")');
    expect(api).toContain('status <- queryOne[Models.OrderStatus](request, "status")');
    expect(api).toContain('body <- readBody[List[Models.LineItem]](request)');
    expect(api).toContain(
      'else RestHandlers.postOrders(body).map(answer => respond(201, Some(Exercise.json(answer))))',
    );
    expect(api).toContain('else RestHandlers.deleteOrdersByOrderId(orderId).as(respond(204, None))');
    expect(api).toContain('Problem(422, "POST /orders" + ": the request differs from the sample: " + problem)');
    const handlers = at('handlers/RestHandlers');
    expect(handlers).toContain(
      'def getOrdersByOrderId(orderId: String, verbose: Option[Boolean], tag: List[String], xRequestId: Option[String]): IO[Models.Order]',
    );
    expect(handlers).toContain('def deleteOrdersByOrderId(orderId: String): IO[Unit]');
    expect(handlers).toContain('Raise `Problem(status, detail)` for the declared error answers (404).');
  });

  it('serves all four RPC kinds on the generated classes and refuses an exercise request that is not the sample', () => {
    const server = at('plumbing/GrpcServer');
    expect(server).toMatch(/override def getOrder\(request: _root_\.[\w.]+\.OrderRef, observer: StreamObserver\[/);
    expect(server).toMatch(/override def watchOrders\(request: [\w.]+\.ListOrdersRequest, observer: /);
    expect(server).toMatch(
      /override def uploadItems\(observer: StreamObserver\[[\w.]+\.Order\]\): StreamObserver\[[\w.]+\.LineItem\]/,
    );
    expect(server).toMatch(
      /override def syncOrders\(observer: StreamObserver\[[\w.]+\.Order\]\): StreamObserver\[[\w.]+\.OrderRef\]/,
    );
    expect(server).toContain('throw Protos.invalid("GetOrder", "", problem)');
    expect(server).toContain('Protos.streamDiff(');
    expect(server).toContain('s"expected the sample twice, got $seen message(s)"');
    expect(server).toContain('"polyglot.ping.v1.PingService"');
    expect(server).toContain('ServerInterceptors.intercept(Service0(fanout, dispatcher), Protos.interceptor)');
    const handlers = at('handlers/RpcHandlers');
    expect(handlers).toMatch(/def uploadItems\(requests: List\[[\w.]+\.LineItem\]\): [\w.]+\.Order =/);
    expect(handlers).toMatch(
      /def syncOrders\(request: [\w.]+\.OrderRef, answers: StreamObserver\[[\w.]+\.Order\]\): Unit =/,
    );
    expect(handlers).toContain('def touch(request: _root_.com.google.protobuf.Empty)');
  });

  it('exercises every method of its typed targets from /ping, streaming RPCs with the sample twice', () => {
    const grpc = at('plumbing/ShopJavaGrpcClient');
    for (const rpc of ['GetOrder', 'PlaceOrder', 'WatchOrders', 'UploadItems', 'SyncOrders', 'Touch'])
      expect(grpc).toContain(`Exercise.method("${rpc}")`);
    expect(grpc).toMatch(/Protos\.diff\([^\n]*uploadItems\(List\(/);
    expect(grpc).toMatch(/Protos\.streamDiff\([^\n]*syncOrders\(List\(/);
    expect(grpc).toContain('PingServiceGrpc');
    const rest = at('plumbing/ShopJavaRestClient');
    expect(rest).toContain('Exercise.method("DELETE /orders/{orderId}")');
    expect(rest).toContain('if status != 201 then IO.pure(Some(s"expected HTTP 201, got HTTP $status"))');
    expect(rest).toContain('values("tag", tag.asJson)');
    expect(rest).toContain('joined(values("X-Request-Id", xRequestId.asJson))');
    const links = at('plumbing/Links');
    expect(links).toContain('Some(shopJavaRestClient.exercise)');
    expect(links).toContain('Some(IO.defer(shopJavaGrpcClient.exercise))');
  });

  it('publishes and checks the typed sample of the channel message', () => {
    const messages = at('handlers/Messages');
    expect(messages).toMatch(/def sampleOrderPlaced: [\w.]+ =/);
    expect(messages).toMatch(/def onOrderPlaced\(message: [\w.]+, from: String\): Unit =/);
    const subs = at('plumbing/Subscriptions');
    expect(subs).toContain('Exercise.jsonDiff(sample, Exercise.json(typed)).isEmpty');
    expect(at('plumbing/Envelopes')).toContain('"valid" -> valid(payload).asJson');
  });

  it('starts the gRPC server only when it serves gRPC', () => {
    expect(at('Main')).toContain('GrpcServer.resource(fanout, dispatcher)');
    const front = stubOf(every, 'front');
    expect(file(front, /\/Main\.scala$/)).not.toContain('GrpcServer');
  });

  it('pings a target not converted yet on its in-service Ping and exercises none of its methods', () => {
    const front = asUnconverted('scala-http4s', () => stubOf(scalaContexts(everyLinkDesign()), 'front'));
    const grpc = file(front, /plumbing\/BackGrpcClient\.scala$/);
    expect(grpc).toMatch(/\.setFullMethodName\("shop\.back\.v1\.BackService\/Ping"\)/);
    expect(grpc).toContain('ClientCalls');
    const links = file(front, /plumbing\/Links\.scala$/);
    expect(links).not.toContain('.exercise');
    expect(links).toContain('Fanout.entry("grpc", "back")');
  });
});
