import type { ContractEndpoint } from '../../../model/contracts';
import type { GeneratedFile } from '../../types';
import { HEADER } from './core';
import { caseClass, ident, packageName, sampleInstance, scalaString } from './names';
import { scalaFile, type RestPlan, type ScalaPlan } from './plan';

/**
 * REST: the routes of /healthz, /readyz, /ping and the service's endpoints (plumbing/Routes.scala),
 * the endpoints' handlers (handlers/RestHandlers.scala, the user's), their models
 * (models/Models.scala) and a typed client per outgoing REST link.
 */

const DSL_METHOD: Record<ContractEndpoint['method'], string> = {
  GET: 'GET',
  POST: 'POST',
  PUT: 'PUT',
  PATCH: 'PATCH',
  DELETE: 'DELETE',
};

export const requestClass = (e: ContractEndpoint) => `${e.pascal}Request`;
export const responseClass = (e: ContractEndpoint) => `${e.pascal}Response`;
const hasBody = (e: ContractEndpoint) => e.request.length > 0;

/** The handler's parameters: the path parameters in order, then the body. */
function handlerParams(e: ContractEndpoint, qualify: (cls: string) => string): string {
  return [
    ...e.params.map((x) => `${ident(x)}: String`),
    ...(hasBody(e) ? [`body: ${qualify(requestClass(e))}`] : []),
  ].join(', ');
}

/** The case classes of a list of endpoints. */
function endpointModels(endpoints: readonly ContractEndpoint[]): string[] {
  return endpoints.flatMap((e) => [
    ...(hasBody(e) ? [caseClass(requestClass(e), e.request, `The body of ${e.method} ${e.path}.`)] : []),
    caseClass(responseClass(e), e.response, `The answer of ${e.method} ${e.path}.`),
  ]);
}

/** models/Models.scala: the bodies of the service's own endpoints and the messages it publishes or consumes. */
export function modelsFile(p: ScalaPlan): GeneratedFile {
  const classes = [
    ...endpointModels(p.endpoints),
    ...p.messages.map((m) => caseClass(`${m.stem}Message`, m.fields, `The payload of the messages on ${m.topic}.`)),
  ];
  return scalaFile(
    p.models,
    'Models',
    `${HEADER}
package ${packageName(p.models)}

import io.circe.Codec

// Each case class's fields are the JSON keys of the contract; circe derives the codecs.
${classes.join('\n\n')}
`,
  );
}

/** handlers/RestHandlers.scala: one method per endpoint, answering the sample until filled in. */
export function restHandlers(p: ScalaPlan): GeneratedFile[] {
  if (p.endpoints.length === 0) return [];
  const methods = p.endpoints.map(
    (e) => `  /** ${e.method} ${e.path} */
  def ${ident(e.operationId)}(${handlerParams(e, (c) => c)}): IO[${responseClass(e)}] =
    // TODO: replace the sample answer with the real one.
    IO.pure(${sampleInstance(responseClass(e), e.response)})`,
  );
  return [
    scalaFile(
      p.handlers,
      'RestHandlers',
      `// Your code: the REST endpoints other services call on this one. Safe to edit.
package ${packageName(p.handlers)}

import cats.effect.IO
import ${packageName(p.models)}.*

/** The endpoints of this service, answering sample data until you fill them in. */
object RestHandlers:
${methods.join('\n\n')}
`,
    ),
  ];
}

/** The http4s pattern of a path: `Root / "orders" / id`, parameters bound in order. */
function pathPattern(e: ContractEndpoint): { pattern: string; args: string[] } {
  const args: string[] = [];
  const segs = e.path.split('/').filter((s) => s.length > 0);
  const parts = segs.map((s) => {
    const m = /^\{([a-z0-9_]+)\}$/.exec(s);
    if (!m) return scalaString(s);
    const v = `param${args.length + 1}`;
    args.push(v);
    return v;
  });
  return { pattern: ['Root', ...parts].join(' / '), args };
}

function route(e: ContractEndpoint): string {
  const { pattern, args } = pathPattern(e);
  const call = `RestHandlers.${ident(e.operationId)}(${[...args, ...(hasBody(e) ? ['body'] : [])].join(', ')})`;
  const answer = hasBody(e)
    ? `request.as[${requestClass(e)}].flatMap(body => ${call}).flatMap(answer => Ok(answer.asJson))`
    : `${call}.flatMap(answer => Ok(answer.asJson))`;
  return `    case ${hasBody(e) ? 'request @ ' : ''}${DSL_METHOD[e.method]} -> ${pattern} =>\n      ${answer}`;
}

