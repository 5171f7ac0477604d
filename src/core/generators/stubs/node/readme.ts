import { RUNTIMES } from '../../../catalog/catalog';
import { withoutSecretValues } from '../../../model/credentials';
import { serviceEnv } from '../../../model/wiring';
import { mdCode, mdTable, mdText } from '../../docs/markdown';
import { grpcStandardServicesNote } from '../ready';
import type { StubPlan } from '../python/plan';

/** The service's README.md: what is safe to edit, how to run it, and its environment. */
export function nodeReadme(p: StubPlan): string {
  const r = RUNTIMES[p.w.runtime];
  const rows: string[][] = [
    ['`src/handlers.ts`', '**yours**: the bodies of the REST endpoints, the gRPC methods and `onMessage`'],
    ['`src/main.ts`', 'generated: the Express app and the start of everything'],
    ['`src/models.ts`', 'generated: TypeScript interfaces of the REST bodies and parameters, and their schema'],
    [
      '`src/plumbing/`',
      'generated: REST routes (typed, validated), /ping fan-out and its typed exercise, brokers, databases, gRPC server and clients',
    ],
    [
      '`proto/`',
      'the contract files, copied from the project: types generated at build, loaded at start by `@grpc/proto-loader`',
    ],
    ['`src/gen/`', 'generated at build time from `proto/` (`npm run gen:proto`); not in version control'],
    ['`package.json`', 'exact dependency versions: add yours here'],
    ['`package-lock.json`', 'the whole dependency tree with integrity hashes, installed by `npm ci`'],
  ];
  return `# ${mdText(p.w.node.name)} (${mdText(r.label)})

A runnable stub that keeps the project's service contract: \`GET /healthz\`, \`GET /readyz\`, \`GET /ping\` (calls
every outgoing link and answers the tree of who answered), the declared REST endpoints${p.own ? ', a gRPC server with the declared RPCs' : ''} and
the producers and consumers of its topics.
${p.own ? `\n${grpcStandardServicesNote(p.w.node.grpcPort)}` : ''}
## Files

${mdTable(['file', 'what it is'], rows)}

Regenerating the project rewrites everything generated; keep your code in \`src/handlers.ts\`
(and modules of your own that it imports).

\`npm run build\` first generates the TypeScript types of the protos into \`src/gen/\`
(\`proto-loader-gen-types\`, from \`@grpc/proto-loader\`), so the gRPC server and clients are
checked against the .proto at compile time; at run time \`@grpc/proto-loader\` loads the same
files from \`proto/\`. Field names are as in the .proto, enums are their names, and 64-bit
integers (\`int64\`, \`uint64\`, a Timestamp's \`seconds\`) are decimal strings, so no value above
2^53 loses digits. \`package-lock.json\` pins every package of the tree, each with its
integrity hash, and \`npm ci\` (natively and in the Dockerfile) installs exactly that tree. After
changing a dependency in \`package.json\`, run \`npm install\` to update the lock and commit both.

## Run it

With Docker: \`docker compose up --build ${p.dns}\` from the project root.

Natively (Node.js 20.19 or newer), from this folder:

\`\`\`sh
npm ci
npm run build
PORT=${p.w.node.port} node dist/main.js
\`\`\`

Then \`curl http://127.0.0.1:${p.w.node.port}/ping\`.

## Environment

Every address comes from these variables (the values compose.yaml sets):

${mdTable(
  ['variable', 'value in compose'],
  withoutSecretValues(p.w.node, serviceEnv(p.w)).map(([k, v]) => [mdCode(k), mdCode(v)]),
)}
`;
}
