import { RPC_KIND_WORDS, rpcKind, sampleOfType, type GrpcContract, type RpcContract } from '../../../model/contracts';
import type { ResolvedType } from '../../../model/contracts/universe';
import type { GeneratedFile } from '../../types';
import type { StubPlan } from '../python/plan';
import { rb } from './app';
import { rubyUsesGrpc } from './plan';

/**
 * gRPC for the Ruby · Sinatra stub, on the grpc gem (1.51, Debian's): the node's own gRPC services
 * answering the sample of each RPC's response (the bodies in `rpc_handlers.rb`, the user's),
 * `polyglot.ping.v1.PingService`, the compatibility layer's in-service Ping, the standard health
 * service (Check and Watch, following /readyz) and server reflection (v1 and v1alpha), plus a
 * client per outgoing gRPC link that pings the target. The message classes are protoc's Ruby
 * classes (`gen_proto.rb` writes them to `lib/proto/` at build time, with the descriptor set
 * reflection answers from); services are declared from their full names, so no generated service
 * module is needed.
 */

/** The full protobuf name of an RPC's request or response type. */
export function protoFullName(t: ResolvedType): string {
  if (t.kind === 'message' || t.kind === 'enum') return t.type.names.full;
  if (t.kind === 'wellKnown') return t.name;
  return t.scalar;
}

/** What a Ruby stub serves and calls over gRPC. */
export interface RubyGrpc {
  /** The node's own services (empty when it serves no gRPC). */
  services: readonly GrpcContract[];
  serves: boolean;
  /** The compatibility layer's in-service Ping service, when it is not one of `services`. */
  legacyService: string | null;
  /** Every `.proto` the stub compiles, relative to `proto/`. */
  protos: GeneratedFile[];
}

/** The standard health service's file (grpc/health/v1/health.proto), as grpc publishes it. */
export const HEALTH_PROTO = `syntax = "proto3";

package grpc.health.v1;

message HealthCheckRequest {
  string service = 1;
}

message HealthCheckResponse {
  enum ServingStatus {
    UNKNOWN = 0;
    SERVING = 1;
    NOT_SERVING = 2;
    SERVICE_UNKNOWN = 3;
  }
  ServingStatus status = 1;
}

service Health {
  rpc Check(HealthCheckRequest) returns (HealthCheckResponse);
  rpc Watch(HealthCheckRequest) returns (stream HealthCheckResponse);
}
`;

/** Server reflection's file (grpc/reflection/<version>/reflection.proto), as grpc publishes it. */
export const reflectionProto = (version: 'v1' | 'v1alpha') => `syntax = "proto3";

package grpc.reflection.${version};

service ServerReflection {
  rpc ServerReflectionInfo(stream ServerReflectionRequest) returns (stream ServerReflectionResponse);
}

message ServerReflectionRequest {
  string host = 1;
  oneof message_request {
    string file_by_filename = 3;
    string file_containing_symbol = 4;
    ExtensionRequest file_containing_extension = 5;
    string all_extension_numbers_of_type = 6;
    string list_services = 7;
  }
}

message ExtensionRequest {
  string containing_type = 1;
  int32 extension_number = 2;
}

message ServerReflectionResponse {
  string valid_host = 1;
  ServerReflectionRequest original_request = 2;
  oneof message_response {
    FileDescriptorResponse file_descriptor_response = 4;
    ExtensionNumberResponse all_extension_numbers_response = 5;
    ListServiceResponse list_services_response = 6;
    ErrorResponse error_response = 7;
  }
}

message FileDescriptorResponse {
  repeated bytes file_descriptor_proto = 1;
}

message ExtensionNumberResponse {
  string base_type_name = 1;
  repeated int32 extension_number = 2;
}

message ListServiceResponse {
  repeated ServiceResponse service = 1;
}

message ServiceResponse {
  string name = 1;
}

message ErrorResponse {
  int32 error_code = 1;
  string error_message = 2;
}
`;

export const STANDARD_PROTOS: GeneratedFile[] = [
  { path: 'grpc/health/v1/health.proto', content: HEALTH_PROTO },
  { path: 'grpc/reflection/v1/reflection.proto', content: reflectionProto('v1') },
  { path: 'grpc/reflection/v1alpha/reflection.proto', content: reflectionProto('v1alpha') },
];

