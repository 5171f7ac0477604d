import { fastYaml } from '../yaml';

/**
 * YAML for tools that read YAML 1.1 (kubectl's parser, older compose versions): with the 1.1
 * schema, strings such as `yes`, `on` or `22:22` are quoted so they stay strings, and a long
 * value is never folded. A shared object is written out each time, never as an anchor and alias.
 */
export function toYaml(value: unknown): string {
  return fastYaml(value, '1.1');
}

/** Several YAML documents in one file, in the given order. */
export function toYamlDocuments(values: readonly unknown[]): string {
  return values.map((v) => toYaml(v)).join('---\n');
}
