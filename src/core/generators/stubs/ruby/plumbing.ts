/**
 * The plumbing of the Ruby · Sinatra stub that is the same for every service: `/ping`, readiness,
 * the brokers and the databases. The service's own links are data in `lib/plumbing/config.rb`.
 * Written with String.raw so that the Ruby source reads here as it reads in the export.
 */

/** `lib/plumbing/ping.rb`: the fan-out of `GET /ping` and the messages the service received. */
export const PING_RB = String.raw`# The /ping fan-out of the service contract (docs/stub-contract.md). Generated: do not edit.
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
`;

/** `lib/plumbing/ready.rb`: what `GET /readyz` checks (docs/stub-contract.md, HTTP). */
export const READY_RB = String.raw`# Readiness: a TCP connection to every broker and database opens within a second. Generated: do not edit.
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
`;

/** `lib/plumbing/databases.rb`: the check of every database link, for the kinds the service uses. */
export function databasesRb(kinds: ReadonlySet<string>): string {
  const sections: string[] = [];
  const checks: string[] = [];
  if (kinds.has('postgres')) {
    sections.push(String.raw`
    def self.check_postgres(url)
      require "pg"
      conn = PG.connect(url, connect_timeout: Config::TIMEOUT.to_i)
      begin
        conn.exec("SELECT 1")
      ensure
        conn.close
      end
    end
`);
    checks.push('"postgres" => method(:check_postgres)');
  }
  if (kinds.has('redis')) {
    sections.push(String.raw`
    def self.check_redis(url)
      require "redis"
      client = Redis.new(url: url, timeout: Config::TIMEOUT)
      begin
        raise "Redis did not answer PONG" unless client.ping == "PONG"
      ensure
        client.close
      end
    end
`);
    checks.push('"redis" => method(:check_redis)');
  }
  return String.raw`# Connection checks of the database links. Generated: do not edit.
require_relative "config"

module Plumbing
  module Databases
${sections.join('')}
    CHECKS = {${checks.join(', ')}}.freeze

    # PostgreSQL SELECT 1, Redis PING; raises when the database does not answer.
    def self.check(link)
      checker = CHECKS[link[:kind]] or raise "no check for #{link[:kind]}"
      checker.call(Config.env(link[:env]))
    end
  end
end
`;
}

/** The envelope, publish dispatch and consumer start of `lib/plumbing/messaging.rb`. */
export function messagingRb(kinds: readonly string[]): string {
  const requires = kinds.map((k) => `require_relative "${BUS_FILES[k] ?? k}"`).join('\n');
  return String.raw`# Messages of the service contract: one JSON envelope per publish. Generated: do not edit.
require "json"
require_relative "config"
require_relative "ping"
require_relative "types"
${requires}

module Plumbing
  module Messaging
    @count = 0
    @lock = Mutex.new

    BUSES = {${kinds.map((k) => `"${k}" => ${BUS_MODULES[k]}`).join(', ')}}.freeze

    # Publishes the envelope {id, from, topic, path, payload} and answers its id.
    def self.publish(link, hop)
      n = @lock.synchronize { @count += 1 }
      me = Config.service_name
      id = "#{me}-#{n}"
      body = JSON.generate("id" => id, "from" => me, "topic" => link[:topic], "path" => hop, "payload" => link[:payload])
      bus = BUSES[link[:kind]] or raise "no producer for #{link[:kind]}"
      bus.publish(link, body)
      id
    end

    # Called by every consumer with the raw body; a body that is not an envelope is skipped. The
    # payload is valid when it fits the channel's message type and equals its sample.
    def self.deliver(link, body)
      envelope = JSON.parse(body)
      return unless envelope.is_a?(Hash)

      valid = Types.equal?(link[:type], false, envelope["payload"], link[:sample])
      Ping.record(link[:broker], link[:topic], envelope, valid)
      Handlers.on_message(link[:broker], link[:topic], envelope) if defined?(Handlers) && Handlers.respond_to?(:on_message)
    rescue JSON::ParserError
      nil
    rescue StandardError => e
      warn "message on #{link[:topic]}: #{e.class}: #{e.message}"
    end

    # Starts one consumer per broker address, each in its own thread, retrying until it connects.
    def self.start_consumers
      Config::SUBSCRIBES.group_by { |l| l[:env] }.each_value do |links|
        bus = BUSES[links.first[:kind]] or next
        Thread.new do
          loop do
            bus.consume(Config.env(links.first[:env]), links)
          rescue StandardError => e
            warn "consumer of #{links.first[:env]}: #{e.class}: #{e.message}; retrying"
            sleep 1
          end
        end
      end
    end
  end
end
`;
}

