import { migrate2to3 } from './migrate2';

/**
 * Migrations of the design document, indexed by the version they upgrade from: MIGRATIONS[n]
 * turns a version-n document into a version-(n+1) one, and says in `warnings` what it could not
 * carry over as it was. Add one here (and a test) with every change to the document's shape.
 */
export type Migrations = Readonly<
  Record<number, (doc: Record<string, unknown>, warnings: string[]) => Record<string, unknown>>
>;

export const MIGRATIONS: Migrations = {
  /**
   * Version 2 adds the generic `container` kind and two optional node fields, `image` and
   * `hostPort`. A version-1 node has neither, which means what it always meant: the catalog's
   * image, published on its own port.
   */
  1: (doc) => ({ ...doc, version: 2 }),
  /**
   * Version 3 gives the design its types and each service the API it serves; links say which
   * methods of the target they use (see migrate2.ts).
   */
  2: migrate2to3,
};
