import type { GeneratedFile } from '../../types';
import { HEADER } from './core';
import { packageName, scalaString } from './names';
import { jsonLiteral, scalaJsonType } from './typed';
import { scalaFile, type ScalaPlan } from './plan';

/**
 * Brokers: one client object per broker kind the service uses (plumbing/<Kind>Bus.scala), the
 * subscriptions (plumbing/Subscriptions.scala) and the user's messages (handlers/Messages.scala:
 * what /ping publishes and what to do with a consumed message).
 */

const RETRY = `
  /**
   * Runs \`body\` on a daemon thread until it returns; after a failure waits (0.5 s doubling to
   * 10 s) and runs it again, so the service starts even while the broker is still coming up.
   */
  private def keepTrying(name: String)(body: => Unit): Unit =
    val thread = Thread(
      () =>
        var backoff = 500L
        var done = false
        while running && !done do
          try
            body
            done = true
          catch
            case _: InterruptedException => done = true
            case e: Exception =>
              System.err.println(s"$name: \${Fanout.describe(e)} (retrying in $backoff ms)")
              try Thread.sleep(backoff)
              catch case _: InterruptedException => done = true
              backoff = math.min(backoff * 2, 10000L)
      ,
      name,
    )
    thread.setDaemon(true)
    thread.start()
`;

const KAFKA = `import java.time.Duration
import java.util.Properties
import java.util.concurrent.{ConcurrentHashMap, TimeUnit}
import org.apache.kafka.clients.consumer.{ConsumerConfig, KafkaConsumer}
import org.apache.kafka.clients.producer.{KafkaProducer, ProducerConfig, ProducerRecord}
import org.apache.kafka.common.serialization.{ByteArrayDeserializer, ByteArraySerializer, StringDeserializer, StringSerializer}
import scala.jdk.CollectionConverters.*

/** Kafka: topic = the link's topic; consumer group = this service's name; earliest offsets first. */
object KafkaBus:
  @volatile private var running = true
  private val producers = ConcurrentHashMap[String, KafkaProducer[String, Array[Byte]]]()

  private def producer(servers: String): KafkaProducer[String, Array[Byte]] =
    val props = Properties()
    props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, servers)
    props.put(ProducerConfig.CLIENT_ID_CONFIG, Env.instanceName)
    props.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 5000)
    props.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 4000)
    props.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 5000)
    props.put(ProducerConfig.LINGER_MS_CONFIG, 0)
    // Uncompressed, so that every language's client can read it.
    props.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, "none")
    KafkaProducer[String, Array[Byte]](props, StringSerializer(), ByteArraySerializer())

  /** Publishes one envelope (keyed by its id) and waits for the broker's acknowledgement. */
  def publish(servers: String, topic: String, message: Envelopes.Outgoing): Unit =
    producers
      .computeIfAbsent(servers, producer(_))
      .send(ProducerRecord[String, Array[Byte]](topic, message.id, message.body))
      .get(Env.Timeout.toMillis, TimeUnit.MILLISECONDS)

  /** Consumes \`topic\` in the group named after this service, from the earliest offset. */
  def subscribe(servers: String, topic: String)(onMessage: Array[Byte] => Unit): Unit =
    keepTrying(s"kafka $topic") {
      val props = Properties()
      props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, servers)
      props.put(ConsumerConfig.GROUP_ID_CONFIG, Env.serviceName)
      props.put(ConsumerConfig.CLIENT_ID_CONFIG, s"\${Env.instanceName}-$topic")
      props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest")
      props.put(ConsumerConfig.METADATA_MAX_AGE_CONFIG, 5000)
      val consumer = KafkaConsumer[String, Array[Byte]](props, StringDeserializer(), ByteArrayDeserializer())
      try
        consumer.subscribe(java.util.List.of(topic))
        while running do consumer.poll(Duration.ofMillis(500)).asScala.foreach(r => onMessage(r.value))
      finally consumer.close()
    }

  def close(): Unit =
    running = false
    producers.values.asScala.foreach(_.close(Duration.ofSeconds(2)))
${RETRY}`;

