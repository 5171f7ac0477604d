import type { EndpointContract, JsonValue, ParamContract } from '../../../model/contracts';
import { successCode } from '../../../model/contracts';
import type { GeneratedFile } from '../../types';
import { uniqueIdent } from '../java/names';
import { endpointLabel, paramSample, payloadSample } from '../python/typed';
import { HEADER } from './core';
import { ident, packageName, scalaString } from './names';
import { scalaFile, type RestPlan, type ScalaPlan } from './plan';
import { jsonLiteral, scalaJsonType, scalaParamType, scalaPayloadType } from './typed';

/**
 * REST: the routes of /healthz, /readyz and /ping (plumbing/Routes.scala), the service's endpoints
 * (plumbing/ApiRoutes.scala, typed and checked, calling handlers/RestHandlers.scala, the user's
 * to edit) and a typed client per outgoing REST link (plumbing/<Target>RestClient.scala). Bodies
 * and answers are the case classes of models/Models.scala.
 */

const SCALA_IDENT = /^[A-Za-z_][A-Za-z0-9_]*$/;

/** A legal, unique Scala name from a camelCase form. */
function safeName(camel: string, pascal: string, prefix: string, taken: Set<string>): string {
  const n = SCALA_IDENT.test(camel) ? camel : `${prefix}${pascal}`;
  return uniqueIdent(SCALA_IDENT.test(n) ? n : prefix, taken);
}

/** The Scala names of an endpoint's parameters, then of its body. */
function endpointArgs(e: EndpointContract): { params: Map<ParamContract, string>; body: string | null } {
  const taken = new Set(['body', 'request', 'segments', 'marked', 'got', 'answer', 'extraHeaders', 'callBody']);
  const params = new Map<ParamContract, string>();
  for (const prm of e.params) params.set(prm, safeName(prm.names.camel, prm.names.pascal, 'p', taken));
  return { params, body: e.body ? 'body' : null };
}

/** The handler of each own endpoint in RestHandlers (its operation's camelCase name). */
export function restHandlerNames(p: ScalaPlan): Map<EndpointContract, string> {
  const out = new Map<EndpointContract, string>();
  const taken = new Set<string>();
  for (const e of p.endpoints) out.set(e, safeName(e.names.camel, e.names.pascal, 'op', taken));
  return out;
}

function signature(e: EndpointContract): string[] {
  const { params, body } = endpointArgs(e);
  const sig = [...params].map(([prm, n]) => `${ident(n)}: ${scalaParamType(prm)}`);
  if (body && e.body) sig.push(`${body}: ${scalaPayloadType(e.body)}`);
  return sig;
}

function answerType(e: EndpointContract): string {
  return e.success.body ? scalaPayloadType(e.success.body) : 'Unit';
}

function handlerMethod(e: EndpointContract, name: string): string {
  const errors = e.responses.filter((r) => /^[45]/.test(r.status)).map((r) => r.status);
  const summary = e.summary ? `: ${e.summary.replace(/\s+/g, ' ').replace(/\*\//g, '* /').slice(0, 160)}` : '';
  const doc = `  /**
   * ${e.method} ${e.path.replace(/\*\//g, '* /')}${summary}${errors.length ? `\n   * Raise \`Problem(status, detail)\` for the declared error answers (${errors.join(', ')}).` : ''}
   */`;
  const ret = answerType(e);
  const body = e.success.body
    ? `IO.pure(Exercise.sample[${ret}](${jsonLiteral(payloadSample(e.success.body))}))`
    : 'IO.unit';
  return `${doc}
  def ${ident(name)}(${signature(e).join(', ')}): IO[${ret}] =
    // TODO: replace the sample answer with the real one.
    ${body}`;
}

function restHandlers(p: ScalaPlan): GeneratedFile {
  const names = restHandlerNames(p);
  return scalaFile(
    p.handlers,
    'RestHandlers',
    `// Your code: the REST endpoints other services call on this one. Safe to edit.
package ${packageName(p.handlers)}

import cats.effect.IO
import ${packageName(p.models)}.Models
import ${packageName(p.plumbing)}.{Exercise, Problem}

/**
 * The REST endpoints of ${p.dns}, typed by the contract, answering sample data until you fill them
 * in. ApiRoutes (generated) reads the parameters and the body and calls these; an error answer is
 * \`IO.raiseError(Problem(404, "..."))\`, sent as RFC 9457 application/problem+json.
 */