const BUS_FILES: Record<string, string> = { rabbitmq: 'rabbitmq', redis: 'redis_streams', nats: 'nats' };
const BUS_MODULES: Record<string, string> = { rabbitmq: 'RabbitMQ', redis: 'RedisStreams', nats: 'NATS' };

/** `lib/plumbing/rabbitmq.rb`: a durable fanout exchange per topic, a durable queue `<topic>.<service>` per consumer. */
export const RABBITMQ_RB = String.raw`# RabbitMQ through Bunny: a durable fanout exchange named after the topic; each consuming
# service binds its own durable queue <topic>.<service>. Generated: do not edit.
require "bunny"
require "logger"
require_relative "config"

module Plumbing
  module RabbitMQ
    @connections = {}
    @lock = Mutex.new

    # The URL's empty vhost (amqp://host:5672/) is the default vhost "/", as every other stub reads it.
    def self.connect(url)
      url = url.sub(%r{\A(amqps?://[^/]*)/?\z}, "\\1/%2F")
      conn = Bunny.new(url, connection_timeout: Config::TIMEOUT, automatically_recover: false, logger: Logger.new(nil))
      conn.start
      conn
    end

    # One connection per address for publishing, opened again after a failure.
    def self.publish(link, body)
      url = Config.env(link[:env])
      @lock.synchronize do
        conn = @connections[url]
        conn = @connections[url] = connect(url) unless conn&.open?
        begin
          ch = conn.create_channel
          ch.fanout(link[:topic], durable: true).publish(body, content_type: "application/json", persistent: true)
          ch.close
        rescue StandardError
          conn.close rescue nil
          @connections.delete(url)
          raise
        end
      end
    end

    def self.consume(url, links)
      conn = connect(url)
      ch = conn.create_channel
      links.each do |link|
        exchange = ch.fanout(link[:topic], durable: true)
        queue = ch.queue("#{link[:topic]}.#{Config.service_name}", durable: true)
        queue.bind(exchange)
        queue.subscribe(manual_ack: false) { |_info, _props, body| Messaging.deliver(link, body) }
      end
      sleep 1 while conn.open?
      raise "connection closed"
    end
  end
end
`;

/** `lib/plumbing/redis_streams.rb`: XADD to publish, XREADGROUP in the group named after the service. */
export const REDIS_RB = String.raw`# Redis Streams: XADD <topic> * message <json>; each consuming service reads in its own consumer
# group (XREADGROUP, group = its name, created with MKSTREAM at 0). Generated: do not edit.
require "redis"
require "socket"
require_relative "config"

module Plumbing
  module RedisStreams
    @clients = {}
    @lock = Mutex.new

    def self.publish(link, body)
      url = Config.env(link[:env])
      client = @lock.synchronize { @clients[url] ||= Redis.new(url: url, timeout: Config::TIMEOUT) }
      client.xadd(link[:topic], { "message" => body })
    end

    def self.consume(url, links)
      client = Redis.new(url: url, timeout: Config::TIMEOUT + 5)
      group = Config.service_name
      consumer = "#{group}-#{Socket.gethostname}-#{Process.pid}"
      by_topic = links.to_h { |l| [l[:topic], l] }
      by_topic.each_key do |topic|
        client.xgroup(:create, topic, group, "0", mkstream: true)
      rescue Redis::CommandError => e
        raise unless e.message.include?("BUSYGROUP")
      end
      loop do
        batches = client.xreadgroup(group, consumer, by_topic.keys, [">"] * by_topic.size, count: 10, block: 2000)
        (batches || {}).each do |topic, entries|
          entries.each do |entry_id, fields|
            Messaging.deliver(by_topic[topic], fields["message"].to_s) if by_topic[topic]
            client.xack(topic, group, entry_id)
          end
        end
      end
    end
  end
end
`;

