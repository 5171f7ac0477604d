import type { EndpointContract, JsonValue, ParamContract } from '../../../model/contracts';
import { successCode } from '../../../model/contracts';
import type { GeneratedFile } from '../../types';
import { endpointLabel, paramSample, payloadSample } from '../python/typed';
import { javaString, uniqueIdent } from './names';
import { javaFile, type JavaPlan, type RestPlan } from './plan';
import { isJavaIdent, javaParamType, javaPayloadType, jsonLiteral } from './typed';

/**
 * REST: the endpoints this service serves (plumbing/RestRoutes.java, typed and checked, calling
 * handlers/ApiHandlers.java, the user's to edit) and a typed client per outgoing REST link
 * (plumbing/<Target>RestClient.java). Bodies and answers are the records of models/Models.java.
 */

const HEADER = '// Generated plumbing: regenerating the project replaces this file. Edit the handlers package.';

/** The status a successful call answers. */
function successStatus(e: EndpointContract): number {
  return successCode(e);
}

/** The Java names of an endpoint's parameters, then of its body. */
function endpointArgs(e: EndpointContract): { params: Map<ParamContract, string>; body: string | null } {
  const taken = new Set(['body', 'exerciseMarker', 'extraHeaders', 'callQuery', 'callHeaders', 'callAnswer']);
  const params = new Map<ParamContract, string>();
  for (const prm of e.params) {
    const n = isJavaIdent(prm.names.camel) ? prm.names.camel : `p${prm.names.pascal}`;
    params.set(prm, uniqueIdent(isJavaIdent(n) ? n : 'param', taken));
  }
  return { params, body: e.body ? 'body' : null };
}

/** The handler of each own endpoint in ApiHandlers (its operation's camelCase name). */
export function restHandlerNames(p: JavaPlan): Map<EndpointContract, string> {
  const out = new Map<EndpointContract, string>();
  const taken = new Set<string>();
  for (const e of p.endpoints) {
    const n = isJavaIdent(e.names.camel) ? e.names.camel : `op${e.names.pascal}`;
    out.set(e, uniqueIdent(n, taken));
  }
  return out;
}

/** The Spring route of an endpoint: parameters renamed `{p0}`, `{p1}` … (safe in every pattern), case kept. */
function springPath(e: EndpointContract): { path: string; route: Map<string, string> } {
  let i = 0;
  const route = new Map<string, string>();
  const path = e.path.replace(/\{([^}]*)\}/g, (_m, n: string) => {
    const r = `p${i++}`;
    route.set(n, r);
    return `{${r}}`;
  });
  return { path, route };
}

function returnType(e: EndpointContract): string {
  return e.success.body ? javaPayloadType(e.success.body) : 'void';
}

/** The `new TypeReference<T>() {}` of a Java type. */
function typeRef(t: string): string {
  return `new TypeReference<${t}>() {}`;
}

function handlerMethod(e: EndpointContract, name: string): string {
  const { params, body } = endpointArgs(e);
  const sig = [...params].map(([prm, n]) => `${javaParamType(prm)} ${n}`);
  if (body && e.body) sig.push(`${javaPayloadType(e.body)} ${body}`);
  const errors = e.responses.filter((r) => /^[45]/.test(r.status)).map((r) => r.status);
  const ret = returnType(e);
  const summary = e.summary ? `: ${e.summary.replace(/\s+/g, ' ').replace(/\*\//g, '* /').slice(0, 160)}` : '';
  return `  /**
   * ${e.method} ${e.path.replace(/\*\//g, '* /')}${summary}${errors.length ? `\n   * Throw {@code new Problem(status, detail)} for the declared error answers (${errors.join(', ')}).` : ''}
   */
  public ${ret} ${name}(${sig.join(', ')}) {
    // TODO: replace the sample answer with the real one.
${e.success.body ? `    return Exercise.sample(${jsonLiteral(payloadSample(e.success.body))}, ${typeRef(ret)});` : '    return;'}
  }`;
}

