import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { isRuntime } from '../core/catalog/catalog';
import { importContracts, type BrokerKind } from '../core/importers/contracts';
import { dnsLabel } from '../core/model/naming';
import { restoreText } from '../core/model/restore';
import type { Design } from '../core/model/types';
import { gatherContractFiles } from './contractFiles';
import { UsageError, exists, type Io } from './io';

const BROKERS: readonly BrokerKind[] = ['kafka', 'rabbitmq', 'redis', 'nats'];

const plural = (n: number, word: string, words = `${word}s`) => `${n} ${n === 1 ? word : words}`;

/** Options of `import` for contracts, as the command line parsed them. */
export interface ContractArgs {
  files: string[];
  out?: string;
  into?: string;
  protoPath?: string;
  runtime?: string;
  attach?: string;
  broker?: string;
  name?: string;
  force: boolean;
}

async function readDesign(path: string, io: Io): Promise<Design | undefined> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (e) {
    io.err(`error: cannot read ${path}: ${(e as Error).message}`);
    return undefined;
  }
  const r = restoreText(text);
  if (!r.ok) {
    io.err(`error: ${path}: ${r.error}`);
    return undefined;
  }
  for (const w of r.warnings) io.err(`warning: ${path}: ${w}`);
  return r.design;
}

/**
 * `polyglot-canvas import` for contracts: `.proto` files, OpenAPI and AsyncAPI documents (with
 * the files they import or reference, read from disk) into a new design or into `--into`.
 */
export async function importContractFiles(args: ContractArgs, io: Io): Promise<number> {
  if (args.runtime !== undefined && !isRuntime(args.runtime))
    throw new UsageError(`--runtime ${args.runtime} is not a runtime (try go-nethttp, python-fastapi, java-spring).`);
  if (args.broker !== undefined && !(BROKERS as readonly string[]).includes(args.broker))
    throw new UsageError(`--broker takes ${BROKERS.join(', ')}.`);
  if (args.attach !== undefined && args.into === undefined)
    throw new UsageError('--attach names a node of the design given with --into.');
  const gathered = await gatherContractFiles(args.files, args.protoPath);
  if (!gathered.ok) {
    io.err(`error: ${gathered.error}`);
    return 1;
  }
  for (const f of gathered.added) io.err(`note: also read ${f}`);
  const into = args.into === undefined ? undefined : await readDesign(args.into, io);
  if (args.into !== undefined && !into) return 1;
  const attachTo =
    args.attach === undefined ? undefined : into?.nodes.find((n) => n.id === args.attach || n.name === args.attach)?.id;
  if (args.attach !== undefined && attachTo === undefined) {
    io.err(`error: ${args.into}: no node is named or has the id ${JSON.stringify(args.attach)}.`);
    return 1;
  }
  const r = await importContracts({
    files: gathered.files,
    options: {
      ...(into ? { into } : {}),
      ...(attachTo ? { attachTo } : {}),
      ...(args.runtime && isRuntime(args.runtime) ? { runtime: args.runtime } : {}),
      ...(args.broker ? { brokerKind: args.broker as BrokerKind } : {}),
      ...(args.name ? { project: args.name } : {}),
    },
  });
  for (const w of r.warnings) io.err(`warning: ${w}`);
  if (!r.ok) {
    io.err(`error: ${r.error}`);
    return 1;
  }
  const target = args.out ?? args.into ?? `${dnsLabel(r.design.name, 'design')}.json`;
  if (target !== args.into && !args.force && (await exists(target))) {
    io.err(`error: ${target} already exists; choose another path, or pass --force to overwrite it.`);
    return 1;
  }
  await mkdir(dirname(target), { recursive: true });
  await writeFile(target, JSON.stringify(r.design, null, 2) + '\n', 'utf8');
  const s = r.summary;
  io.out(
    `Wrote ${target}: added ${plural(s.nodesAdded, 'node')}, ${plural(s.typesAdded, 'type')}, ` +
      `${plural(s.servicesAdded, 'gRPC service')}, ${plural(s.endpointsAdded, 'endpoint')}, ${plural(s.channelsAdded, 'channel')}, ${plural(s.linksAdded, 'link')}; ` +
      `updated ${plural(s.typesUpdated, 'type')}, ${plural(s.servicesUpdated + s.endpointsUpdated, 'service or endpoint', 'services or endpoints')}; ${plural(r.warnings.length, 'warning')}.`,
  );
  return 0;
}