const RABBIT = `import com.rabbitmq.client.{AMQP, BuiltinExchangeType, Channel, Connection, ConnectionFactory}
import java.util.concurrent.ConcurrentHashMap
import scala.jdk.CollectionConverters.*

/**
 * RabbitMQ: a durable fanout exchange named after the topic; each consuming service binds its own
 * durable queue \`<topic>.<service>\`, so every service gets every message and its replicas share them.
 */
object RabbitBus:
  @volatile private var running = true
  private val connections = ConcurrentHashMap[String, Connection]()
  private val publishers = ConcurrentHashMap[String, Channel]()

  private def connection(url: String): Connection = synchronized {
    Option(connections.get(url)).filter(_.isOpen).getOrElse {
      val factory = ConnectionFactory()
      factory.setUri(url)
      // amqp://host:5672/ names the empty vhost to this client; every other client reads it as "/".
      if factory.getVirtualHost.isEmpty then factory.setVirtualHost("/")
      factory.setConnectionTimeout(5000)
      factory.setAutomaticRecoveryEnabled(true)
      factory.setNetworkRecoveryInterval(2000)
      val opened = factory.newConnection(Env.instanceName)
      connections.put(url, opened)
      opened
    }
  }

  /** Publishes one envelope to the topic's exchange and waits for the broker's confirm. */
  def publish(url: String, topic: String, message: Envelopes.Outgoing): Unit = synchronized {
    val channel = Option(publishers.get(url)).filter(_.isOpen).getOrElse {
      val opened = connection(url).createChannel()
      opened.confirmSelect()
      publishers.put(url, opened)
      opened
    }
    channel.exchangeDeclare(topic, BuiltinExchangeType.FANOUT, true)
    val props = AMQP.BasicProperties.Builder().contentType("application/json").deliveryMode(2).messageId(message.id).build()
    channel.basicPublish(topic, "", props, message.body)
    channel.waitForConfirmsOrDie(5000)
  }

  /** Declares and binds \`<topic>.<service>\`, then consumes it; acks after the handler ran. */
  def subscribe(url: String, topic: String)(onMessage: Array[Byte] => Unit): Unit =
    keepTrying(s"rabbitmq $topic") {
      val channel = connection(url).createChannel()
      val queue = s"$topic.\${Env.serviceName}"
      channel.exchangeDeclare(topic, BuiltinExchangeType.FANOUT, true)
      channel.queueDeclare(queue, true, false, false, null)
      channel.queueBind(queue, topic, "")
      channel.basicQos(32)
      channel.basicConsume(
        queue,
        false,
        (_, delivery) =>
          try onMessage(delivery.getBody)
          finally channel.basicAck(delivery.getEnvelope.getDeliveryTag, false),
        (_: String) => System.err.println(s"rabbitmq: consumer of $queue cancelled"),
      )
      // From here on the client's automatic recovery re-declares the queue and the consumer.
    }

  def close(): Unit =
    running = false
    connections.values.asScala.foreach(c => scala.util.Try(c.close(2000)))
${RETRY}`;

