import { sampleOf } from '../../../model/contracts';
import { readyDependencies } from '../ready';
import type { StubPlan } from '../python/plan';
import { rubyUsable } from './plan';
import { restClientNames } from './rest';
import { queueType, rbLiteral, rbType } from './typed';

/** A Ruby string literal: double-quoted, with `#` escaped so that nothing interpolates. */
export function rb(s: string): string {
  return JSON.stringify(s).replace(/#/g, '\\#');
}

/** A Ruby value of JSON data (hashes with string keys), written as `JSON.parse` of its text. */
function rbJson(value: unknown): string {
  return `JSON.parse(${rb(JSON.stringify(value))})`;
}

/** `lib/plumbing/config.rb`: the service's identity and its links, as data. */
export function configRb(p: StubPlan): string {
  const u = rubyUsable(p);
  const row = (o: Record<string, string | number>) =>
    `{ ${Object.entries(o)
      .map(([k, v]) => `${k}: ${typeof v === 'string' ? rb(v) : v}`)
      .join(', ')} }`;
  const list = (rows: string[]) => (rows.length ? `[\n      ${rows.join(',\n      ')}\n    ].freeze` : '[].freeze');
  const publishes = u.publishes.map(
    (q) =>
      `${row({ broker: q.broker, kind: q.kind, env: q.env, topic: q.topic }).slice(0, -2)},\n        payload: ${rbJson(
        sampleOf(p.ctx.design, q.use.message),
      )} }`,
  );
  const subscribes = u.subscribes.map((q) => {
    const t = queueType(p, q.use.message);
    return `${row({ broker: q.broker, kind: q.kind, env: q.env, topic: q.topic }).slice(0, -2)},\n        type: ${rbType(t)}, sample: ${rbLiteral(sampleOf(p.ctx.design, q.use.message))} }`;
  });
  const clients = restClientNames(p);
  const restRows = p.rest.map((r) => {
    const cls = clients.get(r);
    return cls
      ? `${row({ target: r.target, env: r.call.envVar, client: cls })}`
      : row({ target: r.target, env: r.call.envVar });
  });
  return `# The links of this service, as the design declares them. Generated: regenerate, do not edit.
#
# Every address is read from an environment variable, which compose.yaml and the Kubernetes
# ConfigMap set; nothing here names a host.
require "json"

module Plumbing
  module Config
    LANGUAGE = ${rb(p.language)}
    FRAMEWORK = ${rb(p.framework)}
    DEFAULT_SERVICE_NAME = ${rb(p.dns)}
    DEFAULT_PORT = ${p.w.node.port}
    DEFAULT_GRPC_PORT = ${p.w.node.grpcPort}
    # Seconds a broker or database operation may take before it counts as failed.
    TIMEOUT = 5.0

    # Outgoing REST links: GET <target URL>/ping on each, then the exercise of the endpoints the link
    # uses with its typed client (client: its class in rest_clients.rb), when the target is converted.
    REST_LINKS = ${list(restRows)}
    # Outgoing gRPC links: the contract's Ping on each (method: its HTTP/2 path), then the exercise of
    # the RPCs the link uses (grpc_client.rb) when the target is converted (typed).
    GRPC_LINKS = ${list(u.grpc.map((g) => `${row({ target: g.target, env: g.env, method: g.method }).slice(0, -2)}, typed: ${g.typed} }`))}
    # Outgoing queue links: one message each per /ping; payload is the sample of the channel's message.
    PUBLISHES = ${list(publishes)}
    # Subscriptions, one per broker and topic; a payload is valid when it fits type and equals sample.
    SUBSCRIBES = ${list(subscribes)}
    # Database links: a connection check each per /ping.
    DATABASES = ${list(u.databases.map((d) => row({ target: d.target, kind: d.kind, env: d.env })))}
    # What /readyz waits for: a TCP connection to each broker and database.
    READY = ${list(
      readyDependencies(p.w)
        .filter((d) => u.readyEnv.has(d.envVar))
        .map((d) => row({ env: d.envVar, port: d.defaultPort })),
    )}

    def self.env(name)
      value = ENV.fetch(name, "")
      raise "#{name} is not set" if value.empty?

      value
    end

    def self.service_name
      ENV.fetch("SERVICE_NAME", "").then { |v| v.empty? ? DEFAULT_SERVICE_NAME : v }
    end

    def self.port
      Integer(ENV.fetch("PORT", DEFAULT_PORT.to_s), 10)
    end

    def self.grpc_port
      Integer(ENV.fetch("GRPC_PORT", DEFAULT_GRPC_PORT.to_s), 10)
    end

    # Seconds a call to another service may take: more the nearer the call is to the entry, so that
    # a slow link deep in the tree shows up as failed there, not as a time-out of every caller above it.
    def self.call_timeout(hop_len)
      TIMEOUT + [1, 8 - hop_len].max
    end
  end
end
`;
}

