import { successCode, type EndpointContract, type JsonValue, type ParamContract } from '../../../model/contracts';
import { endpointLabel, paramSample, payloadSample } from '../python/typed';
import type { RestTarget, StubPlan } from '../python/plan';
import { rb } from './app';
import { rbLiteral, rbType, rubyIdent } from './typed';

/**
 * REST of the Ruby · Sinatra stub on the typed contracts: the node's endpoints at their paths as
 * declared (`lib/plumbing/api.rb`: parameters and bodies read and checked against the contract, the
 * exercise answered by the plumbing, everything else handed to `handlers.rb`, the user's), and a
 * typed client per outgoing REST link to a converted target (`lib/plumbing/rest_clients.rb`).
 */

/** The names of an endpoint's arguments: its parameters (snake_case, unique), then `body`. */
function endpointArgs(e: EndpointContract): { params: Map<ParamContract, string>; body: string | null } {
  const taken = new Set(['body', 'headers', 'status', 'text', 'request', 'params', 'response']);
  const params = new Map<ParamContract, string>();
  for (const prm of e.params) params.set(prm, rubyIdent(prm.names.snake, 'p', taken));
  return { params, body: e.body ? 'body' : null };
}

/** The method name of each own endpoint in `Handlers` (its operation's snake_case name). */
export function restHandlerNames(endpoints: readonly EndpointContract[]): Map<EndpointContract, string> {
  const taken = new Set(['on_message']);
  return new Map(endpoints.map((e) => [e, rubyIdent(e.names.snake, 'op', taken)]));
}

/** A Ruby regular expression source of an endpoint's path: literal segments, `(?<pN>[^/]+)` for each parameter (Mustermann anchors it). */
function routeRegexp(e: EndpointContract): { source: string; groups: Map<string, string> } {
  const groups = new Map<string, string>();
  let i = 0;
  const source = e.path
    .split(/(\{[^}]*\})/)
    .map((part) => {
      const m = /^\{([^}]*)\}$/.exec(part);
      if (!m) return part.replace(/[.*+?^$()|[\]\\{}]/g, '\\$&');
      const g = `p${i++}`;
      groups.set(m[1] ?? '', g);
      return `(?<${g}>[^/]+)`;
    })
    .join('');
  return { source, groups };
}

function typeWords(prm: ParamContract): string {
  const t = prm.type;
  const name =
    t.kind === 'scalar' ? t.scalar : t.kind === 'wellKnown' ? t.name : (t.type.names.full.split('.').pop() ?? '');
  return `${prm.repeated ? `list of ${name}` : name} (${prm.in}${prm.required ? ', required' : ''})`;
}

function payloadWords(e: EndpointContract['body']): string {
  if (!e) return 'nothing';
  const t = e.type;
  const name = t.kind === 'scalar' ? t.scalar : t.kind === 'wellKnown' ? t.name : t.type.names.full.split('.').pop();
  return e.repeated ? `a list of ${name}` : `${name}`;
}

/** How a route reads a parameter's texts. */
function readTexts(prm: ParamContract, groups: Map<string, string>): string {
  if (prm.in === 'path') return `[params[${rb(groups.get(prm.name) ?? 'p0')}]].compact`;
  if (prm.in === 'header') return `api_header(${rb(prm.name)}, ${prm.repeated})`;
  return `api_query.fetch(${rb(prm.name)}, [])`;
}

function route(e: EndpointContract, handler: string): string {
  const { params, body } = endpointArgs(e);
  const { source, groups } = routeRegexp(e);
  const reads = [...params].map(
    ([prm, n]) =>
      `      ${n} = api_param(${rbType(prm.type)}, ${readTexts(prm, groups)}, ${rb(prm.name)}, ${prm.required || prm.in === 'path'}, ${prm.repeated})`,
  );
  if (e.body && body) reads.push(`      ${body} = api_body(${rbType(e.body.type)}, ${e.body.repeated})`);
  const expected: Record<string, JsonValue> = {};
  for (const prm of e.params) expected[prm.name] = paramSample(e, prm);
  if (e.body) expected['body'] = payloadSample(e.body);
  const got = [...[...params].map(([prm, n]) => `${rb(prm.name)} => ${n}`), ...(body ? ['"body" => body'] : [])];
  const status = successCode(e);
  const sample = e.success.body ? rbLiteral(payloadSample(e.success.body)) : 'nil';
  const args = [...params.values(), ...(body ? [body] : [])].join(', ');
  const user = e.success.body
    ? `api_answer(${status}, Handlers.${handler}(${args}))`
    : `Handlers.${handler}(${args})\n      api_answer(${status}, nil)`;
  return `    # ${e.method} ${e.path}
    ${e.method.toLowerCase()} Regexp.new(${rb(source)}) do
${reads.join('\n')}${reads.length ? '\n' : ''}      if exercise?
        api_check(${rb(endpointLabel(e))}, ${rbLiteral(expected)}, { ${got.join(', ')} })
        api_answer(${status}, ${sample})
      end
      ${user}
    end`;
}

