import type { Design } from '../model/types';
import { DesignBuilder } from './builder';

export interface Template {
  id: string;
  title: string;
  /** Two sentences: what the system does and what it teaches. */
  teaches: string;
  build(): Design;
}

/**
 * Templates place their cards on a grid of columns and rows (a column is a card and a gap, a
 * row a card and a gap); `roomForLabels()` then widens any gap a link's label needs.
 */
const col = (c: number) => c * 272;
const row = (r: number) => r * 110;

const userActivity = { user_id: 'string', action: 'string', at: 'google.protobuf.Timestamp' };

/** The template gallery, in the order it is shown. */
export const TEMPLATES: readonly Template[] = [
  {
    id: 'activity-kafka',
    title: 'User activity through Kafka',
    teaches:
      'A Python service logs user activity to Kafka and a Scala analytics service consumes it. It shows how an event log decouples the service that records facts from the one that learns from them.',
    build: () =>
      new DesignBuilder('user-activity')
        .node('activity', 'python-fastapi', col(0), row(0), { description: 'Records what users do.' })
        .node('kafka', 'kafka', col(1), row(0))
        .node('analytics', 'scala-http4s', col(2), row(0), { description: 'Aggregates activity into metrics.' })
        .queue('activity', 'kafka', ['analytics'], 'user-activity', userActivity)
        .roomForLabels()
        .build(),
  },
  {
    id: 'python-calls-java-go',
    title: 'Python calls Java and Go over REST',
    teaches:
      'A Python service calls a Java and a Go REST API with httpx and combines their answers. It shows synchronous fan-out, where the caller is only as fast and as available as its slowest dependency.',
    build: () =>
      new DesignBuilder('rest-fan-out')
        .node('storefront', 'python-fastapi', col(0), row(1))
        .node('catalog', 'java-spring', col(1), row(0))
        .node('pricing', 'go-nethttp', col(1), row(2))
        .message('Money', { currency_code: 'string', units: 'int64', nanos: 'int32' })
        .endpoint('catalog', 'GET', '/products/{id}', {
          response: { id: 'string', name: 'string', tags: 'repeated string' },
          errors: ['404'],
        })
        .endpoint('pricing', 'GET', '/prices/{id}', { response: { id: 'string', price: 'Money' }, errors: ['404'] })
        .link('storefront', 'catalog')
        .link('storefront', 'pricing')
        .roomForLabels()
        .build(),
  },
  {
    id: 'grpc-recommendations',
    title: 'gRPC to a Rust recommendation engine',
    teaches:
      'Behind an nginx gateway, a Python API asks a Rust engine for recommendations over gRPC and checks tokens with an Elixir auth service. It contrasts typed, fast gRPC inside the system with plain REST at its edge.',
    build: () =>
      new DesignBuilder('recommendations')
        .node('gateway', 'gateway', col(0), row(1))
        .node('api', 'python-fastapi', col(1), row(1))
        .node('recommender', 'rust-axum', col(2), row(0))
        .node('auth', 'elixir-phoenix', col(2), row(2))
        .message('Recommendation', { item_id: 'string', score: 'double' })
        .endpoint('api', 'GET', '/recommendations/{user_id}', {
          response: { items: 'repeated Recommendation' },
          query: { limit: 'int32' },
        })
        .rpc('recommender', 'Recommend', {
          request: { user_id: 'string', limit: 'int32' },
          response: { items: 'repeated Recommendation' },
        })
        .rpc('auth', 'CheckToken', { request: { token: 'string' }, response: { valid: 'bool', user_id: 'string' } })
        .link('gateway', 'api')
        .link('api', 'recommender', { kind: 'grpc' })
        .link('api', 'auth', { kind: 'grpc' })
        .roomForLabels()
        .build(),
  },
  {
    id: 'task-queue',
    title: 'A task queue with workers',
    teaches:
      'A Python web app hands slow jobs to Celery workers over RabbitMQ and answers the user at once. It shows how a queue absorbs bursts of work and lets you add workers instead of making users wait.',
    build: () =>
      new DesignBuilder('task-queue')
        .node('webapp', 'python-flask', col(0), row(1))
        .node('rabbitmq', 'rabbitmq', col(1), row(0))
        .node('worker', 'python-celery', col(2), row(0), { replicas: 3, description: 'Runs thumbnails jobs.' })
        .node('results', 'redis', col(2), row(2))
        .queue('webapp', 'rabbitmq', ['worker'], 'thumbnail-jobs', {
          job_id: 'string',
          image_url: 'string',
          width: 'int32',
        })
        .link('worker', 'results', { kind: 'database' })
        .link('webapp', 'results', { kind: 'database' })
        .roomForLabels()
        .build(),
  },
  {
    id: 'polyglot-shop',
    title: 'A polyglot shop',
    teaches:
      'A web shop whose Node BFF calls Python orders, which reserves stock in Go over gRPC and announces orders on RabbitMQ to Java and Rust. Each service owns its data, and each language does what it is good at.',
    build: () =>
      new DesignBuilder('polyglot-shop')
        .node('web', 'frontend', col(0), row(1.2))
        .node('gateway', 'gateway', col(1), row(1.2))
        .node('bff', 'node-express', col(2), row(1.2))
        .node('orders', 'python-fastapi', col(3), row(1.2))
        .node('inventory', 'go-nethttp', col(4), row(0))
        .node('orders-db', 'postgres', col(4), row(1.2))
        .node('rabbitmq', 'rabbitmq', col(4), row(2.4))
        .node('notifications', 'java-spring', col(5), row(1.8))
        .node('shipping', 'rust-axum', col(5), row(3))
        .message('Money', { currency_code: 'string', units: 'int64', nanos: 'int32' })
        .message('Address', { street: 'string', city: 'string', postal_code: 'string', country_code: 'string' })
        .message('LineItem', { sku: 'string', quantity: 'int32', unit_price: 'Money' })
        .enum('OrderStatus', ['PLACED', 'PAID', 'SHIPPED'])
        .endpoint('bff', 'POST', '/checkout', {
          request: { cart_id: 'string', shipping_address: 'Address' },
          response: { order_id: 'string', total: 'Money' },
        })
        .endpoint('orders', 'POST', '/orders', {
          request: { cart_id: 'string', items: 'repeated LineItem', shipping_address: 'Address' },
          response: { order_id: 'string', status: 'OrderStatus', total: 'Money' },
        })
        .endpoint('orders', 'GET', '/orders/{order_id}', {
          response: { order_id: 'string', status: 'OrderStatus', items: 'repeated LineItem', total: 'Money' },
          errors: ['404'],
        })
        .rpc('inventory', 'Reserve', {
          request: { order_id: 'string', items: 'repeated LineItem' },
          response: { reserved: 'bool', missing: 'map<string, int32>' },
        })
        .rpc('inventory', 'CheckStock', { request: { sku: 'string' }, response: { available: 'int32' } })
        .link('web', 'gateway')
        .link('gateway', 'bff')
        .link('bff', 'orders')
        .link('orders', 'inventory', { kind: 'grpc' })
        .link('orders', 'orders-db', { kind: 'database' })
        .queue('orders', 'rabbitmq', ['notifications', 'shipping'], 'order-placed', {
          order_id: 'string',
          total: 'Money',
          shipping_address: 'Address',
          placed_at: 'google.protobuf.Timestamp',
        })
        .roomForLabels()
        .build(),
  },
  {
    id: 'event-driven',
    title: 'An event-driven system',
    teaches:
      'Payments in Go publish to Kafka; fraud checks in Java and a Node ledger react, and the ledger streams balances to Redis for a Rust dashboard. No service calls another: they agree on events, so each can fail and recover alone.',
    build: () =>
      new DesignBuilder('event-driven')
        .node('payments', 'go-nethttp', col(0), row(1))
        .node('kafka', 'kafka', col(1), row(1))
        .node('fraud', 'java-spring', col(2), row(0))
        .node('ledger', 'node-express', col(2), row(2))
        .node('redis', 'redis', col(3), row(2))
        .node('dashboard', 'rust-axum', col(4), row(2))
        .message('Money', { currency_code: 'string', units: 'int64', nanos: 'int32' })
        .queue('payments', 'kafka', ['fraud', 'ledger'], 'payments', {
          payment_id: 'string',
          amount: 'Money',
          at: 'google.protobuf.Timestamp',
        })
        .queue('ledger', 'redis', ['dashboard'], 'balances', { account_id: 'string', balance: 'Money' })
        .roomForLabels()
        .build(),
  },
  {
    id: 'python-rust-core',
    title: 'A Python API with a Rust core',
    teaches:
      "Behind a gateway, a FastAPI search API keeps its web layer in Python and its ranking hot path in a Rust crate that PyO3 turns into a Python module, built by maturin in the Dockerfile's native stage. It shows a language boundary inside one process, where a call costs nanoseconds instead of a network hop, and what the native build costs in build time and image size.",
    build: () =>
      new DesignBuilder('rust-core')
        .node('gateway', 'gateway', col(0), row(0))
        .node('search', 'python-fastapi', col(1), row(0), {
          description: 'The web API in Python; ranking runs in its Rust module.',
          native: { kind: 'pyo3' },
        })
        .node('postgres', 'postgres', col(2), row(0))
        .endpoint('search', 'GET', '/search', {
          query: { q: 'string', limit: 'int32' },
          response: { ids: 'repeated string', took_micros: 'int64' },
        })
        .link('gateway', 'search')
        .link('search', 'postgres', { kind: 'database' })
        .roomForLabels()
        .build(),
  },
];
