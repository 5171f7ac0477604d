import type { Proc } from './proc';

/** The brokers and databases the conformance run can start natively. */
export const NATIVE_INFRA = ['kafka', 'rabbitmq', 'redis', 'nats', 'postgres'] as const;
export type NativeInfra = (typeof NATIVE_INFRA)[number];

export function isNativeInfra(kind: string): kind is NativeInfra {
  return (NATIVE_INFRA as readonly string[]).includes(kind);
}

/** Where and how to start one broker or database. */
export interface StartOptions {
  /** The client port on 127.0.0.1. */
  port: number;
  /** A folder of its own for data, config and logs; created when missing. */
  workDir: string;
  /** Progress lines for the person watching. */
  log?: (line: string) => void;
}

/** A started broker or database. */
export interface InfraHandle {
  kind: NativeInfra;
  port: number;
  /** The connection string a client uses, as `infraUrl` in wiring.ts formats it. */
  url: string;
  procs: Proc[];
  /** Creates topics before services start (Kafka only; the compose init service does the same). */
  createTopics?(topics: readonly string[]): Promise<void>;
  stop(): Promise<void>;
}