function apiHandlers(p: JavaPlan): GeneratedFile {
  const names = restHandlerNames(p);
  const usesSample = p.endpoints.some((e) => e.success.body);
  return javaFile(
    p.handlers,
    'ApiHandlers',
    `// Your code: the REST endpoints other services call on this one. Safe to edit.
package ${p.handlers};

${usesSample ? 'import tools.jackson.core.type.TypeReference;\n' : ''}import ${p.models}.Models;
import ${p.plumbing}.Exercise;
import ${p.plumbing}.Problem;
import org.springframework.stereotype.Component;

/**
 * The REST endpoints of ${p.dns}, typed by the contract, answering sample data until you fill them
 * in. RestRoutes (generated) reads the parameters and the body and calls these; an error answer is
 * {@code throw new Problem(404, "...")}, sent as RFC 9457 application/problem+json.
 */
@Component
public class ApiHandlers {
${p.endpoints.map((e) => handlerMethod(e, names.get(e) ?? 'op')).join('\n\n')}
}
`,
  );
}

function paramAnnotation(prm: ParamContract, route: Map<string, string>): string {
  if (prm.in === 'path') return `@PathVariable(${javaString(route.get(prm.name) ?? prm.name)})`;
  const kind = prm.in === 'header' ? 'RequestHeader' : 'RequestParam';
  return `@${kind}(name = ${javaString(prm.name)}, required = ${prm.required ? 'true' : 'false'})`;
}

function routeMethod(p: JavaPlan, e: EndpointContract, handler: string): string {
  const { params, body } = endpointArgs(e);
  const { path, route } = springPath(e);
  const args = [
    ...[...params].map(([prm, n]) => `${paramAnnotation(prm, route)} ${javaParamType(prm)} ${n}`),
    ...(body && e.body ? [`@RequestBody(required = false) ${javaPayloadType(e.body)} ${body}`] : []),
    '@RequestHeader(name = Exercise.HEADER, required = false) String exerciseMarker',
  ];
  const expected: Record<string, JsonValue> = {};
  for (const prm of e.params) expected[prm.name] = paramSample(e, prm);
  if (e.body) expected['body'] = payloadSample(e.body);
  const got = [
    ...[...params].map(([prm, n]) => `      callGot.put(${javaString(prm.name)}, ${n});`),
    ...(body ? [`      callGot.put("body", ${body});`] : []),
  ];
  const callArgs = [...params.values(), ...(body ? [body] : [])].join(', ');
  const status = successStatus(e);
  const label = javaString(endpointLabel(e));
  const answer = e.success.body ? jsonLiteral(payloadSample(e.success.body)) : 'null';
  const userCall = e.success.body
    ? `return ResponseEntity.status(${status}).body(apiHandlers.${handler}(${callArgs}));`
    : `apiHandlers.${handler}(${callArgs});\n    return ResponseEntity.status(${status}).build();`;
  return `  /** ${e.method} ${e.path.replace(/\*\//g, '* /')} */
  @RequestMapping(method = RequestMethod.${e.method}, path = ${javaString(path)})
  public ResponseEntity<Object> ${handler}(
      ${args.join(',\n      ')}) {
    if (exerciseMarker != null) {
      Map<String, Object> callGot = new LinkedHashMap<>();
${got.join('\n')}
      String callProblem = Exercise.jsonDiff(${jsonLiteral(expected)}, callGot);
      if (callProblem != null) {
        throw new Problem(422, ${label} + ": the request differs from the sample: " + callProblem);
      }
      return answer(${status}, ${answer});
    }
    ${userCall}
  }`;
}

function restRoutes(p: JavaPlan): GeneratedFile {
  const names = restHandlerNames(p);
  const used = new Set<string>();
  for (const e of p.endpoints) {
    for (const prm of e.params)
      used.add(prm.in === 'path' ? 'PathVariable' : prm.in === 'header' ? 'RequestHeader' : 'RequestParam');
    if (e.body) used.add('RequestBody');
  }
  used.add('RequestHeader');
  const imports = [...used].sort().map((a) => `import org.springframework.web.bind.annotation.${a};`);
  return javaFile(
    p.plumbing,
    'RestRoutes',
    `${HEADER}
package ${p.plumbing};

import java.util.LinkedHashMap;
import java.util.Map;
import ${p.handlers}.ApiHandlers;
import ${p.models}.Models;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
${imports.join('\n')}
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.RestController;

/**
 * The REST endpoints of ${p.dns}, at their paths as declared (case kept). Each reads its path,
 * query and header parameters and its JSON body as the contract types them (400 for a parameter
 * that does not fit, 422 for a body: see Problems), answers an exercise call (header
 * {@code polyglot-exercise}) with the sample after checking the request, and otherwise calls
 * ApiHandlers.
 */
@RestController
public class RestRoutes {
  private final ApiHandlers apiHandlers;

  public RestRoutes(ApiHandlers apiHandlers) {
    this.apiHandlers = apiHandlers;
  }

  /** The sample answer of an exercise call. */
  private static ResponseEntity<Object> answer(int status, String json) {
    if (json == null) return ResponseEntity.status(status).build();
    return ResponseEntity.status(status).contentType(MediaType.APPLICATION_JSON).body(Exercise.readJson(json));
  }

${p.endpoints.map((e) => routeMethod(p, e, names.get(e) ?? 'op')).join('\n\n')}
}
`,
  );
}