/** `lib/plumbing/api.rb`: the node's REST endpoints, typed and checked, calling `Handlers`. */
export function apiRb(p: StubPlan): string {
  const names = restHandlerNames(p.ownEndpoints);
  const verbs = new Set(p.ownEndpoints.map((e) => e.method));
  const unsupported = [...verbs].filter(
    (v) => !['GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'HEAD', 'OPTIONS'].includes(v),
  );
  if (unsupported.length) throw new Error(`Sinatra has no route for ${unsupported.join(', ')}`);
  return `# The REST endpoints of ${p.dns}, at their paths as declared (case kept). Generated: do not edit.
#
# Each route reads its path, query and header parameters and its JSON body as the contract types
# them (400 problem for a parameter that does not fit, 422 for a body), answers an exercise call
# (header polyglot-exercise) with the sample after checking the request, and otherwise calls the
# method of Handlers (handlers.rb, yours) and answers with the declared success status.
require "json"
require "uri"
require_relative "exercise"
require_relative "types"

module Plumbing
  class Server
    helpers do
      def exercise?
        !request.env["HTTP_POLYGLOT_EXERCISE"].nil?
      end

      # Answers a JSON value with a status; nil (or 204) answers no body.
      def api_answer(status_code, value)
        halt status_code if value.nil? || status_code == 204

        content_type :json
        halt status_code, JSON.generate(value)
      end

      def api_query
        @api_query ||= begin
          URI.decode_www_form(request.query_string.to_s).group_by(&:first).transform_values { |pairs| pairs.map(&:last) }
        rescue ArgumentError
          raise Problem.new(400, "the query string is not form-encoded")
        end
      end

      def api_header(name, repeated)
        raw = request.env["HTTP_#{name.upcase.tr("-", "_")}"]
        return [] if raw.nil?

        repeated ? raw.split(",").map(&:strip).reject(&:empty?) : [raw]
      end

      # A parameter as its type: nil when absent and optional, a list when repeated; 400 when it does not fit.
      def api_param(type, texts, name, required, repeated)
        where = "parameter #{name}"
        return texts.map { |t| Types.param(type, t, where) } if repeated
        raise Problem.new(400, "#{where}: missing") if texts.empty? && required
        return nil if texts.empty?

        Types.param(type, texts.first, where)
      rescue Types::Mismatch => e
        raise Problem.new(400, e.message)
      end

      # The JSON body as its type; 422 when it is not JSON or does not fit.
      def api_body(type, repeated)
        request.body.rewind
        text = request.body.read
        value = begin
          JSON.parse(text)
        rescue JSON::ParserError
          raise Problem.new(422, "the body is not JSON")
        end
        Types.payload(type, repeated, value, "body")
      rescue Types::Mismatch => e
        raise Problem.new(422, "the body does not fit the contract: #{e.message}")
      end

      def api_check(label, expected, got)
        problem = Exercise.json_diff(expected, got)
        raise Problem.new(422, "#{label}: the request differs from the sample: #{problem}") unless problem.nil?
      end
    end

${p.ownEndpoints.map((e) => route(e, names.get(e) ?? 'op')).join('\n\n')}
  end
end
`;
}

function handlerMethod(e: EndpointContract, name: string): string {
  const { params, body } = endpointArgs(e);
  const errors = e.responses.filter((r) => /^[45]/.test(r.status)).map((r) => r.status);
  const lines = [
    `  # ${e.method} ${e.path}${e.summary ? `: ${e.summary.replace(/\s+/g, ' ').slice(0, 160)}` : ''}`,
    ...[...params].map(([prm, n]) => `  #   ${n}: ${typeWords(prm)}`),
    ...(e.body ? [`  #   body: ${payloadWords(e.body)}`] : []),
    `  # Answers ${payloadWords(e.success.body)} (HTTP ${successCode(e)}).${errors.length ? ` Raise Plumbing::Problem.new(status, detail) for the declared error answers (${errors.join(', ')}).` : ''}`,
  ];
  const args = [...params.values(), ...(body ? [body] : [])];
  return `${lines.join('\n')}
  def self.${name}(${args.join(', ')})
    # TODO: replace the sample answer with the real one.
    ${e.success.body ? rbLiteral(payloadSample(e.success.body)) : 'nil'}
  end`;
}

/** `handlers.rb`: the user's code, with a TODO body answering sample data per endpoint. */
export function handlersRb(p: StubPlan): string {
  const names = restHandlerNames(p.ownEndpoints);
  const methods = p.ownEndpoints.map((e) => handlerMethod(e, names.get(e) ?? 'op'));
  return `# The code of ${p.dns} that is yours to edit: the REST endpoints and the message hook.
# The plumbing (HTTP server, /healthz, /readyz, /ping, the routes that read and check each
# request, brokers, databases) lives in lib/plumbing and is generated: regenerating the project
# rewrites it, never this file. Values are JSON data as the contract types them: hashes with
# string keys (the JSON keys), arrays, strings, integers, floats, true and false; an error answer
# is raise Plumbing::Problem.new(404, "no such order"), sent as RFC 9457 application/problem+json.
require "json"

module Handlers
${methods.length ? `${methods.join('\n\n')}\n\n` : '  # No REST endpoints are declared: declare them in the design, or add routes to Plumbing::Server.\n\n'}  # Called for each message consumed; message is the envelope {id, from, topic, path, payload}
  # (the plumbing already lists it under "received" in /ping, with whether the payload is the sample).
  def self.on_message(broker, topic, message)
    # TODO: react to the message.
  end
end
`;
}

/** The Ruby class name of a REST client: a constant, unique in the file. */
export function restClientNames(p: StubPlan): Map<RestTarget, string> {
  const taken = new Set(['RestClient', 'RestError']);
  const out = new Map<RestTarget, string>();
  for (const r of p.rest.filter((x) => x.typed)) {
    const base = /^[A-Z][A-Za-z0-9_]*$/.test(r.className) ? r.className : `Svc${r.className.replace(/\W/g, '')}`;
    let n = base;
    for (let i = 2; taken.has(n); i++) n = `${base}${i}`;
    taken.add(n);
    out.set(r, n);
  }
  return out;
}

function clientMethod(e: EndpointContract, name: string): string {
  const { params, body } = endpointArgs(e);
  const args = [...params.values(), ...(body ? [body] : [])];
  const sig = [...args, 'headers: {}'].join(', ');
  const path = e.path
    .split(/(\{[^}]*\})/)
    .filter((s) => s.length > 0)
    .map((s) => {
      const m = /^\{([^}]*)\}$/.exec(s);
      if (!m) return rb(s);
      const prm = e.params.find((x) => x.in === 'path' && x.name === m[1]);
      const n = prm && params.get(prm);
      return n ? `segment(${n})` : '""';
    })
    .join(' + ');
  const query = [...params].filter(([prm]) => prm.in === 'query').map(([prm, n]) => `values(${rb(prm.name)}, ${n})`);
  const hdrs = [...params].filter(([prm]) => prm.in === 'header').map(([prm, n]) => `header(${rb(prm.name)}, ${n})`);
  const answer = e.success.body ? `read(${rbType(e.success.body.type)}, ${e.success.body.repeated}, text)` : 'nil';
  return `    # ${e.method} ${e.path}: answers ${payloadWords(e.success.body)}; an error answer raises RestError.
    def ${name}(${sig})
${e.success.body ? `      _status, text = ${name}_exchange(${[...args, 'headers: headers'].join(', ')})\n      ${answer}` : `      ${name}_exchange(${[...args, 'headers: headers'].join(', ')})\n      nil`}
    end

    # ${e.method} ${e.path}: the status and the text of the answer.
    def ${name}_exchange(${sig})
      exchange(${rb(e.method)}, ${path || '"/"'}, ${query.length ? query.join(' + ') : '[]'}, ${hdrs.length ? `{}.merge(${[...hdrs, 'headers'].join(', ')})` : 'headers'}, ${body ?? 'nil'})
    end`;
}

