/**
 * Migrations of the design document, indexed by the version they upgrade from: MIGRATIONS[n]
 * turns a version-n document into a version-(n+1) one. Version 1 is the first shape, so there is
 * none yet; add one here (and a test) with every change to the document's shape.
 */
export type Migrations = Readonly<Record<number, (doc: Record<string, unknown>) => Record<string, unknown>>>;

export const MIGRATIONS: Migrations = {};
