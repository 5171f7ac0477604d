import { UsageError } from './io';

/** Parsed command-line arguments: positionals in order, options by long name. */
export interface ParsedArgs {
  positionals: string[];
  options: Map<string, string | true>;
}

/** An option a command accepts: `takesValue` options read the next argument (or `--name=value`). */
export interface OptionSpec {
  name: string;
  short?: string;
  takesValue: boolean;
}

/** A small strict parser: unknown options and missing values are usage errors. */
export function parseArgs(argv: readonly string[], specs: readonly OptionSpec[]): ParsedArgs {
  const out: ParsedArgs = { positionals: [], options: new Map() };
  const find = (a: string) => specs.find((s) => `--${s.name}` === a || (s.short && `-${s.short}` === a));
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i] ?? '';
    if (a === '--') {
      out.positionals.push(...argv.slice(i + 1));
      break;
    }
    if (!a.startsWith('-') || a === '-') {
      out.positionals.push(a);
      continue;
    }
    const eq = a.indexOf('=');
    const flag = eq > 0 ? a.slice(0, eq) : a;
    const spec = find(flag);
    if (!spec) throw new UsageError(`Unknown option ${flag}.`);
    if (!spec.takesValue) {
      if (eq > 0) throw new UsageError(`--${spec.name} takes no value.`);
      out.options.set(spec.name, true);
      continue;
    }
    const value = eq > 0 ? a.slice(eq + 1) : argv[++i];
    if (value === undefined || value === '') throw new UsageError(`--${spec.name} needs a value.`);
    out.options.set(spec.name, value);
  }
  return out;
}