object RestHandlers:
${p.endpoints.map((e) => handlerMethod(e, names.get(e) ?? 'op')).join('\n\n')}
`,
  );
}

/** How the route reads a parameter. */
function readParam(prm: ParamContract, index: number): string {
  const one = scalaJsonType(prm.type);
  const name = scalaString(prm.name);
  if (prm.in === 'path') return `pathParam[${one}](segments, ${index}, ${name})`;
  const where = prm.in === 'header' ? 'header' : 'query';
  if (prm.repeated) return `${where}All[${one}](request, ${name})`;
  return prm.required ? `${where}Required[${one}](request, ${name})` : `${where}One[${one}](request, ${name})`;
}

/** The route's path template: literal segments, and `{}` for each parameter (in order). */
function template(e: EndpointContract): { segments: string[]; order: string[] } {
  const order: string[] = [];
  const segments = e.path
    .split('/')
    .filter((s) => s.length > 0)
    .map((s) => {
      const m = /^\{([^}]*)\}$/.exec(s);
      if (!m) return s;
      order.push(m[1] ?? '');
      return '{}';
    });
  return { segments, order };
}

function routeMethod(e: EndpointContract, handler: string): string {
  const { params, body } = endpointArgs(e);
  const { order } = template(e);
  const reads = [...params].map(([prm, n]) => `      ${ident(n)} <- ${readParam(prm, order.indexOf(prm.name))}`);
  if (body && e.body) reads.push(`      ${body} <- readBody[${scalaPayloadType(e.body)}](request)`);
  const expected: Record<string, JsonValue> = {};
  for (const prm of e.params) expected[prm.name] = paramSample(e, prm);
  if (e.body) expected['body'] = payloadSample(e.body);
  const got = [
    ...[...params].map(([prm, n]) => `${scalaString(prm.name)} -> Exercise.json(${ident(n)})`),
    ...(body ? [`"body" -> Exercise.json(${body})`] : []),
  ];
  const status = successCode(e);
  const label = scalaString(endpointLabel(e));
  const callArgs = [...[...params.values()].map(ident), ...(body ? [body] : [])].join(', ');
  const sample = e.success.body
    ? `Some(io.circe.parser.parse(${jsonLiteral(payloadSample(e.success.body))}).getOrElse(Json.Null))`
    : 'None';
  const user = e.success.body
    ? `RestHandlers.${ident(handler)}(${callArgs}).map(answer => respond(${status}, Some(Exercise.json(answer))))`
    : `RestHandlers.${ident(handler)}(${callArgs}).as(respond(${status}, None))`;
  return `  /** ${e.method} ${e.path.replace(/\*\//g, '* /')} */
  private def ${ident(handler)}(request: Request[IO], segments: List[String]): IO[Response[IO]] =
    for
${reads.join('\n')}${reads.length ? '\n' : ''}      answer <-
        if marked(request) then
          val got = Json.obj(${got.join(', ')})
          Exercise.jsonDiff(${jsonLiteral(expected)}, got) match
            case Some(problem) => IO.raiseError(Problem(422, ${label} + ": the request differs from the sample: " + problem))
            case None => IO.pure(respond(${status}, ${sample}))
        else ${user}
    yield answer`;
}

function apiRoutes(p: ScalaPlan): GeneratedFile {
  const names = restHandlerNames(p);
  const table = p.endpoints.map((e) => {
    const segs = template(e).segments.map(scalaString).join(', ');
    return `    (Method.${e.method}, List(${segs}), ${ident(names.get(e) ?? 'op')}),`;
  });
  return scalaFile(
    p.plumbing,
    'ApiRoutes',
    `${HEADER}
package ${packageName(p.plumbing)}

import cats.data.OptionT
import cats.effect.IO
import cats.syntax.all.*
import io.circe.{Decoder, Json}
import io.circe.syntax.*
import org.http4s.{Method, Request, Response, Status}
import org.http4s.circe.CirceEntityCodec.*
import org.typelevel.ci.CIString
import ${packageName(p.handlers)}.RestHandlers
import ${packageName(p.models)}.Models

/**
 * The REST endpoints of ${p.dns}, at their paths as declared (case kept). Each reads its path,
 * query and header parameters and its JSON body as the contract types them (400 for a parameter
 * that does not fit, 422 for a body), answers an exercise call (header \`polyglot-exercise\`)
 * with the sample after checking the request, and otherwise calls RestHandlers.
 */