/** Method names of a target's used endpoints in its client, unique. */
function clientNames(r: RestPlan): Map<EndpointContract, string> {
  const out = new Map<EndpointContract, string>();
  const taken = new Set(['ping', 'exercise', 'send', 'baseUrl', 'segment', 'text']);
  for (const e of r.used) {
    const n = isJavaIdent(e.names.camel) ? e.names.camel : `op${e.names.pascal}`;
    out.set(e, uniqueIdent(n, taken));
  }
  return out;
}

/** The private method of each used endpoint that sends it and returns the whole response, unique. */
function exchangeNames(r: RestPlan, names: Map<EndpointContract, string>): Map<EndpointContract, string> {
  const out = new Map<EndpointContract, string>();
  const taken = new Set(['ping', 'exercise', 'send', 'baseUrl', 'segment', 'text', 'read', ...names.values()]);
  for (const e of r.used) out.set(e, uniqueIdent(`${names.get(e) ?? 'call'}Exchange`, taken));
  return out;
}

function clientMethod(e: EndpointContract, name: string, exchange: string): string {
  const { params, body } = endpointArgs(e);
  const sig = [...params].map(([prm, n]) => `${javaParamType(prm)} ${n}`);
  if (body && e.body) sig.push(`${javaPayloadType(e.body)} ${body}`);
  const pathExpr = e.path
    .split(/(\{[^}]*\})/)
    .filter((s) => s.length > 0)
    .map((s) => {
      const m = /^\{([^}]*)\}$/.exec(s);
      if (!m) return javaString(s);
      const prm = e.params.find((x) => x.in === 'path' && x.name === m[1]);
      const n = prm && params.get(prm);
      return n ? `segment(${n})` : '""';
    })
    .join(' + ');
  const query = [...params]
    .filter(([prm]) => prm.in === 'query')
    .map(([prm, n]) => `    query(callQuery, ${javaString(prm.name)}, ${n});`);
  const hdrs = [...params]
    .filter(([prm]) => prm.in === 'header')
    .map(([prm, n]) => `    header(callHeaders, ${javaString(prm.name)}, ${n});`);
  const ret = returnType(e);
  const args = [...params.values(), ...(body ? [body] : [])];
  const send = `send(${javaString(e.method)}, ${pathExpr || '"/"'} + queryText(callQuery), callHeaders, ${body ?? 'null'})`;
  const withHeaders = [...sig, 'Map<String, String> extraHeaders'].join(', ');
  return `  /**
   * ${e.method} ${e.path.replace(/\*\//g, '* /')}; an error answer throws {@link RestException} with its status and
   * RFC 9457 problem.
   */
  public ${ret} ${name}(${sig.join(', ')}) throws IOException, InterruptedException {
    ${ret === 'void' ? '' : 'return '}${name}(${[...args, 'Map.of()'].join(', ')});
  }

  public ${ret} ${name}(${withHeaders}) throws IOException, InterruptedException {
    ${ret === 'void' ? '' : `return read(`}${exchange}(${[...args, 'extraHeaders'].join(', ')})${ret === 'void' ? '' : `, ${typeRef(ret)})`};
  }

  private HttpResponse<byte[]> ${exchange}(${withHeaders}) throws IOException, InterruptedException {
    List<String[]> callQuery = new ArrayList<>();
${query.join('\n')}${query.length ? '\n' : ''}    Map<String, String> callHeaders = new LinkedHashMap<>(extraHeaders);
${hdrs.join('\n')}${hdrs.length ? '\n' : ''}    return ${send};
  }`;
}

