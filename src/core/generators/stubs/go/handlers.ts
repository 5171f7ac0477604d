import { goImports } from './brokers';
import { goCamelCase, goProtoField } from './names';
import { endpointParams, goSample, type GoPlan } from './plan';
import { goSampleLiteral } from './names';

/**
 * handlers/handlers.go: the one file the user edits. Every endpoint, RPC and consumed topic
 * has a typed function here with a TODO body that returns sample data; the plumbing calls them.
 */
export function handlersGo(plan: GoPlan): string {
  const parts: string[] = [];
  for (const e of plan.endpoints) {
    const args = [
      'ctx context.Context',
      ...endpointParams(e).map((p) => `${p.goName} string`),
      ...(e.request.length > 0 ? [`req api.${e.pascal}Request`] : []),
    ];
    parts.push(`// ${e.pascal} serves ${e.method} ${e.path}.
func ${e.pascal}(${args.join(', ')}) (api.${e.pascal}Response, error) {
	// TODO: replace the sample answer with your logic.
	return ${goSampleLiteral(`api.${e.pascal}Response`, e.response, goSample)}, nil
}`);
  }
  for (const r of plan.rpcs) {
    const m = goCamelCase(r.name);
    const fields = r.response.map((f) => `${goProtoField(f.name)}: ${goSample(f)}`).join(', ');
    parts.push(`// ${m} serves the ${r.name} RPC.
func ${m}(ctx context.Context, req *pb.${goCamelCase(`${r.name}Request`)}) (*pb.${goCamelCase(`${r.name}Response`)}, error) {
	// TODO: replace the sample answer with your logic.
	return &pb.${goCamelCase(`${r.name}Response`)}{${fields}}, nil
}`);
  }
  for (const c of plan.consumers) {
    parts.push(`// ${c.handler} handles each message consumed from ${c.use.topic} on ${c.broker}.
// Decode msg.Payload into api.${c.topic.payloadType} to read its fields.
func ${c.handler}(ctx context.Context, msg api.Message) error {
	// TODO: handle the message.
	log.Printf("received %s from %s on %s", msg.ID, msg.From, msg.Topic)
	return nil
}`);
  }
  const usesApi = plan.endpoints.length > 0 || plan.consumers.length > 0;
  const std = ['context', ...(plan.consumers.length ? ['log'] : [])];
  const own = [
    ...(usesApi ? [`${plan.module}/api`] : []),
    ...(plan.rpcs.length && plan.ownProto ? [`pb "${plan.ownProto.importPath}"`] : []),
  ];
  return `// Package handlers is yours to edit: the generated plumbing calls these functions and never
// overwrites this file. Typed clients of the services this one calls are in package clients.
package handlers

${goImports(std, own)}
${parts.join('\n\n')}
`;
}
