import { camelCase } from '../../../model/naming';
import type { GeneratedFile } from '../../types';
import { javaString, uniqueIdent, type JavaField } from './names';
import { javaFile, type JavaEndpoint, type JavaPlan, type RestPlan } from './plan';

/**
 * REST: the endpoints this service serves (handlers/ApiController.java and ApiModels.java, the
 * user's to edit) and a typed client per outgoing REST link (plumbing/<Target>RestClient.java).
 */

const MAPPING = {
  GET: 'GetMapping',
  POST: 'PostMapping',
  PUT: 'PutMapping',
  PATCH: 'PatchMapping',
  DELETE: 'DeleteMapping',
};

/** A record declaration with JSON names on every component. */
export function record(name: string, fields: readonly JavaField[], doc: string, indent = '  '): string {
  const comps = fields.map((f) => `@JsonProperty(${javaString(f.name)}) ${f.javaType} ${f.java}`);
  return [
    `${indent}/** ${doc} */`,
    `${indent}@JsonIgnoreProperties(ignoreUnknown = true)`,
    `${indent}public record ${name}(${comps.join(', ')}) {}`,
  ].join('\n');
}

/** `new X(sample, ...)`: the record filled with the fields' sample values. */
export function sampleOf(type: string, fields: readonly JavaField[]): string {
  return `new ${type}(${fields.map((f) => f.sample).join(', ')})`;
}

/** The Java parameter names of an endpoint: its path parameters, then the body when it has one. */
function params(e: JavaEndpoint): { path: Map<string, string>; body: string | null } {
  const taken = new Set<string>();
  const path = new Map(e.params.map((name) => [name, uniqueIdent(camelCase(name, 'param'), taken)]));
  const body = e.method === 'GET' || e.method === 'DELETE' ? null : uniqueIdent('body', taken);
  return { path, body };
}

function controllerMethod(e: JavaEndpoint): string {
  const { path, body } = params(e);
  const args = [
    ...[...path].map(([name, java]) => `@PathVariable(${javaString(name)}) String ${java}`),
    ...(body ? [`@RequestBody(required = false) ApiModels.${e.pascal}Request ${body}`] : []),
  ];
  return `  /** ${e.method} ${e.path} */
  @${MAPPING[e.method]}(${javaString(e.path)})
  public ApiModels.${e.pascal}Response ${e.operationId}(${args.join(', ')}) {
    // TODO: replace the sample answer with the real one.
    return ${sampleOf(`ApiModels.${e.pascal}Response`, e.responseFields)};
  }`;
}

function apiController(p: JavaPlan): GeneratedFile {
  const used = new Set(p.endpoints.map((e) => MAPPING[e.method]));
  const hasParams = p.endpoints.some((e) => e.params.length > 0);
  const hasBody = p.endpoints.some((e) => e.method !== 'GET' && e.method !== 'DELETE');
  const imports = [
    ...[...used].sort().map((m) => `org.springframework.web.bind.annotation.${m}`),
    ...(hasParams ? ['org.springframework.web.bind.annotation.PathVariable'] : []),
    ...(hasBody ? ['org.springframework.web.bind.annotation.RequestBody'] : []),
    'org.springframework.web.bind.annotation.RestController',
  ].sort();
  return javaFile(
    p.handlers,
    'ApiController',
    `// Your code: the REST endpoints other services call on this one. Safe to edit.
package ${p.handlers};

${imports.map((i) => `import ${i};`).join('\n')}

/** The endpoints declared on incoming REST links, answering sample data until you fill them in. */
@RestController
public class ApiController {
${p.endpoints.map(controllerMethod).join('\n\n')}
}
`,
  );
}

function apiModels(p: JavaPlan): GeneratedFile {
  const records = p.endpoints.flatMap((e) => [
    ...(e.method !== 'GET' && e.method !== 'DELETE'
      ? [record(`${e.pascal}Request`, e.requestFields, `Body of ${e.method} ${e.path}.`)]
      : []),
    record(`${e.pascal}Response`, e.responseFields, `Answer of ${e.method} ${e.path}.`),
  ]);
  return javaFile(
    p.handlers,
    'ApiModels',
    `// Your code: the request and response types of the REST endpoints. Safe to edit.
package ${p.handlers};

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;

/** JSON bodies of the REST endpoints; JSON keys are the contract's snake_case field names. */
public final class ApiModels {
  private ApiModels() {}

${records.join('\n\n')}
}
`,
  );
}