function exerciseCall(e: EndpointContract, name: string): string {
  const args = e.params.map((prm) => rbLiteral(paramSample(e, prm)));
  if (e.body) args.push(rbLiteral(payloadSample(e.body)));
  args.push('headers: Exercise::MARKED');
  const status = successCode(e);
  const check = e.success.body
    ? `Exercise.json_diff(${rbLiteral(payloadSample(e.success.body))}, read(${rbType(e.success.body.type)}, ${e.success.body.repeated}, text))`
    : 'nil';
  return `        Exercise.run(${rb(endpointLabel(e))}) do
          status, text = ${name}_exchange(${args.join(', ')})
          next "expected HTTP ${status}, got HTTP #{status}" unless status == ${status}

          ${check}
        end`;
}

function clientClass(r: RestTarget, cls: string): string {
  const taken = new Set([
    'exercise',
    'exchange',
    'read',
    'segment',
    'values',
    'header',
    'ping',
    'initialize',
    'send',
    'method',
    'class',
  ]);
  const names = new Map(r.used.map((e) => [e, rubyIdent(e.names.snake, 'op', taken)]));
  return `  # Typed client of ${r.target}'s REST endpoints, at ${r.call.envVar}.
  class ${cls} < RestClient
    def initialize(env = ${rb(r.call.envVar)})
      super(env)
    end

${r.used.map((e) => clientMethod(e, names.get(e) ?? 'op')).join('\n\n')}${r.used.length ? '\n\n' : ''}    # Calls every endpoint this link uses with the sample request and checks the answers.
    def exercise
      [
${r.used.map((e) => `${exerciseCall(e, names.get(e) ?? 'op')},`).join('\n')}
      ]
    end
  end`;
}

