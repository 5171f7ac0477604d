import { legacyQueueFields, sampleValue, type ContractEndpoint, type ContractField } from '../../../model/contracts';
import { readyDependencies } from '../ready';
import type { StubPlan } from '../python/plan';
import { rubyUsable } from './plan';

/** A Ruby string literal: double-quoted, with `#` escaped so that nothing interpolates. */
export function rb(s: string): string {
  return JSON.stringify(s).replace(/#/g, '\\#');
}

/** A Ruby value of JSON data (hashes with string keys), written as `JSON.parse` of its text. */
function rbJson(value: unknown): string {
  return `JSON.parse(${rb(JSON.stringify(value))})`;
}

/** The sample of a version-2 field list: field name to sample value. */
export function sampleObject(fields: readonly ContractField[]): Record<string, unknown> {
  return Object.fromEntries(fields.map((f) => [f.name, sampleValue(f.type, f.name)]));
}

/** A Ruby hash literal of a sample object, one entry a line. */
function rbHash(obj: Record<string, unknown>, indent: string): string {
  const entries = Object.entries(obj);
  if (entries.length === 0) return '{}';
  const value = (v: unknown) => (typeof v === 'string' ? rb(v) : String(v));
  return `{\n${entries.map(([k, v]) => `${indent}  ${rb(k)} => ${value(v)}`).join(',\n')}\n${indent}}`;
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
      `${row({ broker: q.broker, kind: q.kind, env: q.env, topic: q.topic }).slice(0, -2)}, payload: ${rbJson(
        sampleObject(legacyQueueFields(p.ctx.design, q.use)),
      )} }`,
  );
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

    # Outgoing REST links: GET <target URL>/ping on each.
    REST_LINKS = ${list(u.rest.map((r) => row({ target: r.target, env: r.env })))}
    # Outgoing gRPC links: the contract's Ping on each (method: its HTTP/2 path).
    GRPC_LINKS = ${list(u.grpc.map((g) => row({ target: g.target, env: g.env, method: g.method })))}
    # Outgoing queue links: one message each per /ping; payload is the sample of the channel's message.
    PUBLISHES = ${list(publishes)}
    # Subscriptions, one per broker and topic.
    SUBSCRIBES = ${list(u.subscribes.map((q) => row({ broker: q.broker, kind: q.kind, env: q.env, topic: q.topic })))}
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
    ...(u.publishes.length || u.subscribes.length ? ['messaging'] : []),
    ...(u.databases.length ? ['databases'] : []),
    ...(u.grpc.length ? ['grpc_client'] : []),
    ...(p.own ? ['grpc_server'] : []),
  ];
  return `# The HTTP side of the service contract: /healthz, /readyz and /ping. Generated: do not edit.
require "json"
require "sinatra/base"
require_relative "config"
require_relative "ping"
require_relative "ready"
${needs.map((n) => `require_relative ${rb(n)}`).join('\n')}${needs.length ? '\n' : ''}
module Plumbing
  # The app; handlers.rb adds the service's own routes to it.
  class Server < Sinatra::Base
    set :environment, :production
    set :server, :puma
    set :bind, "0.0.0.0"
    set :logging, false
    set :show_exceptions, false
    set :raise_errors, false
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

    error do
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
`;
}

/** `app.rb`: loads the plumbing and the user's handlers, then runs. */
export const APP_RB = `# Starts the service: \`ruby app.rb\` (in the image: \`bundle exec ruby app.rb\`). Generated: do not edit.
require_relative "lib/plumbing/server"
require_relative "handlers"

Plumbing.run
`;

/** A Sinatra route pattern of an endpoint path: \`{id}\` becomes \`:id\`. */
export function sinatraPath(path: string): string {
  return path.replace(/\{([a-z0-9_]+)\}/g, ':$1');
}

function handler(e: ContractEndpoint): string {
  const verb = e.method.toLowerCase();
  const args = e.params.length ? ` # path parameters: ${e.params.map((x) => `params[${rb(x)}]`).join(', ')}` : '';
  const body =
    e.method === 'GET' || e.method === 'DELETE'
      ? ''
      : `\n      # request = JSON.parse(request.body.read) # the body: ${e.request.map((f) => f.name).join(', ') || 'no fields'}`;
  return `
    # ${e.method} ${e.path}
    ${verb} ${rb(sinatraPath(e.path))} do${args}${body}
      # TODO: replace the sample data with your logic.
      json_answer(${rbHash(sampleObject(e.response), '      ')})
    end
`;
}

/** \`handlers.rb\`: the user's code, with a TODO body answering sample data per endpoint. */
export function handlersRb(p: StubPlan): string {
  return `# The code of ${p.dns} that is yours to edit: REST endpoints and the message hook.
# The plumbing (HTTP server, /healthz, /readyz, /ping, brokers, databases) lives in lib/plumbing
# and is generated: regenerating the project rewrites it, never this file.
require "json"

module Plumbing
  # The service's own routes, added to the generated app.
  class Server${p.endpoints.map(handler).join('')}${p.endpoints.length ? '' : '\n    # No REST endpoints are declared: add routes here (get "/path" do ... end).\n'}  end
end

module Handlers
  # Called for each message consumed; message is the envelope {id, from, topic, path, payload}.
  def self.on_message(broker, topic, message)
    # TODO: react to the message. The plumbing already lists it under "received" in /ping.
  end
end
`;
}
