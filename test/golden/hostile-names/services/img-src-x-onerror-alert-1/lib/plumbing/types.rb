# The design's messages and enums, and the checks of JSON values against them (the protobuf
# JSON mapping: int64 as a number or a string of digits, enums by name, bytes as base64 text).
# Generated: regenerate, do not edit.
require "json"

module Plumbing
  module Types
    # A value that does not fit its type; the message says where and what.
    class Mismatch < StandardError; end

    # Every message: its fields, as [{"k" => JSON key, "n" => proto name, "t" => type, "c" => cardinality, "mk" => map key}].
    MESSAGES = {
      "rmrfetc.imgsrcxonerroralert1.v1.GetImgByIdResponse" => [{ "k" => "html", "n" => "html", "t" => { "s" => "string" }, "c" => "single" }]
    }.freeze
    # Every enum: value name to number.
    ENUMS = {}.freeze

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
        return Float(value) if value.is_a?(String) && value.match?(/\A-?\d+(\.\d+)?([eE][-+]?\d+)?\z/)

        mismatch(where, "a number", value)
      else
        return value if value.is_a?(Integer)
        return value.to_i if value.is_a?(Float) && value.finite? && value == value.floor
        return Integer(value, 10) if value.is_a?(String) && value.match?(/\A-?\d+\z/)

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
      else key.match?(/\A-?\d+\z/) ? key : mismatch(where, "an integer as a key", key)
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