/** plumbing/Routes.scala: the HTTP contract and the endpoints, with RFC 9457 answers for errors. */
export function routesFile(p: ScalaPlan): GeneratedFile {
  const own = p.endpoints.length > 0;
  return scalaFile(
    p.plumbing,
    'Routes',
    `${HEADER}
package ${packageName(p.plumbing)}

import cats.effect.IO
import io.circe.Json
import io.circe.syntax.*
import org.http4s.{HttpApp, HttpRoutes, MediaType, Response, Status}
import org.http4s.circe.CirceEntityCodec.*
import org.http4s.dsl.io.*
import org.http4s.headers.\`Content-Type\`
${own ? `import ${packageName(p.handlers)}.RestHandlers\nimport ${packageName(p.models)}.*\n` : ''}
/** GET /healthz, /readyz and /ping, and the service's own endpoints. */
final class Routes(fanout: Fanout):
  private val contract = HttpRoutes.of[IO] {
    case GET -> Root / "healthz" =>
      Ok(Json.obj("status" -> "ok".asJson))
    case GET -> Root / "readyz" =>
      Ready.unreachable.flatMap { down =>
        if down.isEmpty then Ok(Json.obj("status" -> "ok".asJson))
        else ServiceUnavailable(Json.obj("status" -> "unavailable".asJson, "unreachable" -> down.asJson))
      }
    case request @ GET -> Root / "ping" =>
      val path = request.params.get("path").toList.flatMap(_.split(',')).map(_.trim).filter(_.nonEmpty)
      fanout.tree(path).flatMap(tree => Ok(tree))
${p.endpoints.map(route).join('\n')}
  }

  /** Every answer; an error without a body of its own is RFC 9457 application/problem+json. */
  val app: HttpApp[IO] = HttpApp[IO] { request =>
    contract(request)
      .getOrElse(Problem.of(Status.NotFound, s"no route for \${request.method} \${request.uri.path}"))
      .handleErrorWith {
        case e: org.http4s.MessageFailure => IO.pure(Problem.of(e.toHttpResponse[IO](request.httpVersion).status, e.getMessage))
        case e => IO.println(s"error: \${Fanout.describe(e)}").as(Problem.of(Status.InternalServerError, Fanout.describe(e)))
      }
  }

/** RFC 9457 problem answers. */
object Problem:
  def of(status: Status, detail: String): Response[IO] =
    Response[IO](status)
      .withEntity(Json.obj("type" -> "about:blank".asJson, "title" -> status.reason.asJson, "status" -> status.code.asJson, "detail" -> detail.asJson))
      .withContentType(\`Content-Type\`(MediaType.unsafeParse("application/problem+json")))
`,
  );
}

function clientMethod(e: ContractEndpoint, cls: string): string {
  const q = (c: string) => `${cls}.${c}`;
  const path = e.path
    .replace(/\$/g, '$$$$')
    .replace(/\{([a-z0-9_]+)\}/g, (_m, name: string) => `\${enc(${ident(name)})}`);
  const params = handlerParams(e, q);
  const body = hasBody(e) ? '.withEntity(body.asJson)' : '';
  return `  /** ${e.method} ${e.path} */
  def ${ident(e.operationId)}(${params}): IO[${q(responseClass(e))}] =
    http.expect[${q(responseClass(e))}](Request[IO](Method.${e.method}, uri(s${JSON.stringify(path)}))${body})
      .timeout(Env.Timeout + Env.Timeout)`;
}

/** plumbing/<Target>RestClient.scala: /ping and the target's endpoints this link uses, typed. */
function restClient(p: ScalaPlan, r: RestPlan): GeneratedFile {
  const models = endpointModels(r.endpoints).map((c) => c.replace(/^/gm, '  '));
  return scalaFile(
    p.plumbing,
    r.cls,
    `${HEADER}
package ${packageName(p.plumbing)}

import cats.effect.IO
import io.circe.{Codec, Json}
import io.circe.syntax.*
import org.http4s.{Method, Request, Uri}
import org.http4s.circe.CirceEntityCodec.*
import org.http4s.client.Client

/** Calls ${r.target} over REST at ${r.envVar} (default ${r.fallback}). */
final class ${r.cls}(http: Client[IO]):
  private val base = Env.get(${scalaString(r.envVar)}, ${scalaString(r.fallback)}).stripSuffix("/")

  private def uri(path: String): Uri = Uri.unsafeFromString(base + path)

  private def enc(segment: String): String = Uri.pathEncode(segment)

  /** GET /ping of ${r.target}, with the path so far. */
  def ping(hops: List[String]): IO[Json] =
    http.expect[Json](uri("/ping").withQueryParam("path", hops.mkString(","))).timeout(Env.callTimeout(hops.size))
${r.endpoints.map((e) => `\n${clientMethod(e, r.cls)}`).join('\n')}
${
  models.length
    ? `
/** The bodies of ${r.target}'s endpoints that this service calls. */
object ${r.cls}:
${models.join('\n\n')}
`
    : ''
}`,
  );
}

export function restClients(p: ScalaPlan): GeneratedFile[] {
  return p.rest.map((r) => restClient(p, r));
}
