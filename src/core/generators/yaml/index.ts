export { toYaml, toYamlDocuments } from './write';
export { yamlTextProblems } from './check';
export { LONE_SURROGATE, RAW_UNSAFE, looksTyped, plainSafe, wellFormed } from './rule';
export { doubleQuoted } from './scalar';
