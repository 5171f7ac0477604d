import type { EndpointContract, JsonValue, ParamContract, ResolvedType } from '../../../model/contracts';
import { designContracts } from '../../../model/contracts';
import type { TypeRef } from '../../../model/types';
import type { StubPlan } from '../python/plan';
import { rb } from './app';

/**
 * The types of the Ruby · Sinatra stub: the design's messages and enums as data
 * (`lib/plumbing/types.rb`), which the plumbing reads REST bodies, parameters, answers and queue
 * payloads against (the protobuf JSON mapping: a value that does not fit raises, one that fits
 * comes back with only its declared fields), and the exercise helpers (`lib/plumbing/exercise.rb`).
 * Ruby has no static types: a handler gets hashes with string keys, arrays and scalars whose
 * shape the plumbing has checked.
 */

/** Ruby's keywords: never the name of a parameter or a method the stub writes. */
const RUBY_KEYWORDS = new Set(
  (
    '__ENCODING__ __LINE__ __FILE__ BEGIN END alias and begin break case class def defined? do else elsif end ' +
    'ensure false for if in module next nil not or redo rescue retry return self super then true undef unless ' +
    'until when while yield'
  ).split(' '),
);

/** A legal Ruby local or method name from a snake_case form, unique in `taken`. */
export function rubyIdent(snake: string, prefix: string, taken: Set<string>): string {
  let base = /^[a-z_][a-z0-9_]*$/.test(snake) ? snake : `${prefix}_${snake.replace(/[^a-z0-9_]/gi, '_').toLowerCase()}`;
  if (RUBY_KEYWORDS.has(base)) base = `${base}_value`;
  let n = base;
  for (let i = 2; taken.has(n); i++) n = `${base}_${i}`;
  taken.add(n);
  return n;
}

/** A JSON value as a Ruby literal (hashes with string keys; `#` never interpolates). */
export function rbLiteral(v: JsonValue): string {
  if (v === null) return 'nil';
  if (typeof v === 'boolean') return v ? 'true' : 'false';
  if (typeof v === 'number') return Number.isFinite(v) ? String(v) : 'nil';
  if (typeof v === 'string') return rb(v);
  if (Array.isArray(v)) return `[${v.map(rbLiteral).join(', ')}]`;
  const entries = Object.entries(v);
  if (entries.length === 0) return '{}';
  return `{ ${entries.map(([k, x]) => `${rb(k)} => ${rbLiteral(x)}`).join(', ')} }`;
}

/** How types.rb names a type: `{"s": scalar}`, `{"e": enum}`, `{"m": message}` or `{"w": well-known, "j": its JSON kind}`. */
export function typeKey(t: ResolvedType): JsonValue {
  switch (t.kind) {
    case 'scalar':
      return { s: t.scalar };
    case 'enum':
      return { e: t.type.names.full };
    case 'message':
      return { m: t.type.names.full };
    case 'wellKnown':
      return { w: t.name, j: t.json };
  }
}

/** A type key as a Ruby literal (frozen by types.rb's users: plain data). */
export function rbType(t: ResolvedType): string {
  return rbLiteral(typeKey(t));
}

/** The fallback of a message type a design no longer resolves: the empty message. */
const EMPTY: ResolvedType = {
  kind: 'wellKnown',
  ref: 'google.protobuf.Empty',
  name: 'google.protobuf.Empty',
  json: 'object',
};

/** A queue message type, resolved. */
export function queueType(p: StubPlan, ref: TypeRef): ResolvedType {
  return designContracts(p.ctx.design).universe.resolve(ref) ?? EMPTY;
}

function endpointTypes(e: EndpointContract): ResolvedType[] {
  return [
    ...e.params.map((x: ParamContract) => x.type),
    ...(e.body ? [e.body.type] : []),
    ...e.responses.flatMap((r) => (r.body ? [r.body.type] : [])),
  ];
}

