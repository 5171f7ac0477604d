# The REST endpoints of img-src-x-onerror-alert-1, at their paths as declared (case kept). Generated: do not edit.
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

    # GET /img/{id}
    get Regexp.new("/img/(?<p0>[^/]+)") do
      id = api_param({ "s" => "string" }, [params["p0"]].compact, "id", true, false)
      if exercise?
        api_check("GET /img/{id}", { "id" => "id-sample" }, { "id" => id })
        api_answer(200, { "html" => "html-sample" })
      end
      api_answer(200, Handlers.get_img_by_id(id))
    end
  end
end
