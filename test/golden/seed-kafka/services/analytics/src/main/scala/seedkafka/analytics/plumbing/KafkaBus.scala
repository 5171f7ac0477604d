// Generated plumbing: regenerating the project replaces this file. Edit the handlers package.
package seedkafka.analytics.plumbing

import java.time.Duration
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

  /** Consumes `topic` in the group named after this service, from the earliest offset. */
  def subscribe(servers: String, topic: String)(onMessage: Array[Byte] => Unit): Unit =
    keepTrying(s"kafka $topic") {
      val props = Properties()
      props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, servers)
      props.put(ConsumerConfig.GROUP_ID_CONFIG, Env.serviceName)
      props.put(ConsumerConfig.CLIENT_ID_CONFIG, s"${Env.instanceName}-$topic")
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

  /**
   * Runs `body` on a daemon thread until it returns; after a failure waits (0.5 s doubling to
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
              System.err.println(s"$name: ${Fanout.describe(e)} (retrying in $backoff ms)")
              try Thread.sleep(backoff)
              catch case _: InterruptedException => done = true
              backoff = math.min(backoff * 2, 10000L)
      ,
      name,
    )
    thread.setDaemon(true)
    thread.start()