/** `lib/plumbing/types.rb`: the messages and enums a stub reads, and the checks of values against them. */
export function typesRb(p: StubPlan, roots: readonly ResolvedType[]): string {
  const messages = new Map<string, JsonValue>();
  const enums = new Map<string, JsonValue>();
  const visit = (t: ResolvedType) => {
    if (t.kind === 'enum') {
      if (!enums.has(t.type.names.full))
        enums.set(t.type.names.full, Object.fromEntries(t.type.values.map((v) => [v.name, v.number])));
    } else if (t.kind === 'message') {
      if (messages.has(t.type.names.full)) return;
      messages.set(t.type.names.full, []);
      messages.set(
        t.type.names.full,
        t.type.fields.map((f) => {
          visit(f.type);
          return {
            k: f.jsonKey,
            n: f.name,
            t: typeKey(f.type),
            c: f.cardinality,
            ...(f.mapKey ? { mk: f.mapKey } : {}),
          };
        }),
      );
    }
  };
  [...roots, ...p.ownEndpoints.flatMap(endpointTypes), ...p.rest.flatMap((r) => r.used.flatMap(endpointTypes))].forEach(
    visit,
  );
  const table = (m: Map<string, JsonValue>) =>
    m.size === 0
      ? '{}.freeze'
      : `{\n${[...m].map(([k, v]) => `      ${rb(k)} => ${rbLiteral(v)}`).join(',\n')}\n    }.freeze`;
  return `# The design's messages and enums, and the checks of JSON values against them (the protobuf
# JSON mapping: int64 as a number or a string of digits, enums by name, bytes as base64 text).
# Generated: regenerate, do not edit.
require "json"

module Plumbing
  module Types
    # A value that does not fit its type; the message says where and what.
    class Mismatch < StandardError; end

    # Every message: its fields, as [{"k" => JSON key, "n" => proto name, "t" => type, "c" => cardinality, "mk" => map key}].
    MESSAGES = ${table(messages)}
    # Every enum: value name to number.
    ENUMS = ${table(enums)}

    INTEGERS = %w[int32 int64 uint32 uint64 sint32 sint64 fixed32 fixed64 sfixed32 sfixed64].freeze

    def self.mismatch(where, expected, value)
      text = JSON.generate(value) rescue value.inspect
      text = "#{text[0, 117]}..." if text.size > 120
      raise Mismatch, "#{where}: expected #{expected}, got #{text}"
    end

    # A payload (a body or an answer): one value of the type, or a list of them.
    def self.payload(type, repeated, value, where)
      return coerce(type, value, where) unless repeated

      mismatch(where, "a list", value) unless value.is_a?(Array)
      value.each_with_index.map { |v, i| coerce(type, v, "#{where}[#{i}]") }
    end

    # The value as its type, with only the declared fields of a message; raises Mismatch.
    def self.coerce(type, value, where)
      if type["s"] then scalar(type["s"], value, where)
      elsif type["e"] then enum(type["e"], value, where)
      elsif type["m"] then message(type["m"], value, where)
      else well_known(type, value, where)
      end
    end

    def self.scalar(kind, value, where)
      case kind
      when "string", "bytes"
        value.is_a?(String) ? value : mismatch(where, "a string", value)
      when "bool"
        [true, false].include?(value) ? value : mismatch(where, "true or false", value)
      when "float", "double"
        return value if value.is_a?(Numeric)
        return Float(value) if value.is_a?(String) && value.match?(/\\A-?\\d+(\\.\\d+)?([eE][-+]?\\d+)?\\z/)

        mismatch(where, "a number", value)
      else
        return value if value.is_a?(Integer)
        return value.to_i if value.is_a?(Float) && value.finite? && value == value.floor
        return Integer(value, 10) if value.is_a?(String) && value.match?(/\\A-?\\d+\\z/)

        mismatch(where, "an integer", value)
      end
    end

    def self.enum(name, value, where)
      values = ENUMS.fetch(name, {})
      return value if value.is_a?(String) && values.key?(value)
      if value.is_a?(Integer)
        found = values.key(value)
        return found || value
      end

      mismatch(where, "one of #{values.keys.join(', ')}", value)
    end

    def self.message(name, value, where)
      mismatch(where, "an object", value) unless value.is_a?(Hash)
      MESSAGES.fetch(name, []).each_with_object({}) do |f, out|
        v = value.key?(f["k"]) ? value[f["k"]] : value[f["n"]]
        out[f["k"]] = field(f, v, "#{where}.#{f["k"]}") unless v.nil?
      end
    end

    def self.field(f, value, where)
      case f["c"]
      when "repeated"
        mismatch(where, "a list", value) unless value.is_a?(Array)
        value.each_with_index.map { |v, i| coerce(f["t"], v, "#{where}[#{i}]") }
      when "map"
        mismatch(where, "an object", value) unless value.is_a?(Hash)
        value.to_h { |k, v| [map_key(f["mk"], k, where), coerce(f["t"], v, "#{where}.#{k}")] }
      else
        coerce(f["t"], value, where)
      end
    end

    def self.map_key(kind, key, where)
      case kind
      when "bool" then %w[true false].include?(key) ? key : mismatch(where, "true or false as a key", key)
      when "string" then key
      else key.match?(/\\A-?\\d+\\z/) ? key : mismatch(where, "an integer as a key", key)
      end
    end

    def self.well_known(type, value, where)
      ok = case type["j"]
           when "string" then value.is_a?(String) || (type["w"].to_s.end_with?("Int64Value") && value.is_a?(Integer))
           when "object" then value.is_a?(Hash)
           when "array" then value.is_a?(Array)
           when "boolean" then [true, false].include?(value)
           when "integer" then value.is_a?(Integer)
           when "number" then value.is_a?(Numeric)
           else true
           end
      ok ? value : mismatch(where, "a #{type["j"]} (#{type["w"]})", value)
    end

    # A parameter's text as its type: numbers and bools parsed, enums by name, messages as JSON.
    def self.param(type, text, where)
      value =
        if (kind = type["s"])
          if kind == "bool"
            { "true" => true, "false" => false }.fetch(text) { mismatch(where, "true or false", text) }
          elsif %w[float double].include?(kind)
            Float(text) rescue mismatch(where, "a number", text)
          elsif INTEGERS.include?(kind)
            Integer(text, 10) rescue mismatch(where, "an integer", text)
          else
            text
          end
        elsif type["e"] || type["j"] == "string"
          text
        else
          JSON.parse(text) rescue mismatch(where, "JSON", text)
        end
      coerce(type, value, where)
    end

    # Whether a value fits its type and, so read, equals the expected value (1 equals 1.0).
    def self.equal?(type, repeated, value, expected)
      payload(type, repeated, value, "payload") == expected
    rescue Mismatch
      false
    end
  end
end
`;
}

