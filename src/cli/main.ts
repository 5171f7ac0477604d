import { UsageError, processIo, type Io } from './io';

/** What a subcommand's module provides: its usage text and what it runs. */
export interface CommandModule {
  usage: string;
  run(argv: readonly string[], io: Io): Promise<number>;
}

/** A subcommand: its one-line summary, and its module, loaded only when the command runs. */
export interface Command {
  summary: string;
  load(): Promise<CommandModule>;
}

/** The subcommands, by name. */
export const COMMANDS: Record<string, Command> = {
  export: {
    summary: 'export a design file to a project zip or folder',
    load: async () => {
      const m = await import('./export');
      return { usage: m.EXPORT_USAGE, run: m.exportCommand };
    },
  },
  update: {
    summary: 'regenerate an exported project folder from its design, keeping your changes',
    load: async () => {
      const m = await import('./update');
      return { usage: m.UPDATE_USAGE, run: m.updateCommand };
    },
  },
  import: {
    summary: 'import a compose file, or .proto, OpenAPI and AsyncAPI contracts, as a design file',
    load: async () => {
      const m = await import('./import');
      return { usage: m.IMPORT_USAGE, run: m.importCommand };
    },
  },
};

export function helpText(): string {
  const width = Math.max(...Object.keys(COMMANDS).map((k) => k.length));
  return [
    'Usage: polyglot-canvas <command> [options]',
    '',
    'Commands:',
    ...Object.entries(COMMANDS).map(([name, c]) => `  ${name.padEnd(width)}  ${c.summary}`),
    '',
    'Run `polyglot-canvas <command> --help` for the options of a command.',
  ].join('\n');
}

/**
 * The command line. Returns the exit code: 0 done, 1 the design or the files failed, 2 the
 * command was used wrongly.
 */
export async function main(argv: readonly string[], io: Io = processIo): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    io.out(helpText());
    return name === undefined ? 2 : 0;
  }
  const command = Object.hasOwn(COMMANDS, name) ? COMMANDS[name] : undefined;
  if (!command) {
    io.err(`error: unknown command ${JSON.stringify(name)}.\n\n${helpText()}`);
    return 2;
  }
  const mod = await command.load();
  try {
    return await mod.run(rest, io);
  } catch (e) {
    if (e instanceof UsageError) {
      io.err(`error: ${e.message}\n\n${mod.usage}`);
      return 2;
    }
    io.err(`error: ${e instanceof Error ? e.message : String(e)}`);
    return 1;
  }
}
