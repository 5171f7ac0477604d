# The typed exercise of the service contract (docs/stub-contract.md). Generated: do not edit.
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