/** `lib/plumbing/exercise.rb`: the exercise's marker, comparisons and RFC 9457 problems. */
export const EXERCISE_RB = String.raw`# The typed exercise of the service contract (docs/stub-contract.md). Generated: do not edit.
#
# /ping calls every RPC and endpoint of an outgoing link with the contract's deterministic sample,
# marked with polyglot-exercise: 1 (gRPC metadata or HTTP header). The callee's plumbing checks
# that what arrived equals the sample and answers the sample response, never the user's handlers;
# the caller checks the answer. A streaming side sends the sample twice.
require "json"

module Plumbing
  # An error answer of a REST endpoint, sent as RFC 9457 application/problem+json:
  # raise Plumbing::Problem.new(404, "no such order") in a handler.
  class Problem < StandardError
    TITLES = {
      400 => "Bad Request", 401 => "Unauthorized", 403 => "Forbidden", 404 => "Not Found", 409 => "Conflict",
      422 => "Unprocessable Content", 500 => "Internal Server Error", 503 => "Service Unavailable"
    }.freeze

    attr_reader :status, :detail

    def initialize(status, detail)
      super("HTTP #{status}: #{detail}")
      @status = status
      @detail = detail
    end

    def body
      { "type" => "about:blank", "title" => TITLES.fetch(status, "Error"), "status" => status, "detail" => detail }
    end
  end

  module Exercise
    HEADER = "polyglot-exercise"
    # The headers (or gRPC metadata) of an exercise call.
    MARKED = { HEADER => "1" }.freeze

    # A value as JSON text, cut to 300 characters.
    def self.short(value)
      text = value.is_a?(String) ? value : (JSON.generate(value) rescue value.inspect)
      text.size <= 300 ? text : "#{text[0, 297]}..."
    end

    # nil when two JSON values are equal (1 equals 1.0), else what differs.
    def self.json_diff(expected, got)
      expected == got ? nil : "expected #{short(expected)}, got #{short(got)}"
    end

    def self.pb_json(message)
      message.class.encode_json(message, preserve_proto_fieldnames: true)
    end

    # nil when two protobuf messages are equal, else what differs.
    def self.pb_diff(expected, got)
      expected == got ? nil : "expected #{short(pb_json(expected))}, got #{short(got.nil? ? "nothing" : pb_json(got))}"
    end

    # nil when a stream carried the sample exactly twice.
    def self.stream_diff(expected, got)
      return "expected the sample twice, got #{got.size} message(s)" unless got.size == 2

      pb_diff(expected, got[0]) || pb_diff(expected, got[1])
    end

    def self.status_name(code)
      GRPC::Core::StatusCodes.constants.find { |c| GRPC::Core::StatusCodes.const_get(c) == code }&.to_s || code.to_s
    end

    def self.describe(error)
      if defined?(GRPC::BadStatus) && error.is_a?(GRPC::BadStatus)
        "#{status_name(error.code)}: #{error.details}"
      else
        "#{error.class}: #{error.message}"
      end
    end

    # Runs one exercise call: a "methods" entry of the /ping tree. The block answers nil or what differs.
    def self.run(name)
      problem = yield
      problem.nil? ? { "name" => name, "ok" => true } : { "name" => name, "ok" => false, "error" => problem }
    rescue StandardError => e
      { "name" => name, "ok" => false, "error" => describe(e) }
    end
  end
end
`;