object ApiRoutes:
  private type Handler = (Request[IO], List[String]) => IO[Response[IO]]

  /** Method, path template (\`{}\` for a parameter) and route of every endpoint. */
  private val table: List[(Method, List[String], Handler)] = List(
${table.join('\n')}
  )

  val routes: org.http4s.HttpRoutes[IO] = cats.data.Kleisli { (request: Request[IO]) =>
    val segments = request.uri.path.segments.map(_.decoded()).toList
    OptionT(
      table
        .collectFirst {
          case (method, template, handler) if method == request.method && fits(template, segments) =>
            handler(request, segments.zip(template).collect { case (s, "{}") => s })
        }
        .sequence,
    )
  }

  private def fits(template: List[String], segments: List[String]): Boolean =
    template.size == segments.size && template.zip(segments).forall((t, s) => t == "{}" || t == s)

  private def marked(request: Request[IO]): Boolean = request.headers.get(CIString(Exercise.Header)).isDefined

  private def respond(status: Int, body: Option[Json]): Response[IO] =
    val answer = Response[IO](Status.fromInt(status).getOrElse(Status.Ok))
    body.fold(answer)(answer.withEntity(_))

  private def fit[A](name: String, value: Either[String, A]): IO[A] =
    IO.fromEither(value.left.map(why => Problem(400, s"parameter $name: $why")))

  private def pathParam[A: Decoder](values: List[String], index: Int, name: String): IO[A] =
    fit(name, values.lift(index).toRight("missing").flatMap(Exercise.param[A]))

  private def queryOne[A: Decoder](request: Request[IO], name: String): IO[Option[A]] =
    request.multiParams.get(name).flatMap(_.headOption).traverse(v => fit(name, Exercise.param[A](v)))

  private def queryRequired[A: Decoder](request: Request[IO], name: String): IO[A] =
    queryOne[A](request, name).flatMap(v => fit(name, v.toRight("missing")))

  private def queryAll[A: Decoder](request: Request[IO], name: String): IO[List[A]] =
    request.multiParams.getOrElse(name, Nil).toList.traverse(v => fit(name, Exercise.param[A](v)))

  private def headerText(request: Request[IO], name: String): Option[String] =
    request.headers.get(CIString(name)).map(_.toList.map(_.value).mkString(", "))

  private def headerOne[A: Decoder](request: Request[IO], name: String): IO[Option[A]] =
    headerText(request, name).traverse(v => fit(name, Exercise.param[A](v)))

  private def headerRequired[A: Decoder](request: Request[IO], name: String): IO[A] =
    headerOne[A](request, name).flatMap(v => fit(name, v.toRight("missing")))

  private def headerAll[A: Decoder](request: Request[IO], name: String): IO[List[A]] =
    headerText(request, name).toList.flatMap(_.split(",").map(_.trim).filter(_.nonEmpty)).traverse(v => fit(name, Exercise.param[A](v)))

  /** The body as its contract type; 422 when it is not JSON or does not fit. */
  private def readBody[A: Decoder](request: Request[IO]): IO[A] =
    request.bodyText.compile.string.flatMap { text =>
      IO.fromEither(
        io.circe.parser
          .decode[A](text)
          .left
          .map(e => Problem(422, "the body does not fit the contract: " + Exercise.shorten(e.getMessage))),
      )
    }

