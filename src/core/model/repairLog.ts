import { LONE_SURROGATE, cut, show, someOf, wellFormed } from './text';

/**
 * What restore() changed or dropped, one warning per change that names the place, the old and the
 * new value. Many changes of one kind in one place (3,000 bad environment entries) make one
 * warning that lists the first few and counts the rest, and the whole list is bounded too.
 */
export class RepairLog {
  readonly warnings: string[] = [];
  private left = 0;

  constructor(private readonly max = 60) {}

  add(message: string): void {
    if (this.warnings.length < this.max) this.warnings.push(message);
    else this.left++;
  }

  /** The warnings, with a last line counting those left out. */
  done(): string[] {
    if (this.left > 0) this.warnings.push(`…and ${this.left} more repair${this.left === 1 ? '' : 's'} like these.`);
    this.left = 0;
    return this.warnings;
  }

  /**
   * A text field. Absent gives `fallback` quietly (an optional part left out); anything else that
   * is not a text, a broken character or a text over `max` is repaired with a warning about
   * `where` ("the description of orders").
   */
  text(v: unknown, max: number, where: string, fallback = ''): string {
    if (v === undefined) return fallback;
    if (typeof v !== 'string') {
      this.add(`${upper(where)} was ${show(v)}, not a text; it is now ${show(fallback)}.`);
      return fallback;
    }
    let s = v;
    if (LONE_SURROGATE.test(s)) {
      s = wellFormed(s);
      this.add(`${upper(where)} held a broken character (an unpaired UTF-16 surrogate); it was replaced by U+FFFD.`);
    }
    if (s.length > max) {
      this.add(`${upper(where)} was ${s.length} characters long (${show(s, 30)}); it was cut to ${max}.`);
      s = cut(s, max);
    }
    return s;
  }

  /**
   * A list field: absent is empty; not a list is reported and empty; beyond `max` items the rest
   * are dropped with a warning.
   */
  list(v: unknown, max: number, what: string): unknown[] {
    if (v === undefined) return [];
    if (!Array.isArray(v)) {
      this.add(`${upper(what)} was ${show(v)}, not a list; it is now empty.`);
      return [];
    }
    if (v.length > max) {
      this.add(`${upper(what)} had ${v.length} entries; only the first ${max} were kept.`);
      return v.slice(0, max);
    }
    return v;
  }

  /** Collects many changes of one kind in one place into one warning (see `Tally.flush`). */
  tally(head: (count: number) => string): Tally {
    return new Tally(this, head);
  }
}

/** Changes of one kind, reported together: `head(count)`, then the first few, then "and N more". */
export class Tally {
  private readonly items: string[] = [];
  private count = 0;

  constructor(
    private readonly log: RepairLog,
    private readonly head: (count: number) => string,
  ) {}

  note(item: string): void {
    this.count++;
    if (this.items.length < 4) this.items.push(item);
  }

  flush(): void {
    if (this.count === 0) return;
    const list =
      this.count > 4 ? `${this.items.slice(0, 3).join(', ')} and ${this.count - 3} more` : someOf(this.items, 4);
    this.log.add(`${this.head(this.count)}: ${list}.`);
    this.count = 0;
    this.items.length = 0;
  }
}

export const upper = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
export const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;
/** "1 field was", "2 fields were". */
export const pluralWas = (n: number, one: string, many = `${one}s`) =>
  `${plural(n, one, many)} ${n === 1 ? 'was' : 'were'}`;
