import { DiagnosticSeverity, Parser } from '@asyncapi/parser';

/** Where the given files live for the parser's resolver. */
const BASE = 'file:///polyglot-canvas-import/';
const BASE_PATH = '/polyglot-canvas-import/';

/** Nothing, never the network (the bundling before has refused remote references already). */
const refuseRemote = (): string => '';

let parser: Parser | undefined;
/** The files of each validation under way, by its number: validations may overlap. */
const runs = new Map<string, ReadonlyMap<string, string>>();
let counter = 0;

/**
 * A given file, by the path the resolver names it (with or without `file://`). Never the disk: a
 * file not given reads as empty (the bundling before has named every missing file already), since
 * the parser would fall back to its own file reader on an error.
 */
function read(uri: string): string {
  const path = uri.replace(/^file:\/\//, '');
  const rest = path.startsWith(BASE_PATH) ? path.slice(BASE_PATH.length) : path;
  const slash = rest.indexOf('/');
  return runs.get(rest.slice(0, slash))?.get(rest.slice(slash + 1)) ?? '';
}

/**
 * The official AsyncAPI parser, built once: its rulesets take a while to build. Its resolver
 * reads only the files of the import under way and refuses remote references, so it runs
 * offline, in Node and in a worker alike.
 */
function theParser(): Parser {
  parser ??= new Parser({
    // the core rules check the document against the specification; the recommended ones are style
    ruleset: { core: true, recommended: false },
    __unstable: {
      resolver: {
        cache: false,
        resolvers: [
          { schema: 'file', order: 1, canRead: true, read: (uri) => read(uri.toString()) },
          { schema: 'http', order: 1, canRead: true, read: refuseRemote },
          { schema: 'https', order: 1, canRead: true, read: refuseRemote },
        ],
      },
    },
  });
  return parser;
}

/**
 * Validates one AsyncAPI document (2.x or 3.0) with @asyncapi/parser: its errors, each as
 * `file:line:column (#/pointer): message`, the place from `position` when it knows it (the same
 * as every other message of the import), else the parser's. Its style rules are left out.
 */
export async function asyncApiErrors(
  entry: string,
  given: ReadonlyMap<string, string>,
  position?: (file: string, segments: readonly string[]) => string | undefined,
): Promise<string[]> {
  const run = String(++counter);
  runs.set(run, given);
  const base = `${BASE}${run}/`;
  try {
    const diagnostics = await theParser().validate(given.get(entry) ?? '', { source: `${base}${entry}` });
    return diagnostics
      .filter((d) => d.severity === DiagnosticSeverity.Error)
      .map((d) => {
        const file = d.source?.startsWith(base) ? d.source.slice(base.length) : entry;
        const mine = position?.(file, d.path.map(String));
        const at = `${file}:${mine ?? `${d.range.start.line + 1}:${d.range.start.character + 1}`}`;
        const path =
          d.path.length > 0
            ? ` (#/${d.path.map((p) => String(p).replace(/~/g, '~0').replace(/\//g, '~1')).join('/')})`
            : '';
        return `${at}${path}: ${d.message}`;
      });
  } finally {
    runs.delete(run);
  }
}
