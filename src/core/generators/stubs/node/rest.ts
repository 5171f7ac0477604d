import type { ContractEndpoint } from '../../../model/contracts';
import { lit, type StubPlan } from '../python/plan';
import { clientNames, tsInterface, tsSample } from './names';

/** The TypeScript type of an endpoint's path parameters. */
function paramsType(e: ContractEndpoint): string {
  return `{ ${e.params.map((p) => `${p}: string`).join('; ')}${e.params.length ? ' ' : ''}}`;
}

function hasBody(e: ContractEndpoint): boolean {
  return e.method !== 'GET' && e.method !== 'DELETE';
}

/** `src/plumbing/contracts.ts`: the types of the REST endpoints and RPCs this service serves. */
export function contractsTs(p: StubPlan): string {
  const types = [
    ...p.endpoints.flatMap((e) => [
      `/** Path parameters of ${e.method} ${e.path}. */\nexport type ${e.pascal}Params = ${paramsType(e)};`,
      ...(hasBody(e) ? [tsInterface(`${e.pascal}Body`, e.request, `Request body of ${e.method} ${e.path}.`)] : []),
      tsInterface(`${e.pascal}Reply`, e.response, `Response of ${e.method} ${e.path}.`),
    ]),
    ...p.rpcs.flatMap((r) => [
      tsInterface(`${r.name}Request`, r.request, `Request of the ${r.name} RPC.`),
      tsInterface(`${r.name}Response`, r.response, `Response of the ${r.name} RPC.`),
    ]),
  ];
  return `/** The contracts this service serves (field names as on the wire). Generated: do not edit. */

${types.join('\n\n')}
export {};
`;
}

/** `src/handlers.ts`: the user's code, with a TODO body returning sample data per handler. */
export function handlersTs(p: StubPlan): string {
  const names = clientNames(p);
  const typeNames = [
    ...p.endpoints.flatMap((e) => [
      `${e.pascal}Params`,
      ...(hasBody(e) ? [`${e.pascal}Body`] : []),
      `${e.pascal}Reply`,
    ]),
    ...p.rpcs.flatMap((r) => [`${r.name}Request`, `${r.name}Response`]),
  ];
  const rest = p.endpoints.map((e) => {
    const args = [`${e.params.length ? 'params' : '_params'}: ${e.pascal}Params`];
    if (hasBody(e)) args.push(`_body: ${e.pascal}Body`);
    return `
/** ${e.method} ${e.path} */
export async function ${e.operationId}(${args.join(', ')}): Promise<${e.pascal}Reply> {
  // TODO: replace the sample data with your logic.
  ${e.params.length ? 'void params;\n  ' : ''}return ${tsSample(e.response, '  ')};
}
`;
  });
  const rpcs = p.rpcs.map(
    (r) => `
/** gRPC ${r.name} */
export async function rpc${r.name}(_request: ${r.name}Request): Promise<${r.name}Response> {
  // TODO: replace the sample data with your logic.
  return ${tsSample(r.response, '  ')};
}
`,
  );
  const clients = [
    ...[...names.rest.values()].map((n) => `// import { ${n.instance} } from './plumbing/restClients.js';`),
    ...[...names.grpc.values()].map((n) => `// import { ${n.instance} } from './plumbing/grpcClients.js';`),
  ];
  return `/**
 * The code of ${p.dns} that is yours to edit: REST endpoints, gRPC methods and the message hook.
 * The plumbing (HTTP server, /healthz, /ping, gRPC server, brokers, clients) lives in
 * src/plumbing and is generated: regenerating the project rewrites it, never this file.
 */

${typeNames.length ? `import type { ${typeNames.join(', ')} } from './plumbing/contracts.js';\n` : ''}${clients.length ? `\n// Typed clients of the services this one calls:\n${clients.join('\n')}\n` : ''}${rest.join('')}${rpcs.join('')}
/** Called for each message consumed; \`message\` is the envelope {id, from, topic, path, payload}. */
export async function onMessage(_broker: string, _topic: string, _message: Record<string, unknown>): Promise<void> {
  // TODO: react to the message. The plumbing already lists it under "received" in /ping.
}
`;
}

/** `src/plumbing/restClients.ts`: a typed client per outgoing REST link. */
export function restClientsTs(p: StubPlan): string {
  const names = clientNames(p);
  const parts = p.rest.map((r) => {
    const n = names.rest.get(r);
    if (!n) return '';
    const types = r.endpoints.map((e) =>
      tsInterface(`${n.prefix}${e.pascal}Reply`, e.response, `Response of ${e.method} ${e.path} on ${r.target}.`),
    );
    const methods = r.endpoints.map((e) => {
      const path = e.path
        .split(/(\{[a-z0-9_]+\})/)
        .filter((s) => s.length > 0)
        .map((s) => {
          const m = /^\{([a-z0-9_]+)\}$/.exec(s);
          return m ? `\${encodeURIComponent(params.${m[1] ?? ''})}` : s;
        })
        .join('');
      const args = [`${e.params.length ? 'params' : '_params'}: ${paramsType(e)}`];
      if (hasBody(e)) args.push('body: Record<string, unknown> = {}');
      return `
  /** ${e.method} ${e.path} on ${r.target}. */
  ${e.operationId}(${args.join(', ')}): Promise<${n.prefix}${e.pascal}Reply> {
    return this.send(${lit(e.method)}, \`${path}\`${hasBody(e) ? ', body' : ''}) as Promise<${n.prefix}${e.pascal}Reply>;
  }
`;
    });
    return `
${types.join('\n\n')}

/** REST client of ${r.target}, at the address in ${r.call.envVar}. */
export class ${n.className} {
  private async send(method: string, path: string, body?: unknown): Promise<unknown> {
    const url = config.env(${lit(r.call.envVar)}).replace(/\\/+$/, '') + path;
    const resp = await fetch(url, {
      method,
      headers: body === undefined ? {} : { 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
      signal: AbortSignal.timeout(config.TIMEOUT_MS),
    });
    if (!resp.ok) throw new Error(\`HTTP \${resp.status} from \${method} \${url}\`);
    return resp.json();
  }
${methods.join('')}}

export const ${n.instance} = new ${n.className}();`;
  });
  return `/** Typed REST clients of the services this one calls. Generated: do not edit. */

import * as config from './config.js';
${parts.join('\n')}
`;
}