function exerciseLine(e: EndpointContract, exchange: string): string {
  const { params, body } = endpointArgs(e);
  const args = [...params].map(
    ([prm]) => `Exercise.sample(${jsonLiteral(paramSample(e, prm))}, ${typeRef(javaParamType(prm))})`,
  );
  if (body && e.body)
    args.push(`Exercise.sample(${jsonLiteral(payloadSample(e.body))}, ${typeRef(javaPayloadType(e.body))})`);
  args.push('MARKED');
  const label = javaString(endpointLabel(e));
  const status = successStatus(e);
  const check = e.success.body
    ? `Exercise.jsonDiff(${jsonLiteral(payloadSample(e.success.body))}, read(answer, ${typeRef(javaPayloadType(e.success.body))}))`
    : 'null';
  return `    exerciseResults.add(Exercise.method(${label}, () -> {
      HttpResponse<byte[]> answer = ${exchange}(${args.join(', ')});
      if (answer.statusCode() != ${status}) return "expected HTTP ${status}, got HTTP " + answer.statusCode();
      return ${check};
    }));`;
}

function restClient(p: JavaPlan, r: RestPlan): GeneratedFile {
  const names = clientNames(r);
  const exchanges = exchangeNames(r, names);
  const typed = r.used.length > 0;
  return javaFile(
    p.plumbing,
    r.cls,
    `${HEADER}
package ${p.plumbing};

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
${typed ? `import ${p.models}.Models;\n` : ''}import org.springframework.stereotype.Component;
${typed ? 'import tools.jackson.core.type.TypeReference;\n' : ''}import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Typed client of ${r.target}'s REST endpoints, at ${r.t.call.envVar}. */
@Component
public class ${r.cls} {
  /** Lenient as in the other languages: unknown fields are skipped, a null number or flag reads as 0 or false. */
  private static final JsonMapper JSON =
      JsonMapper.builder()
          .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
          .disable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
          .build();
  /** How long a typed call may take. */
  private static final Duration TIMEOUT = Duration.ofSeconds(15);
  /** The headers of an exercise call. */
  private static final Map<String, String> MARKED = Map.of(Exercise.HEADER, "1");
  private final HttpClient http =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(5))
          .build();

  /** The target's base URL: ${r.t.call.envVar}. */
  public String baseUrl() {
    String url = Env.get(${javaString(r.t.call.envVar)}, ${javaString(r.fallback)});
    return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
  }

  /** The target's /ping tree for a request that has passed through {@code hops}. */
  public JsonNode ping(List<String> hops) throws IOException, InterruptedException {
    String target = "/ping?path=" + URLEncoder.encode(String.join(",", hops), StandardCharsets.UTF_8);
    HttpRequest request =
        HttpRequest.newBuilder(URI.create(baseUrl() + target))
            .timeout(Env.callTimeout(hops.size()))
            .header("Accept", "application/json")
            .GET()
            .build();
    HttpResponse<byte[]> response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
    if (response.statusCode() != 200) throw new IOException("HTTP " + response.statusCode() + " from " + target);
    return JSON.readTree(response.body());
  }
${r.used.map((e) => `\n${clientMethod(e, names.get(e) ?? 'call', exchanges.get(e) ?? 'callExchange')}\n`).join('')}
  /** Calls every endpoint this link uses with the sample request and checks the answers. */
  public List<Map<String, Object>> exercise() {
    List<Map<String, Object>> exerciseResults = new ArrayList<>();
${r.used.map((e) => `${exerciseLine(e, exchanges.get(e) ?? 'callExchange')}\n`).join('')}    return exerciseResults;
  }

${typed ? READ : ''}  private HttpResponse<byte[]> send(String method, String target, Map<String, String> headers, Object body)
      throws IOException, InterruptedException {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(baseUrl() + target)).timeout(TIMEOUT).header("Accept", "application/json");
    headers.forEach(request::header);
    if (body == null) {
      request.method(method, HttpRequest.BodyPublishers.noBody());
    } else {
      request.header("Content-Type", "application/json");
      request.method(method, HttpRequest.BodyPublishers.ofByteArray(JSON.writeValueAsBytes(body)));
    }
    HttpResponse<byte[]> response = http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
    if (response.statusCode() / 100 != 2) {
      throw new RestException(response.statusCode(), new String(response.body(), StandardCharsets.UTF_8));
    }
    return response;
  }

  /** A parameter value as text: strings as they are, anything else as its JSON (an enum by name). */
  private static String text(Object value) {
    if (value instanceof String s) return s;
    String json = JSON.writeValueAsString(value);
    return json.startsWith("\\"") ? JSON.readValue(json, String.class) : json;
  }

  private static String segment(Object value) {
    return URLEncoder.encode(text(value), StandardCharsets.UTF_8).replace("+", "%20");
  }

  private static void query(List<String[]> pairs, String name, Object value) {
    if (value == null) return;
    if (value instanceof List<?> list) {
      for (Object item : list) if (item != null) pairs.add(new String[] {name, text(item)});
    } else {
      pairs.add(new String[] {name, text(value)});
    }
  }

  private static void header(Map<String, String> headers, String name, Object value) {
    if (value == null) return;
    if (value instanceof List<?> list) {
      List<String> parts = new ArrayList<>();
      for (Object item : list) if (item != null) parts.add(text(item));
      headers.put(name, String.join(", ", parts));
    } else {
      headers.put(name, text(value));
    }
  }

  private static String queryText(List<String[]> pairs) {
    if (pairs.isEmpty()) return "";
    List<String> parts = new ArrayList<>();
    for (String[] pair : pairs) {
      parts.add(URLEncoder.encode(pair[0], StandardCharsets.UTF_8) + "=" + URLEncoder.encode(pair[1], StandardCharsets.UTF_8));
    }
    return "?" + String.join("&", parts);
  }
}
`,
  );
}

