import type { QueueUse } from '../../../model/wiring';

/** The Python producer and consumer of each broker kind, as sections of `app/plumbing/messaging.py`. */

const KAFKA = `

# --- Kafka: topic = the link's topic, consumer group = this service, earliest offset ---


def _kafka_publish(link: config.QueueLink, body: bytes) -> None:
    from confluent_kafka import Producer

    url = config.env(link.env)
    producer = _cached(
        "kafka " + url,
        lambda: Producer({"bootstrap.servers": url, "message.timeout.ms": int(config.TIMEOUT * 1000), "socket.timeout.ms": 5000}),
    )
    errors: list[str] = []
    producer.produce(link.topic, value=body, on_delivery=lambda err, _msg: errors.append(str(err)) if err else None)
    if producer.flush(config.TIMEOUT + 1) > 0:
        raise RuntimeError("Kafka did not confirm the message in time")
    if errors:
        raise RuntimeError(errors[0])


def _kafka_consume(url_env: str, links: list[config.QueueLink]) -> None:
    from confluent_kafka import Consumer

    consumer = Consumer(
        {
            "bootstrap.servers": config.env(url_env),
            "group.id": config.service_name(),
            "auto.offset.reset": "earliest",
            "allow.auto.create.topics": True,
        }
    )
    by_topic = {link.topic: link for link in links}
    consumer.subscribe(sorted(by_topic))
    log.info("consuming Kafka topics %s", sorted(by_topic))
    try:
        while True:
            msg = consumer.poll(1.0)
            if msg is None:
                continue
            if msg.error():
                log.debug("Kafka: %s", msg.error())
                continue
            link = by_topic.get(msg.topic())
            if link is not None:
                _deliver(link, msg.value() or b"")
    finally:
        consumer.close()
`;

const RABBITMQ = `

# --- RabbitMQ: durable fanout exchange per topic, durable queue <topic>.<service> per consumer ---


def _rabbit_params(url: str) -> Any:
    import pika

    params = pika.URLParameters(url)
    params.socket_timeout = config.TIMEOUT
    params.blocked_connection_timeout = config.TIMEOUT
    params.connection_attempts = 1
    return params


def _rabbitmq_publish(link: config.QueueLink, body: bytes) -> None:
    import pika

    connection = pika.BlockingConnection(_rabbit_params(config.env(link.env)))
    try:
        channel = connection.channel()
        channel.exchange_declare(exchange=link.topic, exchange_type="fanout", durable=True)
        channel.confirm_delivery()
        props = pika.BasicProperties(content_type="application/json", delivery_mode=2)
        channel.basic_publish(exchange=link.topic, routing_key="", body=body, properties=props)
    finally:
        connection.close()


def _rabbitmq_consume(url_env: str, links: list[config.QueueLink]) -> None:
    import pika

    connection = pika.BlockingConnection(_rabbit_params(config.env(url_env)))
    channel = connection.channel()
    for link in links:
        queue = f"{link.topic}.{config.service_name()}"
        channel.exchange_declare(exchange=link.topic, exchange_type="fanout", durable=True)
        channel.queue_declare(queue=queue, durable=True)
        channel.queue_bind(queue=queue, exchange=link.topic)

        def on_message(ch: Any, method: Any, _props: Any, body: bytes, link: config.QueueLink = link) -> None:
            _deliver(link, body)
            ch.basic_ack(delivery_tag=method.delivery_tag)

        channel.basic_consume(queue=queue, on_message_callback=on_message)
    log.info("consuming RabbitMQ exchanges %s", [link.topic for link in links])
    try:
        channel.start_consuming()
    finally:
        if connection.is_open:
            connection.close()
`;