/**
 * `lib/plumbing/nats.rb`: a client of core NATS's text protocol (CONNECT, PUB, SUB with a queue
 * group, MSG, PING/PONG), since Debian packages no NATS gem.
 */
export const NATS_RB = String.raw`# Core NATS: subject = the topic; consumers subscribe in a queue group named after the service.
# A small client of the NATS text protocol (CONNECT, PUB, SUB, MSG, PING/PONG). Generated: do not edit.
require "json"
require "socket"
require "uri"
require_relative "config"

module Plumbing
  module NATS
    # A connection: INFO read, CONNECT sent, answered with PONG to our PING.
    class Connection
      def initialize(url)
        uri = URI(url.include?("://") ? url.split(",").first : "nats://#{url.split(",").first}")
        @socket = Socket.tcp(uri.host || "localhost", uri.port || 4222, connect_timeout: Config::TIMEOUT)
        @lock = Mutex.new
        info = read_line
        raise "NATS: expected INFO, got #{info[0, 40]}" unless info.start_with?("INFO")

        opts = { verbose: false, pedantic: false, lang: "ruby", version: "1", name: Config.service_name, protocol: 1 }
        opts[:user] = URI.decode_www_form_component(uri.user) if uri.user
        opts[:pass] = URI.decode_www_form_component(uri.password) if uri.password
        write("CONNECT #{JSON.generate(opts)}\r\nPING\r\n")
        expect_pong
      end

      def write(data)
        @lock.synchronize { @socket.write(data) }
      end

      def read_line
        ready = IO.select([@socket], nil, nil, Config::TIMEOUT * 3)
        raise "NATS: no answer" unless ready

        line = @socket.gets("\r\n") or raise "NATS: connection closed"
        line.chomp("\r\n")
      end

      def expect_pong
        loop do
          line = read_line
          return if line == "PONG"
          raise "NATS: #{line}" if line.start_with?("-ERR")
        end
      end

      # Publishes and waits for the server's PONG, so an accepted publish is a delivered one.
      def publish(subject, body)
        data = body.b
        write("PUB #{subject} #{data.bytesize}\r\n#{data}\r\nPING\r\n")
        expect_pong
      end

      def subscribe(subject, queue, sid)
        write("SUB #{subject} #{queue} #{sid}\r\n")
      end

      # Reads MSG frames for ever, answering the server's PINGs.
      def each_message
        loop do
          ready = IO.select([@socket], nil, nil, 60)
          next unless ready

          line = (@socket.gets("\r\n") or raise "NATS: connection closed").chomp("\r\n")
          case line
          when "PING" then write("PONG\r\n")
          when /\AMSG (\S+) (\S+) (?:\S+ )?(\d+)\z/
            sid = Regexp.last_match(2)
            size = Regexp.last_match(3).to_i
            payload = @socket.read(size + 2).to_s[0, size]
            yield sid, payload.force_encoding(Encoding::UTF_8)
          when /\A-ERR/ then raise "NATS: #{line}"
          end
        end
      end

      def close
        @socket.close
      rescue StandardError
        nil
      end
    end

    @publishers = {}
    @lock = Mutex.new

    def self.publish(link, body)
      url = Config.env(link[:env])
      @lock.synchronize do
        conn = @publishers[url] ||= Connection.new(url)
        begin
          conn.publish(link[:topic], body)
        rescue StandardError
          conn.close
          @publishers.delete(url)
          raise
        end
      end
    end

    def self.consume(url, links)
      conn = Connection.new(url)
      by_sid = {}
      links.each_with_index do |link, i|
        by_sid[(i + 1).to_s] = link
        conn.subscribe(link[:topic], Config.service_name, i + 1)
      end
      conn.write("PING\r\n")
      conn.each_message { |sid, payload| Messaging.deliver(by_sid[sid], payload) if by_sid[sid] }
    ensure
      conn&.close
    end
  end
end
`;
