# Readiness: a TCP connection to every broker and database opens within a second. Generated: do not edit.
require "socket"
require_relative "config"

module Plumbing
  module Ready
    # host and port of the first address of a URL: kafka:9092, amqp://u:p@host:5672/, redis://host/0
    def self.host_port(url, default_port)
      rest = url.sub(%r{\A[A-Za-z][A-Za-z0-9+.-]*://}, "").split(",").first.to_s
      rest = rest.split("/").first.to_s
      rest = rest.split("@").last.to_s
      if (m = /\A\[([^\]]+)\](?::(\d+))?\z/.match(rest))
        [m[1], (m[2] || default_port).to_i]
      elsif (m = /\A([^:]*)(?::(\d+))?\z/.match(rest))
        [m[1].empty? ? "localhost" : m[1], (m[2] || default_port).to_i]
      else
        [rest, default_port]
      end
    end

    def self.answers?(url, default_port)
      host, port = host_port(url, default_port)
      Socket.tcp(host, port, connect_timeout: 1).close
      true
    rescue StandardError
      false
    end

    # The address variables of the brokers and databases that do not answer; empty when ready.
    def self.unreachable
      Config::READY.map { |dep| Thread.new { answers?(Config.env(dep[:env]), dep[:port]) ? nil : dep[:env] } }
                   .map(&:value).compact
    end
  end
end
