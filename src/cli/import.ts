import { mkdir, readFile, stat, writeFile } from 'node:fs/promises';
import { basename, dirname, resolve } from 'node:path';
import { parse } from 'yaml';
import { importCompose } from '../core/importers/compose';
import { importKubernetes, importKubernetesFiles, isKubernetesText } from '../core/importers/kubernetes';
import { dnsLabel } from '../core/model/naming';
import type { Design } from '../core/model/types';
import { parseArgs } from './args';
import { importContractFiles } from './importContracts';
import { isManifestFolder, namedFromCommonFolder, readManifestFolder } from './manifestFolder';
import { UsageError, exists, type Io } from './io';
import { readDesignText, restoreRead } from './readDesign';

export const IMPORT_USAGE = `Usage: polyglot-canvas import <compose.yaml | manifests.yaml… | folder> [-o <design.json>] [--force]
       polyglot-canvas import <contract files…> [-o <design.json> | --into <design.json>] [options]

A compose file (compose.yaml, docker-compose.yml; version 2, 3 or the Compose Specification)
becomes a new design; every setting of every service is kept and written back on export.
Kubernetes manifests (one file with many --- separated documents, several files, a folder of
them, or a folder with a kustomization) become a new design too: workloads, their Services,
ConfigMaps and Secrets, Ingresses; other kinds are listed. A kustomization's resources are
followed (an overlay's base too) with its images, replicas and generated ConfigMaps and Secrets;
what it does not apply (patches, name prefixes…) is listed.

Contracts become services, types, brokers and links: .proto files (with the files they import),
OpenAPI 3.0/3.1 and AsyncAPI 2.x/3.0 documents in YAML or JSON (with the files their $refs name),
told apart by content. Each gRPC service becomes a service node, an OpenAPI document the REST API
of one, an AsyncAPI document a service with its channels on brokers. Importing the same
contracts again updates what they made instead of adding it twice.

What could not be mapped is printed as warnings. Without -o or --into, writes <project>.json in
the current folder.

  -o, --out <path>          the design file to write
      --into <design.json>  add the contracts to this design (written back to it unless -o)
  -I, --proto-path <dir>    the folder .proto imports start from (default: found from buf.yaml
                            or the imports)
      --runtime <id>        the runtime of new service nodes (default go-nethttp)
      --attach <node>       put every imported API on this node of --into (name or id)
      --broker <kind>       kafka, rabbitmq, redis or nats, for AsyncAPI servers of another protocol
      --name <project>      the project name of a new design
      --force               overwrite the design file if it exists
  -h, --help                show this help`;

const OPTIONS = [
  { name: 'out', short: 'o', takesValue: true },
  { name: 'into', takesValue: true },
  { name: 'proto-path', short: 'I', takesValue: true },
  { name: 'runtime', takesValue: true },
  { name: 'attach', takesValue: true },
  { name: 'broker', takesValue: true },
  { name: 'name', takesValue: true },
  { name: 'force', takesValue: false },
  { name: 'help', short: 'h', takesValue: false },
] as const;

const CONTRACT_ONLY = ['into', 'proto-path', 'runtime', 'attach', 'broker', 'name'] as const;

/** Whether a path is an exported project: a folder, or a zip. */
async function isProject(file: string): Promise<boolean> {
  try {
    if ((await stat(file)).isDirectory() || /\.zip$/i.test(file)) return true;
    const head = await readFile(file).then((b) => b.subarray(0, 2));
    return head[0] === 0x50 && head[1] === 0x4b;
  } catch {
    return false;
  }
}

/** Whether a file is a compose file rather than a contract: YAML with services, no API keys. */
function isCompose(file: string, text: string): boolean {
  if (/\.(proto|json)$/i.test(file)) return false;
  let doc: unknown;
  try {
    doc = parse(text, { uniqueKeys: false });
  } catch {
    return !/\b(openapi|asyncapi|swagger)\s*:/.test(text);
  }
  if (typeof doc !== 'object' || doc === null) return true;
  return !('openapi' in doc) && !('asyncapi' in doc) && !('swagger' in doc);
}

