/**
 * Migrations of the design document, indexed by the version they upgrade from: MIGRATIONS[n]
 * turns a version-n document into a version-(n+1) one. Add one here (and a test) with every
 * change to the document's shape.
 */
export type Migrations = Readonly<Record<number, (doc: Record<string, unknown>) => Record<string, unknown>>>;

export const MIGRATIONS: Migrations = {
  /**
   * Version 2 adds the generic `container` kind and two optional node fields, `image` and
   * `hostPort`. A version-1 node has neither, which means what it always meant: the catalog's
   * image, published on its own port.
   */
  1: (doc) => ({ ...doc, version: 2 }),
};