export function rubyGrpc(p: StubPlan): RubyGrpc {
  const serves = p.own !== null;
  const services = serves ? p.services : [];
  const calls = p.grpc.length > 0;
  const protos = serves || calls ? [...p.ctx.contractProtos, ...(serves ? STANDARD_PROTOS : [])] : [];
  const legacyService =
    serves && p.legacyService !== null && !services.some((s) => s.fullName === p.legacyService)
      ? p.legacyService
      : null;
  return { services, serves, legacyService, protos };
}

/** `gen_proto.rb`: protoc's Ruby classes of proto/ into lib/proto/, with the descriptor set. */
export const GEN_PROTO_RB = `# Writes lib/proto/ from proto/: protoc's Ruby message classes of every .proto file, and the
# descriptor set (descriptors.pb) server reflection answers from. Run it after changing a .proto:
# \`bundle exec ruby gen_proto.rb\` (the Dockerfile runs it at build time). Generated: do not edit.
require "fileutils"

root = __dir__
out = File.join(root, "lib", "proto")
files = Dir.chdir(File.join(root, "proto")) { Dir.glob("**/*.proto").sort }
abort "gen_proto.rb: no .proto files under proto/" if files.empty?
FileUtils.rm_rf(out)
FileUtils.mkdir_p(out)
ok = system("grpc_tools_ruby_protoc", "--proto_path=proto", "--ruby_out=lib/proto",
            "--descriptor_set_out=lib/proto/descriptors.pb", "--include_imports", *files, chdir: root)
abort "gen_proto.rb: grpc_tools_ruby_protoc failed (is the grpc-tools gem installed? bundle install)" unless ok
puts "gen_proto.rb: #{files.size} files into lib/proto"
`;

/** `lib/plumbing/protos.rb`: loads the generated classes and finds messages by full name. */
export function protosRb(g: RubyGrpc): string {
  const requires = g.protos.map((f) => `require ${rb(f.path.replace(/\.proto$/, '_pb'))}`);
  return `# The message classes protoc wrote into lib/proto (gen_proto.rb). Generated: do not edit.
proto_dir = File.expand_path("../proto", __dir__)
unless File.exist?(File.join(proto_dir, "descriptors.pb"))
  abort "lib/proto is missing: run \`bundle exec ruby gen_proto.rb\` first (the Dockerfile does)"
end
$LOAD_PATH.unshift(proto_dir) unless $LOAD_PATH.include?(proto_dir)
require "json"
require "google/protobuf"
${requires.join('\n')}

module Plumbing
  module Protos
    DESCRIPTORS = File.join(File.expand_path("../proto", __dir__), "descriptors.pb")

    # The class of a message by its full protobuf name (shop.orders.v1.PlaceOrderRequest).
    def self.msg(full_name)
      found = Google::Protobuf::DescriptorPool.generated_pool.lookup(full_name)
      raise ArgumentError, "no message #{full_name} in lib/proto (run gen_proto.rb)" if found.nil?

      found.msgclass
    end

    # A message from its JSON form (the protobuf JSON mapping: sample data, request bodies).
    def self.from_json(full_name, json)
      msg(full_name).decode_json(json, ignore_unknown_fields: true)
    end

    ENCODE = ->(message) { message.class.encode(message) }

    def self.decoder(full_name)
      cls = msg(full_name)
      ->(bytes) { cls.decode(bytes) }
    end
  end
end
`;
}

/** The exercise data of an RPC: kind, path, request and response names and their samples as JSON text. */
function exerciseRow(r: RpcContract): string {
  const req = protoFullName(r.request);
  const res = protoFullName(r.response);
  return `{ name: ${rb(r.name)}, kind: ${rb(rpcKind(r))}, path: ${rb(r.path)}, request: ${rb(req)}, response: ${rb(res)},
          request_json: ${rb(JSON.stringify(sampleOfType(r.request)))},
          response_json: ${rb(JSON.stringify(sampleOfType(r.response)))} }`;
}

/** `lib/plumbing/grpc_client.rb`: pings each outgoing gRPC link's target and exercises its RPCs. */
export function grpcClientRb(p: StubPlan): string {
  const typed = p.grpc.filter((g) => g.typed);
  const table = typed.length
    ? `{\n${typed
        .map(
          (g) =>
            `      # ${g.target}\n      ${rb(g.call.envVar)} => [\n${g.used.map((r) => `        ${exerciseRow(r)},`).join('\n')}\n      ].freeze`,
        )
        .join(',\n')}\n    }.freeze`
    : '{}.freeze';
  return `# gRPC calls to other services: the contract's Ping on each target, and the typed exercise of
