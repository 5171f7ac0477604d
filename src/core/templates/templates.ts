import type { Design } from '../model/types';
import { DesignBuilder } from './builder';

export interface Template {
  id: string;
  title: string;
  /** Two sentences: what the system does and what it teaches. */
  teaches: string;
  build(): Design;
}

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
        .node('activity', 'python-fastapi', 0, 120, { description: 'Records what users do.' })
        .node('kafka', 'kafka', 320, 120)
        .node('analytics', 'scala-http4s', 640, 120, { description: 'Aggregates activity into metrics.' })
        .queue('activity', 'kafka', ['analytics'], 'user-activity', userActivity)
        .build(),
  },
  {
    id: 'python-calls-java-go',
    title: 'Python calls Java and Go over REST',
    teaches:
      'A Python service calls a Java and a Go REST API with httpx and combines their answers. It shows synchronous fan-out, where the caller is only as fast and as available as its slowest dependency.',
    build: () =>
      new DesignBuilder('rest-fan-out')
        .node('storefront', 'python-fastapi', 0, 150)
        .node('catalog', 'java-spring', 340, 40)
        .node('pricing', 'go-nethttp', 340, 260)
        .message('Money', { currency_code: 'string', units: 'int64', nanos: 'int32' })
        .endpoint('catalog', 'GET', '/products/{id}', {
          response: { id: 'string', name: 'string', tags: 'repeated string' },
          errors: ['404'],
        })
        .endpoint('pricing', 'GET', '/prices/{id}', { response: { id: 'string', price: 'Money' }, errors: ['404'] })
        .link('storefront', 'catalog')
        .link('storefront', 'pricing')
        .build(),
  },
  {
    id: 'grpc-recommendations',
    title: 'gRPC to a Rust recommendation engine',
    teaches:
      'Behind an nginx gateway, a Python API asks a Rust engine for recommendations over gRPC and checks tokens with an Elixir auth service. It contrasts typed, fast gRPC inside the system with plain REST at its edge.',
    build: () =>
      new DesignBuilder('recommendations')
        .node('gateway', 'gateway', 0, 150)
        .node('api', 'python-fastapi', 300, 150)
        .node('recommender', 'rust-axum', 620, 60)
        .node('auth', 'elixir-phoenix', 620, 260)
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
        .build(),
  },
  {
    id: 'task-queue',
    title: 'A task queue with workers',
    teaches:
      'A Python web app hands slow jobs to Celery-style workers over RabbitMQ and answers the user at once. It shows how a queue absorbs bursts of work and lets you add workers instead of making users wait.',
    build: () =>
      new DesignBuilder('task-queue')
        .node('webapp', 'python-flask', 0, 150)
        .node('rabbitmq', 'rabbitmq', 320, 150)
        .node('worker', 'python-fastapi', 640, 60, { replicas: 3, description: 'Runs thumbnails jobs.' })
        .node('results', 'redis', 640, 260)
        .queue('webapp', 'rabbitmq', ['worker'], 'thumbnail-jobs', {
          job_id: 'string',
          image_url: 'string',
          width: 'int32',
        })
        .link('worker', 'results', { kind: 'database' })
        .link('webapp', 'results', { kind: 'database' })
        .build(),
  },
  {
    id: 'polyglot-shop',
    title: 'A polyglot shop',
    teaches:
      'A web shop whose Node BFF calls Python orders, which reserves stock in Go over gRPC and announces orders on RabbitMQ to Java and Rust. Each service owns its data, and each language does what it is good at.',
    build: () =>
      new DesignBuilder('polyglot-shop')
        .node('web', 'frontend', 0, 200)
        .node('gateway', 'gateway', 220, 200)
        .node('bff', 'node-express', 440, 200)
        .node('orders', 'python-fastapi', 680, 120)
        .node('inventory', 'go-nethttp', 940, 20)
        .node('orders-db', 'postgres', 940, 200)
        .node('rabbitmq', 'rabbitmq', 940, 360)
        .node('notifications', 'java-spring', 1200, 300)
        .node('shipping', 'rust-axum', 1200, 440)
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
        .build(),
  },
  {
    id: 'event-driven',
    title: 'An event-driven system',
    teaches:
      'Payments in Go publish to Kafka; fraud checks in Java and a Node ledger react, and the ledger streams balances to Redis for a Rust dashboard. No service calls another: they agree on events, so each can fail and recover alone.',
    build: () =>
      new DesignBuilder('event-driven')
        .node('payments', 'go-nethttp', 0, 150)
        .node('kafka', 'kafka', 300, 150)
        .node('fraud', 'java-spring', 600, 40)
        .node('ledger', 'node-express', 600, 260)
        .node('redis', 'redis', 880, 260)
        .node('dashboard', 'rust-axum', 1160, 260)
        .message('Money', { currency_code: 'string', units: 'int64', nanos: 'int32' })
        .queue('payments', 'kafka', ['fraud', 'ledger'], 'payments', {
          payment_id: 'string',
          amount: 'Money',
          at: 'google.protobuf.Timestamp',
        })
        .queue('ledger', 'redis', ['dashboard'], 'balances', { account_id: 'string', balance: 'Money' })
        .build(),
  },
];