const REDIS = `import java.net.URI
import java.util.concurrent.ConcurrentHashMap
import redis.clients.jedis.{JedisPooled, StreamEntryID}
import redis.clients.jedis.exceptions.JedisDataException
import redis.clients.jedis.params.{XAddParams, XReadGroupParams}
import scala.jdk.CollectionConverters.*

/**
 * Redis Streams: XADD to the topic's stream, the envelope in the field \`message\`; each consuming
 * service reads with its own group (named after it, created with MKSTREAM at 0), so a consumer
 * that starts late or restarts still gets what was published.
 */
object RedisBus:
  /** The stream entry field holding the JSON envelope. */
  val Field = "message"
  @volatile private var running = true
  private val clients = ConcurrentHashMap[String, JedisPooled]()

  def client(url: String): JedisPooled = clients.computeIfAbsent(url, u => JedisPooled(URI.create(u), 5000))

  /** Appends one envelope to the topic's stream. */
  def publish(url: String, topic: String, message: Envelopes.Outgoing): Unit =
    client(url).xadd(topic, XAddParams.xAddParams(), java.util.Map.of(Field, message.text))

  /** Reads the topic's stream in this service's group, acknowledging each entry after the handler. */
  def subscribe(url: String, topic: String)(onMessage: Array[Byte] => Unit): Unit =
    keepTrying(s"redis $topic") {
      val redis = client(url)
      val group = Env.serviceName
      try redis.xgroupCreate(topic, group, StreamEntryID(0, 0), true)
      catch case e: JedisDataException if String.valueOf(e.getMessage).contains("BUSYGROUP") => ()
      val params = XReadGroupParams.xReadGroupParams().count(32).block(1000)
      val streams = java.util.Map.of(topic, StreamEntryID.XREADGROUP_UNDELIVERED_ENTRY)
      while running do
        val batches = redis.xreadGroup(group, Env.instanceName, params, streams)
        if batches != null then
          for batch <- batches.asScala; entry <- batch.getValue.asScala do
            onMessage(body(entry.getFields.asScala.toMap))
            redis.xack(topic, group, entry.getID)
    }

  /** The envelope of an entry: the \`message\` field, else the first field holding a JSON object. */
  private def body(fields: Map[String, String]): Array[Byte] =
    fields.get(Field).orElse(fields.values.find(_.trim.startsWith("{"))).getOrElse("{}").getBytes("UTF-8")

  def close(): Unit =
    running = false
    clients.values.asScala.foreach(_.close())
${RETRY}`;

const NATS = `import io.nats.client.{Connection, Nats, Options}
import java.time.Duration
import java.util.concurrent.ConcurrentHashMap
import scala.jdk.CollectionConverters.*

/** NATS: core subject = the topic; consumers subscribe in a queue group named after the service. */
object NatsBus:
  @volatile private var running = true
  private val connections = ConcurrentHashMap[String, Connection]()

  private def connection(url: String): Connection = synchronized {
    Option(connections.get(url)).filter(_.getStatus != Connection.Status.CLOSED).getOrElse {
      val options = Options
        .Builder()
        .server(url)
        .connectionName(Env.instanceName)
        .connectionTimeout(Duration.ofSeconds(5))
        .reconnectWait(Duration.ofSeconds(1))
        .maxReconnects(-1)
        .build()
      val opened = Nats.connect(options)
      connections.put(url, opened)
      opened
    }
  }

  /** Publishes one envelope on the subject and flushes, so a failure shows here. */
  def publish(url: String, topic: String, message: Envelopes.Outgoing): Unit =
    val c = connection(url)
    c.publish(topic, message.body)
    c.flush(Duration.ofSeconds(5))

  /** Subscribes in the service's queue group; the client resubscribes after a reconnect. */
  def subscribe(url: String, topic: String)(onMessage: Array[Byte] => Unit): Unit =
    keepTrying(s"nats $topic") {
      connection(url).createDispatcher(msg => onMessage(msg.getData)).subscribe(topic, Env.serviceName)
      ()
    }

  def close(): Unit =
    running = false
    connections.values.asScala.foreach(c => scala.util.Try(c.close()))
${RETRY}`;

const BUSES = {
  kafka: ['KafkaBus', KAFKA],
  rabbitmq: ['RabbitBus', RABBIT],
  redis: ['RedisBus', REDIS],
  nats: ['NatsBus', NATS],
} as const;
export const BUS_OBJECT = { kafka: 'KafkaBus', rabbitmq: 'RabbitBus', redis: 'RedisBus', nats: 'NatsBus' } as const;

/** The bus objects of the broker kinds the service publishes to or consumes from. */
export function busFiles(p: ScalaPlan): GeneratedFile[] {
  const kinds = new Set([...p.publishes, ...p.subscribes].map((q) => q.use.brokerKind));
  return (['kafka', 'rabbitmq', 'redis', 'nats'] as const)
    .filter((k) => kinds.has(k))
    .map((k) => scalaFile(p.plumbing, BUSES[k][0], `${HEADER}\npackage ${packageName(p.plumbing)}\n\n${BUSES[k][1]}`));
}

