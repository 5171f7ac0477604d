export { toYaml, toYamlDocuments } from './write';
export { yamlTextProblems } from './check';
export { RAW_UNSAFE, looksTyped, plainSafe } from './rule';
export { doubleQuoted } from './scalar';