const REDIS = `

# --- Redis Streams: XADD <topic> * message <json>; XREADGROUP in the group named after the service ---


def _redis_client(url: str, block: bool = False) -> Any:
    import redis

    timeout = config.TIMEOUT + 5 if block else config.TIMEOUT
    return redis.Redis.from_url(url, socket_timeout=timeout, socket_connect_timeout=config.TIMEOUT)


def _redis_publish(link: config.QueueLink, body: bytes) -> None:
    url = config.env(link.env)
    client = _cached("redis " + url, lambda: _redis_client(url))
    client.xadd(link.topic, {"message": body})


def _redis_consume(url_env: str, links: list[config.QueueLink]) -> None:
    import redis

    client = _redis_client(config.env(url_env), block=True)
    group = config.service_name()
    for link in links:
        try:
            client.xgroup_create(link.topic, group, id="0", mkstream=True)
        except redis.ResponseError as exc:
            if "BUSYGROUP" not in str(exc):
                raise
    by_topic = {link.topic: link for link in links}
    consumer = _consumer_id()
    log.info("consuming Redis streams %s", sorted(by_topic))
    while True:
        batches = client.xreadgroup(group, consumer, {t: ">" for t in by_topic}, count=10, block=2000)
        for stream, entries in batches or []:
            topic = stream.decode() if isinstance(stream, bytes) else str(stream)
            for entry_id, fields in entries:
                body = fields.get(b"message") or fields.get("message")
                if body is not None:
                    _deliver(by_topic[topic], body)
                client.xack(topic, group, entry_id)
`;

const NATS = `

# --- NATS: core subject = the topic; consumers in a queue group named after the service ---

_nats_loop: Any = None
_nats_loop_lock = threading.Lock()


def _nats_event_loop() -> Any:
    """nats-py is asyncio only: one event loop in a daemon thread serves every NATS connection."""
    global _nats_loop
    import asyncio

    with _nats_loop_lock:
        if _nats_loop is None:
            _nats_loop = asyncio.new_event_loop()
            threading.Thread(target=_nats_loop.run_forever, name="nats", daemon=True).start()
        return _nats_loop


async def _nats_connect(url: str) -> Any:
    """One attempt, no reconnects: a lost connection closes, and the callers connect again, with
    backoff for consumers. (nats-py retries a refused first connect up to max_reconnect_attempts
    times, forever when it is negative, so it is 1 here.)"""
    import nats

    async def on_error(exc: Exception) -> None:
        log.debug("NATS: %s", exc)

    return await nats.connect(
        url, connect_timeout=2, allow_reconnect=False, max_reconnect_attempts=1, reconnect_time_wait=0.5, error_cb=on_error
    )


async def _nats_publish_async(link: config.QueueLink, body: bytes) -> None:
    url = config.env(link.env)
    key = "nats " + url
    nc = _clients.get(key)
    if nc is None or nc.is_closed:
        nc = await _nats_connect(url)
        _clients[key] = nc
    await nc.publish(link.topic, body)
    await nc.flush(timeout=config.TIMEOUT)


def _nats_publish(link: config.QueueLink, body: bytes) -> None:
    import asyncio

    future = asyncio.run_coroutine_threadsafe(_nats_publish_async(link, body), _nats_event_loop())
    try:
        future.result(config.TIMEOUT + 1)
    except BaseException:
        future.cancel()  # a late success must not publish a message reported as failed
        raise


def _nats_consume(url_env: str, links: list[config.QueueLink]) -> None:
    import asyncio

    async def subscribe() -> Any:
        nc = await _nats_connect(config.env(url_env))
        for link in links:

            async def on_msg(msg: Any, link: config.QueueLink = link) -> None:
                _deliver(link, msg.data)

            await nc.subscribe(link.topic, queue=config.service_name(), cb=on_msg)
        log.info("subscribed to NATS subjects %s", [link.topic for link in links])
        return nc

    nc = asyncio.run_coroutine_threadsafe(subscribe(), _nats_event_loop()).result(config.TIMEOUT * 3)
    while not nc.is_closed:
        time.sleep(1)
    raise RuntimeError("NATS connection closed")
`;

/** The messaging section of each broker kind. */
export const BROKER_SECTIONS: Record<QueueUse['brokerKind'], string> = {
  kafka: KAFKA,
  rabbitmq: RABBITMQ,
  redis: REDIS,
  nats: NATS,
};
