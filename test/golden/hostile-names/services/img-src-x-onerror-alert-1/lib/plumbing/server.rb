# The HTTP side of the service contract: /healthz, /readyz and /ping, and the endpoints (api.rb). Generated: do not edit.
require "json"
require "sinatra/base"
require_relative "config"
require_relative "ping"
require_relative "ready"
require_relative "exercise"

module Plumbing
  # The app: the contract's routes here, the service's endpoints in api.rb.
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
      warn "#{request.request_method} #{request.path_info}: #{boom.class}: #{boom.message}\n  #{Array(boom.backtrace).first(8).join("\n  ")}"
      content_type "application/problem+json"
      JSON.generate({ "type" => "about:blank", "title" => "Internal Server Error", "status" => 500 })
    end
  end

  # Starts the consumers and the gRPC server, then the HTTP server on PORT (Puma, until SIGTERM or SIGINT).
  def self.run
    # no consumers: this service subscribes to nothing
    # no gRPC server: this service serves no gRPC
    Server.run!(port: Config.port, server_settings: { Threads: "0:32" })
  end
end

# the service's endpoints, added to the app above
require_relative "api"
