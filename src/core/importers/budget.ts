/**
 * A hard budget on the work of an import, shared by every importer: each limit has a name, and
 * exceeding one stops the import with a message that names the limit, so that no file, however
 * small, can freeze the tab or exhaust its memory. The numbers are far above any real file.
 */

export interface ImportLimits {
  /** The largest file read, in bytes of UTF-8. */
  bytes: number;
  /** YAML aliases (`*name`) in the file. */
  aliases: number;
  /** Values the file holds once its anchors, aliases and merge keys are expanded. */
  expandedValues: number;
  /** Values copied into services by `extends`. */
  extendedValues: number;
  /** How many services one `extends` chain may pass through. */
  extendsDepth: number;
  /** Environment entries read, across all services. */
  envEntries: number;
  /** Services imported; the rest are named in a warning. */
  services: number;
  /** Links made; the rest are counted in a warning. */
  links: number;
  /** Warnings listed; the rest are counted in the last one. */
  warnings: number;
}

export const IMPORT_LIMITS: Readonly<ImportLimits> = {
  bytes: 1024 * 1024,
  aliases: 5000,
  expandedValues: 500_000,
  extendedValues: 500_000,
  extendsDepth: 64,
  envEntries: 100_000,
  services: 500,
  links: 20_000,
  warnings: 100,
};

/** What each limit limits, in words, for the message that names it. */
export const LIMIT_NAMES: Readonly<Record<keyof ImportLimits, string>> = {
  bytes: 'file size in bytes',
  aliases: 'YAML aliases in a file',
  expandedValues: 'values once anchors, aliases and merge keys are expanded',
  extendedValues: 'values copied into services by extends',
  extendsDepth: 'the length of an extends chain',
  envEntries: 'environment entries',
  services: 'services imported',
  links: 'links in a design',
  warnings: 'warnings listed',
};

/** An import stopped by one of its limits; `message` says which and why. */
export class LimitExceeded extends Error {
  constructor(
    readonly limit: keyof ImportLimits,
    message: string,
  ) {
    super(message);
    this.name = 'LimitExceeded';
  }
}

/** Counts the work of one import against its limits. */
export class Budget {
  private readonly used = new Map<keyof ImportLimits, number>();

  constructor(readonly limits: Readonly<ImportLimits> = IMPORT_LIMITS) {}

  /**
   * Spends `n` of a limit; past it, throws `LimitExceeded` with `what` (what the file asks for,
   * such as "The service api extends a chain of more than 64 services") and the limit's name.
   */
  spend(limit: keyof ImportLimits, n: number, what: () => string): void {
    const total = (this.used.get(limit) ?? 0) + n;
    this.used.set(limit, total);
    if (total > this.limits[limit]) throw this.exceeded(limit, what());
  }

  /** The error for a limit passed, for checks that count on their own. */
  exceeded(limit: keyof ImportLimits, what: string): LimitExceeded {
    const max = this.limits[limit].toLocaleString('en-US');
    return new LimitExceeded(
      limit,
      `${what}. That is over the import limit on ${LIMIT_NAMES[limit]} (${max}), so the file was not imported.`,
    );
  }
}

/**
 * The warnings of an import: each once, in order, at most `max` of them, then a last line that
 * counts the rest. A Set keeps adding one linear however many repeat.
 */
export class ImportWarnings {
  private readonly seen = new Set<string>();
  private readonly list: string[] = [];
  private more = 0;

  constructor(private readonly max = IMPORT_LIMITS.warnings) {}

  add = (w: string): void => {
    if (this.seen.has(w)) return;
    this.seen.add(w);
    if (this.list.length < this.max) this.list.push(w);
    else this.more++;
  };

  /** The warnings, with a last line counting those left out. */
  all(): string[] {
    return this.more > 0 ? [...this.list, `…and ${this.more} more warnings like these.`] : [...this.list];
  }
}