/** `polyglot-canvas import`: compose file or contracts → design file. Returns the exit code. */
export async function importCommand(argv: readonly string[], io: Io): Promise<number> {
  const args = parseArgs(argv, OPTIONS);
  if (args.options.has('help')) {
    io.out(IMPORT_USAGE);
    return 0;
  }
  const files = args.positionals;
  const [file] = files;
  if (file === undefined)
    throw new UsageError('Which files? Give a compose.yaml, or .proto, OpenAPI or AsyncAPI files.');
  if (files.length === 1 && (await isManifestFolder(file))) {
    let folder;
    try {
      folder = await readManifestFolder(file);
    } catch (e) {
      io.err(`error: cannot read ${file}: ${(e as Error).message}`);
      return 1;
    }
    return writeImported(
      importKubernetesFiles(folder.files, folder.label, undefined, folder.entry),
      file,
      args.options.get('out'),
      args.options.has('force'),
      io,
    );
  }
  if (files.length === 1 && (await isProject(file))) {
    const read = await readDesignText(file, io);
    if (read === null) return 1;
    return writeImported(restoreRead(read), file, args.options.get('out'), args.options.has('force'), io);
  }
  const texts: string[] = [];
  for (const f of files) {
    try {
      texts.push(await readFile(f, 'utf8'));
    } catch (e) {
      io.err(`error: cannot read ${f}: ${(e as Error).message}`);
      return 1;
    }
  }
  const opt = (name: string) => {
    const v = args.options.get(name);
    return typeof v === 'string' ? v : undefined;
  };
  const composeAt = files.findIndex((f, i) => isCompose(f, texts[i] ?? ''));
  if (composeAt < 0) {
    const into = opt('into');
    return importContractFiles(
      {
        files,
        force: args.options.has('force'),
        ...(opt('out') ? { out: opt('out') } : {}),
        ...(into ? { into } : {}),
        ...(opt('proto-path') ? { protoPath: opt('proto-path') } : {}),
        ...(opt('runtime') ? { runtime: opt('runtime') } : {}),
        ...(opt('attach') ? { attach: opt('attach') } : {}),
        ...(opt('broker') ? { broker: opt('broker') } : {}),
        ...(opt('name') ? { name: opt('name') } : {}),
      },
      io,
    );
  }
  if (files.length > 1 && texts.every((t, i) => !/\.proto$/i.test(files[i] ?? '') && isKubernetesText(t)))
    return writeImported(
      importKubernetesFiles(namedFromCommonFolder(files, texts), basename(dirname(resolve(file)))),
      files.join(' '),
      args.options.get('out'),
      args.options.has('force'),
      io,
    );
  if (files.length > 1)
    throw new UsageError(
      `A compose file is imported on its own (${files[composeAt]} is one; also got ${files.filter((_, i) => i !== composeAt).join(' ')}).`,
    );
  const contractOption = CONTRACT_ONLY.find((o) => args.options.has(o));
  const text = texts[0] ?? '';
  const k8s = isKubernetesText(text);
  if (contractOption)
    throw new UsageError(
      `--${contractOption} is for contract files; ${file} is ${k8s ? 'a Kubernetes manifest' : 'a compose file'}.`,
    );
  return writeImported(
    k8s ? importKubernetes(text, basename(file)) : importCompose(text, basename(file)),
    file,
    args.options.get('out'),
    args.options.has('force'),
    io,
  );
}

type Imported = { ok: true; design: Design; warnings: string[] } | { ok: false; error: string; warnings: string[] };

/** Prints the warnings of an import and writes its design (to `out`, or `<project>.json`). */
async function writeImported(
  r: Imported,
  file: string,
  out: string | boolean | undefined,
  force: boolean,
  io: Io,
): Promise<number> {
  for (const w of r.warnings) io.err(`warning: ${w}`);
  if (!r.ok) {
    io.err(`error: ${file}: ${r.error}`);
    return 1;
  }
  const target = typeof out === 'string' ? out : `${dnsLabel(r.design.name, 'design')}.json`;
  if (!force && (await exists(target))) {
    io.err(`error: ${target} already exists; choose another path, or pass --force to overwrite it.`);
    return 1;
  }
  await mkdir(dirname(target), { recursive: true });
  await writeFile(target, JSON.stringify(r.design, null, 2) + '\n', 'utf8');
  const n = r.design.nodes.length;
  const l = r.design.links.length;
  io.out(
    `Wrote ${target}: ${n} node${n === 1 ? '' : 's'}, ${l} link${l === 1 ? '' : 's'}, ${r.warnings.length} warning${r.warnings.length === 1 ? '' : 's'}.`,
  );
  return 0;
}
