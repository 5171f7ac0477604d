import { Enum, Field, Method, OneOf, Service, Type, type ReflectionObject } from 'protobufjs';
import type { ProtoFile } from './parse';

/** A reflection object's full name without the leading dot (`shop.v1.Cart`). */
export const fullName = (o: ReflectionObject): string => o.fullName.replace(/^\./, '');

/** Where reflection objects were declared, found again in their file's text (see ProtoSource). */
export class Places {
  private readonly offsets = new Map<ReflectionObject, number>();
  constructor(private readonly files: ReadonlyMap<string, ProtoFile>) {}

  /** The file an object was declared in. */
  fileOf(o: ReflectionObject | null): ProtoFile | undefined {
    for (let p = o; p; p = p.parent) if (p.filename) return this.files.get(p.filename);
    return undefined;
  }

  /** `file:line:column` of the object's declaration (or of one of its options, by name). */
  where(o: ReflectionObject, option?: string): string {
    const f = this.fileOf(o);
    if (!f) return fullName(o);
    const at = this.offset(o);
    if (option === undefined) return f.source.where(at);
    const opt = f.source.option(option, Math.max(0, at));
    return f.source.where(opt >= 0 ? opt : at);
  }

  /** `file:line:column` of an enum value. */
  whereValue(e: Enum, name: string): string {
    const f = this.fileOf(e);
    if (!f) return `${fullName(e)}.${name}`;
    return f.source.where(f.source.numbered(name, e.values[name] ?? 0, Math.max(0, this.offset(e))));
  }

  offset(o: ReflectionObject): number {
    const known = this.offsets.get(o);
    if (known !== undefined) return known;
    const f = this.fileOf(o);
    let at = -1;
    if (f) {
      const from = o.parent && o.parent.filename !== null ? Math.max(0, this.offset(o.parent)) : 0;
      const src = f.source;
      if (o instanceof Type) {
        at = src.decl('message', o.name, from);
        if (at < 0) at = src.decl('group', o.name, from);
      } else if (o instanceof Enum) at = src.decl('enum', o.name, from);
      else if (o instanceof Service) at = src.decl('service', o.name, from);
      else if (o instanceof Method) at = src.decl('rpc', o.name, from);
      else if (o instanceof OneOf) at = src.decl('oneof', o.name, from);
      else if (o instanceof Field) {
        at = src.numbered(o.name, o.id, o.extend !== undefined ? 0 : from);
        // a group's field is named after its type in lower case: `group Result = 1`
        if (at < 0 && o.resolvedType) at = src.numbered(o.resolvedType.name, o.id, from);
        if (at < 0) at = src.numbered(o.name, o.id, 0);
      }
    }
    this.offsets.set(o, at);
    return at;
  }
}