${p.endpoints.map((e) => routeMethod(e, names.get(e) ?? 'op')).join('\n\n')}
`,
  );
}

/** Method names of a target's used endpoints in its client, unique. */
function clientNames(r: RestPlan): Map<EndpointContract, string> {
  const out = new Map<EndpointContract, string>();
  const taken = new Set(['ping', 'exercise', 'send', 'base', 'uri', 'read', 'values']);
  for (const e of r.used) out.set(e, safeName(e.names.camel, e.names.pascal, 'op', taken));
  return out;
}

function clientMethod(e: EndpointContract, name: string): string {
  const { params, body } = endpointArgs(e);
  const sig = [...signature(e), 'extraHeaders: List[(String, String)] = Nil'];
  const path = e.path
    .split(/(\{[^}]*\})/)
    .filter((s) => s.length > 0)
    .map((s) => {
      const m = /^\{([^}]*)\}$/.exec(s);
      if (!m) return scalaString(s);
      const prm = e.params.find((x) => x.in === 'path' && x.name === m[1]);
      const n = prm && params.get(prm);
      return n ? `segment(${ident(n)}.asJson)` : '""';
    })
    .join(' + ');
  const query = [...params]
    .filter(([prm]) => prm.in === 'query')
    .map(([prm, n]) => `values(${scalaString(prm.name)}, ${ident(n)}.asJson)`);
  const hdrs = [...params]
    .filter(([prm]) => prm.in === 'header')
    .map(([prm, n]) => `values(${scalaString(prm.name)}, ${ident(n)}.asJson)`);
  const headers = hdrs.length ? `joined(${hdrs.join(' ++ ')}) ++ extraHeaders` : 'extraHeaders';
  const ret = answerType(e);
  const args = [...[...params.values()].map(ident), ...(body ? [body] : []), 'extraHeaders'].join(', ');
  const read = e.success.body ? `.flatMap((_, text) => read[${ret}](text))` : '.void';
  return `  /** ${e.method} ${e.path.replace(/\*\//g, '* /')}; an error answer raises RestException with its status and RFC 9457 problem. */
  def ${ident(name)}(${sig.join(', ')}): IO[${ret}] =
    ${ident(name)}Exchange(${args})${read}

  private def ${ident(name)}Exchange(${sig.join(', ')}): IO[(Int, String)] =
    send(Method.${e.method}, ${path || '"/"'}, ${query.length ? query.join(' ++ ') : 'Nil'}, ${headers}, ${body ? `Some(Exercise.json(${body}))` : 'None'})`;
}

function exerciseLine(e: EndpointContract, name: string): string {
  const { params, body } = endpointArgs(e);
  const args = [...params].map(
    ([prm]) => `Exercise.sample[${scalaParamType(prm)}](${jsonLiteral(paramSample(e, prm))})`,
  );
  if (body && e.body) args.push(`Exercise.sample[${scalaPayloadType(e.body)}](${jsonLiteral(payloadSample(e.body))})`);
  args.push('Marked');
  const status = successCode(e);
  const check = e.success.body
    ? `read[${scalaPayloadType(e.success.body)}](text).map(answer => Exercise.jsonDiff(${jsonLiteral(payloadSample(e.success.body))}, Exercise.json(answer)))`
    : 'IO.pure(None)';
  return `      Exercise.method(${scalaString(endpointLabel(e))}) {
        IO.defer(${ident(name)}Exchange(${args.join(', ')})).flatMap { (status, text) =>
          if status != ${status} then IO.pure(Some(s"expected HTTP ${status}, got HTTP $status")) else ${check}
        }
      },`;
}

function restClient(p: ScalaPlan, r: RestPlan): GeneratedFile {
  const names = clientNames(r);
  return scalaFile(
    p.plumbing,
    r.cls,
    `${HEADER}
package ${packageName(p.plumbing)}

import cats.effect.IO
import cats.syntax.all.*
import io.circe.{Decoder, Json}
import io.circe.syntax.*
import org.http4s.{Header, Headers, Method, Request, Uri}
import org.http4s.circe.CirceEntityCodec.*
import org.http4s.client.Client
import org.typelevel.ci.CIString
import ${packageName(p.models)}.Models

/** Typed client of ${r.target}'s REST endpoints, at ${r.t.call.envVar} (default ${r.fallback}). */
final class ${r.cls}(http: Client[IO]):
  private val base = Env.get(${scalaString(r.t.call.envVar)}, ${scalaString(r.fallback)}).stripSuffix("/")

  /** The headers of an exercise call. */
  private val Marked = List(Exercise.Header -> "1")

  /** GET /ping of ${r.target}, with the path so far. */
  def ping(hops: List[String]): IO[Json] =
    http
      .expect[Json](Uri.unsafeFromString(base + "/ping").withQueryParam("path", hops.mkString(",")))
      .timeout(Env.callTimeout(hops.size))
