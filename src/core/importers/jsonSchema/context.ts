import { pascalCase } from '../../model/naming';
import type { DesignType } from '../../model/types';
import type { TypeRef } from '../../model/typeRefs';
import { IdPool, idFrom } from '../contracts/ids';
import { listed } from '../contracts/text';
import type { Bundled } from '../documents/bundle';
import { at, pointerSegments } from '../documents/parse';

/** What a schema is as a value: a type, maybe a list of it or a map of it, maybe null. */
export interface SchemaValue {
  type: TypeRef;
  repeated?: boolean;
  /** `map<string, type>`. */
  map?: boolean;
  nullable?: boolean;
}

/** A valid protobuf identifier: what names of types and fields can be kept as written. */
export const IDENT = /^[A-Za-z_][A-Za-z0-9_]*$/;

/** Keywords of documentation only: kept where the design has a place, never warned about. */
const DOCS = new Set(['description', 'title', '$comment', 'summary']);

/**
 * The state of mapping the JSON Schemas of one document (OpenAPI or AsyncAPI) to design types:
 * the types made so far, the named schemas already mapped (by pointer), the names taken per
 * parent, and the keywords left out, gathered by keyword so a warning lists their places.
 */
export class SchemaContext {
  /** Types in the order their schemas were met (a message before the types nested in it). */
  private readonly slots: (DesignType | undefined)[] = [];
  /** Mapped `$ref` targets by pointer; a message or enum is registered before its fields, for cycles. */
  readonly named = new Map<string, SchemaValue>();
  private readonly ids = new IdPool();
  private readonly names = new Map<string, Set<string>>();
  private readonly dropped = new Map<string, Set<string>>();

  constructor(
    readonly bundled: Bundled,
    readonly opts: {
      /** Prefix of the type ids (`shop-api`), so ids read well and stay apart per document. */
      idPrefix: string;
      /** The service key that owns the types, or none for the design's shared package. */
      owner?: string;
      warn: (w: string) => void;
    },
  ) {}

  warn(segs: readonly string[], message: string): void {
    this.opts.warn(`${this.bundled.where(segs)}: ${message}`);
  }

  /** The schema a `$ref` points to, with its place. */
  resolve(ref: string): { schema: unknown; segs: string[] } | undefined {
    if (!ref.startsWith('#')) return undefined;
    const segs = pointerSegments(ref);
    const schema = at(this.bundled.root, segs);
    return schema === undefined ? undefined : { schema, segs };
  }

  /** A fresh type id. */
  newId(name: string): string {
    return this.ids.take(idFrom(`${this.opts.idPrefix}_${name}`, 'type'));
  }

  /**
   * A type name that protobuf accepts and that no sibling has: the name as written when it is an
   * identifier, else its PascalCase form (named in a warning); a clash gains a number.
   */
  typeName(wanted: string, parent: string | undefined, segs: readonly string[]): string {
    let name = IDENT.test(wanted) ? wanted : pascalCase(wanted, 'Type');
    const taken = this.names.get(parent ?? '') ?? new Set<string>();
    this.names.set(parent ?? '', taken);
    const base = name;
    for (let i = 2; taken.has(name); i++) name = `${base}${i}`;
    if (name !== wanted) this.warn(segs, `the schema "${wanted}" is the type ${name} in the design.`);
    taken.add(name);
    return name;
  }

  get types(): DesignType[] {
    return this.slots.filter((t): t is DesignType => t !== undefined);
  }

  /** Keeps a place for a type whose fields are mapped first. */
  reserve(): number {
    return this.slots.push(undefined) - 1;
  }

  /** The type a schema at `segs` makes, owned and with its file, in a reserved place. */
  fill(slot: number, t: DesignType, segs: readonly string[]): void {
    const file = this.bundled.fileOf(segs);
    this.slots[slot] = this.opts.owner === undefined ? { ...t, file } : { ...t, owner: this.opts.owner, file };
  }

  /** The type a schema at `segs` makes, added last. */
  add(t: DesignType, segs: readonly string[]): void {
    this.fill(this.reserve(), t, segs);
  }

  /** Notes a keyword the design does not keep, at a place. */
  drop(keyword: string, segs: readonly string[]): void {
    const places = this.dropped.get(keyword) ?? new Set<string>();
    places.add(this.bundled.where(segs));
    this.dropped.set(keyword, places);
  }

  /** Notes every keyword of `schema` outside `consumed` and documentation as left out. */
  dropRest(schema: Record<string, unknown>, consumed: ReadonlySet<string>, segs: readonly string[]): void {
    for (const k of Object.keys(schema)) if (!consumed.has(k) && !DOCS.has(k)) this.drop(k, [...segs, k]);
  }

  /** One warning per keyword left out, with its places. */
  flush(): void {
    for (const [keyword, set] of [...this.dropped].sort((a, b) => a[0].localeCompare(b[0]))) {
      const places = [...set];
      this.opts.warn(
        `"${keyword}" is not kept (the design has no place for it), at ${places.length === 1 ? '' : `${places.length} places: `}${listed(places, 3)}.`,
      );
    }
    this.dropped.clear();
  }
}
