import { rustSample, rustSampleLiteral } from './api';
import { prostSnake, structLiteral } from './names';
import type { RustPlan } from './plan';

const TAKEN = new Set(['body', 'request', 'message']);

/**
 * src/handlers.rs: the one file the user edits. Every endpoint, RPC and consumed topic has a
 * typed async function here with a TODO body that returns sample data.
 */
export function handlersRs(plan: RustPlan): string {
  const parts: string[] = [];
  for (const e of plan.endpoints) {
    const args = [
      ...e.params.map((p) => `${TAKEN.has(p) ? `${p}_param` : p}: String`),
      ...(e.request.length ? [`body: api::${e.pascal}Request`] : []),
    ];
    parts.push(`/// ${e.method} ${e.path}
pub async fn ${e.snake}(${args.join(', ')}) -> Result<api::${e.pascal}Response, BoxError> {
    // TODO: replace the sample answer with your logic.
    Ok(${rustSampleLiteral(`api::${e.pascal}Response`, e.response, 4, 'Ok(', ')')})
}`);
  }
  if (plan.ownProto) {
    for (const r of plan.rpcs) {
      const literal = structLiteral(
        `pb::${r.name}Response`,
        r.response.map((f) => `${prostSnake(f.name)}: ${rustSample(f)}`),
        4,
        'Ok(',
        ')',
      );
      parts.push(`/// The ${r.name} RPC.
pub async fn ${r.snake}(request: pb::${r.name}Request) -> Result<pb::${r.name}Response, Status> {
    // TODO: replace the sample answer with your logic.
    Ok(${literal})
}`);
    }
  }
  for (const c of plan.consumers) {
    const payload = plan.topics.get(c.use.topic)?.payloadType ?? 'Payload';
    parts.push(`/// Each message consumed from ${c.use.topic} on ${c.broker}; \`message.payload\` holds an api::${payload}.
pub async fn ${c.handler}(message: api::Message) -> Result<(), BoxError> {
    // TODO: handle the message.
    println!("received {} from {} on {}", message.id, message.from, message.topic);
    Ok(())
}`);
  }
  const uses = [
    'use crate::api::{self, BoxError};',
    ...(plan.ownProto && plan.rpcs.length
      ? [`use crate::proto::${plan.ownProto.module} as pb;`, 'use tonic::Status;']
      : []),
  ];
  return `//! Yours to edit: the generated plumbing calls these functions and never overwrites this file.
//! Typed clients of the services this one calls are in crate::clients.

#![allow(unused_variables, unused_imports, dead_code)]

${uses.join('\n')}

${parts.join('\n\n')}
`;
}