/** The Java expression of an endpoint's path with its parameters substituted. */
function pathExpr(e: JavaEndpoint, path: Map<string, string>): string {
  const parts = e.path.split(/(\{[a-z0-9_]+\})/).filter((s) => s.length > 0);
  return parts
    .map((s) => {
      const m = /^\{([a-z0-9_]+)\}$/.exec(s);
      return m ? `segment(${path.get(m[1] ?? '') ?? '""'})` : javaString(s);
    })
    .join(' + ');
}

function clientMethod(e: JavaEndpoint): string {
  const { path, body } = params(e);
  const args = [...[...path.values()].map((java) => `String ${java}`), ...(body ? [`${e.pascal}Request ${body}`] : [])];
  return `  /** ${e.method} ${e.path} */
  public ${e.pascal}Response ${e.operationId}(${args.join(', ')}) throws IOException, InterruptedException {
    return JSON.treeToValue(send(${javaString(e.method)}, ${pathExpr(e, path)}, ${body ?? 'null'}, TIMEOUT), ${e.pascal}Response.class);
  }`;
}

function restClient(p: JavaPlan, r: RestPlan): GeneratedFile {
  const records = r.endpoints.flatMap((e) => [
    ...(e.method !== 'GET' && e.method !== 'DELETE'
      ? [record(`${e.pascal}Request`, e.requestFields, `Body of ${e.method} ${e.path}.`)]
      : []),
    record(`${e.pascal}Response`, e.responseFields, `Answer of ${e.method} ${e.path}.`),
  ]);
  const typed = r.endpoints.length > 0;
  return javaFile(
    p.plumbing,
    r.cls,
    `// Generated plumbing: regenerating the project replaces this file. Edit the handlers package.
package ${p.plumbing};

${typed ? 'import com.fasterxml.jackson.annotation.JsonIgnoreProperties;\nimport com.fasterxml.jackson.annotation.JsonProperty;\n' : ''}import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.springframework.stereotype.Component;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.NullNode;

/** Typed client of ${r.target}'s REST endpoints, at ${r.call.envVar}. */
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
  private final HttpClient http =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(5))
          .build();

  /** The target's base URL: ${r.call.envVar}. */
  public String baseUrl() {
    String url = Env.get(${javaString(r.call.envVar)}, ${javaString(r.fallback)});
    return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
  }

  /** The target's /ping tree for a request that has passed through {@code hops}. */
  public JsonNode ping(List<String> hops) throws IOException, InterruptedException {
    String query = "/ping?path=" + URLEncoder.encode(String.join(",", hops), StandardCharsets.UTF_8);
    return send("GET", query, null, Env.callTimeout(hops.size()));
  }
${r.endpoints.map((e) => `\n${clientMethod(e)}\n`).join('')}
  private JsonNode send(String method, String target, Object body, Duration timeout)
      throws IOException, InterruptedException {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(baseUrl() + target)).timeout(timeout).header("Accept", "application/json");
    if (body == null) {
      request.method(method, HttpRequest.BodyPublishers.noBody());
    } else {
      request.header("Content-Type", "application/json");
      request.method(method, HttpRequest.BodyPublishers.ofByteArray(JSON.writeValueAsBytes(body)));
    }
    HttpResponse<byte[]> response = http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
    if (response.statusCode() / 100 != 2) {
      throw new IOException("HTTP " + response.statusCode() + " from " + method + " " + target);
    }
    return response.body().length == 0 ? NullNode.getInstance() : JSON.readTree(response.body());
  }

  private static String segment(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
  }
${records.length > 0 ? `\n${records.join('\n\n')}\n` : ''}}
`,
  );
}

/** The REST files of a Java stub. */
export function restFiles(p: JavaPlan): GeneratedFile[] {
  const own = p.endpoints.length > 0 ? [apiController(p), apiModels(p)] : [];
  return [...own, ...p.rest.map((r) => restClient(p, r))];
}
