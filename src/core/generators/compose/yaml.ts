/**
 * YAML for tools that read YAML 1.1 (docker compose and kubectl are Go programs) as much as for
 * those that read 1.2: the one writer every generated file shares (see `../yaml`).
 */
export { toYaml, toYamlDocuments } from '../yaml';
