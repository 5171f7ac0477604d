# The links of this service, as the design declares them. Generated: regenerate, do not edit.
#
# Every address is read from an environment variable, which compose.yaml and the Kubernetes
# ConfigMap set; nothing here names a host.
require "json"

module Plumbing
  module Config
    LANGUAGE = "Ruby"
    FRAMEWORK = "Sinatra"
    DEFAULT_SERVICE_NAME = "img-src-x-onerror-alert-1"
    DEFAULT_PORT = 4567
    DEFAULT_GRPC_PORT = 50051
    # Seconds a broker or database operation may take before it counts as failed.
    TIMEOUT = 5.0

    # Outgoing REST links: GET <target URL>/ping on each, then the exercise of the endpoints the link
    # uses with its typed client (client: its class in rest_clients.rb), when the target is converted.
    REST_LINKS = [].freeze
    # Outgoing gRPC links: the contract's Ping on each (method: its HTTP/2 path), then the exercise of
    # the RPCs the link uses (grpc_client.rb) when the target is converted (typed).
    GRPC_LINKS = [].freeze
    # Outgoing queue links: one message each per /ping; payload is the sample of the channel's message.
    PUBLISHES = [].freeze
    # Subscriptions, one per broker and topic; a payload is valid when it fits type and equals sample.
    SUBSCRIBES = [].freeze
    # Database links: a connection check each per /ping.
    DATABASES = [].freeze
    # What /readyz waits for: a TCP connection to each broker and database.
    READY = [].freeze

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