${r.used.map((e) => `\n${clientMethod(e, names.get(e) ?? 'call')}\n`).join('')}
  /** Calls every endpoint this link uses with the sample request and checks the answers. */
  def exercise: IO[Vector[Json]] =
    Vector[IO[Json]](
${r.used.map((e) => exerciseLine(e, names.get(e) ?? 'call')).join('\n')}
    ).sequence

  /** Sends a request; a 2XX answer gives its status and body, any other raises RestException. */
  private def send(method: Method, path: String, query: List[(String, String)], headers: List[(String, String)], body: Option[Json]): IO[(Int, String)] =
    val target = Uri.unsafeFromString(base + path).withMultiValueQueryParams(query.groupMap(_._1)(_._2))
    val request = Request[IO](method, target)
      .withHeaders(Headers(Header.Raw(CIString("Accept"), "application/json") :: headers.map((k, v) => Header.Raw(CIString(k), v))))
    val withBody = body.fold(request)(request.withEntity(_))
    http
      .run(withBody)
      .use(answer => answer.bodyText.compile.string.map(answer.status.code -> _))
      .timeout(Env.Timeout * 3)
      .flatMap { (status, text) =>
        if status / 100 == 2 then IO.pure(status -> text) else IO.raiseError(RestException(status, text))
      }

  /** A success answer's JSON as A. */
  private def read[A: Decoder](text: String): IO[A] = IO.fromEither(io.circe.parser.decode[A](text))

  /** A path segment: the value as text, percent-encoded. */
  private def segment(value: Json): String = Uri.pathEncode(Exercise.text(value))

  /** The values of a parameter (none when unset, each element of a list) as text. */
  private def values(name: String, value: Json): List[(String, String)] =
    value.asArray.map(_.toList).getOrElse(List(value)).filterNot(_.isNull).map(v => name -> Exercise.text(v))

  /** Header values of one name joined by ", ". */
  private def joined(pairs: List[(String, String)]): List[(String, String)] =
    pairs.groupMap(_._1)(_._2).toList.map((k, vs) => k -> vs.mkString(", "))
`,
  );
}

function restException(p: ScalaPlan): GeneratedFile {
  return scalaFile(
    p.plumbing,
    'RestException',
    `${HEADER}
package ${packageName(p.plumbing)}

import io.circe.Json

/**
 * An error answer (4XX, 5XX) of a typed REST client: its status, its body, and the RFC 9457
 * problem it carries (an answer that is not one reads as a problem with its status and the body
 * as the detail).
 */
final case class RestException(status: Int, body: String) extends Exception(s"HTTP $status: \${Exercise.shorten(body)}"):
  /** The answer's problem: type, title, status, detail and any other member. */
  def problem: Json =
    io.circe.parser.parse(body).toOption.filter(_.isObject).getOrElse(
      Json.obj("status" -> Json.fromInt(status), "detail" -> Json.fromString(body)),
    )
`,
  );
}

/** The REST files of a Scala stub. */
export function restFiles(p: ScalaPlan): GeneratedFile[] {
  const own = p.endpoints.length > 0 ? [apiRoutes(p), restHandlers(p)] : [];
  const clients = p.rest.map((r) => restClient(p, r));
  return [...own, ...clients, ...(clients.length ? [restException(p)] : [])];
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
${own ? 'import cats.syntax.all.*\n' : ''}import io.circe.Json
import io.circe.syntax.*
import org.http4s.{HttpApp, HttpRoutes, MediaType, Response, Status}
import org.http4s.circe.CirceEntityCodec.*
import org.http4s.dsl.io.*
import org.http4s.headers.\`Content-Type\`

/** GET /healthz, /readyz and /ping${own ? ", and the service's own endpoints (ApiRoutes)" : ''}. */
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
  }${own ? ' <+> ApiRoutes.routes' : ''}

  /** Every answer; an error without a body of its own is RFC 9457 application/problem+json. */
  val app: HttpApp[IO] = HttpApp[IO] { request =>
    contract(request)
      .getOrElse(Problem.of(Status.NotFound, s"no route for \${request.method} \${request.uri.path}"))
      .handleErrorWith {
        case p: Problem => IO.pure(Problem.of(Status.fromInt(p.status).getOrElse(Status.InternalServerError), p.detail))
        case e: org.http4s.MessageFailure => IO.pure(Problem.of(e.toHttpResponse[IO](request.httpVersion).status, e.getMessage))
        case e => IO.println(s"error: \${Fanout.describe(e)}").as(Problem.of(Status.InternalServerError, Fanout.describe(e)))
      }
  }

/**
 * An error answer of a REST endpoint, sent as RFC 9457 application/problem+json: raise
 * \`Problem(404, "no such order")\` from a handler.
 */
final case class Problem(status: Int, detail: String) extends Exception(s"HTTP $status: $detail")

/** RFC 9457 problem answers. */
object Problem:
  def of(status: Status, detail: String): Response[IO] =
    Response[IO](status)
      .withEntity(Json.obj("type" -> "about:blank".asJson, "title" -> status.reason.asJson, "status" -> status.code.asJson, "detail" -> detail.asJson))
      .withContentType(\`Content-Type\`(MediaType.unsafeParse("application/problem+json")))
`,
  );
}