/** handlers/Messages.scala: the samples /ping publishes and the consumers' handlers. */
export function messagesFile(p: ScalaPlan): GeneratedFile[] {
  if (p.messages.length === 0) return [];
  const published = new Set(p.publishes.map((q) => q.message));
  const consumed = new Set(p.subscribes.map((q) => q.message));
  const parts = p.messages.flatMap((m) => {
    const t = scalaJsonType(m.type);
    return [
      ...(published.has(m)
        ? [
            `  /** What /ping publishes on ${m.topic}: the contract's sample of its message. */
  def sample${m.stem}: ${t} =
    // TODO: publish what your service really sends.
    Exercise.sample[${t}](${jsonLiteral(m.sample)})`,
          ]
        : []),
      ...(consumed.has(m)
        ? [
            `  /** Called for each message consumed from ${m.topic}; \`from\` is the service that published it. */
  def on${m.stem}(message: ${t}, from: String): Unit =
    // TODO: handle the message.
    println(s"${m.topic.replace(/[$"\\]/g, '_')}: $message from $from")`,
          ]
        : []),
    ];
  });
  return [
    scalaFile(
      p.handlers,
      'Messages',
      `// Your code: the messages this service publishes and consumes. Safe to edit.
package ${packageName(p.handlers)}

import ${packageName(p.models)}.Models
import ${packageName(p.plumbing)}.Exercise

/** The messages of this service's queue links, typed by the contract. */
object Messages:
${parts.join('\n\n')}
`,
    ),
  ];
}

/** plumbing/Subscriptions.scala: one consumer per queue link, started with the service. */
export function subscriptionsFile(p: ScalaPlan): GeneratedFile[] {
  if (p.subscribes.length === 0) return [];
  const lines = p.subscribes.map(
    (q) =>
      `    ${BUS_OBJECT[q.use.brokerKind]}.subscribe(Env.get(${scalaString(q.use.envVar)}, ${scalaString(q.fallback)}), ${scalaString(q.use.topic)}) { body =>
      deliver[${scalaJsonType(q.message.type)}](${scalaString(q.brokerDns)}, ${scalaString(q.use.topic)}, ${jsonLiteral(q.message.sample)}, body)(Messages.on${q.message.stem})
    }`,
  );
  return [
    scalaFile(
      p.plumbing,
      'Subscriptions',
      `${HEADER}
package ${packageName(p.plumbing)}

import io.circe.{Decoder, Encoder, Json}
import ${packageName(p.handlers)}.Messages
import ${packageName(p.models)}.Models

/**
 * Consumes every queue link of this service: each message is recorded in /ping's \`received\`
 * list, with \`valid\` telling whether its payload is the contract's sample of the channel's
 * message, then its payload goes to the handler in handlers/Messages.scala. A body that is not an
 * envelope is skipped; a payload of another shape is logged and skipped.
 */
object Subscriptions:
  def start(): Unit =
${lines.join('\n')}

  private def deliver[A: Decoder: Encoder](broker: String, topic: String, sample: String, body: Array[Byte])(handle: (A, String) => Unit): Unit =
    val valid = (payload: Json) => payload.as[A].toOption.exists(typed => Exercise.jsonDiff(sample, Exercise.json(typed)).isEmpty)
    Envelopes.receive(broker, topic, body, valid).foreach { payload =>
      val from = io.circe.parser.parse(String(body, "UTF-8")).toOption.flatMap(_.hcursor.get[String]("from").toOption).getOrElse("")
      payload.as[A] match
        case Right(message) =>
          try handle(message, from)
          catch case e: Exception => System.err.println(s"$topic: handler failed: \${Fanout.describe(e)}")
        case Left(e) => System.err.println(s"$topic: payload skipped: \${e.getMessage}")
    }
`,
    ),
  ];
}
