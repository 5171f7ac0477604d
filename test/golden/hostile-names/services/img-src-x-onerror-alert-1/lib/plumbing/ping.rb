# The /ping fan-out of the service contract (docs/stub-contract.md). Generated: do not edit.
require "json"
require "net/http"
require "uri"
require_relative "config"

module Plumbing
  module Ping
    MAX_RECEIVED = 20
    @received = []
    @lock = Mutex.new

    # Keeps a consumed message for the next /ping answer (the last 20, newest last); valid: whether
    # its payload is the contract's sample of the channel's message.
    def self.record(broker, topic, envelope, valid)
      entry = { "broker" => broker, "topic" => topic, "from" => envelope["from"], "id" => envelope["id"], "valid" => valid }
      @lock.synchronize do
        @received << entry
        @received.shift while @received.size > MAX_RECEIVED
      end
    end

    def self.received
      @lock.synchronize { @received.dup }
    end

    # The hop path of a request: ?path=a,b lists the services it already passed through.
    def self.parse_path(raw)
      return [] if raw.nil? || raw.empty?

      raw.split(",").map(&:strip).reject(&:empty?)
    end

    # A failed link is part of the answer, never a crash.
    def self.guard(base)
      base.merge("ok" => true).merge(yield)
    rescue StandardError => e
      base.merge("ok" => false, "error" => "#{e.class}: #{e.message}")
    end

    def self.rest(link, hop)
      guard("via" => "rest", "target" => link[:target]) do
        base = Config.env(link[:env]).sub(%r{/+\z}, "")
        uri = URI("#{base}/ping?path=#{URI.encode_www_form_component(hop.join(","))}")
        timeout = Config.call_timeout(hop.size)
        res = Net::HTTP.start(uri.host, uri.port, use_ssl: uri.scheme == "https",
                                                  open_timeout: Config::TIMEOUT, read_timeout: timeout) do |http|
          http.request(Net::HTTP::Get.new(uri))
        end
        raise "HTTP #{res.code} from #{base}/ping" unless res.code == "200"

        { "tree" => JSON.parse(res.body) }
      end.tap do |call|
        # the typed exercise of the endpoints the link uses (its own ok is the /ping call's alone)
        call["methods"] = Plumbing.const_get(link[:client]).new.exercise if link[:client]
      end
    end

    def self.grpc(link, hop)
      guard("via" => "grpc", "target" => link[:target]) { { "tree" => JSON.parse(GrpcClient.ping(link, hop)) } }.tap do |call|
        call["methods"] = GrpcClient.exercise(link) if link[:typed]
      end
    end

    def self.queue(link, hop)
      base = { "via" => "queue", "broker" => link[:broker], "brokerKind" => link[:kind], "topic" => link[:topic] }
      guard(base) { { "id" => Messaging.publish(link, hop) } }
    end

    def self.database(link)
      guard("via" => "database", "target" => link[:target]) do
        Databases.check(link)
        {}
      end
    end

    # The answer of /ping: who this is, and what each outgoing link said.
    def self.tree(path)
      me = Config.service_name
      answer = {
        "service" => me, "language" => Config::LANGUAGE, "framework" => Config::FRAMEWORK,
        "ok" => true, "loop" => path.include?(me), "path" => path + [me], "calls" => [], "received" => received
      }
      return answer if answer["loop"]

      hop = answer["path"]
      tasks = Config::REST_LINKS.map { |l| -> { rest(l, hop) } } +
              Config::GRPC_LINKS.map { |l| -> { grpc(l, hop) } } +
              Config::PUBLISHES.map { |l| -> { queue(l, hop) } } +
              Config::DATABASES.map { |l| -> { database(l) } }
      answer["calls"] = tasks.size == 1 ? [tasks[0].call] : tasks.map { |t| Thread.new { t.call } }.map(&:value)
      answer["received"] = received
      answer
    end
  end
end
