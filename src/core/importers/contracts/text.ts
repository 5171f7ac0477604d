/** Line starts of a text, to turn offsets into `line:column` (both from 1). */
export class LineIndex {
  private readonly starts: number[] = [0];
  constructor(text: string) {
    for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) === 10) this.starts.push(i + 1);
  }
  /** The 1-based line and column of an offset. */
  position(offset: number): { line: number; column: number } {
    let lo = 0;
    let hi = this.starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if ((this.starts[mid] ?? 0) <= offset) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo + 1, column: offset - (this.starts[lo] ?? 0) + 1 };
  }
}

/** Warnings collected once each, up to a limit, with a last line saying how many were left out. */
export class Warnings {
  private readonly list: string[] = [];
  private readonly seen = new Set<string>();
  private dropped = 0;
  constructor(private readonly limit = 500) {}
  add(w: string): void {
    if (this.seen.has(w)) return;
    this.seen.add(w);
    if (this.list.length < this.limit) this.list.push(w);
    else this.dropped++;
  }
  all(): string[] {
    return this.dropped > 0 ? [...this.list, `… and ${this.dropped} more warnings.`] : [...this.list];
  }
}

/** A list for a message: `a, b and c`, or the first few and how many more. */
export function listed(items: readonly string[], max = 5): string {
  if (items.length <= 1) return items.join('');
  if (items.length <= max) return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1] ?? ''}`;
  return `${items.slice(0, max).join(', ')} and ${items.length - max} more`;
}