/** `lib/plumbing/rest_clients.rb`: a typed client per outgoing REST link to a converted target. */
export function restClientsRb(p: StubPlan): string {
  const names = restClientNames(p);
  return (
    String.raw`# Typed clients of the REST endpoints this service calls. Generated: do not edit.
require "json"
require "net/http"
require "uri"
require_relative "config"
require_relative "exercise"
require_relative "types"

module Plumbing
  # An error answer (4XX, 5XX): its status, its text, and the RFC 9457 problem it carries.
  class RestError < StandardError
    attr_reader :status, :body

    def initialize(status, body)
      super("HTTP #{status}: #{Exercise.short(body)}")
      @status = status
      @body = body
    end

    # The answer's problem; an answer that is not one reads as its status and text.
    def problem
      parsed = JSON.parse(body)
      parsed.is_a?(Hash) ? parsed : { "status" => status, "detail" => body }
    rescue JSON::ParserError
      { "status" => status, "detail" => body }
    end
  end

  # What every typed REST client shares: the request, the answer, the encoding of parameters.
  class RestClient
    VERBS = {
      "GET" => Net::HTTP::Get, "POST" => Net::HTTP::Post, "PUT" => Net::HTTP::Put, "PATCH" => Net::HTTP::Patch,
      "DELETE" => Net::HTTP::Delete, "HEAD" => Net::HTTP::Head, "OPTIONS" => Net::HTTP::Options
    }.freeze

    def initialize(env)
      @env = env
    end

    # A parameter's value as text: strings as they are, anything else as JSON.
    def self.text(value)
      value.is_a?(String) ? value : JSON.generate(value)
    end

    private

    # Sends a request; a 2XX answer gives [status, text], any other raises RestError.
    def exchange(verb, path, query, headers, body)
      base = Config.env(@env).sub(%r{/+\z}, "")
      uri = URI("#{base}#{path}")
      uri.query = URI.encode_www_form(query) unless query.empty?
      request = VERBS.fetch(verb).new(uri)
      request["Accept"] = "application/json"
      headers.each { |k, v| request[k] = v }
      unless body.nil?
        request["Content-Type"] = "application/json"
        request.body = JSON.generate(body)
      end
      answer = Net::HTTP.start(uri.host, uri.port, use_ssl: uri.scheme == "https", open_timeout: Config::TIMEOUT,
                                                   read_timeout: Config::TIMEOUT * 3) { |http| http.request(request) }
      status = answer.code.to_i
      raise RestError.new(status, answer.body.to_s) unless (200..299).cover?(status)

      [status, answer.body.to_s]
    end

    # A success answer's JSON as its type (raises Types::Mismatch when it does not fit).
    def read(type, repeated, text)
      Types.payload(type, repeated, JSON.parse(text), "answer")
    end

    # A path segment: the value as text, percent-encoded.
    def segment(value)
      URI.encode_www_form_component(RestClient.text(value)).gsub("+", "%20")
    end

    # The query pairs of a parameter: none when unset, one per element of a list.
    def values(name, value)
      return [] if value.nil?

      (value.is_a?(Array) ? value : [value]).map { |v| [name, RestClient.text(v)] }
    end

    # A header of a parameter (a list joined by ", "); none when unset.
    def header(name, value)
      return {} if value.nil?

      { name => (value.is_a?(Array) ? value.map { |v| RestClient.text(v) }.join(", ") : RestClient.text(value)) }
    end
  end

` +
    `${[...names].map(([r, cls]) => clientClass(r, cls)).join('\n\n')}
end
`
  );
}