/** `lib/plumbing/server.rb`: the Sinatra app with the contract's routes. */
export function serverRb(p: StubPlan): string {
  const u = rubyUsable(p);
  const needs = [
    'exercise',
    ...(restClientNames(p).size ? ['rest_clients'] : []),
    ...(u.publishes.length || u.subscribes.length ? ['messaging'] : []),
    ...(u.databases.length ? ['databases'] : []),
    ...(u.grpc.length ? ['grpc_client'] : []),
    ...(p.own ? ['grpc_server'] : []),
  ];
  return `# The HTTP side of the service contract: /healthz, /readyz and /ping${p.ownEndpoints.length ? ', and the endpoints (api.rb)' : ''}. Generated: do not edit.
require "json"
require "sinatra/base"
require_relative "config"
require_relative "ping"
require_relative "ready"
${needs.map((n) => `require_relative ${rb(n)}`).join('\n')}${needs.length ? '\n' : ''}
module Plumbing
  # The app: the contract's routes here${p.ownEndpoints.length ? ", the service's endpoints in api.rb" : ''}.
  class Server < Sinatra::Base
    set :environment, :production
    set :server, :puma
    set :bind, "0.0.0.0"
    set :logging, false
    set :show_exceptions, false
    set :raise_errors, false
    # a Problem is an answer, not a failure to log; other errors are logged below
    set :dump_errors, false
    set :protection, false

    helpers do
      # Answers a JSON body with a status.
      def json_answer(value, status_code = 200)
        content_type :json
        halt status_code, JSON.generate(value)
      end
    end

    get "/healthz" do
      json_answer({ "status" => "ok" })
    end

    get "/readyz" do
      down = Ready.unreachable
      json_answer({ "status" => "ok" }) if down.empty?
      json_answer({ "status" => "unavailable", "unreachable" => down }, 503)
    end

    get "/ping" do
      json_answer(Ping.tree(Ping.parse_path(params["path"])))
    end

    not_found do
      content_type "application/problem+json"
      JSON.generate({ "type" => "about:blank", "title" => "Not Found", "status" => 404 })
    end

    error Problem do
      problem = env["sinatra.error"]
      content_type "application/problem+json"
      status problem.status
      JSON.generate(problem.body)
    end

    error do
      boom = env["sinatra.error"]
      warn "#{request.request_method} #{request.path_info}: #{boom.class}: #{boom.message}\\n  #{Array(boom.backtrace).first(8).join("\\n  ")}"
      content_type "application/problem+json"
      JSON.generate({ "type" => "about:blank", "title" => "Internal Server Error", "status" => 500 })
    end
  end

  # Starts the consumers and the gRPC server, then the HTTP server on PORT (Puma, until SIGTERM or SIGINT).
  def self.run
    ${u.subscribes.length ? 'Messaging.start_consumers' : '# no consumers: this service subscribes to nothing'}
    ${p.own ? 'GrpcServer.start' : '# no gRPC server: this service serves no gRPC'}
    Server.run!(port: Config.port, server_settings: { Threads: "0:32" })
  end
end
${p.ownEndpoints.length ? '\n# the service\'s endpoints, added to the app above\nrequire_relative "api"\n' : ''}`;
}

/** `app.rb`: loads the plumbing and the user's handlers, then runs. */
export const APP_RB = `# Starts the service: \`ruby app.rb\` (in the image: \`bundle exec ruby app.rb\`). Generated: do not edit.
require_relative "lib/plumbing/server"
require_relative "handlers"

Plumbing.run
`;