# every RPC a link uses (all four kinds; a streaming side sends the sample twice). Generated: do not edit.
require "grpc"
require_relative "config"
require_relative "exercise"
require_relative "protos"

module Plumbing
  module GrpcClient
    @stubs = {}
    @lock = Mutex.new

    # The RPCs each link to a converted target uses, by its address variable.
    EXERCISES = ${table}

    # One channel per target address (<TARGET>_GRPC_ADDR: host:port), plaintext.
    def self.stub(link)
      address = Config.env(link[:env])
      @lock.synchronize do
        @stubs[address] ||= GRPC::ClientStub.new(address, :this_channel_is_insecure, timeout: Config::TIMEOUT)
      end
    end

    # The target's tree as JSON text: polyglot.ping.v1.PingService/Ping, or the in-service Ping of
    # a target whose stub is not converted to the typed contracts.
    def self.ping(link, hop)
      request = Protos.msg("polyglot.ping.v1.PingRequest").new(path: hop)
      response = stub(link).request_response(
        link[:method], request, Protos::ENCODE, Protos.decoder("polyglot.ping.v1.PingResponse"),
        deadline: Time.now + Config.call_timeout(hop.size)
      )
      response.tree_json
    end

    # Calls every RPC the link uses with the sample, marked, and checks the answers: "methods" entries.
    def self.exercise(link)
      EXERCISES.fetch(link[:env], []).map { |rpc| Exercise.run(rpc[:name]) { call(link, rpc) } }
    end

    # One exercise call; nil when the answer is the sample (twice for a streamed answer).
    def self.call(link, rpc)
      request = Protos.from_json(rpc[:request], rpc[:request_json])
      expected = Protos.from_json(rpc[:response], rpc[:response_json])
      decode = Protos.decoder(rpc[:response])
      options = { deadline: Time.now + (Config::TIMEOUT * 3), metadata: Exercise::MARKED }
      s = stub(link)
      case rpc[:kind]
      when "unary"
        Exercise.pb_diff(expected, s.request_response(rpc[:path], request, Protos::ENCODE, decode, **options))
      when "server"
        Exercise.stream_diff(expected, s.server_streamer(rpc[:path], request, Protos::ENCODE, decode, **options).to_a)
      when "client"
        Exercise.pb_diff(expected, s.client_streamer(rpc[:path], [request, request], Protos::ENCODE, decode, **options))
      else
        Exercise.stream_diff(expected, s.bidi_streamer(rpc[:path], [request, request], Protos::ENCODE, decode, **options).to_a)
      end
    end
  end
end
`;
}

/** A Ruby method name of an RPC's handler: its snake_case name, never one GenericService defines. */
function handlerName(r: RpcContract): string {
  return r.names.snake;
}

function handlerRb(r: RpcContract, s: GrpcContract): string {
  const res = protoFullName(r.response);
  const sample = `Plumbing::Protos.from_json(${rb(res)}, ${rb(JSON.stringify(sampleOfType(r.response)))})`;
  const name = handlerName(r);
  const short = (t: ResolvedType) => protoFullName(t).split('.').pop() ?? '';
  const head = `  # ${s.name}.${r.name} (${RPC_KIND_WORDS[rpcKind(r)]}): ${short(r.request)} in, ${short(r.response)} out.`;
  switch (rpcKind(r)) {
    case 'unary':
      return `${head}
  def self.${name}(request, call)
    # TODO: replace the sample answer with the real one.
    ${sample}
  end`;
    case 'server':
      return `${head}
  # Answers a list (any Enumerable) of responses.
  def self.${name}(request, call)
    # TODO: replace the sample answers with the real ones.
    [${sample}, ${sample}]
  end`;
    case 'client':
      return `${head}
  # call.each_remote_read yields each request of the stream.
  def self.${name}(call)
    call.each_remote_read { |request| request }
    # TODO: replace the sample answer with the real one.
    ${sample}
  end`;
    case 'bidi':
      return `${head}
  # Answers an Enumerable of responses, read while the requests arrive.
  def self.${name}(requests, call)
    # TODO: replace the sample answers with the real ones.
    Enumerator.new { |answers| requests.each { |_request| answers << ${sample} } }
  end`;
  }
}

