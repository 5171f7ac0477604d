import { RPC_KIND_WORDS, rpcKind, sampleOfType, type EndpointContract } from '../../../model/contracts';
import { payloadSample } from '../python/typed';
import { goImports } from './brokers';
import type { GoPlan } from './plan';
import { GoImports, goJson, goJsonType, goParamType, goPayloadType } from './typed';

/** The Go argument names of an endpoint's parameters (then `body`), unique and clear of the locals. */
export function endpointArgs(e: EndpointContract): Map<EndpointContract['params'][number], string> {
  const taken = new Set(['ctx', 'body', 'c', 'q', 'h', 'out', 'err', 'w', 'r', 'api', 'contract', 'url', 'http']);
  const out = new Map<EndpointContract['params'][number], string>();
  for (const p of e.params) {
    let n = /^[A-Za-z]/.test(p.names.camel) ? p.names.camel : `p${p.names.camel}`;
    while (taken.has(n)) n = `${n}Param`;
    taken.add(n);
    out.set(p, n);
  }
  return out;
}

/** The Go signature of a REST handler or client method: parameters, then the body. */
export function endpointSignature(e: EndpointContract): string[] {
  const args = [...endpointArgs(e)].map(([p, n]) => `${n} ${goParamType(p, 'api.')}`);
  if (e.body) args.push(`body ${goPayloadType(e.body, 'api.')}`);
  return args;
}

/** What a REST handler or client method returns. */
export function endpointResult(e: EndpointContract): string {
  return e.success.body ? `(${goPayloadType(e.success.body, 'api.')}, error)` : 'error';
}

/**
 * handlers/handlers.go: the one file the user edits. Every endpoint, RPC and consumed topic has a
 * typed function here with a TODO body that answers the sample; the plumbing calls them.
 */
export function handlersGo(plan: GoPlan): string {
  const parts: string[] = [];
  const imp = new GoImports(plan.pkgs);
  const std = new Set<string>(['context']);
  let usesApi = false;
  let usesContract = false;
  let usesGrpc = false;
  for (const e of plan.sp.ownEndpoints) {
    usesApi = true;
    const name = plan.restHandlers.get(e) ?? 'Op';
    const errors = e.responses.filter((r) => /^[45]/.test(r.status)).map((r) => r.status);
    const answer = e.success.body
      ? `return api.Sample[${goPayloadType(e.success.body, 'api.')}](${goJson(payloadSample(e.success.body))}), nil`
      : 'return nil';
    parts.push(`// ${name} serves ${e.method} ${e.path}.${errors.length ? `\n// Return api.NewProblem(status, detail) for its error answers (${errors.join(', ')}).` : ''}
func ${name}(${['ctx context.Context', ...endpointSignature(e)].join(', ')}) ${endpointResult(e)} {
	// TODO: replace the sample answer with your logic.
	${answer}
}`);
  }
  for (const s of plan.sp.services)
    for (const r of s.rpcs) {
      const name = plan.rpcHandlers.get(r) ?? 'Rpc';
      const req = imp.message(r.request);
      const res = imp.message(r.response);
      const sample = `contract.Sample[${res}](${goJson(sampleOfType(r.response))})`;
      usesContract = true;
      const k = rpcKind(r);
      const doc = `// ${name} serves ${s.fullName}/${r.name} (${RPC_KIND_WORDS[k]}).`;
      if (k !== 'unary') usesGrpc = true;
      if (k === 'client' || k === 'bidi') std.add('errors').add('io');
      switch (k) {
        case 'unary':
          parts.push(`${doc}
func ${name}(ctx context.Context, req *${req}) (*${res}, error) {
	// TODO: replace the sample answer with your logic.
	return ${sample}, nil
}`);
          break;
        case 'server':
          parts.push(`${doc}
func ${name}(req *${req}, stream grpc.ServerStreamingServer[${res}]) error {
	// TODO: replace the sample answer with your logic.
	return stream.Send(${sample})
}`);
          break;
        case 'client':
          parts.push(`${doc}
func ${name}(stream grpc.ClientStreamingServer[${req}, ${res}]) error {
	for {
		_, err := stream.Recv()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			return err
		}
	}
	// TODO: replace the sample answer with your logic.
	return stream.SendAndClose(${sample})
}`);
          break;
        case 'bidi':
          parts.push(`${doc}
func ${name}(stream grpc.BidiStreamingServer[${req}, ${res}]) error {
	for {
		_, err := stream.Recv()
		if errors.Is(err, io.EOF) {
			return nil
		}
		if err != nil {
			return err
		}
		// TODO: replace the sample answer with your logic.
		if err := stream.Send(${sample}); err != nil {
			return err
		}
	}
}`);
          break;
      }
    }
  for (const c of plan.consumers) {
    usesApi = true;
    std.add('log');
    const payload = goJsonType(c.type, 'api.');
    if (payload === 'json.RawMessage') std.add('encoding/json');
    parts.push(`// ${c.handler} handles each message consumed from ${c.use.topic} on ${c.broker}: msg is the
// envelope, payload its payload decoded into the channel's message type (a message whose payload
// does not decode is logged and rejected before it gets here).
func ${c.handler}(ctx context.Context, msg api.Message, payload ${payload}) error {
	// TODO: handle the message.
	log.Printf("received %s from %s on %s: %+v", msg.ID, msg.From, msg.Topic, payload)
	return nil
}`);
  }
  const own = [
    ...(usesApi ? [`${plan.module}/api`] : []),
    ...(usesContract ? [`${plan.module}/internal/contract`] : []),
    ...imp.list().filter((l) => l.includes(plan.module)),
  ];
  const third = [
    ...(usesGrpc ? ['google.golang.org/grpc'] : []),
    ...imp.list().filter((l) => !l.includes(plan.module)),
  ];
  if (parts.length === 0)
    return `// Package handlers is yours to edit: this service serves no endpoint, RPC or topic yet.
package handlers
`;
  return `// Package handlers is yours to edit: the generated plumbing calls these functions and never
// overwrites this file. Typed clients of the services this one calls are in package clients.
package handlers

${goImports([...std, ...(third.length ? ['', ...third] : [])], own)}
${parts.join('\n\n')}
`;
}
