import type { EndpointContract, ParamContract } from '../../../model/contracts';
import { RUST_WIDTH } from './names';
import type { RustEndpoint, RustPlan, RustRpc } from './plan';
import { Aliases, payloadType, rustJsonType } from './typed';

/** A function signature as rustfmt writes it at `indent`. */
export function fnSig(indent: number, open: string, args: readonly string[], close: string): string {
  const one = `${open}${args.join(', ')}${close}`;
  if (indent + one.length <= RUST_WIDTH) return one;
  const pad = ' '.repeat(indent);
  return `${open}\n${args.map((a) => `${pad}    ${a},`).join('\n')}\n${pad}${close}`;
}

/** The Rust type of a parameter in a handler's signature. */
export function paramType(p: ParamContract): string {
  const t = rustJsonType(p.type, 'api::');
  if (p.repeated) return `Vec<${t}>`;
  return p.required ? t : `Option<${t}>`;
}

/** The handler's arguments of an endpoint: its parameters, then its body. */
export function endpointArgs(x: RustEndpoint): string[] {
  return [
    ...x.e.params.map((p, i) => `${x.args[i] ?? `p${i}`}: ${paramType(p)}`),
    ...(x.e.body ? [`body: Option<${payloadType(x.e.body, 'api::')}>`] : []),
  ];
}

/** What a successful call of an endpoint answers, in Rust. */
export function answerType(e: EndpointContract): string {
  return e.success.body ? payloadType(e.success.body, 'api::') : '()';
}

function restHandler(x: RustEndpoint): string {
  const errors = x.e.responses.filter((r) => /^[45]/.test(r.status)).map((r) => r.status);
  const doc = [
    `/// ${x.e.method} ${x.e.path}${x.e.summary ? `: ${x.e.summary.replace(/\s+/g, ' ').slice(0, 160)}` : ''}`,
    ...(errors.length
      ? ['///', `/// Return Err(Problem::new(status, detail)) for the declared error answers (${errors.join(', ')}).`]
      : []),
  ];
  const sig = fnSig(0, `pub async fn ${x.fn}(`, endpointArgs(x), `) -> Result<${answerType(x.e)}, Problem> {`);
  const body = x.resSample ? `api::sample(samples::${x.resSample})` : 'Ok(())';
  return `${doc.join('\n')}
${sig}
    // TODO: replace the sample answer with your logic.
    ${body}
}`;
}

function rpcHandler(r: RustRpc, fn: string, a: Aliases): string {
  const req = a.ref(r.req);
  const res = a.ref(r.res);
  const streamingIn = r.kind === 'client' || r.kind === 'bidi';
  const streamingOut = r.kind === 'server' || r.kind === 'bidi';
  const arg = streamingIn ? `requests: Streaming<${req}>` : `request: ${req}`;
  const ret = streamingOut ? `Replies<${res}>` : res;
  const body =
    r.kind === 'bidi'
      ? `Ok(contract::answer_each(requests, |_request| contract::sample(&samples::${r.resSample})))`
      : r.kind === 'server'
        ? `contract::twice(&samples::${r.resSample})`
        : `contract::sample(&samples::${r.resSample})`;
  const what = {
    unary: 'RPC',
    server: 'server-streaming RPC',
    client: 'client-streaming RPC',
    bidi: 'bidirectional RPC',
  }[r.kind];
  return `/// The ${r.rpc.name} ${what} of ${r.service.contract.fullName}.
${fnSig(0, `pub async fn ${fn}(`, [arg], `) -> Result<${ret}, Status> {`)}
    // TODO: replace the sample answer with your logic.
    ${body}
}`;
}

/**
 * src/handlers.rs: the one file the user edits. Every endpoint, RPC and consumed topic has a
 * typed async function here with a TODO body that answers the sample.
 */
export function handlersRs(plan: RustPlan): string {
  const a = new Aliases();
  const parts: string[] = plan.endpoints.map(restHandler);
  for (const r of plan.rpcs) parts.push(rpcHandler(r, plan.rpcHandlers.get(r) ?? r.method, a));
  for (const c of plan.consumers) {
    parts.push(`/// Each message consumed from ${c.use.topic} on ${c.broker}; the plumbing already lists it in /ping.
pub async fn ${c.handler}(message: api::Message) -> Result<(), BoxError> {
    // TODO: handle the message.
    println!("received {} from {} on {}", message.id, message.from, message.topic);
    Ok(())
}`);
  }
  const streaming = plan.rpcs.some((r) => r.kind !== 'unary');
  const tonicUses = plan.rpcs.length ? [`use tonic::${streaming ? '{Status, Streaming}' : 'Status'};`] : [];
  const crateUses = [
    'use crate::api::{self, BoxError, Problem};',
    ...(plan.rpcs.length
      ? [
          `use crate::plumbing::contract${plan.rpcs.some((r) => r.kind === 'server' || r.kind === 'bidi') ? '::{self, Replies}' : ''};`,
        ]
      : []),
    ...(plan.samples.size ? ['use crate::samples;'] : []),
  ];
  const groups = [tonicUses, crateUses, a.uses()].filter((g) => g.length).map((g) => g.join('\n'));
  return `//! Yours to edit: the generated plumbing calls these functions and never overwrites this file.
//! Typed clients of the services this one calls are in crate::clients; the types are in
//! crate::api (REST bodies) and crate::proto (gRPC messages), the sample data in crate::samples.

#![allow(unused_variables, unused_imports, dead_code)]

${groups.join('\n\n')}

${parts.join('\n\n')}
`;
}