/** `rpc_handlers.rb`: the user's RPC bodies, answering the sample of each response. */
export function rpcHandlersRb(p: StubPlan, g: RubyGrpc): string {
  const methods = g.services.flatMap((s) => s.rpcs.map((r) => handlerRb(r, s)));
  return `# The gRPC methods of ${p.dns} that are yours to edit. The plumbing (lib/plumbing/grpc_server.rb)
# routes each RPC here; regenerating the project rewrites the plumbing, never this file. Raise
# GRPC::BadStatus (GRPC::InvalidArgument, GRPC::NotFound ...) to answer an error.
require "json"

module RpcHandlers
${methods.join('\n\n') || '  # This service declares no RPCs.'}
end
`;
}

const PING_ROW =
  '["Ping", Protos.msg("polyglot.ping.v1.PingRequest"), Protos.msg("polyglot.ping.v1.PingResponse"), nil, "unary", nil]';

function serviceDecl(s: GrpcContract, legacyPing: boolean): string {
  const rpcs = s.rpcs.map((r) => {
    const req = `Protos.msg(${rb(protoFullName(r.request))})`;
    const res = `Protos.msg(${rb(protoFullName(r.response))})`;
    const req2 = r.clientStreaming ? `stream(${req})` : req;
    const res2 = r.serverStreaming ? `stream(${res})` : res;
    const sample = `[${rb(protoFullName(r.request))}, ${rb(JSON.stringify(sampleOfType(r.request)))}, ${rb(protoFullName(r.response))}, ${rb(JSON.stringify(sampleOfType(r.response)))}]`;
    return `[${rb(r.name)}, ${req2}, ${res2}, ${rb(handlerName(r))}, ${rb(rpcKind(r))},\n           ${sample}]`;
  });
  if (legacyPing) rpcs.push(PING_ROW);
  return `service(${rb(s.fullName)}, [\n          ${rpcs.join(',\n          ')},\n        ])`;
}