const READ = `  /** A success answer's JSON as T (an empty answer as null). */
  private static <T> T read(HttpResponse<byte[]> answer, TypeReference<T> type) {
    return answer.body().length == 0 ? null : JSON.readValue(answer.body(), type);
  }

`;

/** The error answer of a typed REST client: the status and the RFC 9457 problem. */
function restException(p: JavaPlan): GeneratedFile {
  return javaFile(
    p.plumbing,
    'RestException',
    `${HEADER}
package ${p.plumbing};

import java.io.IOException;
import java.net.URI;
import java.util.Map;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * An error answer (4XX, 5XX) of a typed REST client: its status, its body, and the RFC 9457
 * problem it carries ({@code application/problem+json}; an answer that is not one reads as a problem
 * with its status and the body as the detail).
 */
public class RestException extends IOException {
  private static final JsonMapper JSON = JsonMapper.builder().build();
  private final int status;
  private final String body;
  private final ProblemDetail problem;

  public RestException(int status, String body) {
    super("HTTP " + status + ": " + Exercise.shorten(body));
    this.status = status;
    this.body = body;
    this.problem = parse(status, body);
  }

  /** The HTTP status of the answer. */
  public int status() {
    return status;
  }

  /** The body of the answer, as text. */
  public String body() {
    return body;
  }

  /** The answer's problem: type, title, status, detail, instance and any other member. */
  public ProblemDetail problem() {
    return problem;
  }

  private static ProblemDetail parse(int status, String body) {
    ProblemDetail problem = ProblemDetail.forStatus(HttpStatusCode.valueOf(status));
    JsonNode node = null;
    try {
      node = JSON.readTree(body);
    } catch (RuntimeException e) {
      // not JSON: the body is the detail
    }
    if (node == null || !node.isObject()) {
      if (!body.isBlank()) problem.setDetail(body);
      return problem;
    }
    for (Map.Entry<String, JsonNode> member : node.properties()) {
      JsonNode value = member.getValue();
      switch (member.getKey()) {
        case "type" -> {
          if (value.isString()) {
            try {
              problem.setType(URI.create(value.asString()));
            } catch (IllegalArgumentException e) {
              problem.setProperty("type", value.asString());
            }
          }
        }
        case "instance" -> {
          if (value.isString()) {
            try {
              problem.setInstance(URI.create(value.asString()));
            } catch (IllegalArgumentException e) {
              problem.setProperty("instance", value.asString());
            }
          }
        }
        case "title" -> problem.setTitle(value.isString() ? value.asString() : value.toString());
        case "detail" -> problem.setDetail(value.isString() ? value.asString() : value.toString());
        case "status" -> {
          // the answer's own status is the one that counts
        }
        default -> problem.setProperty(member.getKey(), JSON.treeToValue(value, Object.class));
      }
    }
    return problem;
  }
}
`,
  );
}

/** The REST files of a Java stub. */
export function restFiles(p: JavaPlan): GeneratedFile[] {
  const own = p.endpoints.length > 0 ? [restRoutes(p), apiHandlers(p)] : [];
  const clients = p.rest.map((r) => restClient(p, r));
  return [...own, ...clients, ...(clients.length ? [restException(p)] : [])];
}