/** `lib/plumbing/grpc_server.rb`: the node's services, the ping contract, health and reflection. */
export function grpcServerRb(p: StubPlan, g: RubyGrpc): string {
  const services = g.services.map((s) =>
    serviceDecl(s, p.legacyService === s.fullName && !s.rpcs.some((r) => r.name === 'Ping')),
  );
  const names = [...g.services.map((s) => s.fullName), 'polyglot.ping.v1.PingService'];
  return `# The gRPC server of ${p.dns} on GRPC_PORT. Generated: do not edit; the RPC bodies live in rpc_handlers.rb.
#
# It serves the node's gRPC services, polyglot.ping.v1.PingService${g.legacyService ? ` and the in-service Ping of ${g.legacyService}` : ''},
# grpc.health.v1.Health (Check and Watch: NOT_SERVING until the first readiness check, then
# following /readyz every two seconds) and server reflection (v1 and v1alpha).
require "grpc"
require "google/protobuf/descriptor_pb"
require_relative "config"
require_relative "exercise"
require_relative "ping"
require_relative "protos"
require_relative "ready"
require_relative "../../rpc_handlers"

module Plumbing
  module GrpcServer
    PING = lambda do |request, _call|
      Protos.msg("polyglot.ping.v1.PingResponse").new(tree_json: JSON.generate(Ping.tree(request.path.to_a)))
    end

    # A streamed request or response type in a service's rows.
    def self.stream(cls)
      GRPC::RpcDesc::Stream.new(cls)
    end

    # A service class declared from its full name: rows of [rpc, request, response, handler, kind,
    # sample] (sample: the request's and the response's full names and sample JSON). A nil handler
    # is the contract's Ping. A call marked polyglot-exercise is answered here, never by RpcHandlers.
    def self.service(full_name, rpcs)
      Class.new do
        include GRPC::GenericService

        self.marshal_class_method = :encode
        self.unmarshal_class_method = :decode
        self.service_name = full_name
        rpcs.each do |(rpc_name, request, response, handler, kind, sample)|
          rpc rpc_name.to_sym, request, response
          method_name = GRPC::GenericService.underscore(rpc_name.dup) # underscore changes its argument
          if handler.nil?
            define_method(method_name) { |request_message, call| PING.call(request_message, call) }
          elsif kind == "client"
            define_method(method_name) do |call|
              next GrpcServer.exercised(rpc_name, kind, sample, nil, call) if GrpcServer.marked?(call)

              RpcHandlers.public_send(handler, call)
            end
          else
            define_method(method_name) do |first, call|
              next GrpcServer.exercised(rpc_name, kind, sample, first, call) if GrpcServer.marked?(call)

              RpcHandlers.public_send(handler, first, call)
            end
          end
        end
      end
    end

    # Whether a call is an exercise call (metadata polyglot-exercise).
    def self.marked?(call)
      !call.metadata[Exercise::HEADER].nil?
    end

    def self.refuse(name, what, problem)
      raise GRPC::InvalidArgument, "#{name}: the #{what} differs from the sample: #{problem}"
    end

    # The plumbing's answer to an exercise call: the request must be the sample (a stream: the sample
    # twice), the answer is the sample response (twice for a streamed answer; one per request in a
    # bidirectional call). Anything else is INVALID_ARGUMENT, naming the RPC.
    def self.exercised(name, kind, sample, first, call)
      expected = Protos.from_json(sample[0], sample[1])
      answer = Protos.from_json(sample[2], sample[3])
      case kind
      when "unary", "server"
        problem = Exercise.pb_diff(expected, first)
        refuse(name, "request", problem) unless problem.nil?
        kind == "unary" ? answer : [answer, answer]
      when "client"
        got = []
        call.each_remote_read { |request| got << request }
        problem = Exercise.stream_diff(expected, got)
        refuse(name, "request stream", problem) unless problem.nil?
        answer
      else
        Enumerator.new do |answers|
          count = 0
          first.each do |request|
            count += 1
            problem = count > 2 ? "expected the sample twice, got more" : Exercise.pb_diff(expected, request)
            refuse(name, "request stream", problem) unless problem.nil?
            answers << answer
          end
          refuse(name, "request stream", "expected the sample twice, got #{count} message(s)") unless count == 2
        end
      end
    end

    def self.own_services
      [
${[
  ...services,
  `service("polyglot.ping.v1.PingService", [${PING_ROW}])`,
  ...(g.legacyService ? [`service(${rb(g.legacyService)}, [${PING_ROW}])`] : []),
]
  .map((x) => `        ${x}`)
  .join(',\n')},
      ]
    end

    # The names health answers for (besides "", the whole server) and reflection lists.
    NAMES = [${names.map(rb).join(', ')}].freeze

    # grpc.health.v1.Health: a status per service name, following readiness.
    class Health
      STATUS = { unknown: 0, serving: 1, not_serving: 2, service_unknown: 3 }.freeze

      def initialize(names)
        @names = ([""] + names).freeze
        @status = @names.to_h { |n| [n, :not_serving] }
        @lock = Mutex.new
        @final = false
      end

      def set_all(status)
        @lock.synchronize { @names.each { |n| @status[n] = status } unless @final }
      end

      def shutdown
        @lock.synchronize do
          @final = true
          @names.each { |n| @status[n] = :not_serving }
        end
      end

      def status(name)
        @lock.synchronize { @status[name] }
      end

      def response(status)
        Protos.msg("grpc.health.v1.HealthCheckResponse").new(status: STATUS.fetch(status))
      end

      def service_class
        health = self
        GrpcServer.service("grpc.health.v1.Health", []).tap do |cls|
          cls.class_eval do
            rpc :Check, Protos.msg("grpc.health.v1.HealthCheckRequest"), Protos.msg("grpc.health.v1.HealthCheckResponse")
            rpc :Watch, Protos.msg("grpc.health.v1.HealthCheckRequest"), stream(Protos.msg("grpc.health.v1.HealthCheckResponse"))
            define_method(:check) do |request, _call|
              status = health.status(request.service)
              raise GRPC::NotFound, "unknown service #{request.service}" if status.nil?

              health.response(status)
            end
            define_method(:watch) do |request, call|
              Enumerator.new do |answers|
                last = nil
                until call.cancelled?
                  now = health.status(request.service) || :service_unknown
                  answers << health.response(now) unless now == last
                  last = now
                  sleep 1
                end
              end
            end
          end
        end
      end
    end

    # Server reflection, answered from the descriptor set gen_proto.rb wrote.
    class Reflection
      NOT_FOUND = 5
      UNIMPLEMENTED = 12

      def initialize(names, package)
        @names = names
        @package = package
        set = Google::Protobuf::FileDescriptorSet.decode(File.binread(Protos::DESCRIPTORS))
        @files = set.file.to_h { |f| [f.name, f] }
        @symbols = {}
        @files.each_value { |f| index(f) }
      end

      def index(file)
        prefix = file.package.empty? ? "" : "#{file.package}."
        add = ->(name) { @symbols[name] = file.name }
        walk = lambda do |message, scope|
          full = "#{scope}#{message.name}"
          add.call(full)
          message.nested_type.each { |m| walk.call(m, "#{full}.") }
          message.enum_type.each { |e| add.call("#{full}.#{e.name}") }
        end
        file.message_type.each { |m| walk.call(m, prefix) }
        file.enum_type.each { |e| add.call("#{prefix}#{e.name}") }
        file.service.each do |s|
          add.call("#{prefix}#{s.name}")
          s["method"].each { |m| add.call("#{prefix}#{s.name}.#{m.name}") }
        end
      end

      # The file and every file it imports, the file first.
      def closure(name, seen = [])
        file = @files[name]
        return seen if file.nil? || seen.include?(file)

        seen << file
        file.dependency.each { |d| closure(d, seen) }
        seen
      end

      def msg(name)
        Protos.msg("#{@package}.#{name}")
      end

      def answer(request)
        kind = request.message_request
        out = msg("ServerReflectionResponse").new(valid_host: request.host, original_request: request)
        case kind
        when :list_services
          list = msg("ListServiceResponse")
          entry = msg("ServiceResponse")
          out.list_services_response = list.new(service: @names.map { |n| entry.new(name: n) })
        when :file_by_filename, :file_containing_symbol
          key = request.public_send(kind)
          name = kind == :file_by_filename ? key : @symbols[key]
          files = name.nil? ? [] : closure(name)
          return error(out, NOT_FOUND, "#{key} not found") if files.empty?

          encoded = files.map { |f| Google::Protobuf::FileDescriptorProto.encode(f) }
          out.file_descriptor_response = msg("FileDescriptorResponse").new(file_descriptor_proto: encoded)
        else
          return error(out, UNIMPLEMENTED, "#{kind} is not supported")
        end
        out
      end

      def error(out, code, message)
        out.error_response = msg("ErrorResponse").new(error_code: code, error_message: message)
        out
      end

      def service_class
        reflection = self
        GrpcServer.service("#{@package}.ServerReflection", []).tap do |cls|
          cls.class_eval do
            rpc :ServerReflectionInfo, stream(reflection.msg("ServerReflectionRequest")),
                stream(reflection.msg("ServerReflectionResponse"))
            define_method(:server_reflection_info) do |requests, _call|
              Enumerator.new { |answers| requests.each { |r| answers << reflection.answer(r) } }
            end
          end
        end
      end
    end

    # Starts the server in its own threads and returns it.
    def self.start
      health = Health.new(NAMES)
      packages = %w[grpc.reflection.v1 grpc.reflection.v1alpha]
      listed = NAMES + ["grpc.health.v1.Health"] + packages.map { |pkg| "#{pkg}.ServerReflection" }
      server = GRPC::RpcServer.new(pool_size: 32)
      server.add_http2_port("0.0.0.0:#{Config.grpc_port}", :this_port_is_insecure)
      own_services.each { |cls| server.handle(cls.new) }
      server.handle(health.service_class.new)
      packages.each { |pkg| server.handle(Reflection.new(listed, pkg).service_class.new) }
      Thread.new { server.run }
      server.wait_till_running(10)
      Thread.new do
        loop do
          health.set_all(Ready.unreachable.empty? ? :serving : :not_serving)
          sleep 2
        end
      end
      at_exit do
        health.shutdown
        server.stop
      end
      warn "gRPC #{NAMES.join(', ')} listening on #{Config.grpc_port} (with health and reflection)"
      server
    end
  end
end
`;
}

/** The generated files of a Ruby stub's gRPC side (none when it neither serves nor calls gRPC). */
export function rubyGrpcFiles(p: StubPlan): GeneratedFile[] {
  if (!rubyUsesGrpc(p)) return [];
  const g = rubyGrpc(p);
  const files: GeneratedFile[] = [
    ...g.protos.map((f) => ({ path: `proto/${f.path}`, content: f.content })),
    { path: 'gen_proto.rb', content: GEN_PROTO_RB },
    { path: 'lib/plumbing/protos.rb', content: protosRb(g) },
  ];
  if (p.grpc.length) files.push({ path: 'lib/plumbing/grpc_client.rb', content: grpcClientRb(p) });
  if (g.serves) {
    files.push({ path: 'lib/plumbing/grpc_server.rb', content: grpcServerRb(p, g) });
    files.push({ path: 'rpc_handlers.rb', content: rpcHandlersRb(p, g) });
  }
  return files;
}
